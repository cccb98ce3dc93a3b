//! Fields as data, and the components that render them the GOV.UK way:
//! label, hint, inline error tied with aria-describedby, answers kept.
//!
//! A field names its answer by path; reading and writing go through the
//! filing's record tables, so a field costs a table row, not closures.

use std::sync::Arc;

use leptos::prelude::*;

use super::tr::Tr;

use super::rows::{ListKind, RowKey};
use super::state::{use_wizard, Wizard};
use crate::domain::model::{Filing, Party};
use crate::domain::money::Fen;
use crate::domain::profile::Profile;
use crate::domain::record::{self, Slot};

#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub enum TextKind {
    #[default]
    Short,
    /// Codes and references: no spellcheck, no autocorrect.
    Code,
    /// Amount in 元; the check page adds 大写金额.
    Money,
    Date,
    Phone,
    Long,
}

pub type Cond = Arc<dyn Fn(&Filing, &Profile) -> bool + Send + Sync>;

#[derive(Clone)]
pub enum Input {
    Text { kind: TextKind, optional: bool },
    Radios,
    Check,
    List(ListKind),
    Note,
}

/// One question on a page: its catalog label key, the path of the filing
/// field it edits, how it is edited, and when it is asked.
#[derive(Clone)]
pub struct Field {
    pub label: &'static str,
    /// From the filing (`purchaser.name`); in a listed row, from the row
    /// (`uscc`).
    pub path: &'static str,
    /// The listed row the field belongs to, if any.
    pub row: Option<RowKey>,
    pub hint: Option<&'static str>,
    pub input: Input,
    pub when: Option<Cond>,
}

impl Field {
    fn new(label: &'static str, path: &'static str, input: Input) -> Self {
        Field {
            label,
            path,
            row: None,
            hint: None,
            input,
            when: None,
        }
    }

    pub fn text(label: &'static str, path: &'static str) -> Self {
        Field::new(
            label,
            path,
            Input::Text {
                kind: TextKind::Short,
                optional: false,
            },
        )
    }

    pub fn choice(label: &'static str, path: &'static str) -> Self {
        Field::new(label, path, Input::Radios)
    }

    pub fn check(label: &'static str, path: &'static str) -> Self {
        Field::new(label, path, Input::Check)
    }

    pub fn list(label: &'static str, kind: ListKind) -> Self {
        Field::new(label, kind.path(), Input::List(kind))
    }

    pub fn note(label: &'static str) -> Self {
        Field::new(label, "", Input::Note)
    }

    pub fn hint(mut self, key: &'static str) -> Self {
        self.hint = Some(key);
        self
    }

    pub fn kind(mut self, k: TextKind) -> Self {
        if let Input::Text { kind, .. } = &mut self.input {
            *kind = k;
        }
        self
    }

    pub fn optional(mut self) -> Self {
        if let Input::Text { optional, .. } = &mut self.input {
            *optional = true;
        }
        self
    }

    pub fn when(
        mut self,
        cond: impl Fn(&Filing, &Profile) -> bool + Send + Sync + 'static,
    ) -> Self {
        self.when = Some(Arc::new(cond));
        self
    }

    /// The answer's address in the filing, rows named by their stable id.
    pub fn addr(&self) -> String {
        match self.row {
            Some(RowKey(list, id)) => format!("{}#{id}.{}", list.path(), self.path),
            None => self.path.to_string(),
        }
    }

