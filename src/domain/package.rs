//! The filing package v1: what the host portal submits and what its
//! server re-checks. Canonical JSON (sorted keys, integers only) makes the
//! SHA-256 digest reproducible in any language.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::date::{rfc3339_utc, Date};
use super::finding::Finding;
use super::i18n::{lookup, render, Lang};
use super::json::{self, JsonError};
use super::model::Filing;
use super::money::Fen;
use super::profile::{shipped, valid_id, Profile};
use super::read::ReadError;
use super::record;
use super::route::RouteId;
use super::rules::{check, citation, is_ready, RULES_VERSION};
use super::uscc::Uscc;

pub const SCHEMA_VERSION: &str = "1";
/// Larger input is refused before parsing. 2 MiB holds the largest package
/// the rules read (5,000 purchasers, `MAX_ROWS`; ~1.4 MiB); parsing costs
/// a multiple of the input in memory, so a service checking several at
/// once stays bounded (`scripts/bench` prints the peak).
pub const MAX_PACKAGE_BYTES: usize = 2 * 1024 * 1024;
pub const GENERATOR: &str = concat!("procurement-route-wizard ", env!("CARGO_PKG_VERSION"));

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Filing package v1",
    description = "A procurement-route filing under 鲁财采〔2020〕40号 / 聊财采〔2021〕1号, with the findings it was checked against."
)]
pub struct Package {
    /// Always "1" for this contract.
    pub schema_version: String,
    /// The id of the profile it was checked under (`shandong`,
    /// `liaocheng`, or a portal's own profile file).
    #[schemars(regex(pattern = r"^[a-z][a-z0-9_-]{1,31}$"))]
    pub profile: String,
    /// `sha256:` + hex of the canonical JSON of that profile's file: the
    /// exact text the purchaser was checked against. Absent in packages
    /// made before profiles were data (judged by their profile's id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_digest: Option<String>,
    pub route: RouteId,
    pub rules_version: String,
    /// RFC 3339, UTC.
    pub generated_at: String,
    pub generator: String,
    /// The answers as the purchaser typed them, other routes' sections emptied.
    pub filing: Filing,
    /// Normalized key facts: codes uppercased, amounts in integer fen.
    pub summary: Summary,
    pub findings: Vec<Finding>,
    /// No error-severity finding.
    pub ready: bool,
    /// `sha256:` + hex over the canonical JSON of every other field.
    pub digest: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    pub purchaser_name: String,
    /// Normalized code, or null when it does not pass G1.
    pub purchaser_uscc: Option<String>,
    pub budget_fen: Option<i64>,
    pub parties: Vec<PartySummary>,
    /// Sum of the parties' amounts when every one parses.
    pub parties_total_fen: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartySummary {
    pub name: String,
    pub uscc: Option<String>,
    pub amount_fen: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageError {
    /// G5: a package names its route.
    NoRoute,
    TooLarge,
    /// Not strict JSON: syntax, a duplicate key, a lone surrogate.
    Json(JsonError),
    /// The `schema_version` found, as JSON (`"2"`, `2`), or `None` when missing.
    UnknownVersion(Option<String>),
    NoDigest,
    DigestMismatch,
    /// Parsed, digest fine, but not the v1 shape: where and why.
    Shape(ReadError),
    /// A number that is not a whole number in range: the contract has
    /// integers only (fen, ids), and an integer past 64 bits reads as one.
    Float,
}

impl PackageError {
    /// The refusal in `lang`, from the shared catalog.
    pub fn message(&self, lang: Lang) -> String {
        let text = |key: &str| lookup(key, lang).unwrap_or(key).to_string();
        match self {
            PackageError::NoRoute => text("pkg.no_route"),
            PackageError::TooLarge => JsonError::TooLarge {
                limit: MAX_PACKAGE_BYTES,
            }
            .message(lang),
            PackageError::Json(e) => e.message(lang),
            PackageError::UnknownVersion(Some(v)) => {
                text("pkg.unknown_version").replace("{version}", v)
            }
            PackageError::UnknownVersion(None) => text("pkg.no_version"),
            PackageError::NoDigest => text("pkg.no_digest"),
            PackageError::DigestMismatch => text("pkg.digest"),
            PackageError::Shape(e) => text("pkg.shape").replace("{detail}", &e.message(lang)),
            PackageError::Float => text("pkg.float"),
        }
    }
}

impl std::fmt::Display for PackageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

fn summary(filing: &Filing) -> Summary {
    let parties: Vec<PartySummary> = filing
        .parties()
        .iter()
        .map(|p| PartySummary {
            name: p.name.trim().to_string(),
            uscc: Uscc::parse(&p.uscc).ok().map(|u| u.to_string()),
            amount_fen: Fen::parse_yuan(&p.amount).ok().map(Fen::get),
        })
        .collect();
    let parties_total_fen = if parties.is_empty() {
        None
    } else {
        parties
            .iter()
            .try_fold(0i64, |sum, p| p.amount_fen.and_then(|a| sum.checked_add(a)))
    };
    Summary {
        purchaser_name: filing.purchaser.name.trim().to_string(),
        purchaser_uscc: Uscc::parse(&filing.purchaser.uscc)
            .ok()
            .map(|u| u.to_string()),
        budget_fen: Fen::parse_yuan(&filing.project.budget).ok().map(Fen::get),
        parties,
        parties_total_fen,
    }
}

/// A field of a package that does not follow from its `filing`: the
/// digest proves nothing against someone who edits a package and computes
/// it again, so the server re-derives what it can and compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inconsistency {
    /// `field` says `claimed`; the filing gives `derived` (values as JSON).
    Differs {
        field: String,
        claimed: String,
        derived: String,
    },
    /// Another route's section holds answers (`filing.agency`).
    Leftover { section: &'static str },
    /// `ready` is true while the package's own findings hold an error.
    ReadyOverError { finding: usize },
    /// A finding cites another profile's clause for its rule.
    ForeignClause { finding: usize, profile: String },
    /// A finding's message is not what its key and params say.
    Message { finding: usize },
}

impl Inconsistency {
    pub fn message(&self, lang: Lang) -> String {
        let text = |key: &str| lookup(key, lang).unwrap_or(key).to_string();
        match self {
            Inconsistency::Differs {
                field,
                claimed,
                derived,
            } => text("pkg.differs")
                .replace("{field}", field)
                .replace("{claimed}", claimed)
                .replace("{derived}", derived),
            Inconsistency::Leftover { section } => {
                text("pkg.leftover").replace("{section}", section)
            }
            Inconsistency::ReadyOverError { finding } => {
                text("pkg.ready_over_error").replace("{i}", &finding.to_string())
            }
            Inconsistency::ForeignClause { finding, profile } => text("pkg.foreign_clause")
                .replace("{i}", &finding.to_string())
                .replace("{profile}", profile),
            Inconsistency::Message { finding } => {
                text("pkg.message").replace("{i}", &finding.to_string())
            }
        }
    }
}

fn json_of<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn differs<T: Serialize + PartialEq>(
    field: &str,
    claimed: &T,
    derived: &T,
) -> Result<(), Inconsistency> {
    if claimed == derived {
        return Ok(());
    }
    Err(Inconsistency::Differs {
        field: field.to_string(),
        claimed: json_of(claimed),
        derived: json_of(derived),
    })
}

/// Check that everything a package says about its filing follows from it:
/// the route, every summary field, other routes' sections empty, `ready`
/// against its own findings, and — when it was made under these rules —
/// each finding's clause and message. The findings themselves are judged
/// against the server's own check (a day passing or other thresholds
/// change them honestly), not here.
pub fn consistency(package: &Package, profile: &Profile) -> Result<(), Inconsistency> {
    let f = &package.filing;
    differs("route", &Some(package.route), &f.route)?;
    let emptied = f.for_route();
    let sections: [(&'static str, bool); 5] = [
        ("filing.department", f.department == emptied.department),
        ("filing.join", f.join == emptied.join),
        ("filing.agency", f.agency == emptied.agency),
        ("filing.mall", f.mall == emptied.mall),
        ("filing.joint", f.joint == emptied.joint),
    ];
    if let Some((section, _)) = sections.iter().find(|(_, same)| !same) {
        return Err(Inconsistency::Leftover { section });
    }
    let claimed = &package.summary;
    let derived = summary(f);
    differs(
        "summary.purchaser_name",
        &claimed.purchaser_name,
        &derived.purchaser_name,
    )?;
    differs(
        "summary.purchaser_uscc",
        &claimed.purchaser_uscc,
        &derived.purchaser_uscc,
    )?;
    differs(
        "summary.budget_fen",
        &claimed.budget_fen,
        &derived.budget_fen,
    )?;
    differs(
        "summary.parties.length",
        &claimed.parties.len(),
        &derived.parties.len(),
    )?;
    for (i, (c, d)) in claimed.parties.iter().zip(&derived.parties).enumerate() {
        differs(&format!("summary.parties[{i}].name"), &c.name, &d.name)?;
        differs(&format!("summary.parties[{i}].uscc"), &c.uscc, &d.uscc)?;
        differs(
            &format!("summary.parties[{i}].amount_fen"),
            &c.amount_fen,
            &d.amount_fen,
        )?;
    }
    differs(
        "summary.parties_total_fen",
        &claimed.parties_total_fen,
        &derived.parties_total_fen,
    )?;
    if let Some(i) = package.findings.iter().position(|x| x.blocks()) {
        if package.ready {
            return Err(Inconsistency::ReadyOverError { finding: i });
        }
    } else {
        differs("ready", &package.ready, &true)?;
    }
    if package.rules_version != RULES_VERSION {
        // Other rules, other catalog: clauses and texts may differ honestly.
        return Ok(());
    }
    for (i, x) in package.findings.iter().enumerate() {
        let own = citation(&x.rule, &profile.def);
        if x.clause != own {
            let other = shipped()
                .iter()
                .filter(|d| d.id != profile.def.id)
                .find(|d| x.clause == citation(&x.rule, d));
            if let Some(other) = other {
                return Err(Inconsistency::ForeignClause {
                    finding: i,
                    profile: other.id.clone(),
                });
            }
        }
        if x.message.zh != render(&x.key, Lang::Zh, &x.params)
            || x.message.en != render(&x.key, Lang::En, &x.params)
        {
            return Err(Inconsistency::Message { finding: i });
        }
    }
    Ok(())
}

/// Build the package: run the rules, summarize, digest. `now_ms` is the
/// Unix time in milliseconds (the domain never reads a clock).
pub fn build(filing: &Filing, profile: &Profile, now_ms: i64) -> Result<Package, PackageError> {
    let route = filing.route.ok_or(PackageError::NoRoute)?;
    let filing = filing.for_route();
    let findings = check(&filing, profile, Date::china_today(now_ms));
    let mut package = Package {
        schema_version: SCHEMA_VERSION.into(),
        profile: profile.def.id.clone(),
        profile_digest: Some(profile.def.digest.clone()),
        route,
        rules_version: RULES_VERSION.into(),
        generated_at: rfc3339_utc(now_ms),
        generator: GENERATOR.into(),
        summary: summary(&filing),
        ready: is_ready(&findings),
        findings,
        filing,
        digest: String::new(),
    };
    package.digest = digest_of(&package)?;
    Ok(package)
}

/// The digest over every field but `digest`.
pub fn digest_of(package: &Package) -> Result<String, PackageError> {
    // Our own types always serialize (string keys, no custom failures);
    // serde_json's error text is not formatted here, so the bundle carries
    // none of its messages.
    let value = serde_json::to_value(package).map_err(|_| {
        PackageError::Shape(ReadError::serde(
            "",
            "the package is not representable as JSON",
        ))
    })?;
    digest_value(&value)
}

/// The digest of a package given as JSON (its `digest` field left out).
pub fn digest_value(value: &Value) -> Result<String, PackageError> {
    let mut body = value.clone();
    if let Value::Object(map) = &mut body {
        map.remove("digest");
    }
    let canonical = canonical_json(&body)?;
    Ok(sha256_hex(canonical.as_bytes()))
}

/// `sha256:` + lowercase hex, the form every digest of the contract takes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let hash = Sha256::digest(bytes);
    let mut hex = String::with_capacity(7 + 64);
    hex.push_str("sha256:");
    for b in hash {
        hex.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        hex.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
    }
    hex
}

/// Canonical JSON: object keys sorted by their UTF-8 bytes, no white
/// space, strings escaped as serde_json does, integers only.
pub fn canonical_json(value: &Value) -> Result<String, PackageError> {
    let mut out = String::new();
    write_canonical(value, &mut out)?;
    Ok(out)
}

fn write_canonical(value: &Value, out: &mut String) -> Result<(), PackageError> {
    match value {
        Value::Null | Value::Bool(_) | Value::String(_) => {
            out.push_str(&super::json::write(value, false))
        }
        Value::Number(n) => {
            if n.is_f64() {
                return Err(PackageError::Float);
            }
            out.push_str(&n.to_string());
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out)?;
            }
            out.push(']');
        }
        Value::Object(map) => {
            // serde_json's map keeps the document's order (its
            // `preserve_order` feature: 2.2 KB gzip less wasm than its
            // B-tree); the canonical order is by key. Keys are distinct
            // (the reader refuses duplicates) and untrusted: any count.
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            super::table::sort_distinct_by(&mut entries, |a, b| a.0 < b.0);
            out.push('{');
            for (i, (key, item)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                super::json::write_str(key, out);
                out.push(':');
                write_canonical(item, out)?;
            }
            out.push('}');
        }
    }
    Ok(())
}

