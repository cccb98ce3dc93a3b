//! The pages: the shell around them (title, language, progress), and one
//! module per page family. Each renders the page model and the domain's
//! findings; none decides what the domain decides.

mod check;
mod done;
mod findings;
mod route;
mod start;
mod step;

use leptos::prelude::*;

use super::state::{use_wizard, Wizard};
use super::tr::Tr;
use crate::domain::i18n::Lang;
use crate::domain::route::Step;
use check::CheckPage;
use done::DonePage;
pub use findings::ErrorSummary;
use route::RoutePage;
use start::StartPage;
use step::StepPage;

/// The wizard without its shell and pages (see `--cfg prw_views_off` in
/// lib.rs): mount, config, drafts, storage, embedding and rescue stay.
#[cfg(prw_views_off)]
#[component]
pub fn App() -> impl IntoView {
    view! { <p></p> }
}

#[cfg(not(prw_views_off))]
#[component]
pub fn App() -> impl IntoView {
    let w = use_wizard();
    let page = move || match w.nav.step.get() {
        Step::Start => view! { <StartPage/> }.into_any(),
        Step::Route => view! { <RoutePage/> }.into_any(),
        Step::Check => view! { <CheckPage/> }.into_any(),
        Step::Done => view! { <DonePage/> }.into_any(),
        step => view! { <StepPage step/> }.into_any(),
    };
    view! {
        <div class="prw" lang=move || w.lang.get().tag()>
            <div class="prw-header">
                <p class="prw-title"><Tr k="ui.title"/></p>
                <super::drafts::SaveStatusBar/>
                <LangToggle/>
            </div>
            <StepIndicator/>
            <div class="prw-main">{page}</div>
            <div class="prw-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
                {move || w.nav.announce.get()}
            </div>
        </div>
    }
}

#[component]
fn LangToggle() -> impl IntoView {
    let w = use_wizard();
    view! {
        <button type="button" class="prw-link prw-lang" lang=move || w.lang.get().other().tag()
            on:click=crate::ui::act::run(w, toggle_lang)>
            {move || if w.lang.get() == Lang::Zh { "English" } else { "中文" }}
        </button>
    }
}

fn toggle_lang(w: Wizard) {
    w.lang.update(|l| *l = l.other());
    w.nav.announce.set(w.t("ui.lang_changed").to_string());
}

/// "第 x 步，共 y 步": only once the route, and so the count, is known.
#[component]
fn StepIndicator() -> impl IntoView {
    let w = use_wizard();
    // Only the route matters here: not every keystroke.
    let route = Memo::new(move |_| w.filing().with(|f| f.route));
    move || {
        let step = w.nav.step.get();
        let route = route.get()?;
        let all: Vec<Step> = crate::domain::route::steps(Some(route))
            .into_iter()
            .filter(|s| !matches!(s, Step::Start | Step::Done))
            .collect();
        let at = all.iter().position(|s| *s == step)?;
        let items = all
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let key = format!("step.{}", s.id());
                let current = i == at;
                view! {
                    <li class="prw-steps__item" class:prw-steps__item--current=current
                        aria-current=current.then_some("step")>{move || w.t(&key)}</li>
                }
            })
            .collect_view();
        Some(view! {
            <nav class="prw-steps" aria-label=move || w.t("ui.progress")>
                <p class="prw-steps__count">
                    {move || crate::text::fill_ui("ui.step_of", w.lang.get(), &[("x", (at + 1).to_string()), ("y", all.len().to_string())])}
                </p>
                <ol class="prw-steps__list">{items}</ol>
            </nav>
        })
    }
}

#[component]
pub(super) fn Heading(#[prop(into)] key: Signal<String>) -> impl IntoView {
    let w = use_wizard();
    view! {
        <h2 class="prw-heading" id=w.id("heading") tabindex="-1">{move || w.t(&key.get())}</h2>
    }
}

#[component]
pub(super) fn BackLink() -> impl IntoView {
    let w = use_wizard();
    view! {
        <button type="button" class="prw-link prw-back" on:click=crate::ui::act::run(w, Wizard::back)><Tr k="ui.back"/></button>
    }
}
