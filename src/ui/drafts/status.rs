//! The status line: when the draft was saved, or what went wrong and what
//! the purchaser can do about it.

use leptos::prelude::*;

use super::{current, new_id, resume, save_now};
use crate::ui::act::run;
use crate::ui::state::{use_wizard, DraftMeta, SaveStatus, Wizard};
use crate::ui::tr::Tr;

/// "已保存 14:05（北京时间）": China time, as the rules read "today".
pub(super) fn saved_text(w: Wizard, at: f64) -> String {
    let (_, clock) = crate::domain::date::china_clock(at as i64);
    crate::text::fill_ui("draft.saved_at", w.lang.get(), &[("time", clock)])
}

/// The status line: saved time, or what went wrong and what to do.
#[component]
pub fn SaveStatusBar() -> impl IntoView {
    let w = use_wizard();
    move || {
        let status = w.drafts.save_status.get();
        let (class, text): (&str, String) = match status {
            SaveStatus::Idle => return None,
            SaveStatus::Saved(at) => ("prw-save", saved_text(w, at)),
            SaveStatus::Memory => ("prw-save prw-save--problem", w.t("draft.memory").to_string()),
            SaveStatus::Quota => ("prw-save prw-save--problem", w.t("draft.quota").to_string()),
            SaveStatus::Failed => ("prw-save prw-save--problem", w.t("draft.failed").to_string()),
            SaveStatus::Conflict => {
                return Some(
                    view! {
                        <div class="prw-save prw-save--problem" data-status="conflict">
                            <p class="prw-body"><Tr k="draft.conflict"/></p>
                            <button type="button" class="prw-button prw-button--secondary" on:click=run(w, load_latest)><Tr k="draft.load_latest"/></button>
                            <button type="button" class="prw-button prw-button--secondary" on:click=run(w, save_copy)><Tr k="draft.save_copy"/></button>
                        </div>
                    }
                    .into_any(),
                )
            }
        };
        let problem = !matches!(status, SaveStatus::Saved(_));
        Some(
            view! {
                <div class=class data-status=if problem { "problem" } else { "saved" }
                    data-save-us=move || ((w.drafts.last_save_ms.get() * 1000.0) as u64).to_string()>
                    <span class="prw-save__text">{text}</span>
                    " "
                    <button type="button" class="prw-link" on:click=run(w, super::export_current)><Tr k="draft.export"/></button>
                </div>
            }
            .into_any(),
        )
    }
}

/// Another tab saved this draft since: load what it saved.
fn load_latest(w: Wizard) {
    let id = w.drafts.draft.with_untracked(|d| d.id.clone());
    if let Some(Ok(d)) = w.drafts.store.with_value(|s| s.load(&id)) {
        resume(w, d);
    }
}

/// Another tab saved this draft since: keep these answers as a copy.
fn save_copy(w: Wizard) {
    let mut copy = current(w);
    copy.id = new_id();
    copy.name = format!("{}{}", copy.name, w.t("draft.copy_suffix"));
    copy.revision = 0;
    w.drafts.store.with_value(|s| s.remember_current(&copy.id));
    w.drafts.draft.set(DraftMeta {
        id: copy.id,
        name: copy.name,
        created_at: copy.created_at,
        revision: 0,
        step: Some(copy.step),
    });
    w.drafts.save_status.set(SaveStatus::Idle);
    save_now(w);
}
