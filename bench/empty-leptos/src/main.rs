//! An empty Leptos page: one heading and one button.
use leptos::prelude::*;

fn main() {
    mount_to_body(|| {
        let count = RwSignal::new(0);
        view! {
            <h1>"Empty Leptos page"</h1>
            <button on:click=move |_| count.update(|c| *c += 1)>{move || count.get()}</button>
        }
    });
}
