//! Which questions a filing asks, given its answers and its profile. The
//! form shows exactly these and the rules read the same predicates, so a
//! page cannot ask what the checker ignores or skip what it requires.

use super::model::{AgencyChoice, Filing};
use super::profile::Profile;
use super::route::RouteId;
use super::values::{Level, Method};

/// SD §4 in full: D-own, A and J-voluntary (the organiser or the mall
/// sets method, documents and evaluation in D-join and J-mall).
pub fn full_responsibility(f: &Filing) -> bool {
    f.route.is_some_and(RouteId::full_responsibility)
}

/// An agency runs the procurement: always on A and J-voluntary, on D-own
/// when the purchaser says so.
pub fn uses_agency(f: &Filing) -> bool {
    full_responsibility(f)
        && (f.route != Some(RouteId::DOwn) || f.responsibility.uses_agency == Some(true))
}

/// A3: a reason for the provincial or Jinan centre, where the profile asks
/// for one (the provincial notice alone; A3-LC: Liaocheng units need none).
pub fn a3_reason(f: &Filing, p: &Profile) -> bool {
    p.def.a3_reason_required
        && matches!(
            f.agency.choice,
            Some(AgencyChoice::ProvincialCentre | AgencyChoice::JinanCentre)
        )
}

/// R1's approval: only for a method other than public tender.
pub fn approval(f: &Filing) -> bool {
    full_responsibility(f)
        && f.responsibility
            .method
            .is_some_and(|m| m != Method::PublicTender)
}

/// Clear answers to questions the filing no longer asks where keeping
/// them would contradict another answer: 驻济 once the unit is not a
/// provincial one (G7). Run after every edit; every other answer is kept,
/// so switching a route and back loses nothing.
pub fn tidy(f: &mut Filing) {
    if f.purchaser.level.is_some_and(|l| l != Level::Province) {
        f.purchaser.in_jinan = None;
    }
}

/// A path with its row indexes left out: `joint.participants[2].uscc` →
/// `joint.participants.uscc`.
pub fn without_rows(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            c if !in_index => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether the form asks the field at `path` (rows by index) now.
pub fn asked(path: &str, f: &Filing, p: &Profile) -> bool {
    let path = without_rows(path);
    match path.as_str() {
        "purchaser.in_jinan" => f.purchaser.level == Some(Level::Province),
        "agency.a3_reason" => a3_reason(f, p),
        "agency.reason_detail" => a3_reason(f, p) && f.agency.a3_reason.is_some(),
        "responsibility.approval_ref" | "responsibility.approval_date" => approval(f),
        "responsibility.uses_agency" => f.route == Some(RouteId::DOwn),
        "responsibility.entrusted_matters"
        | "responsibility.entrustment_ref"
        | "responsibility.entrustment_date" => uses_agency(f),
        "responsibility.keeps_legal_duties" => true,
        // The mall sets no level; only J-voluntary asks each budget source (J5).
        "mall.participants.level"
        | "department.units.budget_source"
        | "mall.participants.budget_source" => false,
        p if p.starts_with("responsibility.") => full_responsibility(f),
        _ => true,
    }
}
