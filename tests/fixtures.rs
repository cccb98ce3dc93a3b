//! Packages the service and Node tests send, built from the samples and
//! committed so those tests need no Rust: a 1,000-purchaser package (the
//! largest realistic one), a 3-purchaser one, a blocked one and one made
//! under the test city's profile (`profile-haidai.json`). A test
//! fails while they are stale; `UPDATE_FIXTURES=1 cargo test --test
//! fixtures` writes them.

#![cfg(not(target_arch = "wasm32"))]

use procurement_route_wizard::domain::model::AgencyKind;
use procurement_route_wizard::domain::package::{build, EXAMPLE_TIME_MS};
use procurement_route_wizard::domain::profile::ProfileDef;
use procurement_route_wizard::domain::profile::{Profile, ProfileId};
use procurement_route_wizard::domain::route::RouteId;
use procurement_route_wizard::domain::sample::{sample_under, sample_with};

fn fixtures() -> Vec<(&'static str, String)> {
    let make = |count: u32, profile: ProfileId, blocked: bool| {
        let mut f = sample_with(RouteId::JVoluntary, profile, count);
        if blocked {
            // J6: a social agency is not allowed under shandong.
            f.joint.agency_kind = Some(AgencyKind::OtherAgent);
        }
        let p = build(&f, &Profile::new(profile), EXAMPLE_TIME_MS).unwrap();
        let mut text = serde_json::to_string_pretty(&p).unwrap();
        text.push('\n');
        text
    };
    let haidai = std::sync::Arc::new(
        ProfileDef::parse(include_bytes!("fixtures/profile-haidai.json")).unwrap(),
    );
    let city = build(
        &sample_under(RouteId::Agency, &haidai, 3),
        &Profile::from_def(haidai),
        EXAMPLE_TIME_MS,
    )
    .unwrap();
    let mut city = serde_json::to_string_pretty(&city).unwrap();
    city.push('\n');
    vec![
        ("A.haidai.json", city),
        ("J-voluntary.3.json", make(3, ProfileId::Liaocheng, false)),
        (
            "J-voluntary.1000.json",
            make(1000, ProfileId::Liaocheng, false),
        ),
        (
            "J-voluntary.blocked.json",
            make(3, ProfileId::Shandong, true),
        ),
    ]
}

#[test]
fn committed_fixtures_are_current() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (name, text) in fixtures() {
        let path = dir.join(name);
        if std::env::var_os("UPDATE_FIXTURES").is_some() {
            std::fs::write(&path, &text).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == text,
            "tests/fixtures/{name} is stale: UPDATE_FIXTURES=1 cargo test --test fixtures"
        );
    }
}
