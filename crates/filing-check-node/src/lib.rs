//! `check(packageBytes, optionsJson)` for Node.js: the judgement of
//! `filing-check --json` — the same [`judge`] and the same JSON — compiled to
//! WebAssembly (`wasm-bindgen --target nodejs`), so a Node portal server
//! re-checks packages in process. It never throws: bad input, bad options
//! and refusals come back as `{ ok: false, exit: 2, … }`.

use procurement_route_wizard::domain::date::Date;
use procurement_route_wizard::domain::i18n::Lang;
use procurement_route_wizard::domain::json;
use std::sync::Arc;

use procurement_route_wizard::domain::profile::{known, ParamsOverride, ProfileDef};
use procurement_route_wizard::domain::verdict::{judge, Policy, Refusal};
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// Options as the JS wrapper passes them (`JSON.stringify` of
/// `{ lang, profile, params, profileData }`), read strictly.
fn options(text: &str) -> Result<(Lang, Policy), String> {
    let value = json::parse(text.as_bytes(), 1024 * 1024).map_err(|e| format!("options: {e}"))?;
    let Value::Object(map) = value else {
        return Err("options: must be an object".into());
    };
    let mut lang = Lang::Zh;
    let mut policy = Policy::default();
    for (key, v) in &map {
        match (key.as_str(), v) {
            (_, Value::Null) => {}
            ("lang", Value::String(tag)) => {
                lang = Lang::from_tag(tag)
                    .ok_or(format!("options.lang: {tag:?} is not zh-CN or en"))?;
            }
            ("profile", Value::String(id)) => policy.pinned = Some(id.clone()),
            ("profileData", v) => {
                let def = ProfileDef::from_value(v)
                    .map_err(|e| format!("options.profileData: {}", e.message(Lang::En)))?;
                policy.extra = Some(Arc::new(def));
            }
            ("params", v) => {
                policy.overrides = Some(
                    ParamsOverride::from_value(v).map_err(|e| format!("options.params: {e}"))?,
                );
            }
            _ => {
                return Err(format!(
                    "options.{key}: unknown option (lang, profile, params, profileData)"
                ))
            }
        }
    }
    if let Some(id) = &policy.pinned {
        if known(id, policy.extra.as_ref()).is_none() {
            return Err(format!(
                "options.profile: {id:?} is not shandong, liaocheng or profileData's id"
            ));
        }
    }
    Ok((lang, policy))
}

/// Judge `package` on `today`: the JSON text `filing-check --json` prints.
pub fn check_json(package: &[u8], options_json: &str, today: Date) -> String {
    let (lang, policy) = match options(options_json) {
        Ok(o) => o,
        Err(e) => {
            return Refusal {
                code: "bad_options",
                status: 400,
                zh: e.clone(),
                en: e,
            }
            .to_json(Lang::En)
            .to_string()
        }
    };
    match judge(package, &policy, today) {
        Ok(verdict) => verdict.to_json().to_string(),
        Err(refusal) => refusal.to_json(lang).to_string(),
    }
}

/// The JS entry point; `index.js` parses the text into the result object.
#[wasm_bindgen(js_name = checkJson)]
pub fn check_json_js(package: &[u8], options_json: &str) -> String {
    let today = Date::china_today(js_sys::Date::now() as i64);
    check_json(package, options_json, today)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_read_strictly_and_refusals_never_throw() {
        let today = Date::new(2026, 11, 27).unwrap();
        let out: Value =
            serde_json::from_str(&check_json(b"{}", r#"{"lang":"fr"}"#, today)).unwrap();
        assert_eq!(
            (out["exit"].as_u64(), out["code"].as_str()),
            (Some(2), Some("bad_options"))
        );
        let out: Value =
            serde_json::from_str(&check_json(b"{}", r#"{"lang":"en","lang":"en"}"#, today))
                .unwrap();
        assert!(out["error"].as_str().unwrap().contains("appears twice"));
        let out: Value = serde_json::from_str(&check_json(b"\xff\xfe", "{}", today)).unwrap();
        assert_eq!(out["code"], "not_json");
        let (lang, policy) =
            options(r#"{"lang":"en","profile":"liaocheng","params":{"many_units":3}}"#).unwrap();
        assert_eq!(lang, Lang::En);
        assert_eq!(policy.pinned.as_deref(), Some("liaocheng"));
        assert!(policy.overrides.is_some());
    }
}
