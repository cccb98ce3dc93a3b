//! The filing's fields by name. One table per record type serves reading
//! stored drafts, imported files and host prefill, and the form's access to
//! each answer by its path (`purchaser.name`, `joint.participants#7.uscc`).
//!
//! Why not serde's derived `Deserialize` in the browser: its per-struct
//! visitors cost ~30 KB of the gzip bundle; a table of slots costs a few
//! hundred bytes per type and one non-generic reader. Natively serde and
//! this reader must agree: `tests/properties.rs` round-trips random filings
//! through both, and a unit test below compares every record's keys and
//! kinds with serde's.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::choice::Choice;
use super::field::FieldSpec;
use super::model::*;

/// A field, read.
pub enum Slot<'a> {
    Text(&'a str),
    Flag(bool),
    /// A closed choice.
    Pick(&'a dyn Pick),
    Record(&'a dyn Record),
    Rows(&'a [Party]),
    Id(u32),
}

/// A field, to write.
pub enum SlotMut<'a> {
    Text(&'a mut String),
    Flag(&'a mut bool),
    Pick(&'a mut dyn Pick),
    Record(&'a mut dyn Record),
    Rows(&'a mut Vec<Party>),
    Id(&'a mut u32),
}

/// An optional closed choice, read and written by id.
pub trait Pick {
    fn id(&self) -> Option<&'static str>;
    /// `false` (and no change) when `id` names no option.
    fn set_id(&mut self, id: Option<&str>) -> bool;
    /// Stored as JSON `true`/`false` (ids `yes`/`no`).
    fn json_bool(&self) -> bool;
    /// The options as (id, catalog label key).
    fn options(&self) -> Vec<(&'static str, &'static str)>;
    /// The chosen option's catalog label key.
    fn label(&self) -> Option<&'static str>;
}

impl<T: Choice> Pick for Option<T> {
    fn id(&self) -> Option<&'static str> {
        self.map(Choice::id)
    }

    fn set_id(&mut self, id: Option<&str>) -> bool {
        match id {
            None => {
                *self = None;
                true
            }
            Some(id) => match T::all().iter().copied().find(|c| c.id() == id) {
                Some(c) => {
                    *self = Some(c);
                    true
                }
                None => false,
            },
        }
    }

    fn json_bool(&self) -> bool {
        T::JSON_BOOL
    }

    fn options(&self) -> Vec<(&'static str, &'static str)> {
        T::all().iter().map(|c| (c.id(), c.label())).collect()
    }

    fn label(&self) -> Option<&'static str> {
        self.map(Choice::label)
    }
}

pub trait Record {
    /// The record type's name (`Party`), for tables keyed by record and field.
    fn name(&self) -> &'static str;
    /// The field names, in declaration order.
    fn keys(&self) -> &'static [&'static str];
    /// What each field is, in declaration order (see `field.rs`).
    fn specs(&self) -> &'static [FieldSpec];
    /// The spec of one field.
    fn spec(&self, key: &str) -> Option<&'static FieldSpec> {
        self.specs().iter().find(|s| s.name == key)
    }
    fn slot(&self, key: &str) -> Option<Slot<'_>>;
    fn slot_mut(&mut self, key: &str) -> Option<SlotMut<'_>>;
}

/// How one field type appears as a slot.
pub trait AsSlot {
    fn as_slot(&self) -> Slot<'_>;
    fn as_slot_mut(&mut self) -> SlotMut<'_>;
}

impl AsSlot for String {
    fn as_slot(&self) -> Slot<'_> {
        Slot::Text(self)
    }
    fn as_slot_mut(&mut self) -> SlotMut<'_> {
        SlotMut::Text(self)
    }
}

impl AsSlot for bool {
    fn as_slot(&self) -> Slot<'_> {
        Slot::Flag(*self)
    }
    fn as_slot_mut(&mut self) -> SlotMut<'_> {
        SlotMut::Flag(self)
    }
}

impl AsSlot for u32 {
    fn as_slot(&self) -> Slot<'_> {
        Slot::Id(*self)
    }
    fn as_slot_mut(&mut self) -> SlotMut<'_> {
        SlotMut::Id(self)
    }
}

