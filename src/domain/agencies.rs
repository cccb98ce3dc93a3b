//! Known centralized procurement agencies: what the agency page fills in
//! when the purchaser names a centre, what it suggests for the others, and
//! what A8 holds a named choice to. The shipped entries are defaults (like
//! the thresholds, marked `shipped_default`); a host extends or replaces
//! them (`agencies` in the config; `--params` for the checker, so the
//! server judges the same way).

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use super::choice::Choice;
use super::model::{AgencyChoice, Filing};
use super::read::{Fields, ReadError};
use super::uscc::Uscc;
use super::values::Level;

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    pub name: String,
    pub level: Level,
    /// Division-code prefix of the region it serves (`37` Shandong,
    /// `3701` Jinan): suggested to purchasers registered there.
    pub region: String,
    /// Its code, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uscc: Option<String>,
    /// The choice on the agency page that names it, if any
    /// (`provincial_centre`, `jinan_centre`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<AgencyChoice>,
    /// True for the entries this product ships.
    #[serde(default)]
    pub shipped_default: bool,
}

/// The centres the notice names (SD §2). Their codes are not shipped: a
/// portal that knows them adds them.
pub fn shipped() -> Vec<Agency> {
    let centre = |name: &str, level, region: &str, role| Agency {
        name: name.into(),
        level,
        region: region.into(),
        uscc: None,
        role: Some(role),
        shipped_default: true,
    };
    vec![
        centre(
            "山东省政府采购中心",
            Level::Province,
            "37",
            AgencyChoice::ProvincialCentre,
        ),
        centre(
            "济南市政府采购中心",
            Level::City,
            "3701",
            AgencyChoice::JinanCentre,
        ),
    ]
}

/// A host's directory: entries added to the shipped ones (an entry of the
/// same name replaces the shipped one), or replacing them all.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct DirectoryOverride {
    pub replace: bool,
    pub entries: Vec<Agency>,
}

impl DirectoryOverride {
    /// `[…]` (extend) or `{ "replace": true, "entries": […] }`, read
    /// strictly at `at` (`agencies`, `thresholds.agencies`).
    pub fn from_value(value: &Value, at: &str) -> Result<Self, ReadError> {
        let (replace, list, list_at) = match value {
            Value::Array(list) => (false, list, at.to_string()),
            Value::Object(_) => {
                let f = Fields::of(value, at)?;
                f.known(&["replace", "entries"])?;
                let replace = match f.map.get("replace") {
                    None => false,
                    Some(v) => v.as_bool().ok_or_else(|| f.bad("replace", "read.bool"))?,
                };
                let list = f
                    .map
                    .get("entries")
                    .and_then(Value::as_array)
                    .ok_or_else(|| f.bad("entries", "read.list"))?;
                (replace, list, f.path("entries"))
            }
            _ => return Err(ReadError::new(at, "read.list")),
        };
        let mut entries: Vec<Agency> = Vec::new();
        for (i, v) in list.iter().enumerate() {
            let a = read_agency(v, &format!("{list_at}[{i}]"))?;
            if entries.iter().any(|e| e.name == a.name) {
                return Err(
                    ReadError::new(format!("{list_at}[{i}].name"), "read.duplicate")
                        .with("value", a.name),
                );
            }
            if a.role.is_some() && entries.iter().any(|e| e.role == a.role) {
                return Err(
                    ReadError::new(format!("{list_at}[{i}].role"), "read.duplicate")
                        .with("value", a.role.map(Choice::id).unwrap_or_default()),
                );
            }
            entries.push(a);
        }
        Ok(DirectoryOverride { replace, entries })
    }

    /// The directory after this override.
    pub fn apply(&self, base: &[Agency]) -> Vec<Agency> {
        let mut out: Vec<Agency> = if self.replace {
            Vec::new()
        } else {
            base.iter()
                .filter(|b| {
                    !self
                        .entries
                        .iter()
                        .any(|e| e.name == b.name || (e.role.is_some() && e.role == b.role))
                })
                .cloned()
                .collect()
        };
        out.extend(self.entries.iter().cloned());
        out
    }
}

