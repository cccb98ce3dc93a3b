//! Procurement-route filing wizard: the rules of 鲁财采〔2020〕40号 and
//! 聊财采〔2021〕1号 as a pure domain, and a Leptos wizard over it.
//!
//! `domain`, `config` and `text` are plain Rust and compile natively (the
//! `filing-check` binary and the tests use them); `ui` and `embed` are the
//! browser side.
//!
//! `--cfg prw_views_off` (only `scripts/size-report --floor` sets it) builds
//! the wizard with an empty shell: every part but the pages, to weigh what
//! is not a view.
#![cfg_attr(prw_views_off, allow(dead_code, unused_imports))]

pub mod config;
pub mod domain;
pub mod text;
pub mod wizard;

#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod embed;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod storage;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod ui;
