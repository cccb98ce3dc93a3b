//! The stored draft: a filing in progress, versioned, with migrations from
//! every older version. Stored drafts and imported files are untrusted.

use serde::Serialize;
use serde_json::Value;

use super::json::{self, JsonError};
use super::model::Filing;
use super::profile::valid_id as valid_profile_id;
use super::read::{Fields, ReadError};
use super::record;
use super::route::{steps, RouteId, Step};

/// Version 1 (first release) kept the step as an index into the route's
/// pages and had no revision; version 2 names the step and counts saves.
pub const DRAFT_VERSION: u64 = 2;
/// A 1,000-purchaser draft is under 400 KB; anything this large is not ours.
pub const MAX_DRAFT_BYTES: usize = 4 * 1024 * 1024;

/// Written by serde, read by [`parse`] (versions, migrations, the filing's
/// record table).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    pub draft_version: u64,
    pub id: String,
    pub name: String,
    /// The id of the profile it was made under.
    pub profile: String,
    /// The page to resume at.
    pub step: Step,
    /// Bumped on every save: a second tab that saved in between is noticed.
    pub revision: u64,
    pub created_at: String,
    pub saved_at: String,
    pub filing: Filing,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftError {
    TooLarge,
    NotJson,
    /// JSON, but not strict: a duplicate key, a lone surrogate.
    Strict(JsonError),
    NotADraft,
    /// Written by a newer version of the wizard.
    NewerVersion(u64),
    /// A known version whose content does not fit it.
    Damaged(ReadError),
}

impl DraftError {
    /// The catalog key of the message a purchaser sees.
    pub fn key(&self) -> &'static str {
        match self {
            DraftError::TooLarge => "draft.err.too_large",
            DraftError::NotJson | DraftError::NotADraft => "draft.err.not_a_draft",
            DraftError::Strict(_) => "draft.err.strict",
            DraftError::NewerVersion(_) => "draft.err.newer",
            DraftError::Damaged(_) => "draft.err.damaged",
        }
    }
}

impl DraftError {
    /// What exactly is wrong, where the catalog message alone is not enough.
    pub fn detail(&self) -> Option<ReadError> {
        match self {
            DraftError::Strict(e) => Some(ReadError::json("", e.clone())),
            DraftError::Damaged(e) => Some(e.clone()),
            _ => None,
        }
    }
}

/// v1 → v2: the step index becomes the step's name; revision starts at 0;
/// created_at takes saved_at.
fn v1_to_v2(mut v: Value) -> Result<Value, DraftError> {
    let obj = v.as_object_mut().ok_or(DraftError::NotADraft)?;
    let route = obj
        .get("filing")
        .and_then(|f| f.get("route"))
        .and_then(Value::as_str)
        .and_then(RouteId::from_id);
    let index = obj.get("step_index").and_then(Value::as_u64).unwrap_or(0) as usize;
    let step = steps(route).get(index).copied().unwrap_or(Step::Start);
    obj.remove("step_index");
    obj.insert("step".into(), Value::from(step.id()));
    obj.insert("revision".into(), Value::from(0u64));
    let saved = obj
        .get("saved_at")
        .cloned()
        .unwrap_or(Value::String(String::new()));
    obj.insert("created_at".into(), saved);
    obj.insert("draft_version".into(), Value::from(2u64));
    Ok(v)
}

/// The v2 envelope, read field by field (every field required, no others)
/// and the filing through its record table.
fn read_draft(value: &Value) -> Result<Draft, ReadError> {
    const KEYS: [&str; 9] = [
        "draft_version",
        "id",
        "name",
        "profile",
        "step",
        "revision",
        "created_at",
        "saved_at",
        "filing",
    ];
    let f = Fields::of(value, "")?;
    f.known(&KEYS)?;
    // Present, even as null (then it is not the text or number it must be).
    let field = |k: &str| f.map.get(k).ok_or_else(|| f.bad(k, "read.missing"));
    let text = |k: &str| {
        field(k)?
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| f.bad(k, "read.string"))
    };
    let number = |k: &str| {
        field(k)?
            .as_u64()
            .ok_or_else(|| f.bad(k, "read.whole_number"))
    };
    let id_of = |k: &str| field(k)?.as_str().ok_or_else(|| f.bad(k, "read.string"));
    Ok(Draft {
        draft_version: number("draft_version")?,
        id: text("id")?,
        name: text("name")?,
        profile: Some(id_of("profile")?)
            .filter(|id| valid_profile_id(id))
            .ok_or_else(|| f.bad("profile", "read.profile_id"))?
            .to_string(),
        step: Step::from_id(id_of("step")?).ok_or_else(|| f.bad("step", "read.option"))?,
        revision: number("revision")?,
        created_at: text("created_at")?,
        saved_at: text("saved_at")?,
        filing: record::filing_from(field("filing")?).map_err(|e| e.under("filing"))?,
    })
}

