//! A profile as data: which notices a region files under, and the value of
//! every point where the rules differ between regions. Shandong and
//! Liaocheng ship as `profiles/*.json`; a portal may load its own city's
//! file (`profileData`, `filing-check --profile-file`). Read by hand from
//! strict JSON, each refusal naming its field, like every untrusted input.

use crate::domain::table::Table;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use super::Threshold;
use crate::domain::choice::Choice;
use crate::domain::date::Date;
use crate::domain::finding::Localized;
use crate::domain::json;
use crate::domain::model::NeedNature;
use crate::domain::read::{Fields, ReadError};
use crate::domain::rules::{rule_def, RULES};
use crate::domain::values::Level;

/// The profile format this version reads.
pub const PROFILE_FORMAT: u64 = 1;
/// A profile is a few KB; this refuses a runaway file before parsing.
pub const MAX_PROFILE_BYTES: usize = 256 * 1024;

/// One region's reading of the notices. The JSON Schema of the file is
/// generated from this type (`schema/profile.schema.json`).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Rule profile v1",
    description = "A region's reading of 鲁财采〔2020〕40号 and its local forwarding notice: the value of every point where the rules differ, and the clause each rule cites."
)]
pub struct ProfileDef {
    /// Always 1 for this format.
    pub format: u64,
    /// `[a-z][a-z0-9_-]{1,31}`: what packages and drafts record.
    pub id: String,
    /// The region's name, as the wizard shows it.
    pub name: Localized,
    /// The notices this profile rests on; a local notice `forwards` the
    /// provincial one it adds to (both apply, the local point wins).
    pub notices: Vec<Notice>,
    /// G6: prefixes of the six-digit division codes whose units file under
    /// this profile (`37` all of Shandong, `3715` Liaocheng). The longest
    /// matching prefix among the known profiles wins.
    pub divisions: Vec<String>,
    /// D1: the level whose departments may organise department
    /// centralized procurement.
    pub department_level: Level,
    /// D3: the kinds of need a department may pool.
    pub need_natures: Vec<NeedNature>,
    /// D3: what the purchaser is told when another kind is chosen.
    pub need_nature_message: String,
    /// A3: a reason is required for the provincial or Jinan centre (else
    /// A3-LC records that none is needed).
    pub a3_reason_required: bool,
    /// J6: voluntary joint procurement may entrust a social agency.
    pub joint_social_agency: bool,
    /// J9: which acceptance text applies.
    pub acceptance_message: String,
    /// D6: from how many requesting units the online mall is suggested.
    pub many_units: u32,
    /// 公开招标数额标准 by level and object.
    pub thresholds: Vec<Threshold>,
    /// Every clause a rule cites, by id, with its words in both languages.
    pub sources: Table<Localized>,
    /// Every rule's clauses (ids from `sources`), one entry per rule.
    pub clauses: Table<Vec<String>>,
    /// `sha256:` + hex of the canonical JSON of the file: what a package
    /// records, so a server knows the exact text it was checked against.
    #[serde(skip)]
    #[schemars(skip)]
    pub digest: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    /// A short id the sources use, e.g. `SD-2020-40`.
    pub id: String,
    /// 文号, e.g. 鲁财采〔2020〕40号.
    pub number: String,
    pub title: Localized,
    /// Date of issue, `YYYY-MM-DD`.
    pub date: String,
    /// The id of the notice this one forwards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forwards: Option<String>,
}

/// The D3 and J9 messages a profile may pick: each rule's declared
/// messages other than "choose one".
fn messages_of(rule: &str) -> Vec<&'static str> {
    rule_def(rule)
        .map(|d| {
            d.messages
                .iter()
                .map(|(k, _)| *k)
                .filter(|k| !k.ends_with(".choose"))
                .collect()
        })
        .unwrap_or_default()
}

pub fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && (2..=32).contains(&id.len())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// A message key a profile names for `rule`: one the rule declares.
fn message(f: &Fields, key: &str, rule: &str) -> Result<String, ReadError> {
    let text = f.text(key)?;
    let allowed = messages_of(rule);
    if !allowed.contains(&text.as_str()) {
        return Err(ReadError::new(f.path(key), "read.one_of").with("known", allowed.join(", ")));
    }
    Ok(text)
}

const KEYS: [&str; 15] = [
    "format",
    "id",
    "name",
    "notices",
    "divisions",
    "department_level",
    "need_natures",
    "need_nature_message",
    "a3_reason_required",
    "joint_social_agency",
    "acceptance_message",
    "many_units",
    "thresholds",
    "sources",
    "clauses",
];

impl ProfileDef {
    /// Read a profile file: strict JSON (no duplicate keys), at most
    /// [`MAX_PROFILE_BYTES`].
    pub fn parse(bytes: &[u8]) -> Result<Self, ReadError> {
        let value = json::parse(bytes, MAX_PROFILE_BYTES).map_err(|e| ReadError::json("", e))?;
        Self::from_value(&value)
    }

