//! Old packages keep verifying. `tests/compat/<version>/` holds the packages
//! each release produced (one per route × profile); every one of every
//! version must still be read, digest-checked and judged the same — `ready`
//! and the rule ids of its findings — by the current checker.
//!
//! A rules change may change a verdict on purpose (a rule added or
//! tightened, `RULES_VERSION` bumped). Then the new verdict is recorded in
//! `tests/compat/<version>/verdicts.json` with the rule that causes it:
//! `{ "A.shandong.json": { "ready": false, "rules": ["A0", "A7"], "because": "A0" } }`.
//! A change that makes an old package unreadable fails here unless
//! `schema_version` changes.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

use procurement_route_wizard::domain::date::Date;
use procurement_route_wizard::domain::finding::Finding;
use procurement_route_wizard::domain::package::verify;
use procurement_route_wizard::domain::profile::{known, Profile};
use procurement_route_wizard::domain::rules::check;

fn compat_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/compat")
}

/// Today in China, as the checker reads it: old packages are judged on the
/// day the test runs, like a portal would judge them.
fn today() -> Date {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    Date::china_today(ms)
}

fn rule_ids(findings: &[Finding]) -> BTreeSet<String> {
    findings.iter().map(|f| f.rule.clone()).collect()
}

/// (ready, rule ids) as the current checker judges `bytes`, or why it
/// cannot read them.
fn judge(bytes: &[u8]) -> Result<(bool, BTreeSet<String>, bool, BTreeSet<String>), String> {
    let package = verify(bytes).map_err(|e| e.to_string())?;
    let findings = check(
        &package.filing,
        &Profile::from_def(known(&package.profile, None).ok_or("unknown profile")?),
        today(),
    );
    let ready = !findings
        .iter()
        .any(|f| f.severity == procurement_route_wizard::domain::finding::Severity::Error);
    Ok((
        package.ready,
        rule_ids(&package.findings),
        ready,
        rule_ids(&findings),
    ))
}

/// Every released package is read and judged as it was, or as its
/// recorded intended change says.
#[test]
fn every_released_package_is_still_read_and_judged_the_same() {
    let mut checked = 0;
    let mut versions: Vec<PathBuf> = std::fs::read_dir(compat_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    versions.sort();
    assert!(
        !versions.is_empty(),
        "no released packages under tests/compat"
    );
    for dir in versions {
        let version = dir.file_name().unwrap().to_string_lossy().to_string();
        let intended: BTreeMap<String, Value> = std::fs::read_to_string(dir.join("verdicts.json"))
            .map(|t| serde_json::from_str(&t).expect("verdicts.json is JSON"))
            .unwrap_or_default();
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|n| n.ends_with(".json") && n != "verdicts.json")
            .collect();
        names.sort();
        assert!(!names.is_empty(), "{version}: no packages");
        for name in names {
            let bytes = std::fs::read(dir.join(&name)).unwrap();
            let (was_ready, was_rules, ready, rules) = judge(&bytes).unwrap_or_else(|e| {
                panic!("{version}/{name} is no longer read: {e} (an old package must stay readable unless schema_version changes)")
            });
            match intended.get(&name) {
                None => {
                    assert_eq!(
                        (ready, &rules),
                        (was_ready, &was_rules),
                        "{version}/{name}: the verdict changed; if the rules changed on purpose, record the new verdict and the rule that causes it in {version}/verdicts.json"
                    );
                }
                Some(change) => {
                    let want_ready = change["ready"].as_bool().expect("ready");
                    let want: BTreeSet<String> = change["rules"]
                        .as_array()
                        .expect("rules")
                        .iter()
                        .map(|r| r.as_str().expect("rule id").to_string())
                        .collect();
                    let because = change["because"].as_str().expect("because");
                    assert_eq!((ready, &rules), (want_ready, &want), "{version}/{name}");
                    assert!(rules.contains(because) && !was_rules.contains(because), "{version}/{name}: {because} must be the new finding that changes the verdict");
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 10, "{checked} packages checked");
}

/// The test can fail: a committed package changed by one character is
/// refused (digest), and one whose recorded verdict is edited is judged
/// differently from what it says.
#[test]
fn a_changed_old_package_is_caught() {
    let path = compat_dir().join("0.1.0/J-voluntary.liaocheng.json");
    let text = std::fs::read_to_string(path).unwrap();
    let changed = text.replacen("\"budget\": \"", "\"budget\": \"1", 1);
    assert_ne!(changed, text);
    assert!(judge(changed.as_bytes()).unwrap_err().contains("digest"));
    let (was_ready, was_rules, ready, rules) = judge(text.as_bytes()).unwrap();
    assert_eq!((was_ready, was_rules), (ready, rules));
}
