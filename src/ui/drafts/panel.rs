//! The drafts of this computer, on the start page: resume, rename,
//! delete, clear all, import.

use leptos::prelude::*;

use super::files::{file_name, on_file_chosen};
use super::{download, refresh_list, resume, store_import};
use crate::domain::draft::{self, Draft};
use crate::domain::profile::Profile;
use crate::domain::route::Step;
use crate::domain::rules::check;
use crate::storage::Entry;
use crate::ui::state::{use_wizard, Wizard};
use crate::ui::tr::Tr;

/// An RFC 3339 time as China's `YYYY-MM-DD hh:mm` (the column says so).
fn local_time(rfc3339: &str) -> String {
    crate::domain::date::china_time_of(rfc3339).unwrap_or_else(|| rfc3339.to_string())
}

/// A draft's name, or by default what tells drafts apart: route, project
/// and the day it was begun (China time).
fn draft_title(w: Wizard, d: &Draft) -> String {
    if !d.name.trim().is_empty() {
        return d.name.clone();
    }
    let project: String = d.filing.project.name.trim().chars().take(40).collect();
    let created = local_time(&d.created_at);
    let mut parts: Vec<&str> = Vec::new();
    if let Some(r) = d.filing.route {
        parts.push(w.t(&format!("route.{}", r.id())));
    }
    if !project.is_empty() {
        parts.push(&project);
    }
    if parts.is_empty() {
        parts.push(w.t("draft.untitled"));
    }
    if let Some(day) = created.get(..10) {
        parts.push(day);
    }
    parts.join(" · ")
}

fn step_name(w: Wizard, step: Step) -> &'static str {
    w.t(&format!("step.{}", step.id()))
}

fn is_ready(w: Wizard, d: &Draft) -> bool {
    let today = crate::ui::state::today();
    let profile = w
        .home
        .with_value(|home| Profile::for_draft(&d.profile, home));
    !check(&d.filing, &profile, today).iter().any(|f| f.blocks())
}

/// The listed draft stored under `key`.
fn draft_by_key(w: Wizard, key: &str) -> Option<Draft> {
    w.drafts.entries.with_untracked(|entries| {
        entries.iter().find_map(|e| match e {
            Entry::Draft(d) if w.drafts.store.with_value(|s| s.key(&d.id)) == key => {
                Some((**d).clone())
            }
            _ => None,
        })
    })
}