    /// The answer as the check-answers page shows it; `None` = not provided.
    pub fn answer(&self, w: Wizard, f: &Filing) -> Option<String> {
        let lang = w.lang.get();
        let addr = self.addr();
        match &self.input {
            Input::Text { kind, .. } => {
                let v = record::text_at(f, &addr);
                if v.trim().is_empty() {
                    return None;
                }
                Some(match kind {
                    TextKind::Money => match Fen::parse_yuan(&v) {
                        Ok(fen) => format!("{} 元（{}）", fen.yuan_string(), fen.capital()),
                        Err(_) => v,
                    },
                    _ => v,
                })
            }
            Input::Radios => match record::slot_at(f, &addr) {
                Some(Slot::Pick(p)) => p
                    .label()
                    .map(|label| crate::text::t(label, lang).to_string()),
                _ => None,
            },
            Input::Check => Some(
                crate::text::t(
                    if record::flag_at(f, &addr) {
                        "choice.confirmed"
                    } else {
                        "choice.not_confirmed"
                    },
                    lang,
                )
                .to_string(),
            ),
            Input::List(_) | Input::Note => None,
        }
    }
}

/// The error text for a path among the shown findings (reactive).
fn error_for(w: Wizard, path: Signal<String>) -> Memo<Option<String>> {
    Memo::new(move |_| {
        let lang = w.lang.get();
        path.with(|p| {
            w.shown.with(|s| {
                s.iter()
                    .find(|f| f.blocks() && &f.path == p)
                    .map(|f| f.text(lang).to_string())
            })
        })
    })
}

/// The ids an input is described by: its hint and its error, if shown.
fn described_by(
    id: Memo<String>,
    hint: bool,
    error: Memo<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + Copy {
    move || {
        let id = id.get();
        let mut parts = Vec::new();
        if hint {
            parts.push(format!("{id}-hint"));
        }
        if error.with(Option::is_some) {
            parts.push(format!("{id}-error"));
        }
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

#[component]
fn ErrorMessage(id: Memo<String>, error: Memo<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! {
                <p class="prw-error-message" id=move || format!("{}-error", id.get())>
                    <span class="prw-visually-hidden"><Tr k="ui.error_prefix"/></span>
                    {e}
                </p>
            }
        })
    }
}

#[component]
fn Hint(id: Memo<String>, hint: Option<&'static str>) -> impl IntoView {
    hint.map(
        |h| view! { <div class="prw-hint" id=move || format!("{}-hint", id.get())><Tr k=h/></div> },
    )
}

#[component]
pub fn FieldView(field: Field, #[prop(into)] path: Signal<String>) -> impl IntoView {
    let w = use_wizard();
    let visible = field.when.clone().map(|cond| {
        Memo::new(move |_| {
            let profile = w.profile.get();
            w.filing().with(|f| cond(f, &profile))
        })
    });
    let make = move || field_body(field.clone(), path);
    match visible {
        Some(visible) => (move || visible.get().then(make.clone())).into_any(),
        None => make().into_any(),
    }
}

