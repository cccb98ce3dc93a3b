//! Rule profiles: which notice points are in force, and the parameters
//! (thresholds, what "many units" means) that a host may override.

use schemars::JsonSchema;
use serde::Serialize;

use std::sync::{Arc, OnceLock};

use serde_json::Value;

use super::agencies::{Agency, DirectoryOverride};
use super::choice::Choice;
use super::date::Date;
use super::money::Fen;
use super::read::{Fields, ReadError};
use super::values::{Level, Object};

mod def;
pub use def::{profile_schema, valid_id, Notice, ProfileDef, MAX_PROFILE_BYTES, PROFILE_FORMAT};

/// The profiles this product ships, as data files embedded at build time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProfileId {
    /// 鲁财采〔2020〕40号 alone.
    Shandong,
    /// 鲁财采〔2020〕40号 with 聊财采〔2021〕1号; the Liaocheng point wins where they differ.
    Liaocheng,
}

const SHIPPED_FILES: [&str; 2] = [
    include_str!("../../../profiles/shandong.json"),
    include_str!("../../../profiles/liaocheng.json"),
];

impl ProfileId {
    pub const ALL: [ProfileId; 2] = [ProfileId::Shandong, ProfileId::Liaocheng];

    pub fn id(self) -> &'static str {
        match self {
            ProfileId::Shandong => "shandong",
            ProfileId::Liaocheng => "liaocheng",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        ProfileId::ALL.into_iter().find(|p| p.id() == id)
    }

    /// The shipped profile's data, read on first use: a mount reads only
    /// the profile it uses (a few milliseconds of its startup each).
    /// The files are part of the build and `profile::tests` reads them, so
    /// a broken one fails the tests, never a purchaser.
    pub fn def(self) -> Arc<ProfileDef> {
        static READ: [OnceLock<Arc<ProfileDef>>; ProfileId::ALL.len()] =
            [const { OnceLock::new() }; ProfileId::ALL.len()];
        READ[self as usize]
            .get_or_init(
                || match ProfileDef::parse(SHIPPED_FILES[self as usize].as_bytes()) {
                    Ok(def) => Arc::new(def),
                    // Not `expect`: formatting the error would pull `Debug`
                    // into the bundle for a case the tests rule out.
                    Err(_) => panic!("a shipped profile does not read"),
                },
            )
            .clone()
    }
}

/// All the shipped profiles (each read once).
pub fn shipped() -> &'static [Arc<ProfileDef>] {
    static SHIPPED: OnceLock<Vec<Arc<ProfileDef>>> = OnceLock::new();
    SHIPPED.get_or_init(|| ProfileId::ALL.iter().map(|p| p.def()).collect())
}

/// The known profile with this id: a shipped one, or `extra` (a portal's
/// own file).
pub fn known(id: &str, extra: Option<&Arc<ProfileDef>>) -> Option<Arc<ProfileDef>> {
    extra
        .filter(|d| d.id == id)
        .cloned()
        .or_else(|| ProfileId::from_id(id).map(ProfileId::def))
}

/// 公开招标数额标准 for one level and object over a period.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    pub level: Level,
    pub object: Object,
    /// First day in force, `YYYY-MM-DD`.
    pub valid_from: String,
    /// Last day in force, `YYYY-MM-DD`; open-ended when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<String>,
    /// The public-tender threshold in fen.
    pub public_tender_fen: i64,
    /// True for the figures this product ships: they must be confirmed
    /// against the catalog in force, and a host should override them.
    #[serde(default)]
    pub shipped_default: bool,
}

/// A host's overrides, as given in its config. Every field is optional.
/// Read by [`ParamsOverride::from_value`] (browser and `filing-check`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ParamsOverride {
    /// D6: from how many requesting units the online mall is suggested.
    pub many_units: Option<u32>,
    /// Replace the shipped thresholds.
    pub thresholds: Option<Vec<Threshold>>,
    /// Extend or replace the agency directory.
    pub agencies: Option<DirectoryOverride>,
}