impl AsSlot for Vec<Party> {
    fn as_slot(&self) -> Slot<'_> {
        Slot::Rows(self)
    }
    fn as_slot_mut(&mut self) -> SlotMut<'_> {
        SlotMut::Rows(self)
    }
}

impl<T: Choice> AsSlot for Option<T> {
    fn as_slot(&self) -> Slot<'_> {
        Slot::Pick(self)
    }
    fn as_slot_mut(&mut self) -> SlotMut<'_> {
        SlotMut::Pick(self)
    }
}

/// Declares the filing's records: each struct, its table of slots, and one
/// [`FieldSpec`] per field (`pub name: String = text(NAME_MAX).noun(…)`;
/// without `= …` the type's default). Everything that walks fields by name
/// — drafts, prefill, the form, G4, the check-answers page — reads this.
macro_rules! declare_records {
    ($(
        $(#[$meta:meta])*
        pub struct $ty:ident {
            $( $(#[$fmeta:meta])* pub $field:ident : $fty:ty $(= $spec:expr)? ),+ $(,)?
        }
    )+) => {$(
        $(#[$meta])*
        pub struct $ty {
            $( $(#[$fmeta])* pub $field: $fty ),+
        }
        impl $crate::domain::record::Record for $ty {
            fn name(&self) -> &'static str {
                stringify!($ty)
            }
            fn keys(&self) -> &'static [&'static str] {
                &[$(stringify!($field)),+]
            }
            fn specs(&self) -> &'static [$crate::domain::field::FieldSpec] {
                const SPECS: &[$crate::domain::field::FieldSpec] = &[$(
                    $crate::domain::record::field_spec!($fty $(, $spec)?).named(stringify!($field))
                ),+];
                SPECS
            }
            fn slot(&self, key: &str) -> Option<$crate::domain::record::Slot<'_>> {
                use $crate::domain::record::AsSlot;
                match key {
                    $(stringify!($field) => Some(self.$field.as_slot()),)+
                    _ => None,
                }
            }
            fn slot_mut(&mut self, key: &str) -> Option<$crate::domain::record::SlotMut<'_>> {
                use $crate::domain::record::AsSlot;
                match key {
                    $(stringify!($field) => Some(self.$field.as_slot_mut()),)+
                    _ => None,
                }
            }
        }
        impl $crate::domain::record::AsSlot for $ty {
            fn as_slot(&self) -> $crate::domain::record::Slot<'_> {
                $crate::domain::record::Slot::Record(self)
            }
            fn as_slot_mut(&mut self) -> $crate::domain::record::SlotMut<'_> {
                $crate::domain::record::SlotMut::Record(self)
            }
        }
        impl $crate::domain::field::Declared for $ty {
            const SPEC: $crate::domain::field::FieldSpec = $crate::domain::field::record();
        }
    )+};
}
pub(crate) use declare_records;

/// A field's spec: the declared one, or its type's default.
macro_rules! field_spec {
    ($fty:ty) => {
        <$fty as $crate::domain::field::Declared>::SPEC
    };
    ($fty:ty, $spec:expr) => {
        $spec
    };
}
pub(crate) use field_spec;

/// A record as JSON, as serde's derive would write it: choices by id,
/// yes/no answers as `true`/`false`, rows as arrays.
pub fn to_value(record: &dyn Record) -> Value {
    let mut map = Map::new();
    for key in record.keys() {
        if let Some(slot) = record.slot(key) {
            map.insert((*key).to_string(), slot_value(slot));
        }
    }
    Value::Object(map)
}

fn slot_value(slot: Slot<'_>) -> Value {
    match slot {
        Slot::Text(s) => Value::String(s.to_string()),
        Slot::Flag(b) => Value::Bool(b),
        Slot::Id(n) => Value::from(n),
        Slot::Pick(p) => match p.id() {
            None => Value::Null,
            Some(id) if p.json_bool() => Value::Bool(id == "yes"),
            Some(id) => Value::String(id.to_string()),
        },
        Slot::Record(r) => to_value(r),
        Slot::Rows(rows) => Value::Array(rows.iter().map(|p| to_value(p)).collect()),
    }
}

