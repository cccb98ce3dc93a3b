//! The empty Leptos page of bench/empty-leptos, plus one export that
//! reaches everything the browser side of the domain does for a purchaser:
//! read a stored draft, check its filing, build the package and write it,
//! say each finding in the chosen language.
use leptos::prelude::*;
use procurement_route_wizard::domain::date::Date;
use procurement_route_wizard::domain::i18n::Lang;
use procurement_route_wizard::domain::profile::{Profile, ProfileId};
use procurement_route_wizard::domain::{draft, package, rules};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {
    mount_to_body(|| {
        let count = RwSignal::new(0);
        view! {
            <h1>"Empty Leptos page"</h1>
            <button on:click=move |_| count.update(|c| *c += 1)>{move || count.get()}</button>
        }
    });
}

#[wasm_bindgen(js_name = checkDraft)]
pub fn check_draft(text: &str, locale: &str) -> String {
    let lang = Lang::from_tag(locale).unwrap_or(Lang::Zh);
    let now = js_sys::Date::now() as i64;
    let draft = match draft::parse(text) {
        Ok(d) => d,
        Err(e) => return e.detail().map(|d| d.message(lang)).unwrap_or_default(),
    };
    let profile = Profile::from_def(ProfileId::Liaocheng.def());
    let findings = rules::check(&draft.filing, &profile, Date::china_today(now));
    let mut out: Vec<String> = findings.iter().map(|f| f.text(lang).to_string()).collect();
    match package::build(&draft.filing, &profile, now) {
        Ok(p) => out.push(package::json_text(&p, false)),
        Err(e) => out.push(e.message(lang)),
    }
    out.join("\n")
}
