//! One click handler per panel: each button says what it does in
//! `data-act` (and, in a list, which item in `data-key`). Every distinct
//! event closure costs the bundle its own copy of the event plumbing; one
//! per panel does not.

use wasm_bindgen::JsCast;

/// The clicked button's `data-act` and `data-key` (empty when absent).
pub fn of(ev: &web_sys::MouseEvent) -> (String, String) {
    let button = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let attr = |name| {
        button
            .as_ref()
            .and_then(|b| b.get_attribute(name))
            .unwrap_or_default()
    };
    (attr("data-act"), attr("data-key"))
}
