//! `<Tr k="key"/>`: a catalog text in the current language. One component
//! type for every translated text, instead of one closure type each: the
//! wasm carries the rendering code once, not a hundred times.

use leptos::prelude::*;

use super::state::use_wizard;

#[component]
pub fn Tr(k: &'static str) -> impl IntoView {
    let w = use_wizard();
    move || w.t(k)
}
