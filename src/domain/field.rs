//! What a field is, declared once beside its struct field in `model.rs`:
//! how it is answered, its G4 bound, the words naming it in a message, its
//! hint. The record tables, the form, prefill, the length checks and the
//! check-answers page all read this one declaration.

use super::choice::Choice;

/// Lengths that no real name or reference exceeds; longer input is a paste
/// accident, and a bound keeps packages small.
pub const NAME_MAX: u64 = 200;
pub const REF_MAX: u64 = 100;
pub const TEXT_MAX: u64 = 2000;

/// How a text is typed: it sets the input's width, keyboard and spelling
/// help, and how the check-answers page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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

/// How a field is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Text(TextKind),
    /// One of a closed set of options (radios).
    Choice,
    /// A declaration the purchaser confirms (a checkbox).
    Check,
    /// A nested record: its own fields are the questions.
    Record,
    /// A list of units.
    Rows,
    /// A row's stable key: never asked.
    Id,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// The field's name in its record (and in JSON).
    pub name: &'static str,
    pub input: Input,
    /// G4's bound for a text, in characters.
    pub max: u64,
    /// Marked "(optional)" in the form; a test holds the rules to it.
    pub optional: bool,
    /// Catalog key of the hint under the label. Dates, amounts and phone
    /// numbers get their kind's hint when none is declared.
    pub hint: Option<&'static str>,
    /// Message catalog key of the words naming the field in a finding
    /// (`field.…`); every text has one.
    pub noun: Option<&'static str>,
    /// Catalog key of the label, for a record shared by several places
    /// (`Party`, `Organisation`); otherwise `label.<path>` (row indexes
    /// left out), which also overrides this one where it exists.
    pub label: Option<&'static str>,
}

const fn spec(input: Input, max: u64) -> FieldSpec {
    FieldSpec {
        name: "",
        input,
        max,
        optional: false,
        hint: None,
        noun: None,
        label: None,
    }
}

pub const fn text(max: u64) -> FieldSpec {
    spec(Input::Text(TextKind::Short), max)
}
pub const fn code(max: u64) -> FieldSpec {
    spec(Input::Text(TextKind::Code), max)
}
pub const fn money() -> FieldSpec {
    spec(Input::Text(TextKind::Money), REF_MAX)
}
pub const fn date() -> FieldSpec {
    spec(Input::Text(TextKind::Date), REF_MAX)
}
pub const fn phone() -> FieldSpec {
    spec(Input::Text(TextKind::Phone), REF_MAX)
}
pub const fn long() -> FieldSpec {
    spec(Input::Text(TextKind::Long), TEXT_MAX)
}
pub const fn choice() -> FieldSpec {
    spec(Input::Choice, 0)
}
pub const fn check() -> FieldSpec {
    spec(Input::Check, 0)
}

impl FieldSpec {
    pub const fn optional(mut self) -> Self {
        self.optional = true;
        self
    }
    pub const fn hint(mut self, key: &'static str) -> Self {
        self.hint = Some(key);
        self
    }
    pub const fn noun(mut self, key: &'static str) -> Self {
        self.noun = Some(key);
        self
    }
    pub const fn label(mut self, key: &'static str) -> Self {
        self.label = Some(key);
        self
    }
    /// Set by the `record!` declaration: the struct field's own name.
    pub const fn named(mut self, name: &'static str) -> Self {
        self.name = name;
        self
    }

    /// The hint shown: the declared one, else the kind's.
    pub fn hint_key(&self) -> Option<&'static str> {
        self.hint.or(match self.input {
            Input::Text(TextKind::Date) => Some("hint.date"),
            Input::Text(TextKind::Money) => Some("hint.money"),
            Input::Text(TextKind::Phone) => Some("hint.phone"),
            _ => None,
        })
    }
}

/// The spec a field of this type gets when its declaration names none.
pub trait Declared {
    const SPEC: FieldSpec;
}

impl Declared for String {
    const SPEC: FieldSpec = text(NAME_MAX);
}
impl Declared for bool {
    const SPEC: FieldSpec = check();
}
impl Declared for u32 {
    const SPEC: FieldSpec = spec(Input::Id, 0);
}
impl<T: Choice> Declared for Option<T> {
    const SPEC: FieldSpec = choice();
}
impl<T> Declared for Vec<T> {
    const SPEC: FieldSpec = spec(Input::Rows, 0);
}

/// For the nested records, declared by `record!`.
pub const fn record() -> FieldSpec {
    spec(Input::Record, 0)
}
