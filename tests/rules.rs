//! One test per rule of rules.md: the valid sample passes it, and a
//! filing changed in one place fails it. Names carry the rule id; profile
//! differences are tested under both profiles.

mod common;

use common::{blocking, findings, has};
use procurement_route_wizard::domain::finding::Severity;
use procurement_route_wizard::domain::model::*;
use procurement_route_wizard::domain::profile::ProfileId::{self, Liaocheng, Shandong};
use procurement_route_wizard::domain::route::RouteId::{self, *};
use procurement_route_wizard::domain::sample::sample;
use procurement_route_wizard::domain::values::{Level, Method, Object};

/// The sample passes `rule`/`key`; after `mutate` it fails with it.
macro_rules! fails_when {
    ($name:ident, $route:expr, $profile:expr, $rule:literal, $key:literal, |$f:ident| $mutate:block) => {
        #[test]
        fn $name() {
            let base = sample($route, $profile);
            assert!(
                !has(&findings(&base, $profile), $rule, $key),
                "the valid sample already fails {}",
                $key
            );
            let mut $f = base;
            $mutate
            let after = findings(&$f, $profile);
            assert!(has(&after, $rule, $key), "expected {} in {:#?}", $key, blocking(&after));
        }
    };
}

/// The sample passes `rule`/`key`, and still passes after `mutate`: what
/// one profile forbids, the other allows.
macro_rules! allowed_when {
    ($name:ident, $route:expr, $profile:expr, $rule:literal, $key:literal, |$f:ident| $mutate:block) => {
        #[test]
        fn $name() {
            let mut $f = sample($route, $profile);
            $mutate
            let after = findings(&$f, $profile);
            assert!(!has(&after, $rule, $key), "unexpected {} in {:#?}", $key, blocking(&after));
            assert!(blocking(&after).iter().all(|b| !b.starts_with(concat!($rule, " "))), "{:#?}", blocking(&after));
        }
    };
}

fn recorded(route: RouteId, profile: ProfileId, rule: &str, key: &str) {
    let f = findings(&sample(route, profile), profile);
    let hit = f.iter().find(|x| x.rule == rule && x.key == key);
    assert!(
        hit.is_some_and(|x| x.severity == Severity::Info),
        "{rule} not recorded"
    );
}

#[test]
fn every_sample_is_clean_under_its_profile() {
    for route in RouteId::ALL {
        for profile in [Shandong, Liaocheng] {
            let f = findings(&sample(route, profile), profile);
            assert!(
                blocking(&f).is_empty(),
                "{route:?} {profile:?}: {:#?}",
                blocking(&f)
            );
        }
    }
}

// ---- D: department centralized procurement ----

