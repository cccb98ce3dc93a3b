//! The native checker as a portal server runs it: exit codes, languages,
//! JSON output, refusals.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use procurement_route_wizard::domain::package::{build, EXAMPLE_TIME_MS};
use procurement_route_wizard::domain::profile::{Profile, ProfileId};
use procurement_route_wizard::domain::route::RouteId;
use procurement_route_wizard::domain::sample::sample;

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_filing-check"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The checker may refuse before reading everything: ignore a broken pipe.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn package_bytes(
    route: RouteId,
    profile: ProfileId,
    mutate: impl FnOnce(&mut procurement_route_wizard::domain::model::Filing),
) -> Vec<u8> {
    let mut f = sample(route, profile);
    mutate(&mut f);
    serde_json::to_vec(&build(&f, &Profile::new(profile), EXAMPLE_TIME_MS).unwrap()).unwrap()
}

#[test]
fn ready_package_exits_0_with_a_chinese_summary() {
    let out = run(
        &[],
        &package_bytes(RouteId::JVoluntary, ProfileId::Liaocheng, |_| {}),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("可以提交"), "{text}");
    assert!(text.contains("聊财采〔2021〕1号 第三条"), "{text}");
}

#[test]
fn blocked_package_exits_1_and_names_rule_and_clause_in_english() {
    let bytes = package_bytes(RouteId::JVoluntary, ProfileId::Shandong, |f| {
        f.joint.agency_kind = Some(procurement_route_wizard::domain::model::AgencyKind::OtherAgent);
    });
    let out = run(&["-", "--lang", "en"], &bytes);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("error [J6]") && text.contains("SD-2020-40 §3"),
        "{text}"
    );
    assert!(text.contains("blocked: 1 error, 0 warnings"), "{text}");
}

#[test]
fn json_output_carries_findings_and_agreement_with_the_package() {
    let out = run(
        &["--json"],
        &package_bytes(RouteId::Agency, ProfileId::Shandong, |_| {}),
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ready"], true);
    assert_eq!(v["route"], "A");
    assert!(v["findings"].as_array().is_some_and(|f| !f.is_empty()));
}

#[test]
fn tampered_unknown_and_garbage_inputs_exit_2() {
    let mut v: serde_json::Value =
        serde_json::from_slice(&package_bytes(RouteId::DOwn, ProfileId::Shandong, |_| {})).unwrap();
    v["filing"]["project"]["budget"] = "1".into();
    let out = run(&[], &serde_json::to_vec(&v).unwrap());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("digest"));

    v["schema_version"] = "9".into();
    assert_eq!(
        run(&["--json"], &serde_json::to_vec(&v).unwrap())
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&[], b"\xff\xfe garbage").status.code(), Some(2));
    assert_eq!(run(&["/no/such/file.json"], b"").status.code(), Some(2));
}

#[test]
fn oversized_input_is_refused_quickly() {
    let big = vec![b'['; 9 * 1024 * 1024];
    let start = std::time::Instant::now();
    let out = run(&[], &big);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("超过"));
    // Not a timed assertion on speed: only that it did not parse 9 MB of nesting.
    let _ = start.elapsed();
}

#[test]
fn host_threshold_overrides_apply_on_the_server_too() {
    let dir = std::env::temp_dir().join(format!("fc-params-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let params = dir.join("params.json");
    std::fs::write(
        &params,
        r#"{"thresholds":[{"level":"city","object":"services","valid_from":"2026-01-01","public_tender_fen":100000000}]}"#,
    )
    .unwrap();
    let bytes = package_bytes(RouteId::Agency, ProfileId::Liaocheng, |f| {
        f.responsibility.method =
            Some(procurement_route_wizard::domain::values::Method::CompetitiveConsultation);
    });
    let out = run(&["--json", "--params", params.to_str().unwrap()], &bytes);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["findings_match_package"], false);
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["key"] == "R1.approval"));
    std::fs::write(&params, r#"{"many_units": 0}"#).unwrap();
    let out = run(&["--params", params.to_str().unwrap()], &bytes);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("many_units"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The portal pins its profile: a package made under another one is
/// refused (exit 2, both named), never judged by that profile's rules.
#[test]
fn a_pinned_profile_refuses_packages_made_under_another() {
    // Blocked under shandong (J6: a social agency), ready under liaocheng.
    let bytes = package_bytes(RouteId::JVoluntary, ProfileId::Liaocheng, |f| {
        f.joint.agency_kind = Some(procurement_route_wizard::domain::model::AgencyKind::OtherAgent);
    });
    assert_eq!(run(&[], &bytes).status.code(), Some(0));
    assert_eq!(
        run(&["--profile", "liaocheng"], &bytes).status.code(),
        Some(0)
    );
    let out = run(&["--profile", "shandong", "--lang", "en"], &bytes);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("\"liaocheng\"") && err.contains("\"shandong\""),
        "{err}"
    );
    let out = run(&["--profile", "shandong"], &bytes);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("“liaocheng”") && err.contains("“shandong”"),
        "{err}"
    );
    let out = run(&["--profile", "shandong", "--json"], &bytes);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["exit"], 2);
    assert_eq!(
        run(&["--profile", "beijing"], &bytes).status.code(),
        Some(2)
    );
}

/// Text from the package never reaches the terminal raw: an escape
/// sequence or a bidi override in a field is printed as an escape.
#[test]
fn control_characters_are_escaped_in_terminal_output() {
    let bytes = package_bytes(RouteId::JVoluntary, ProfileId::Liaocheng, |f| {
        f.purchaser.uscc = "\u{1b}[2J\u{202E}".into();
        f.responsibility.policies.other = "节能\u{202E}gpj.exe".into();
    });
    let out = run(&["--lang", "en"], &bytes);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202E}'),
        "{text}"
    );
    assert!(text.contains("responsibility.policies.other"), "{text}");
}

