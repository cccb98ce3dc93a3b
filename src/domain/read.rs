//! One error for every reader of untrusted input — filings, drafts, host
//! config, threshold overrides, packages: where (the field's path) and
//! what was expected, in zh-CN and en from the shared catalog.

use super::i18n::{render, Lang};
use super::json::JsonError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// The field, as a path from what was read (`prefill.uscc`,
    /// `filing.joint.participants[2].id`); empty for the whole input.
    pub path: String,
    reason: Reason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Reason {
    /// A `read.*` catalog key and its parameters.
    Key(&'static str, Vec<(&'static str, String)>),
    /// Not strict JSON: syntax, a duplicate key, a lone surrogate, size.
    Json(JsonError),
    /// serde's own words (English), for the package envelope's fields.
    Serde(String),
}

impl ReadError {
    pub fn new(path: impl Into<String>, key: &'static str) -> Self {
        ReadError {
            path: path.into(),
            reason: Reason::Key(key, Vec::new()),
        }
    }

    /// A parameter of the message (`{name}` in the catalog text).
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        if let Reason::Key(_, params) = &mut self.reason {
            params.push((name, value.into()));
        }
        self
    }

    pub fn json(path: impl Into<String>, e: JsonError) -> Self {
        ReadError {
            path: path.into(),
            reason: Reason::Json(e),
        }
    }

    pub fn serde(path: impl Into<String>, detail: impl Into<String>) -> Self {
        ReadError {
            path: path.into(),
            reason: Reason::Serde(detail.into()),
        }
    }

    /// The same error, its path under `prefix` (a reader nested in another).
    pub fn under(mut self, prefix: &str) -> Self {
        self.path = match (prefix.is_empty(), self.path.is_empty()) {
            (true, _) => self.path,
            (false, true) => prefix.to_string(),
            (false, false) => format!("{prefix}.{}", self.path),
        };
        self
    }

    /// The catalog key of the reason (`read.string`), or `json`/`serde`.
    pub fn key(&self) -> &'static str {
        match &self.reason {
            Reason::Key(key, _) => key,
            Reason::Json(_) => "json",
            Reason::Serde(_) => "serde",
        }
    }

    /// What was expected, without the path.
    pub fn reason(&self, lang: Lang) -> String {
        match &self.reason {
            Reason::Key(key, params) => {
                let params = params
                    .iter()
                    .map(|(k, v)| ((*k).to_string(), v.clone()))
                    .collect();
                render(key, lang, &params)
            }
            Reason::Json(e) => e.message(lang),
            Reason::Serde(detail) => detail.clone(),
        }
    }

    /// `path: reason`; the reason alone for the input as a whole.
    pub fn message(&self, lang: Lang) -> String {
        if self.path.is_empty() {
            return self.reason(lang);
        }
        let sep = if lang == Lang::Zh { "：" } else { ": " };
        format!("{}{sep}{}", self.path, self.reason(lang))
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_field_in_both_languages() {
        let e = ReadError::new("prefill.uscc", "read.too_long").with("max", "100");
        assert_eq!(
            e.message(Lang::En),
            "prefill.uscc: is longer than 100 characters"
        );
        assert_eq!(e.message(Lang::Zh), "prefill.uscc：超过 100 个字符");
        assert_eq!(e.clone().under("config").path, "config.prefill.uscc");
        assert_eq!(
            ReadError::new("", "read.object").under("filing").path,
            "filing"
        );
        assert_eq!(
            ReadError::new("", "read.object").message(Lang::En),
            "must be an object"
        );
    }
}