fails_when!(
    d1_shandong_organiser_is_a_provincial_department,
    DOwn,
    Shandong,
    "D1",
    "D1.level",
    |f| {
        f.department.organiser.level = Some(Level::City);
    }
);
fails_when!(
    d1_liaocheng_organiser_is_a_city_department,
    DOwn,
    Liaocheng,
    "D1",
    "D1.level",
    |f| {
        f.department.organiser.level = Some(Level::Province);
    }
);
fails_when!(
    d2_remit_must_be_declared,
    DOwn,
    Shandong,
    "D2",
    "D2.declare",
    |f| {
        f.department.remit_declared = false;
    }
);
fails_when!(
    d3_shandong_pools_general_purpose_needs,
    DOwn,
    Shandong,
    "D3",
    "D3.shandong",
    |f| {
        f.department.need_nature = Some(NeedNature::SpecialUniform);
    }
);
/// Under liaocheng only a special need bought uniformly may be pooled
/// (the sample already has one; each nature is tried, so this can fail).
#[test]
fn d3_liaocheng_allows_special_uniform_needs_only() {
    for (nature, allowed) in [
        (NeedNature::GeneralPurpose, false),
        (NeedNature::SpecialUniform, true),
        (NeedNature::Other, false),
    ] {
        let mut f = sample(DOwn, Liaocheng);
        f.department.need_nature = Some(nature);
        let d3 = findings(&f, Liaocheng)
            .iter()
            .any(|x| x.rule == "D3" && x.severity == Severity::Error);
        assert_eq!(d3, !allowed, "{nature:?}");
    }
}
fails_when!(
    d3_liaocheng_pools_special_uniform_needs,
    DOwn,
    Liaocheng,
    "D3",
    "D3.liaocheng",
    |f| {
        f.department.need_nature = Some(NeedNature::GeneralPurpose);
    }
);
fails_when!(
    d3_nature_must_be_chosen,
    DOwn,
    Liaocheng,
    "D3",
    "D3.choose",
    |f| {
        f.department.need_nature = None;
    }
);
fails_when!(
    d4_each_requesting_unit_files_its_plan,
    DOwn,
    Liaocheng,
    "D4",
    "D4.plan_ref",
    |f| {
        f.department.units[1].plan_ref = "  ".into();
    }
);
fails_when!(
    d4_each_requesting_unit_dates_its_plan,
    DOwn,
    Shandong,
    "D4",
    "D4.plan_date",
    |f| {
        f.department.units[2].plan_date.clear();
    }
);
#[test]
fn d5_each_unit_signs_its_own_contract_is_recorded() {
    recorded(DOwn, Shandong, "D5", "D5.info");
}
fails_when!(
    d6_many_units_suggest_the_mall,
    DOwn,
    Liaocheng,
    "D6",
    "D6.many",
    |f| {
        f.department.units =
            procurement_route_wizard::domain::sample::parties(10, 120_000_000, false);
        for u in &mut f.department.units {
            u.level = Some(Level::City);
        }
    }
);
fails_when!(
    d6_units_at_different_levels_suggest_the_mall,
    DOwn,
    Shandong,
    "D6",
    "D6.levels",
    |f| {
        f.department.units[0].level = Some(Level::City);
    }
);
/// D6 says which trigger fired: three units at two levels are not "many".
#[test]
fn d6_names_the_trigger_that_fired() {
    let mut f = sample(DOwn, Liaocheng);
    f.department.units.truncate(3);
    f.department.units[0].level = Some(Level::County);
    let d6 = |f: &Filing| {
        findings(f, Liaocheng)
            .into_iter()
            .find(|x| x.rule == "D6")
            .map(|x| (x.key.clone(), x.message.zh.clone(), x.message.en.clone()))
    };
    let (key, zh, en) = d6(&f).unwrap();
    assert_eq!(key, "D6.levels");
    assert!(
        zh.contains("分属 2 个行政级别") && !zh.contains("较多"),
        "{zh}"
    );
    assert!(
        en.contains("at 2 administrative levels") && !en.contains("many"),
        "{en}"
    );
    f.department.units = procurement_route_wizard::domain::sample::parties(12, 120_000_000, false);
    f.department.units[0].level = Some(Level::County);
    let (key, zh, en) = d6(&f).unwrap();
    assert_eq!(key, "D6.many_levels");
    assert!(zh.contains("较多（12 个）且分属 2 个行政级别"), "{zh}");
    assert!(
        en.contains("many requesting units (12) at 2 administrative levels"),
        "{en}"
    );
}

#[test]
fn d6_is_advice_and_never_blocks() {
    let mut f = sample(DOwn, Shandong);
    f.department.units[0].level = Some(Level::City);
    let all = findings(&f, Shandong);
    let d6 = all.iter().find(|x| x.rule == "D6").unwrap();
    assert_eq!(d6.severity, Severity::Warning);
    assert!(d6.interpretation);
}
fails_when!(
    d7_a_single_unit_has_nothing_to_aggregate,
    DOwn,
    Liaocheng,
    "D7",
    "D7.few",
    |f| {
        f.department.units.truncate(1);
        f.department.units[0].uscc = f.department.organiser.uscc.clone();
    }
);
#[test]
fn d7_counts_distinct_codes_across_units_and_organiser() {
    let d7 = |f: &Filing| findings(f, Liaocheng).iter().any(|x| x.rule == "D7");
    let mut f = sample(DOwn, Liaocheng);
    assert!(!d7(&f));
    // Two rows of one unit beside a different organiser: two units.
    let code = f.department.units[0].uscc.clone();
    for u in &mut f.department.units {
        u.uscc = code.clone();
    }
    assert!(!d7(&f));
    // The organiser is that same unit: one unit, nothing to aggregate.
    f.department.organiser.uscc = code;
    assert!(d7(&f));
}

fails_when!(
    d8_organiser_must_be_strictly_higher,
    DJoin,
    Liaocheng,
    "D8",
    "D8.not_higher",
    |f| {
        f.join.organiser_level = Some(Level::City);
    }
);
fails_when!(
    d8_needs_the_purchasers_level,
    DJoin,
    Shandong,
    "D8",
    "D8.purchaser_level",
    |f| {
        f.purchaser.level = None;
    }
);
fails_when!(
    d9_plan_is_filed_before_taking_part,
    DJoin,
    Shandong,
    "D9",
    "D9.order",
    |f| {
        f.join.plan_date = "2026-04-01".into();
    }
);
fails_when!(
    d9_plan_reference_is_required,
    DJoin,
    Liaocheng,
    "D9",
    "D9.plan_ref",
    |f| {
        f.join.plan_ref.clear();
    }
);
#[test]
fn d10_contract_filing_is_recorded_as_pending() {
    recorded(DJoin, Liaocheng, "D10", "D10.info");
}

