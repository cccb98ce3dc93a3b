//! Profiles as data: the shipped files, a third (fictional) city that
//! differs from both on every variation point, and the refusals of a file
//! that is incomplete or contradicts itself.

mod common;

use std::sync::Arc;

use procurement_route_wizard::domain::finding::{Finding, Severity};
use procurement_route_wizard::domain::i18n::Lang;
use procurement_route_wizard::domain::model::{AgencyKind, NeedNature};
use procurement_route_wizard::domain::package::{build, EXAMPLE_TIME_MS};
use procurement_route_wizard::domain::profile::{
    profile_schema, shipped, Profile, ProfileDef, ProfileId,
};
use procurement_route_wizard::domain::route::RouteId;
use procurement_route_wizard::domain::rules::{check, RULES};
use procurement_route_wizard::domain::sample::{sample_under, synthetic_uscc};
use procurement_route_wizard::domain::values::{Level, Object};
use procurement_route_wizard::domain::verdict::{judge, Policy};

use common::today;

const HAIDAI: &str = include_str!("fixtures/profile-haidai.json");

fn haidai() -> Arc<ProfileDef> {
    Arc::new(ProfileDef::parse(HAIDAI.as_bytes()).unwrap())
}

fn under(
    def: &Arc<ProfileDef>,
    f: &procurement_route_wizard::domain::model::Filing,
) -> Vec<Finding> {
    check(f, &Profile::from_def(def.clone()), today())
}

fn errors(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} {} {}", f.rule, f.key, f.path))
        .collect()
}

fn one<'a>(findings: &'a [Finding], rule: &str) -> &'a Finding {
    findings
        .iter()
        .find(|f| f.rule == rule)
        .unwrap_or_else(|| panic!("no {rule} finding in {:?}", errors(findings)))
}

#[test]
fn committed_profile_schema_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/profile-v1.schema.json");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == profile_schema(),
        "schema/profile-v1.schema.json is stale: run `cargo run --bin gen-schema`"
    );
}

#[test]
fn the_shipped_profiles_read_and_cite_every_rule() {
    assert_eq!(shipped().len(), 2);
    for id in ProfileId::ALL {
        let def = id.def();
        assert_eq!(def.id, id.id());
        for rule in RULES {
            assert!(
                !def.cite(rule.id).is_empty(),
                "{} cites nothing for {}",
                def.id,
                rule.id
            );
        }
        assert!(def.digest.starts_with("sha256:") && def.digest.len() == 71);
    }
    assert_ne!(
        ProfileId::Shandong.def().digest,
        ProfileId::Liaocheng.def().digest
    );
}

/// The test city differs from both shipped profiles wherever a value can
/// (a yes/no point can only equal one of them).
#[test]
fn the_test_city_differs_on_every_variation_point() {
    let h = haidai();
    for id in ProfileId::ALL {
        let s = id.def();
        assert_ne!(h.divisions, s.divisions);
        assert_ne!(h.department_level, s.department_level);
        assert_ne!(h.need_natures, s.need_natures);
        assert_ne!(h.thresholds, s.thresholds);
        assert_ne!(h.clauses, s.clauses);
        assert_ne!(h.notices, s.notices);
    }
    let (sd, lc) = (ProfileId::Shandong.def(), ProfileId::Liaocheng.def());
    assert_ne!(h.many_units, sd.many_units);
    assert_ne!(h.a3_reason_required, lc.a3_reason_required);
    assert_ne!(h.joint_social_agency, sd.joint_social_agency);
    assert_ne!(h.acceptance_message, lc.acceptance_message);
    assert_ne!(h.need_nature_message, sd.need_nature_message);
}

#[test]
fn every_route_sample_is_clean_under_the_test_city() {
    let h = haidai();
    for route in RouteId::ALL {
        let f = sample_under(route, &h, 3);
        let found = under(&h, &f);
        assert!(errors(&found).is_empty(), "{route:?}: {:?}", errors(&found));
    }
}

#[test]
fn the_test_city_cites_its_own_clauses() {
    let h = haidai();
    let mut f = sample_under(RouteId::DOwn, &h, 3);
    f.department.organiser.level = Some(Level::City);
    let found = under(&h, &f);
    let d1 = one(&found, "D1");
    assert_eq!(d1.clause.zh, "海财采〔2025〕3号 第一条");
    assert_eq!(d1.clause.en, "HD-2025-3 §1");
    // D1: the county is this city's department level.
    assert!(d1.message.zh.contains("县级"), "{}", d1.message.zh);
}

