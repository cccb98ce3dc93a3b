//! The pages around the questions: shell, start, route choice with its
//! decision help, check answers and done.

use leptos::prelude::*;

use super::tr::Tr;

use super::form::{Field, FieldView, Input};
use super::state::use_wizard;
use super::steps::fields;
use crate::domain::finding::{Finding, Severity};
use crate::domain::i18n::Lang;
use crate::domain::model::DecisionAnswers;
use crate::domain::route::{suggest, Question, RouteId, Step, Suggestion};
use crate::domain::rules::citation;

#[component]
pub fn App() -> impl IntoView {
    let w = use_wizard();
    let page = move || match w.step.get() {
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
                {move || w.announce.get()}
            </div>
        </div>
    }
}

#[component]
fn LangToggle() -> impl IntoView {
    let w = use_wizard();
    let other = move || {
        if w.lang.get() == Lang::Zh {
            Lang::En
        } else {
            Lang::Zh
        }
    };
    view! {
        <button type="button" class="prw-link prw-lang" lang=move || other().tag()
            on:click=move |_| {
                w.lang.set(other());
                w.announce.set(w.t("ui.lang_changed").to_string());
            }>
            {move || if w.lang.get() == Lang::Zh { "English" } else { "中文" }}
        </button>
    }
}

/// "第 x 步，共 y 步": only once the route, and so the count, is known.
#[component]
fn StepIndicator() -> impl IntoView {
    let w = use_wizard();
    // Only the route matters here: not every keystroke.
    let route = Memo::new(move |_| w.filing().with(|f| f.route));
    move || {
        let step = w.step.get();
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

/// The GOV.UK error summary: focused on failure, each entry a link to its field.
#[component]
pub fn ErrorSummary() -> impl IntoView {
    let w = use_wizard();
    let errors = Memo::new(move |_| {
        w.shown
            .with(|s| s.iter().filter(|f| f.blocks()).cloned().collect::<Vec<_>>())
    });
    move || {
        let list = errors.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|f| view! { <li><FindingLink finding=f/></li> })
                .collect_view();
            view! {
                <div class="prw-error-summary" id=w.id("error-summary") tabindex="-1"
                    aria-labelledby=w.id("error-summary-title")>
                    <div role="alert">
                        <h2 class="prw-error-summary__title" id=w.id("error-summary-title")>
                            <Tr k="ui.error_summary_title"/>
                        </h2>
                        <ul class="prw-error-summary__list">{items}</ul>
                    </div>
                </div>
            }
        })
    }
}

/// A finding as a link to its field, with its clause.
#[component]
fn FindingLink(finding: Finding) -> impl IntoView {
    let w = use_wizard();
    let path = finding.path.clone();
    let href = format!("#{}", w.field_id(&path));
    let from_check = w.step.get_untracked() == Step::Check;
    let f2 = finding.clone();
    view! {
        <a class="prw-link" href=href on:click=move |ev| {
            // The field lives in a shadow root: move focus ourselves and
            // leave the host page's URL alone.
            ev.prevent_default();
            w.go_to_field(&path, from_check);
        }>{move || finding.text(w.lang.get()).to_string()}</a>
        " "
        <span class="prw-clause">{move || format!("（{}）", f2.clause_text(w.lang.get()))}</span>
    }
}