impl ParamsOverride {
    /// Read the overrides from a host's JSON (`config.thresholds` in the
    /// browser, `--params` in `filing-check`), naming the field that does
    /// not fit. Read by hand: the bundle carries no serde visitors.
    pub fn from_value(value: &Value) -> Result<Self, OverrideError> {
        let bad = |field: String, key: &'static str| ReadError::new(field, key);
        let object = value
            .as_object()
            .ok_or_else(|| bad("thresholds".into(), "read.object"))?;
        let mut o = ParamsOverride::default();
        for (key, v) in object {
            match key.as_str() {
                "many_units" if !v.is_null() => {
                    o.many_units = Some(
                        v.as_u64()
                            .and_then(|n| u32::try_from(n).ok())
                            .ok_or_else(|| {
                                bad("thresholds.many_units".into(), "read.many_units")
                            })?,
                    );
                }
                "thresholds" if !v.is_null() => {
                    let list = v
                        .as_array()
                        .ok_or_else(|| bad("thresholds.thresholds".into(), "read.list"))?;
                    let mut out = Vec::new();
                    for (i, t) in list.iter().enumerate() {
                        out.push(Threshold::from_value(
                            t,
                            &format!("thresholds.thresholds[{i}]"),
                        )?);
                    }
                    o.thresholds = Some(out);
                }
                "agencies" if !v.is_null() => {
                    o.agencies = Some(DirectoryOverride::from_value(v, "thresholds.agencies")?);
                }
                "many_units" | "thresholds" | "agencies" => {}
                _ => {
                    return Err(bad(format!("thresholds.{key}"), "read.unknown_field")
                        .with("known", "many_units, thresholds, agencies"))
                }
            }
        }
        Ok(o)
    }
}

impl Threshold {
    fn from_value(value: &Value, at: &str) -> Result<Self, OverrideError> {
        let f = Fields::of(value, at)?;
        f.known(&[
            "level",
            "object",
            "valid_from",
            "valid_to",
            "public_tender_fen",
            "shipped_default",
        ])?;
        Ok(Threshold {
            level: f
                .str("level")
                .and_then(|id| Level::all().iter().copied().find(|l| l.id() == id))
                .ok_or_else(|| f.bad("level", "read.level"))?,
            object: f
                .str("object")
                .and_then(|id| Object::all().iter().copied().find(|l| l.id() == id))
                .ok_or_else(|| f.bad("object", "read.object_kind"))?,
            valid_from: f
                .str("valid_from")
                .ok_or_else(|| f.bad("valid_from", "read.date"))?
                .to_string(),
            valid_to: match f.given("valid_to") {
                None => None,
                Some(v) => Some(
                    v.as_str()
                        .ok_or_else(|| f.bad("valid_to", "read.date"))?
                        .to_string(),
                ),
            },
            public_tender_fen: f
                .map
                .get("public_tender_fen")
                .and_then(Value::as_i64)
                .ok_or_else(|| f.bad("public_tender_fen", "read.fen"))?,
            shipped_default: match f.map.get("shipped_default") {
                None => false,
                Some(v) => v
                    .as_bool()
                    .ok_or_else(|| f.bad("shipped_default", "read.bool"))?,
            },
        })
    }
}

/// The profile the rules run under: its data, and the parameters a host
/// may override (thresholds, `many_units`) as they stand after overrides.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub def: Arc<ProfileDef>,
    pub many_units: u32,
    pub thresholds: Vec<Threshold>,
    /// Known centralized agencies (shipped, or the host's).
    pub agencies: Vec<Agency>,
}

/// Why a host override was refused: names the field, as the embedding API
/// promises.
pub type OverrideError = ReadError;

/// Thresholds that mean something: positive fen, real dates in order.
fn check_thresholds(list: &[Threshold], at: &str) -> Result<(), ReadError> {
    for (i, t) in list.iter().enumerate() {
        let field = |f: &str| format!("{at}[{i}].{f}");
        if Fen::new(t.public_tender_fen).is_err() {
            return Err(ReadError::new(field("public_tender_fen"), "read.fen"));
        }
        let from = Date::parse(&t.valid_from)
            .map_err(|_| ReadError::new(field("valid_from"), "read.date"))?;
        if let Some(to) = &t.valid_to {
            let to = Date::parse(to).map_err(|_| ReadError::new(field("valid_to"), "read.date"))?;
            if to < from {
                return Err(ReadError::new(field("valid_to"), "read.date_order"));
            }
        }
    }
    Ok(())
}

impl Profile {
    /// A shipped profile, as its file says.
    pub fn new(id: ProfileId) -> Self {
        Profile::from_def(id.def())
    }

    pub fn from_def(def: Arc<ProfileDef>) -> Self {
        Profile {
            many_units: def.many_units,
            thresholds: def.thresholds.clone(),
            agencies: crate::domain::agencies::shipped(),
            def,
        }
    }

