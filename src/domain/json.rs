//! Strict JSON (RFC 7493, I-JSON) for everything untrusted: packages,
//! drafts, imported files, host config and prefill, threshold files.
//!
//! serde_json keeps the last of two equal keys; a portal whose parser keeps
//! the first would then store a value nobody checked. So a duplicate key
//! is refused at any depth, naming where (`filing.project: key "budget"
//! appears twice`). A lone surrogate (`"\ud800"`) is named as such, and a
//! leading UTF-8 byte order mark (Windows editors write one) is skipped.

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

/// serde_json's nesting limit, kept: no real document comes near it.
const MAX_DEPTH: usize = 128;

/// A recursive-descent reader over the bytes, building `Value`s. Its own
/// (not serde_json's deserializer driven by a visitor) because it is the
/// one JSON reader of the browser bundle, the checker and the service:
/// this is a few KB of wasm where serde's generic machinery and float
/// tables were about 20 KB.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: usize,
    /// Where the current value sits (`filing.project`, `a[1]`), for naming
    /// a duplicate key.
    path: Vec<PathStep>,
}

enum PathStep {
    Key(String),
    Index(usize),
}

impl Reader<'_> {
    /// The line and column (both from 1, the column in characters) of
    /// the byte at `at`.
    fn position(&self, at: usize) -> (usize, usize) {
        let before = &self.bytes[..at.min(self.bytes.len())];
        let line = 1 + before.iter().filter(|b| **b == b'\n').count();
        let start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        // Continuation bytes do not start a character.
        let column = 1 + before[start..]
            .iter()
            .filter(|b| (**b & 0xC0) != 0x80)
            .count();
        (line, column)
    }

    fn lone(&self, escape_at: usize) -> JsonError {
        let (line, column) = self.position(escape_at);
        JsonError::LoneSurrogate { line, column }
    }

    fn syntax(&self) -> JsonError {
        let (line, column) = self.position(self.at);
        JsonError::Syntax { line, column }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// The bytes of `word` (`null`, `:`), or a syntax error where they stop.
    fn literal(&mut self, word: &[u8]) -> Result<(), JsonError> {
        for b in word {
            if self.peek() != Some(*b) {
                return Err(self.syntax());
            }
            self.at += 1;
        }
        Ok(())
    }

    fn value(&mut self) -> Result<Value, JsonError> {
        self.skip_space();
        match self.peek() {
            Some(b'n') => self.literal(b"null").map(|()| Value::Null),
            Some(b't') => self.literal(b"true").map(|()| Value::Bool(true)),
            Some(b'f') => self.literal(b"false").map(|()| Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => self.nested(Self::array),
            Some(b'{') => self.nested(Self::object),
            _ => Err(self.syntax()),
        }
    }

    fn nested(
        &mut self,
        read: fn(&mut Self) -> Result<Value, JsonError>,
    ) -> Result<Value, JsonError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(JsonError::TooDeep);
        }
        self.at += 1;
        let value = read(self)?;
        self.depth -= 1;
        Ok(value)
    }

    /// After `[` or `{`: whether the container closes at once (`[]`, `{}`).
    fn empty(&mut self, close: u8) -> bool {
        self.skip_space();
        let empty = self.peek() == Some(close);
        if empty {
            self.at += 1;
        }
        empty
    }

    /// After an item: `,` (another follows) or `close` (the last one).
    fn another(&mut self, close: u8) -> Result<bool, JsonError> {
        self.skip_space();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(true)
            }
            Some(c) if c == close => {
                self.at += 1;
                Ok(false)
            }
            _ => Err(self.syntax()),
        }
    }

    fn array(&mut self) -> Result<Value, JsonError> {
        let mut items = Vec::new();
        if !self.empty(b']') {
            loop {
                self.path.push(PathStep::Index(items.len()));
                items.push(self.value()?);
                self.path.pop();
                if !self.another(b']')? {
                    break;
                }
            }
        }
        Ok(Value::Array(items))
    }

    fn object(&mut self) -> Result<Value, JsonError> {
        let mut object = Map::new();
        if !self.empty(b'}') {
            loop {
                self.skip_space();
                if self.peek() != Some(b'"') {
                    return Err(self.syntax());
                }
                let key = self.string()?;
                if object.contains_key(&key) {
                    return Err(JsonError::Duplicate {
                        at: self.path_text(),
                        key,
                    });
                }
                self.skip_space();
                self.literal(b":")?;
                self.path.push(PathStep::Key(key.clone()));
                let value = self.value()?;
                self.path.pop();
                object.insert(key, value);
                if !self.another(b'}')? {
                    break;
                }
            }
        }
        Ok(Value::Object(object))
    }

    /// `filing.project`, `a[1]`: rendered only when a duplicate is found.
    fn path_text(&self) -> String {
        let mut out = String::new();
        for step in &self.path {
            match step {
                PathStep::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                PathStep::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut n = 0;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|b| char::from(b).to_digit(16))
                .ok_or_else(|| self.syntax())?;
            n = n * 16 + digit;
            self.at += 1;
        }
        Ok(n)
    }

    /// A string, the opening quote next. The input is known to be UTF-8.
    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let Some(b) = self.peek() else {
                return Err(self.syntax());
            };
            match b {
                b'"' => {
                    self.at += 1;
                    // Only whole characters and escapes went in.
                    return String::from_utf8(out).map_err(|_| self.syntax());
                }
                b'\\' => {
                    let escape_at = self.at;
                    self.at += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let unit = self.hex4()?;
                            let code = match unit {
                                0xD800..=0xDBFF => {
                                    if self.bytes.get(self.at..self.at + 2) != Some(b"\\u") {
                                        return Err(self.lone(escape_at));
                                    }
                                    self.at += 2;
                                    let low = self.hex4()?;
                                    if !(0xDC00..=0xDFFF).contains(&low) {
                                        return Err(self.lone(escape_at));
                                    }
                                    0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                                }
                                0xDC00..=0xDFFF => return Err(self.lone(escape_at)),
                                _ => unit,
                            };
                            let Some(c) = char::from_u32(code) else {
                                return Err(self.lone(escape_at));
                            };
                            let mut buf = [0; 4];
                            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                            continue;
                        }
                        _ => return Err(self.syntax()),
                    };
                    self.at += 1;
                    out.push(c as u8);
                }
                // Control characters must be escaped.
                0..=0x1F => return Err(self.syntax()),
                _ => {
                    out.push(b);
                    self.at += 1;
                }
            }
        }
    }

    fn digits(&mut self) -> usize {
        let from = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        self.at - from
    }

    /// A number as JSON writes it. Integers that fit 64 bits stay exact;
    /// any other number is kept as the nearest `f64` it can be read as
    /// here (never used as money: the readers after this one refuse a
    /// fraction by name, and a package's canonical form refuses floats).
    fn number(&mut self) -> Result<Value, JsonError> {
        let from = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let int_from = self.at;
        let int_digits = self.digits();
        if int_digits == 0 || (int_digits > 1 && self.bytes[int_from] == b'0') {
            return Err(self.syntax());
        }
        let mut fraction = 0;
        if self.peek() == Some(b'.') {
            self.at += 1;
            fraction = self.digits();
            if fraction == 0 {
                return Err(self.syntax());
            }
        }
        let mut has_exponent = false;
        if let Some(b'e' | b'E') = self.peek() {
            has_exponent = true;
            self.at += 1;
            if let Some(b'-' | b'+') = self.peek() {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.syntax());
            }
        }
        let text = &self.bytes[from..self.at];
        if fraction == 0 && !has_exponent {
            let exact = self.bytes[int_from..self.at].iter().try_fold(0u64, |n, b| {
                n.checked_mul(10)?.checked_add(u64::from(b - b'0'))
            });
            match exact {
                Some(n) if !negative => return Ok(Value::Number(n.into())),
                // `-0` is read as the float -0.0, as serde_json reads it.
                Some(n) if n != 0 && n <= 1 << 63 => {
                    return Ok(Value::Number(0i64.wrapping_sub_unsigned(n).into()))
                }
                _ => {}
            }
        }
        // Past f64's range is refused, as serde_json refuses it.
        Number::from_f64(float_of(text))
            .map(Value::Number)
            .ok_or_else(|| self.syntax())
    }
}

