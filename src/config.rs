//! The host portal's configuration, parsed from untrusted JSON. Every
//! refusal names the field, and nothing is mounted half-way.

use serde_json::{Map, Value};

use crate::domain::i18n::Lang;
use crate::domain::json;
use crate::domain::model::{Filing, Party, Purchaser};
use std::sync::Arc;

use crate::domain::profile::{known, shipped, ParamsOverride, Profile, ProfileDef, ProfileId};
use crate::domain::read::ReadError;
use crate::domain::record;

/// A refused config names the field (`prefill.uscc`) and what it must be,
/// in zh-CN and en, like every other reader of untrusted input.
pub type ConfigError = ReadError;

/// The error a host's developer sees thrown, in both languages:
/// `invalid config.<field>: <reason> (<原因>)`.
pub fn host_message(e: &ConfigError) -> String {
    let at = if e.path.is_empty() {
        String::new()
    } else {
        format!(".{}", e.path)
    };
    format!(
        "invalid config{at}: {} ({})",
        e.reason(Lang::En),
        e.reason(Lang::Zh)
    )
}

/// Purchaser fields a portal may pre-fill and lock: every field of
/// `Purchaser`, as declared in `model.rs`.
pub fn prefill_fields() -> &'static [&'static str] {
    use crate::domain::record::Record;
    Purchaser::default().keys()
}

#[derive(Debug, Clone, PartialEq)]
pub struct HostConfig {
    pub lang: Lang,
    pub profile: Profile,
    pub prefill: Purchaser,
    /// `prefill.units`: a department's subordinate units (D-own's list).
    pub units: Vec<Party>,
    /// `prefill.participants`: the purchasers of a joint purchase (the
    /// mall's and J-voluntary's lists).
    pub participants: Vec<Party>,
    /// Pre-filled purchaser fields the purchaser may not change.
    pub locked: Vec<String>,
    /// Storage namespace: keeps portals, users and instances apart.
    pub namespace: String,
    /// CSS custom properties (`--prw-…`) set on the host element.
    pub theme: Vec<(String, String)>,
    /// URL of the wizard's stylesheet, loaded inside its shadow root.
    pub stylesheet: String,
    /// For iframe hosts: also post events to the parent window, to this
    /// origin only (never `*`).
    pub post_message_origin: Option<String>,
    /// Tests of the panic rescue only: `crashForTests()` may panic.
    pub crash_test: bool,
}

impl Default for HostConfig {
    fn default() -> Self {
        HostConfig::with_profile(Profile::new(ProfileId::Shandong))
    }
}

impl HostConfig {
    /// The defaults around a profile: `parse` reads the profile first, so
    /// a mount parses only the shipped profile it uses.
    fn with_profile(profile: Profile) -> Self {
        HostConfig {
            lang: Lang::Zh,
            profile,
            prefill: Purchaser::default(),
            units: Vec::new(),
            participants: Vec::new(),
            locked: Vec::new(),
            namespace: "default".into(),
            theme: Vec::new(),
            stylesheet: "wizard.css".into(),
            post_message_origin: None,
            crash_test: false,
        }
    }
}

const KNOWN: &[&str] = &[
    "locale",
    "profile",
    "profileData",
    "prefill",
    "locked",
    "namespace",
    "thresholds",
    "theme",
    "stylesheet",
    "postMessage",
    "crashTest",
    "agencies",
];

fn err(field: &str, key: &'static str) -> ConfigError {
    ReadError::new(field, key)
}

/// A host's value quoted for an error message, escaped as JSON (the
/// bundle carries no `Debug` string escaper).
pub fn quoted(s: &str) -> String {
    let mut out = String::new();
    crate::domain::json::write_str(s, &mut out);
    out
}

fn given<'a>(map: &'a Map<String, Value>, field: &str) -> Option<&'a Value> {
    map.get(field).filter(|v| !v.is_null())
}

fn string(map: &Map<String, Value>, field: &str) -> Result<Option<String>, ConfigError> {
    given(map, field)
        .map(|v| {
            v.as_str()
                .map(str::to_string)
                .ok_or_else(|| err(field, "read.string"))
        })
        .transpose()
}