// ---- A: agency across levels ----

fails_when!(
    a1_only_catalog_projects,
    Agency,
    Shandong,
    "A1",
    "A1.not_catalog",
    |f| {
        f.project.in_catalog = Some(false);
    }
);
fails_when!(
    a2_resident_agency_only_for_provincial_units_outside_jinan,
    Agency,
    Shandong,
    "A2",
    "A2.not_eligible",
    |f| {
        f.agency.choice = Some(AgencyChoice::ResidentCentre);
        f.purchaser.in_jinan = Some(true);
    }
);
/// A provincial unit outside Jinan (registered `370000`) entrusting the
/// city centre where it sits: A2, across levels.
fn provincial_unit_outside_jinan() -> Filing {
    use procurement_route_wizard::domain::sample::synthetic_uscc;
    let mut f = sample(Agency, Shandong);
    f.purchaser.name = "山东省聊城水文中心".into();
    f.purchaser.uscc = synthetic_uscc(4_180_009, "12", "370000");
    f.purchaser.level = Some(Level::Province);
    f.purchaser.in_jinan = Some(false);
    f.agency.choice = Some(AgencyChoice::ResidentCentre);
    f.agency.a3_reason = None;
    f.agency.reason_detail.clear();
    f.agency.agency.name = "聊城市政府采购中心".into();
    f.agency.agency.uscc = synthetic_uscc(5_000_002, "12", "371500");
    f.agency.agency.level = Some(Level::City);
    f.agency.plan_agent = "聊城市政府采购中心".into();
    f
}

#[test]
fn a2_provincial_unit_outside_jinan_may_use_the_resident_agency() {
    let f = provincial_unit_outside_jinan();
    let all = findings(&f, Shandong);
    assert!(has(&all, "A2", "A2.allowed"));
    assert!(blocking(&all).is_empty(), "{:#?}", blocking(&all));
}
fails_when!(
    a3_shandong_needs_a_reason_for_the_provincial_centre,
    Agency,
    Shandong,
    "A3",
    "A3.reason",
    |f| {
        f.agency.a3_reason = None;
    }
);
fails_when!(
    a3_shandong_needs_a_reason_for_the_jinan_centre,
    Agency,
    Shandong,
    "A3",
    "A3.reason",
    |f| {
        f.agency.choice = Some(AgencyChoice::JinanCentre);
        f.agency.a3_reason = None;
    }
);
allowed_when!(
    a3_lc_liaocheng_needs_no_reason,
    Agency,
    Liaocheng,
    "A3",
    "A3.reason",
    |f| {
        f.agency.a3_reason = None;
    }
);
#[test]
fn a3_lc_is_cited_under_liaocheng_only() {
    let mut f = sample(Agency, Liaocheng);
    f.agency.a3_reason = None;
    let all = findings(&f, Liaocheng);
    let hit = all.iter().find(|x| x.rule == "A3-LC").unwrap();
    assert!(
        hit.clause.zh.contains("聊财采〔2021〕1号 第二条"),
        "{}",
        hit.clause.zh
    );
    assert!(!has(
        &findings(&sample(Agency, Shandong), Shandong),
        "A3-LC",
        "A3-LC.allowed"
    ));
}
fails_when!(
    a4_other_agencies_warn_to_confirm,
    Agency,
    Liaocheng,
    "A4",
    "A4.other",
    |f| {
        f.agency.choice = Some(AgencyChoice::Other);
    }
);
fails_when!(
    a5_confirmation_comes_before_the_plan,
    Agency,
    Shandong,
    "A5",
    "A5.order",
    |f| {
        f.agency.confirmation.date = "2026-02-11".into();
    }
);
fails_when!(
    a5_who_confirmed_is_required,
    Agency,
    Liaocheng,
    "A5",
    "A5.by",
    |f| {
        f.agency.confirmation.by.clear();
    }
);
fails_when!(
    a5_confirmation_reference_is_required,
    Agency,
    Shandong,
    "A5",
    "A5.reference",
    |f| {
        f.agency.confirmation.reference = " ".into();
    }
);
fails_when!(
    a6_plan_agent_is_the_chosen_agency,
    Agency,
    Shandong,
    "A6",
    "A6.agent_mismatch",
    |f| {
        f.agency.plan_agent = "聊城市公共资源交易中心".into();
    }
);
#[test]
fn a6_agent_names_compare_without_spaces_and_bracket_widths() {
    let mut f = sample(Agency, Shandong);
    f.agency.agency.name = "山东省政府采购中心（省直）".into();
    f.agency.plan_agent = " 山东省政府采购中心(省直) ".into();
    assert!(!has(&findings(&f, Shandong), "A6", "A6.agent_mismatch"));
}
fails_when!(
    a6_plan_reference_is_required,
    Agency,
    Liaocheng,
    "A6",
    "A6.plan_ref",
    |f| {
        f.agency.plan_ref.clear();
    }
);
#[test]
fn a7_own_level_keeps_supervision_is_recorded() {
    recorded(Agency, Liaocheng, "A7", "A7.info");
}

