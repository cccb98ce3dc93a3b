//! The notice's domain, pure: no browser, no clock, no I/O. It compiles
//! and tests natively and runs unchanged in the wasm bundle and in the
//! `filing-check` binary, so browser and server reach the same verdict.

pub mod agencies;
pub mod asked;
pub mod choice;
pub mod date;
pub mod decision;
pub mod draft;
pub mod field;
pub mod finding;
pub mod i18n;
pub mod json;
pub mod model;
pub mod money;
pub mod package;
pub mod profile;
pub mod read;
pub mod record;
pub mod route;
pub mod rules;
pub mod sample;
pub mod table;
pub mod uscc;
pub mod values;
pub mod verdict;
