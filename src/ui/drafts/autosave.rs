//! Autosave: a debounced save after each edit, an immediate one when the
//! page is hidden or the wizard unmounted, and a stop when another tab
//! saved the same draft.

use std::time::Duration;

use leptos::prelude::*;

use super::status::saved_text;
use super::{current, now_ms, perf_now, refresh_list, resume};
use crate::domain::route::Step;
use crate::storage::SaveError;
use crate::ui::state::{PendingSave, SaveStatus, Wizard};

/// Wait this long after the last keystroke before saving (≤ 500 ms).
const DEBOUNCE: Duration = Duration::from_millis(300);

/// Save now. Never overwrites another tab's newer save, never loses the
/// previous save when storage is full.
pub fn save_now(w: Wizard) {
    if !w.alive()
        || w.drafts.draft.with_untracked(|d| d.id.is_empty())
        || w.drafts.save_status.get_untracked() == SaveStatus::Conflict
    {
        return;
    }
    // A new draft nobody has typed into is not kept: "start a new filing"
    // and a reload must not leave empty rows in the drafts list.
    let untouched = w.drafts.draft.with_untracked(|d| d.revision == 0)
        && w.prefill
            .with_value(|new| w.filing().with_untracked(|f| f == new));
    if untouched {
        return;
    }
    let started = perf_now();
    let draft = current(w);
    let result = w.drafts.store.with_value(|s| s.save(&draft));
    w.drafts.last_save_ms.set(perf_now() - started);
    match result {
        Ok(()) => {
            crate::ui::rescue::saved(w);
            w.drafts.draft.update(|d| {
                d.revision = draft.revision;
                d.step = Some(draft.step);
            });
            // The start page's list shows the open draft as saved.
            if w.nav.step.get_untracked() == Step::Start {
                refresh_list(w);
            }
            let detail = super::super::state::event_detail(&[
                ("id", draft.id.as_str().into()),
                // A count of saves: exact as a JS number far past any use.
                ("revision", (draft.revision as f64).into()),
                ("savedAt", draft.saved_at.as_str().into()),
            ]);
            w.emit("wizard:draft-saved", &detail);
            w.drafts.save_status.set(SaveStatus::Saved(now_ms()));
            // Autosave status is announced politely, not on every keystroke.
            w.nav.announce.set(saved_text(w, now_ms()));
        }
        Err(SaveError::Blocked) => w.drafts.save_status.set(SaveStatus::Memory),
        Err(SaveError::Quota) => {
            w.drafts.save_status.set(SaveStatus::Quota);
            w.nav.announce.set(w.t("draft.quota").to_string());
        }
        Err(SaveError::Conflict) => {
            w.drafts.save_status.set(SaveStatus::Conflict);
            w.nav.announce.set(w.t("draft.conflict").to_string());
        }
        Err(SaveError::Other(_)) => w.drafts.save_status.set(SaveStatus::Failed),
    }
}

/// Wire autosave to edits and page lifecycle; resume this tab's draft.
pub fn start_autosave(w: Wizard) {
    // A reload in the same tab comes back to the same page and answers.
    if let Some(id) = w.drafts.store.with_value(|s| s.current_pointer()) {
        if let Some(Ok(d)) = w.drafts.store.with_value(|s| s.load(&id)) {
            resume(w, d);
        }
    }
    refresh_list(w);

    Effect::new(move |first: Option<()>| {
        w.edits.track();
        w.nav.step.track();
        if first.is_none() || w.drafts.draft.with_untracked(|d| d.id.is_empty()) {
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                if w.alive() {
                    w.drafts
                        .pending
                        .update_value(|p| *p = PendingSave::default());
                    save_now(w);
                }
            },
            DEBOUNCE,
        )
        .ok();
        w.drafts.pending.update_value(|p| {
            p.dirty = true;
            if let Some(t) = std::mem::replace(&mut p.timer, handle) {
                t.clear();
            }
        });
    });

    // Leaving or hiding the page saves at once: a crash after that loses nothing.
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| flush(w));
    let on_visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush(w);
        }
    });
    // Another tab saved: this tab must not overwrite it silently.
    let on_storage =
        window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
            let Some(key) = ev.key() else {
                refresh_list(w);
                return;
            };
            let ours = w
                .drafts
                .store
                .with_value(|s| s.id_of_key(&key).map(str::to_string));
            let Some(id) = ours else { return };
            if w.nav.step.get_untracked() == Step::Start {
                refresh_list(w);
            }
            if id == w.drafts.draft.with_untracked(|d| d.id.clone()) {
                let stored = w.drafts.store.with_value(|s| s.stored_revision(&id));
                if stored > w.drafts.draft.with_untracked(|d| d.revision) {
                    w.drafts.save_status.set(SaveStatus::Conflict);
                    w.nav.announce.set(w.t("draft.conflict").to_string());
                }
            }
        });
    on_cleanup(move || {
        on_hide.remove();
        on_visibility.remove();
        on_storage.remove();
    });
}

/// Save a pending edit now and stop its debounce timer (page hidden,
/// `unmount()`). Does nothing when nothing is pending or the state is gone.
pub fn flush(w: Wizard) {
    let pending = w
        .drafts
        .pending
        .try_update_value(std::mem::take)
        .unwrap_or_default();
    if let Some(t) = pending.timer {
        t.clear();
    }
    if pending.dirty {
        save_now(w);
    }
}
