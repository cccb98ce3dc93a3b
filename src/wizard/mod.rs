//! The wizard's pages as plain data, compiled natively: what each page
//! asks (by path into the filing), each question's label, hint and input
//! from its declaration in `model.rs`, the page a finding belongs to, and
//! an answer as the check-answers page shows it. The Leptos components in
//! `ui/` render these and decide nothing.

pub mod bulk;
mod pages;

pub use pages::items;

use crate::domain::asked::without_rows;
use crate::domain::field::{FieldSpec, Input, TextKind};
use crate::domain::i18n::Lang;
use crate::domain::model::{Filing, Party};
use crate::domain::money::Fen;
use crate::domain::profile::Profile;
use crate::domain::record::{self, Record, Slot};
use crate::domain::route::Step;

/// One thing a page shows, by path into the filing.
#[derive(Debug, Clone, Copy)]
pub enum Item {
    /// A paragraph, shown while `when` holds.
    Note(&'static str, Option<fn(&Filing) -> bool>),
    /// One field.
    Field(&'static str),
    /// Every field of a record, in declaration order (nested records too):
    /// a field added to the record is asked without a change here.
    Record(&'static str),
    /// A list of units, each row asking `Party`'s fields.
    List(&'static str),
    /// The agency directory: the centre a choice names, or suggestions.
    Directory,
}

/// A field as a page asks it.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// From the filing; in a listed row, from the row (`uscc`).
    pub path: String,
    pub spec: &'static FieldSpec,
    /// Catalog key of the label.
    pub label: &'static str,
    /// Catalog key of the hint.
    pub hint: Option<&'static str>,
}

/// What a page renders, in order.
#[derive(Debug, Clone)]
pub enum Entry {
    Note(&'static str, Option<fn(&Filing) -> bool>),
    Ask(Question),
    List {
        path: &'static str,
        label: &'static str,
    },
    Directory,
}

/// The label of the field at `path`: `label.<path>` (row indexes left out)
/// where the catalog has it, else the one its declaration names.
pub fn label_for(path: &str, spec: &FieldSpec) -> Option<&'static str> {
    crate::text::key(&format!("label.{}", without_rows(path))).or(spec.label)
}

/// The hint: `hint.<path>` where the catalog has it, else the declared one.
pub fn hint_for(path: &str, spec: &FieldSpec) -> Option<&'static str> {
    crate::text::key(&format!("hint.{}", without_rows(path))).or_else(|| spec.hint_key())
}

/// The question for the field at `path`; `None` for a path that names no
/// field or a field without a label (a test keeps every asked one labelled).
pub fn question(path: &str) -> Option<Question> {
    let spec = record::spec_at(path)?;
    Some(Question {
        path: path.to_string(),
        spec,
        label: label_for(path, spec)?,
        hint: hint_for(path, spec),
    })
}

fn push_record(path: &str, out: &mut Vec<Entry>) {
    let filing = Filing::default();
    let Some(Slot::Record(record)) = record::slot_at(&filing, path) else {
        return;
    };
    for key in record.keys() {
        let child = format!("{path}.{key}");
        match record.spec(key).map(|s| s.input) {
            Some(Input::Record) => push_record(&child, out),
            Some(Input::Id) | None => {}
            Some(_) => out.extend(question(&child).map(Entry::Ask)),
        }
    }
}

/// What `step` shows, in order.
pub fn entries(step: Step) -> Vec<Entry> {
    let mut out = Vec::new();
    for item in items(step) {
        match *item {
            Item::Note(key, when) => out.push(Entry::Note(key, when)),
            Item::Field(path) => out.extend(question(path).map(Entry::Ask)),
            Item::Record(path) => push_record(path, &mut out),
            Item::List(path) => {
                let label = crate::text::key(&format!("label.{path}")).unwrap_or("label.units");
                out.push(Entry::List { path, label });
            }
            Item::Directory => out.push(Entry::Directory),
        }
    }
    out
}

/// Whether rows of `list` ask `key` (a row field), as the form does.
pub fn asked_in_list(list: &str, key: &str, f: &Filing, p: &Profile) -> bool {
    crate::domain::asked::asked(&format!("{list}[0].{key}"), f, p)
}

/// The rows of the list at `list` (empty when the path names no list).
pub fn rows_in<'a>(f: &'a Filing, list: &str) -> &'a [Party] {
    match record::slot_at(f, list) {
        Some(Slot::Rows(rows)) => rows,
        _ => &[],
    }
}

/// `joint.participants[2].uscc` → `joint.participants.r17.uscc`: a listed
/// row named by its id rather than its place, for element ids that need
/// not change when a row above is removed. A path without a row index, or
/// naming a row that is not there, is returned as it is.
pub fn path_by_row_id(f: &Filing, path: &str) -> String {
    let by_id = path.split_once('[').and_then(|(list, rest)| {
        let (index, tail) = rest.split_once(']')?;
        let row = rows_in(f, list).get(index.parse::<usize>().ok()?)?;
        Some(row_path(
            list,
            row.id,
            tail.strip_prefix('.').unwrap_or(tail),
        ))
    });
    by_id.unwrap_or_else(|| path.to_string())
}

/// The path of a listed row's field by the row's id (see `path_by_row_id`).
pub fn row_path(list: &str, row_id: u32, leaf: &str) -> String {
    if leaf.is_empty() {
        format!("{list}.r{row_id}")
    } else {
        format!("{list}.r{row_id}.{leaf}")
    }
}

/// The rows of the list at `list`, to change.
pub fn rows_in_mut<'a>(f: &'a mut Filing, list: &str) -> Option<&'a mut Vec<Party>> {
    match record::slot_at_mut(f, list) {
        Some(record::SlotMut::Rows(rows)) => Some(rows),
        _ => None,
    }
}

