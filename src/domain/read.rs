//! One error for every reader of untrusted input — filings, drafts, host
//! config, threshold overrides, packages: where (the field's path) and
//! what was expected, in zh-CN and en from the shared catalog.

use serde_json::{Map, Value};

use super::choice::Choice;
use super::finding::Localized;
use super::i18n::{fill, lookup, Lang};
use super::json::JsonError;
use super::record::unknown_key;

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
            // Filled straight from the list: collecting it into a map
            // would sort it, with a sort of its own in the bundle.
            Reason::Key(key, params) => match lookup(key, lang) {
                Some(template) => fill(template, lang, |name| {
                    params
                        .iter()
                        .find(|(k, _)| *k == name)
                        .map(|(_, v)| v.as_str())
                }),
                None => key.to_string(),
            },
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

/// An object read strictly, and where it is: every reader of an untrusted
/// object (profiles, overrides, the agency directory, drafts) names a bad
/// field by its path through these, one copy of each check in the bundle.
pub struct Fields<'a> {
    pub map: &'a Map<String, Value>,
    at: String,
}

impl<'a> Fields<'a> {
    /// A field's error: its path and the reason.
    pub fn bad(&self, key: &str, reason: &'static str) -> ReadError {
        ReadError::new(self.path(key), reason)
    }

    /// The field, when given and not null.
    pub fn given(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// The field as text, when it is text.
    pub fn str(&self, key: &str) -> Option<&'a str> {
        self.map.get(key).and_then(Value::as_str)
    }

    pub fn of(value: &'a Value, at: &str) -> Result<Self, ReadError> {
        let map = value
            .as_object()
            .ok_or_else(|| ReadError::new(at, "read.object"))?;
        Ok(Fields {
            map,
            at: at.to_string(),
        })
    }

    pub fn path(&self, key: &str) -> String {
        if self.at.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.at)
        }
    }

    pub fn known(&self, keys: &[&str]) -> Result<(), ReadError> {
        match unknown_key(self.map, keys) {
            Some(k) => {
                Err(ReadError::new(self.path(k), "read.unknown_field")
                    .with("known", keys.join(", ")))
            }
            None => Ok(()),
        }
    }

    pub fn get(&self, key: &str) -> Result<&'a Value, ReadError> {
        self.map
            .get(key)
            .filter(|v| !v.is_null())
            .ok_or_else(|| ReadError::new(self.path(key), "read.missing"))
    }

    pub fn text(&self, key: &str) -> Result<String, ReadError> {
        let s = self
            .get(key)?
            .as_str()
            .ok_or_else(|| ReadError::new(self.path(key), "read.string"))?;
        if s.trim().is_empty() {
            return Err(ReadError::new(self.path(key), "read.nonempty"));
        }
        Ok(s.to_string())
    }

    pub fn flag(&self, key: &str) -> Result<bool, ReadError> {
        self.get(key)?
            .as_bool()
            .ok_or_else(|| ReadError::new(self.path(key), "read.bool"))
    }

    pub fn list(&self, key: &str) -> Result<&'a Vec<Value>, ReadError> {
        let list = self
            .get(key)?
            .as_array()
            .ok_or_else(|| ReadError::new(self.path(key), "read.list"))?;
        if list.is_empty() {
            return Err(ReadError::new(self.path(key), "read.nonempty"));
        }
        Ok(list)
    }

    pub fn texts(&self, key: &str) -> Result<Vec<String>, ReadError> {
        let mut out: Vec<String> = Vec::new();
        for (i, v) in self.list(key)?.iter().enumerate() {
            let at = format!("{}[{i}]", self.path(key));
            let s = v
                .as_str()
                .ok_or_else(|| ReadError::new(&at, "read.string"))?;
            if out.iter().any(|o| o == s) {
                return Err(ReadError::new(at, "read.duplicate").with("value", s));
            }
            out.push(s.to_string());
        }
        Ok(out)
    }

    pub fn localized(&self, key: &str) -> Result<Localized, ReadError> {
        let f = Fields::of(self.get(key)?, &self.path(key))?;
        f.known(&["zh", "en"])?;
        Ok(Localized {
            zh: f.text("zh")?,
            en: f.text("en")?,
        })
    }

    pub fn choice<C: Choice>(&self, key: &str, at: &str, value: &Value) -> Result<C, ReadError> {
        let known: Vec<&str> = C::all().iter().map(|c| c.id()).collect();
        value
            .as_str()
            .and_then(|id| C::all().iter().copied().find(|c| c.id() == id))
            .ok_or_else(|| {
                ReadError::new(
                    if at.is_empty() {
                        self.path(key)
                    } else {
                        at.into()
                    },
                    "read.one_of",
                )
                .with("known", known.join(", "))
            })
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
