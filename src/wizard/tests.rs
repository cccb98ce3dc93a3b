//! The page model against the declarations and the rules: every question
//! names an answer and has its words, every finding lands on a page of its
//! route, and "(optional)" on a page means the rules accept it blank.

// Compiled only with the tests (also declared `#[cfg(test)] mod tests` in
// mod.rs): its unwraps are assertions, never reached by input.
#![cfg(test)]

use super::*;
use crate::domain::asked::asked;
use crate::domain::profile::{Profile, ProfileId};
use crate::domain::route::{steps, RouteId};
use crate::domain::rules::check;
use crate::domain::sample::sample;
use crate::text::t;

fn today() -> crate::domain::date::Date {
    crate::domain::date::Date::parse("2026-11-29").unwrap()
}

/// Every question of every route's pages, with rows at their real paths
/// (`list[i].field`), as the purchaser of `f` is asked them.
fn asked_paths(f: &Filing, p: &Profile) -> Vec<(Step, Question)> {
    let mut out = Vec::new();
    for step in steps(f.route) {
        for entry in entries(step) {
            match entry {
                Entry::Ask(q) => out.push((step, q)),
                Entry::List { path, .. } => {
                    let rows = match record::slot_at(f, path) {
                        Some(Slot::Rows(rows)) => rows.len(),
                        _ => 0,
                    };
                    for i in 0..rows {
                        for mut q in row_questions(path) {
                            q.path = format!("{path}[{i}].{}", q.path);
                            out.push((step, q));
                        }
                    }
                }
                Entry::Note(..) | Entry::Directory => {}
            }
        }
    }
    out.retain(|(_, q)| asked(&q.path, f, p));
    out
}

#[test]
fn every_question_names_an_answer_and_has_its_words() {
    for route in RouteId::ALL {
        for profile in ProfileId::ALL {
            let f = sample(route, profile);
            let p = Profile::new(profile);
            let questions = asked_paths(&f, &p);
            assert!(questions.len() > 10, "{route:?}");
            for (step, q) in questions {
                assert!(record::slot_at(&f, &q.path).is_some(), "{}", q.path);
                for lang in [Lang::Zh, Lang::En] {
                    assert_ne!(t(q.label, lang), "…", "{} label {}", q.path, q.label);
                    if let Some(h) = q.hint {
                        assert_ne!(t(h, lang), "…", "{} hint {h}", q.path);
                    }
                }
                assert_eq!(step_for_path(&q.path), step, "{}", q.path);
            }
        }
    }
    for step in Step::ALL {
        for entry in entries(step) {
            match entry {
                Entry::Note(key, _) | Entry::List { label: key, .. } => {
                    assert_ne!(t(key, Lang::En), "…", "{key}")
                }
                Entry::Ask(_) | Entry::Directory => {}
            }
        }
    }
}

/// Every field of the filing that a route carries is asked on one of its
/// pages (or is the decision help's), so nothing is declared but never shown.
#[test]
fn every_declared_field_is_asked_somewhere() {
    fn leaves(r: &dyn Record, at: &str, out: &mut Vec<String>) {
        for key in r.keys() {
            let path = if at.is_empty() {
                key.to_string()
            } else {
                format!("{at}.{key}")
            };
            match r.slot(key) {
                Some(Slot::Record(inner)) => leaves(inner, &path, out),
                Some(Slot::Rows(_)) | Some(Slot::Id(_)) | None => {}
                Some(_) => out.push(path),
            }
        }
    }
    let mut all = Vec::new();
    leaves(&Filing::default(), "", &mut all);
    let mut shown: Vec<String> = Step::ALL
        .into_iter()
        .flat_map(entries)
        .filter_map(|e| match e {
            Entry::Ask(q) => Some(q.path),
            _ => None,
        })
        .collect();
    shown.extend(
        crate::domain::decision::Question::ALL
            .iter()
            .map(|q| q.path()),
    );
    // The joint agency's level is not asked: J6 reads its kind instead.
    shown.push("joint.agency.level".into());
    for path in all {
        assert!(
            shown.contains(&path),
            "{path} is declared but no page asks it"
        );
    }
}

