//! Procurement-route filing wizard: the rules of 鲁财采〔2020〕40号 and
//! 聊财采〔2021〕1号 as a pure domain, and a Leptos wizard over it.

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod ui;
