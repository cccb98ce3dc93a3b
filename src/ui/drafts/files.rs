//! Drafts as files: export, import (untrusted: refused with the reason,
//! never overwriting without asking), and any text as a download.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{current, new_id, refresh_list, resume};
use crate::domain::draft::{self, Draft};
use crate::storage::SaveError;
use crate::ui::state::Wizard;

/// Offer text as a file download.
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

pub(crate) fn file_name(d: &Draft) -> String {
    let name: String = d
        .name
        .chars()
        // Letters and digits of any script; no ASCII punctuation, space or
        // control, nor an invisible one. (Not `is_alphanumeric`: its
        // Unicode tables would weigh on the bundle for a file name.)
        .filter(|c| {
            c.is_ascii_alphanumeric()
                || *c == '-'
                || (!c.is_ascii()
                    && !c.is_whitespace()
                    && !crate::domain::rules::is_invisible_control(*c))
        })
        .take(40)
        .collect();
    let name = if name.is_empty() { d.id.clone() } else { name };
    format!("draft-{name}-{}.json", d.saved_at.get(..10).unwrap_or(""))
}

pub fn export_current(w: Wizard) {
    let d = current(w);
    download(&file_name(&d), "application/json", &draft::to_json(&d));
}

/// Read an imported file: untrusted. Refusals say why; an existing draft
/// with the same id is never overwritten without asking.
async fn import_text(w: Wizard, text: String) {
    match draft::parse(&text) {
        Err(e) => {
            w.drafts.detail.set(e.detail());
            w.drafts.notice.set(Some(e.key()));
        }
        Ok(d) => {
            w.drafts.detail.set(None);
            let exists = w.drafts.store.with_value(|s| s.load(&d.id).is_some());
            if exists {
                w.drafts.import_prompt.set(Some(d));
            } else {
                store_import(w, d, false);
            }
        }
    }
}

/// Keep an imported draft: as it is, or as a copy under a new id.
pub fn store_import(w: Wizard, mut d: Draft, as_copy: bool) {
    if as_copy {
        d.id = new_id();
        d.name = format!("{}{}", d.name, w.t("draft.copy_suffix"));
        d.revision = 1;
    }
    w.drafts.import_prompt.set(None);
    if !w.drafts.store.with_value(|s| s.available()) {
        // Nowhere to keep it: open it in memory.
        resume(w, d);
        return;
    }
    match w.drafts.store.with_value(|s| s.write(&d)) {
        Ok(()) => w.drafts.notice.set(Some("draft.imported")),
        Err(SaveError::Quota) => w.drafts.notice.set(Some("draft.quota")),
        Err(_) => w.drafts.notice.set(Some("draft.err.damaged")),
    }
    refresh_list(w);
}

/// The file a file input's `change` names, the input emptied so choosing
/// the same file again is a change too.
pub(crate) fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    Some(file)
}

pub(super) fn on_file_chosen(w: Wizard, ev: leptos::ev::Event) {
    let Some(file) = chosen_file(&ev) else {
        return;
    };
    if file.size() > draft::MAX_DRAFT_BYTES as f64 {
        w.drafts.notice.set(Some("draft.err.too_large"));
        return;
    }
    let promise = file.text();
    leptos::task::spawn_local(async move {
        let read = wasm_bindgen_futures::JsFuture::from(promise).await;
        // Reading a file takes a while: the wizard may be gone by now.
        if !w.alive() {
            return;
        }
        match read {
            Ok(text) => import_text(w, text.as_string().unwrap_or_default()).await,
            Err(_) => w.drafts.notice.set(Some("draft.err.not_a_draft")),
        }
    });
}
