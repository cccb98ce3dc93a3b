//! filing-check: the portal server's re-check of a filing package.
//!
//! Reads a package (a file, or stdin with `-` or no file), verifies its
//! schema version and digest, re-runs the rules under the package's
//! profile, and prints the findings.
//!
//! Exit codes: 0 ready; 1 blocked by error findings; 2 unreadable, too
//! large, unknown version, changed since it was made (digest mismatch), or
//! made under another profile than the one pinned with `--profile`.

use std::io::Read;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use procurement_route_wizard::domain::date::Date;
use procurement_route_wizard::domain::finding::{Finding, Severity};
use procurement_route_wizard::domain::i18n::Lang;
use procurement_route_wizard::domain::json;
use procurement_route_wizard::domain::package::{verify, MAX_PACKAGE_BYTES};
use procurement_route_wizard::domain::profile::{ParamsOverride, Profile, ProfileId};
use procurement_route_wizard::domain::rules::{check, is_invisible_control, is_ready};

const USAGE: &str = "usage: filing-check [FILE|-] [--lang zh|en] [--json] [--params OVERRIDES.json] [--profile shandong|liaocheng]";

struct Options {
    input: Option<String>,
    lang: Lang,
    json: bool,
    params: Option<String>,
    /// The profile this portal files under: a package made under another
    /// is refused, not judged by that profile's looser rules.
    profile: Option<ProfileId>,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        input: None,
        lang: Lang::Zh,
        json: false,
        params: None,
        profile: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => o.json = true,
            "--lang" => {
                let v = args.next().ok_or("--lang needs zh or en")?;
                o.lang = Lang::from_tag(&v).ok_or(format!("unknown language {v:?}"))?;
            }
            "--params" => o.params = Some(args.next().ok_or("--params needs a file")?),
            "--profile" => {
                let v = args.next().ok_or("--profile needs shandong or liaocheng")?;
                o.profile = Some(
                    ProfileId::from_id(&v)
                        .ok_or(format!("unknown profile {v:?}: use shandong or liaocheng"))?,
                );
            }
            "-h" | "--help" => return Err(USAGE.into()),
            _ if o.input.is_none() => o.input = Some(a),
            _ => return Err(format!("unexpected argument {a:?}\n{USAGE}")),
        }
    }
    Ok(o)
}

/// Text from a package, safe to print to a terminal: control and bidi
/// characters (which could rewrite the screen) shown as `\u{…}` escapes.
fn terminal_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_invisible_control(c) || c == '\n' || c == '\t' {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Read at most the limit plus one byte, so an oversized input is refused
/// without reading it all.
fn read_input(path: Option<&str>) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    let limit = MAX_PACKAGE_BYTES as u64 + 1;
    match path {
        None | Some("-") => std::io::stdin().lock().take(limit).read_to_end(&mut buf)?,
        Some(p) => std::fs::File::open(p)?.take(limit).read_to_end(&mut buf)?,
    };
    Ok(buf)
}

fn today() -> Date {
    let ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    Date::china_today(ms)
}

fn severity_word(s: Severity, lang: Lang) -> &'static str {
    match (s, lang) {
        (Severity::Error, Lang::Zh) => "错误",
        (Severity::Warning, Lang::Zh) => "提醒",
        (Severity::Info, Lang::Zh) => "记录",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Info, Lang::En) => "note",
    }
}

fn refuse(json: bool, lang: Lang, err: &str) -> ExitCode {
    let head = if lang == Lang::Zh {
        "无法读取备案包"
    } else {
        "cannot read the package"
    };
    refuse_with(json, head, err)
}

fn refuse_with(json: bool, head: &str, err: &str) -> ExitCode {
    if json {
        println!(
            "{}",
            serde_json::json!({ "ok": false, "exit": 2, "error": format!("{head}: {err}") })
        );
    } else {
        eprintln!("{head}: {}", terminal_safe(err));
    }
    ExitCode::from(2)
}

/// The portal's threshold file, read as strictly as a package.
fn read_params(path: &str, profile: &Profile, lang: Lang) -> Result<Profile, String> {
    const MAX_PARAMS_BYTES: usize = 1024 * 1024;
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let value = json::parse(&bytes, MAX_PARAMS_BYTES).map_err(|e| e.message(lang))?;
    let o = ParamsOverride::from_value(&value).map_err(|e| format!("{}: {}", e.field, e.reason))?;
    profile
        .clone()
        .with_overrides(&o)
        .map_err(|e| format!("{}: {}", e.field, e.reason))
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let bytes = match read_input(opts.input.as_deref()) {
        Ok(b) => b,
        Err(e) => return refuse(opts.json, opts.lang, &e.to_string()),
    };
    let package = match verify(&bytes) {
        Ok(p) => p,
        Err(e) => return refuse(opts.json, opts.lang, &e.message(opts.lang)),
    };
    if let Some(pinned) = opts.profile {
        if pinned != package.profile {
            let (made, want) = (package.profile.id(), pinned.id());
            let why = match opts.lang {
                Lang::Zh => format!("备案包按“{made}”规则制作，本门户按“{want}”检查（--profile）"),
                Lang::En => format!(
                    "the package was made under profile \"{made}\", this portal checks under \"{want}\" (--profile)"
                ),
            };
            return refuse(opts.json, opts.lang, &why);
        }
    }
    let mut profile = Profile::new(package.profile);
    if let Some(path) = &opts.params {
        match read_params(path, &profile, opts.lang) {
            Ok(p) => profile = p,
            Err(e) => {
                let head = match opts.lang {
                    Lang::Zh => format!("无法读取参数文件 {path}（--params）"),
                    Lang::En => format!("cannot read the params file {path} (--params)"),
                };
                return refuse_with(opts.json, &head, &e);
            }
        }
    }
    let findings: Vec<Finding> = check(&package.filing, &profile, today());
    let ready = is_ready(&findings);
    let matches = findings == package.findings && ready == package.ready;
    let code = if ready { 0 } else { 1 };

    if opts.json {
        let out = serde_json::json!({
            "ok": true,
            "exit": code,
            "ready": ready,
            "profile": package.profile,
            "route": package.route,
            "rules_version": package.rules_version,
            "findings_match_package": matches,
            "findings": findings,
        });
        println!("{out}");
    } else {
        let lang = opts.lang;
        for f in &findings {
            println!(
                "{} [{}] {} — {} ({})",
                severity_word(f.severity, lang),
                f.rule,
                terminal_safe(f.text(lang)),
                f.clause_text(lang),
                terminal_safe(&f.path)
            );
        }
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let warnings = findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count();
        if !matches {
            println!(
                "{}",
                if lang == Lang::Zh {
                    "注意：重新检查的结果与备案包中记录的不同（日期或参数变化）"
                } else {
                    "note: the re-check differs from the findings recorded in the package (date or parameters changed)"
                }
            );
        }
        match (lang, ready) {
            (Lang::Zh, true) => println!("可以提交：{errors} 个错误，{warnings} 个提醒"),
            (Lang::Zh, false) => println!("不能提交：{errors} 个错误，{warnings} 个提醒"),
            (Lang::En, true) => println!("ready: {errors} errors, {warnings} warnings"),
            (Lang::En, false) => println!("blocked: {errors} errors, {warnings} warnings"),
        }
    }
    ExitCode::from(code)
}