fn read_agency(value: &Value, at: &str) -> Result<Agency, ReadError> {
    let f = Fields::of(value, at)?;
    f.known(&["name", "level", "region", "uscc", "role"])?;
    let text = |key: &str| f.str(key).map(str::trim);
    let name = text("name")
        .filter(|n| !n.is_empty() && n.chars().count() <= 100)
        .ok_or_else(|| f.bad("name", "read.nonempty"))?;
    let level = text("level")
        .and_then(|id| Level::all().iter().copied().find(|l| l.id() == id))
        .ok_or_else(|| f.bad("level", "read.level"))?;
    let region = text("region")
        .filter(|r| (2..=6).contains(&r.len()) && r.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| f.bad("region", "read.division_prefix"))?;
    let uscc = match f.given("uscc") {
        None => None,
        Some(v) => Some(
            v.as_str()
                .and_then(|s| Uscc::parse(s).ok())
                .map(|u| u.to_string())
                .ok_or_else(|| f.bad("uscc", "read.uscc"))?,
        ),
    };
    let role = match f.given("role") {
        None => None,
        Some(v) => Some(
            v.as_str()
                .and_then(|id| {
                    [AgencyChoice::ProvincialCentre, AgencyChoice::JinanCentre]
                        .into_iter()
                        .find(|c| c.id() == id)
                })
                .ok_or_else(|| {
                    f.bad("role", "read.one_of")
                        .with("known", "provincial_centre, jinan_centre")
                })?,
        ),
    };
    Ok(Agency {
        name: name.to_string(),
        level,
        region: region.to_string(),
        uscc,
        role,
        shipped_default: false,
    })
}

/// The entry a choice names (the provincial or the Jinan centre).
pub fn for_choice(list: &[Agency], choice: AgencyChoice) -> Option<&Agency> {
    list.iter().find(|a| a.role == Some(choice))
}

/// Entries serving the region of a purchaser registered in `division`.
pub fn in_region<'a>(list: &'a [Agency], division: &str) -> Vec<&'a Agency> {
    list.iter()
        .filter(|a| a.role.is_none() && division.starts_with(a.region.as_str()))
        .collect()
}

/// After every edit: a choice that names a centre fills its name, level
/// and (where known) code — unless the purchaser typed another agency's
/// details, which are kept (A8 then says they differ). Switching between
/// the centres refills.
pub fn fill(f: &mut Filing, list: &[Agency]) {
    let Some(choice) = f.agency.choice else {
        return;
    };
    let Some(entry) = for_choice(list, choice) else {
        return;
    };
    let a = &mut f.agency.agency;
    let name = a.name.trim().to_string();
    let from_directory = name.is_empty() || list.iter().any(|x| x.name == name);
    if !from_directory || name == entry.name {
        return;
    }
    a.name = entry.name.clone();
    a.level = Some(entry.level);
    let other_code = list
        .iter()
        .any(|x| x.uscc.as_deref() == Some(a.uscc.trim()));
    match &entry.uscc {
        Some(code) => a.uscc = code.clone(),
        None if other_code => a.uscc.clear(),
        None => {}
    }
}

/// Whether the agency field at `path` shows what the directory says for
/// the chosen centre: the page shows it locked.
pub fn locked(f: &Filing, list: &[Agency], path: &str) -> bool {
    let Some(entry) = f.agency.choice.and_then(|c| for_choice(list, c)) else {
        return false;
    };
    let a = &f.agency.agency;
    match path {
        "agency.agency.name" => a.name.trim() == entry.name,
        "agency.agency.level" => a.name.trim() == entry.name && a.level == Some(entry.level),
        "agency.agency.uscc" => {
            a.name.trim() == entry.name
                && entry
                    .uscc
                    .as_deref()
                    .is_some_and(|c| Uscc::parse(&a.uscc).is_ok_and(|u| u.to_string() == c))
        }
        _ => false,
    }
}