/// Strict JSON at the checker: a duplicate key is exit 2 with its path, in
/// the chosen language; a params file's refusal says it is the params file.
#[test]
fn strict_json_refusals_name_the_key_and_the_file() {
    let text = String::from_utf8(package_bytes(
        RouteId::JVoluntary,
        ProfileId::Liaocheng,
        |_| {},
    ))
    .unwrap();
    let doubled = text.replacen("\"budget\":", "\"budget\":\"1.00\",\"budget\":", 1);
    let out = run(&[], doubled.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("filing.project：键“budget”出现了两次"),
        "{err}"
    );
    let out = run(&["--lang", "en", "--json"], doubled.as_bytes());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        json["error"]
            .as_str()
            .unwrap()
            .contains("filing.project: key \"budget\" appears twice"),
        "{json}"
    );

    let dir = std::env::temp_dir().join(format!("prw-params-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let params = dir.join("thresholds.json");
    std::fs::write(&params, r#"{"many_units": 5, "many_units": 6}"#).unwrap();
    let out = run(&["--params", params.to_str().unwrap()], text.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("无法读取参数文件") && err.contains("many_units") && !err.contains("备案包"),
        "{err}"
    );
    let out = run(
        &["--params", params.to_str().unwrap(), "--lang", "en"],
        text.as_bytes(),
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("cannot read the params file"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A package edited with its digest recomputed is refused by the command
/// too (exit 2), naming the field in the chosen language.
#[test]
fn a_forged_summary_exits_2_naming_the_field() {
    use procurement_route_wizard::domain::package::digest_of;
    let mut p = build(
        &sample(RouteId::JVoluntary, ProfileId::Liaocheng),
        &Profile::new(ProfileId::Liaocheng),
        EXAMPLE_TIME_MS,
    )
    .unwrap();
    p.summary.budget_fen = Some(1);
    p.digest = digest_of(&p).unwrap();
    let bytes = serde_json::to_vec(&p).unwrap();
    let out = run(&["--lang", "en"], &bytes);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("summary.budget_fen is 1 but the filing gives 120000000"),
        "{err}"
    );
    let out = run(&[], &bytes);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("summary.budget_fen 为 1，但按备案内容应为 120000000"),
        "{err}"
    );
}

const HAIDAI: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/profile-haidai.json"
);

fn haidai_package() -> Vec<u8> {
    use procurement_route_wizard::domain::profile::ProfileDef;
    let def = std::sync::Arc::new(ProfileDef::parse(&std::fs::read(HAIDAI).unwrap()).unwrap());
    let f = procurement_route_wizard::domain::sample::sample_under(RouteId::Agency, &def, 3);
    serde_json::to_vec(&build(&f, &Profile::from_def(def), EXAMPLE_TIME_MS).unwrap()).unwrap()
}

#[test]
fn a_portals_profile_file_is_validated_and_judges_its_packages() {
    let out = run(
        &[
            "--profile-file",
            HAIDAI,
            "--validate-profile",
            "--lang",
            "en",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("valid profile: haidai (sha256:"), "{text}");

    // Without the file the checker does not know the profile: not judged.
    let bytes = haidai_package();
    let out = run(&["--json"], &bytes);
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["code"], "unknown_profile");
    // With it, judged under its clauses, and pinned to it.
    let out = run(&["--profile-file", HAIDAI, "--profile", "haidai"], &bytes);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("海财采〔2025〕3号 第二条"), "{text}");
}

#[test]
fn a_broken_profile_file_exits_2_naming_the_field() {
    let dir = std::env::temp_dir().join(format!("prw-profile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("city.json");
    let text = std::fs::read_to_string(HAIDAI).unwrap();
    std::fs::write(&path, text.replace(r#""G7": ["#, r#""G8": ["#)).unwrap();
    let out = run(
        &[
            "--profile-file",
            path.to_str().unwrap(),
            "--validate-profile",
            "--lang",
            "en",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("clauses.G8") && err.contains("no such rule"),
        "{err}"
    );
    std::fs::write(
        &path,
        text.replacen(r#""format": 1,"#, r#""format": 1, "format": 1,"#, 1),
    )
    .unwrap();
    let out = run(
        &[
            "--profile-file",
            path.to_str().unwrap(),
            "--validate-profile",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("format"));
    // A pinned id the checker does not have.
    let out = run(&["--profile", "haidai"], b"{}");
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_portals_agency_directory_in_params_judges_a_named_centre() {
    use procurement_route_wizard::domain::sample::synthetic_uscc;
    let dir = std::env::temp_dir().join(format!("prw-agencies-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let params = dir.join("params.json");
    let code = synthetic_uscc(5_000_009, "12", "370000");
    std::fs::write(
        &params,
        format!(r#"{{"agencies":[{{"name":"山东省政府采购中心","level":"province","region":"37","uscc":"{code}","role":"provincial_centre"}}]}}"#),
    )
    .unwrap();
    let bytes = package_bytes(RouteId::Agency, ProfileId::Shandong, |_| {});
    let plain = run(&["--lang", "en"], &bytes);
    assert_eq!(plain.status.code(), Some(0));
    let out = run(
        &["--lang", "en", "--params", params.to_str().unwrap()],
        &bytes,
    );
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[A8]") && text.contains(&code), "{text}");
    std::fs::remove_dir_all(&dir).ok();
}
