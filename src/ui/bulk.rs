//! A list's spreadsheet tools: paste rows (or paste straight into a row's
//! field), import or export a CSV file, download the template. Every paste
//! is previewed with its findings before anything is added; adding is one
//! edit, undone in one step. The reading and the findings are
//! `wizard::bulk`'s; this file reads the clipboard or the file and renders.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::drafts::download;
use super::state::{today, use_wizard, Wizard};
use super::tr::Tr;
use crate::domain::choice::Choice;
use crate::domain::read::ReadError;
use crate::domain::record::{Record, Slot};
use crate::text::{fill_ui, t};
use crate::wizard::bulk::{self, PreviewRow, MAX_BULK_BYTES};
use crate::wizard::rows_in_mut;

/// A paste's columns and its rows as they will be added.
type Preview = (Vec<&'static str>, Vec<PreviewRow>);

/// What a list's tools hold between a paste and its adding. One signal
/// for all of it: each signal of a new type costs the bundle its own copy
/// of the reactive machinery.
#[derive(Clone, Default)]
struct State {
    pasting: bool,
    problem: Option<ReadError>,
    preview: Option<Preview>,
    /// Ids of the rows the last paste added, for "undo".
    added: Vec<u32>,
}

#[derive(Clone, Copy)]
pub struct Bulk {
    list: &'static str,
    state: RwSignal<State>,
}

impl Bulk {
    pub fn new(list: &'static str) -> Self {
        Bulk {
            list,
            state: RwSignal::new(State::default()),
        }
    }

    fn el_id(self, w: Wizard, part: &str) -> String {
        bulk_el_id(w, self.list, part)
    }

    fn columns(self, w: Wizard) -> Vec<&'static str> {
        w.filing()
            .with_untracked(|f| w.profile.with_untracked(|p| bulk::columns(self.list, f, p)))
    }

    /// Read `source` and show its preview, or why it cannot be read.
    pub fn run(self, w: Wizard, source: &str, delimiter: char) {
        let read = bulk::read(source, delimiter, self.list, &self.columns(w)).and_then(|sheet| {
            let rows = w.filing().with_untracked(|f| {
                w.profile
                    .with_untracked(|p| bulk::preview(f, p, self.list, &sheet, today()))
            })?;
            Ok((sheet.columns, rows))
        });
        self.show(w, read);
    }

    /// Show a preview, or why there is none, and move focus to it.
    fn show(self, w: Wizard, read: Result<Preview, ReadError>) {
        let to = match &read {
            Ok(_) => "preview",
            Err(_) => "problem",
        };
        self.state.update(|s| match read {
            Ok(preview) => {
                s.problem = None;
                s.preview = Some(preview);
            }
            Err(e) => {
                s.preview = None;
                s.problem = Some(e);
            }
        });
        w.focus_later(self.el_id(w, to));
    }

    /// A paste into one of the list's fields that holds several cells
    /// (tabs or line breaks) is a spreadsheet paste.
    pub fn on_paste(self, w: Wizard, ev: web_sys::ClipboardEvent) {
        let Some(text) = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
        else {
            return;
        };
        if !text.trim_end().contains(['\t', '\n', '\r']) {
            return;
        }
        ev.prevent_default();
        self.state.update(|s| s.pasting = true);
        self.run(w, &text, '\t');
        // The pasted text stays in the box, to correct and preview again.
        if let Some(area) = paste_box(w, &self.el_id(w, "paste")) {
            area.set_value(&text);
        }
    }

    fn apply(self, w: Wizard, only_valid: bool) {
        let mut preview = None;
        self.state.update(|s| {
            preview = s.preview.take();
            s.pasting = false;
            s.problem = None;
        });
        let Some((_, rows)) = preview else {
            return;
        };
        let add: Vec<_> = rows
            .into_iter()
            .filter(|r| !only_valid || !r.blocks())
            .map(|r| r.party)
            .collect();
        let n = add.len();
        let mut added = Vec::new();
        w.edit(None, |f| added = bulk::append(f, self.list, add));
        self.clear_box(w);
        self.state.update(|s| s.added = added);
        w.nav.announce.set(fill_ui(
            "bulk.added",
            w.lang.get_untracked(),
            &[("rows", n.to_string())],
        ));
        w.focus_later(self.el_id(w, "undo"));
    }

    fn undo(self, w: Wizard) {
        let added = self.state.with_untracked(|s| s.added.clone());
        w.edit(None, |f| {
            if let Some(rows) = rows_in_mut(f, self.list) {
                rows.retain(|p| !added.contains(&p.id));
            }
        });
        self.state.update(|s| s.added.clear());
        w.nav.announce.set(fill_ui(
            "bulk.undone",
            w.lang.get_untracked(),
            &[("rows", added.len().to_string())],
        ));
        w.focus_later(w.field_id(self.list));
    }

    fn close(self, w: Wizard) {
        self.state.update(|s| {
            s.pasting = false;
            s.preview = None;
            s.problem = None;
        });
        self.clear_box(w);
    }

    /// The paste box stays in the page (hidden): emptied once its rows
    /// are added or the paste is cancelled.
    fn clear_box(self, w: Wizard) {
        if let Some(area) = paste_box(w, &self.el_id(w, "paste")) {
            area.set_value("");
        }
    }

    fn export(self, w: Wizard, template: bool) {
        let columns = self.columns(w);
        let lang = w.lang.get_untracked();
        let csv = w.filing().with_untracked(|f| {
            let rows = if template {
                &[][..]
            } else {
                crate::wizard::rows_in(f, self.list)
            };
            bulk::to_csv(rows, self.list, &columns, lang)
        });
        let name = format!(
            "{}{}.csv",
            self.list.replace('.', "-"),
            if template { "-template" } else { "" }
        );
        download(&name, "text/csv;charset=utf-8", &csv);
    }

    fn import(self, w: Wizard, ev: leptos::ev::Event) {
        let Some(file) = super::drafts::chosen_file(&ev) else {
            return;
        };
        if file.size() > MAX_BULK_BYTES as f64 {
            let e = ReadError::new("", "bulk.too_large")
                .with("size", (file.size() as u64).to_string())
                .with("max", MAX_BULK_BYTES.to_string());
            self.show(w, Err(e));
            return;
        }
        let promise = file.array_buffer();
        leptos::task::spawn_local(async move {
            let read = wasm_bindgen_futures::JsFuture::from(promise).await;
            if !w.alive() {
                return;
            }
            let bytes = read
                .map(|b| js_sys::Uint8Array::new(&b).to_vec())
                .unwrap_or_default();
            match decode(&bytes) {
                Some(text) => self.run(w, &text, ','),
                None => self.show(w, Err(ReadError::new("", "bulk.encoding"))),
            }
        });
    }
}

