//! `filing-check serve`: the same judgement over HTTP, for portal servers
//! in any language. axum on tokio; tower's concurrency limit and
//! tower-http's timeout around it.
//!
//! | request | answer |
//! |---|---|
//! | `POST /v1/check` (`?lang=en`), `Content-Type: application/json` | 200 with `filing-check --json`'s body (ready or blocked: the verdict is in the body) |
//! | body not strict JSON, not a v1 package | 400 |
//! | body over `--max-body` | 413, refused while it streams in |
//! | no JSON content type | 415 |
//! | unknown `schema_version`, digest mismatch, another profile than `--profile` | 422 |
//! | `GET /healthz`, `/v1/schema`, `/v1/version` | 200 |
//!
//! Every error body is `{ ok: false, exit: 2, code, error, message: { zh-CN, en } }`.
//! One JSON access-log line per request goes to stderr — never the
//! filing's contents (names, codes and phone numbers are personal data).

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::{to_bytes, Body};
use axum::extract::{Query, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

use procurement_route_wizard::domain::date::rfc3339_utc;
use procurement_route_wizard::domain::i18n::Lang;
use procurement_route_wizard::domain::package::{json_schema, MAX_PACKAGE_BYTES, SCHEMA_VERSION};
use procurement_route_wizard::domain::rules::RULES_VERSION;
use procurement_route_wizard::domain::verdict::{judge, Policy, Refusal};

/// Packages larger than this are judged on the blocking pool, so a
/// 1,000-purchaser package never holds up the small ones.
const INLINE_BYTES: usize = 64 * 1024;

pub struct Settings {
    listen: SocketAddr,
    params: Option<String>,
    profile: Option<String>,
    profile_file: Option<String>,
    max_body: usize,
    max_concurrency: usize,
}

fn size(text: &str) -> Option<usize> {
    let t = text.trim();
    let (digits, unit) = t
        .find(|c: char| !c.is_ascii_digit())
        .map_or((t, ""), |i| (&t[..i], t[i..].trim()));
    let n: usize = digits.parse().ok()?;
    let factor = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" | "kb" => 1024,
        "m" | "mib" | "mb" => 1024 * 1024,
        _ => return None,
    };
    n.checked_mul(factor)
}

impl Settings {
    pub fn parse(mut args: impl Iterator<Item = String>) -> Result<Self, String> {
        let mut s = Settings {
            listen: SocketAddr::from(([127, 0, 0, 1], 8787)),
            params: None,
            profile: None,
            profile_file: None,
            max_body: MAX_PACKAGE_BYTES,
            max_concurrency: 64,
        };
        while let Some(a) = args.next() {
            let mut value = || args.next().ok_or(format!("{a} needs a value"));
            match a.as_str() {
                "--listen" => {
                    let v = value()?;
                    s.listen = v.parse().map_err(|_| {
                        format!("--listen: {v:?} is not an address like 127.0.0.1:8787")
                    })?;
                }
                "--params" => s.params = Some(value()?),
                "--profile" => s.profile = Some(super::profile_arg(Some(value()?))?),
                "--profile-file" => s.profile_file = Some(value()?),
                "--max-body" => {
                    let v = value()?;
                    s.max_body = size(&v)
                        .filter(|n| (1..=MAX_PACKAGE_BYTES).contains(n))
                        .ok_or(format!("--max-body: {v:?} is not a size from 1 B to {MAX_PACKAGE_BYTES} B (like 2MiB)"))?;
                }
                "--max-concurrency" => {
                    let v = value()?;
                    s.max_concurrency =
                        v.parse()
                            .ok()
                            .filter(|n| (1..=10_000).contains(n))
                            .ok_or(format!(
                                "--max-concurrency: {v:?} is not a number from 1 to 10000"
                            ))?;
                }
                _ => {
                    return Err(format!(
                        "serve: unexpected argument {a:?}\n{}",
                        super::USAGE
                    ))
                }
            }
        }
        Ok(s)
    }
}

struct App {
    policy: Policy,
    max_body: usize,
    /// Large packages are judged at most this many at a time (the cores):
    /// each holds its parsed form in memory, so memory stays bounded
    /// however many large packages arrive at once.
    heavy: tokio::sync::Semaphore,
    version: Value,
    schema: String,
}

