//! The stand-in's streams behave as wasm-streams' for the calls server_fn
//! makes, in headless Chromium: chunks go through a JS `ReadableStream`
//! and come back in order; an error reaches the reader and ends the stream.
#![cfg(target_arch = "wasm32")]

use futures_util::stream::{self, StreamExt};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use wasm_streams::ReadableStream;

wasm_bindgen_test_configure!(run_in_browser);

fn chunks(items: Vec<Result<JsValue, JsValue>>) -> Vec<Result<JsValue, JsValue>> {
    items
}

#[wasm_bindgen_test]
async fn chunks_round_trip_through_a_js_stream_in_order() {
    let sent = chunks(vec![Ok("a".into()), Ok(JsValue::from(2)), Ok("c".into())]);
    let raw = ReadableStream::from_stream(stream::iter(sent)).into_raw();
    let got: Vec<_> = ReadableStream::from_raw(raw).into_stream().collect().await;
    assert_eq!(got.len(), 3);
    assert_eq!(
        got[0].as_ref().ok().and_then(|v| v.as_string()),
        Some("a".into())
    );
    assert_eq!(got[1].as_ref().ok().and_then(|v| v.as_f64()), Some(2.0));
    assert_eq!(
        got[2].as_ref().ok().and_then(|v| v.as_string()),
        Some("c".into())
    );
}

#[wasm_bindgen_test]
async fn an_error_reaches_the_reader_and_ends_the_stream() {
    let sent = chunks(vec![
        Ok("a".into()),
        Err("broken".into()),
        Ok("never".into()),
    ]);
    let raw = ReadableStream::from_stream(stream::iter(sent)).into_raw();
    let got: Vec<_> = ReadableStream::from_raw(raw).into_stream().collect().await;
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].is_ok());
    assert_eq!(
        got[1].as_ref().err().and_then(|e| e.as_string()),
        Some("broken".into())
    );
}

#[wasm_bindgen_test]
async fn an_empty_stream_closes() {
    let raw = ReadableStream::from_stream(stream::iter(chunks(vec![]))).into_raw();
    let got: Vec<_> = ReadableStream::from_raw(raw).into_stream().collect().await;
    assert!(got.is_empty());
}
