//! The components that render a question the GOV.UK way: label, hint,
//! inline error tied with aria-describedby, answers kept. What a question
//! is (label, hint, input, bound) comes from the page model
//! (`crate::wizard`); when it is asked, from `domain::asked`.
//!
//! A field names its answer by path (`purchaser.name`,
//! `joint.participants[2].uscc`); reading and writing go through the
//! filing's record tables.

use leptos::prelude::*;

use super::rows::{rows, rows_mut, RowKey};
use super::state::{use_wizard, Wizard};
use super::tr::Tr;
use crate::domain::asked::asked;
use crate::domain::field::{Input, TextKind};
use crate::domain::model::Party;
use crate::domain::record;
use crate::wizard::{row_questions, Question};

/// A question on a page, and the listed row it belongs to, if any.
#[derive(Clone)]
pub struct Field {
    pub q: Question,
    pub row: Option<RowKey>,
    /// Where the field looks its error up: the page's shown findings, or
    /// its row's.
    pub errors: Errors,
}

impl From<Question> for Field {
    fn from(q: Question) -> Self {
        Field {
            q,
            row: None,
            errors: Errors::Page,
        }
    }
}

/// The shown errors a field finds its own in. A listed row's fields read
/// their row's (one memo per row reads the language and the findings):
/// with every field of a 300-row list subscribed to them directly, each
/// re-run of one field's memo shifted a subscriber list thousands long.
#[derive(Clone, Copy)]
pub enum Errors {
    Page,
    Row(Memo<Vec<(String, String)>>),
}

impl Errors {
    /// A row's shown errors, by path (reactive on the findings shown, the
    /// language and the row's place in its list).
    pub fn of_row(w: Wizard, list: &'static str, index: Memo<usize>) -> Self {
        Errors::Row(Memo::new(move |_| {
            let lang = w.lang.get();
            let prefix = format!("{list}[{}].", index.get());
            w.nav.shown.with(|s| {
                s.iter()
                    .filter(|f| f.blocks() && f.path.starts_with(&prefix))
                    .map(|f| (f.path.clone(), f.text(lang).to_string()))
                    .collect()
            })
        }))
    }

    /// The error for `path`, tracking what this source tracks.
    fn find(self, w: Wizard, path: &str) -> Option<String> {
        match self {
            Errors::Page => {
                let lang = w.lang.get();
                w.nav.shown.with(|s| {
                    s.iter()
                        .find(|f| f.blocks() && f.path == path)
                        .map(|f| f.text(lang).to_string())
                })
            }
            Errors::Row(row) => row.with(|errors| {
                errors
                    .iter()
                    .find(|(p, _)| p == path)
                    .map(|(_, text)| text.clone())
            }),
        }
    }
}

/// The error text for a path among the shown findings (reactive).
pub(crate) fn error_for(w: Wizard, path: Signal<String>) -> Memo<Option<String>> {
    errors_for(w, path, Errors::Page)
}

fn errors_for(w: Wizard, path: Signal<String>, errors: Errors) -> Memo<Option<String>> {
    Memo::new(move |_| path.with(|p| errors.find(w, p)))
}

/// Whether a field shows an error, for its `prw-*--error` classes. One
/// closure type for every field and class (each distinct closure would
/// bring its own copy of the attribute's reactive code).
pub(crate) fn shows(error: Memo<Option<String>>) -> impl Fn() -> bool + Copy + 'static {
    move || error.with(Option::is_some)
}

/// `aria-invalid="true"` while a field shows an error.
fn invalid(error: Memo<Option<String>>) -> impl Fn() -> Option<&'static str> + Copy + 'static {
    move || error.with(|e| e.is_some().then_some("true"))
}