// ---- J: joint procurement ----

fails_when!(
    j0_works_cannot_go_joint_voluntary,
    JVoluntary,
    Shandong,
    "J0",
    "J0.works",
    |f| {
        f.project.object = Some(Object::Works);
        f.project.item_code = "B01000000".into();
    }
);
fails_when!(
    j0_works_cannot_go_through_the_mall,
    JMall,
    Liaocheng,
    "J0",
    "J0.works",
    |f| {
        f.project.object = Some(Object::Works);
    }
);
fails_when!(
    j1_mall_needs_catalog_items,
    JMall,
    Shandong,
    "J1",
    "J1.not_catalog",
    |f| {
        f.project.in_catalog = Some(false);
    }
);
fails_when!(
    j1_mall_needs_one_unified_standard,
    JMall,
    Shandong,
    "J1",
    "J1.standard",
    |f| {
        f.mall.unified_standard_declared = false;
    }
);
fails_when!(
    j2_mall_reference_is_required,
    JMall,
    Liaocheng,
    "J2",
    "J2.mall_ref",
    |f| {
        f.mall.mall_ref.clear();
    }
);
#[test]
fn j2_separate_signing_through_the_mall_is_recorded() {
    recorded(JMall, Shandong, "J2", "J2.info");
}
fails_when!(
    j3_needs_at_least_two_purchasers,
    JVoluntary,
    Liaocheng,
    "J3",
    "J3.too_few",
    |f| {
        f.joint.participants.truncate(1);
    }
);
fails_when!(
    j3_no_purchaser_listed_twice,
    JVoluntary,
    Shandong,
    "J3",
    "G1.duplicate",
    |f| {
        f.joint.participants[2].uscc = format!(" {} ", f.joint.participants[0].uscc.to_lowercase());
    }
);
fails_when!(
    j4_requirement_is_agreed_by_all,
    JVoluntary,
    Shandong,
    "J4",
    "J4.agreed",
    |f| {
        f.joint.requirement_agreed = false;
    }
);
fails_when!(
    j4_requirement_reference_is_required,
    JVoluntary,
    Liaocheng,
    "J4",
    "J4.reference",
    |f| {
        f.joint.requirement_ref.clear();
    }
);
fails_when!(
    j5_each_purchaser_sets_its_budget_source,
    JVoluntary,
    Shandong,
    "J5",
    "J5.budget_source",
    |f| {
        f.joint.participants[1].budget_source.clear();
    }
);
fails_when!(
    j5_each_purchaser_files_its_plan,
    JVoluntary,
    Liaocheng,
    "J5",
    "J5.plan_ref",
    |f| {
        f.joint.participants[0].plan_ref.clear();
    }
);
fails_when!(
    j6_shandong_requires_one_centralized_agency,
    JVoluntary,
    Shandong,
    "J6",
    "J6.centralized_only",
    |f| {
        f.joint.agency_kind = Some(AgencyKind::OtherAgent);
    }
);
allowed_when!(
    j6_liaocheng_allows_any_one_procurement_agent,
    JVoluntary,
    Liaocheng,
    "J6",
    "J6.centralized_only",
    |f| {
        f.joint.agency_kind = Some(AgencyKind::OtherAgent);
    }
);
#[test]
fn j7_one_set_of_documents_is_recorded() {
    recorded(JVoluntary, Liaocheng, "J7", "J7.info");
}
fails_when!(
    j8_allocation_is_agreed_in_advance,
    JVoluntary,
    Shandong,
    "J8",
    "J8.not_in_advance",
    |f| {
        f.project.planned_date = "2026-01-05".into();
    }
);
fails_when!(
    j8_allocation_agreement_is_required,
    JVoluntary,
    Liaocheng,
    "J8",
    "J8.missing",
    |f| {
        f.joint.allocation_terms.clear();
    }
);
fails_when!(
    j9_acceptance_mode_is_required_shandong,
    JVoluntary,
    Shandong,
    "J9",
    "J9.choose",
    |f| {
        f.joint.acceptance = None;
    }
);
fails_when!(
    j9_acceptance_mode_is_required_liaocheng,
    JVoluntary,
    Liaocheng,
    "J9",
    "J9.choose",
    |f| {
        f.joint.acceptance = None;
    }
);
#[test]
fn j9_profiles_record_different_acceptance_bases() {
    recorded(JVoluntary, Shandong, "J9", "J9.voluntary");
    recorded(JVoluntary, Liaocheng, "J9", "J9.contract");
}
fails_when!(
    j10_shares_add_up_to_the_budget,
    JVoluntary,
    Shandong,
    "J10",
    "J10.sum",
    |f| {
        f.joint.participants[0].amount = "1.00".into();
    }
);
fails_when!(
    j10_mall_amounts_add_up_to_the_budget,
    JMall,
    Liaocheng,
    "J10",
    "J10.sum",
    |f| {
        f.project.budget = "1,200,000.01".into();
    }
);

