//! Helpers shared by the native integration tests.
#![allow(dead_code)]

use procurement_route_wizard::domain::date::Date;
use procurement_route_wizard::domain::finding::{Finding, Severity};
use procurement_route_wizard::domain::model::Filing;
use procurement_route_wizard::domain::profile::{Profile, ProfileId};
use procurement_route_wizard::domain::rules::check;

/// The fixed "today" of the tests (China time).
pub fn today() -> Date {
    Date::new(2026, 11, 27).unwrap()
}

pub fn findings(f: &Filing, profile: ProfileId) -> Vec<Finding> {
    check(f, &Profile::new(profile), today())
}

pub fn has(findings: &[Finding], rule: &str, key: &str) -> bool {
    findings.iter().any(|f| f.rule == rule && f.key == key)
}

pub fn blocking(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .map(|f| format!("{} {} {} {}", f.rule, f.key, f.path, f.message.en))
        .collect()
}

/// The package of a sample filing, built at the examples' fixed time.
pub fn package(
    route: procurement_route_wizard::domain::route::RouteId,
    profile: ProfileId,
) -> procurement_route_wizard::domain::package::Package {
    procurement_route_wizard::domain::package::build(
        &procurement_route_wizard::domain::sample::sample(route, profile),
        &Profile::new(profile),
        procurement_route_wizard::domain::package::EXAMPLE_TIME_MS,
    )
    .unwrap()
}
