//! A page of questions: what the page model lists for the step, in order.

use leptos::prelude::*;

use super::findings::{ErrorSummary, FindingList};
use super::{BackLink, Heading};
use crate::domain::finding::Severity;
use crate::domain::route::Step;
use crate::ui::form::{Field, FieldView, ListEditor};
use crate::ui::state::use_wizard;
use crate::ui::tr::Tr;
use crate::wizard::{entries, Entry};

#[component]
pub(super) fn StepPage(step: Step) -> impl IntoView {
    let w = use_wizard();
    let warnings = Memo::new(move |_| {
        w.nav.shown.with(|s| {
            s.iter()
                .filter(|f| f.severity == Severity::Warning)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let body = entries(step)
        .into_iter()
        .map(|entry| match entry {
            Entry::Note(key, when) => {
                let shown = move || {
                    when.is_none_or(|c| w.filing().with(c))
                        .then(|| view! { <p class="prw-body"><Tr k=key/></p> })
                };
                shown.into_any()
            }
            Entry::Ask(q) => {
                let path = q.path.clone();
                view! { <FieldView field=Field::from(q) path/> }.into_any()
            }
            Entry::List { path, label } => view! { <ListEditor path label/> }.into_any(),
            Entry::Directory => view! { <crate::ui::directory::AgencyDirectory/> }.into_any(),
        })
        .collect_view();
    view! {
        <div class="prw-page">
            <BackLink/>
            <ErrorSummary/>
            <Heading key=format!("step.{}", step.id())/>
            {crate::text::has(&format!("lede.{}", step.id())).then(|| {
                let key = format!("lede.{}", step.id());
                view! { <p class="prw-body prw-lede">{move || w.t(&key)}</p> }
            })}
            <form class="prw-form" novalidate on:submit=crate::ui::act::continue_from(w, step)>
                {body}
                {move || view! { <FindingList findings=warnings.get() title="ui.warnings_title" class="prw-panel--warning"/> }}
                <button type="submit" class="prw-button"><Tr k="ui.continue"/></button>
            </form>
        </div>
    }
}
