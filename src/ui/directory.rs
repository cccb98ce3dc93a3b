//! The agency directory on the agency page: the centre a choice names is
//! filled in and locked (`domain::agencies::fill`, `locked`), with a way
//! out when it is not that one; the resident-centre and "other" choices
//! get the directory's agencies of the purchaser's region as suggestions.

use leptos::prelude::*;

use super::state::{use_wizard, Wizard};
use crate::domain::agencies::{for_choice, in_region, Agency};
use crate::domain::choice::Choice;
use crate::domain::model::AgencyChoice;
use crate::domain::uscc::Uscc;
use crate::text::{fill_ui, t};

/// What the directory offers for the answers so far: whether the choice
/// names a centre (and it is filled in), and the entries to show. Worked
/// out where it is needed rather than kept in a memo: a memo of its own
/// type would cost the bundle more than the few comparisons it saves.
fn offer(w: Wizard) -> (bool, Vec<Agency>) {
    w.filing().with(|f| {
        w.profile.with(|p| match f.agency.choice {
            Some(AgencyChoice::ProvincialCentre | AgencyChoice::JinanCentre) => {
                let entry = f.agency.choice.and_then(|c| for_choice(&p.agencies, c));
                entry
                    .filter(|e| f.agency.agency.name.trim() == e.name)
                    .map(|e| (true, vec![e.clone()]))
                    .unwrap_or((true, Vec::new()))
            }
            Some(_) => {
                let division = Uscc::parse(&f.purchaser.uscc)
                    .map(|u| u.division().to_string())
                    .unwrap_or_default();
                let near: Vec<Agency> = in_region(&p.agencies, &division)
                    .into_iter()
                    .cloned()
                    .collect();
                (false, near)
            }
            None => (false, Vec::new()),
        })
    })
}

#[component]
pub fn AgencyDirectory() -> impl IntoView {
    let w = use_wizard();
    // One handler for every button (by `data-act`).
    let act = move |ev: web_sys::MouseEvent| {
        let (act, _) = super::act::of(&ev);
        let (_, entries) = offer(w);
        if act == "other" {
            // Not this centre: type the agency instead, as "another".
            w.edit(None, |f| {
                f.agency.choice = Some(AgencyChoice::Other);
                f.agency.agency = Default::default();
            });
            w.focus_later(w.field_id("agency.agency.name"));
        } else if let Some(e) = act.parse::<usize>().ok().and_then(|i| entries.get(i)) {
            let e = e.clone();
            w.edit(None, |f| {
                let a = &mut f.agency.agency;
                a.name = e.name.clone();
                a.level = Some(e.level);
                a.uscc = e.uscc.clone().unwrap_or_default();
            });
            w.nav.announce.set(fill_ui(
                "directory.used",
                w.lang.get_untracked(),
                &[("agency", e.name)],
            ));
        }
    };
    move || {
        let lang = w.lang.get();
        let (named, entries) = offer(w);
        let describe = |e: &Agency| match lang {
            crate::domain::i18n::Lang::Zh => format!("{}（{}）", e.name, t(e.level.label(), lang)),
            crate::domain::i18n::Lang::En => format!("{} ({})", e.name, t(e.level.label(), lang)),
        };
        if named {
            let text = match entries.first() {
                Some(e) => fill_ui("directory.named", lang, &[("agency", describe(e))]),
                None => return ().into_any(),
            };
            view! {
                <div class="prw-inset">
                    <p class="prw-body">{text}</p>
                    <button type="button" class="prw-button prw-button--secondary" data-act="other" on:click=act>
                        {t("directory.not_this", lang)}
                    </button>
                </div>
            }
            .into_any()
        } else if entries.is_empty() {
            ().into_any()
        } else {
            let buttons = entries
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    view! {
                        <button type="button" class="prw-button prw-button--secondary" data-act=i.to_string() on:click=act>
                            {fill_ui("directory.use", lang, &[("agency", describe(e))])}
                        </button>
                    }
                })
                .collect_view();
            view! {
                <div class="prw-inset">
                    <p class="prw-body">{t("directory.near", lang)}</p>
                    <div class="prw-bulk__actions">{buttons}</div>
                </div>
            }
            .into_any()
        }
    }
}