/// What the access log may say of a judged package: its verdict and rule
/// ids, never a value the purchaser typed.
#[derive(Clone)]
struct Judged {
    ready: Option<bool>,
    rules: Vec<String>,
    code: Option<&'static str>,
}

fn json_response(status: StatusCode, body: &Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}

fn refusal(r: &Refusal, lang: Lang) -> Response {
    let status = StatusCode::from_u16(r.status).unwrap_or(StatusCode::BAD_REQUEST);
    let mut response = json_response(status, &r.to_json(lang));
    response.extensions_mut().insert(Judged {
        ready: None,
        rules: Vec::new(),
        code: Some(r.code),
    });
    response
}

fn plain_refusal(
    status: StatusCode,
    code: &'static str,
    zh: &str,
    en: &str,
    lang: Lang,
) -> Response {
    refusal(
        &Refusal {
            code,
            status: status.as_u16(),
            zh: zh.to_string(),
            en: en.to_string(),
        },
        lang,
    )
}

#[derive(serde::Deserialize)]
struct CheckQuery {
    lang: Option<String>,
}

async fn check(
    State(app): State<Arc<App>>,
    Query(q): Query<CheckQuery>,
    request: Request,
) -> Response {
    let lang = q
        .lang
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or(Lang::Zh);
    let json_body = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"));
    if !json_body {
        return plain_refusal(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "请以 Content-Type: application/json 发送备案包",
            "send the package with Content-Type: application/json",
            lang,
        );
    }
    let too_large = || {
        let zh = format!("超过 {} 字节，未读取", app.max_body);
        let en = format!("larger than {} bytes; not read", app.max_body);
        plain_refusal(StatusCode::PAYLOAD_TOO_LARGE, "too_large", &zh, &en, lang)
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > app.max_body as u64) {
        return too_large();
    }
    // Read while it streams in, and stop at the limit: a body that lied
    // about its length (or sent none) is never buffered past it.
    let Ok(bytes) = to_bytes(request.into_body(), app.max_body).await else {
        return too_large();
    };
    let today = super::today();
    let outcome = if bytes.len() > INLINE_BYTES {
        let Ok(_permit) = app.heavy.acquire().await else {
            return plain_refusal(
                StatusCode::SERVICE_UNAVAILABLE,
                "shutting_down",
                "服务正在停止",
                "the service is stopping",
                lang,
            );
        };
        let app = app.clone();
        match tokio::task::spawn_blocking(move || judge(&bytes, &app.policy, today)).await {
            Ok(outcome) => outcome,
            Err(_) => {
                return plain_refusal(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "检查未完成",
                    "the check did not finish",
                    lang,
                )
            }
        }
    } else {
        judge(&bytes, &app.policy, today)
    };
    match outcome {
        Ok(verdict) => {
            let mut response = json_response(StatusCode::OK, &verdict.to_json());
            response.extensions_mut().insert(Judged {
                ready: Some(verdict.ready),
                rules: verdict.findings.iter().map(|f| f.rule.clone()).collect(),
                code: None,
            });
            response
        }
        Err(r) => refusal(&r, lang),
    }
}

async fn not_found(method: Method) -> Response {
    if method == Method::GET || method == Method::POST {
        plain_refusal(
            StatusCode::NOT_FOUND,
            "not_found",
            "没有这个地址",
            "no such path",
            Lang::Zh,
        )
    } else {
        plain_refusal(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "不支持这个方法",
            "method not allowed",
            Lang::Zh,
        )
    }
}

/// One JSON line per request: what happened, how long it took, the
/// verdict's rule ids — and nothing the purchaser typed.
async fn access_log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().to_string();
    let path = request.uri().path().to_string();
    let bytes_in = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let response = next.run(request).await;
    let judged = response.extensions().get::<Judged>().cloned();
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    let line = json!({
        "time": rfc3339_utc(now_ms),
        "method": method,
        "path": path,
        "status": response.status().as_u16(),
        "bytes_in": bytes_in,
        "bytes_out": axum::body::HttpBody::size_hint(response.body()).exact(),
        "duration_ms": (started.elapsed().as_secs_f64() * 1000.0 * 1000.0).round() / 1000.0,
        "ready": judged.as_ref().and_then(|j| j.ready),
        "rules": judged.as_ref().map(|j| j.rules.clone()).unwrap_or_default(),
        "code": judged.as_ref().and_then(|j| j.code),
    });
    eprintln!("{line}");
    response
}