#[test]
fn g4_more_units_than_any_real_procurement_are_refused_and_not_read() {
    use procurement_route_wizard::domain::rules::MAX_ROWS;
    use procurement_route_wizard::domain::sample::sample_with;
    let f = sample_with(JVoluntary, Liaocheng, MAX_ROWS as u32 + 1);
    let found = findings(&f, Liaocheng);
    assert!(has(&found, "G4", "G4.too_many_rows"));
    // Past the bound the rules stop reading: no finding names the extra row.
    let extra = format!("joint.participants[{MAX_ROWS}]");
    assert!(found.iter().all(|x| !x.path.starts_with(&extra)));
}

// ---- A0: the own government's agency is not route A ----

/// The purchaser's own government's agency: same level, same division.
fn own_agency(profile: ProfileId) -> Filing {
    use procurement_route_wizard::domain::sample::synthetic_uscc;
    let mut f = sample(Agency, profile);
    let division = match profile {
        Shandong => "370300",
        Liaocheng => "371500",
    };
    f.agency.agency.name = "本市政府采购中心".into();
    f.agency.agency.uscc = synthetic_uscc(5_000_003, "12", division);
    f.agency.agency.level = Some(Level::City);
    f.agency.choice = Some(AgencyChoice::Other);
    f.agency.plan_agent = f.agency.agency.name.clone();
    f
}

#[test]
fn a0_the_own_governments_agency_is_not_a_choice_across_levels() {
    for profile in [Shandong, Liaocheng] {
        let base = sample(Agency, profile);
        assert!(!has(&findings(&base, profile), "A0", "A0.own_agency"));
        let found = findings(&own_agency(profile), profile);
        let a0 = found.iter().find(|x| x.key == "A0.own_agency").expect("A0");
        assert!(a0.blocks() && a0.path == "agency.agency.uscc");
        assert!(
            a0.message.zh.contains("本级政府的集中采购机构")
                && a0.message.en.contains("own government's")
        );
        let want = match profile {
            Shandong => "SD-2020-40 §2",
            Liaocheng => "SD-2020-40 §2; LC-2021-1 §2",
        };
        assert_eq!(a0.clause.en, want);
    }
}

/// Same tier in another jurisdiction is across levels in the notice's
/// sense (打破行政隶属划分关系): a Liaocheng city unit may go to Jinan's
/// city centre; a county unit to its own city's centre.
#[test]
fn a0_same_tier_elsewhere_or_another_tier_is_route_a() {
    use procurement_route_wizard::domain::sample::synthetic_uscc;
    let mut f = own_agency(Liaocheng);
    f.agency.agency.uscc = synthetic_uscc(5_000_004, "12", "370100");
    f.agency.choice = Some(AgencyChoice::JinanCentre);
    assert!(!has(&findings(&f, Liaocheng), "A0", "A0.own_agency"));
    let mut f = own_agency(Liaocheng);
    f.purchaser.uscc = synthetic_uscc(4_180_010, "11", "371502");
    f.purchaser.level = Some(Level::County);
    assert!(!has(&findings(&f, Liaocheng), "A0", "A0.own_agency"));
    assert!(!has(
        &findings(&provincial_unit_outside_jinan(), Shandong),
        "A0",
        "A0.own_agency"
    ));
}

