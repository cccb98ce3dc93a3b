//! filing-check: the portal server's re-check of a filing package.
//!
//! `filing-check [FILE|-]` reads a package (a file, or stdin), verifies its
//! schema version and digest, re-runs the rules under the package's profile
//! and prints the findings. `filing-check serve` answers the same over HTTP
//! (see `serve.rs`).
//!
//! Exit codes: 0 ready; 1 blocked by error findings; 2 unreadable, too
//! large, unknown version, changed since it was made (digest mismatch), or
//! made under another profile than the one pinned with `--profile`, or
//! under a profile (or a profile text) this checker does not have.
//!
//! `--profile-file city.json` adds a portal's own profile to the shipped
//! ones; with `--validate-profile` the file is only checked.

// The release binary is static (musl), whose allocator halves the
// service's throughput under concurrency; mimalloc restores it.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

// The service is native only (tokio); the wasm32 test build compiles this
// binary too.
#[cfg(not(target_arch = "wasm32"))]
mod serve;

use std::io::Read;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use procurement_route_wizard::domain::date::Date;
use procurement_route_wizard::domain::finding::Severity;
use procurement_route_wizard::domain::i18n::Lang;
use procurement_route_wizard::domain::json;
use procurement_route_wizard::domain::package::MAX_PACKAGE_BYTES;
use std::sync::Arc;

use procurement_route_wizard::domain::profile::{
    known, shipped, ParamsOverride, Profile, ProfileDef, MAX_PROFILE_BYTES,
};
use procurement_route_wizard::domain::rules::is_invisible_control;
use procurement_route_wizard::domain::verdict::{judge, Policy, Refusal};

const USAGE: &str = "usage:
  filing-check [FILE|-] [--lang zh|en] [--json] [--params THRESHOLDS.json] [--profile ID]
               [--profile-file CITY.json]
  filing-check --profile-file CITY.json --validate-profile [--lang zh|en] [--json]
  filing-check serve [--listen 127.0.0.1:8787] [--params THRESHOLDS.json] [--profile ID]
                     [--profile-file CITY.json] [--max-body 2MiB] [--max-concurrency 64]

--profile pins the profile a package must be made under: shandong, liaocheng, or the id
of --profile-file (a portal's own profile, known beside the shipped ones).

exit codes: 0 ready (or a valid profile), 1 blocked by error findings, 2 not judged
(unreadable, too large, unknown version, digest mismatch, another profile than --profile,
a profile or profile text this checker does not have, an invalid profile file)";

struct Options {
    input: Option<String>,
    lang: Lang,
    json: bool,
    params: Option<String>,
    profile: Option<String>,
    profile_file: Option<String>,
    validate_profile: bool,
}

/// What the command line asks for.
enum Command {
    Check(Options),
    #[cfg(not(target_arch = "wasm32"))]
    Serve(serve::Settings),
    Help,
}

fn profile_arg(v: Option<String>) -> Result<String, String> {
    v.ok_or_else(|| {
        "--profile needs a profile id (shandong, liaocheng, or --profile-file's)".into()
    })
}

/// A portal's profile file, read as strictly as a package.
pub fn read_profile(path: &str, lang: Lang) -> Result<Arc<ProfileDef>, String> {
    let head = match lang {
        Lang::Zh => format!("无法读取规则文件 {path}（--profile-file）"),
        Lang::En => format!("cannot read the profile file {path} (--profile-file)"),
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_PROFILE_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("{head}: {e}"))?;
    ProfileDef::parse(&bytes)
        .map(Arc::new)
        .map_err(|e| format!("{head}: {}", e.message(lang)))
}

/// `--profile` must name a profile this checker has.
pub fn pinned_profile(
    id: Option<String>,
    extra: Option<&Arc<ProfileDef>>,
) -> Result<Option<String>, String> {
    match id {
        Some(id) if known(&id, extra).is_none() => {
            let mut ids: Vec<&str> = shipped().iter().map(|d| d.id.as_str()).collect();
            ids.extend(extra.map(|d| d.id.as_str()));
            Err(format!("unknown profile {id:?}: use {}", ids.join(", ")))
        }
        id => Ok(id),
    }
}

fn parse_args() -> Result<Command, String> {
    let mut args = std::env::args().skip(1).peekable();
    #[cfg(not(target_arch = "wasm32"))]
    if args.peek().map(String::as_str) == Some("serve") {
        args.next();
        return serve::Settings::parse(args).map(Command::Serve);
    }
    let mut o = Options {
        input: None,
        lang: Lang::Zh,
        json: false,
        params: None,
        profile: None,
        profile_file: None,
        validate_profile: false,
    };
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => o.json = true,
            "--lang" => {
                let v = args.next().ok_or("--lang needs zh or en")?;
                o.lang = Lang::from_tag(&v).ok_or(format!("unknown language {v:?}"))?;
            }
            "--params" => o.params = Some(args.next().ok_or("--params needs a file")?),
            "--profile" => o.profile = Some(profile_arg(args.next())?),
            "--profile-file" => {
                o.profile_file = Some(args.next().ok_or("--profile-file needs a file")?)
            }
            "--validate-profile" => o.validate_profile = true,
            "-h" | "--help" => return Ok(Command::Help),
            _ if o.input.is_none() => o.input = Some(a),
            _ => return Err(format!("unexpected argument {a:?}\n{USAGE}")),
        }
    }
    Ok(Command::Check(o))
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