    /// Read and validate a profile given as JSON; refuses one that is
    /// incomplete or contradicts itself, naming the field.
    pub fn from_value(value: &Value) -> Result<Self, ReadError> {
        let f = Fields::of(value, "")?;
        f.known(&KEYS)?;
        if f.get("format")?.as_u64() != Some(PROFILE_FORMAT) {
            return Err(ReadError::new("format", "read.profile_format"));
        }
        let id = f.text("id")?;
        if !valid_id(&id) {
            return Err(ReadError::new("id", "read.profile_id"));
        }

        let mut notices: Vec<Notice> = Vec::new();
        for (i, n) in f.list("notices")?.iter().enumerate() {
            let n = Fields::of(n, &format!("notices[{i}]"))?;
            n.known(&["id", "number", "title", "date", "forwards"])?;
            let notice = Notice {
                id: n.text("id")?,
                number: n.text("number")?,
                title: n.localized("title")?,
                date: n.text("date")?,
                forwards: match n.map.get("forwards").filter(|v| !v.is_null()) {
                    None => None,
                    Some(_) => Some(n.text("forwards")?),
                },
            };
            if Date::parse(&notice.date).is_err() {
                return Err(ReadError::new(n.path("date"), "read.date"));
            }
            if notices.iter().any(|o| o.id == notice.id) {
                return Err(
                    ReadError::new(n.path("id"), "read.duplicate").with("value", &notice.id)
                );
            }
            notices.push(notice);
        }
        for (i, n) in notices.iter().enumerate() {
            if let Some(fwd) = &n.forwards {
                if fwd == &n.id || !notices.iter().any(|o| &o.id == fwd) {
                    return Err(ReadError::new(
                        format!("notices[{i}].forwards"),
                        "read.forwards",
                    ));
                }
            }
        }

        let divisions = f.texts("divisions")?;
        for (i, d) in divisions.iter().enumerate() {
            if !(2..=6).contains(&d.len()) || !d.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ReadError::new(
                    format!("divisions[{i}]"),
                    "read.division_prefix",
                ));
            }
        }

        let mut need_natures: Vec<NeedNature> = Vec::new();
        for (i, v) in f.list("need_natures")?.iter().enumerate() {
            let at = format!("need_natures[{i}]");
            let n: NeedNature = f.choice("need_natures", &at, v)?;
            if need_natures.contains(&n) {
                return Err(ReadError::new(at, "read.duplicate").with("value", n.id()));
            }
            need_natures.push(n);
        }

        let many_units = f
            .get("many_units")?
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| (2..=100_000).contains(n))
            .ok_or_else(|| ReadError::new("many_units", "read.many_units"))?;

        let mut thresholds = Vec::new();
        for (i, t) in f.list("thresholds")?.iter().enumerate() {
            thresholds.push(Threshold::from_value(t, &format!("thresholds[{i}]"))?);
        }
        super::check_thresholds(&thresholds, "thresholds")?;

        let sources_field = Fields::of(f.get("sources")?, "sources")?;
        let mut sources = Table::new();
        for key in sources_field.map.keys() {
            sources.insert(key.clone(), sources_field.localized(key)?);
        }

        let clauses_field = Fields::of(f.get("clauses")?, "clauses")?;
        let mut clauses = Table::new();
        for key in clauses_field.map.keys() {
            if rule_def(key).is_none() {
                let known: Vec<&str> = RULES.iter().map(|r| r.id).collect();
                return Err(ReadError::new(clauses_field.path(key), "read.unknown_rule")
                    .with("known", known.join(", ")));
            }
            let ids = clauses_field.texts(key)?;
            for (i, s) in ids.iter().enumerate() {
                if !sources.contains_key(s) {
                    return Err(ReadError::new(
                        format!("clauses.{key}[{i}]"),
                        "read.unknown_source",
                    )
                    .with("value", s));
                }
            }
            clauses.insert(key.clone(), ids);
        }
        if let Some(missing) = RULES.iter().find(|r| !clauses.contains_key(r.id)) {
            return Err(ReadError::new(
                format!("clauses.{}", missing.id),
                "read.missing",
            ));
        }

        let digest = crate::domain::package::canonical_json(value)
            .map(|c| crate::domain::package::sha256_hex(c.as_bytes()))
            .map_err(|_| ReadError::new("", "read.whole_number"))?;

        Ok(ProfileDef {
            format: PROFILE_FORMAT,
            name: f.localized("name")?,
            department_level: f.choice("department_level", "", f.get("department_level")?)?,
            need_nature_message: message(&f, "need_nature_message", "D3")?,
            a3_reason_required: f.flag("a3_reason_required")?,
            joint_social_agency: f.flag("joint_social_agency")?,
            acceptance_message: message(&f, "acceptance_message", "J9")?,
            id,
            notices,
            divisions,
            need_natures,
            many_units,
            thresholds,
            sources,
            clauses,
            digest,
        })
    }

    /// The length of the longest of this profile's prefixes that
    /// `division` starts with (0: none).
    pub fn reach(&self, division: &str) -> usize {
        self.divisions
            .iter()
            .filter(|p| division.starts_with(p.as_str()))
            .map(String::len)
            .max()
            .unwrap_or(0)
    }

    /// A rule's clauses, in both languages.
    pub fn cite(&self, rule: &str) -> Vec<&Localized> {
        self.clauses
            .get(rule)
            .map(|ids| ids.iter().filter_map(|s| self.sources.get(s)).collect())
            .unwrap_or_default()
    }
}

/// The JSON Schema of a profile file.
pub fn profile_schema() -> String {
    let schema = schemars::schema_for!(ProfileDef);
    let mut text = crate::domain::package::json_text(&schema, true);
    text.push('\n');
    text
}