/// Every error and warning, on filings with every answer blank, points at
/// a page of the route: an error link always has somewhere to go.
#[test]
fn every_finding_lands_on_a_page_of_its_route() {
    for route in RouteId::ALL {
        for profile in ProfileId::ALL {
            let mut f = Filing {
                route: Some(route),
                ..Filing::default()
            };
            f.department.units = vec![Party::default(); 2];
            f.mall.participants = vec![Party::default(); 2];
            f.joint.participants = vec![Party::default(); 2];
            for filing in [f, sample(route, profile)] {
                let pages = steps(filing.route);
                for x in check(&filing, &Profile::new(profile), today()) {
                    if x.severity == crate::domain::finding::Severity::Info {
                        continue;
                    }
                    let step = step_for_path(&x.path);
                    assert!(pages.contains(&step), "{route:?}: {} → {step:?}", x.path);
                }
            }
        }
    }
}

/// "(optional)" on a page and the rules agree: a blank optional text is
/// accepted, a blank required one is refused at its own path.
#[test]
fn optional_on_the_page_means_optional_to_the_rules() {
    for route in RouteId::ALL {
        for profile in ProfileId::ALL {
            let base = sample(route, profile);
            let p = Profile::new(profile);
            for (_, q) in asked_paths(&base, &p) {
                if !matches!(q.spec.input, Input::Text(_)) {
                    continue;
                }
                let mut f = base.clone();
                record::set_text(&mut f, &q.path, String::new());
                let refused = check(&f, &p, today())
                    .iter()
                    .any(|x| x.blocks() && x.path == q.path);
                assert_eq!(
                    refused,
                    !q.spec.optional,
                    "{route:?} {profile:?}: {} blank {}",
                    q.path,
                    if refused { "is refused" } else { "passes" }
                );
            }
        }
    }
}

/// Each asked text takes exactly its declared bound: at the bound it
/// passes G4, one past it G4 names the bound.
#[test]
fn every_text_takes_exactly_its_declared_bound() {
    for route in RouteId::ALL {
        let profile = ProfileId::Liaocheng;
        let base = sample(route, profile);
        let p = Profile::new(profile);
        for (_, q) in asked_paths(&base, &p) {
            if !matches!(q.spec.input, Input::Text(_)) {
                continue;
            }
            let long = |n: u64| {
                let mut f = base.clone();
                record::set_text(&mut f, &q.path, "长".repeat(n as usize));
                check(&f, &p, today())
            };
            let too_long = |found: &[crate::domain::finding::Finding]| {
                found
                    .iter()
                    .find(|x| x.key == "G4.too_long" && x.path == q.path)
                    .map(|x| x.params.get("max").cloned())
            };
            assert_eq!(too_long(&long(q.spec.max)), None, "{}", q.path);
            let past = long(q.spec.max + 1);
            // Another rule may refuse the value first (a code, a date):
            // then G4 stays silent, as it should.
            let refused_otherwise = past
                .iter()
                .any(|x| x.blocks() && x.path == q.path && x.key != "G4.too_long");
            if !refused_otherwise {
                assert_eq!(
                    too_long(&past),
                    Some(Some(q.spec.max.to_string())),
                    "{}",
                    q.path
                );
            }
        }
    }
}

/// Every date is typed the same way and says so: each date question shows
/// the date hint, which names the Chinese form the parser also takes.
#[test]
fn every_date_question_says_which_forms_it_takes() {
    use crate::domain::date::Date;
    for route in RouteId::ALL {
        let f = sample(route, ProfileId::Liaocheng);
        for (_, q) in asked_paths(&f, &Profile::new(ProfileId::Liaocheng)) {
            if q.spec.input == Input::Text(TextKind::Date) {
                assert_eq!(q.hint, Some("hint.date"), "{}", q.path);
            }
        }
    }
    assert!(t("hint.date", Lang::Zh).contains("2026年3月1日"));
    assert_eq!(Date::parse("２０２６年３月１日"), Date::parse("2026-03-01"));
}

