//! Property tests: no filing and no byte string makes the rules, the
//! package builder or the verifier panic; every built package verifies.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;

use procurement_route_wizard::domain::model::*;
use procurement_route_wizard::domain::package::{build, verify};
use procurement_route_wizard::domain::profile::{Profile, ProfileId};
use procurement_route_wizard::domain::route::RouteId;
use procurement_route_wizard::domain::rules::check;
use procurement_route_wizard::domain::sample::sample;
use procurement_route_wizard::domain::values::Level;
use procurement_route_wizard::domain::{draft, record};

/// Text as purchasers and attackers type it: codes, amounts, dates, CJK,
/// full-width forms, control characters, markup, and the odd long string.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[0-9A-Z]{16,19}",
        "[0-9０-９,，.．]{0,14}",
        "-?[0-9]{1,16}(\\.[0-9]{0,4})?",
        "[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,3}日?",
        "\\PC{0,24}",
        "[\\x00-\\x1f<>&\"'\\\\{}@]{0,12}",
        "[聊城市教育局山东省采购中心]{0,30}",
        (1usize..3000).prop_map(|n| "长".repeat(n)),
    ]
}

fn opt<T: std::fmt::Debug + Clone + 'static>(v: Vec<T>) -> impl Strategy<Value = Option<T>> {
    proptest::option::of(proptest::sample::select(v))
}

fn party() -> impl Strategy<Value = Party> {
    (
        any::<u32>(),
        text(),
        text(),
        opt(Level::ALL.to_vec()),
        text(),
        text(),
        text(),
        text(),
    )
        .prop_map(
            |(id, name, uscc, level, budget_source, plan_ref, plan_date, amount)| Party {
                id,
                name,
                uscc,
                level,
                budget_source,
                plan_ref,
                plan_date,
                amount,
            },
        )
}

/// Fill every text, choice and flag of `record` from the pools, walking the
/// record tables: a field added to the model is fuzzed without a change here.
fn fill(
    record: &mut dyn record::Record,
    texts: &[String],
    picks: &[prop::sample::Index],
    flags: &[bool],
    n: &mut usize,
) {
    use record::SlotMut;
    for key in record.keys() {
        *n += 1;
        let i = *n;
        match record.slot_mut(key) {
            Some(SlotMut::Text(t)) => *t = texts[i % texts.len()].clone(),
            Some(SlotMut::Flag(b)) => *b = flags[i % flags.len()],
            Some(SlotMut::Pick(p)) => {
                let options = p.options();
                // One draw in (options + 1) leaves the question unanswered.
                let k = picks[i % picks.len()].index(options.len() + 1);
                p.set_id(options.get(k).map(|(id, _)| *id));
            }
            Some(SlotMut::Record(inner)) => fill(inner, texts, picks, flags, n),
            Some(SlotMut::Rows(rows)) => {
                for row in rows.iter_mut() {
                    fill(row, texts, picks, flags, n);
                }
            }
            Some(SlotMut::Id(_)) | None => {}
        }
    }
}

