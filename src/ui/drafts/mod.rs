//! Drafts in the browser: the draft being edited (begin, resume, start
//! again), and, each in its own module, autosave, the status line, the
//! drafts panel of the start page, and files (export, import, download).
//! Storage itself, with every fault it can raise, is `crate::storage`.

mod autosave;
mod files;
mod panel;
mod status;

use leptos::prelude::*;

use super::state::{DraftMeta, SaveStatus, Wizard};
use crate::domain::date::rfc3339_utc;
use crate::domain::draft::{Draft, DRAFT_VERSION};
use crate::domain::profile::Profile;
use crate::domain::route::Step;

pub use autosave::{flush, save_now, start_autosave};
pub(crate) use files::{chosen_file, file_name};
pub use files::{download, export_current, store_import};
pub use panel::DraftsPanel;
pub use status::SaveStatusBar;

pub(super) fn now_ms() -> f64 {
    js_sys::Date::now()
}

pub(super) fn perf_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(now_ms, |p| p.now())
}

pub(super) fn new_id() -> String {
    let rand = (js_sys::Math::random() * 4_294_967_295.0) as u64;
    format!("{:x}-{:08x}", now_ms() as u64, rand)
}

/// The draft as it stands now, as the next revision.
pub fn current(w: Wizard) -> Draft {
    let meta = w.drafts.draft.get_untracked();
    let now = rfc3339_utc(now_ms() as i64);
    Draft {
        draft_version: DRAFT_VERSION,
        id: meta.id,
        name: meta.name,
        profile: w.profile.with_untracked(|p| p.id().to_string()),
        // On the start page the draft still resumes where it was left.
        step: match w.nav.step.get_untracked() {
            Step::Start => meta.step.unwrap_or(Step::Route),
            step => step,
        },
        revision: meta.revision.saturating_add(1),
        created_at: if meta.created_at.is_empty() {
            now.clone()
        } else {
            meta.created_at
        },
        saved_at: now,
        filing: w.filing().get_untracked(),
    }
}

/// Begin a new draft (pressing 开始 on a fresh filing).
pub fn begin(w: Wizard) {
    let id = new_id();
    w.drafts.store.with_value(|s| s.remember_current(&id));
    w.drafts.draft.set(DraftMeta {
        id,
        name: String::new(),
        created_at: rfc3339_utc(now_ms() as i64),
        revision: 0,
        step: None,
    });
    if w.drafts.store.with_value(|s| s.available()) {
        w.drafts.save_status.set(SaveStatus::Idle);
    }
}

/// Open a draft where it was left.
pub fn resume(w: Wizard, d: Draft) {
    w.drafts.store.with_value(|s| s.remember_current(&d.id));
    if w.profile.with_untracked(|p| p.id() != d.profile) {
        w.profile.set(
            w.home
                .with_value(|home| Profile::for_draft(&d.profile, home)),
        );
    }
    w.drafts.draft.set(DraftMeta {
        id: d.id,
        name: d.name,
        created_at: d.created_at,
        revision: d.revision,
        step: Some(d.step),
    });
    w.replace(d.filing);
    w.drafts.save_status.set(SaveStatus::Saved(now_ms()));
    w.nav.returning.set(false);
    w.go(d.step);
}

pub fn refresh_list(w: Wizard) {
    w.drafts
        .entries
        .set(w.drafts.store.with_value(|s| s.list()));
}

/// A fresh filing (the portal's pre-filled purchaser kept), no draft yet.
pub fn reset_for_new(w: Wizard) {
    w.replace(w.prefill.get_value());
    w.drafts.draft.set(DraftMeta::default());
    w.drafts.store.with_value(|s| s.forget_current());
    refresh_list(w);
}