#[test]
fn d3_the_test_city_accepts_both_kinds_of_need() {
    let h = haidai();
    for nature in [NeedNature::GeneralPurpose, NeedNature::SpecialUniform] {
        let mut f = sample_under(RouteId::DOwn, &h, 3);
        f.department.need_nature = Some(nature);
        assert!(errors(&under(&h, &f)).is_empty());
    }
    let mut f = sample_under(RouteId::DOwn, &h, 3);
    f.department.need_nature = Some(NeedNature::Other);
    assert_eq!(one(&under(&h, &f), "D3").key, "D3.liaocheng");
}

#[test]
fn d6_many_units_is_the_test_citys_figure() {
    let h = haidai();
    let few = under(&h, &sample_under(RouteId::DOwn, &h, 4));
    assert!(!few.iter().any(|f| f.key == "D6.many"));
    let many = under(&h, &sample_under(RouteId::DOwn, &h, 5));
    assert!(many.iter().any(|f| f.key == "D6.many"));
}

#[test]
fn a3_the_test_city_asks_for_a_reason() {
    let h = haidai();
    let mut f = sample_under(RouteId::Agency, &h, 3);
    f.agency.a3_reason = None;
    assert_eq!(one(&under(&h, &f), "A3").key, "A3.reason");
}

#[test]
fn j6_and_j9_follow_the_test_city() {
    let h = haidai();
    let mut f = sample_under(RouteId::JVoluntary, &h, 3);
    f.joint.agency_kind = Some(AgencyKind::OtherAgent);
    let found = under(&h, &f);
    assert!(
        !found.iter().any(|x| x.rule == "J6"),
        "{:?}",
        errors(&found)
    );
    assert_eq!(one(&found, "J9").key, "J9.voluntary");
}

#[test]
fn r1_thresholds_are_the_test_citys() {
    let h = haidai();
    let p = Profile::from_def(h.clone());
    let on = procurement_route_wizard::domain::date::Date::new(2026, 6, 1).unwrap();
    let t = p
        .public_tender_threshold(Level::County, Object::Goods, on)
        .unwrap();
    assert_eq!(t.public_tender_fen, 200_000_000);
    let after = procurement_route_wizard::domain::date::Date::new(2028, 1, 1).unwrap();
    assert!(p
        .public_tender_threshold(Level::County, Object::Goods, after)
        .is_none());
}

#[test]
fn g6_the_longest_division_prefix_wins() {
    let h = haidai();
    let mut f = sample_under(RouteId::Agency, &h, 3);
    assert!(!under(&h, &f).iter().any(|x| x.rule == "G6"));
    // A Liaocheng unit under the test city: Liaocheng's profile binds it.
    f.purchaser.uscc = synthetic_uscc(418_000, "11", "371502");
    let g6 = under(&h, &f);
    let g6 = one(&g6, "G6");
    assert_eq!(g6.key, "G6.other_profile");
    assert_eq!(g6.params.get("fits").map(String::as_str), Some("liaocheng"));
    assert_eq!(g6.clause.zh, "海财采〔2025〕3号 主送单位");
    // A test-city unit under Shandong's profile: Shandong does not know
    // the test city, and its own prefix binds it.
    let sd = Profile::new(ProfileId::Shandong);
    let mut f = sample_under(RouteId::Agency, &h, 3);
    f.purchaser.uscc = synthetic_uscc(418_000, "11", "379001");
    assert!(!check(&f, &sd, today()).iter().any(|x| x.rule == "G6"));
}

#[test]
fn a_package_records_the_profile_and_its_digest_and_the_server_needs_the_same_text() {
    let h = haidai();
    let f = sample_under(RouteId::JVoluntary, &h, 3);
    let p = build(&f, &Profile::from_def(h.clone()), EXAMPLE_TIME_MS).unwrap();
    assert_eq!(p.profile, "haidai");
    assert_eq!(p.profile_digest.as_deref(), Some(h.digest.as_str()));
    let bytes = serde_json::to_vec(&p).unwrap();

    let with = Policy {
        extra: Some(h.clone()),
        ..Policy::default()
    };
    let v = judge(&bytes, &with, today()).unwrap();
    assert!(v.ready && v.findings_match_package);

    let e = judge(&bytes, &Policy::default(), today()).unwrap_err();
    assert_eq!((e.code, e.status), ("unknown_profile", 422));
    assert!(e.message(Lang::Zh).contains("haidai"));

    // The same id, other words (a clause changed): not judged by them.
    let edited = HAIDAI.replace("海财采〔2025〕3号 第一条", "海财采〔2025〕3号 第1条");
    let other = Arc::new(ProfileDef::parse(edited.as_bytes()).unwrap());
    assert_ne!(other.digest, h.digest);
    let e = judge(
        &bytes,
        &Policy {
            extra: Some(other),
            ..Policy::default()
        },
        today(),
    )
    .unwrap_err();
    assert_eq!((e.code, e.status), ("profile_digest", 422));
}