prop_compose! {
    fn filing()(
        route in opt(RouteId::ALL.to_vec()),
        base_route in proptest::sample::select(RouteId::ALL.to_vec()),
        base_profile in proptest::sample::select(ProfileId::ALL.to_vec()),
        texts in proptest::collection::vec(text(), 1..16),
        picks in proptest::collection::vec(any::<prop::sample::Index>(), 1..16),
        flags in proptest::collection::vec(any::<bool>(), 1..8),
        // Most fields keep the valid sample's answer, so deep rules (order
        // of dates, sums) are reached, not only G4.
        keep in proptest::collection::vec(any::<bool>(), 1..8),
        parties in proptest::collection::vec(party(), 0..12),
    ) -> Filing {
        let mut f = sample(base_route, base_profile);
        f.route = route;
        if keep[0] {
            f.department.units = parties.clone();
            f.mall.participants = parties.clone();
            f.joint.participants = parties;
        }
        let valid = f.clone();
        let mut n = 0;
        fill(&mut f, &texts, &picks, &flags, &mut n);
        // Put back some sections of the valid sample: breaking everything
        // at once stops at the first rule of each route.
        let sections: [fn(&mut Filing, &Filing); 5] = [
            |f, v| f.purchaser = v.purchaser.clone(),
            |f, v| f.project = v.project.clone(),
            |f, v| f.responsibility = v.responsibility.clone(),
            |f, v| { f.agency = v.agency.clone(); f.join = v.join.clone(); },
            |f, v| { f.department = v.department.clone(); f.mall = v.mall.clone(); f.joint = v.joint.clone(); },
        ];
        for (i, restore) in sections.iter().enumerate() {
            if keep[i % keep.len()] {
                restore(&mut f, &valid);
            }
        }
        f.route = route;
        f
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn check_never_panics_and_packages_verify(f in filing(), profile in proptest::sample::select(ProfileId::ALL.to_vec()), now in 0i64..4_102_444_800_000) {
        let p = Profile::new(profile);
        let findings = check(&f, &p, common::today());
        for x in &findings {
            prop_assert!(!x.message.zh.is_empty() && !x.clause.en.is_empty());
        }
        if let Ok(package) = build(&f, &p, now) {
            let bytes = serde_json::to_vec(&package).unwrap();
            prop_assert_eq!(verify(&bytes).unwrap(), package);
        }
    }

    /// Every filing survives JSON: written and read through its record
    /// tables, by serde's entry points (the checker) and directly (drafts).
    #[test]
    fn filings_round_trip_through_json(f in filing()) {
        let value = serde_json::to_value(&f).unwrap();
        prop_assert_eq!(&serde_json::from_value::<Filing>(value.clone()).unwrap(), &f);
        prop_assert_eq!(record::filing_from(&value).unwrap(), f);
    }

    #[test]
    fn verify_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = verify(&bytes);
    }

    #[test]
    fn verify_never_panics_on_corrupted_packages(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6)) {
        let package = build(&sample(RouteId::JVoluntary, ProfileId::Shandong), &Profile::new(ProfileId::Shandong), 0).unwrap();
        let mut bytes = serde_json::to_vec(&package).unwrap();
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        let _ = verify(&bytes);
    }

    /// Drafts and imported files are untrusted: corrupt a stored draft
    /// anywhere and reading it still never panics.
    #[test]
    fn corrupted_drafts_never_panic(edits in proptest::collection::vec((any::<prop::sample::Index>(), "\\PC|[\"{}\\[\\],:0-9]"), 1..8)) {
        let draft = draft::Draft {
            draft_version: draft::DRAFT_VERSION,
            id: "d-1".into(),
            name: String::new(),
            profile: "liaocheng".into(),
            step: procurement_route_wizard::domain::route::Step::Check,
            revision: 3,
            created_at: "2026-11-27T12:00:00Z".into(),
            saved_at: "2026-11-27T12:00:00Z".into(),
            filing: sample(RouteId::JVoluntary, ProfileId::Liaocheng),
        };
        let mut chars: Vec<char> = draft::to_json(&draft).chars().collect();
        for (at, text) in edits {
            let i = at.index(chars.len());
            chars.splice(i..=i, text.chars());
        }
        let _ = draft::parse(&chars.into_iter().collect::<String>());
    }

    /// Change any field of a filing's JSON to any kind of value: the
    /// reader never panics, refuses what does not fit the field's kind, and
    /// what it accepts writes back to JSON it reads as the same filing.
    #[test]
    fn changed_filing_json_is_read_or_refused_never_half_read(at in any::<prop::sample::Index>(), new in prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        Just(serde_json::json!(1.5)),
        "[a-z_-]{0,16}".prop_map(serde_json::Value::from),
        Just(serde_json::json!("goods")),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
        Just(serde_json::json!([{}])),
    ], route in proptest::sample::select(RouteId::ALL.to_vec())) {
        let mut value = serde_json::to_value(sample(route, ProfileId::Shandong)).unwrap();
        let mut pointers = Vec::new();
        fn walk(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
            match v {
                serde_json::Value::Object(m) => m.iter().for_each(|(k, v)| walk(v, format!("{at}/{k}"), out)),
                serde_json::Value::Array(a) => a.iter().enumerate().for_each(|(i, v)| walk(v, format!("{at}/{i}"), out)),
                _ => {}
            }
            out.push(at);
        }
        walk(&value, String::new(), &mut pointers);
        let pointer = &pointers[at.index(pointers.len())];
        *value.pointer_mut(pointer).unwrap() = new;
        let fits = match value.pointer(pointer).unwrap() {
            // A text stays text, a number stays a row id, a record or a
            // list stays one; choices and flags are checked by id below.
            serde_json::Value::String(_) | serde_json::Value::Bool(_) | serde_json::Value::Null => None,
            other => Some(other.clone()),
        };
        match record::filing_from(&value) {
            Ok(f) => {
                prop_assert_eq!(record::filing_from(&record::to_value(&f)).unwrap(), f.clone());
                if let Some(v) = fits {
                    // An accepted number, list or object went where one belongs.
                    prop_assert!(v.is_u64() || v.is_array() || v.is_object(), "accepted {} at {}", v, pointer);
                }
            }
            Err(e) => prop_assert!(!e.path.is_empty() || pointer.is_empty(), "{} at {}", e, pointer),
        }
    }

    /// A random filing's JSON with junk put inside it (unknown keys, wrong
    /// types, huge numbers, deep nesting) is read by the strict reader and
    /// either refused naming a path or checked; never a panic.
    #[test]
    fn junk_inside_filing_json_is_refused_or_checked(
        f in filing(),
        junk in proptest::collection::vec((any::<prop::sample::Index>(), prop_oneof![
            Just(serde_json::json!(null)),
            Just(serde_json::json!(1e300)),
            Just(serde_json::json!(-1)),
            Just(serde_json::json!(18446744073709551615u64)),
            Just(serde_json::json!([[[[[]]]]])),
            Just(serde_json::json!({"x": {"y": "z"}})),
            "\\PC{0,12}".prop_map(serde_json::Value::String),
            any::<bool>().prop_map(serde_json::Value::Bool),
        ], any::<bool>()), 1..5),
    ) {
        let mut value = serde_json::to_value(&f).unwrap();
        for (at, new, as_new_key) in junk {
            let mut objects = Vec::new();
            object_pointers(&value, String::new(), &mut objects);
            let pointer = objects[at.index(objects.len())].clone();
            let target = value.pointer_mut(&pointer).unwrap();
            match target.as_object_mut() {
                Some(map) if as_new_key || map.is_empty() => {
                    map.insert("junk".into(), new);
                }
                Some(map) => {
                    let key = map.keys().nth(at.index(map.len())).unwrap().clone();
                    map.insert(key, new);
                }
                None => *target = new,
            }
        }
        let bytes = serde_json::to_vec(&value).unwrap();
        match procurement_route_wizard::domain::json::parse(&bytes, 1 << 24)
            .map_err(|e| e.to_string())
            .and_then(|v| record::filing_from(&v).map_err(|e| e.to_string()))
        {
            Ok(read) => {
                for profile in ProfileId::ALL {
                    let findings = check(&read, &Profile::new(profile), common::today());
                    prop_assert!(findings.iter().all(|x| !x.clause.zh.is_empty()));
                }
            }
            Err(e) => prop_assert!(!e.is_empty()),
        }
    }
}

