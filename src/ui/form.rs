//! Fields as data, and the components that render them the GOV.UK way:
//! label, hint, inline error tied with aria-describedby, answers kept.

use std::sync::Arc;

use leptos::prelude::*;

use super::tr::Tr;

use super::choice::{by_id, options, Choice};
use super::lens::{row_lens, Lens, ListKind, RowKey};
use super::state::{use_wizard, Wizard};
use crate::domain::finding::Severity;
use crate::domain::model::{Filing, Party};
use crate::domain::money::Fen;
use crate::domain::profile::Profile;

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
    Text {
        lens: Lens<String>,
        kind: TextKind,
        optional: bool,
    },
    Radios {
        lens: Lens<Option<&'static str>>,
        options: Vec<(&'static str, &'static str)>,
    },
    Check {
        lens: Lens<bool>,
    },
    List(ListKind),
    Note,
}

/// One question on a page: its catalog label key, the path of the filing
/// field it edits, how it is edited, and when it is asked.
#[derive(Clone)]
pub struct Field {
    pub label: &'static str,
    pub path: &'static str,
    pub hint: Option<&'static str>,
    pub input: Input,
    pub when: Option<Cond>,
}

impl Field {
    pub fn text(label: &'static str, path: &'static str, lens: Lens<String>) -> Self {
        Field {
            label,
            path,
            hint: None,
            input: Input::Text {
                lens,
                kind: TextKind::Short,
                optional: false,
            },
            when: None,
        }
    }

    pub fn choice<T: Choice>(
        label: &'static str,
        path: &'static str,
        lens: Lens<Option<T>>,
    ) -> Self {
        Field {
            label,
            path,
            hint: None,
            input: Input::Radios {
                lens: by_id(lens),
                options: options::<T>(),
            },
            when: None,
        }
    }

    pub fn check(label: &'static str, path: &'static str, lens: Lens<bool>) -> Self {
        Field {
            label,
            path,
            hint: None,
            input: Input::Check { lens },
            when: None,
        }
    }

    pub fn list(label: &'static str, kind: ListKind) -> Self {
        Field {
            label,
            path: kind.path(),
            hint: None,
            input: Input::List(kind),
            when: None,
        }
    }

    pub fn note(label: &'static str) -> Self {
        Field {
            label,
            path: "",
            hint: None,
            input: Input::Note,
            when: None,
        }
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

    /// The answer as the check-answers page shows it; `None` = not provided.
    pub fn answer(&self, w: Wizard, f: &Filing) -> Option<String> {
        let lang = w.lang.get();
        match &self.input {
            Input::Text { lens, kind, .. } => {
                let v = (lens.get)(f);
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
            Input::Radios { lens, options } => (lens.get)(f).and_then(|id| {
                options
                    .iter()
                    .find(|(o, _)| *o == id)
                    .map(|(_, label)| crate::text::t(label, lang).to_string())
            }),
            Input::Check { lens } => Some(
                crate::text::t(
                    if (lens.get)(f) {
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
                    .find(|f| f.severity == Severity::Error && &f.path == p)
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
            w.filing.with(|f| cond(f, &profile))
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
    let id = Memo::new(move |_| w.field_id(&path.get()));
    let error = error_for(w, path);
    match field.input {
        Input::Note => view! { <p class="prw-body"><Tr k=label/></p> }.into_any(),
        Input::List(kind) => view! { <ListEditor kind label/> }.into_any(),
        Input::Text {
            lens,
            kind,
            optional,
        } => {
            let get = lens.get.clone();
            let set = lens.set.clone();
            let row = lens.row;
            let locked = w.is_locked(&path.get_untracked());
            let value = Memo::new(move |_| w.read(row, |f| get(f)));
            let describedby = described_by(id, hint.is_some(), error);
            let input = move || {
                let set = set.clone();
                let on_input = move |ev: leptos::ev::Event| {
                    if !locked {
                        let v = event_target_value(&ev);
                        w.edit(row, |f| set(f, v));
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
        Input::Radios { lens, options } => {
            let get = lens.get.clone();
            let row = lens.row;
            let locked = w.is_locked(&path.get_untracked());
            let value = Memo::new(move |_| w.read(row, |f| get(f)));
            let describedby = described_by(id, hint.is_some(), error);
            let radios = options
                .into_iter()
                .enumerate()
                .map(|(i, (opt, opt_label))| {
                    let set = lens.set.clone();
                    // The first option carries the field's id: error links land on it.
                    let opt_id = move || if i == 0 { id.get() } else { format!("{}-{opt}", id.get()) };
                    view! {
                        <div class="prw-radio">
                            <input class="prw-radio__input" type="radio" id=opt_id name=move || id.get() value=opt
                                disabled=locked
                                prop:checked=move || value.get() == Some(opt)
                                on:change=move |_| w.edit(row, |f| set(f, Some(opt))) />
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
        Input::Check { lens } => {
            let get = lens.get.clone();
            let set = lens.set.clone();
            let row = lens.row;
            let value = Memo::new(move |_| w.read(row, |f| get(f)));
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
                                w.edit(row, |f| set(f, checked));
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
    let text =
        |label, path, field: fn(&Party) -> &String, field_mut: fn(&mut Party) -> &mut String| {
            Field::text(label, path, row_lens(kind, id, field, field_mut))
        };
    let mut fields = vec![
        text("label.party.name", "name", |p| &p.name, |p| &mut p.name),
        text("label.party.uscc", "uscc", |p| &p.uscc, |p| &mut p.uscc)
            .kind(TextKind::Code)
            .hint("hint.uscc"),
    ];
    if kind != ListKind::Mall {
        fields.push(Field::choice(
            "label.party.level",
            "level",
            row_lens(kind, id, |p| &p.level, |p| &mut p.level),
        ));
    }
    if kind == ListKind::Joint {
        fields.push(text(
            "label.party.budget_source",
            "budget_source",
            |p| &p.budget_source,
            |p| &mut p.budget_source,
        ));
    }
    fields.push(
        text(
            "label.party.plan_ref",
            "plan_ref",
            |p| &p.plan_ref,
            |p| &mut p.plan_ref,
        )
        .kind(TextKind::Code),
    );
    fields.push(
        text(
            "label.party.plan_date",
            "plan_date",
            |p| &p.plan_date,
            |p| &mut p.plan_date,
        )
        .kind(TextKind::Date)
        .hint("hint.date"),
    );
    fields.push(
        text(
            if kind == ListKind::Joint {
                "label.party.share"
            } else {
                "label.party.amount"
            },
            "amount",
            |p| &p.amount,
            |p| &mut p.amount,
        )
        .kind(TextKind::Money)
        .hint("hint.money"),
    );
    fields
}

#[component]
fn ListEditor(kind: ListKind, label: &'static str) -> impl IntoView {
    let w = use_wizard();
    let ids = Memo::new(move |_| {
        w.filing
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
        let at = index.get_untracked();
        w.filing
            .update(|f| kind.rows_mut(f).retain(|p| p.id != row_id));
        w.announce.set(w.t("ui.row_removed").to_string());
        // Focus stays in the list: the next row, or the list itself.
        w.focus_later(w.field_id(kind.path()));
        let _ = at;
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