/// The ids an input is described by: its hint and its error, if shown.
pub(crate) fn described_by(
    id: &str,
    hint: bool,
    error: Memo<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + Clone + 'static {
    let hint_id = hint.then(|| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    move || match (&hint_id, error.with(Option::is_some)) {
        (Some(h), true) => Some(format!("{h} {error_id}")),
        (Some(h), false) => Some(h.clone()),
        (None, true) => Some(error_id.clone()),
        (None, false) => None,
    }
}

#[component]
pub(crate) fn ErrorMessage(id: String, error: Memo<Option<String>>) -> impl IntoView {
    let id = format!("{id}-error");
    move || {
        error.get().map(|e| {
            view! {
                <p class="prw-error-message" id=id.clone()>
                    <span class="prw-visually-hidden"><Tr k="ui.error_prefix"/></span>
                    {e}
                </p>
            }
        })
    }
}

#[component]
pub(crate) fn Hint(id: String, hint: Option<&'static str>) -> impl IntoView {
    hint.map(|h| view! { <div class="prw-hint" id=format!("{id}-hint")><Tr k=h/></div> })
}

#[component]
pub fn FieldView(field: Field, #[prop(into)] path: Signal<String>) -> impl IntoView {
    let w = use_wizard();
    // Asked or not is the domain's to say (`asked`), for the checker too.
    // Locked or not re-renders the field too (a directory-filled agency).
    let shown = Memo::new(move |_| {
        let profile = w.profile.get();
        let p = path.get();
        let asked = w.read(field.row, |f| asked(&p, f, &profile));
        (asked, asked && w.is_locked(&p))
    });
    move || {
        let (asked, locked) = shown.get();
        asked.then(|| field_body(field.clone(), path, locked))
    }
}

fn field_body(field: Field, path: Signal<String>, locked: bool) -> AnyView {
    let w = use_wizard();
    let label = field.q.label;
    let hint = field.q.hint;
    let row = field.row;
    // The path is read when it is used: a row's index moves when a row
    // above it is removed.
    let addr = move || path.get_untracked();
    // Set once: a listed row's field is named by the row's id, which
    // stays when rows above it go; any other field's path never changes.
    let id = match row {
        Some(RowKey(list, row_id)) => w.row_field_id(list, row_id, &field.q.path),
        None => w.field_id(&path.get_untracked()),
    };
    if let Input::Text(kind) = field.q.spec.input {
        return text_field(w, field, path, locked, kind, id);
    }
    let error = errors_for(w, path, field.errors);
    match field.q.spec.input {
        Input::Record | Input::Rows | Input::Id => ().into_any(),
        Input::Text(_) => ().into_any(),
        Input::Choice => {
            let value = Memo::new(move |_| w.read(row, |f| record::pick_at(f, &path.get())));
            let describedby = described_by(&id, hint.is_some(), error);
            let options = w
                .filing()
                .with_untracked(|f| record::options_at(f, &addr()));
            let radios = options
                .into_iter()
                .enumerate()
                .map(|(i, (opt, opt_label))| {
                    // The first option carries the field's id: error links land on it.
                    let opt_id = if i == 0 { id.clone() } else { format!("{id}-{opt}") };
                    view! {
                        <div class="prw-radio">
                            <input class="prw-radio__input" type="radio" id=opt_id.clone() name=id.clone() value=opt
                                disabled=locked
                                prop:checked=move || value.get() == Some(opt)
                                on:change=move |_| w.edit(row, |f| record::set_pick(f, &addr(), Some(opt))) />
                            <label class="prw-radio__label" for=opt_id><Tr k=opt_label/></label>
                            {crate::text::has(&format!("{opt_label}.hint")).then(|| {
                                let key = format!("{opt_label}.hint");
                                view! { <div class="prw-hint prw-radio__hint">{move || w.t(&key)}</div> }
                            })}
                        </div>
                    }
                })
                .collect_view();
            view! {
                <div class="prw-field" class:prw-field--error=shows(error)>
                    <fieldset class="prw-fieldset" aria-describedby=describedby>
                        <legend class="prw-legend"><Tr k=label/></legend>
                        <Hint id=id.clone() hint/>
                        <ErrorMessage id=id.clone() error/>
                        <div class="prw-radios">{radios}</div>
                    </fieldset>
                </div>
            }
            .into_any()
        }
        Input::Check => {
            let value = Memo::new(move |_| w.read(row, |f| record::flag_at(f, &path.get())));
            let describedby = described_by(&id, hint.is_some(), error);
            view! {
                <div class="prw-field" class:prw-field--error=shows(error)>
                    <ErrorMessage id=id.clone() error/>
                    <div class="prw-checkbox">
                        <input class="prw-checkbox__input" type="checkbox" id=id.clone() name=id.clone()
                            aria-describedby=describedby
                            aria-invalid=invalid(error)
                            prop:checked=move || value.get()
                            on:change=move |ev| {
                                let checked = event_target_checked(&ev);
                                w.edit(row, |f| record::set_flag(f, &addr(), checked));
                            } />
                        <label class="prw-checkbox__label" for=id.clone()><Tr k=label/></label>
                    </div>
                    <Hint id hint/>
                </div>
            }
            .into_any()
        }
    }
}

/// A text question: one memo for its error (shown findings and G4 as
/// typed), its value, and the input.
fn text_field(
    w: Wizard,
    field: Field,
    path: Signal<String>,
    locked: bool,
    kind: TextKind,
    id: String,
) -> AnyView {
    let Field { q, row, errors } = field;
    let (label, hint, optional) = (q.label, q.hint, q.spec.optional);
    let addr = move || path.get_untracked();
    let value = Memo::new(move |_| w.read(row, |f| record::text_at(f, &path.get())));
    // G4 shows as the purchaser types (a paste too long, an
    // invisible control character); other errors wait for Continue.
    // One memo for both: a 300-row list has 2,100 of them.
    let error = Memo::new(move |_| {
        value.track();
        errors.find(w, &path.get()).or_else(|| {
            let lang = w.lang.get_untracked();
            let problem = w
                .filing()
                .with_untracked(|f| crate::domain::rules::text_problem(f, &addr(), lang));
            // Only a field showing a problem follows the language: every
            // field of a long list subscribed to it would make each re-run
            // cost a shift through thousands of subscribers.
            if problem.is_some() {
                w.lang.track();
            }
            problem
        })
    });
    let describedby = described_by(&id, hint.is_some(), error);
    let input_id = id.clone();
    let input = move || {
        let id = input_id;
        let on_input = move |ev: leptos::ev::Event| {
            if !locked {
                let v = event_target_value(&ev);
                w.edit(row, |f| record::set_text(f, &addr(), v));
            }
        };
        if kind == TextKind::Long {
            view! {
                <textarea class="prw-textarea" id=id.clone() name=id.clone() rows="4"
                    class:prw-input--error=shows(error)
                    aria-invalid=invalid(error)
                    aria-describedby=describedby
                    prop:value=move || value.get()
                    on:input=on_input></textarea>
            }
            .into_any()
        } else {
            let (inputmode, autocomplete, width) = match kind {
                TextKind::Money => ("decimal", "off", "prw-input--w10"),
                TextKind::Date => ("text", "off", "prw-input--w10"),
                TextKind::Phone => ("tel", "tel", "prw-input--w10"),
                TextKind::Code => ("text", "off", "prw-input--w20"),
                _ => ("text", "off", ""),
            };
            view! {
                <input class=format!("prw-input {width}") id=id.clone() name=id.clone() type="text"
                    readonly=locked
                    inputmode=inputmode autocomplete=autocomplete
                    spellcheck=if matches!(kind, TextKind::Code | TextKind::Date | TextKind::Money | TextKind::Phone) { "false" } else { "true" }
                    class:prw-input--error=shows(error)
                    aria-invalid=invalid(error)
                    aria-describedby=describedby
                    prop:value=move || value.get()
                    on:input=on_input />
            }
            .into_any()
        }
    };
    view! {
        <div class="prw-field" class:prw-field--error=shows(error)>
            <label class="prw-label" for=id.clone()>
                <Tr k=label/>
                {optional.then(|| view! { <span class="prw-optional"><Tr k="ui.optional"/></span> })}
                {locked.then(|| view! { <span class="prw-optional"><Tr k="ui.locked"/></span> })}
            </label>
            <Hint id=id.clone() hint/>
            <ErrorMessage id error/>
            {input()}
        </div>
    }
    .into_any()
}

/// A list of units: each row asks `Party`'s fields (those the list asks).
#[component]
pub fn ListEditor(path: &'static str, label: &'static str) -> impl IntoView {
    let w = use_wizard();
    let ids = Memo::new(move |_| {
        w.filing()
            .with(|f| rows(f, path).iter().map(|p| p.id).collect::<Vec<u32>>())
    });
    let list_error = error_for(w, Signal::derive(move || path.to_string()));
    let list_id = w.field_id(path);
    let bulk = super::bulk::Bulk::new(path);
    // Asked once per list, not once per field of each row: whether a row's
    // field is asked depends on its list alone (`asked` strips the row
    // index), and a 300-row paste renders 2,100 fields at once.
    let questions = StoredValue::new(w.filing().with_untracked(|f| {
        w.profile.with_untracked(|p| {
            row_questions(path)
                .into_iter()
                .filter(|q| asked(&format!("{path}[0].{}", q.path), f, p))
                .collect::<Vec<_>>()
        })
    }));
    let add = move |_| {
        w.edit(None, |f| {
            if let Some(rows) = rows_mut(f, path) {
                let id = rows
                    .iter()
                    .map(|p| p.id)
                    .max()
                    .map_or(1, |m| m.saturating_add(1));
                rows.push(Party {
                    id,
                    ..Party::default()
                });
            }
        });
        let index = ids.get_untracked().len().saturating_sub(1);
        w.focus_later(w.field_id(&format!("{path}[{index}].name")));
        w.nav.announce.set(w.t("ui.row_added").to_string());
    };
    view! {
        <div class="prw-list" id=list_id.clone() tabindex="-1" on:paste=move |ev| bulk.on_paste(w, ev)>
            <h3 class="prw-list__title"><Tr k=label/></h3>
            <super::bulk::BulkTools bulk/>
            <ErrorMessage id=list_id.clone() error=list_error/>
            {crate::wizard::totalled(path).then(|| view! { <RunningTotal list=path/> })}
            <For each=move || ids.get() key=|id| *id let:row_id>
                <RowEditor list=path row_id ids questions/>
            </For>
            <button type="button" class="prw-button prw-button--secondary" on:click=add>
                <Tr k="ui.add_row"/>
            </button>
        </div>
    }
}

#[component]
fn RowEditor(
    list: &'static str,
    row_id: u32,
    ids: Memo<Vec<u32>>,
    questions: StoredValue<Vec<crate::wizard::Question>>,
) -> impl IntoView {
    let w = use_wizard();
    let key = RowKey(list, row_id);
    let index = Memo::new(move |_| ids.with(|v| v.iter().position(|x| *x == row_id).unwrap_or(0)));
    let name = Memo::new(move |_| {
        w.read(Some(key), |f| {
            rows(f, list)
                .iter()
                .find(|p| p.id == row_id)
                .map(|p| p.name.trim().to_string())
                .unwrap_or_default()
        })
    });
    let remove = move |_| {
        // Through `edit`: autosave, `wizard:change` and the pagehide flush
        // all hear of a removed row.
        w.edit(None, |f| {
            if let Some(rows) = rows_mut(f, list) {
                rows.retain(|p| p.id != row_id);
            }
        });
        w.nav.announce.set(w.t("ui.row_removed").to_string());
        // Focus stays in the list: the next row, or the list itself.
        w.focus_later(w.field_id(list));
    };
    let errors = Errors::of_row(w, list, index);
    let fields = questions
        .get_value()
        .into_iter()
        .map(|q| {
            let leaf = q.path.clone();
            let path = Signal::derive(move || format!("{list}[{}].{leaf}", index.get()));
            let field = Field {
                q,
                row: Some(key),
                errors,
            };
            field_body(field, path, false)
        })
        .collect_view();
    view! {
        <fieldset class="prw-row">
            <legend class="prw-legend prw-row__legend">
                {move || format!("{} {}", w.t("ui.row"), index.get() + 1)}
                {move || { let n = name.get(); (!n.is_empty()).then(|| format!("：{n}")) }}
            </legend>
            {fields}
            <button type="button" class="prw-button prw-button--warning" on:click=remove>
                <Tr k="ui.remove_row"/>
                <span class="prw-visually-hidden">{move || format!(" {} {}", w.t("ui.row"), index.get() + 1)}</span>
            </button>
        </fieldset>
    }
}

/// A joint list's shares against the budget, as the purchaser types (J10).
/// Shown at once; told to screen readers a second after typing stops, so a
/// 300-row list is not read out keystroke by keystroke.
#[component]
fn RunningTotal(list: &'static str) -> impl IntoView {
    let w = use_wizard();
    let total = Memo::new(move |_| {
        // Row edits notify `edits`, not the filing signal.
        w.edits.track();
        w.epoch.track();
        w.filing().with_untracked(|f| crate::wizard::total(f, list))
    });
    let text = move || {
        let lang = w.lang.get();
        total.with(|t| {
            t.as_ref()
                .map(|t| crate::wizard::total_text(t, lang, false))
                .unwrap_or_default()
        })
    };
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    Effect::new(move |first: Option<()>| {
        total.track();
        if first.is_none() {
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                if w.alive() {
                    w.nav.announce.set(text());
                }
            },
            std::time::Duration::from_millis(1000),
        )
        .ok();
        timer.update_value(|t| {
            if let Some(old) = std::mem::replace(t, handle) {
                old.clear();
            }
        });
    });
    on_cleanup(move || {
        if let Some(t) = timer.try_update_value(Option::take).flatten() {
            t.clear();
        }
    });
    view! { <p class="prw-total" data-total=move || total.with(|t| t.as_ref().map(|t| t.sum.get().to_string()))>{text}</p> }
}