// ---- G6, G7: the profile fits the purchaser; identity agrees ----

#[test]
fn g6_a_purchaser_outside_its_profiles_scope_is_refused_naming_the_one_that_fits() {
    use procurement_route_wizard::domain::sample::synthetic_uscc;
    for route in RouteId::ALL {
        // A Liaocheng unit under shandong, a provincial unit under liaocheng.
        for (profile, uscc, fits) in [
            (Shandong, "11371500004180002J".to_string(), "liaocheng"),
            (
                Liaocheng,
                synthetic_uscc(4_180_002, "11", "370000"),
                "shandong",
            ),
        ] {
            let mut f = sample(route, profile);
            f.purchaser.uscc = uscc;
            let found = findings(&f, profile);
            let g6 = found.iter().find(|x| x.rule == "G6").expect("G6");
            assert!(g6.blocks() && g6.path == "purchaser.uscc" && g6.key == "G6.other_profile");
            assert!(
                g6.message.zh.contains(&format!("应按“{fits}”规则备案")),
                "{}",
                g6.message.zh
            );
            assert!(
                g6.message
                    .en
                    .contains(&format!("files under the “{fits}” profile")),
                "{}",
                g6.message.en
            );
        }
        for profile in [Shandong, Liaocheng] {
            assert!(!has(
                &findings(&sample(route, profile), profile),
                "G6",
                "G6.other_profile"
            ));
            let mut f = sample(route, profile);
            f.purchaser.uscc = synthetic_uscc(4_180_002, "11", "110000");
            assert!(has(&findings(&f, profile), "G6", "G6.outside"));
        }
    }
    let g6 = findings(
        &{
            let mut f = sample(DOwn, Liaocheng);
            f.purchaser.uscc = synthetic_uscc(1, "11", "370000");
            f
        },
        Liaocheng,
    )
    .into_iter()
    .find(|x| x.rule == "G6")
    .unwrap();
    assert_eq!(
        g6.clause.en,
        "LC-2021-1, addressees; SD-2020-40, addressees"
    );
}

#[test]
fn g7_level_and_division_granularity_agree_or_warn() {
    use procurement_route_wizard::domain::sample::synthetic_uscc;
    for profile in [Shandong, Liaocheng] {
        let mut f = sample(DOwn, profile);
        assert!(!has(&findings(&f, profile), "G7", "G7.level"));
        let (uscc, level) = match profile {
            // A city-coded unit that says it is provincial, a county-coded one that says city.
            Shandong => (synthetic_uscc(7, "11", "370300"), Level::Province),
            Liaocheng => (synthetic_uscc(7, "11", "371502"), Level::City),
        };
        f.purchaser.uscc = uscc;
        f.purchaser.level = Some(level);
        f.purchaser.in_jinan = (level == Level::Province).then_some(true);
        let found = findings(&f, profile);
        let g7 = found.iter().find(|x| x.key == "G7.level").expect("G7");
        assert_eq!(g7.severity, Severity::Warning);
        assert_eq!(g7.path, "purchaser.level");
        assert!(g7.message.zh.contains("请核对") && g7.message.en.contains("please check"));
    }
}

#[test]
fn g7_jinan_is_asked_of_provincial_units_only() {
    for profile in [Shandong, Liaocheng] {
        let mut f = sample(DOwn, profile);
        f.purchaser.level = Some(Level::City);
        f.purchaser.in_jinan = Some(true);
        let found = findings(&f, profile);
        let g7 = found
            .iter()
            .find(|x| x.key == "G7.in_jinan")
            .expect("G7.in_jinan");
        assert!(g7.blocks() && g7.path == "purchaser.level");
        // The form clears the stale answer as soon as the level is edited.
        procurement_route_wizard::domain::asked::tidy(&mut f);
        assert_eq!(f.purchaser.in_jinan, None);
        assert!(!has(&findings(&f, profile), "G7", "G7.in_jinan"));
    }
}

// ---- Citations: each finding cites what grounds it ----

