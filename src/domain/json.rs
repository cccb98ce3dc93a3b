//! Strict JSON (RFC 7493, I-JSON) for everything untrusted: packages,
//! drafts, imported files, host config and prefill, threshold files.
//!
//! serde_json keeps the last of two equal keys; a portal whose parser keeps
//! the first would then store a value nobody checked. So a duplicate key
//! is refused at any depth, naming where (`filing.project: key "budget"
//! appears twice`). A lone surrogate (`"\ud800"`) is named as such, and a
//! leading UTF-8 byte order mark (Windows editors write one) is skipped.

use std::cell::RefCell;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use super::i18n::{lookup, Lang};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    /// Refused before parsing.
    TooLarge {
        limit: usize,
    },
    /// `at`: the object holding the key, as a dotted path (`filing.project`).
    Duplicate {
        at: String,
        key: String,
    },
    LoneSurrogate {
        line: usize,
        column: usize,
    },
    Syntax {
        line: usize,
        column: usize,
    },
    /// Nested deeper than any real document.
    TooDeep,
}

impl JsonError {
    /// The refusal in `lang`, from the shared catalog.
    pub fn message(&self, lang: Lang) -> String {
        let text = |key: &str| lookup(key, lang).unwrap_or(key).to_string();
        match self {
            JsonError::TooLarge { limit } => {
                text("json.too_large").replace("{max}", &limit.to_string())
            }
            JsonError::Duplicate { at, key } => {
                let top = text("json.top_level");
                text("json.duplicate")
                    .replace("{at}", if at.is_empty() { &top } else { at })
                    .replace("{key}", key)
            }
            JsonError::LoneSurrogate { line, column } => text("json.surrogate")
                .replace("{line}", &line.to_string())
                .replace("{column}", &column.to_string()),
            JsonError::Syntax { line, column } => text("json.syntax")
                .replace("{line}", &line.to_string())
                .replace("{column}", &column.to_string()),
            JsonError::TooDeep => text("json.too_deep"),
        }
    }
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Where the reader is: a chain of steps on the stack, rendered only when
/// a duplicate is found (paths cost nothing on the way).
#[derive(Clone, Copy)]
enum Step<'a> {
    Root,
    Key(&'a str, &'a Step<'a>),
    Index(usize, &'a Step<'a>),
}

impl Step<'_> {
    fn render(&self) -> String {
        match self {
            Step::Root => String::new(),
            Step::Key(key, parent) => {
                let head = parent.render();
                if head.is_empty() {
                    (*key).to_string()
                } else {
                    format!("{head}.{key}")
                }
            }
            Step::Index(i, parent) => format!("{}[{i}]", parent.render()),
        }
    }
}

struct Strict<'a> {
    at: Step<'a>,
    found: &'a RefCell<Option<JsonError>>,
}

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    // A fractional (or past-64-bit) JSON number is kept as read, never used
    // as money: the readers after this one refuse it by name (the package's
    // `not_an_integer`, a record field's "a whole number").
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element_seed(Strict {
            at: Step::Index(items.len(), &self.at),
            found: self.found,
        })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                *self.found.borrow_mut() = Some(JsonError::Duplicate {
                    at: self.at.render(),
                    key,
                });
                return Err(de::Error::custom("duplicate key"));
            }
            let value = map.next_value_seed(Strict {
                at: Step::Key(&key, &self.at),
                found: self.found,
            })?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

/// Parse untrusted JSON strictly, refusing more than `limit` bytes before
/// reading any.
pub fn parse(bytes: &[u8], limit: usize) -> Result<Value, JsonError> {
    if bytes.len() > limit {
        return Err(JsonError::TooLarge { limit });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let found = RefCell::new(None);
    let mut reader = serde_json::Deserializer::from_slice(bytes);
    let parsed = Strict {
        at: Step::Root,
        found: &found,
    }
    .deserialize(&mut reader)
    .and_then(|v| reader.end().map(|()| v));
    parsed.map_err(|e| {
        found.take().unwrap_or_else(|| {
            let (line, column) = (e.line(), e.column());
            let text = e.to_string();
            if text.contains("surrogate") || text.contains("hex escape") {
                JsonError::LoneSurrogate { line, column }
            } else if text.contains("recursion limit") {
                JsonError::TooDeep
            } else {
                JsonError::Syntax { line, column }
            }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BIG: usize = 1 << 20;

    #[test]
    fn duplicate_keys_are_refused_at_any_depth_naming_where() {
        let e = parse(
            br#"{"filing":{"project":{"budget":"1","budget":"2"}}}"#,
            BIG,
        )
        .unwrap_err();
        assert_eq!(
            e,
            JsonError::Duplicate {
                at: "filing.project".into(),
                key: "budget".into()
            }
        );
        assert_eq!(
            e.message(Lang::En),
            "filing.project: key \"budget\" appears twice"
        );
        assert_eq!(e.message(Lang::Zh), "filing.project：键“budget”出现了两次");
        let e = parse(br#"{"a":[{"x":1},{"x":1,"x":2}]}"#, BIG).unwrap_err();
        assert_eq!(e.message(Lang::En), "a[1]: key \"x\" appears twice");
        let e = parse(br#"{"a":1,"a":1}"#, BIG).unwrap_err();
        assert_eq!(e.message(Lang::En), "(top level): key \"a\" appears twice");
    }

    #[test]
    fn lone_surrogates_bom_size_and_syntax() {
        assert!(matches!(
            parse(br#"{"a":"\ud800"}"#, BIG),
            Err(JsonError::LoneSurrogate { .. })
        ));
        assert!(matches!(
            parse(br#"{"a":"\udc00x"}"#, BIG),
            Err(JsonError::LoneSurrogate { .. })
        ));
        // A proper pair is text.
        assert_eq!(
            parse(br#"{"a":"\ud83d\ude00"}"#, BIG).unwrap()["a"],
            "\u{1F600}"
        );
        assert_eq!(parse(b"\xEF\xBB\xBF{\"a\":1}", BIG).unwrap()["a"], 1);
        assert_eq!(parse(b"{} ", 2), Err(JsonError::TooLarge { limit: 2 }));
        assert!(matches!(
            parse(b"{\"a\":1} x", BIG),
            Err(JsonError::Syntax { .. })
        ));
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert_eq!(parse(deep.as_bytes(), BIG), Err(JsonError::TooDeep));
        assert!(parse(b"{\"a\":1.5,\"b\":-3,\"c\":null,\"d\":[true]}", BIG).is_ok());
    }
}
