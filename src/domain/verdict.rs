//! The server's judgement of a package, one function for every place a
//! portal re-checks: `filing-check` (text and `--json`), the HTTP service
//! and the Node module all call [`judge`] and print [`Verdict::to_json`] or
//! [`Refusal`], so their answers are the same byte for byte.

use serde_json::{json, Value};

use super::date::Date;
use super::finding::{Finding, Severity};
use super::i18n::{lookup, Lang};
use super::json::JsonError;
use super::package::{consistency, verify, Inconsistency, Package, PackageError};
use std::sync::Arc;

use super::profile::{known, ParamsOverride, Profile, ProfileDef};
use super::rules::{check, is_ready, RULES_VERSION};

/// What the portal's server brings to every check.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// The profile the portal files under: a package made under another is
    /// refused, not judged by that profile's rules.
    pub pinned: Option<String>,
    /// The portal's own profile file (`--profile-file`), known beside the
    /// shipped ones.
    pub extra: Option<Arc<ProfileDef>>,
    /// The portal's own thresholds (`--params`).
    pub overrides: Option<ParamsOverride>,
}

/// A package judged: the server's own findings under the package's profile.
#[derive(Debug, Clone)]
pub struct Verdict {
    pub package: Package,
    pub findings: Vec<Finding>,
    pub ready: bool,
    /// The browser recorded the same findings and `ready`.
    pub findings_match_package: bool,
}

impl Verdict {
    /// The package was made under other rules than the server's: it is
    /// judged by the server's, and the output says so.
    pub fn rules_version_differs(&self) -> bool {
        self.package.rules_version != RULES_VERSION
    }
}

impl Verdict {
    /// 0 ready, 1 blocked.
    pub fn exit(&self) -> u8 {
        if self.ready {
            0
        } else {
            1
        }
    }

    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// `filing-check --json`'s output, the service's 200 body and the Node
    /// module's result.
    pub fn to_json(&self) -> Value {
        json!({
            "ok": true,
            "exit": self.exit(),
            "ready": self.ready,
            "profile": self.package.profile,
            "route": self.package.route,
            "rules_version": self.package.rules_version,
            "checked_with_rules_version": RULES_VERSION,
            "rules_version_differs": self.rules_version_differs(),
            "findings_match_package": self.findings_match_package,
            "findings": self.findings,
        })
    }
}

/// A package not judged (exit 2): why, in both languages, with a stable
/// code for machines and the HTTP status the service answers with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub code: &'static str,
    pub status: u16,
    pub zh: String,
    pub en: String,
}

impl Refusal {
    fn new(code: &'static str, status: u16, text: impl Fn(Lang) -> String) -> Self {
        Refusal {
            code,
            status,
            zh: text(Lang::Zh),
            en: text(Lang::En),
        }
    }

    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// The refusal as JSON: `{ ok, exit, code, error, message: {zh-CN, en} }`,
    /// `error` in `lang`.
    pub fn to_json(&self, lang: Lang) -> Value {
        json!({
            "ok": false,
            "exit": 2,
            "code": self.code,
            "error": self.message(lang),
            "message": { "zh-CN": self.zh, "en": self.en },
        })
    }

    /// A refusal of what the package says about itself.
    pub fn of_package(e: &PackageError) -> Self {
        let (code, status) = match e {
            PackageError::TooLarge => ("too_large", 413),
            PackageError::Json(JsonError::Duplicate { .. }) => ("duplicate_key", 400),
            PackageError::Json(JsonError::LoneSurrogate { .. }) => ("lone_surrogate", 400),
            PackageError::Json(_) => ("not_json", 400),
            PackageError::UnknownVersion(_) => ("unknown_version", 422),
            PackageError::NoDigest => ("no_digest", 400),
            PackageError::DigestMismatch => ("digest_mismatch", 422),
            PackageError::Float => ("not_an_integer", 400),
            PackageError::Shape(_) | PackageError::NoRoute => ("not_a_package", 400),
        };
        Refusal::new(code, status, |lang| e.message(lang))
    }

    fn inconsistent(e: &Inconsistency) -> Self {
        Refusal::new("inconsistent", 400, |lang| e.message(lang))
    }

