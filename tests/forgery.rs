//! The checker trusts nothing it can recompute. Each package here was
//! edited and its digest computed again, as anyone can: the digest then
//! agrees, and the server must still refuse (exit 2, in both languages) a
//! package whose route, summary, sections, `ready`, clauses or messages do
//! not follow from its filing.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;

use procurement_route_wizard::domain::i18n::Lang;
use procurement_route_wizard::domain::model::AgencyKind;
use procurement_route_wizard::domain::package::{build, digest_of, Package, EXAMPLE_TIME_MS};
use procurement_route_wizard::domain::profile::{Profile, ProfileId};
use procurement_route_wizard::domain::route::RouteId;
use procurement_route_wizard::domain::sample::sample;
use procurement_route_wizard::domain::verdict::{judge, Policy, Refusal};

/// An edit to a package, named by what the refusal must say.
type Edit = Box<dyn FnOnce(&mut Package)>;

use common::package;

/// Edit a package, compute its digest again, and judge it.
fn forged(mut p: Package, edit: impl FnOnce(&mut Package)) -> Result<(), Refusal> {
    edit(&mut p);
    p.digest = digest_of(&p).unwrap();
    let bytes = serde_json::to_vec(&p).unwrap();
    judge(&bytes, &Policy::default(), common::today()).map(|_| ())
}

fn refused(p: Package, edit: impl FnOnce(&mut Package), zh: &str, en: &str) {
    let r = forged(p, edit).expect_err("a forged package must be refused");
    assert_eq!((r.code, r.status), ("inconsistent", 400));
    assert!(r.message(Lang::Zh).contains(zh), "{}", r.zh);
    assert!(r.message(Lang::En).contains(en), "{}", r.en);
}

#[test]
fn an_honest_package_passes() {
    for route in RouteId::ALL {
        for profile in ProfileId::ALL {
            assert!(
                forged(package(route, profile), |_| {}).is_ok(),
                "{route:?} {profile:?}"
            );
        }
    }
}

#[test]
fn a_forged_route_is_refused() {
    refused(
        package(RouteId::Agency, ProfileId::Liaocheng),
        |p| p.route = RouteId::JVoluntary,
        "route 为 \"J-voluntary\"，但按备案内容应为 \"A\"",
        "route is \"J-voluntary\" but the filing gives \"A\"",
    );
}

#[test]
fn a_forged_profile_is_refused_by_its_clauses() {
    refused(
        package(RouteId::JVoluntary, ProfileId::Liaocheng),
        // The forger sets the profile's digest too, so only the clauses
        // can tell.
        |p| {
            p.profile = "shandong".into();
            p.profile_digest = Some(ProfileId::Shandong.def().digest.clone());
        },
        "引用的是“liaocheng”规则的条款",
        "cites the clause of profile \"liaocheng\"",
    );
}

#[test]
fn every_forged_summary_field_is_refused_naming_it() {
    let p = || package(RouteId::JVoluntary, ProfileId::Liaocheng);
    let cases: Vec<(&str, Edit)> = vec![
        (
            "summary.budget_fen is 1 but the filing gives 120000000",
            Box::new(|p| p.summary.budget_fen = Some(1)),
        ),
        (
            "summary.budget_fen is -9223372036854775808",
            Box::new(|p| p.summary.budget_fen = Some(i64::MIN)),
        ),
        (
            "summary.budget_fen is null",
            Box::new(|p| p.summary.budget_fen = None),
        ),
        (
            "summary.purchaser_name is \"别的单位\"",
            Box::new(|p| p.summary.purchaser_name = "别的单位".into()),
        ),
        (
            "summary.purchaser_uscc is null",
            Box::new(|p| p.summary.purchaser_uscc = None),
        ),
        (
            "summary.parties[1].name",
            Box::new(|p| p.summary.parties[1].name = "x".into()),
        ),
        (
            "summary.parties[0].uscc",
            Box::new(|p| p.summary.parties[0].uscc = Some("91350203M0001QAY9B".into())),
        ),
        (
            "summary.parties[2].amount_fen",
            Box::new(|p| p.summary.parties[2].amount_fen = Some(7)),
        ),
        (
            "summary.parties.length is 2 but the filing gives 3",
            Box::new(|p| {
                p.summary.parties.pop();
            }),
        ),
        (
            "summary.parties_total_fen",
            Box::new(|p| p.summary.parties_total_fen = Some(0)),
        ),
    ];
    for (en, edit) in cases {
        let r = forged(p(), edit).expect_err(en);
        assert!(r.en.contains(en), "{} / {}", r.en, en);
        assert!(r.zh.contains("但按备案内容应为"), "{}", r.zh);
    }
}

