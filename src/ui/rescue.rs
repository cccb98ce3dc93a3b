//! Nothing lost, even on a bug. The wasm is built with `panic = "abort"`:
//! after a panic none of this module's code runs again, and the form
//! freezes. The panic hook runs before the abort: it writes each mounted
//! wizard's newest answers to its draft and replaces the frozen form with a
//! plain message (what happened, that the draft is saved, a download link
//! and a reload link — links, because no event handler of ours can run).
//!
//! The hook reads no reactive state: a panic may happen while a signal is
//! locked. Each instance keeps a plain copy of its newest draft instead,
//! refreshed after every edit ([`note`]) and marked clean when autosave
//! has written it ([`saved`]).

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::drafts;
use super::state::Wizard;
use crate::domain::draft::{self, Draft};
use crate::domain::i18n::Lang;
use crate::storage::{SaveError, Store};
use crate::text::t;

struct Kept {
    /// The newest draft, once the purchaser has begun one.
    draft: Option<Draft>,
    /// Answers typed since autosave last wrote them.
    dirty: bool,
    store: Store,
    lang: Lang,
    /// The element the wizard renders into, inside its shadow root.
    container: Element,
}

thread_local! {
    /// By element-id prefix; one entry per mounted instance, so a list.
    static KEPT: RefCell<Vec<(String, Kept)>> = const { RefCell::new(Vec::new()) };
}

/// A mounted instance, by its element-id prefix.
pub fn keep(prefix: &str, container: Element, store: Store, lang: Lang) {
    let kept = Kept {
        draft: None,
        dirty: false,
        store,
        lang,
        container,
    };
    let _ = KEPT.try_with(|k| {
        let mut list = k.borrow_mut();
        list.retain(|(p, _)| p != prefix);
        list.push((prefix.to_string(), kept));
    });
}

/// Unmounted: its answers were flushed by `unmount()`.
pub fn forget(prefix: &str) {
    let _ = KEPT.try_with(|k| k.borrow_mut().retain(|(p, _)| p != prefix));
}

fn with_kept(w: Wizard, change: impl FnOnce(&mut Kept)) {
    let Some(prefix) = w.prefix.try_get_value() else {
        return;
    };
    let _ = KEPT.try_with(|k| {
        if let Ok(mut map) = k.try_borrow_mut() {
            if let Some((_, kept)) = map.iter_mut().find(|(p, _)| *p == prefix) {
                change(kept);
            }
        }
    });
}

/// After every edit: the draft as it now stands.
pub fn note(w: Wizard) {
    if !w.alive() || w.drafts.draft.with_untracked(|d| d.id.is_empty()) {
        return;
    }
    let now = drafts::current(w);
    with_kept(w, |k| {
        k.draft = Some(now);
        k.dirty = true;
    });
}

/// Autosave wrote the draft: nothing to rescue until the next edit.
pub fn saved(w: Wizard) {
    with_kept(w, |k| k.dirty = false);
}

pub fn set_lang(w: Wizard, lang: Lang) {
    with_kept(w, |k| k.lang = lang);
}

/// Set the panic hook (once, at module start).
pub fn install() {
    thread_local!(static INSTALLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        rescue_all();
    }));
}

fn rescue_all() {
    let _ = KEPT.try_with(|k| {
        if let Ok(map) = k.try_borrow() {
            for (_, kept) in map.iter() {
                rescue(kept);
            }
        }
    });
}

/// Write the draft (a copy, if another tab saved a newer revision), then
/// show the message. Every step is best effort: a failure here must not
/// panic again (that would abort before the message is shown).
fn rescue(kept: &Kept) {
    let written = match &kept.draft {
        Some(d) if kept.dirty => match kept.store.save(d) {
            Ok(()) => Some(true),
            Err(SaveError::Conflict) => {
                let mut copy = d.clone();
                copy.id = drafts::new_id();
                copy.revision = 1;
                Some(kept.store.write(&copy).is_ok())
            }
            Err(_) => Some(false),
        },
        // Already written by autosave, or nothing begun.
        Some(_) => Some(true),
        None => None,
    };
    let _ = show(kept, written);
}

fn show(kept: &Kept, written: Option<bool>) -> Option<()> {
    let lang = kept.lang;
    let document = web_sys::window()?.document()?;
    let el = |tag: &str, class: &str, text: &str| -> Option<Element> {
        let e = document.create_element(tag).ok()?;
        e.set_attribute("class", class).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    let panel = el("div", "prw-crash", "")?;
    panel.set_attribute("role", "alert").ok()?;
    let title = el("h2", "prw-crash-title", t("crash.title", lang))?;
    panel.append_child(&title).ok()?;
    let said = match written {
        Some(true) => "crash.saved",
        Some(false) => "crash.not_saved",
        None => "crash.nothing",
    };
    let body = el("p", "prw-crash-body", t(said, lang))?;
    panel.append_child(&body).ok()?;
    let actions = el("p", "prw-crash-actions", "")?;
    if let Some(d) = &kept.draft {
        let link = el("a", "prw-button", t("crash.download", lang))?;
        let text = draft::to_json(d);
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/json");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        link.set_attribute("href", &url).ok()?;
        link.set_attribute("download", &drafts::file_name(d)).ok()?;
        actions.append_child(&link).ok()?;
    }
    let reload = el(
        "a",
        "prw-button prw-button--secondary",
        t("crash.reload", lang),
    )?;
    let here = web_sys::window()?.location().href().ok()?;
    // Without its fragment: navigating to the same URL then reloads.
    let here = here.split('#').next().unwrap_or_default().to_string();
    reload.set_attribute("href", &here).ok()?;
    actions.append_child(&reload).ok()?;
    panel.append_child(&actions).ok()?;
    let container: &web_sys::Node = kept.container.unchecked_ref();
    while let Some(child) = container.first_child() {
        container.remove_child(&child).ok()?;
    }
    container.append_child(&panel).ok()?;
    Some(())
}