/// An element id of a list's tools: no dots (they would read as classes
/// in the selector that finds it).
fn bulk_el_id(w: Wizard, list: &str, part: &str) -> String {
    w.id(&format!("{}-{part}", list.replace('.', "-")))
}

/// The paste box of a list, by its id (inside the shadow root).
fn paste_box(w: Wizard, id: &str) -> Option<web_sys::HtmlTextAreaElement> {
    w.find(id)?.dyn_into().ok()
}

/// UTF-8 (with or without a byte order mark), else GB18030 — what Excel
/// on Chinese Windows saves — decoded strictly by the browser: a file that
/// is neither is refused, never shown garbled.
fn decode(bytes: &[u8]) -> Option<String> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(body) {
        return Some(text.to_string());
    }
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok()?;
    decoder.decode_with_u8_array(body).ok()
}

fn cell_text(row: &PreviewRow, column: &str, lang: crate::domain::i18n::Lang) -> String {
    match column {
        "level" => row
            .party
            .level
            .map(|l| t(l.label(), lang))
            .unwrap_or_default()
            .to_string(),
        _ => match row.party.slot(column) {
            Some(Slot::Text(s)) => s.to_string(),
            _ => String::new(),
        },
    }
}

/// The preview: a table of the rows with their findings, and the choice
/// to add all, add those without errors, or cancel. Built once per paste
/// (and per language), as plain rows: cheap to render, small in the bundle.
fn preview_view(
    w: Wizard,
    list: &'static str,
    columns: &[&'static str],
    rows: &[PreviewRow],
) -> impl IntoView {
    let lang = w.lang.get();
    let errors = rows.iter().filter(|r| r.blocks()).count();
    let valid = rows.len() - errors;
    let title_id = bulk_el_id(w, list, "preview");
    let mut head = vec![t("ui.row", lang).to_string()];
    head.extend(
        columns
            .iter()
            .map(|c| t(bulk::column_label(list, c), lang).to_string()),
    );
    head.push(t("bulk.problems", lang).to_string());
    let body = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let said = r
                .findings
                .iter()
                .map(|f| f.text(lang))
                .collect::<Vec<_>>()
                .join("；");
            let mut cells: Vec<String> = columns.iter().map(|c| cell_text(r, c, lang)).collect();
            cells.push(if said.is_empty() {
                t("bulk.ok", lang).to_string()
            } else {
                said
            });
            let cells = cells
                .into_iter()
                .map(|c| view! { <td>{c}</td> })
                .collect_view();
            view! { <tr class:prw-table__bad=r.blocks()><th scope="row">{i + 1}</th>{cells}</tr> }
        })
        .collect_view();
    let head = head
        .into_iter()
        .map(|h| view! { <th scope="col">{h}</th> })
        .collect_view();
    let count = |key: &str, n: usize| fill_ui(key, lang, &[("rows", n.to_string())]);
    let title = fill_ui(
        "bulk.preview_title",
        lang,
        &[
            ("rows", rows.len().to_string()),
            ("errors", errors.to_string()),
        ],
    );
    let (section_by, region_by) = (title_id.clone(), title_id.clone());
    view! {
        <section class="prw-bulk__preview" aria-labelledby=section_by>
            <h4 class="prw-bulk__title" id=title_id tabindex="-1">{title}</h4>
            <div class="prw-scroll" tabindex="0" role="region" aria-labelledby=region_by>
                <table class="prw-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>
            </div>
            <div class="prw-bulk__actions">
                <button type="button" class="prw-button" data-act="all">{count("bulk.add_all", rows.len())}</button>
                <button type="button" class="prw-button prw-button--secondary" data-act="valid" hidden=errors == 0 || valid == 0>{count("bulk.add_valid", valid)}</button>
                <button type="button" class="prw-button prw-button--secondary" data-act="cancel">{t("bulk.cancel", lang)}</button>
            </div>
        </section>
    }
}