/// A0 in the wizard: before the purchaser fills route A, the agency page
/// and the decision help's question say the own agency needs no filing.
#[test]
fn the_own_agency_is_named_before_route_a_is_filled() {
    match entries(Step::AgencyCase).first() {
        Some(Entry::Note(key, None)) => assert_eq!(*key, "note.agency_own"),
        other => panic!("{other:?}"),
    }
    let q = question("decision.cross_level_agency").unwrap();
    assert_eq!(q.hint, Some("hint.decision.cross_level_agency"));
    assert!(t("note.agency_own", Lang::Zh).contains("无需按本通知备案"));
}

/// A5 spans two pages: a confirmation dated after the plan filing shows
/// when the plan's page is continued, linked to the confirmation date.
#[test]
fn a_rule_spanning_two_pages_shows_on_the_later_one() {
    for profile in ProfileId::ALL {
        let mut f = sample(RouteId::Agency, profile);
        f.agency.confirmation.date = "2026-11-20".into();
        f.agency.plan_date = "2026-11-05".into();
        let p = Profile::new(profile);
        let found = check(&f, &p, today());
        let on_confirmation = shown_on(Step::AgencyConfirmation, f.route, found.clone());
        // Continuing from the confirmation page, the plan date is not known yet
        // to the purchaser: the finding is its own page's error all the same.
        assert!(on_confirmation.iter().any(|x| x.key == "A5.order"));
        let on_plan = shown_on(Step::AgencyPlan, f.route, found.clone());
        let a5 = on_plan
            .iter()
            .find(|x| x.key == "A5.order")
            .expect("A5 on the plan page");
        assert_eq!(step_for_path(&a5.path), Step::AgencyConfirmation);
        // Later pages' findings never show early.
        assert!(shown_on(Step::Purchaser, f.route, found)
            .iter()
            .all(|x| step_for_path(&x.path) == Step::Purchaser));
    }
}

#[test]
fn a_joint_list_shows_its_running_total_against_the_budget() {
    let mut f = sample(RouteId::JVoluntary, ProfileId::Liaocheng);
    let t0 = total(&f, "joint.participants").unwrap();
    assert_eq!(t0.over_budget, Some(0));
    assert!(total_text(&t0, Lang::Zh, false).contains("与预算相等"));
    let first = Fen::parse_yuan(&f.joint.participants[0].amount).unwrap();
    f.joint.participants[0].amount = Fen::new(first.get() + 10_000).unwrap().yuan_string();
    let t = total(&f, "joint.participants").unwrap();
    assert_eq!(t.over_budget, Some(10_000));
    assert!(
        total_text(&t, Lang::Zh, false).contains("比预算多 100.00 元"),
        "{}",
        total_text(&t, Lang::Zh, false)
    );
    assert!(total_text(&t, Lang::En, false).contains("100.00 yuan over the budget"));
    assert!(total_text(&t, Lang::Zh, true).contains("大写"));
    f.joint.participants[1].amount = "abc".into();
    assert_eq!(total(&f, "joint.participants").unwrap().unread, 1);
    assert!(total(&f, "department.units").is_none());
}

/// Element ids follow a row's id, not its place: the path of row 2 names
/// row 2's id, after the rows above it change too; a path without a row,
/// or past the list's end, is kept as it is.
#[test]
fn a_rows_path_is_named_by_the_rows_id() {
    let mut f = sample(RouteId::JVoluntary, ProfileId::Liaocheng);
    let third = f.joint.participants[2].id;
    assert_eq!(
        path_by_row_id(&f, "joint.participants[2].uscc"),
        format!("joint.participants.r{third}.uscc")
    );
    assert_eq!(
        path_by_row_id(&f, "joint.participants[2]"),
        format!("joint.participants.r{third}")
    );
    f.joint.participants.remove(0);
    assert_eq!(
        path_by_row_id(&f, "joint.participants[1].uscc"),
        row_path("joint.participants", third, "uscc")
    );
    assert_eq!(path_by_row_id(&f, "purchaser.name"), "purchaser.name");
    assert_eq!(
        path_by_row_id(&f, "joint.participants[99].uscc"),
        "joint.participants[99].uscc"
    );
    assert_eq!(
        path_by_row_id(&f, "joint.participants[x].uscc"),
        "joint.participants[x].uscc"
    );
}