fn router(app: Arc<App>, max_concurrency: usize) -> Router {
    let version = app.version.clone();
    let schema = app.schema.clone();
    Router::new()
        .route("/v1/check", post(check))
        .route(
            "/healthz",
            get(|| async { json_response(StatusCode::OK, &json!({ "status": "ok" })) }),
        )
        .route(
            "/v1/version",
            get(move || async move { json_response(StatusCode::OK, &version) }),
        )
        .route(
            "/v1/schema",
            get(move || async move {
                let mut response = (StatusCode::OK, Body::from(schema)).into_response();
                response.headers_mut().insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/schema+json"),
                );
                response
            }),
        )
        .fallback(not_found)
        .with_state(app)
        .layer(tower::limit::ConcurrencyLimitLayer::new(max_concurrency))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .layer(middleware::from_fn(access_log))
}

/// Stop accepting on SIGTERM or SIGINT; requests under way finish.
async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = interrupt => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = interrupt.await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = interrupt.await;
    }
    eprintln!(
        "{}",
        json!({ "event": "shutdown", "detail": "no new connections; finishing requests under way" })
    );
}

pub fn run(s: Settings) -> ExitCode {
    let extra = match s
        .profile_file
        .as_deref()
        .map(|p| super::read_profile(p, Lang::En))
    {
        None => None,
        Some(Ok(def)) => Some(def),
        Some(Err(e)) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let pinned = match super::pinned_profile(s.profile.clone(), extra.as_ref()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("--profile: {e}");
            return ExitCode::from(2);
        }
    };
    let known: Vec<_> = procurement_route_wizard::domain::profile::shipped()
        .iter()
        .chain(extra.as_ref())
        .cloned()
        .collect();
    let profiles: Vec<&str> = known.iter().map(|d| d.id.as_str()).collect();
    // What a package made under each must record as `profile_digest`.
    let digests: serde_json::Map<String, Value> = known
        .iter()
        .map(|d| (d.id.clone(), Value::from(d.digest.as_str())))
        .collect();
    let mut policy = Policy {
        pinned: pinned.clone(),
        overrides: None,
        extra,
    };
    if let Some(path) = &s.params {
        match super::read_params(path, Lang::En, policy.extra.as_ref()) {
            Ok(o) => policy.overrides = Some(o),
            Err(e) => {
                eprintln!("{}: {e}", super::params_head(path, Lang::En));
                return ExitCode::from(2);
            }
        }
    }
    let app = Arc::new(App {
        policy,
        max_body: s.max_body,
        heavy: tokio::sync::Semaphore::new(
            std::thread::available_parallelism().map_or(2, |n| n.get()),
        ),
        version: json!({
            "product": "procurement-route-wizard",
            "version": env!("CARGO_PKG_VERSION"),
            "rules_version": RULES_VERSION,
            "schema_version": SCHEMA_VERSION,
            "profiles": profiles,
            "profile_digests": digests,
            "pinned_profile": pinned,
            "max_body": s.max_body,
        }),
        schema: json_schema(),
    });
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot start: {e}");
            return ExitCode::from(2);
        }
    };
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(s.listen).await {
            Ok(l) => l,
            Err(e) => {
                eprintln!("cannot listen on {}: {e}", s.listen);
                return ExitCode::from(2);
            }
        };
        let local = listener.local_addr().map_or(s.listen, |a| a);
        eprintln!(
            "{}",
            json!({ "event": "listening", "address": local.to_string() })
        );
        let served = axum::serve(listener, router(app, s.max_concurrency))
            .with_graceful_shutdown(shutdown_signal())
            .await;
        match served {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("server error: {e}");
                ExitCode::from(1)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::size;

    #[test]
    fn sizes_read_with_units() {
        assert_eq!(size("8MiB"), Some(8 << 20));
        assert_eq!(size("512 KiB"), Some(512 << 10));
        assert_eq!(size("1000"), Some(1000));
        assert_eq!(size("2 GiB"), None);
        assert_eq!(size("lots"), None);
    }
}