/// The list's tools, the paste box and the preview: one skeleton whose
/// parts are shown or hidden by the tools' state, and one click handler
/// on it for every button (by its `data-act`). Each view built per state
/// and each distinct closure would cost the bundle its own render and
/// event plumbing.
#[component]
pub fn BulkTools(bulk: Bulk) -> impl IntoView {
    let w = use_wizard();
    let list = bulk.list;
    let box_id = bulk_el_id(w, list, "paste");
    let file_id = bulk_el_id(w, list, "csv");
    let act = move |ev: web_sys::MouseEvent| {
        let (action, _) = super::act::of(&ev);
        match action.as_str() {
            "paste" => {
                bulk.state.update(|s| s.pasting = true);
                w.focus_later(bulk.el_id(w, "paste"));
            }
            "preview" => {
                let text = paste_box(w, &bulk.el_id(w, "paste"))
                    .map(|a| a.value())
                    .unwrap_or_default();
                bulk.run(w, &text, '\t');
            }
            "all" => bulk.apply(w, false),
            "valid" => bulk.apply(w, true),
            "cancel" => bulk.close(w),
            "export" => bulk.export(w, false),
            "template" => bulk.export(w, true),
            "undo" => bulk.undo(w),
            _ => {}
        }
    };
    let shown = move |part: fn(&State) -> bool| move || !bulk.state.with(part);
    let box_hidden = shown(|s| s.pasting);
    view! {
        <div class="prw-bulk" on:click=act>
            <div class="prw-bulk__actions">
                <button type="button" class="prw-button prw-button--secondary" data-act="paste"
                    aria-expanded=move || bulk.state.with(|s| s.pasting).to_string()>
                    <Tr k="bulk.paste"/>
                </button>
                <span class="prw-bulk__file">
                    <label class="prw-label" for=file_id.clone()><Tr k="bulk.import"/></label>
                    <input class="prw-file" id=file_id type="file" accept=".csv,text/csv"
                        on:change=move |ev| bulk.import(w, ev) />
                </span>
                <button type="button" class="prw-button prw-button--secondary" data-act="export"><Tr k="bulk.export"/></button>
                <button type="button" class="prw-button prw-button--secondary" data-act="template"><Tr k="bulk.template"/></button>
                <button type="button" class="prw-button prw-button--warning" data-act="undo" id=bulk_el_id(w, list, "undo")
                    hidden=shown(|s| !s.added.is_empty())>
                    <Tr k="bulk.undo"/>
                </button>
            </div>
            <div class="prw-field" hidden=box_hidden>
                <label class="prw-label" for=box_id.clone()><Tr k="bulk.paste_label"/></label>
                <div class="prw-hint">{move || {
                    // Worked out each time the box opens: the columns
                    // asked follow the answers.
                    if box_hidden() {
                        return String::new();
                    }
                    let lang = w.lang.get();
                    let order = bulk
                        .columns(w)
                        .iter()
                        .map(|c| t(bulk::column_label(list, c), lang))
                        .collect::<Vec<_>>()
                        .join(" · ");
                    fill_ui("bulk.order", lang, &[("columns", order)])
                }}</div>
                <textarea class="prw-textarea" id=box_id rows="6"></textarea>
                <div class="prw-bulk__actions">
                    <button type="button" class="prw-button" data-act="preview"><Tr k="bulk.show_preview"/></button>
                    <button type="button" class="prw-button prw-button--secondary" data-act="cancel"><Tr k="bulk.cancel"/></button>
                </div>
            </div>
            <p class="prw-error-message" id=bulk_el_id(w, list, "problem") tabindex="-1" role="alert"
                hidden=shown(|s| s.problem.is_some())>
                {move || bulk.state.with(|s| s.problem.as_ref().map(|e| e.message(w.lang.get())))}
            </p>
            {move || bulk.state.with(|s| s.preview.as_ref().map(|(columns, rows)| preview_view(w, list, columns, rows)))}
        </div>
    }
}