/// Every text field a filing of `route` carries, as (finding path, JSON
/// pointer), read from the record tables: nothing hand-listed to drift.
fn text_fields(f: &Filing) -> Vec<(String, String)> {
    use procurement_route_wizard::domain::record::{Record, Slot};
    fn walk(r: &dyn Record, path: &str, pointer: &str, out: &mut Vec<(String, String)>) {
        for key in r.keys() {
            let (p, q) = (format!("{path}.{key}"), format!("{pointer}/{key}"));
            match r.slot(key) {
                Some(Slot::Text(_)) => out.push((p, q)),
                Some(Slot::Record(inner)) => walk(inner, &p, &q, out),
                Some(Slot::Rows(rows)) => {
                    for (i, row) in rows.iter().enumerate() {
                        walk(row, &format!("{p}[{i}]"), &format!("{q}/{i}"), out);
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    let mut sections: Vec<(&str, &dyn Record)> = vec![
        ("purchaser", &f.purchaser),
        ("project", &f.project),
        ("responsibility", &f.responsibility),
    ];
    sections.push(match f.route.expect("a sample has a route") {
        RouteId::DOwn => ("department", &f.department),
        RouteId::DJoin => ("join", &f.join),
        RouteId::Agency => ("agency", &f.agency),
        RouteId::JMall => ("mall", &f.mall),
        RouteId::JVoluntary => ("joint", &f.joint),
    });
    for (name, r) in sections {
        walk(r, name, &format!("/{name}"), &mut out);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, failure_persistence: None, ..ProptestConfig::default() })]

    /// G4 everywhere: whichever text field of whichever route gets an
    /// over-long value, a control character or a bidi override, the filing
    /// is refused with an error at that very field — none passes unchecked.
    #[test]
    fn every_text_field_is_length_and_control_checked(
        route in proptest::sample::select(RouteId::ALL.to_vec()),
        profile in proptest::sample::select(ProfileId::ALL.to_vec()),
        at in any::<prop::sample::Index>(),
        bad in prop_oneof![
            Just("长".repeat(2001)),
            Just("x".repeat(7 * 1024)),
            "[a-z]{0,4}".prop_map(|s| format!("{s}\u{0}")),
            "[a-z]{0,4}".prop_map(|s| format!("{s}\u{202E}txt.exe")),
            "[a-z]{0,4}".prop_map(|s| format!("\u{2066}{s}")),
            "[a-z]{0,4}".prop_map(|s| format!("{s}\u{7}")),
        ],
    ) {
        let f = sample(route, profile);
        let fields = text_fields(&f);
        let (path, pointer) = at.get(&fields).clone();
        let mut value = serde_json::to_value(&f).unwrap();
        *value.pointer_mut(&pointer).unwrap() = serde_json::Value::String(bad.clone());
        let changed = record::filing_from(&value).unwrap();
        let findings = check(&changed, &Profile::new(profile), common::today());
        prop_assert!(
            findings.iter().any(|x| x.path == path && x.severity == procurement_route_wizard::domain::finding::Severity::Error),
            "{} = {:?} passed: {:?}", path, bad.chars().take(20).collect::<String>(), findings.iter().map(|x| (&x.rule, &x.path)).collect::<Vec<_>>()
        );
    }
}

/// JSON text of `v` with the object at `target` (a JSON pointer) writing
/// its key `dup` twice (the second time with `again`).
fn with_duplicate(
    v: &serde_json::Value,
    at: &str,
    target: &str,
    dup: &str,
    again: &serde_json::Value,
    out: &mut String,
) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            out.push('{');
            let mut first = true;
            for (k, item) in map {
                if !first {
                    out.push(',');
                }
                first = false;
                out.push_str(&serde_json::to_string(k).unwrap());
                out.push(':');
                with_duplicate(item, &format!("{at}/{k}"), target, dup, again, out);
                if at == target && k == dup {
                    out.push(',');
                    out.push_str(&serde_json::to_string(k).unwrap());
                    out.push(':');
                    out.push_str(&again.to_string());
                }
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                with_duplicate(item, &format!("{at}/{i}"), target, dup, again, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// Every (object pointer, key) of a JSON value.
/// JSON pointers of every object inside `v` (the root included).
fn object_pointers(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            out.push(at.clone());
            for (k, v) in m {
                object_pointers(v, format!("{at}/{k}"), out);
            }
        }
        serde_json::Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                object_pointers(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn object_keys(v: &serde_json::Value, at: String, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, item) in map {
                out.push((at.clone(), k.clone()));
                object_keys(item, format!("{at}/{k}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                object_keys(item, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    /// A key written twice anywhere in a package, with the same value or
    /// another, is always refused — naming the object and the key.
    #[test]
    fn a_duplicated_key_anywhere_is_always_refused(
        route in proptest::sample::select(RouteId::ALL.to_vec()),
        profile in proptest::sample::select(ProfileId::ALL.to_vec()),
        at in any::<prop::sample::Index>(),
        same in any::<bool>(),
    ) {
        let f = sample(route, profile);
        let package = build(&f, &Profile::new(profile), 1_795_780_800_000).unwrap();
        let value = serde_json::to_value(&package).unwrap();
        let mut keys = Vec::new();
        object_keys(&value, String::new(), &mut keys);
        let (target, key) = at.get(&keys).clone();
        let original = value.pointer(&format!("{target}/{key}")).unwrap().clone();
        let again = if same { original } else { serde_json::Value::String("改".into()) };
        let mut text = String::new();
        with_duplicate(&value, "", &target, &key, &again, &mut text);
        let err = verify(text.as_bytes()).unwrap_err().to_string();
        prop_assert!(err.ends_with(&format!("key \"{key}\" appears twice")), "{}", err);
    }

    /// Canonical JSON is a fixed point: a parsed package written again is
    /// byte for byte what its digest was computed over.
    #[test]
    fn canonical_json_of_a_parsed_package_is_byte_identical(f in filing(), profile in proptest::sample::select(ProfileId::ALL.to_vec())) {
        use procurement_route_wizard::domain::package::canonical_json;
        if let Ok(package) = build(&f, &Profile::new(profile), 1_795_780_800_000) {
            let canonical = canonical_json(&serde_json::to_value(&package).unwrap()).unwrap();
            let parsed = verify(canonical.as_bytes()).unwrap();
            let again = canonical_json(&serde_json::to_value(&parsed).unwrap()).unwrap();
            prop_assert_eq!(again, canonical);
        }
    }
}
