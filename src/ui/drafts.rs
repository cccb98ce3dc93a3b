//! Drafts in the browser: autosave, the drafts list, resume, rename,
//! delete, export and import, and what happens when storage says no.

use std::time::Duration;

use leptos::prelude::*;

use super::tr::Tr;
use wasm_bindgen::JsCast;

use super::state::{use_wizard, DraftMeta, PendingSave, SaveStatus, Wizard};
use crate::domain::date::rfc3339_utc;
use crate::domain::draft::{self, Draft, DRAFT_VERSION};
use crate::domain::model::Filing;
use crate::domain::profile::Profile;
use crate::domain::route::Step;
use crate::domain::rules::check;
use crate::storage::{Entry, SaveError};

/// Wait this long after the last keystroke before saving (≤ 500 ms).
const DEBOUNCE: Duration = Duration::from_millis(300);

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn perf_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(now_ms, |p| p.now())
}

fn new_id() -> String {
    let rand = (js_sys::Math::random() * 4_294_967_295.0) as u64;
    format!("{:x}-{:08x}", now_ms() as u64, rand)
}

/// The per-tab pointer to the draft being edited: a reload resumes it.
fn session_key(w: Wizard) -> String {
    format!(
        "prw:{}:current",
        w.store.with_value(|s| s.namespace().to_string())
    )
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn remember_current(w: Wizard, id: &str) {
    if let Some(s) = session() {
        let _ = s.set_item(&session_key(w), id);
    }
}

/// The draft as it stands now, as the next revision.
pub fn current(w: Wizard) -> Draft {
    let meta = w.draft.get_untracked();
    let now = rfc3339_utc(now_ms() as i64);
    Draft {
        draft_version: DRAFT_VERSION,
        id: meta.id,
        name: meta.name,
        profile: w.profile.with_untracked(|p| p.id),
        step: w.step.get_untracked(),
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
    remember_current(w, &id);
    w.draft.set(DraftMeta {
        id,
        name: String::new(),
        created_at: rfc3339_utc(now_ms() as i64),
        revision: 0,
    });
    if w.store.with_value(|s| s.available()) {
        w.save_status.set(SaveStatus::Idle);
    }
}

/// Save now. Never overwrites another tab's newer save, never loses the
/// previous save when storage is full.
pub fn save_now(w: Wizard) {
    if !w.alive()
        || w.draft.with_untracked(|d| d.id.is_empty())
        || w.save_status.get_untracked() == SaveStatus::Conflict
    {
        return;
    }
    let started = perf_now();
    let draft = current(w);
    let result = w.store.with_value(|s| s.save(&draft));
    w.last_save_ms.set(perf_now() - started);
    match result {
        Ok(()) => {
            w.draft.update(|d| d.revision = draft.revision);
            let detail = serde_json::json!({ "id": draft.id, "revision": draft.revision, "savedAt": draft.saved_at });
            w.emit("wizard:draft-saved", &detail.to_string());
            w.save_status.set(SaveStatus::Saved(now_ms()));
            // Autosave status is announced politely, not on every keystroke.
            w.announce.set(saved_text(w, now_ms()));
        }
        Err(SaveError::Blocked) => w.save_status.set(SaveStatus::Memory),
        Err(SaveError::Quota) => {
            w.save_status.set(SaveStatus::Quota);
            w.announce.set(w.t("draft.quota").to_string());
        }
        Err(SaveError::Conflict) => {
            w.save_status.set(SaveStatus::Conflict);
            w.announce.set(w.t("draft.conflict").to_string());
        }
        Err(SaveError::Other(_)) => w.save_status.set(SaveStatus::Failed),
    }
}

fn saved_text(w: Wizard, at: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at));
    format!(
        "{} {:02}:{:02}",
        w.t("draft.saved"),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Open a draft where it was left.
pub fn resume(w: Wizard, d: Draft) {
    remember_current(w, &d.id);
    if w.profile.with_untracked(|p| p.id) != d.profile {
        w.profile.set(Profile::new(d.profile));
    }
    w.draft.set(DraftMeta {
        id: d.id,
        name: d.name,
        created_at: d.created_at,
        revision: d.revision,
    });
    w.replace(d.filing);
    w.save_status.set(SaveStatus::Saved(now_ms()));
    w.returning.set(false);
    w.go(d.step);
}

pub fn refresh_list(w: Wizard) {
    w.entries.set(w.store.with_value(|s| s.list()));
}

/// Wire autosave to edits and page lifecycle; resume this tab's draft.
pub fn start_autosave(w: Wizard) {
    // A reload in the same tab comes back to the same page and answers.
    if let Some(id) = session().and_then(|s| s.get_item(&session_key(w)).ok().flatten()) {
        if let Some(Ok(d)) = w.store.with_value(|s| s.load(&id)) {
            resume(w, d);
        }
    }
    refresh_list(w);

    Effect::new(move |first: Option<()>| {
        w.edits.track();
        w.step.track();
        if first.is_none() || w.draft.with_untracked(|d| d.id.is_empty()) {
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                if w.alive() {
                    w.pending.update_value(|p| *p = PendingSave::default());
                    save_now(w);
                }
            },
            DEBOUNCE,
        )
        .ok();
        w.pending.update_value(|p| {
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
                .store
                .with_value(|s| s.id_of_key(&key).map(str::to_string));
            let Some(id) = ours else { return };
            if w.step.get_untracked() == Step::Start {
                refresh_list(w);
            }
            if id == w.draft.with_untracked(|d| d.id.clone()) {
                let stored = w.store.with_value(|s| s.stored_revision(&id));
                if stored > w.draft.with_untracked(|d| d.revision) {
                    w.save_status.set(SaveStatus::Conflict);
                    w.announce.set(w.t("draft.conflict").to_string());
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

fn file_name(d: &Draft) -> String {
    let name: String = d
        .name
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-')
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
            w.draft_detail.set(e.detail().cloned());
            w.draft_notice.set(Some(e.key()));
        }
        Ok(d) => {
            w.draft_detail.set(None);
            let exists = w.store.with_value(|s| s.load(&d.id).is_some());
            if exists {
                w.import_prompt.set(Some(d));
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
    w.import_prompt.set(None);
    if !w.store.with_value(|s| s.available()) {
        // Nowhere to keep it: open it in memory.
        resume(w, d);
        return;
    }
    match w.store.with_value(|s| s.write(&d)) {
        Ok(()) => w.draft_notice.set(Some("draft.imported")),
        Err(SaveError::Quota) => w.draft_notice.set(Some("draft.quota")),
        Err(_) => w.draft_notice.set(Some("draft.err.damaged")),
    }
    refresh_list(w);
}

fn on_file_chosen(w: Wizard, ev: leptos::ev::Event) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    if file.size() > draft::MAX_DRAFT_BYTES as f64 {
        w.draft_notice.set(Some("draft.err.too_large"));
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
            Err(_) => w.draft_notice.set(Some("draft.err.not_a_draft")),
        }
    });
}

/// An RFC 3339 time as the purchaser's local `YYYY-MM-DD hh:mm`.
fn local_time(rfc3339: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(rfc3339));
    if d.get_time().is_nan() {
        return rfc3339.to_string();
    }
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

fn step_name(w: Wizard, step: Step) -> &'static str {
    w.t(&format!("step.{}", step.id()))
}

fn is_ready(d: &Draft) -> bool {
    let today = super::state::today();
    !check(&d.filing, &Profile::new(d.profile), today)
        .iter()
        .any(|f| f.blocks())
}

/// The status line: saved time, or what went wrong and what to do.
#[component]
pub fn SaveStatusBar() -> impl IntoView {
    let w = use_wizard();
    move || {
        let status = w.save_status.get();
        let export = move |_| export_current(w);
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
                            <button type="button" class="prw-button prw-button--secondary" on:click=move |_| {
                                let id = w.draft.with_untracked(|d| d.id.clone());
                                if let Some(Ok(d)) = w.store.with_value(|s| s.load(&id)) {
                                    resume(w, d);
                                }
                            }><Tr k="draft.load_latest"/></button>
                            <button type="button" class="prw-button prw-button--secondary" on:click=move |_| {
                                let mut copy = current(w);
                                copy.id = new_id();
                                copy.name = format!("{}{}", copy.name, w.t("draft.copy_suffix"));
                                copy.revision = 0;
                                remember_current(w, &copy.id);
                                w.draft.set(DraftMeta { id: copy.id, name: copy.name, created_at: copy.created_at, revision: 0 });
                                w.save_status.set(SaveStatus::Idle);
                                save_now(w);
                            }><Tr k="draft.save_copy"/></button>
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
                    data-save-us=move || ((w.last_save_ms.get() * 1000.0) as u64).to_string()>
                    <span class="prw-save__text">{text}</span>
                    " "
                    <button type="button" class="prw-link" on:click=export><Tr k="draft.export"/></button>
                </div>
            }
            .into_any(),
        )
    }
}

/// The drafts of this computer, on the start page.
#[component]
pub fn DraftsPanel() -> impl IntoView {
    let w = use_wizard();
    let confirming = RwSignal::new(None::<String>);
    let renaming = RwSignal::new(None::<String>);
    let rename_text = RwSignal::new(String::new());
    let file_id = w.id("import-file");
    let rows = move || {
        w.entries
            .get()
            .into_iter()
            .map(|entry| match entry {
                Entry::Draft(d) => {
                    let d = *d;
                    let key = w.store.with_value(|s| s.key(&d.id));
                    let title = if d.name.trim().is_empty() {
                        if d.filing.project.name.trim().is_empty() { w.t("draft.untitled").to_string() } else { d.filing.project.name.clone() }
                    } else {
                        d.name.clone()
                    };
                    let route = d.filing.route.map(|r| w.t(&format!("route.{}", r.id())).to_string()).unwrap_or_else(|| w.t("draft.no_route").to_string());
                    let ready = is_ready(&d);
                    let saved = local_time(&d.saved_at);
                    let (k1, k2, k3) = (key.clone(), key.clone(), key.clone());
                    let d_resume = d.clone();
                    let d_export = d.clone();
                    let id_rename = d.id.clone();
                    let name_now = d.name.clone();
                    view! {
                        <tr>
                            <th scope="row">{title.clone()}</th>
                            <td>{route}</td>
                            <td>{step_name(w, d.step)}</td>
                            <td>{saved}</td>
                            <td>{if ready { w.t("draft.ready") } else { w.t("draft.not_ready") }}</td>
                            <td class="prw-actions">
                                <button type="button" class="prw-link" on:click=move |_| resume(w, d_resume.clone())>
                                    <Tr k="draft.resume"/><span class="prw-visually-hidden">" "{title.clone()}</span>
                                </button>
                                " "
                                <button type="button" class="prw-link" on:click=move |_| {
                                    rename_text.set(name_now.clone());
                                    renaming.set(Some(k1.clone()));
                                }><Tr k="draft.rename"/></button>
                                " "
                                <button type="button" class="prw-link" on:click=move |_| download(&file_name(&d_export), "application/json", &draft::to_json(&d_export))>
                                    <Tr k="draft.export"/>
                                </button>
                                " "
                                <button type="button" class="prw-link" on:click=move |_| confirming.set(Some(k2.clone()))><Tr k="draft.delete"/></button>
                                {move || (renaming.get().as_deref() == Some(k3.as_str())).then(|| {
                                    let id = id_rename.clone();
                                    view! {
                                        <form class="prw-inline-form" on:submit=move |ev| {
                                            ev.prevent_default();
                                            if let Some(Ok(mut d)) = w.store.with_value(|s| s.load(&id)) {
                                                d.name = rename_text.get_untracked().trim().chars().take(100).collect();
                                                d.revision = d.revision.saturating_add(1);
                                                let _ = w.store.with_value(|s| s.write(&d));
                                            }
                                            renaming.set(None);
                                            refresh_list(w);
                                        }>
                                            <label class="prw-label" for=w.id("rename")><Tr k="draft.new_name"/></label>
                                            <input class="prw-input" id=w.id("rename") type="text" prop:value=move || rename_text.get()
                                                on:input=move |ev| rename_text.set(event_target_value(&ev)) />
                                            <button type="submit" class="prw-button prw-button--secondary"><Tr k="draft.save_name"/></button>
                                        </form>
                                    }
                                })}
                            </td>
                        </tr>
                    }
                    .into_any()
                }
                Entry::Unreadable { key, reason, detail } => {
                    let (k1, k2) = (key.clone(), key.clone());
                    view! {
                        <tr class="prw-unreadable">
                            <th scope="row"><Tr k="draft.unreadable"/></th>
                            <td colspan="4"><Tr k=reason/>{detail.map(|d| move || d.message(w.lang.get()))}</td>
                            <td class="prw-actions">
                                <button type="button" class="prw-link" on:click=move |_| {
                                    let raw = w.store.with_value(|s| s.raw(&k1)).unwrap_or_default();
                                    download("unreadable-draft.txt", "text/plain", &raw);
                                }><Tr k="draft.download_raw"/></button>
                                " "
                                <button type="button" class="prw-link" on:click=move |_| confirming.set(Some(k2.clone()))><Tr k="draft.delete"/></button>
                            </td>
                        </tr>
                    }
                    .into_any()
                }
            })
            .collect_view()
    };
    let confirm_box = move || {
        confirming.get().map(|key| {
            let all = key.is_empty();
            view! {
                <div class="prw-panel prw-panel--warning" role="alertdialog" aria-labelledby=w.id("confirm-title")>
                    <p class="prw-body" id=w.id("confirm-title")>{move || w.t(if all { "draft.confirm_clear" } else { "draft.confirm_delete" })}</p>
                    <button type="button" class="prw-button prw-button--warning" on:click=move |_| {
                        let key = key.clone();
                        w.store.with_value(|s| if key.is_empty() { s.clear_all() } else { s.remove_key(&key) });
                        confirming.set(None);
                        w.draft_notice.set(Some(if all { "draft.cleared" } else { "draft.deleted" }));
                        refresh_list(w);
                    }><Tr k="draft.confirm_yes"/></button>
                    <button type="button" class="prw-button prw-button--secondary" on:click=move |_| confirming.set(None)>
                        <Tr k="draft.confirm_no"/>
                    </button>
                </div>
            }
        })
    };
    let import_prompt = move || {
        w.import_prompt.get().map(|d| {
            let d2 = d.clone();
            view! {
                <div class="prw-panel prw-panel--warning" role="alertdialog" aria-labelledby=w.id("import-title")>
                    <p class="prw-body" id=w.id("import-title")><Tr k="draft.import_exists"/></p>
                    <button type="button" class="prw-button prw-button--warning" on:click=move |_| store_import(w, d.clone(), false)>
                        <Tr k="draft.import_replace"/>
                    </button>
                    <button type="button" class="prw-button prw-button--secondary" on:click=move |_| store_import(w, d2.clone(), true)>
                        <Tr k="draft.import_copy"/>
                    </button>
                    <button type="button" class="prw-button prw-button--secondary" on:click=move |_| w.import_prompt.set(None)>
                        <Tr k="draft.confirm_no"/>
                    </button>
                </div>
            }
        })
    };
    view! {
        <section class="prw-drafts" aria-labelledby=w.id("drafts-title")>
            <h3 class="prw-panel__title" id=w.id("drafts-title")><Tr k="draft.title"/></h3>
            <p class="prw-body prw-hint"><Tr k="draft.local_only"/></p>
            {move || w.draft_notice.get().map(|k| view! {
                <p class="prw-body prw-notice" role="status">
                    <Tr k=k/>{move || w.draft_detail.get().map(|d| d.message(w.lang.get()))}
                </p>
            })}
            {import_prompt}
            {confirm_box}
            {move || {
                let empty = w.entries.with(Vec::is_empty);
                if empty {
                    view! { <p class="prw-body"><Tr k="draft.none"/></p> }.into_any()
                } else {
                    view! {
                        <table class="prw-table prw-drafts__table">
                            <caption class="prw-visually-hidden"><Tr k="draft.title"/></caption>
                            <thead><tr>
                                <th scope="col"><Tr k="draft.col_name"/></th>
                                <th scope="col"><Tr k="draft.col_route"/></th>
                                <th scope="col"><Tr k="draft.col_step"/></th>
                                <th scope="col"><Tr k="draft.col_saved"/></th>
                                <th scope="col"><Tr k="draft.col_status"/></th>
                                <th scope="col"><Tr k="draft.col_actions"/></th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    }.into_any()
                }
            }}
            <div class="prw-drafts__tools">
                <label class="prw-label" for=file_id.clone()><Tr k="draft.import"/></label>
                <input class="prw-file" id=file_id type="file" accept=".json,application/json"
                    on:change=move |ev| on_file_chosen(w, ev) />
                {move || (!w.entries.with(Vec::is_empty)).then(|| view! {
                    <button type="button" class="prw-button prw-button--warning" on:click=move |_| confirming.set(Some(String::new()))>
                        <Tr k="draft.clear_all"/>
                    </button>
                })}
            </div>
        </section>
    }
}

/// A fresh filing (the portal's pre-filled purchaser kept), no draft yet.
pub fn reset_for_new(w: Wizard) {
    w.replace(Filing {
        purchaser: w.prefill.get_value(),
        ..Filing::default()
    });
    w.draft.set(DraftMeta::default());
    if let Some(s) = session() {
        let _ = s.remove_item(&session_key(w));
    }
    refresh_list(w);
}