#[test]
fn r3_and_g1_cite_what_grounds_each_finding() {
    let mut f = sample(Agency, Liaocheng);
    f.responsibility.representative.name.clear();
    f.responsibility.representative.no_conflict_declared = false;
    let found = findings(&f, Liaocheng);
    let clause = |key: &str| {
        found
            .iter()
            .find(|x| x.key == key)
            .unwrap()
            .clause
            .en
            .clone()
    };
    assert_eq!(clause("R3.name"), "SD-2020-40 §4");
    assert_eq!(
        clause("R3.conflict"),
        "SD-2020-40 §4; GPL Implementing Regulations, Art. 9"
    );
    let mut f = sample(Agency, Liaocheng);
    f.purchaser.uscc = "11371500004180002K".into();
    let found = findings(&f, Liaocheng);
    let check = found.iter().find(|x| x.key == "G1.check").unwrap();
    assert_eq!(check.clause.en, "GB 32100-2015");
}

// ---- R: purchaser responsibility ----

fails_when!(
    r1_method_is_chosen,
    DOwn,
    Shandong,
    "R1",
    "R1.choose",
    |f| {
        f.responsibility.method = None;
    }
);
fails_when!(
    r1_other_method_above_threshold_needs_approval,
    Agency,
    Liaocheng,
    "R1",
    "R1.approval",
    |f| {
        f.project.budget = "5,000,000".into();
        f.responsibility.method = Some(Method::CompetitiveConsultation);
    }
);
#[test]
fn r1_approval_after_the_planned_date_is_advice() {
    let mut f = sample(Agency, Liaocheng);
    f.project.budget = "5,000,000".into();
    f.project.planned_date = "2026-01-10".into();
    f.responsibility.method = Some(Method::CompetitiveConsultation);
    f.responsibility.approval_ref = "聊财采批〔2026〕3号".into();
    f.responsibility.approval_date = "2026-02-01".into();
    let found = findings(&f, Liaocheng);
    let late = found.iter().find(|x| x.key == "R1.approval_late");
    assert!(
        late.is_some_and(|x| x.severity == Severity::Warning),
        "{found:#?}"
    );
    f.responsibility.approval_date = "2026-01-05".into();
    assert!(!has(&findings(&f, Liaocheng), "R1", "R1.approval_late"));
}

#[test]
fn r1_other_method_below_threshold_needs_no_approval() {
    let mut f = sample(Agency, Liaocheng);
    f.responsibility.method = Some(Method::CompetitiveConsultation);
    assert!(blocking(&findings(&f, Liaocheng)).is_empty());
}
#[test]
fn r1_host_thresholds_override_the_shipped_defaults() {
    use procurement_route_wizard::domain::profile::{ParamsOverride, Profile, Threshold};
    use procurement_route_wizard::domain::rules::check;
    let mut f = sample(Agency, Liaocheng);
    f.responsibility.method = Some(Method::CompetitiveConsultation);
    let o = ParamsOverride {
        many_units: None,
        thresholds: Some(vec![Threshold {
            level: Level::City,
            object: Object::Services,
            valid_from: "2026-01-01".into(),
            valid_to: None,
            public_tender_fen: 100_000_000,
            shipped_default: false,
        }]),
        agencies: None,
    };
    let p = Profile::new(Liaocheng).with_overrides(&o).unwrap();
    assert!(has(&check(&f, &p, common::today()), "R1", "R1.approval"));
}
fails_when!(
    r2_entrusted_matters_are_stated,
    JVoluntary,
    Liaocheng,
    "R2",
    "R2.matters",
    |f| {
        f.responsibility.entrusted_matters.clear();
    }
);
allowed_when!(
    r2_no_matters_without_an_agency,
    DOwn,
    Liaocheng,
    "R2",
    "R2.matters",
    |f| {
        f.responsibility.uses_agency = Some(false);
        f.responsibility.entrusted_matters.clear();
        f.responsibility.entrustment_ref.clear();
    }
);
fails_when!(
    r3_representative_is_never_vacant,
    Agency,
    Shandong,
    "R3",
    "R3.name",
    |f| {
        f.responsibility.representative.name = "   ".into();
    }
);
fails_when!(
    r3_representative_declares_no_conflict,
    DOwn,
    Liaocheng,
    "R3",
    "R3.conflict",
    |f| {
        f.responsibility.representative.no_conflict_declared = false;
    }
);
fails_when!(
    r4_legal_duties_are_kept_on_full_routes,
    JVoluntary,
    Shandong,
    "R4",
    "R4.declare",
    |f| {
        f.responsibility.keeps_legal_duties = false;
    }
);
fails_when!(
    r4_legal_duties_are_kept_when_joining,
    DJoin,
    Liaocheng,
    "R4",
    "R4.declare",
    |f| {
        f.responsibility.keeps_legal_duties = false;
    }
);
#[test]
fn r_only_r4_is_asked_when_joining_or_through_the_mall() {
    for route in [DJoin, JMall] {
        let f = findings(&sample(route, Shandong), Shandong);
        assert!(has(&f, "R4", "R4.organiser"));
        assert!(!f
            .iter()
            .any(|x| ["R1", "R2", "R3", "R5"].contains(&x.rule.as_str())));
    }
}
fails_when!(
    r5_no_policy_is_a_warning,
    DOwn,
    Shandong,
    "R5",
    "R5.none",
    |f| {
        f.responsibility.policies = Policies::default();
    }
);

