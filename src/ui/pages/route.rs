//! The route page: the five routes to choose from, or the decision help
//! that asks one question per page (`domain::decision` decides which, and
//! what an unanswered one says).

use leptos::prelude::*;

use super::findings::ErrorSummary;
use super::{BackLink, Heading};
use crate::domain::decision::{route_rule, suggest, Question, Suggestion};
use crate::domain::i18n::Lang;
use crate::domain::model::DecisionAnswers;
use crate::domain::route::Step;
use crate::domain::rules::citation;
use crate::ui::form::{Field, FieldView};
use crate::ui::state::{use_wizard, Wizard};
use crate::ui::tr::Tr;
use crate::wizard::question;

#[derive(Clone, Copy, PartialEq)]
enum HelpPage {
    Ask(Question),
    Result,
}

fn help_page(w: Wizard) -> HelpPage {
    match w.filing().with_untracked(|f| suggest(&f.decision)) {
        Suggestion::Ask(q) => HelpPage::Ask(q),
        _ => HelpPage::Result,
    }
}

#[component]
pub(super) fn RoutePage() -> impl IntoView {
    let w = use_wizard();
    let page = RwSignal::new(help_page(w));
    let heading = Signal::derive(move || {
        match (w.nav.help.get(), page.get()) {
            (false, _) => "step.route",
            (true, HelpPage::Ask(_)) => "ui.help_title",
            (true, HelpPage::Result) => "ui.help_result_title",
        }
        .to_string()
    });
    view! {
        <div class="prw-page">
            <BackLink/>
            <ErrorSummary/>
            <Heading key=heading/>
            {move || if w.nav.help.get() {
                view! { <DecisionHelp page/> }.into_any()
            } else {
                view! { <RouteChooser/> }.into_any()
            }}
        </div>
    }
}

#[component]
fn RouteChooser() -> impl IntoView {
    let w = use_wizard();
    let route = question("route").map(|q| view! { <FieldView field=Field::from(q) path="route"/> });
    view! {
        <form class="prw-form" novalidate on:submit=move |ev| {
            ev.prevent_default();
            w.continue_from(Step::Route);
        }>
            <p class="prw-body prw-lede"><Tr k="lede.route"/></p>
            {route}
            <p class="prw-body">
                <button type="button" class="prw-link" on:click=move |_| {
                    w.nav.help.set(true);
                    w.nav.shown.set(Vec::new());
                    w.focus_later(w.id("heading"));
                }><Tr k="ui.help_link"/></button>
            </p>
            <button type="submit" class="prw-button"><Tr k="ui.continue"/></button>
        </form>
    }
}

#[component]
fn DecisionHelp(page: RwSignal<HelpPage>) -> impl IntoView {
    let w = use_wizard();
    let restart = move |_| {
        w.edit(None, |f| f.decision = DecisionAnswers::default());
        page.set(HelpPage::Ask(Question::Object));
        w.focus_later(w.id("heading"));
    };
    view! {
        {move || match page.get() {
            HelpPage::Ask(q) => view! { <HelpQuestion q page/> }.into_any(),
            HelpPage::Result => view! { <HelpResult/> }.into_any(),
        }}
        <p class="prw-body">
            <button type="button" class="prw-link" on:click=restart><Tr k="ui.help_restart"/></button>
            " · "
            <button type="button" class="prw-link" on:click=move |_| {
                w.nav.help.set(false);
                w.nav.shown.set(Vec::new());
                w.focus_later(w.id("heading"));
            }><Tr k="ui.help_back"/></button>
        </p>
    }
}

#[component]
fn HelpQuestion(q: Question, page: RwSignal<HelpPage>) -> impl IntoView {
    let w = use_wizard();
    let next = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !w.filing().with_untracked(|f| q.answered(&f.decision)) {
            let profile = w.profile.get_untracked();
            w.nav.shown.set(vec![q.unanswered(&profile)]);
            w.focus_later(w.id("error-summary"));
            return;
        }
        w.nav.shown.set(Vec::new());
        page.set(help_page(w));
        w.focus_later(w.id("heading"));
    };
    let field = question(&q.path()).map(|field| {
        view! { <FieldView field=Field::from(field) path=q.path()/> }
    });
    view! {
        <form class="prw-form" novalidate on:submit=next>
            {field}
            <button type="submit" class="prw-button"><Tr k="ui.continue"/></button>
        </form>
    }
}

#[component]
fn HelpResult() -> impl IntoView {
    let w = use_wizard();
    move || match w.filing().with(|f| suggest(&f.decision)) {
        Suggestion::Route(route, why) => {
            let clause = citation(route_rule(route), w.profile.get().id);
            let label = format!("route.{}", route.id());
            view! {
                <div class="prw-panel prw-panel--result">
                    <p class="prw-body"><strong><Tr k="ui.help_result"/></strong>" "{move || w.t(&label)}</p>
                    <p class="prw-body"><Tr k=why/></p>
                    <p class="prw-clause">{move || if w.lang.get() == Lang::Zh { clause.zh.clone() } else { clause.en.clone() }}</p>
                </div>
                <button type="button" class="prw-button" on:click=move |_| {
                    w.edit(None, |f| f.route = Some(route));
                    w.nav.help.set(false);
                    w.continue_from(Step::Route);
                }><Tr k="ui.choose_route"/></button>
            }
            .into_any()
        }
        _ => view! {
            <div class="prw-panel prw-panel--result">
                <p class="prw-body"><Tr k="why.none"/></p>
            </div>
        }
        .into_any(),
    }
}
