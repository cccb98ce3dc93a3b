//! The agency directory: the centre a choice names fills itself, a typed
//! agency is kept, A8 holds a named choice to the directory, and a host's
//! directory (config `agencies`, checker `--params`) is read strictly.

mod common;

use procurement_route_wizard::config;
use procurement_route_wizard::domain::agencies::{
    fill, for_choice, in_region, locked, shipped, DirectoryOverride,
};
use procurement_route_wizard::domain::i18n::Lang;
use procurement_route_wizard::domain::model::AgencyChoice;
use procurement_route_wizard::domain::profile::{ParamsOverride, Profile, ProfileId};
use procurement_route_wizard::domain::route::RouteId;
use procurement_route_wizard::domain::rules::check;
use procurement_route_wizard::domain::sample::{sample, synthetic_uscc};
use procurement_route_wizard::domain::values::Level;

use common::today;

#[test]
fn the_named_centres_are_shipped_as_defaults() {
    let list = shipped();
    let p = for_choice(&list, AgencyChoice::ProvincialCentre).unwrap();
    assert_eq!(
        (p.name.as_str(), p.level, p.shipped_default),
        ("山东省政府采购中心", Level::Province, true)
    );
    let j = for_choice(&list, AgencyChoice::JinanCentre).unwrap();
    assert_eq!(
        (j.name.as_str(), j.level),
        ("济南市政府采购中心", Level::City)
    );
}

#[test]
fn choosing_a_centre_fills_it_switching_refills_and_typed_agencies_are_kept() {
    let list = shipped();
    let mut f = sample(RouteId::Agency, ProfileId::Liaocheng);
    f.agency.agency = Default::default();
    f.agency.choice = Some(AgencyChoice::JinanCentre);
    fill(&mut f, &list);
    assert_eq!(f.agency.agency.name, "济南市政府采购中心");
    assert_eq!(f.agency.agency.level, Some(Level::City));
    assert!(locked(&f, &list, "agency.agency.name") && locked(&f, &list, "agency.agency.level"));
    // No code shipped: the code field is the purchaser's to type.
    assert!(!locked(&f, &list, "agency.agency.uscc"));
    f.agency.choice = Some(AgencyChoice::ProvincialCentre);
    fill(&mut f, &list);
    assert_eq!(
        (f.agency.agency.name.as_str(), f.agency.agency.level),
        ("山东省政府采购中心", Some(Level::Province))
    );
    f.agency.agency.name = "某市公共资源交易中心".into();
    fill(&mut f, &list);
    assert_eq!(f.agency.agency.name, "某市公共资源交易中心");
    assert!(!locked(&f, &list, "agency.agency.name"));
}

#[test]
fn a8_a_named_centre_must_match_the_directory() {
    let lc = Profile::new(ProfileId::Liaocheng);
    let mut f = sample(RouteId::Agency, ProfileId::Liaocheng);
    let found = check(&f, &lc, today());
    assert!(!found.iter().any(|x| x.rule == "A8"));
    f.agency.agency.name = "济南市政府采购中心".into();
    f.agency.agency.level = Some(Level::City);
    let found = check(&f, &lc, today());
    let a8: Vec<_> = found.iter().filter(|x| x.rule == "A8").collect();
    assert_eq!(
        a8.iter().map(|x| x.path.as_str()).collect::<Vec<_>>(),
        ["agency.agency.name", "agency.agency.level"]
    );
    assert!(a8[1].message.zh.contains("“省级”"), "{}", a8[1].message.zh);
    assert_eq!(
        a8[0].clause.zh,
        "鲁财采〔2020〕40号 第二条；聊财采〔2021〕1号 第二条"
    );
}

#[test]
fn a_hosts_directory_extends_or_replaces_and_is_read_strictly() {
    let code = synthetic_uscc(5_000_001, "12", "370000");
    let value = serde_json::json!([
        { "name": "山东省政府采购中心", "level": "province", "region": "37", "uscc": code, "role": "provincial_centre" },
        { "name": "聊城市公共资源交易中心", "level": "city", "region": "3715" }
    ]);
    let d = DirectoryOverride::from_value(&value, "agencies").unwrap();
    let list = d.apply(&shipped());
    assert_eq!(list.len(), 3);
    assert_eq!(
        for_choice(&list, AgencyChoice::ProvincialCentre)
            .unwrap()
            .uscc
            .as_deref(),
        Some(code.as_str())
    );
    assert_eq!(
        in_region(&list, "371502")
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>(),
        ["聊城市公共资源交易中心"]
    );
    assert!(in_region(&list, "370300").is_empty());
    let replaced = DirectoryOverride::from_value(
        &serde_json::json!({ "replace": true, "entries": [value[1]] }),
        "agencies",
    )
    .unwrap();
    assert_eq!(replaced.apply(&shipped()).len(), 1);

    let refused = |v: serde_json::Value, path: &str| {
        let e = DirectoryOverride::from_value(&v, "agencies").unwrap_err();
        assert_eq!(e.path, path);
        assert!(!e.message(Lang::Zh).is_empty() && !e.message(Lang::En).is_empty());
    };
    refused(
        serde_json::json!([{ "name": "x", "level": "town", "region": "37" }]),
        "agencies[0].level",
    );
    refused(
        serde_json::json!([{ "name": "x", "level": "city", "region": "3a" }]),
        "agencies[0].region",
    );
    refused(
        serde_json::json!([{ "name": "x", "level": "city", "region": "37", "uscc": "123" }]),
        "agencies[0].uscc",
    );
    refused(
        serde_json::json!([{ "name": "x", "level": "city", "region": "37", "role": "other" }]),
        "agencies[0].role",
    );
    refused(
        serde_json::json!([{ "name": "x", "level": "city", "region": "37", "colour": 1 }]),
        "agencies[0].colour",
    );
    refused(
        serde_json::json!([{ "name": "x", "level": "city", "region": "37" }, { "name": "x", "level": "city", "region": "37" }]),
        "agencies[1].name",
    );
    refused(serde_json::json!({ "entries": "x" }), "agencies.entries");

    // The same directory in the config and in the checker's params.
    let c = config::parse(&format!(r#"{{"agencies":{value}}}"#)).unwrap();
    assert_eq!(c.profile.agencies, list);
    let o = ParamsOverride::from_value(&serde_json::json!({ "agencies": value })).unwrap();
    let p = Profile::new(ProfileId::Shandong)
        .with_overrides(&o)
        .unwrap();
    assert_eq!(p.agencies, list);
    assert_eq!(
        config::parse(r#"{"agencies":[{"name":""}]}"#)
            .unwrap_err()
            .path,
        "agencies[0].name"
    );

    // A known code is held to: another code for the named centre is A8.
    let mut f = sample(RouteId::Agency, ProfileId::Shandong);
    f.agency.agency.uscc = synthetic_uscc(5_000_002, "12", "370000");
    let found = check(&f, &p, today());
    assert!(found
        .iter()
        .any(|x| x.rule == "A8" && x.path == "agency.agency.uscc"));
    assert!(
        !check(&sample(RouteId::Agency, ProfileId::Shandong), &p, today())
            .iter()
            .any(|x| x.rule == "A8")
    );
}