/// The highest revision a draft may carry: JavaScript's largest safe
/// integer (`wizard:draft-saved` hands it to the host as a number).
pub const MAX_REVISION: u64 = (1 << 53) - 1;

/// A stored revision as the conflict check reads it: out of range counts as
/// none, so the next save starts the count again instead of wrapping.
pub fn sane_revision(revision: u64) -> u64 {
    if revision > MAX_REVISION {
        0
    } else {
        revision
    }
}

/// Row ids are the form's keys for rows: they must be distinct, and leave
/// room to add rows. A draft whose ids are not (edited by hand, or written
/// by a bug) gets its rows renumbered 1, 2, 3… in their order; nothing else
/// changes.
fn repair(draft: &mut Draft) {
    draft.revision = sane_revision(draft.revision);
    let f = &mut draft.filing;
    for rows in [
        &mut f.department.units,
        &mut f.mall.participants,
        &mut f.joint.participants,
    ] {
        // Ids seen so far, kept ordered (a binary search finds a repeat):
        // cheaper in the bundle than a hash set type of its own.
        let mut seen: Vec<u32> = Vec::with_capacity(rows.len());
        let sound = rows.iter().all(|p| {
            p.id != 0
                && p.id <= MAX_ROW_ID
                && match seen.binary_search(&p.id) {
                    Ok(_) => false,
                    Err(i) => {
                        seen.insert(i, p.id);
                        true
                    }
                }
        });
        if !sound {
            for (n, row) in (1..).zip(rows.iter_mut()) {
                row.id = n;
            }
        }
    }
}

/// Row ids above this are renumbered on read: adding a row takes max + 1.
pub const MAX_ROW_ID: u32 = 1 << 24;

/// Read a stored or imported draft: size, JSON, version, migrations, shape.
pub fn parse(text: &str) -> Result<Draft, DraftError> {
    let mut value = json::parse(text.as_bytes(), MAX_DRAFT_BYTES).map_err(|e| match e {
        JsonError::TooLarge { .. } => DraftError::TooLarge,
        JsonError::Syntax { .. } | JsonError::TooDeep => DraftError::NotJson,
        e => DraftError::Strict(e),
    })?;
    let version = value
        .get("draft_version")
        .and_then(Value::as_u64)
        .ok_or(DraftError::NotADraft)?;
    if version > DRAFT_VERSION {
        return Err(DraftError::NewerVersion(version));
    }
    if version == 0 {
        return Err(DraftError::NotADraft);
    }
    if version == 1 {
        value = v1_to_v2(value)?;
    }
    let mut draft = read_draft(&value).map_err(DraftError::Damaged)?;
    if !valid_id(&draft.id) {
        return Err(DraftError::Damaged(ReadError::new("id", "read.draft_id")));
    }
    repair(&mut draft);
    Ok(draft)
}

/// Where a draft is stored: `prw:{namespace}:draft:{id}`.
pub fn storage_key(namespace: &str, id: &str) -> String {
    format!("prw:{namespace}:draft:{id}")
}

/// The namespace and id of a storage key, if it is a draft's. Exact, not by
/// prefix: a namespace may hold `:` (even `:draft:`), but an id never does
/// (see [`valid_id`]), so the last `:draft:` is the separator and namespace
/// `a` never claims the drafts of namespace `a:draft:x`.
pub fn parse_storage_key(key: &str) -> Option<(&str, &str)> {
    let (namespace, id) = key.strip_prefix("prw:")?.rsplit_once(":draft:")?;
    (!namespace.is_empty() && valid_id(id)).then_some((namespace, id))
}

/// A draft id: 1–64 of `A–Z a–z 0–9 -`.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