/// The filing is written through its table: one small writer in the
/// bundle instead of a derived serializer per record type.
impl Serialize for Filing {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        to_value(self).serialize(serializer)
    }
}

/// And read through it, natively too (`filing-check`, `verify`): serde's
/// derive would also take a record written as an array of its fields,
/// which the JSON Schema forbids.
impl<'de> Deserialize<'de> for Filing {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        filing_from(&value).map_err(serde::de::Error::custom)
    }
}

pub use super::read::ReadError;

fn fail(path: &str, key: &'static str) -> ReadError {
    ReadError::new(path, key)
}

fn join(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

/// Fill `record` from a JSON object as serde would with `#[serde(default,
/// deny_unknown_fields)]`: missing fields keep their value, unknown fields
/// and wrong types are refused with the field's path.
pub fn read_into(record: &mut dyn Record, value: &Value, at: &str) -> Result<(), ReadError> {
    let Some(object) = value.as_object() else {
        return Err(fail(at, "read.object"));
    };
    for (key, v) in object {
        let path = join(at, key);
        match record.slot_mut(key) {
            None => return Err(fail(&path, "read.no_such_field")),
            Some(SlotMut::Text(s)) => {
                *s = v
                    .as_str()
                    .ok_or_else(|| fail(&path, "read.string"))?
                    .to_string();
            }
            Some(SlotMut::Flag(b)) => *b = v.as_bool().ok_or_else(|| fail(&path, "read.bool"))?,
            Some(SlotMut::Id(n)) => {
                *n = v
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or_else(|| fail(&path, "read.whole_number"))?;
            }
            Some(SlotMut::Pick(p)) => {
                let id = match v {
                    Value::Null => None,
                    Value::Bool(b) if p.json_bool() => Some(if *b { "yes" } else { "no" }),
                    Value::String(s) if !p.json_bool() => Some(s.as_str()),
                    _ => return Err(fail(&path, "read.option")),
                };
                if !p.set_id(id) {
                    return Err(fail(&path, "read.option"));
                }
            }
            Some(SlotMut::Record(r)) => read_into(r, v, &path)?,
            Some(SlotMut::Rows(rows)) => {
                let items = v.as_array().ok_or_else(|| fail(&path, "read.list"))?;
                rows.clear();
                for (i, item) in items.iter().enumerate() {
                    let mut party = Party::default();
                    read_into(&mut party, item, &format!("{path}[{i}]"))?;
                    rows.push(party);
                }
            }
        }
    }
    Ok(())
}

/// A filing from JSON, or the first field that does not fit.
pub fn filing_from(value: &Value) -> Result<Filing, ReadError> {
    let mut filing = Filing::default();
    read_into(&mut filing, value, "")?;
    Ok(filing)
}

/// The first step of a path: a field name, the row index when the field
/// is a list (`list[i]`), and the rest of the path.
fn first_step(path: &str) -> Option<(&str, Option<usize>, Option<&str>)> {
    let (part, rest) = match path.split_once('.') {
        Some((p, r)) => (p, Some(r)),
        None => (path, None),
    };
    match part.split_once('[') {
        Some((list, index)) => Some((list, Some(index.strip_suffix(']')?.parse().ok()?), rest)),
        None => Some((part, None, rest)),
    }
}

/// An answer's place: a dotted path from the filing, a listed row named by
/// its index (`joint.participants[2].uscc`) — the dialect of findings, the
/// JSON Schema and the form alike.
pub fn slot_at<'a>(filing: &'a Filing, path: &str) -> Option<Slot<'a>> {
    fn walk<'a>(record: &'a dyn Record, path: &str) -> Option<Slot<'a>> {
        let (key, row, rest) = first_step(path)?;
        let slot = match (record.slot(key)?, row) {
            (Slot::Rows(rows), Some(i)) => Slot::Record(rows.get(i)?),
            (_, Some(_)) => return None,
            (slot, None) => slot,
        };
        match (slot, rest) {
            (slot, None) => Some(slot),
            (Slot::Record(r), Some(rest)) => walk(r, rest),
            _ => None,
        }
    }
    walk(filing, path)
}

