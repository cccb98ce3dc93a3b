//! The confirmation page: the package's digest, download, contents.

use leptos::prelude::*;

use super::Heading;
use crate::domain::route::Step;
use crate::ui::act::run;
use crate::ui::state::{use_wizard, Wizard};
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
    view! {
        <div class="prw-page">
            <div class="prw-panel prw-panel--confirmation">
                <Heading key="step.done"/>
                <p class="prw-body"><Tr k="done.lede"/></p>
                <p class="prw-body"><Tr k="ui.digest"/>" "<span class="prw-code" id=w.id("digest")>{digest}</span></p>
            </div>
            <button type="button" class="prw-button" on:click=run(w, download_package)>
                <Tr k="ui.download"/>
            </button>
            <details class="prw-details">
                <summary><Tr k="ui.show_json"/></summary>
                <pre class="prw-pre" id=w.id("package-json")>{move || json.get()}</pre>
            </details>
            <button type="button" class="prw-button prw-button--secondary" on:click=run(w, new_filing)><Tr k="ui.new_filing"/></button>
        </div>
    }
}

fn new_filing(w: Wizard) {
    crate::ui::drafts::reset_for_new(w);
    w.nav.returning.set(false);
    w.go(Step::Start);
}

/// The package as a file, `filing-<route>-<8 digits of its digest>.json`.
fn download_package(w: Wizard) {
    w.package.with_untracked(|p| {
        if let Some(p) = p {
            let name = format!(
                "filing-{}-{}.json",
                p.route.id(),
                p.digest.get(7..15).unwrap_or_default()
            );
            let json = crate::domain::package::json_text(p, true);
            crate::ui::drafts::download(&name, "application/json", &json);
        }
    });
}
