//! Check your answers: every page's answers with a change link, what
//! still blocks, the advice and notes, then the package.

use leptos::prelude::*;

use super::findings::{ErrorSummary, FindingLink, FindingList};
use super::{BackLink, Heading};
use crate::domain::asked::asked;
use crate::domain::finding::{Finding, Severity};
use crate::domain::route::Step;
use crate::ui::act::{run, to_field};
use crate::ui::rows::rows;
use crate::ui::state::{use_wizard, Wizard};
use crate::ui::tr::Tr;
use crate::wizard::{answer, entries, question, Entry, Question};

/// One row of the check-answers summary list, while its question is asked.
#[component]
fn AnswerRow(q: Question) -> impl IntoView {
    let w = use_wizard();
    let label = q.label;
    let path = StoredValue::new(q.path.clone());
    let spec = q.spec;
    let visible = Memo::new(move |_| {
        let profile = w.profile.get();
        w.filing()
            .with(|f| path.with_value(|p| asked(p, f, &profile)))
    });
    let row = move || {
        let value = move || {
            let lang = w.lang.get();
            w.filing()
                .with(|f| path.with_value(|p| answer(spec, f, p, lang)))
                .unwrap_or_else(|| w.t("ui.not_provided").to_string())
        };
        view! {
            <div class="prw-summary__row">
                <dt class="prw-summary__key"><Tr k=label/></dt>
                <dd class="prw-summary__value">{value}</dd>
                <dd class="prw-summary__actions">
                    <a class="prw-link" href=path.with_value(|p| format!("#{}", w.field_id(p))) on:click=to_field(w, path.get_value(), true)>
                        <Tr k="ui.change"/>
                        <span class="prw-visually-hidden">" "<Tr k=label/></span>
                    </a>
                </dd>
            </div>
        }
    };
    move || visible.get().then(row)
}

/// A list of units as a table: name, code, plan, amount (the list's own
/// labels: a J-voluntary amount is a share).
#[component]
fn ListAnswers(path: &'static str, label: &'static str) -> impl IntoView {
    let w = use_wizard();
    let columns = ["name", "uscc", "plan_ref", "amount"]
        .map(|leaf| question(&format!("{path}[0].{leaf}")).map_or("label.party.name", |q| q.label));
    let body = move || {
        w.filing().with(|f| {
            rows(f, path)
                .iter()
                .map(|p| {
                    let amount = crate::domain::money::Fen::parse_yuan(&p.amount)
                        .map(|a| a.yuan_string())
                        .unwrap_or_else(|_| p.amount.clone());
                    view! {
                        <tr><td>{p.name.clone()}</td><td class="prw-code">{p.uscc.clone()}</td><td>{p.plan_ref.clone()}</td><td class="prw-num">{amount}</td></tr>
                    }
                })
                .collect_view()
        })
    };
    let head = columns
        .into_iter()
        .map(|k| view! { <th scope="col"><Tr k=k/></th> })
        .collect_view();
    view! {
        <div class="prw-summary__row prw-summary__row--table">
            <dt class="prw-summary__key"><Tr k=label/></dt>
            <dd class="prw-summary__value">
                // Many purchasers scroll inside their own region (a keyboard
                // user can focus it), never the page.
                <div class="prw-scroll" role="region" tabindex="0" aria-label=move || w.t(label)>
                    <table class="prw-table">
                        <thead><tr>{head}</tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
                {move || {
                    let lang = w.lang.get();
                    w.filing()
                        .with(|f| crate::wizard::total(f, path))
                        .map(|t| view! { <p class="prw-total">{crate::wizard::total_text(&t, lang, true)}</p> })
                }}
            </dd>
            <dd class="prw-summary__actions">
                <a class="prw-link" href=format!("#{}", w.field_id(path)) on:click=to_field(w, path.to_string(), true)><Tr k="ui.change"/><span class="prw-visually-hidden">" "<Tr k=label/></span></a>
            </dd>
        </div>
    }
}

#[component]
pub(super) fn CheckPage() -> impl IntoView {
    let w = use_wizard();
    let findings = Memo::new(move |_| {
        w.filing().track();
        w.profile.track();
        w.findings_now()
    });
    let of = move |sev: Severity| {
        findings.with(|all| {
            all.iter()
                .filter(|f| f.severity == sev)
                .cloned()
                .collect::<Vec<Finding>>()
        })
    };
    let digest = Memo::new(move |_| {
        w.filing().track();
        w.build_package().map(|p| p.digest).unwrap_or_default()
    });
    let sections = move || {
        w.route_steps()
            .into_iter()
            .filter(|s| !matches!(s, Step::Start | Step::Check | Step::Done))
            .map(|step| {
                let title = format!("step.{}", step.id());
                let items = entries(step)
                    .into_iter()
                    .map(|entry| match entry {
                        Entry::Ask(q) => view! { <AnswerRow q/> }.into_any(),
                        Entry::List { path, label } => {
                            view! { <ListAnswers path label/> }.into_any()
                        }
                        Entry::Note(..) | Entry::Directory => ().into_any(),
                    })
                    .collect_view();
                view! {
                    <section class="prw-check-section">
                        <h3 class="prw-check-section__title">{move || w.t(&title)}</h3>
                        <dl class="prw-summary">{items}</dl>
                    </section>
                }
            })
            .collect_view()
    };
    let submit = move |_| {
        let errors = of(Severity::Error);
        if !errors.is_empty() {
            w.nav.shown.set(errors);
            w.set_title(true);
            w.focus_later(w.id("error-summary"));
            return;
        }
        if let Some(package) = w.build_package() {
            let json = crate::domain::package::json_text(&package, false);
            w.package.set(Some(package));
            w.go(Step::Done);
            let detail = js_sys::JSON::parse(&json).unwrap_or(wasm_bindgen::JsValue::NULL);
            w.emit("wizard:submit", &detail);
        }
    };
    view! {
        <div class="prw-page prw-page--check">
            <BackLink/>
            <ErrorSummary/>
            <Heading key="step.check"/>
            {move || {
                let errors = of(Severity::Error);
                (!errors.is_empty()).then(|| {
                    let items = errors.into_iter().map(|f| view! { <li><FindingLink finding=f/></li> }).collect_view();
                    view! {
                        <div class="prw-panel prw-panel--errors">
                            <h3 class="prw-panel__title"><Tr k="ui.check_outstanding"/></h3>
                            <ul class="prw-panel__list">{items}</ul>
                        </div>
                    }
                })
            }}
            {sections}
            {move || view! { <FindingList findings=of(Severity::Warning) title="ui.warnings_title" class="prw-panel--warning"/> }}
            {move || view! { <FindingList findings=of(Severity::Info) title="ui.notes_title" class="prw-panel--notes"/> }}
            <p class="prw-print-only prw-digest"><Tr k="ui.digest"/>" "<span class="prw-code">{move || digest.get()}</span></p>
            <button type="button" class="prw-button" on:click=submit><Tr k="ui.generate"/></button>
            <button type="button" class="prw-button prw-button--secondary prw-no-print" on:click=run(w, print)><Tr k="ui.print"/></button>
        </div>
    }
}

fn print(_: Wizard) {
    let _ = window().print();
}