/// As [`slot_at`], to write.
pub fn slot_at_mut<'a>(filing: &'a mut Filing, path: &str) -> Option<SlotMut<'a>> {
    fn walk<'a>(record: &'a mut dyn Record, path: &str) -> Option<SlotMut<'a>> {
        let (key, row, rest) = first_step(path)?;
        let slot = match (record.slot_mut(key)?, row) {
            (SlotMut::Rows(rows), Some(i)) => SlotMut::Record(rows.get_mut(i)?),
            (_, Some(_)) => return None,
            (slot, None) => slot,
        };
        match (slot, rest) {
            (slot, None) => Some(slot),
            (SlotMut::Record(r), Some(rest)) => walk(r, rest),
            _ => None,
        }
    }
    walk(filing, path)
}

/// The declaration of the field at `path` (row indexes ignored): what it
/// is, whatever the filing holds.
pub fn spec_at(path: &str) -> Option<&'static FieldSpec> {
    fn walk(record: &dyn Record, path: &str) -> Option<&'static FieldSpec> {
        let (key, _, rest) = first_step(path)?;
        let spec = record.spec(key)?;
        match rest {
            None => Some(spec),
            Some(rest) => match record.slot(key)? {
                Slot::Record(inner) => walk(inner, rest),
                Slot::Rows(_) => walk(&Party::default(), rest),
                _ => None,
            },
        }
    }
    walk(&Filing::default(), path)
}

/// The text at `path` (empty when the path names no text).
pub fn text_at(filing: &Filing, path: &str) -> String {
    match slot_at(filing, path) {
        Some(Slot::Text(s)) => s.to_string(),
        _ => String::new(),
    }
}

/// The chosen option's id at `path`.
pub fn pick_at(filing: &Filing, path: &str) -> Option<&'static str> {
    match slot_at(filing, path) {
        Some(Slot::Pick(p)) => p.id(),
        _ => None,
    }
}

/// The options (id, label key) of the choice at `path`.
pub fn options_at(filing: &Filing, path: &str) -> Vec<(&'static str, &'static str)> {
    match slot_at(filing, path) {
        Some(Slot::Pick(p)) => p.options(),
        _ => Vec::new(),
    }
}

pub fn flag_at(filing: &Filing, path: &str) -> bool {
    matches!(slot_at(filing, path), Some(Slot::Flag(true)))
}

/// Write a text; a path that names no text changes nothing.
pub fn set_text(filing: &mut Filing, path: &str, value: String) {
    if let Some(SlotMut::Text(s)) = slot_at_mut(filing, path) {
        *s = value;
    }
}

/// Choose an option by id; an unknown id changes nothing.
pub fn set_pick(filing: &mut Filing, path: &str, id: Option<&str>) {
    if let Some(SlotMut::Pick(p)) = slot_at_mut(filing, path) {
        p.set_id(id);
    }
}

pub fn set_flag(filing: &mut Filing, path: &str, value: bool) {
    if let Some(SlotMut::Flag(b)) = slot_at_mut(filing, path) {
        *b = value;
    }
}