#[test]
fn the_digest_is_of_the_data_not_its_layout() {
    let h = haidai();
    let value: serde_json::Value = serde_json::from_str(HAIDAI).unwrap();
    let compact = serde_json::to_string(&value).unwrap();
    assert_eq!(
        ProfileDef::parse(compact.as_bytes()).unwrap().digest,
        h.digest
    );
}

/// Each broken file is refused naming the field, in both languages.
#[test]
fn an_incomplete_or_contradictory_profile_is_refused_naming_the_field() {
    let value: serde_json::Value = serde_json::from_str(HAIDAI).unwrap();
    let refused = |edit: &dyn Fn(&mut serde_json::Value), path: &str, zh: &str, en: &str| {
        let mut v = value.clone();
        edit(&mut v);
        let e = ProfileDef::from_value(&v).unwrap_err();
        assert_eq!(e.path, path);
        assert!(e.message(Lang::Zh).contains(zh), "{}", e.message(Lang::Zh));
        assert!(e.message(Lang::En).contains(en), "{}", e.message(Lang::En));
    };
    refused(
        &|v| v["clauses"]["Z9"] = serde_json::json!(["data"]),
        "clauses.Z9",
        "没有这条规则",
        "no such rule",
    );
    refused(
        &|v| v["clauses"]["D1"] = serde_json::json!(["HD-2025-3 §9"]),
        "clauses.D1[0]",
        "未在 sources 中定义",
        "not defined in sources",
    );
    refused(
        &|v| {
            v["clauses"].as_object_mut().unwrap().remove("G7");
        },
        "clauses.G7",
        "缺少",
        "missing",
    );
    refused(&|v| v["format"] = 2.into(), "format", "格式", "format");
    refused(
        &|v| v["id"] = "Haidai City".into(),
        "id",
        "小写字母",
        "lowercase",
    );
    refused(
        &|v| v["need_nature_message"] = "D3.choose".into(),
        "need_nature_message",
        "D3.liaocheng",
        "one of",
    );
    refused(
        &|v| v["acceptance_message"] = "D3.liaocheng".into(),
        "acceptance_message",
        "J9.contract",
        "one of",
    );
    refused(
        &|v| v["department_level"] = "town".into(),
        "department_level",
        "county",
        "one of",
    );
    refused(
        &|v| v["divisions"] = serde_json::json!(["37a"]),
        "divisions[0]",
        "行政区划",
        "division",
    );
    refused(
        &|v| v["divisions"] = serde_json::json!([]),
        "divisions",
        "不能为空",
        "empty",
    );
    refused(
        &|v| v["need_natures"] = serde_json::json!(["other", "other"]),
        "need_natures[1]",
        "重复",
        "duplicate",
    );
    refused(
        &|v| v["notices"][1]["forwards"] = "XX-1".into(),
        "notices[1].forwards",
        "另一份通知",
        "another notice",
    );
    refused(
        &|v| v["many_units"] = 1.into(),
        "many_units",
        "2 到 100000",
        "2 to 100000",
    );
    refused(
        &|v| v["thresholds"][0]["public_tender_fen"] = 0.into(),
        "thresholds[0].public_tender_fen",
        "分",
        "fen",
    );
    refused(
        &|v| v["sources"]["data"]["zh"] = "".into(),
        "sources.data.zh",
        "不能为空",
        "empty",
    );
    refused(
        &|v| v["colour"] = "red".into(),
        "colour",
        "未知字段",
        "unknown field",
    );

    // Strict JSON: a duplicate key is refused before anything is read.
    let dup = HAIDAI.replacen(
        "\"many_units\": 5,",
        "\"many_units\": 5, \"many_units\": 6,",
        1,
    );
    let e = ProfileDef::parse(dup.as_bytes()).unwrap_err();
    assert!(
        e.message(Lang::En).contains("many_units"),
        "{}",
        e.message(Lang::En)
    );
    // Size before parsing.
    let big = format!("{{\"pad\": \"{}\"}}", "x".repeat(300 * 1024));
    assert!(ProfileDef::parse(big.as_bytes()).is_err());
}