/// The `f64` of a JSON number's text. Exact (correctly rounded) when its
/// digits fit 2^53 and its decimal exponent is within ±22, which covers
/// every number people write; otherwise the nearest this simple reading
/// gets. Only ever a value to refuse, never a value to use.
fn float_of(text: &[u8]) -> f64 {
    let mut mantissa: u64 = 0;
    let mut scale: i32 = 0;
    let mut exponent: i32 = 0;
    let mut seen_point = false;
    let mut negative = false;
    let mut digits_dropped = 0i32;
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'-' if i == 0 => negative = true,
            b'.' => seen_point = true,
            d @ b'0'..=b'9' => {
                if mantissa < (1 << 53) / 10 {
                    mantissa = mantissa * 10 + u64::from(d - b'0');
                    if seen_point {
                        scale -= 1;
                    }
                } else if !seen_point {
                    digits_dropped += 1;
                }
            }
            b'e' | b'E' => {
                let (minus, from) = match text.get(i + 1) {
                    Some(b'-') => (true, i + 2),
                    Some(b'+') => (false, i + 2),
                    _ => (false, i + 1),
                };
                for b in &text[from..] {
                    exponent = exponent
                        .saturating_mul(10)
                        .saturating_add(i32::from(b - b'0'));
                }
                if minus {
                    exponent = -exponent;
                }
                break;
            }
            _ => {}
        }
        i += 1;
    }
    let power = scale
        .saturating_add(exponent)
        .saturating_add(digits_dropped);
    // One exact power of ten (the fast path), else steps of 10^22.
    let mut value = mantissa as f64;
    let mut left = power;
    while left != 0 && value != 0.0 && value.is_finite() {
        let step = left.clamp(-22, 22);
        if step > 0 {
            value *= 10f64.powi(step);
        } else {
            value /= 10f64.powi(-step);
        }
        left -= step;
    }
    if negative {
        -value
    } else {
        value
    }
}