#[test]
fn a_leftover_section_of_another_route_is_refused_with_its_path() {
    refused(
        package(RouteId::JVoluntary, ProfileId::Shandong),
        |p| p.filing.agency.plan_ref = "不是本路径".into(),
        "filing.agency 属于其他采购组织形式",
        "filing.agency belongs to another route and must be empty in a package",
    );
}

#[test]
fn ready_must_follow_from_the_package_own_findings() {
    let mut f = sample(RouteId::JVoluntary, ProfileId::Shandong);
    f.joint.agency_kind = Some(AgencyKind::OtherAgent);
    let blocked = build(&f, &Profile::new(ProfileId::Shandong), EXAMPLE_TIME_MS).unwrap();
    assert!(!blocked.ready);
    refused(
        blocked,
        |p| p.ready = true,
        "ready 为 true",
        "ready is true but the package's own findings[",
    );
    refused(
        package(RouteId::DJoin, ProfileId::Liaocheng),
        |p| p.ready = false,
        "ready 为 false",
        "ready is false but the filing gives true",
    );
}

#[test]
fn an_edited_message_is_refused() {
    refused(
        package(RouteId::JVoluntary, ProfileId::Liaocheng),
        |p| p.findings[0].message.en = "Everything is fine".into(),
        "的文字与其规则和参数不符",
        "does not follow from its key and params",
    );
}

/// A forged finding (not a derived field of the filing but the browser's
/// record) leaves the verdict to the server: findings_match_package false.
#[test]
fn forged_findings_leave_the_verdict_to_the_server() {
    let p = package(RouteId::JVoluntary, ProfileId::Liaocheng);
    let mut edited = p.clone();
    edited.findings.clear();
    edited.digest = digest_of(&edited).unwrap();
    let v = judge(
        &serde_json::to_vec(&edited).unwrap(),
        &Policy::default(),
        common::today(),
    )
    .unwrap();
    assert!(!v.findings_match_package);
    assert_eq!(v.findings, p.findings);
}

#[test]
fn a_package_of_other_rules_is_judged_by_these_and_says_so() {
    let mut p = package(RouteId::DJoin, ProfileId::Liaocheng);
    p.rules_version = "2026.1.1".into();
    p.digest = digest_of(&p).unwrap();
    let v = judge(
        &serde_json::to_vec(&p).unwrap(),
        &Policy::default(),
        common::today(),
    )
    .unwrap();
    assert!(v.rules_version_differs());
    let json = v.to_json();
    assert_eq!(json["rules_version"], "2026.1.1");
    assert_eq!(json["rules_version_differs"], true);
    assert_eq!(
        json["checked_with_rules_version"],
        procurement_route_wizard::domain::rules::RULES_VERSION
    );
}

/// One derived field of a random valid package, forged.
#[derive(Debug, Clone)]
enum Forgery {
    Route(usize),
    Profile,
    Budget(i64),
    PurchaserName(String),
    PurchaserUscc,
    PartyName(usize, String),
    PartyAmount(usize, i64),
    PartiesTotal(i64),
    Ready,
    Leftover(usize),
}