fn object<'a>(
    map: &'a Map<String, Value>,
    field: &str,
) -> Result<Option<&'a Map<String, Value>>, ConfigError> {
    given(map, field)
        .map(|v| v.as_object().ok_or_else(|| err(field, "read.object")))
        .transpose()
}

/// A prefilled unit list: strict like every prefill, each text within its
/// G4 bound, at most `MAX_ROWS` rows; ids given in order.
/// Each text of a pre-filled record within its G4 bound: a portal's bad
/// record is refused here, naming the field, not shown to the purchaser as
/// their error.
fn within_bounds(record: &dyn record::Record, at: &str) -> Result<(), ConfigError> {
    use crate::domain::record::Slot;
    for key in record.keys() {
        if let (Some(Slot::Text(text)), Some((max, _))) = (
            record.slot(key),
            crate::domain::rules::text_bound(record, key),
        ) {
            if text.chars().count() as u64 > max {
                return Err(
                    err(&format!("{at}.{key}"), "read.too_long").with("max", max.to_string())
                );
            }
        }
    }
    Ok(())
}

/// An object option the custom element may hand over as JSON text (its
/// attributes are strings): read as strictly either way.
fn object_or_text(map: &Map<String, Value>, field: &str) -> Result<Option<Value>, ConfigError> {
    match map.get(field) {
        Some(Value::String(text)) => json::parse(text.as_bytes(), MAX_CONFIG_BYTES)
            .map(Some)
            .map_err(|e| ReadError::json(field, e)),
        other => Ok(other.filter(|v| !v.is_null()).cloned()),
    }
}

fn prefill_rows(value: &Value, list: &str) -> Result<Vec<Party>, ConfigError> {
    let at = format!("prefill.{list}");
    let items = value.as_array().ok_or_else(|| err(&at, "read.list"))?;
    if items.len() > crate::domain::rules::MAX_ROWS {
        return Err(
            err(&at, "read.too_many_rows").with("max", crate::domain::rules::MAX_ROWS.to_string())
        );
    }
    let mut rows = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let row_at = format!("{at}[{i}]");
        let mut party = Party::default();
        record::read_into(&mut party, item, &row_at)?;
        within_bounds(&party, &row_at)?;
        party.id = u32::try_from(i + 1).unwrap_or(u32::MAX);
        rows.push(party);
    }
    Ok(rows)
}

impl HostConfig {
    /// A new filing as the portal pre-filled it.
    pub fn new_filing(&self) -> Filing {
        let mut f = Filing {
            purchaser: self.prefill.clone(),
            ..Filing::default()
        };
        f.department.units = self.units.clone();
        f.mall.participants = self.participants.clone();
        f.joint.participants = self.participants.clone();
        f
    }
}

/// A config is a few hundred bytes; this leaves room for long prefill and
/// theme values and refuses a runaway object before it is parsed.
pub const MAX_CONFIG_BYTES: usize = 256 * 1024;

