//! The start page: what the purchaser will need, and the drafts kept on
//! this computer.

use leptos::prelude::*;

use super::Heading;
use crate::domain::route::Step;
use crate::ui::act::run;
use crate::ui::state::{use_wizard, Wizard};
use crate::ui::tr::Tr;

#[component]
pub(super) fn StartPage() -> impl IntoView {
    let w = use_wizard();
    // The drafts panel follows the start button by a frame: its first
    // render held the page's first paint back by about 15 ms of a cold
    // start (`scripts/bench-startup`), most of it the browser compiling
    // the panel's code on first call.
    let panel = RwSignal::new(false);
    request_animation_frame(move || {
        set_timeout(
            move || {
                panel.try_set(true);
            },
            std::time::Duration::ZERO,
        )
    });
    view! {
        <div class="prw-page">
            <Heading key="step.start"/>
            <p class="prw-body"><Tr k="start.lede"/></p>
            <ul class="prw-list-bullets">
                <li><Tr k="start.need_purchaser"/></li>
                <li><Tr k="start.need_project"/></li>
                <li><Tr k="start.need_route"/></li>
            </ul>
            <p class="prw-body prw-hint"><Tr k="start.clauses"/></p>
            <button type="button" class="prw-button prw-button--start" on:click=run(w, start)>
                {move || if w.drafts.draft.with(|d| d.id.is_empty()) { w.t("ui.start") } else { w.t("ui.continue_current") }}
            </button>
            {move || (!w.drafts.draft.with(|d| d.id.is_empty())).then(|| view! {
                <button type="button" class="prw-button prw-button--secondary" on:click=run(w, start_new)><Tr k="ui.new_filing"/></button>
            })}
            {move || panel.get().then(|| view! { <crate::ui::drafts::DraftsPanel/> })}
        </div>
    }
}

/// 开始 (or 继续 the current draft).
fn start(w: Wizard) {
    if w.drafts.draft.with_untracked(|d| d.id.is_empty()) {
        crate::ui::drafts::begin(w);
    }
    w.go(Step::Route);
}

/// A new filing beside the current draft.
fn start_new(w: Wizard) {
    crate::ui::drafts::reset_for_new(w);
    crate::ui::drafts::begin(w);
    w.go(Step::Route);
}