/// Object keys of `value` not in `known`: for the hand-read envelopes
/// (draft, config) that refuse unknown fields as the records do.
pub fn unknown_key<'a>(value: &'a Map<String, Value>, known: &[&str]) -> Option<&'a str> {
    value
        .keys()
        .map(String::as_str)
        .find(|k| !known.contains(k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::ProfileId;
    use crate::domain::route::RouteId;
    use crate::domain::sample::sample;

    /// Every record writes exactly what serde's derive writes for it, and
    /// serde's derived reader (which refuses unknown fields) reads the whole
    /// filing back: a field left out of a table cannot go unnoticed.
    #[test]
    fn records_match_serde_field_for_field() {
        for route in RouteId::ALL {
            let f = sample(route, ProfileId::Liaocheng);
            let mut full = f.clone();
            let mut rows = f.parties().to_vec();
            if rows.is_empty() {
                rows.push(Party::default());
            }
            full.department.units = rows.clone();
            full.mall.participants = rows.clone();
            full.joint.participants = rows;
            let sections: [(&dyn Record, Value); 9] = [
                (
                    &full.decision,
                    serde_json::to_value(&full.decision).unwrap(),
                ),
                (
                    &full.purchaser,
                    serde_json::to_value(&full.purchaser).unwrap(),
                ),
                (&full.project, serde_json::to_value(&full.project).unwrap()),
                (
                    &full.department,
                    serde_json::to_value(&full.department).unwrap(),
                ),
                (&full.join, serde_json::to_value(&full.join).unwrap()),
                (&full.agency, serde_json::to_value(&full.agency).unwrap()),
                (&full.mall, serde_json::to_value(&full.mall).unwrap()),
                (&full.joint, serde_json::to_value(&full.joint).unwrap()),
                (
                    &full.responsibility,
                    serde_json::to_value(&full.responsibility).unwrap(),
                ),
            ];
            for (record, serde_value) in sections {
                assert_eq!(to_value(record), serde_value);
            }
            let read: Filing = serde_json::from_value(to_value(&full)).unwrap();
            assert_eq!(read, full);
        }
    }

    #[test]
    fn reads_what_serde_writes() {
        for route in RouteId::ALL {
            for profile in ProfileId::ALL {
                let f = sample(route, profile);
                assert_eq!(filing_from(&serde_json::to_value(&f).unwrap()).unwrap(), f);
            }
        }
    }

    #[test]
    fn refuses_unknown_fields_and_wrong_types_naming_the_path() {
        let e = filing_from(&serde_json::json!({"purchaser": {"nam": "x"}})).unwrap_err();
        assert_eq!(e.path, "purchaser.nam");
        let e = filing_from(&serde_json::json!({"purchaser": {"level": "mars"}})).unwrap_err();
        assert_eq!(e.path, "purchaser.level");
        let e =
            filing_from(&serde_json::json!({"joint": {"participants": [{"id": -1}]}})).unwrap_err();
        assert_eq!(e.path, "joint.participants[0].id");
        let e = filing_from(&serde_json::json!({"project": {"budget": 12}})).unwrap_err();
        assert_eq!(e.key(), "read.string");
        // serde's derive would take a record as an array of its fields; the
        // schema does not, and neither does the reader.
        let e = filing_from(&serde_json::json!({"joint": {"participants": [[]]}})).unwrap_err();
        assert_eq!(e.path, "joint.participants[0]");
        assert!(filing_from(&serde_json::json!({"purchaser": ["x"]})).is_err());
        assert!(serde_json::from_str::<Filing>(r#"{"purchaser": []}"#).is_err());
        assert!(filing_from(&serde_json::json!([])).is_err());
        assert_eq!(
            filing_from(&serde_json::json!({"route": null})).unwrap(),
            Filing::default()
        );
    }

    #[test]
    fn paths_reach_fields_and_rows_by_index() {
        let mut f = sample(RouteId::JVoluntary, ProfileId::Shandong);
        let path = "joint.participants[1].uscc";
        assert_eq!(text_at(&f, path), f.joint.participants[1].uscc);
        set_text(&mut f, path, "changed".into());
        assert_eq!(f.joint.participants[1].uscc, "changed");
        set_pick(&mut f, "purchaser.level", Some("county"));
        set_pick(&mut f, "purchaser.level", Some("mars"));
        assert_eq!(pick_at(&f, "purchaser.level"), Some("county"));
        assert_eq!(options_at(&f, "purchaser.level").len(), 4);
        set_flag(&mut f, "responsibility.keeps_legal_duties", false);
        assert!(!flag_at(&f, "responsibility.keeps_legal_duties"));
        set_flag(&mut f, "responsibility.keeps_legal_duties", true);
        assert!(flag_at(&f, "responsibility.keeps_legal_duties"));
        assert!(slot_at(&f, "purchaser.nothing").is_none());
        assert!(slot_at(&f, "joint.participants[999999].uscc").is_none());
        assert!(slot_at(&f, "joint.participants[1.uscc").is_none());
        assert!(slot_at(&f, "joint.participants[-1].uscc").is_none());
        assert_eq!(
            spec_at("joint.participants[7].amount").map(|s| s.name),
            Some("amount")
        );
        assert_eq!(
            spec_at("responsibility.representative.phone").map(|s| s.max),
            Some(100)
        );
        assert!(spec_at("purchaser.nothing").is_none());
        assert!(slot_at(&f, "purchaser.name.deeper").is_none());
    }
}