/// Parse a config given as JSON text (what `JSON.stringify` makes of the
/// host's object). `null` or `{}` gives the defaults.
pub fn parse(json: &str) -> Result<HostConfig, ConfigError> {
    if json.len() > MAX_CONFIG_BYTES {
        return Err(err("", "read.too_large")
            .with("size", json.len().to_string())
            .with("max", MAX_CONFIG_BYTES.to_string()));
    }
    let value =
        json::parse(json.as_bytes(), MAX_CONFIG_BYTES).map_err(|e| ReadError::json("", e))?;
    let map = match value {
        Value::Null => Map::new(),
        Value::Object(m) => m,
        _ => return Err(err("", "read.object")),
    };
    if let Some(unknown) = record::unknown_key(&map, KNOWN) {
        return Err(err(unknown, "read.unknown_option").with("known", KNOWN.join(", ")));
    }
    let lang = match string(&map, "locale")? {
        Some(locale) => Lang::from_tag(&locale)
            .ok_or_else(|| err("locale", "read.locale").with("value", quoted(&locale)))?,
        None => Lang::Zh,
    };
    // A portal's own profile (its city's notice as data), read as strictly
    // as a profile file.
    let extra = object_or_text(&map, "profileData")?
        .map(|v| ProfileDef::from_value(&v).map_err(|e| e.under("profileData")))
        .transpose()?
        .map(Arc::new);
    let def = match (string(&map, "profile")?, &extra) {
        (Some(p), Some(d)) if p != d.id => {
            return Err(err("profile", "read.profile_mismatch").with("value", quoted(&d.id)))
        }
        (_, Some(d)) => d.clone(),
        (Some(p), None) => known(&p, None).ok_or_else(|| {
            let ids: Vec<&str> = shipped().iter().map(|d| d.id.as_str()).collect();
            err("profile", "read.profile")
                .with("value", quoted(&p))
                .with("known", ids.join(", "))
        })?,
        (None, None) => ProfileId::Shandong.def(),
    };
    let mut c = HostConfig::with_profile(Profile::from_def(def));
    c.lang = lang;
    if let Some(v) = given(&map, "thresholds") {
        let o = ParamsOverride::from_value(v)?;
        c.profile = c.profile.with_overrides(&o)?;
    }
    if let Some(v) = given(&map, "agencies") {
        let d = crate::domain::agencies::DirectoryOverride::from_value(v, "agencies")?;
        c.profile.agencies = d.apply(&c.profile.agencies);
    }
    if let Some(p) = object_or_text(&map, "prefill")? {
        let obj = p.as_object().ok_or_else(|| err("prefill", "read.object"))?;
        let mut purchaser = obj.clone();
        for (list, rows) in [
            ("units", &mut c.units),
            ("participants", &mut c.participants),
        ] {
            if let Some(v) = purchaser.remove(list) {
                *rows = prefill_rows(&v, list)?;
            }
        }
        let mut known = prefill_fields().to_vec();
        known.extend(["units", "participants"]);
        if let Some(k) = record::unknown_key(&purchaser, &known) {
            return Err(
                err(&format!("prefill.{k}"), "read.unknown_field").with("known", known.join(", "))
            );
        }
        record::read_into(&mut c.prefill, &Value::Object(purchaser), "prefill")?;
        within_bounds(&c.prefill, "prefill")?;
    }
    if let Some(v) = given(&map, "locked") {
        let locked = v
            .as_array()
            .and_then(|items| {
                items
                    .iter()
                    .map(|s| s.as_str().map(str::to_string))
                    .collect::<Option<Vec<String>>>()
            })
            .ok_or_else(|| err("locked", "read.field_names"))?;
        if let Some(bad) = locked
            .iter()
            .find(|l| !prefill_fields().contains(&l.as_str()))
        {
            return Err(err("locked", "read.not_prefillable").with("value", quoted(bad)));
        }
        c.locked = locked;
    }
    if let Some(ns) = string(&map, "namespace")? {
        let ok = !ns.is_empty()
            && ns.len() <= 64
            && ns
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || "-_.:".contains(ch));
        if !ok {
            return Err(err("namespace", "read.namespace"));
        }
        c.namespace = ns;
    }
    if let Some(theme) = object(&map, "theme")? {
        for (name, value) in theme {
            let Value::String(value) = value else {
                return Err(err(&format!("theme.{name}"), "read.string"));
            };
            if !name.starts_with("--prw-")
                || !name[6..]
                    .chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || ch == '-')
            {
                return Err(err(&format!("theme.{name}"), "read.theme_key"));
            }
            // A value cannot end the declaration or open a block.
            if value.len() > 200 || value.contains([';', '{', '}', '<', '>']) {
                return Err(err(&format!("theme.{name}"), "read.css_value"));
            }
            c.theme.push((name.clone(), value.clone()));
        }
    }
    if let Some(url) = string(&map, "stylesheet")? {
        if url.is_empty()
            || url.len() > 2048
            || url
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("javascript:")
        {
            return Err(err("stylesheet", "read.stylesheet"));
        }
        c.stylesheet = url;
    }
    if let Some(pm) = object(&map, "postMessage")? {
        if let Some(k) = record::unknown_key(pm, &["targetOrigin"]) {
            return Err(err(&format!("postMessage.{k}"), "read.unknown_field")
                .with("known", "targetOrigin"));
        }
        let origin = pm
            .get("targetOrigin")
            .and_then(Value::as_str)
            .unwrap_or_default();
        // An origin is scheme://host[:port], nothing after it; "*" would
        // hand filings to whoever framed the page.
        let valid = (origin.starts_with("https://") || origin.starts_with("http://"))
            && origin
                .split("://")
                .nth(1)
                .is_some_and(|rest| !rest.is_empty() && !rest.contains(['/', '*', ' ', '?', '#']));
        if !valid {
            return Err(err("postMessage.targetOrigin", "read.origin"));
        }
        c.post_message_origin = Some(origin.to_string());
    }
    if let Some(v) = given(&map, "crashTest") {
        c.crash_test = v.as_bool().ok_or_else(|| err("crashTest", "read.bool"))?;
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_escapes_as_json() {
        for s in [
            "plain",
            "a\"b",
            "back\\slash",
            "line\nbreak\t",
            "\u{1}",
            "中文",
        ] {
            assert_eq!(quoted(s), Value::from(s).to_string(), "{s:?}");
        }
    }

    #[test]
    fn defaults_and_a_full_config() {
        assert_eq!(parse("null").unwrap(), HostConfig::default());
        let c = parse(
            r##"{"locale":"en","profile":"liaocheng","namespace":"portal-a:user-7",
                "prefill":{"name":"聊城市教育局","uscc":"11371500004180002J","level":"city"},
                "locked":["name","uscc"],"thresholds":{"many_units":5},
                "theme":{"--prw-color-primary":"#005ea5"},"stylesheet":"/assets/wizard.css"}"##,
        )
        .unwrap();
        assert_eq!(c.lang, Lang::En);
        assert_eq!(c.profile.id(), "liaocheng");
        assert_eq!(c.profile.many_units, 5);
        assert_eq!(c.prefill.name, "聊城市教育局");
        assert_eq!(c.locked, vec!["name", "uscc"]);
        assert_eq!(
            c.theme,
            vec![("--prw-color-primary".to_string(), "#005ea5".to_string())]
        );
    }

    /// Lists a portal knows: read strictly, ids in order, into every list
    /// they belong to.
    #[test]
    fn prefilled_unit_lists() {
        let c = parse(
            r#"{"prefill":{"name":"聊城市教育局","units":[{"name":"一中","level":"city"},{"name":"二中"}],
                "participants":[{"name":"三中","amount":"100"}]}}"#,
        )
        .unwrap();
        let f = c.new_filing();
        assert_eq!(f.purchaser.name, "聊城市教育局");
        let names = |rows: &[Party]| {
            rows.iter()
                .map(|p| (p.id, p.name.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(&f.department.units),
            [(1, "一中".to_string()), (2, "二中".to_string())]
        );
        assert_eq!(names(&f.joint.participants), [(1, "三中".to_string())]);
        assert_eq!(f.mall.participants, f.joint.participants);
        let field = |json: &str| parse(json).unwrap_err().path;
        assert_eq!(
            field(r#"{"prefill":{"units":[{"nmae":"x"}]}}"#),
            "prefill.units[0].nmae"
        );
        assert_eq!(field(r#"{"prefill":{"units":{}}}"#), "prefill.units");
        assert_eq!(
            field(r#"{"prefill":{"participants":[{"level":"planet"}]}}"#),
            "prefill.participants[0].level"
        );
        let long = "长".repeat(300);
        assert_eq!(
            field(&format!(
                r#"{{"prefill":{{"units":[{{"name":"{long}"}}]}}}}"#
            )),
            "prefill.units[0].name"
        );
    }

    /// A portal's own profile, as an object or as text (the attribute).
    #[test]
    fn profile_data_is_a_third_profile_read_strictly() {
        let file = include_str!("../tests/fixtures/profile-haidai.json");
        let c = parse(&format!(r#"{{"profileData":{file}}}"#)).unwrap();
        assert_eq!(c.profile.id(), "haidai");
        assert_eq!(c.profile.many_units, 5);
        let as_text = serde_json::to_string(file).unwrap();
        let c = parse(&format!(
            r#"{{"profile":"haidai","profileData":{as_text}}}"#
        ))
        .unwrap();
        assert_eq!(c.profile.id(), "haidai");

        let e = parse(&format!(
            r#"{{"profile":"liaocheng","profileData":{file}}}"#
        ))
        .unwrap_err();
        assert_eq!(e.path, "profile");
        assert!(e.message(Lang::Zh).contains("haidai"));
        let broken = file.replace(r#""G7": ["#, r#""G8": ["#);
        let e = parse(&format!(r#"{{"profileData":{broken}}}"#)).unwrap_err();
        assert_eq!(e.path, "profileData.clauses.G8");
        assert!(e.message(Lang::En).contains("no such rule"));
        let e = parse(r#"{"profile":"beijing"}"#).unwrap_err();
        assert!(
            e.message(Lang::En).contains("shandong, liaocheng"),
            "{}",
            e.message(Lang::En)
        );
    }

    #[test]
    fn bad_config_names_the_field() {
        let field = |json: &str| parse(json).unwrap_err().path;
        assert_eq!(field(r#"{"profile":"beijing"}"#), "profile");
        assert_eq!(field(r#"{"locale":"fr"}"#), "locale");
        assert_eq!(field(r#"{"colour":"red"}"#), "colour");
        assert_eq!(field(r#"{"prefill":{"nmae":"x"}}"#), "prefill.nmae");
        assert_eq!(field(r#"{"prefill":{"level":"planet"}}"#), "prefill.level");
        assert_eq!(field(r#"{"locked":["budget"]}"#), "locked");
        assert_eq!(field(r#"{"namespace":"a b"}"#), "namespace");
        assert_eq!(field(r#"{"theme":{"color":"red"}}"#), "theme.color");
        assert_eq!(
            field(r#"{"theme":{"--prw-x":"red;}body{display:none"}}"#),
            "theme.--prw-x"
        );
        assert_eq!(
            field(r#"{"thresholds":{"many_units":1}}"#),
            "thresholds.many_units"
        );
        assert_eq!(
            field(r#"{"stylesheet":"javascript:alert(1)"}"#),
            "stylesheet"
        );
        assert_eq!(
            field(r#"{"postMessage":{"targetOrigin":"*"}}"#),
            "postMessage.targetOrigin"
        );
        assert_eq!(
            field(r#"{"postMessage":{"targetOrigin":"https://a.example/path"}}"#),
            "postMessage.targetOrigin"
        );
        assert_eq!(
            field(r#"{"postMessage":{"origin":"https://a.example"}}"#),
            "postMessage.origin"
        );
        let ok =
            parse(r#"{"postMessage":{"targetOrigin":"https://portal.example.gov.cn"}}"#).unwrap();
        assert_eq!(
            ok.post_message_origin.as_deref(),
            Some("https://portal.example.gov.cn")
        );
        assert_eq!(field("[1]"), "");
        // Strict JSON, in the config and in prefill given as text.
        let e = parse(r#"{"locale":"en","locale":"zh-CN"}"#).unwrap_err();
        assert!(
            e.to_string().contains("key \"locale\" appears twice"),
            "{e}"
        );
        let e = parse(r#"{"prefill":"{\"name\":\"a\",\"name\":\"b\"}"}"#).unwrap_err();
        assert_eq!(e.path, "prefill");
        assert!(e.reason(Lang::En).contains("appears twice"), "{e}");
        assert!(e.reason(Lang::Zh).contains("出现了两次"), "{e}");
        let ok = parse(r#"{"prefill":"{\"name\":\"聊城市教育局\"}"}"#).unwrap();
        assert_eq!(ok.prefill.name, "聊城市教育局");
        // Every text of the purchaser, at its declared bound and past it.
        use crate::domain::record::Record;
        let purchaser = Purchaser::default();
        for key in purchaser.keys() {
            let Some((max, _)) = crate::domain::rules::text_bound(&purchaser, key) else {
                continue;
            };
            let at = |n: u64| format!(r#"{{"prefill":{{"{key}":"{}"}}}}"#, "9".repeat(n as usize));
            assert!(parse(&at(max)).is_ok(), "{key}");
            assert_eq!(field(&at(max + 1)), format!("prefill.{key}"));
        }
        let huge = format!(
            r#"{{"theme":{{"--prw-x":"{}"}}}}"#,
            "a".repeat(MAX_CONFIG_BYTES)
        );
        let e = parse(&huge).unwrap_err();
        assert!(e.to_string().contains("bytes"), "{e}");
    }
}