/// JSON text of any serializable value, serialized once into a
/// `serde_json::Value`: the wasm then carries each type's serializer once
/// (for `Value`), not once per output format.
pub fn json_text<T: Serialize>(value: &T, pretty: bool) -> String {
    let Ok(value) = serde_json::to_value(value) else {
        return String::new();
    };
    super::json::write(&value, pretty)
}

/// Read an untrusted package: size, JSON, version, digest, then shape.
pub fn verify(bytes: &[u8]) -> Result<Package, PackageError> {
    let value = json::parse(bytes, MAX_PACKAGE_BYTES).map_err(|e| match e {
        JsonError::TooLarge { .. } => PackageError::TooLarge,
        e => PackageError::Json(e),
    })?;
    let Value::Object(map) = &value else {
        return Err(PackageError::Shape(ReadError::new("", "read.object")));
    };
    match map.get("schema_version") {
        Some(Value::String(v)) if v == SCHEMA_VERSION => {}
        Some(other) => return Err(PackageError::UnknownVersion(Some(other.to_string()))),
        None => return Err(PackageError::UnknownVersion(None)),
    }
    let Some(Value::String(claimed)) = map.get("digest") else {
        return Err(PackageError::NoDigest);
    };
    if &digest_value(&value)? != claimed {
        return Err(PackageError::DigestMismatch);
    }
    // The filing first, through its own reader: a field that does not fit
    // is named by its path, in both languages.
    if let Some(filing) = map.get("filing") {
        record::filing_from(filing).map_err(|e| PackageError::Shape(e.under("filing")))?;
    }
    let package: Package = serde_json::from_value(value)
        .map_err(|e| PackageError::Shape(ReadError::serde("", e.to_string())))?;
    if !valid_id(&package.profile) {
        return Err(PackageError::Shape(ReadError::new(
            "profile",
            "read.profile_id",
        )));
    }
    if let Some(d) = &package.profile_digest {
        let hex = d.strip_prefix("sha256:").unwrap_or("");
        if hex.len() != 64 || !hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return Err(PackageError::Shape(ReadError::new(
                "profile_digest",
                "read.digest",
            )));
        }
    }
    Ok(package)
}

/// The JSON Schema of the package, as committed at `schema/filing-package-v1.schema.json`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Package);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// When the committed example packages were "generated": fixed, so they
/// only change when the rules or the types do (2026-11-27T12:00:00Z).
pub const EXAMPLE_TIME_MS: i64 = 1_795_780_800_000;

/// `(file name, pretty JSON)` of a valid package for every route and profile.
pub fn example_packages() -> Vec<(String, String)> {
    use super::profile::ProfileId;
    use super::sample::sample;
    let mut out = Vec::new();
    for route in RouteId::ALL {
        for profile in ProfileId::ALL {
            let filing = sample(route, profile);
            if let Ok(p) = build(&filing, &Profile::new(profile), EXAMPLE_TIME_MS) {
                let mut text = serde_json::to_string_pretty(&p).unwrap_or_default();
                text.push('\n');
                out.push((format!("{}.{}.json", route.id(), profile.id()), text));
            }
        }
    }
    out
}