    pub fn id(&self) -> &str {
        &self.def.id
    }

    /// The profile a draft made under `id` opens with, `home` being the
    /// host's: the host's own when it is that one (its overrides kept), a
    /// shipped one by id, else the host's — a draft made under a profile
    /// the page no longer loads still opens, checked under the host's.
    pub fn for_draft(id: &str, home: &Profile) -> Profile {
        if id == home.id() {
            return home.clone();
        }
        known(id, None).map_or_else(|| home.clone(), Profile::from_def)
    }

    /// Apply a host's overrides; refuses (naming the field) rather than
    /// running the rules with nonsense parameters.
    pub fn with_overrides(mut self, o: &ParamsOverride) -> Result<Self, OverrideError> {
        if let Some(n) = o.many_units {
            if !(2..=100_000).contains(&n) {
                return Err(ReadError::new("thresholds.many_units", "read.many_units"));
            }
            self.many_units = n;
        }
        if let Some(list) = &o.thresholds {
            check_thresholds(list, "thresholds.thresholds")?;
            self.thresholds = list
                .iter()
                .cloned()
                .map(|mut t| {
                    t.shipped_default = false;
                    t
                })
                .collect();
        }
        if let Some(d) = &o.agencies {
            self.agencies = d.apply(&self.agencies);
        }
        Ok(self)
    }

    /// G6: whether this profile binds a purchaser registered in `division`:
    /// one of its prefixes matches, and no shipped profile's matches longer
    /// (Liaocheng's `3715` wins over Shandong's `37`).
    pub fn fits(&self, division: &str) -> bool {
        let own = self.def.reach(division);
        own > 0
            && shipped()
                .iter()
                .filter(|d| d.id != self.def.id)
                .all(|d| d.reach(division) <= own)
    }

    /// The known profile that binds a purchaser in `division`, if any.
    pub fn fitting(&self, division: &str) -> Option<Arc<ProfileDef>> {
        std::iter::once(&self.def)
            .chain(shipped().iter().filter(|d| d.id != self.def.id))
            .filter(|d| d.reach(division) > 0)
            .max_by_key(|d| d.reach(division))
            .cloned()
    }

    /// The threshold in force for a level and object on a day.
    pub fn public_tender_threshold(
        &self,
        level: Level,
        object: Object,
        on: Date,
    ) -> Option<&Threshold> {
        self.thresholds.iter().find(|t| {
            t.level == level
                && t.object == object
                && Date::parse(&t.valid_from).is_ok_and(|from| from <= on)
                && t.valid_to
                    .as_deref()
                    .is_none_or(|to| Date::parse(to).is_ok_and(|to| on <= to))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_shipped_file_is_the_profile_its_id_names() {
        // `known` finds a shipped profile by `ProfileId`, without reading
        // the other files: each file must carry its own id.
        for p in ProfileId::ALL {
            assert_eq!(p.def().id, p.id());
            assert_eq!(known(p.id(), None).unwrap().id, p.id());
        }
        assert_eq!(shipped().len(), ProfileId::ALL.len());
        assert!(known("weifang", None).is_none());
    }

    #[test]
    fn overrides_replace_defaults_and_name_bad_fields() {
        let p = Profile::new(ProfileId::Liaocheng);
        assert!(p.thresholds.iter().all(|t| t.shipped_default));
        let o = ParamsOverride {
            many_units: Some(5),
            thresholds: Some(vec![Threshold {
                level: Level::City,
                object: Object::Goods,
                valid_from: "2025-01-01".into(),
                valid_to: Some("2026-12-31".into()),
                public_tender_fen: 200_000_000,
                shipped_default: true,
            }]),
            agencies: None,
        };
        let p = p.with_overrides(&o).unwrap();
        assert_eq!(p.many_units, 5);
        let on = Date::new(2026, 6, 1).unwrap();
        let t = p
            .public_tender_threshold(Level::City, Object::Goods, on)
            .unwrap();
        assert_eq!(t.public_tender_fen, 200_000_000);
        assert!(!t.shipped_default);
        assert!(p
            .public_tender_threshold(Level::City, Object::Goods, Date::new(2027, 1, 1).unwrap())
            .is_none());

        let bad = ParamsOverride {
            many_units: Some(0),
            ..Default::default()
        };
        let err = Profile::new(ProfileId::Shandong)
            .with_overrides(&bad)
            .unwrap_err();
        assert_eq!(err.path, "thresholds.many_units");
    }
}