// ---- G: every route ----

fails_when!(
    g1_purchaser_code_check_character,
    Agency,
    Liaocheng,
    "G1",
    "G1.check",
    |f| {
        f.purchaser.uscc = "12317500MB1A2B3CXB".into();
    }
);
fails_when!(
    g1_suggests_zero_for_letter_o,
    DOwn,
    Liaocheng,
    "G1",
    "G1.character_suggest",
    |f| {
        f.department.units[0].uscc = "9135O100M000100Y43".into();
    }
);
fails_when!(
    g1_enterprise_code_warns_for_a_purchaser,
    JVoluntary,
    Liaocheng,
    "G1",
    "G1.enterprise",
    |f| {
        f.joint.participants[0].uscc = "91350100M000100Y43".into();
    }
);
fails_when!(
    g2_amounts_have_at_most_two_decimals,
    JMall,
    Shandong,
    "G2",
    "G2.decimals",
    |f| {
        f.mall.participants[0].amount = "1.005".into();
    }
);
fails_when!(
    g2_amounts_are_positive,
    DOwn,
    Shandong,
    "G2",
    "G2.positive",
    |f| {
        f.project.budget = "0".into();
    }
);
fails_when!(
    g3_dates_are_real,
    DJoin,
    Shandong,
    "G3",
    "G3.no_such_day",
    |f| {
        f.join.plan_date = "2026-02-30".into();
    }
);
fails_when!(
    g3_filing_dates_are_not_in_the_future,
    Agency,
    Shandong,
    "G3",
    "G3.future",
    |f| {
        f.agency.plan_date = "2026-11-28".into();
    }
);
fails_when!(
    g4_required_text_is_not_blank,
    JMall,
    Liaocheng,
    "G4",
    "G4.required",
    |f| {
        f.purchaser.name = " \u{3000} ".into();
    }
);
fails_when!(
    g4_text_has_a_sane_length,
    DOwn,
    Liaocheng,
    "G4",
    "G4.too_long",
    |f| {
        f.project.name = "长".repeat(201);
    }
);
fails_when!(
    g4_item_code_agrees_with_the_object,
    Agency,
    Shandong,
    "G4",
    "G4.item_object",
    |f| {
        f.project.item_code = "A02010104".into();
    }
);
fails_when!(
    g4_phone_is_a_real_number,
    DJoin,
    Liaocheng,
    "G4",
    "G4.phone",
    |f| {
        f.purchaser.contact_phone = "12345".into();
    }
);
fails_when!(
    g5_a_filing_names_its_route,
    DOwn,
    Shandong,
    "G5",
    "G5.route",
    |f| {
        f.route = None;
    }
);

#[test]
fn every_finding_names_a_clause_in_both_languages() {
    let mut f = sample(JVoluntary, Shandong);
    f.joint = JointRoute::default();
    f.purchaser = Purchaser::default();
    for profile in [Shandong, Liaocheng] {
        for x in findings(&f, profile) {
            assert!(
                !x.clause.zh.is_empty() && !x.clause.en.is_empty(),
                "{}",
                x.key
            );
            assert!(
                !x.message.zh.contains('{') && !x.message.en.contains('{'),
                "{}",
                x.key
            );
            assert!(!x.message.zh.contains('@'), "{}: {}", x.key, x.message.zh);
        }
    }
}

#[test]
fn profile_differences_cite_the_local_point() {
    let mut f = sample(JVoluntary, Shandong);
    f.joint.agency_kind = Some(AgencyKind::OtherAgent);
    let all = findings(&f, Shandong);
    let j6 = all.iter().find(|x| x.rule == "J6").unwrap();
    assert_eq!(j6.clause.en, "SD-2020-40 §3");
    assert_eq!(j6.clause.zh, "鲁财采〔2020〕40号 第三条");
    let lc = findings(&sample(JVoluntary, Liaocheng), Liaocheng);
    let j9 = lc.iter().find(|x| x.rule == "J9").unwrap();
    assert_eq!(j9.clause.en, "LC-2021-1 §3");
}