/// Parse untrusted JSON strictly, refusing more than `limit` bytes before
/// reading any.
pub fn parse(bytes: &[u8], limit: usize) -> Result<Value, JsonError> {
    if bytes.len() > limit {
        return Err(JsonError::TooLarge { limit });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = Reader {
        bytes,
        at: 0,
        depth: 0,
        path: Vec::new(),
    };
    // Text, or where it stops being text.
    if let Err(e) = std::str::from_utf8(bytes) {
        let (line, column) = reader.position(e.valid_up_to());
        return Err(JsonError::Syntax { line, column });
    }
    let value = reader.value()?;
    reader.skip_space();
    if reader.at != bytes.len() {
        return Err(reader.syntax());
    }
    Ok(value)
}

/// JSON text of a value as serde_json writes it (the same escapes, the
/// same two-space pretty layout), without its generic serializer in the
/// bundle.
pub fn write(value: &Value, pretty: bool) -> String {
    let mut out = String::new();
    write_value(value, if pretty { Some(0) } else { None }, &mut out);
    out
}

/// `indent`: the depth when pretty, `None` when compact.
fn write_value(value: &Value, indent: Option<usize>, out: &mut String) {
    let (open, close, len) = match value {
        Value::Null => return out.push_str("null"),
        Value::Bool(b) => return out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => return out.push_str(&n.to_string()),
        Value::String(s) => return write_str(s, out),
        Value::Array(items) => ('[', ']', items.len()),
        Value::Object(map) => ('{', '}', map.len()),
    };
    out.push(open);
    let inner = indent.map(|d| d + 1);
    let new_line = |depth: usize, out: &mut String| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut first = true;
    let mut item = |out: &mut String| {
        if !std::mem::take(&mut first) {
            out.push(',');
        }
        if let Some(d) = inner {
            new_line(d, out);
        }
    };
    match value {
        Value::Array(items) => {
            for v in items {
                item(out);
                write_value(v, inner, out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                item(out);
                write_str(k, out);
                out.push_str(if inner.is_some() { ": " } else { ":" });
                write_value(v, inner, out);
            }
        }
        _ => {}
    }
    if let (Some(d), true) = (indent, len > 0) {
        new_line(d, out);
    }
    out.push(close);
}

/// A JSON string: `"` and `\\` escaped, control characters as `\n`, `\t`
/// … or `\u00XX`; everything else as itself.
pub fn write_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[(c as usize) >> 4]));
                out.push(char::from(HEX[(c as usize) & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
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