    fn wrong_profile(made: &str, pinned: &str) -> Self {
        Refusal::new("wrong_profile", 422, |lang| {
            lookup("pkg.wrong_profile", lang)
                .unwrap_or_default()
                .replace("{made}", made)
                .replace("{pinned}", pinned)
        })
    }

    fn unknown_profile(id: &str) -> Self {
        Refusal::new("unknown_profile", 422, |lang| {
            lookup("pkg.unknown_profile", lang)
                .unwrap_or_default()
                .replace("{profile}", id)
        })
    }

    fn other_profile_text(id: &str) -> Self {
        Refusal::new("profile_digest", 422, |lang| {
            lookup("pkg.profile_digest", lang)
                .unwrap_or_default()
                .replace("{profile}", id)
        })
    }

    fn thresholds(e: &super::profile::OverrideError) -> Self {
        Refusal::new("bad_params", 500, |lang| {
            format!(
                "{}{}",
                lookup("pkg.bad_params", lang).unwrap_or_default(),
                e.message(lang)
            )
        })
    }
}

/// Judge an untrusted package on `today` (China time) under the portal's
/// policy. Never panics, whatever the bytes.
pub fn judge(bytes: &[u8], policy: &Policy, today: Date) -> Result<Verdict, Refusal> {
    let package = verify(bytes).map_err(|e| Refusal::of_package(&e))?;
    let def = known(&package.profile, policy.extra.as_ref())
        .ok_or_else(|| Refusal::unknown_profile(&package.profile))?;
    // Checked against other words of the same profile id: not judged by
    // this text, which is not what the purchaser saw.
    if package
        .profile_digest
        .as_ref()
        .is_some_and(|d| d != &def.digest)
    {
        return Err(Refusal::other_profile_text(&package.profile));
    }
    let mut profile = Profile::from_def(def);
    consistency(&package, &profile).map_err(|e| Refusal::inconsistent(&e))?;
    if let Some(pinned) = &policy.pinned {
        if pinned != &package.profile {
            return Err(Refusal::wrong_profile(&package.profile, pinned));
        }
    }
    if let Some(o) = &policy.overrides {
        profile = profile
            .with_overrides(o)
            .map_err(|e| Refusal::thresholds(&e))?;
    }
    let findings = check(&package.filing, &profile, today);
    let ready = is_ready(&findings);
    let findings_match_package = findings == package.findings && ready == package.ready;
    Ok(Verdict {
        package,
        findings,
        ready,
        findings_match_package,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::package::{build, EXAMPLE_TIME_MS};
    use crate::domain::route::RouteId;
    use crate::domain::sample::sample;

    use crate::domain::profile::ProfileId;

    fn bytes(route: RouteId, profile: ProfileId) -> Vec<u8> {
        let p = build(
            &sample(route, profile),
            &Profile::new(profile),
            EXAMPLE_TIME_MS,
        )
        .unwrap();
        serde_json::to_vec(&p).unwrap()
    }

    #[test]
    fn judges_and_refuses_with_codes_and_statuses() {
        let today = Date::new(2026, 11, 27).unwrap();
        let ok = judge(
            &bytes(RouteId::DJoin, ProfileId::Liaocheng),
            &Policy::default(),
            today,
        )
        .unwrap();
        assert_eq!((ok.exit(), ok.findings_match_package), (0, true));
        assert_eq!(ok.to_json()["exit"], 0);
        let pinned = Policy {
            extra: None,
            pinned: Some("shandong".into()),
            overrides: None,
        };
        let e = judge(&bytes(RouteId::DJoin, ProfileId::Liaocheng), &pinned, today).unwrap_err();
        assert_eq!((e.code, e.status), ("wrong_profile", 422));
        assert!(
            e.en.contains("\"liaocheng\"") && e.en.contains("\"shandong\""),
            "{}",
            e.en
        );
        let e = judge(b"{\"a\":1,\"a\":2}", &Policy::default(), today).unwrap_err();
        assert_eq!((e.code, e.status), ("duplicate_key", 400));
        assert_eq!(
            e.to_json(Lang::En)["message"]["zh-CN"],
            "（顶层）：键“a”出现了两次"
        );
    }
}