/// Advice shown apart from errors; never blocks.
#[component]
fn FindingList(findings: Vec<Finding>, title: &'static str, class: &'static str) -> impl IntoView {
    let w = use_wizard();
    (!findings.is_empty()).then(|| {
        let items = findings
            .into_iter()
            .map(|f| {
                let f2 = f.clone();
                view! {
                    <li>
                        {move || f.text(w.lang.get()).to_string()}
                        " "
                        <span class="prw-clause">{move || format!("（{}）", f2.clause_text(w.lang.get()))}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class=format!("prw-panel {class}")>
                <h3 class="prw-panel__title"><Tr k=title/></h3>
                <ul class="prw-panel__list">{items}</ul>
            </div>
        }
    })
}

#[component]
fn Heading(#[prop(into)] key: Signal<String>) -> impl IntoView {
    let w = use_wizard();
    view! {
        <h2 class="prw-heading" id=w.id("heading") tabindex="-1">{move || w.t(&key.get())}</h2>
    }
}

#[component]
fn BackLink() -> impl IntoView {
    let w = use_wizard();
    view! {
        <button type="button" class="prw-link prw-back" on:click=move |_| w.back()><Tr k="ui.back"/></button>
    }
}

#[component]
fn StartPage() -> impl IntoView {
    let w = use_wizard();
    view! {
        <div class="prw-page">
            <Heading key="step.start"/>
            <p class="prw-body"><Tr k="start.lede"/></p>
            <ul class="prw-list-bullets">
                <li><Tr k="start.need_purchaser"/></li>
                <li><Tr k="start.need_project"/></li>
                <li><Tr k="start.need_route"/></li>
            </ul>
            <p class="prw-body prw-hint"><Tr k="start.clauses"/></p>
            <button type="button" class="prw-button prw-button--start" on:click=move |_| {
                if w.draft.with_untracked(|d| d.id.is_empty()) {
                    super::drafts::begin(w);
                }
                w.go(Step::Route);
            }>
                {move || if w.draft.with(|d| d.id.is_empty()) { w.t("ui.start") } else { w.t("ui.continue_current") }}
            </button>
            {move || (!w.draft.with(|d| d.id.is_empty())).then(|| view! {
                <button type="button" class="prw-button prw-button--secondary" on:click=move |_| {
                    super::drafts::reset_for_new(w);
                    super::drafts::begin(w);
                    w.go(Step::Route);
                }><Tr k="ui.new_filing"/></button>
            })}
            <super::drafts::DraftsPanel/>
        </div>
    }
}

/// The question a decision-help page shows, with its answer's path.
pub fn question_field(q: Question) -> Field {
    match q {
        Question::Object => Field::choice("q.object", "decision.object"),
        Question::JoiningHigher => Field::choice("q.joining_higher", "decision.joining_higher"),
        Question::PoolingOwnSystem => {
            Field::choice("q.pooling_own_system", "decision.pooling_own_system")
        }
        Question::SeveralPurchasers => {
            Field::choice("q.several_purchasers", "decision.several_purchasers")
        }
        Question::CatalogUnified => Field::choice("q.catalog_unified", "decision.catalog_unified"),
        Question::CrossLevelAgency => {
            Field::choice("q.cross_level_agency", "decision.cross_level_agency")
        }
    }
}

fn answered(a: &DecisionAnswers, q: Question) -> bool {
    match q {
        Question::Object => a.object.is_some(),
        Question::JoiningHigher => a.joining_higher.is_some(),
        Question::PoolingOwnSystem => a.pooling_own_system.is_some(),
        Question::SeveralPurchasers => a.several_purchasers.is_some(),
        Question::CatalogUnified => a.catalog_unified.is_some(),
        Question::CrossLevelAgency => a.cross_level_agency.is_some(),
    }
}

/// The rule whose clause explains why a route fits.
fn route_rule(route: RouteId) -> &'static str {
    match route {
        RouteId::DOwn => "D1",
        RouteId::DJoin => "D8",
        RouteId::Agency => "A1",
        RouteId::JMall => "J1",
        RouteId::JVoluntary => "J3",
    }
}

#[derive(Clone, Copy, PartialEq)]
enum HelpPage {
    Ask(Question),
    Result,
}

#[component]
fn RoutePage() -> impl IntoView {
    let w = use_wizard();
    let first = match w.filing().with_untracked(|f| suggest(&f.decision)) {
        Suggestion::Ask(q) => HelpPage::Ask(q),
        _ => HelpPage::Result,
    };
    let help_page = RwSignal::new(first);
    let route_field = Field::choice("label.route", "route").hint("hint.route");
    let chooser = move || {
        let route_field = route_field.clone();
        view! {
            <form class="prw-form" novalidate on:submit=move |ev| {
                ev.prevent_default();
                w.continue_from(Step::Route);
            }>
                <p class="prw-body prw-lede"><Tr k="lede.route"/></p>
                <FieldView field=route_field path="route"/>
                <p class="prw-body">
                    <button type="button" class="prw-link" on:click=move |_| {
                        w.help.set(true);
                        w.shown.set(Vec::new());
                        w.focus_later(w.id("heading"));
                    }><Tr k="ui.help_link"/></button>
                </p>
                <button type="submit" class="prw-button"><Tr k="ui.continue"/></button>
            </form>
        }
    };
    let helper = move || {
        let page = help_page.get();
        match page {
            HelpPage::Ask(q) => {
                let field = question_field(q);
                let next = move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    if !w.filing().with_untracked(|f| answered(&f.decision, q)) {
                        w.shown.set(vec![help_error(q)]);
                        w.focus_later(w.id("error-summary"));
                        return;
                    }
                    w.shown.set(Vec::new());
                    let s = w.filing().with_untracked(|f| suggest(&f.decision));
                    help_page.set(match s {
                        Suggestion::Ask(q) => HelpPage::Ask(q),
                        _ => HelpPage::Result,
                    });
                    w.focus_later(w.id("heading"));
                };
                view! {
                    <form class="prw-form" novalidate on:submit=next>
                        <FieldView field path=q_path(q)/>
                        <button type="submit" class="prw-button"><Tr k="ui.continue"/></button>
                    </form>
                }
                .into_any()
            }
            HelpPage::Result => {
                let s = w.filing().with(|f| suggest(&f.decision));
                match s {
                    Suggestion::Route(route, why) => {
                        let profile = w.profile.get().id;
                        let clause = citation(route_rule(route), profile);
                        let label = format!("route.{}", route.id());
                        view! {
                            <div class="prw-panel prw-panel--result">
                                <p class="prw-body"><strong><Tr k="ui.help_result"/></strong>" "{move || w.t(&label)}</p>
                                <p class="prw-body"><Tr k=why/></p>
                                <p class="prw-clause">{move || if w.lang.get() == Lang::Zh { clause.zh.clone() } else { clause.en.clone() }}</p>
                            </div>
                            <button type="button" class="prw-button" on:click=move |_| {
                                w.edit(None, |f| f.route = Some(route));
                                w.help.set(false);
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
        }
    };
    let restart_help = move |_| {
        w.edit(None, |f| f.decision = DecisionAnswers::default());
        help_page.set(HelpPage::Ask(Question::Object));
        w.focus_later(w.id("heading"));
    };
    view! {
        <div class="prw-page">
            <BackLink/>
            <ErrorSummary/>
            <Heading key=Signal::derive(move || {
                if !w.help.get() {
                    "step.route".to_string()
                } else {
                    match help_page.get() {
                        HelpPage::Ask(_) => "ui.help_title".to_string(),
                        HelpPage::Result => "ui.help_result_title".to_string(),
                    }
                }
            })/>
            {move || if w.help.get() {
                view! {
                    {helper}
                    <p class="prw-body">
                        <button type="button" class="prw-link" on:click=restart_help><Tr k="ui.help_restart"/></button>
                        " · "
                        <button type="button" class="prw-link" on:click=move |_| {
                            w.help.set(false);
                            w.shown.set(Vec::new());
                            w.focus_later(w.id("heading"));
                        }><Tr k="ui.help_back"/></button>
                    </p>
                }.into_any()
            } else {
                chooser().into_any()
            }}
        </div>
    }
}

fn q_path(q: Question) -> String {
    format!("decision.{}", q.id())
}

/// A decision-help question left unanswered: shown like any finding.
fn help_error(q: Question) -> Finding {
    let both = |key: &str| crate::domain::finding::Localized {
        zh: crate::text::t(key, Lang::Zh).into(),
        en: crate::text::t(key, Lang::En).into(),
    };
    Finding {
        rule: "G4".into(),
        key: "ui.help_answer".into(),
        severity: Severity::Error,
        clause: both(&format!("q.{}.clause", q.id())),
        interpretation: false,
        path: q_path(q),
        params: Default::default(),
        message: both("ui.help_answer"),
    }
}

#[component]
fn StepPage(step: Step) -> impl IntoView {
    let w = use_wizard();
    let warnings = Memo::new(move |_| {
        w.shown.with(|s| {
            s.iter()
                .filter(|f| f.severity == Severity::Warning)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let body = fields(step)
        .into_iter()
        .map(|field| {
            let path = field.path.to_string();
            view! { <FieldView field path/> }
        })
        .collect_view();
    view! {
        <div class="prw-page">
            <BackLink/>
            <ErrorSummary/>
            <Heading key=format!("step.{}", step.id())/>
            {crate::text::has(&format!("lede.{}", step.id())).then(|| {
                let key = format!("lede.{}", step.id());
                view! { <p class="prw-body prw-lede">{move || w.t(&key)}</p> }
            })}
            <form class="prw-form" novalidate on:submit=move |ev| {
                ev.prevent_default();
                w.continue_from(step);
            }>
                {body}
                {move || view! { <FindingList findings=warnings.get() title="ui.warnings_title" class="prw-panel--warning"/> }}
                <button type="submit" class="prw-button"><Tr k="ui.continue"/></button>
            </form>
        </div>
    }
}

/// One row of the check-answers summary list.
#[component]
fn AnswerRow(field: Field) -> impl IntoView {
    let w = use_wizard();
    let label = field.label;
    let path = field.path;
    let shown = field.when.clone();
    let answer = {
        let field = field.clone();
        move || w.filing().with(|f| field.answer(w, f))
    };
    let row = move || {
        let answer = answer.clone();
        view! {
            <div class="prw-summary__row">
                <dt class="prw-summary__key"><Tr k=label/></dt>
                <dd class="prw-summary__value">
                    {move || answer().unwrap_or_else(|| w.t("ui.not_provided").to_string())}
                </dd>
                <dd class="prw-summary__actions">
                    <a class="prw-link" href=format!("#{}", w.field_id(path)) on:click=move |ev| {
                        ev.prevent_default();
                        w.go_to_field(path, true);
                    }>
                        <Tr k="ui.change"/>
                        <span class="prw-visually-hidden">" "<Tr k=label/></span>
                    </a>
                </dd>
            </div>
        }
    };
    move || {
        let visible = shown
            .as_ref()
            .is_none_or(|c| w.filing().with(|f| c(f, &w.profile.get())));
        visible.then(row.clone())
    }
}

#[component]
fn ListAnswers(field: Field) -> impl IntoView {
    let w = use_wizard();
    let Input::List(kind) = field.input else {
        return ().into_any();
    };
    let path = field.path;
    let rows = move || {
        w.filing().with(|f| {
            kind.rows(f)
                .iter()
                .map(|p| {
                    let amount = crate::domain::money::Fen::parse_yuan(&p.amount)
                        .map(|a| a.yuan_string())
                        .unwrap_or_else(|_| p.amount.clone());
                    view! {
                        <tr><td>{p.name.clone()}</td><td class="prw-code">{p.uscc.clone()}</td><td>{p.plan_ref.clone()}</td><td class="prw-num">{amount}</td></tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="prw-summary__row prw-summary__row--table">
            <dt class="prw-summary__key">{move || w.t(field.label)}</dt>
            <dd class="prw-summary__value">
                <table class="prw-table">
                    <thead><tr>
                        <th scope="col"><Tr k="label.party.name"/></th>
                        <th scope="col"><Tr k="label.party.uscc"/></th>
                        <th scope="col"><Tr k="label.party.plan_ref"/></th>
                        <th scope="col"><Tr k="label.party.amount"/></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </dd>
            <dd class="prw-summary__actions">
                <a class="prw-link" href=format!("#{}", w.field_id(path)) on:click=move |ev| {
                    ev.prevent_default();
                    w.go_to_field(path, true);
                }><Tr k="ui.change"/><span class="prw-visually-hidden">" "{move || w.t(field.label)}</span></a>
            </dd>
        </div>
    }
    .into_any()
}

#[component]
fn CheckPage() -> impl IntoView {
    let w = use_wizard();
    let findings = Memo::new(move |_| {
        w.filing().track();
        w.profile.track();
        w.findings_now()
    });
    let of = move |sev: Severity| {
        findings.with(|all| {
            all.iter()
                .filter(|f| f.severity == sev)
                .cloned()
                .collect::<Vec<Finding>>()
        })
    };
    let digest = Memo::new(move |_| {
        w.filing().track();
        w.build_package().map(|p| p.digest).unwrap_or_default()
    });
    let sections = move || {
        w.route_steps()
            .into_iter()
            .filter(|s| !matches!(s, Step::Start | Step::Check | Step::Done))
            .map(|step| {
                let rows = if step == Step::Route {
                    vec![Field::choice("label.route", "route")]
                } else {
                    fields(step)
                        .into_iter()
                        .filter(|f| !matches!(f.input, Input::Note))
                        .collect()
                };
                let title = format!("step.{}", step.id());
                let items = rows
                    .into_iter()
                    .map(|field| match field.input {
                        Input::List(_) => view! { <ListAnswers field/> }.into_any(),
                        _ => view! { <AnswerRow field/> }.into_any(),
                    })
                    .collect_view();
                view! {
                    <section class="prw-check-section">
                        <h3 class="prw-check-section__title">{move || w.t(&title)}</h3>
                        <dl class="prw-summary">{items}</dl>
                    </section>
                }
            })
            .collect_view()
    };
    let submit = move |_| {
        let errors = of(Severity::Error);
        if !errors.is_empty() {
            w.shown.set(errors);
            w.set_title(true);
            w.focus_later(w.id("error-summary"));
            return;
        }
        if let Some(package) = w.build_package() {
            let json = crate::domain::package::json_text(&package, false);
            w.package.set(Some(package));
            w.go(Step::Done);
            w.emit("wizard:submit", &json);
        }
    };
    view! {
        <div class="prw-page prw-page--check">
            <BackLink/>
            <ErrorSummary/>
            <Heading key="step.check"/>
            {move || {
                let errors = of(Severity::Error);
                (!errors.is_empty()).then(|| {
                    let items = errors.into_iter().map(|f| view! { <li><FindingLink finding=f/></li> }).collect_view();
                    view! {
                        <div class="prw-panel prw-panel--errors">
                            <h3 class="prw-panel__title"><Tr k="ui.check_outstanding"/></h3>
                            <ul class="prw-panel__list">{items}</ul>
                        </div>
                    }
                })
            }}
            {sections}
            {move || view! { <FindingList findings=of(Severity::Warning) title="ui.warnings_title" class="prw-panel--warning"/> }}
            {move || view! { <FindingList findings=of(Severity::Info) title="ui.notes_title" class="prw-panel--notes"/> }}
            <p class="prw-print-only prw-digest"><Tr k="ui.digest"/>" "<span class="prw-code">{move || digest.get()}</span></p>
            <button type="button" class="prw-button" on:click=submit><Tr k="ui.generate"/></button>
            <button type="button" class="prw-button prw-button--secondary prw-no-print" on:click=move |_| {
                let _ = window().print();
            }><Tr k="ui.print"/></button>
        </div>
    }
}

#[component]
fn DonePage() -> impl IntoView {
    let w = use_wizard();
    let json = Memo::new(move |_| {
        w.package
            .with(|p| {
                p.as_ref()
                    .map(|p| crate::domain::package::json_text(p, true))
            })
            .unwrap_or_default()
    });
    let digest = move || {
        w.package
            .with(|p| p.as_ref().map(|p| p.digest.clone()).unwrap_or_default())
    };
    let file_name = move || {
        w.package
            .with(|p| {
                p.as_ref().map(|p| {
                    format!(
                        "filing-{}-{}.json",
                        p.route.id(),
                        &p.digest[7..15.min(p.digest.len())]
                    )
                })
            })
            .unwrap_or_else(|| "filing.json".into())
    };
    view! {
        <div class="prw-page">
            <div class="prw-panel prw-panel--confirmation">
                <Heading key="step.done"/>
                <p class="prw-body"><Tr k="done.lede"/></p>
                <p class="prw-body"><Tr k="ui.digest"/>" "<span class="prw-code" id=w.id("digest")>{digest}</span></p>
            </div>
            <button type="button" class="prw-button" on:click=move |_| super::drafts::download(&file_name(), "application/json", &json.get_untracked())>
                <Tr k="ui.download"/>
            </button>
            <details class="prw-details">
                <summary><Tr k="ui.show_json"/></summary>
                <pre class="prw-pre" id=w.id("package-json")>{move || json.get()}</pre>
            </details>
            <button type="button" class="prw-button prw-button--secondary" on:click=move |_| {
                super::drafts::reset_for_new(w);
                w.returning.set(false);
                w.go(Step::Start);
            }><Tr k="ui.new_filing"/></button>
        </div>
    }
}
