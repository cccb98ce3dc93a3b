//! Event handlers that buttons, links and forms share. Every distinct
//! event closure costs the bundle its own copy of the event plumbing
//! (about 0.3 KB gzip each), so a panel's buttons share one handler that
//! reads what each button says in `data-act` (and, in a list, which item
//! in `data-key`), a button that only acts on the wizard runs a plain
//! `fn(Wizard)` through [`run`], and links to a field and question forms
//! share [`to_field`] and [`continue_from`].

use wasm_bindgen::JsCast;

/// The clicked button's `data-act` and `data-key` (empty when absent):
/// the nearest element that has a `data-act`, so one handler on a panel
/// serves every button in it as well as a handler on the button itself.
pub fn of(ev: &web_sys::MouseEvent) -> (String, String) {
    let button = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("[data-act]").ok().flatten());
    let attr = |name| {
        button
            .as_ref()
            .and_then(|b| b.get_attribute(name))
            .unwrap_or_default()
    };
    (attr("data-act"), attr("data-key"))
}

/// A click handler that runs `action` on the wizard. Every button given
/// one shares a single closure type, and so a single copy of the event
/// plumbing, where a `move |_| …` per button would each bring its own.
pub fn run(
    w: crate::ui::state::Wizard,
    action: fn(crate::ui::state::Wizard),
) -> impl Fn(web_sys::MouseEvent) + Copy + 'static {
    move |_| action(w)
}

/// A link's click that moves to the field at `path`. The field lives in
/// the shadow root: focus is moved here and the host page's URL is left
/// alone. One closure type for every such link.
pub fn to_field(
    w: crate::ui::state::Wizard,
    path: String,
    from_check: bool,
) -> impl Fn(web_sys::MouseEvent) + Clone + 'static {
    move |ev| {
        ev.prevent_default();
        w.go_to_field(&path, from_check);
    }
}

/// A question page's form: submitting it (the button, or Enter in a field)
/// continues from `step`. One closure type for every such form.
pub fn continue_from(
    w: crate::ui::state::Wizard,
    step: crate::domain::route::Step,
) -> impl Fn(leptos::ev::SubmitEvent) + Copy + 'static {
    move |ev| {
        ev.prevent_default();
        w.continue_from(step);
    }
}