fn field_body(field: Field, path: Signal<String>) -> AnyView {
    let w = use_wizard();
    let label = field.label;
    let hint = field.hint;
    let row = field.row;
    let addr = StoredValue::new(field.addr());
    let id = Memo::new(move |_| w.field_id(&path.get()));
    let error = error_for(w, path);
    match field.input {
        Input::Note => view! { <p class="prw-body"><Tr k=label/></p> }.into_any(),
        Input::List(kind) => view! { <ListEditor kind label/> }.into_any(),
        Input::Text { kind, optional } => {
            let locked = w.is_locked(&path.get_untracked());
            let value =
                Memo::new(move |_| w.read(row, |f| addr.with_value(|a| record::text_at(f, a))));
            // G4 shows as the purchaser types (a paste too long, an
            // invisible control character); other errors wait for Continue.
            let shown = error;
            let error = Memo::new(move |_| {
                value.track();
                let lang = w.lang.get();
                shown.get().or_else(|| {
                    w.filing().with_untracked(|f| {
                        addr.with_value(|a| crate::domain::rules::text_problem(f, a, lang))
                    })
                })
            });
            let describedby = described_by(id, hint.is_some(), error);
            let input = move || {
                let on_input = move |ev: leptos::ev::Event| {
                    if !locked {
                        let v = event_target_value(&ev);
                        w.edit(row, |f| addr.with_value(|a| record::set_text(f, a, v)));
                    }
                };
                if kind == TextKind::Long {
                    view! {
                        <textarea class="prw-textarea" id=move || id.get() name=move || id.get() rows="4"
                            class:prw-input--error=move || error.with(Option::is_some)
                            aria-invalid=move || error.with(|e| e.is_some().then_some("true"))
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
                        <input class=format!("prw-input {width}") id=move || id.get() name=move || id.get() type="text"
                            readonly=locked
                            inputmode=inputmode autocomplete=autocomplete
                            spellcheck=if matches!(kind, TextKind::Code | TextKind::Date | TextKind::Money | TextKind::Phone) { "false" } else { "true" }
                            class:prw-input--error=move || error.with(Option::is_some)
                            aria-invalid=move || error.with(|e| e.is_some().then_some("true"))
                            aria-describedby=describedby
                            prop:value=move || value.get()
                            on:input=on_input />
                    }
                    .into_any()
                }
            };
            view! {
                <div class="prw-field" class:prw-field--error=move || error.with(Option::is_some)>
                    <label class="prw-label" for=move || id.get()>
                        <Tr k=label/>
                        {optional.then(|| view! { <span class="prw-optional"><Tr k="ui.optional"/></span> })}
                        {locked.then(|| view! { <span class="prw-optional"><Tr k="ui.locked"/></span> })}
                    </label>
                    <Hint id hint/>
                    <ErrorMessage id error/>
                    {input()}
                </div>
            }
            .into_any()
        }
        Input::Radios => {
            let locked = w.is_locked(&path.get_untracked());
            let value =
                Memo::new(move |_| w.read(row, |f| addr.with_value(|a| record::pick_at(f, a))));
            let describedby = described_by(id, hint.is_some(), error);
            let options = w
                .filing()
                .with_untracked(|f| addr.with_value(|a| record::options_at(f, a)));
            let radios = options
                .into_iter()
                .enumerate()
                .map(|(i, (opt, opt_label))| {
                    // The first option carries the field's id: error links land on it.
                    let opt_id = move || if i == 0 { id.get() } else { format!("{}-{opt}", id.get()) };
                    view! {
                        <div class="prw-radio">
                            <input class="prw-radio__input" type="radio" id=opt_id name=move || id.get() value=opt
                                disabled=locked
                                prop:checked=move || value.get() == Some(opt)
                                on:change=move |_| w.edit(row, |f| addr.with_value(|a| record::set_pick(f, a, Some(opt)))) />
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
                <div class="prw-field" class:prw-field--error=move || error.with(Option::is_some)>
                    <fieldset class="prw-fieldset" aria-describedby=describedby>
                        <legend class="prw-legend"><Tr k=label/></legend>
                        <Hint id hint/>
                        <ErrorMessage id error/>
                        <div class="prw-radios">{radios}</div>
                    </fieldset>
                </div>
            }
            .into_any()
        }
        Input::Check => {
            let value =
                Memo::new(move |_| w.read(row, |f| addr.with_value(|a| record::flag_at(f, a))));
            let describedby = described_by(id, hint.is_some(), error);
            view! {
                <div class="prw-field" class:prw-field--error=move || error.with(Option::is_some)>
                    <ErrorMessage id error/>
                    <div class="prw-checkbox">
                        <input class="prw-checkbox__input" type="checkbox" id=move || id.get() name=move || id.get()
                            aria-describedby=describedby
                            aria-invalid=move || error.with(|e| e.is_some().then_some("true"))
                            prop:checked=move || value.get()
                            on:change=move |ev| {
                                let checked = event_target_checked(&ev);
                                w.edit(row, |f| addr.with_value(|a| record::set_flag(f, a, checked)));
                            } />
                        <label class="prw-checkbox__label" for=move || id.get()><Tr k=label/></label>
                    </div>
                    <Hint id hint/>
                </div>
            }
            .into_any()
        }
    }
}

/// The fields of one listed unit, by list.
pub fn row_fields(kind: ListKind, id: u32) -> Vec<Field> {
    let mut fields = vec![
        Field::text("label.party.name", "name"),
        Field::text("label.party.uscc", "uscc")
            .kind(TextKind::Code)
            .hint("hint.uscc"),
    ];
    if kind != ListKind::Mall {
        fields.push(Field::choice("label.party.level", "level"));
    }
    if kind == ListKind::Joint {
        fields.push(Field::text("label.party.budget_source", "budget_source"));
    }
    fields.push(Field::text("label.party.plan_ref", "plan_ref").kind(TextKind::Code));
    fields.push(
        Field::text("label.party.plan_date", "plan_date")
            .kind(TextKind::Date)
            .hint("hint.date"),
    );
    let amount = if kind == ListKind::Joint {
        "label.party.share"
    } else {
        "label.party.amount"
    };
    fields.push(
        Field::text(amount, "amount")
            .kind(TextKind::Money)
            .hint("hint.money"),
    );
    for field in &mut fields {
        field.row = Some(RowKey(kind, id));
    }
    fields
}

#[component]
fn ListEditor(kind: ListKind, label: &'static str) -> impl IntoView {
    let w = use_wizard();
    let ids = Memo::new(move |_| {
        w.filing()
            .with(|f| kind.rows(f).iter().map(|p| p.id).collect::<Vec<u32>>())
    });
    let list_error = error_for(w, Signal::derive(move || kind.path().to_string()));
    let list_id = Memo::new(move |_| w.field_id(kind.path()));
    let add = move |_| {
        let mut new_id = 0;
        w.edit(None, |f| {
            let rows = kind.rows_mut(f);
            new_id = rows
                .iter()
                .map(|p| p.id)
                .max()
                .map_or(1, |m| m.saturating_add(1));
            rows.push(Party {
                id: new_id,
                ..Party::default()
            });
        });
        let index = ids.get_untracked().len().saturating_sub(1);
        w.focus_later(w.field_id(&format!("{}[{index}].name", kind.path())));
        w.announce.set(w.t("ui.row_added").to_string());
    };
    view! {
        <div class="prw-list" id=move || list_id.get() tabindex="-1">
            <h3 class="prw-list__title"><Tr k=label/></h3>
            <ErrorMessage id=list_id error=list_error/>
            <For each=move || ids.get() key=|id| *id let:row_id>
                <RowEditor kind row_id ids/>
            </For>
            <button type="button" class="prw-button prw-button--secondary" on:click=add>
                <Tr k="ui.add_row"/>
            </button>
        </div>
    }
}

#[component]
fn RowEditor(kind: ListKind, row_id: u32, ids: Memo<Vec<u32>>) -> impl IntoView {
    let w = use_wizard();
    let index = Memo::new(move |_| ids.with(|v| v.iter().position(|x| *x == row_id).unwrap_or(0)));
    let name = Memo::new(move |_| {
        w.read(Some(RowKey(kind, row_id)), |f| {
            kind.rows(f)
                .iter()
                .find(|p| p.id == row_id)
                .map(|p| p.name.trim().to_string())
                .unwrap_or_default()
        })
    });
    let remove = move |_| {
        // Through `edit`: autosave, `wizard:change` and the pagehide flush
        // all hear of a removed row.
        w.edit(None, |f| kind.rows_mut(f).retain(|p| p.id != row_id));
        w.announce.set(w.t("ui.row_removed").to_string());
        // Focus stays in the list: the next row, or the list itself.
        w.focus_later(w.field_id(kind.path()));
    };
    let fields = row_fields(kind, row_id)
        .into_iter()
        .map(|field| {
            let leaf = field.path;
            let path = Signal::derive(move || format!("{}[{}].{leaf}", kind.path(), index.get()));
            view! { <FieldView field path/> }
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