pub fn today() -> Date {
    let ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    Date::china_today(ms)
}

/// The portal's threshold file, read as strictly as a package.
pub fn read_params(
    path: &str,
    lang: Lang,
    extra: Option<&Arc<ProfileDef>>,
) -> Result<ParamsOverride, String> {
    const MAX_PARAMS_BYTES: usize = 1024 * 1024;
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let value = json::parse(&bytes, MAX_PARAMS_BYTES).map_err(|e| e.message(lang))?;
    let o = ParamsOverride::from_value(&value).map_err(|e| e.message(lang))?;
    // Applied once here, so a bad value is reported now, not per package.
    for def in shipped().iter().chain(extra) {
        Profile::from_def(def.clone())
            .with_overrides(&o)
            .map_err(|e| e.message(lang))?;
    }
    Ok(o)
}

pub fn params_head(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("无法读取参数文件 {path}（--params）"),
        Lang::En => format!("cannot read the params file {path} (--params)"),
    }
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

fn refuse(o: &Options, r: &Refusal) -> ExitCode {
    if o.json {
        println!("{}", r.to_json(o.lang));
        return ExitCode::from(2);
    }
    let head = match o.lang {
        Lang::Zh => "无法读取备案包",
        Lang::En => "cannot read the package",
    };
    eprintln!("{head}: {}", terminal_safe(r.message(o.lang)));
    ExitCode::from(2)
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `--validate-profile`: say whether the file is a profile this checker
/// reads, with the id and digest packages made under it record.
fn validate_profile(o: &Options, extra: Option<&Arc<ProfileDef>>) -> ExitCode {
    let Some(def) = extra else {
        return refuse_with(o.json, "--validate-profile", "needs --profile-file");
    };
    if o.json {
        println!(
            "{}",
            serde_json::json!({ "ok": true, "profile": def.id, "profile_digest": def.digest })
        );
    } else {
        match o.lang {
            Lang::Zh => println!("规则文件有效：{}（{}）", def.id, def.digest),
            Lang::En => println!("valid profile: {} ({})", def.id, def.digest),
        }
    }
    ExitCode::SUCCESS
}

fn check_one(o: Options) -> ExitCode {
    let extra = match o.profile_file.as_deref().map(|p| read_profile(p, o.lang)) {
        None => None,
        Some(Ok(def)) => Some(def),
        Some(Err(e)) => return refuse_with(o.json, "--profile-file", &e),
    };
    if o.validate_profile {
        return validate_profile(&o, extra.as_ref());
    }
    let pinned = match pinned_profile(o.profile.clone(), extra.as_ref()) {
        Ok(p) => p,
        Err(e) => return refuse_with(o.json, "--profile", &e),
    };
    let mut policy = Policy {
        pinned,
        overrides: None,
        extra,
    };
    if let Some(path) = &o.params {
        match read_params(path, o.lang, policy.extra.as_ref()) {
            Ok(p) => policy.overrides = Some(p),
            Err(e) => return refuse_with(o.json, &params_head(path, o.lang), &e),
        }
    }
    let bytes = match read_input(o.input.as_deref()) {
        Ok(b) => b,
        Err(e) => {
            let head = match o.lang {
                Lang::Zh => "无法读取备案包",
                Lang::En => "cannot read the package",
            };
            return refuse_with(o.json, head, &e.to_string());
        }
    };
    let verdict = match judge(&bytes, &policy, today()) {
        Ok(v) => v,
        Err(r) => return refuse(&o, &r),
    };
    if o.json {
        println!("{}", verdict.to_json());
        return ExitCode::from(verdict.exit());
    }
    let lang = o.lang;
    for f in &verdict.findings {
        println!(
            "{} [{}] {} — {} ({})",
            severity_word(f.severity, lang),
            f.rule,
            terminal_safe(f.text(lang)),
            f.clause_text(lang),
            terminal_safe(&f.path)
        );
    }
    if !verdict.findings_match_package {
        println!(
            "{}",
            match lang {
                Lang::Zh => "注意：重新检查的结果与备案包中记录的不同（日期或参数变化）",
                Lang::En => "note: the re-check differs from the findings recorded in the package (date or parameters changed)",
            }
        );
    }
    if verdict.rules_version_differs() {
        let (made, now) = (
            &verdict.package.rules_version,
            procurement_route_wizard::domain::rules::RULES_VERSION,
        );
        println!(
            "{}",
            match lang {
                Lang::Zh => format!("注意：备案包按规则版本 {made} 制作，现按规则版本 {now} 检查"),
                Lang::En => format!(
                    "note: the package was made under rules {made} and is judged by rules {now}"
                ),
            }
        );
    }
    let (errors, warnings) = (verdict.errors(), verdict.warnings());
    match (lang, verdict.ready) {
        (Lang::Zh, true) => println!("可以提交：{errors} 个错误，{warnings} 个提醒"),
        (Lang::Zh, false) => println!("不能提交：{errors} 个错误，{warnings} 个提醒"),
        (Lang::En, ready) => println!(
            "{}: {}, {}",
            if ready { "ready" } else { "blocked" },
            count(errors, "error", "errors"),
            count(warnings, "warning", "warnings")
        ),
    }
    ExitCode::from(verdict.exit())
}

fn main() -> ExitCode {
    match parse_args() {
        Ok(Command::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Check(o)) => check_one(o),
        #[cfg(not(target_arch = "wasm32"))]
        Ok(Command::Serve(settings)) => serve::run(settings),
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
