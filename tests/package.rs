//! The filing package v1: digest, verification of untrusted input, and the
//! committed schema and examples staying in step with the types.

mod common;

use procurement_route_wizard::domain::json::JsonError;
use procurement_route_wizard::domain::package::*;
use procurement_route_wizard::domain::profile::{Profile, ProfileId};
use procurement_route_wizard::domain::route::RouteId;
use procurement_route_wizard::domain::sample::sample;

use common::package;

#[test]
fn g5_package_names_profile_route_rules_version_and_clauses() {
    let p = package(RouteId::JVoluntary, ProfileId::Liaocheng);
    assert_eq!(p.schema_version, "1");
    assert_eq!(p.profile, "liaocheng");
    assert_eq!(p.route, RouteId::JVoluntary);
    assert!(!p.rules_version.is_empty());
    assert!(p.ready);
    assert!(p
        .findings
        .iter()
        .all(|f| !f.rule.is_empty() && !f.clause.zh.is_empty()));
    assert_eq!(p.generated_at, "2026-11-27T12:00:00Z");
    assert_eq!(p.summary.budget_fen, Some(120_000_000));
    assert_eq!(p.summary.parties_total_fen, Some(120_000_000));
}

#[test]
fn package_keeps_only_the_chosen_routes_section() {
    let mut f = sample(RouteId::Agency, ProfileId::Shandong);
    f.joint.requirement_ref = "left over from another route".into();
    let p = build(&f, &Profile::new(ProfileId::Shandong), EXAMPLE_TIME_MS).unwrap();
    assert!(p.filing.joint.requirement_ref.is_empty());
    assert_eq!(p.filing.agency, f.agency);
}

#[test]
fn no_route_no_package() {
    let mut f = sample(RouteId::DOwn, ProfileId::Shandong);
    f.route = None;
    assert_eq!(
        build(&f, &Profile::new(ProfileId::Shandong), 0).unwrap_err(),
        PackageError::NoRoute
    );
}

#[test]
fn digest_is_stable_and_verifies() {
    let a = package(RouteId::DOwn, ProfileId::Shandong);
    let b = package(RouteId::DOwn, ProfileId::Shandong);
    assert_eq!(a.digest, b.digest);
    assert!(a.digest.starts_with("sha256:") && a.digest.len() == 7 + 64);
    let bytes = serde_json::to_vec_pretty(&a).unwrap();
    assert_eq!(verify(&bytes).unwrap(), a);
}

#[test]
fn digest_does_not_depend_on_key_order_or_whitespace() {
    let p = package(RouteId::JMall, ProfileId::Shandong);
    let value = serde_json::to_value(&p).unwrap();
    // Reverse every object's key order by rebuilding it from a reversed list.
    fn reverse(v: &serde_json::Value) -> String {
        match v {
            serde_json::Value::Object(m) => {
                let mut parts: Vec<String> = m
                    .iter()
                    .map(|(k, v)| format!("{}: {}", serde_json::to_string(k).unwrap(), reverse(v)))
                    .collect();
                parts.reverse();
                format!("{{ {} }}", parts.join(",\n "))
            }
            serde_json::Value::Array(a) => {
                format!("[{}]", a.iter().map(reverse).collect::<Vec<_>>().join(", "))
            }
            other => other.to_string(),
        }
    }
    assert!(verify(reverse(&value).as_bytes()).is_ok());
}

#[test]
fn tampering_is_detected() {
    let p = package(RouteId::JVoluntary, ProfileId::Shandong);
    let mut v = serde_json::to_value(&p).unwrap();
    v["filing"]["joint"]["participants"][0]["amount"] = "9,999,999".into();
    let bytes = serde_json::to_vec(&v).unwrap();
    assert_eq!(verify(&bytes).unwrap_err(), PackageError::DigestMismatch);

    let mut v = serde_json::to_value(&p).unwrap();
    v["ready"] = false.into();
    assert_eq!(
        verify(&serde_json::to_vec(&v).unwrap()).unwrap_err(),
        PackageError::DigestMismatch
    );
}

#[test]
fn unknown_versions_floats_and_garbage_are_refused() {
    let p = package(RouteId::DJoin, ProfileId::Liaocheng);
    let mut v = serde_json::to_value(&p).unwrap();
    v["schema_version"] = "2".into();
    assert!(matches!(
        verify(&serde_json::to_vec(&v).unwrap()),
        Err(PackageError::UnknownVersion(_))
    ));

    let mut v = serde_json::to_value(&p).unwrap();
    v["summary"]["budget_fen"] = serde_json::json!(1.5);
    assert_eq!(
        verify(&serde_json::to_vec(&v).unwrap()).unwrap_err(),
        PackageError::Float
    );

    assert!(matches!(
        verify(b"{not json"),
        Err(PackageError::Json(JsonError::Syntax { .. }))
    ));
    assert!(matches!(verify(b"[1,2]"), Err(PackageError::Shape(_))));
    assert_eq!(
        verify(&vec![b' '; MAX_PACKAGE_BYTES + 1]).unwrap_err(),
        PackageError::TooLarge
    );
}

#[test]
fn unknown_fields_are_refused_even_with_a_correct_digest() {
    let p = package(RouteId::DJoin, ProfileId::Liaocheng);
    let mut v = serde_json::to_value(&p).unwrap();
    v["filing"]["purchaser"]["extra"] = "x".into();
    v["digest"] = serde_json::Value::Null;
    let p2: serde_json::Value = v.clone();
    let mut m = p2.as_object().unwrap().clone();
    m.remove("digest");
    let canonical = canonical_json(&serde_json::Value::Object(m)).unwrap();
    use sha2::Digest;
    let hex: String = sha2::Sha256::digest(canonical.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    v["digest"] = format!("sha256:{hex}").into();
    assert!(matches!(
        verify(&serde_json::to_vec(&v).unwrap()),
        Err(PackageError::Shape(_))
    ));
}

#[test]
fn committed_schema_is_current() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/filing-package-v1.schema.json"
    );
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == json_schema(),
        "schema/filing-package-v1.schema.json is stale: run `cargo run --bin gen-schema`"
    );
}

