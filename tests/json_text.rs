//! The JSON reader and writer of `domain::json` (their own code since
//! serde_json's deserializer and serializer left the bundle) against
//! serde_json, which stays the reference natively: the same documents are
//! accepted with the same values, the same ones refused, what only the
//! strict reader refuses (duplicate keys, lone surrogates) is refused by
//! name, and every value is written byte for byte as serde_json writes it.

use procurement_route_wizard::domain::json::{parse, write, JsonError};
use proptest::prelude::*;
use serde_json::Value;

const BIG: usize = 1 << 20;

/// Both readers agree on `text`: same value, or both refuse.
fn agrees(text: &str) {
    let ours = parse(text.as_bytes(), BIG);
    let theirs: Result<Value, _> = serde_json::from_str(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert!(same(a, b), "{text:?}: {a} vs {b}"),
        (Err(_), Err(_)) => {}
        _ => panic!("{text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }
}

/// Equal, floats within a rounding step (integers and all else exact).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
            // A float stays a float and an integer an integer: readers
            // accept only integers where they need whole numbers.
            if x.is_f64() != y.is_f64() {
                return false;
            }
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            if x == 0.0 && y == 0.0 {
                return x.is_sign_negative() == y.is_sign_negative();
            }
            // Exact where the reader promises it (see `exact_where_promised`);
            // anywhere else within a few rounding steps.
            x == y || ((x - y) / y).abs() < 1e-13 || (x.abs() < 1e-300 && y.abs() < 1e-300)
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

#[test]
fn accepts_and_refuses_what_serde_json_does() {
    for text in [
        "null",
        "true",
        "false",
        "0",
        "-0",
        "1",
        "-1",
        "12345678901234567890",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "1.5",
        "-0.25",
        "1e3",
        "1E+3",
        "2.5e-3",
        "0.1",
        "0.3",
        "123456789.123456789",
        "1e400",
        "[]",
        "{}",
        "[1,[2,[3]]]",
        r#"{"a":{"b":[1,"x",null]}}"#,
        r#""\"\\\/\b\f\n\r\t""#,
        r#""\u00e9\u4e2d\ud83d\ude00""#,
        "\"中文 text\"",
        " \t\r\n[ 1 , 2 ] \n",
        r#"{"":1}"#,
        // Refused by both.
        "",
        " ",
        "nul",
        "tru",
        "01",
        "-",
        "1.",
        ".5",
        "1e",
        "1e+",
        "+1",
        "[1,]",
        "[,1]",
        "{,}",
        r#"{"a":1,}"#,
        r#"{"a" 1}"#,
        r#"{a:1}"#,
        "'x'",
        "\"\t\"",
        "\"\u{1}\"",
        r#""\x""#,
        r#""\u12""#,
        r#""\u12g4""#,
        "[1] 2",
        "[1}",
        "{\"a\":1]",
        "\"abc",
        "[",
        "{",
        "NaN",
        "Infinity",
        "[1 2]",
        "{\"a\":1 \"b\":2}",
        "1 /* c */",
    ] {
        agrees(text);
    }
}

#[test]
fn refuses_what_only_a_strict_reader_refuses_naming_it() {
    assert!(matches!(
        parse(br#"{"a":1,"a":1}"#, BIG),
        Err(JsonError::Duplicate { .. })
    ));
    assert_eq!(
        parse(br#"{"x":[{"k":1},{"k":1,"k":2}]}"#, BIG),
        Err(JsonError::Duplicate {
            at: "x[1]".into(),
            key: "k".into()
        })
    );
    assert_eq!(
        parse(b"{\n  \"a\": \"\\ud800\"}", BIG),
        Err(JsonError::LoneSurrogate { line: 2, column: 9 })
    );
    assert!(matches!(
        parse(br#""\ud800\u0041""#, BIG),
        Err(JsonError::LoneSurrogate { .. })
    ));
    assert_eq!(
        parse(b"{\"a\":\n  tru}", BIG),
        Err(JsonError::Syntax { line: 2, column: 6 })
    );
    // Not UTF-8: refused where it stops being text.
    assert_eq!(
        parse(b"[\"\xff\"]", BIG),
        Err(JsonError::Syntax { line: 1, column: 3 })
    );
    let deep = |n: usize| "[".repeat(n) + &"]".repeat(n);
    assert!(parse(deep(128).as_bytes(), BIG).is_ok());
    assert_eq!(parse(deep(129).as_bytes(), BIG), Err(JsonError::TooDeep));
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        "[\\x00-\\x20\"\\\\/\u{7f}\u{2028}é]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(".{0,6}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn exact_where_promised(m in 0u64..(1 << 53) / 10, e in -22i32..=22) {
        // Digits fitting 2^53 and an exponent within ±22: correctly rounded.
        let text = format!("{m}e{e}");
        let ours = parse(text.as_bytes(), BIG).unwrap();
        let theirs: Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(ours.as_f64(), theirs.as_f64(), "{}", text);
    }

    #[test]
    fn reads_what_serde_json_writes(v in value(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
        let read = parse(text.as_bytes(), BIG).unwrap();
        prop_assert!(same(&read, &v), "{} read as {}", text, read);
    }

    #[test]
    fn writes_what_serde_json_writes(v in value(), pretty in any::<bool>()) {
        let theirs = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
        prop_assert_eq!(write(&v, pretty), theirs);
    }

    #[test]
    fn any_text_is_read_or_refused_as_serde_json_does(text in "[\\[\\]{}\",:0-9a-z.eE+\\- \\\\]{0,24}") {
        let ours = parse(text.as_bytes(), BIG);
        let theirs: Result<Value, _> = serde_json::from_str(&text);
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?}", text, ours);
    }
}
