//! Property tests: no filing and no byte string makes the rules, the
//! package builder or the verifier panic; every built package verifies.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;

use procurement_route_wizard::domain::model::*;
use procurement_route_wizard::domain::package::{build, verify};
use procurement_route_wizard::domain::profile::{Profile, ProfileId};
use procurement_route_wizard::domain::record;
use procurement_route_wizard::domain::route::RouteId;
use procurement_route_wizard::domain::rules::check;
use procurement_route_wizard::domain::sample::sample;
use procurement_route_wizard::domain::values::{Level, Method, Object};

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

prop_compose! {
    fn filing()(
        route in opt(RouteId::ALL.to_vec()),
        base_route in proptest::sample::select(RouteId::ALL.to_vec()),
        base_profile in proptest::sample::select(ProfileId::ALL.to_vec()),
        fields in proptest::collection::vec(text(), 12),
        parties in proptest::collection::vec(party(), 0..12),
        level in opt(Level::ALL.to_vec()),
        object in opt(Object::ALL.to_vec()),
        method in opt(Method::ALL.to_vec()),
        flags in proptest::collection::vec(any::<bool>(), 8),
        choice in opt(vec![AgencyChoice::ProvincialCentre, AgencyChoice::JinanCentre, AgencyChoice::ResidentCentre, AgencyChoice::Other]),
    ) -> Filing {
        // Start from a valid filing and break it in many places at once, so
        // deep rules (order of dates, sums) are reached, not only G4.
        let mut f = sample(base_route, base_profile);
        f.route = route;
        f.purchaser.uscc = fields[0].clone();
        f.purchaser.level = level;
        f.purchaser.in_jinan = Some(flags[0]);
        f.project.budget = fields[1].clone();
        f.project.object = object;
        f.project.item_code = fields[2].clone();
        f.project.planned_date = fields[3].clone();
        f.project.in_catalog = Some(flags[1]);
        f.department.units = parties.clone();
        f.department.remit_declared = flags[2];
        f.join.plan_date = fields[4].clone();
        f.join.participation_date = fields[5].clone();
        f.join.organiser_level = level;
        f.agency.choice = choice;
        f.agency.confirmation.date = fields[6].clone();
        f.agency.plan_agent = fields[7].clone();
        f.mall.participants = parties.clone();
        f.joint.participants = parties;
        f.joint.allocation_date = fields[8].clone();
        f.joint.requirement_agreed = flags[3];
        f.responsibility.method = method;
        f.responsibility.approval_date = fields[9].clone();
        f.responsibility.representative.phone = fields[10].clone();
        f.responsibility.keeps_legal_duties = flags[4];
        f.purchaser.name = fields[11].clone();
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

    /// The filing is written and (in the browser) read through its record
    /// tables; `filing-check` reads with serde: all must agree.
    #[test]
    fn record_reader_reads_what_serde_writes(f in filing()) {
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

    #[test]
    fn arbitrary_json_filings_never_panic_check(json in "\\{(\"[a-z_]{1,12}\":(\"\\PC{0,8}\"|[0-9]{1,4}|true|null|\\[\\]|\\{\\}),?){0,8}\\}") {
        if let Ok(f) = serde_json::from_str::<Filing>(&json) {
            let _ = check(&f, &Profile::new(ProfileId::Liaocheng), common::today());
        }
    }
}
