//! The four calls of wasm-streams 0.5 that server_fn's browser client
//! makes (`ReadableStream::from_raw`, `from_stream`, `into_raw`,
//! `into_stream`), and nothing else.
//!
//! Leptos always links server_fn with its `browser` feature, and the real
//! crate exports three `#[wasm_bindgen]` classes (stream sources and a
//! sink). Exports are roots: no optimiser removes them, nor the futures
//! machinery they reach, though a client-side page never constructs one.
//! In the wizard's bundle that was 5.4 KB gzip of 150 budgeted. This
//! version builds the same streams from plain JS objects and closures, so
//! it exports nothing; the wizard defines no server functions, so none of
//! it is even instantiated there. Should the wizard ever stream to a
//! server function, these behave as wasm-streams' do for those four
//! calls (a pull source; a default reader read to its end).

use std::cell::RefCell;
use std::pin::Pin;
use std::rc::Rc;

use futures_util::stream::{self, Stream, StreamExt};
use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue, UnwrapThrowExt};
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::{ReadableStreamDefaultController, ReadableStreamDefaultReader};

pub mod readable {
    pub use super::{IntoStream, ReadableStream};
    pub mod sys {
        pub use web_sys::ReadableStream;
    }
}

/// The chunks a stream yields, as wasm-streams' `IntoStream` does.
pub type IntoStream<'a> = Pin<Box<dyn Stream<Item = Result<JsValue, JsValue>> + 'a>>;

/// A JS `ReadableStream`, owned.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// A JS stream that pulls each chunk from `stream`; an `Err` item
    /// errors the JS stream, the end closes it.
    pub fn from_stream<St>(stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        let source: Rc<RefCell<IntoStream<'static>>> = Rc::new(RefCell::new(Box::pin(stream)));
        let pull = Closure::<dyn FnMut(ReadableStreamDefaultController) -> Promise>::new(
            move |controller: ReadableStreamDefaultController| {
                let source = source.clone();
                future_to_promise(async move {
                    // One pull at a time: the JS stream waits for this
                    // promise before it pulls again, so the borrow is free.
                    let next = futures_util::future::poll_fn(|cx| {
                        source.borrow_mut().as_mut().poll_next(cx)
                    })
                    .await;
                    match next {
                        Some(Ok(chunk)) => controller.enqueue_with_chunk(&chunk)?,
                        Some(Err(error)) => return Err(error),
                        None => controller.close()?,
                    }
                    Ok(JsValue::UNDEFINED)
                })
            },
        );
        let underlying = Object::new();
        // Owned by the JS function from here: freed with it. Setting a
        // property of a new plain object cannot fail.
        let _ = Reflect::set(&underlying, &"pull".into(), &pull.into_js_value());
        // Throws as wasm-streams does if the browser has no such streams.
        let raw = web_sys::ReadableStream::new_with_underlying_source(&underlying)
            .expect_throw("ReadableStream is not supported by this browser");
        Self { raw }
    }

    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// The stream's chunks, read through a default reader until it ends;
    /// an error ends it after being yielded.
    pub fn into_stream(self) -> IntoStream<'static> {
        let reader: ReadableStreamDefaultReader = self.raw.get_reader().unchecked_into();
        stream::unfold(Some(reader), |reader| async move {
            let reader = reader?;
            match JsFuture::from(reader.read()).await {
                Ok(result) => {
                    let done = Reflect::get(&result, &"done".into())
                        .ok()
                        .and_then(|d| d.as_bool())
                        .unwrap_or(true);
                    if done {
                        return None;
                    }
                    let value =
                        Reflect::get(&result, &"value".into()).unwrap_or(JsValue::UNDEFINED);
                    Some((Ok(value), Some(reader)))
                }
                Err(error) => Some((Err(error), None)),
            }
        })
        .boxed_local()
    }
}