pub fn to_json(draft: &Draft) -> String {
    super::package::json_text(draft, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Party;
    use crate::domain::profile::ProfileId;
    use crate::domain::route::RouteId;
    use crate::domain::sample::sample;

    fn draft() -> Draft {
        Draft {
            draft_version: DRAFT_VERSION,
            id: "d-1".into(),
            name: "物业管理".into(),
            profile: "liaocheng".into(),
            step: Step::Participants,
            revision: 3,
            created_at: "2026-11-01T08:00:00Z".into(),
            saved_at: "2026-11-02T08:00:00Z".into(),
            filing: sample(RouteId::JVoluntary, ProfileId::Liaocheng),
        }
    }

    #[test]
    fn current_version_round_trips() {
        let d = draft();
        assert_eq!(parse(&to_json(&d)).unwrap(), d);
    }

    #[test]
    fn migrates_version_1_drafts() {
        // A version-1 draft as the first release stored it.
        let filing =
            serde_json::to_value(sample(RouteId::JVoluntary, ProfileId::Liaocheng)).unwrap();
        let v1 = serde_json::json!({
            "draft_version": 1, "id": "old-7", "name": "旧草稿", "profile": "liaocheng",
            "step_index": 4, "saved_at": "2026-01-05T09:30:00Z", "filing": filing,
        });
        let d = parse(&v1.to_string()).unwrap();
        assert_eq!(d.draft_version, DRAFT_VERSION);
        assert_eq!(d.step, Step::Participants, "index 4 of J-voluntary's pages");
        assert_eq!(d.revision, 0);
        assert_eq!(d.created_at, "2026-01-05T09:30:00Z");
        assert_eq!(d.filing, sample(RouteId::JVoluntary, ProfileId::Liaocheng));
    }

    #[test]
    fn rows_with_shared_or_huge_ids_are_renumbered_in_order() {
        for ids in [vec![7, 7, 7], vec![u32::MAX, 1, 2], vec![0, 1, 2]] {
            let mut d = draft();
            let rows = &mut d.filing.joint.participants;
            rows.truncate(1);
            let first = rows[0].clone();
            *rows = ids
                .iter()
                .enumerate()
                .map(|(i, id)| Party {
                    id: *id,
                    name: format!("单位{i}"),
                    ..first.clone()
                })
                .collect();
            let read = parse(&to_json(&d)).unwrap();
            let got: Vec<(u32, String)> = read
                .filing
                .joint
                .participants
                .iter()
                .map(|p| (p.id, p.name.clone()))
                .collect();
            assert_eq!(
                got,
                vec![
                    (1, "单位0".into()),
                    (2, "单位1".into()),
                    (3, "单位2".into())
                ],
                "ids {ids:?}"
            );
        }
        // Sound ids are kept as they are.
        let d = draft();
        assert_eq!(parse(&to_json(&d)).unwrap().filing, d.filing);
    }

    #[test]
    fn an_out_of_range_revision_starts_again() {
        let mut d = draft();
        d.revision = u64::MAX;
        assert_eq!(parse(&to_json(&d)).unwrap().revision, 0);
        d.revision = MAX_REVISION;
        assert_eq!(parse(&to_json(&d)).unwrap().revision, MAX_REVISION);
    }

    #[test]
    fn storage_keys_name_exactly_one_namespace() {
        assert_eq!(storage_key("portal-a", "d-1"), "prw:portal-a:draft:d-1");
        assert_eq!(
            parse_storage_key("prw:portal-a:draft:d-1"),
            Some(("portal-a", "d-1"))
        );
        // A namespace that extends another, even with ":draft:" in it.
        let other = storage_key("portal-a:draft:x", "d-2");
        assert_eq!(parse_storage_key(&other), Some(("portal-a:draft:x", "d-2")));
        assert_eq!(
            parse_storage_key(&storage_key("portal-a:b", "d-3")),
            Some(("portal-a:b", "d-3"))
        );
        for not_a_draft in [
            "prw:portal-a:current",
            "prw:probe",
            "prw::draft:x",
            "prw:a:draft:",
            "prw:a:draft:x:y",
            "other:a:draft:x",
        ] {
            assert_eq!(parse_storage_key(not_a_draft), None, "{not_a_draft}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_draft_of_ours() {
        assert_eq!(parse("{not json"), Err(DraftError::NotJson));
        // Strict JSON: the same refusal as a package's, the detail kept.
        let dup = to_json(&draft()).replacen(
            "\"project\":{\"name\":",
            "\"project\":{\"name\":\"x\",\"name\":",
            1,
        );
        let e = parse(&dup).unwrap_err();
        assert_eq!(e.key(), "draft.err.strict");
        assert_eq!(
            e.detail().map(|d| d.message(crate::domain::i18n::Lang::En)),
            Some("filing.project: key \"name\" appears twice".to_string())
        );
        // A Windows editor's byte order mark is fine.
        assert!(parse(&format!("\u{feff}{}", to_json(&draft()))).is_ok());
        assert_eq!(
            parse(r#"{"schema_version":"1"}"#),
            Err(DraftError::NotADraft)
        );
        assert_eq!(
            parse(r#"{"draft_version":9}"#),
            Err(DraftError::NewerVersion(9))
        );
        assert!(matches!(
            parse(r#"{"draft_version":2,"id":"x"}"#),
            Err(DraftError::Damaged(_))
        ));
        let mut d = serde_json::to_value(draft()).unwrap();
        d["id"] = "../../etc".into();
        assert!(matches!(parse(&d.to_string()), Err(DraftError::Damaged(_))));
        assert_eq!(
            parse(&" ".repeat(MAX_DRAFT_BYTES + 1)),
            Err(DraftError::TooLarge)
        );
    }
}
