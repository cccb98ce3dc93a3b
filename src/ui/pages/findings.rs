//! Findings on a page: the GOV.UK error summary (each entry a link to its
//! field), and advice or notes apart from errors.

use leptos::prelude::*;

use crate::domain::finding::Finding;
use crate::domain::i18n::Lang;

/// A finding's clause after its message, bracketed as each language does;
/// nothing when the finding cites none (the route choice).
fn clause_note(f: &Finding, lang: Lang) -> String {
    let clause = f.clause_text(lang);
    match (clause.is_empty(), lang) {
        (true, _) => String::new(),
        (false, Lang::Zh) => format!("（{clause}）"),
        (false, Lang::En) => format!("({clause})"),
    }
}
use crate::domain::route::Step;
use crate::ui::state::use_wizard;
use crate::ui::tr::Tr;

/// The GOV.UK error summary: focused on failure, each entry a link to its field.
#[component]
pub fn ErrorSummary() -> impl IntoView {
    let w = use_wizard();
    let errors = Memo::new(move |_| {
        w.nav
            .shown
            .with(|s| s.iter().filter(|f| f.blocks()).cloned().collect::<Vec<_>>())
    });
    move || {
        let list = errors.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|f| view! { <li><FindingLink finding=f/></li> })
                .collect_view();
            view! {
                <div class="prw-error-summary" id=w.id("error-summary") tabindex="-1"
                    aria-labelledby=w.id("error-summary-title")>
                    <div role="alert">
                        <h2 class="prw-error-summary__title" id=w.id("error-summary-title")>
                            <Tr k="ui.error_summary_title"/>
                        </h2>
                        <ul class="prw-error-summary__list">{items}</ul>
                    </div>
                </div>
            }
        })
    }
}

/// A finding as a link to its field, with its clause.
#[component]
pub(super) fn FindingLink(finding: Finding) -> impl IntoView {
    let w = use_wizard();
    let href = format!("#{}", w.field_id(&finding.path));
    let from_check = w.nav.step.get_untracked() == Step::Check;
    let go = crate::ui::act::to_field(w, finding.path.clone(), from_check);
    let f2 = finding.clone();
    view! {
        <a class="prw-link" href=href on:click=go>{move || finding.text(w.lang.get()).to_string()}</a>
        " "
        <span class="prw-clause">{move || clause_note(&f2, w.lang.get())}</span>
    }
}

/// Advice shown apart from errors; never blocks.
#[component]
pub(super) fn FindingList(
    findings: Vec<Finding>,
    title: &'static str,
    class: &'static str,
) -> impl IntoView {
    let w = use_wizard();
    (!findings.is_empty()).then(|| {
        let items = findings
            .into_iter()
            .map(|f| {
                let f2 = f.clone();
                view! {
                    <li>
                        {move || f.text(w.lang.get()).to_string()}
                        " "
                        <span class="prw-clause">{move || clause_note(&f2, w.lang.get())}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class=format!("prw-panel {class}")>
                <h3 class="prw-panel__title"><Tr k=title/></h3>
                <ul class="prw-panel__list">{items}</ul>
            </div>
        }
    })
}