/// The drafts of this computer, on the start page. Every button is served
/// by one click handler (`ui::act`), by what it says in `data-act` and,
/// in the table, the draft's storage key in `data-key`.
#[component]
pub fn DraftsPanel() -> impl IntoView {
    let w = use_wizard();
    let confirming = RwSignal::new(None::<String>);
    let renaming = RwSignal::new(None::<String>);
    let rename_text = RwSignal::new(String::new());
    let file_id = w.id("import-file");
    let act = move |ev: web_sys::MouseEvent| {
        let (action, key) = crate::ui::act::of(&ev);
        match action.as_str() {
            "resume" => {
                if let Some(d) = draft_by_key(w, &key) {
                    resume(w, d);
                }
            }
            "rename" => {
                if let Some(d) = draft_by_key(w, &key) {
                    rename_text.set(d.name);
                    renaming.set(Some(key));
                }
            }
            "export" => {
                if let Some(d) = draft_by_key(w, &key) {
                    download(&file_name(&d), "application/json", &draft::to_json(&d));
                }
            }
            "raw" => {
                let raw = w
                    .drafts
                    .store
                    .with_value(|s| s.raw(&key))
                    .unwrap_or_default();
                download("unreadable-draft.txt", "text/plain", &raw);
            }
            // A button without its key deletes nothing (never "all").
            "delete" if !key.is_empty() => confirming.set(Some(key)),
            // An empty key in `confirming` asks to clear them all.
            "clear" => confirming.set(Some(String::new())),
            "confirm" => {
                let Some(key) = confirming.get_untracked() else {
                    return;
                };
                let all = key.is_empty();
                w.drafts.store.with_value(|s| {
                    if all {
                        s.clear_all()
                    } else {
                        s.remove_key(&key)
                    }
                });
                confirming.set(None);
                w.drafts.notice.set(Some(if all {
                    "draft.cleared"
                } else {
                    "draft.deleted"
                }));
                refresh_list(w);
            }
            "cancel" => confirming.set(None),
            "replace" | "copy" => {
                if let Some(d) = w.drafts.import_prompt.get_untracked() {
                    store_import(w, d, action == "copy");
                }
            }
            "keep" => w.drafts.import_prompt.set(None),
            _ => {}
        }
    };
    let rows = move || {
        w.drafts.entries
            .get()
            .into_iter()
            .map(|entry| match entry {
                Entry::Draft(d) => {
                    let d = *d;
                    let key = w.drafts.store.with_value(|s| s.key(&d.id));
                    let title = draft_title(w, &d);
                    let route = d.filing.route.map(|r| w.t(&format!("route.{}", r.id())).to_string()).unwrap_or_else(|| w.t("draft.no_route").to_string());
                    let ready = is_ready(w, &d);
                    let saved = local_time(&d.saved_at);
                    let id_rename = d.id.clone();
                    let (k_act, k_form) = (key.clone(), key.clone());
                    view! {
                        <tr>
                            <th scope="row">{title.clone()}</th>
                            <td>{route}</td>
                            <td>{step_name(w, d.step)}</td>
                            <td>{saved}</td>
                            <td>{if ready { w.t("draft.ready") } else { w.t("draft.not_ready") }}</td>
                            <td class="prw-actions">
                                <button type="button" class="prw-link" data-act="resume" data-key=k_act.clone() on:click=act>
                                    <Tr k="draft.resume"/><span class="prw-visually-hidden">" "{title.clone()}</span>
                                </button>
                                " "
                                <button type="button" class="prw-link" data-act="rename" data-key=k_act.clone() on:click=act><Tr k="draft.rename"/></button>
                                " "
                                <button type="button" class="prw-link" data-act="export" data-key=k_act.clone() on:click=act>
                                    <Tr k="draft.export"/>
                                </button>
                                " "
                                <button type="button" class="prw-link" data-act="delete" data-key=k_act on:click=act><Tr k="draft.delete"/></button>
                                {move || (renaming.get().as_deref() == Some(k_form.as_str())).then(|| {
                                    let id = id_rename.clone();
                                    view! {
                                        <form class="prw-inline-form" on:submit=move |ev| {
                                            ev.prevent_default();
                                            if let Some(Ok(mut d)) = w.drafts.store.with_value(|s| s.load(&id)) {
                                                d.name = rename_text.get_untracked().trim().chars().take(100).collect();
                                                d.revision = d.revision.saturating_add(1);
                                                let _ = w.drafts.store.with_value(|s| s.write(&d));
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
                    view! {
                        <tr class="prw-unreadable">
                            <th scope="row"><Tr k="draft.unreadable"/></th>
                            <td colspan="4"><Tr k=reason/>{detail.map(|d| move || d.message(w.lang.get()))}</td>
                            <td class="prw-actions">
                                <button type="button" class="prw-link" data-act="raw" data-key=key.clone() on:click=act><Tr k="draft.download_raw"/></button>
                                " "
                                <button type="button" class="prw-link" data-act="delete" data-key=key on:click=act><Tr k="draft.delete"/></button>
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
                    <button type="button" class="prw-button prw-button--warning" data-act="confirm" on:click=act><Tr k="draft.confirm_yes"/></button>
                    <button type="button" class="prw-button prw-button--secondary" data-act="cancel" on:click=act>
                        <Tr k="draft.confirm_no"/>
                    </button>
                </div>
            }
        })
    };
    let import_prompt = move || {
        w.drafts.import_prompt.with(Option::is_some).then(|| {
            view! {
                <div class="prw-panel prw-panel--warning" role="alertdialog" aria-labelledby=w.id("import-title")>
                    <p class="prw-body" id=w.id("import-title")><Tr k="draft.import_exists"/></p>
                    <button type="button" class="prw-button prw-button--warning" data-act="replace" on:click=act>
                        <Tr k="draft.import_replace"/>
                    </button>
                    <button type="button" class="prw-button prw-button--secondary" data-act="copy" on:click=act>
                        <Tr k="draft.import_copy"/>
                    </button>
                    <button type="button" class="prw-button prw-button--secondary" data-act="keep" on:click=act>
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
            {move || w.drafts.notice.get().map(|k| view! {
                <p class="prw-body prw-notice" role="status">
                    <Tr k=k/>{move || w.drafts.detail.get().map(|d| d.message(w.lang.get()))}
                </p>
            })}
            {import_prompt}
            {confirm_box}
            {move || {
                let empty = w.drafts.entries.with(Vec::is_empty);
                if empty {
                    view! { <p class="prw-body"><Tr k="draft.none"/></p> }.into_any()
                } else {
                    view! {
                        <div class="prw-scroll" role="region" tabindex="0" aria-label=move || w.t("draft.title")>
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
                        </div>
                    }.into_any()
                }
            }}
            <div class="prw-drafts__tools">
                <label class="prw-label" for=file_id.clone()><Tr k="draft.import"/></label>
                <input class="prw-file" id=file_id type="file" accept=".json,application/json"
                    on:change=move |ev| on_file_chosen(w, ev) />
                {move || (!w.drafts.entries.with(Vec::is_empty)).then(|| view! {
                    <button type="button" class="prw-button prw-button--warning" data-act="clear" on:click=act>
                        <Tr k="draft.clear_all"/>
                    </button>
                })}
            </div>
        </section>
    }
}
