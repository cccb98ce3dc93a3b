//! The confirmation page: the package's digest, download, contents.

use leptos::prelude::*;

use super::Heading;
use crate::domain::route::Step;
use crate::ui::state::use_wizard;
use crate::ui::tr::Tr;

#[component]
pub(super) fn DonePage() -> impl IntoView {
    let w = use_wizard();
    let json = Memo::new(move |_| {
        w.package
            .with(|p| {
                p.as_ref()
                    .map(|p| crate::domain::package::json_text(p, true))
            })
            .unwrap_or_default()
    });
    let digest = move || {
        w.package
            .with(|p| p.as_ref().map(|p| p.digest.clone()).unwrap_or_default())
    };
    let file_name = move || {
        w.package
            .with(|p| {
                p.as_ref().map(|p| {
                    format!(
                        "filing-{}-{}.json",
                        p.route.id(),
                        &p.digest[7..15.min(p.digest.len())]
                    )
                })
            })
            .unwrap_or_else(|| "filing.json".into())
    };
    view! {
        <div class="prw-page">
            <div class="prw-panel prw-panel--confirmation">
                <Heading key="step.done"/>
                <p class="prw-body"><Tr k="done.lede"/></p>
                <p class="prw-body"><Tr k="ui.digest"/>" "<span class="prw-code" id=w.id("digest")>{digest}</span></p>
            </div>
            <button type="button" class="prw-button" on:click=move |_| crate::ui::drafts::download(&file_name(), "application/json", &json.get_untracked())>
                <Tr k="ui.download"/>
            </button>
            <details class="prw-details">
                <summary><Tr k="ui.show_json"/></summary>
                <pre class="prw-pre" id=w.id("package-json")>{move || json.get()}</pre>
            </details>
            <button type="button" class="prw-button prw-button--secondary" on:click=move |_| {
                crate::ui::drafts::reset_for_new(w);
                w.nav.returning.set(false);
                w.go(Step::Start);
            }><Tr k="ui.new_filing"/></button>
        </div>
    }
}