fn forgery() -> impl Strategy<Value = Forgery> {
    prop_oneof![
        (1usize..5).prop_map(Forgery::Route),
        Just(Forgery::Profile),
        any::<i64>().prop_map(Forgery::Budget),
        "\\PC{1,8}".prop_map(Forgery::PurchaserName),
        Just(Forgery::PurchaserUscc),
        (any::<usize>(), "\\PC{1,8}").prop_map(|(i, s)| Forgery::PartyName(i, s)),
        (any::<usize>(), any::<i64>()).prop_map(|(i, a)| Forgery::PartyAmount(i, a)),
        any::<i64>().prop_map(Forgery::PartiesTotal),
        Just(Forgery::Ready),
        (0usize..5).prop_map(Forgery::Leftover),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Forging any single derived field of a valid package, digest
    /// recomputed, is always caught: refused (exit 2), or — for the
    /// profile — judged by the server's own findings, which then differ.
    /// Where both profiles give the very same findings (J-mall cites
    /// SD-2020-40 alone under both), the profile cannot be told from the
    /// filing and the forgery changes no verdict: the portal's
    /// `--profile` pin is what refuses it (tested in tests/checker.rs).
    #[test]
    fn forging_any_derived_field_is_detected(
        route in proptest::sample::select(RouteId::ALL.to_vec()),
        profile in proptest::sample::select(ProfileId::ALL.to_vec()),
        what in forgery(),
    ) {
        let p = package(route, profile);
        let mut edited = p.clone();
        let n = edited.summary.parties.len();
        match what.clone() {
            Forgery::Route(k) => edited.route = RouteId::ALL[(RouteId::ALL.iter().position(|r| *r == route).unwrap() + k) % 5],
            Forgery::Profile => {
                let other = if profile == ProfileId::Shandong { ProfileId::Liaocheng } else { ProfileId::Shandong };
                edited.profile = other.id().into();
                edited.profile_digest = Some(other.def().digest.clone());
            }
            Forgery::Budget(v) => edited.summary.budget_fen = Some(v),
            Forgery::PurchaserName(s) => edited.summary.purchaser_name = s,
            Forgery::PurchaserUscc => edited.summary.purchaser_uscc = None,
            Forgery::PartyName(i, s) if n > 0 => edited.summary.parties[i % n].name = s,
            Forgery::PartyAmount(i, a) if n > 0 => edited.summary.parties[i % n].amount_fen = Some(a),
            Forgery::PartiesTotal(v) => edited.summary.parties_total_fen = Some(v),
            Forgery::Ready => edited.ready = !edited.ready,
            Forgery::Leftover(k) => match k {
                0 if route != RouteId::DOwn => edited.filing.department.organiser.name = "x".into(),
                1 if route != RouteId::DJoin => edited.filing.join.plan_ref = "x".into(),
                2 if route != RouteId::Agency => edited.filing.agency.plan_ref = "x".into(),
                3 if route != RouteId::JMall => edited.filing.mall.mall_ref = "x".into(),
                4 if route != RouteId::JVoluntary => edited.filing.joint.requirement_ref = "x".into(),
                _ => edited.filing.joint.allocation_terms = if route == RouteId::JVoluntary { "x".into() } else { "y".into() },
            },
            _ => edited.summary.budget_fen = Some(-1),
        }
        prop_assume!(edited != p);
        edited.digest = digest_of(&edited).unwrap();
        let bytes = serde_json::to_vec(&edited).unwrap();
        match judge(&bytes, &Policy::default(), common::today()) {
            Err(r) => prop_assert_eq!(r.code, "inconsistent", "{:?}", what),
            Ok(v) => {
                // Only an edit to the chosen route's own answers is no forgery at all.
                let own_answer = matches!(what, Forgery::Leftover(_)) && edited.filing.for_route() == edited.filing;
                let profile_caught = matches!(what, Forgery::Profile) && !v.findings_match_package;
                let same_under_both = matches!(what, Forgery::Profile)
                    && v.findings == p.findings
                    && v.findings == procurement_route_wizard::domain::rules::check(&p.filing, &Profile::new(ProfileId::from_id(&edited.profile).unwrap()), common::today());
                prop_assert!(own_answer || profile_caught || same_under_both, "{:?} passed unnoticed", what);
            }
        }
    }
}
