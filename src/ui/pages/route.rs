//! The route page: the five routes to choose from, or the decision help
//! that asks one question per page (`domain::decision` decides which, and
//! what an unanswered one says).

use leptos::prelude::*;

use super::findings::ErrorSummary;
use super::{BackLink, Heading};
use crate::domain::decision::{route_rule, suggest, Question, Suggestion};
use crate::domain::i18n::Lang;
use crate::domain::model::DecisionAnswers;
use crate::domain::route::{RouteId, Step};
use crate::domain::rules::citation;
use crate::ui::act::run;
use crate::ui::form::{described_by, error_for, shows, ErrorMessage, Field, FieldView, Hint};
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

/// The notice's three ways, two of them in two forms: five options,
/// grouped as the notice groups them.
const GROUPS: [(&str, &[RouteId]); 3] = [
    ("route.group.D", &[RouteId::DOwn, RouteId::DJoin]),
    ("", &[RouteId::Agency]),
    ("route.group.J", &[RouteId::JMall, RouteId::JVoluntary]),
];

#[component]
fn RouteOptions() -> impl IntoView {
    let w = use_wizard();
    let path = Signal::derive(|| "route".to_string());
    let id = w.field_id("route");
    let error = error_for(w, path);
    let describedby = described_by(&id, true, error);
    let chosen = Memo::new(move |_| w.filing().with(|f| f.route));
    let groups = GROUPS
        .iter()
        .map(|(title, routes)| {
            let title_id = w.id(&title.replace('.', "-"));
            let labelled_by = title_id.clone();
            let radios = routes
                .iter()
                .map(|&route| {
                    // The first option carries the field's id: error links land on it.
                    let first = route == RouteId::DOwn;
                    let opt_id = if first { id.clone() } else { format!("{id}-{}", route.id()) };
                    let label = format!("route.{}", route.id());
                    let hint = format!("route.{}.hint", route.id());
                    view! {
                        <div class="prw-radio">
                            <input class="prw-radio__input" type="radio" id=opt_id.clone() name=id.clone() value=route.id()
                                prop:checked=move || chosen.get() == Some(route)
                                on:change=move |_| w.edit(None, |f| f.route = Some(route)) />
                            <label class="prw-radio__label" for=opt_id>{move || w.t(&label)}</label>
                            <div class="prw-hint prw-radio__hint">{move || w.t(&hint)}</div>
                        </div>
                    }
                })
                .collect_view();
            // A way with one form is its own option: no group around it.
            if routes.len() == 1 {
                return view! { <div class="prw-radio-group"><div class="prw-radios">{radios}</div></div> }
                    .into_any();
            }
            view! {
                <div class="prw-radio-group" role="group" aria-labelledby=labelled_by>
                    <p class="prw-radio-group__title" id=title_id><Tr k=title/></p>
                    <div class="prw-radios">{radios}</div>
                </div>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <div class="prw-field" class:prw-field--error=shows(error)>
            <fieldset class="prw-fieldset" aria-describedby=describedby>
                <legend class="prw-legend"><Tr k="label.route"/></legend>
                <Hint id=id.clone() hint=Some("hint.route")/>
                <ErrorMessage id error/>
                {groups}
            </fieldset>
        </div>
    }
}

#[component]
fn RouteChooser() -> impl IntoView {
    let w = use_wizard();
    let route = view! { <RouteOptions/> };
    view! {
        <form class="prw-form" novalidate on:submit=crate::ui::act::continue_from(w, Step::Route)>
            <p class="prw-body prw-lede"><Tr k="lede.route"/></p>
            {route}
            <p class="prw-body">
                <button type="button" class="prw-link" on:click=run(w, open_help)><Tr k="ui.help_link"/></button>
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
            <button type="button" class="prw-link" on:click=run(w, close_help)><Tr k="ui.help_back"/></button>
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
            let clause = w.profile.with(|p| citation(route_rule(route), &p.def));
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

/// "Not sure?": the questions that suggest a route.
fn open_help(w: Wizard) {
    show_help(w, true);
}

/// Back from the questions to choosing the route.
fn close_help(w: Wizard) {
    show_help(w, false);
}

fn show_help(w: Wizard, shown: bool) {
    w.nav.help.set(shown);
    w.nav.shown.set(Vec::new());
    w.focus_later(w.id("heading"));
}