/// The questions of one listed row of `list` (paths from the row); which
/// of them a list asks is `asked`'s to say.
pub fn row_questions(list: &str) -> Vec<Question> {
    let row = Party::default();
    row.keys()
        .iter()
        .filter(|key| row.spec(key).is_some_and(|s| s.input != Input::Id))
        .filter_map(|key| {
            let mut q = question(&format!("{list}[0].{key}"))?;
            q.path = (*key).to_string();
            Some(q)
        })
        .collect()
}

fn covers(item_path: &str, path: &str) -> bool {
    path == item_path
        || path
            .strip_prefix(item_path)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

/// The page on which the field at `path` is asked (findings link there).
pub fn step_for_path(path: &str) -> Step {
    Step::ALL
        .into_iter()
        .find(|step| {
            items(*step).iter().any(|item| match *item {
                Item::Field(p) | Item::Record(p) | Item::List(p) => covers(p, path),
                Item::Note(..) | Item::Directory => false,
            })
        })
        .unwrap_or(Step::Route)
}

/// The running total of a joint list's shares against the budget (J10),
/// as the purchaser types: the sum of the amounts that read, how many do
/// not, and the difference from the budget when it reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Total {
    pub sum: Fen,
    pub unread: usize,
    /// Sum minus budget, in fen; `None` when the budget does not read.
    pub over_budget: Option<i64>,
}

/// Only the joint lists must add up to the budget (J10).
pub fn totalled(list: &str) -> bool {
    matches!(list, "mall.participants" | "joint.participants")
}

pub fn total(filing: &Filing, list: &str) -> Option<Total> {
    if !totalled(list) {
        return None;
    }
    let Some(Slot::Rows(rows)) = record::slot_at(filing, list) else {
        return None;
    };
    let mut sum: i64 = 0;
    let mut unread = 0;
    for row in rows.iter().take(crate::domain::rules::MAX_ROWS) {
        match Fen::parse_yuan(&row.amount) {
            Ok(a) => sum = sum.saturating_add(a.get()),
            Err(_) => unread += 1,
        }
    }
    let sum = Fen::new(sum).ok()?;
    let over_budget = Fen::parse_yuan(&filing.project.budget)
        .ok()
        .map(|b| sum.get() - b.get());
    Some(Total {
        sum,
        unread,
        over_budget,
    })
}

/// The total in words: "合计 1,200,100.00 元，比预算多 100.00 元".
pub fn total_text(t: &Total, lang: Lang, capital: bool) -> String {
    let yuan = |fen: i64| {
        Fen::new(fen.abs())
            .map(Fen::yuan_string)
            .unwrap_or_default()
    };
    let mut params = vec![("sum", t.sum.yuan_string())];
    let key = match t.over_budget {
        None => "total.no_budget",
        Some(0) => "total.equal",
        Some(d) if d > 0 => {
            params.push(("diff", yuan(d)));
            "total.over"
        }
        Some(d) => {
            params.push(("diff", yuan(d)));
            "total.under"
        }
    };
    let mut text = crate::text::fill_ui(key, lang, &params);
    if capital {
        text.push_str(&crate::text::fill_ui(
            "total.capital",
            lang,
            &[("capital", t.sum.capital())],
        ));
    }
    if t.unread > 0 {
        text.push_str(&crate::text::fill_ui(
            "total.unread",
            lang,
            &[("count", t.unread.to_string())],
        ));
    }
    text
}

/// What Continue on `step` shows, in order: its own errors and warnings,
/// and the errors of the route's earlier pages. An earlier page's error at
/// this point comes from a rule spanning two pages (A5: a confirmation
/// dated after the plan filed on this page) or from an answer changed
/// since: it shows as soon as both answers are known, linked to its field.
pub fn shown_on(
    step: Step,
    route: Option<crate::domain::route::RouteId>,
    findings: Vec<crate::domain::finding::Finding>,
) -> Vec<crate::domain::finding::Finding> {
    use crate::domain::finding::Severity;
    let pages = crate::domain::route::steps(route);
    let at = pages.iter().position(|s| *s == step);
    let earlier = |s: Step| {
        let i = pages.iter().position(|p| *p == s);
        matches!((i, at), (Some(i), Some(at)) if i < at)
    };
    findings
        .into_iter()
        .filter(|f| {
            let page = step_for_path(&f.path);
            match f.severity {
                Severity::Info => false,
                _ if page == step => true,
                Severity::Error => earlier(page),
                Severity::Warning => false,
            }
        })
        .collect()
}

/// The answer at `path` as the check-answers page shows it; `None` = not
/// provided.
pub fn answer(spec: &FieldSpec, filing: &Filing, path: &str, lang: Lang) -> Option<String> {
    match spec.input {
        Input::Text(kind) => {
            let v = record::text_at(filing, path);
            if v.trim().is_empty() {
                return None;
            }
            Some(match (kind, Fen::parse_yuan(&v)) {
                (TextKind::Money, Ok(fen)) => {
                    format!("{} 元（{}）", fen.yuan_string(), fen.capital())
                }
                _ => v,
            })
        }
        Input::Choice => match record::slot_at(filing, path) {
            Some(Slot::Pick(p)) => p
                .label()
                .map(|label| crate::text::t(label, lang).to_string()),
            _ => None,
        },
        Input::Check => {
            let key = if record::flag_at(filing, path) {
                "choice.confirmed"
            } else {
                "choice.not_confirmed"
            };
            Some(crate::text::t(key, lang).to_string())
        }
        Input::Record | Input::Rows | Input::Id => None,
    }
}

#[cfg(test)]
mod tests;