#[test]
fn committed_rule_reference_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == procurement_route_wizard::domain::rules::reference::markdown(),
        "docs/rules.md is stale: run `cargo run --bin gen-schema`"
    );
}

#[test]
fn committed_examples_are_current() {
    for (name, text) in example_packages() {
        let path = format!("{}/schema/examples/{name}", env!("CARGO_MANIFEST_DIR"));
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == text,
            "{name} is stale: run `cargo run --bin gen-schema`"
        );
        assert!(verify(committed.as_bytes()).is_ok(), "{name}");
    }
}

/// A key given twice is refused even when the digest was recomputed over
/// serde's last-wins reading: a portal whose parser keeps the first value
/// would otherwise store a value nobody checked.
#[test]
fn a_duplicate_key_is_refused_whatever_the_digest_says() {
    let p = package(RouteId::JVoluntary, ProfileId::Liaocheng);
    let text = serde_json::to_string(&p).unwrap();
    let doubled = text.replacen("\"budget\":", "\"budget\":\"1.00\",\"budget\":", 1);
    assert_ne!(doubled, text);
    let e = verify(doubled.as_bytes()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "filing.project: key \"budget\" appears twice"
    );
    assert_eq!(
        e.message(procurement_route_wizard::domain::i18n::Lang::Zh),
        "filing.project：键“budget”出现了两次"
    );
}

#[test]
fn a_byte_order_mark_is_accepted_and_a_lone_surrogate_named() {
    let p = package(RouteId::DJoin, ProfileId::Liaocheng);
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(serde_json::to_vec(&p).unwrap());
    assert_eq!(verify(&bytes).unwrap(), p);
    let text = serde_json::to_string(&p).unwrap().replacen(
        "\"generator\":\"",
        "\"generator\":\"\\ud800",
        1,
    );
    let e = verify(text.as_bytes()).unwrap_err();
    assert!(e.to_string().contains("lone surrogate"), "{e}");
}

#[test]
fn refusals_read_right_in_both_languages() {
    use procurement_route_wizard::domain::i18n::Lang;
    let p = package(RouteId::DJoin, ProfileId::Liaocheng);
    let mut v = serde_json::to_value(&p).unwrap();
    v["schema_version"] = "2".into();
    let e = verify(&serde_json::to_vec(&v).unwrap()).unwrap_err();
    assert_eq!(e.message(Lang::En), "unknown schema_version \"2\"");
    assert_eq!(e.message(Lang::Zh), "未知的 schema_version：\"2\"");
    let mut v = serde_json::to_value(&p).unwrap();
    v["filing"]["purchaser"]["name"] = "改过".into();
    let e = verify(&serde_json::to_vec(&v).unwrap()).unwrap_err();
    assert_eq!(e, PackageError::DigestMismatch);
    assert_eq!(
        e.message(Lang::Zh),
        "digest 与内容不符：备案包在制作后被改动过"
    );
}

/// A filing field that does not fit is refused naming its path, in both
/// languages, even when the digest was recomputed over it.
#[test]
fn a_filing_field_that_does_not_fit_is_named_in_both_languages() {
    use procurement_route_wizard::domain::i18n::Lang;
    let mut v = serde_json::to_value(package(RouteId::Agency, ProfileId::Liaocheng)).unwrap();
    v["filing"]["joint"]["participants"] = serde_json::json!([{"id": 1, "amount": 12}]);
    v["digest"] = digest_value(&v).unwrap().into();
    match verify(&serde_json::to_vec(&v).unwrap()) {
        Err(e @ PackageError::Shape(_)) => {
            let PackageError::Shape(at) = &e else {
                unreachable!()
            };
            assert_eq!(at.path, "filing.joint.participants[0].amount");
            assert!(
                e.message(Lang::Zh).contains("应为文本"),
                "{}",
                e.message(Lang::Zh)
            );
            assert!(
                e.message(Lang::En)
                    .contains("filing.joint.participants[0].amount: must be a string"),
                "{e}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn canonical_json_orders_keys_by_their_utf8_bytes_at_every_depth() {
    let v = serde_json::json!({"b": 1, "a": {"中": 1, "Z": 2, "z": [{"y": 1, "x": 2}]}, "": 0});
    assert_eq!(
        canonical_json(&v).unwrap(),
        r#"{"":0,"a":{"Z":2,"z":[{"x":2,"y":1}],"中":1},"b":1}"#
    );
}

#[test]
fn an_object_of_many_keys_is_put_in_canonical_order_in_n_log_n() {
    // 200,000 keys in reverse order: a quadratic sort makes 2 * 10^10
    // comparisons here (minutes); the service digests untrusted bodies.
    let n = 200_000;
    let mut map = serde_json::Map::new();
    for i in (0..n).rev() {
        map.insert(format!("k{i:06}"), serde_json::Value::from(0));
    }
    let started = std::time::Instant::now();
    let canonical = canonical_json(&serde_json::Value::Object(map)).unwrap();
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert!(canonical.starts_with(r#"{"k000000":0,"k000001":0,"#));
    assert!(canonical.ends_with(r#""k199999":0}"#));
}
