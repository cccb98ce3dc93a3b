//! Every rule of rules.md, each in one place: id, clause per profile,
//! severity, field path and message key. `check` runs them all.

mod agency;
mod department;
mod general;
pub use general::{is_invisible_control, text_bound, text_problem, TEXT_BOUNDS};
mod joint;
mod responsibility;

use std::collections::BTreeMap;

use super::date::Date;
use super::finding::{Finding, Localized, Severity};
use super::i18n::{fill, lookup, render, Lang};
use super::model::Filing;
use super::profile::{Profile, ProfileId};
use super::route::RouteId;

/// Bumped whenever a rule, a clause or a message changes meaning.
pub const RULES_VERSION: &str = "2026.11.2";

/// Where a rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// 鲁财采〔2020〕40号, point n.
    Sd(u8),
    /// 聊财采〔2021〕1号, point n.
    Lc(u8),
    Gb32100,
    Gb11714,
    /// 《政府采购法》第二十七条 (approval of a method other than public tender).
    Law27,
    /// 《政府采购法实施条例》第九条 (conflict of interest).
    Reg9,
    /// 财库〔2022〕31号, the item catalog.
    Catalog,
    /// A data rule of this product (format, required fields).
    Data,
}

impl Source {
    fn id(self) -> String {
        match self {
            Source::Sd(n) => format!("SD-2020-40 §{n}"),
            Source::Lc(n) => format!("LC-2021-1 §{n}"),
            Source::Gb32100 => "GB 32100-2015".into(),
            Source::Gb11714 => "GB 11714-1997".into(),
            Source::Law27 => "GPL Art. 27".into(),
            Source::Reg9 => "GPL-IR Art. 9".into(),
            Source::Catalog => "CK-2022-31".into(),
            Source::Data => "data".into(),
        }
    }

    fn text(self, lang: Lang) -> String {
        const ZH: [&str; 7] = ["", "一", "二", "三", "四", "五", "六"];
        const EN: [&str; 7] = ["", "1", "2", "3", "4", "5", "6"];
        let numbered = |key: &str, n: u8| {
            let n = match lang {
                Lang::Zh => ZH.get(usize::from(n)).copied().unwrap_or(""),
                Lang::En => EN.get(usize::from(n)).copied().unwrap_or(""),
            };
            fill(lookup(key, lang).unwrap_or(key), lang, |_| Some(n))
        };
        let key = match self {
            Source::Sd(n) => return numbered("src.sd", n),
            Source::Lc(n) => return numbered("src.lc", n),
            Source::Gb32100 => "src.gb32100",
            Source::Gb11714 => "src.gb11714",
            Source::Law27 => "src.law27",
            Source::Reg9 => "src.reg9",
            Source::Catalog => "src.catalog",
            Source::Data => "src.data",
        };
        lookup(key, lang).unwrap_or(key).to_string()
    }
}

/// One rule of rules.md and the clauses it rests on under each profile.
#[derive(Debug)]
pub struct RuleDef {
    pub id: &'static str,
    pub shandong: &'static [Source],
    pub liaocheng: &'static [Source],
    /// rules.md marks it **Interpretation**.
    pub interpretation: bool,
}

const fn rule(
    id: &'static str,
    shandong: &'static [Source],
    liaocheng: &'static [Source],
    interpretation: bool,
) -> RuleDef {
    RuleDef {
        id,
        shandong,
        liaocheng,
        interpretation,
    }
}

use Source::*;

/// The rule table. Where the profiles differ, the Liaocheng point is cited
/// alone (it wins); where LC-2021-1 repeats SD-2020-40, both are cited.
pub static RULES: &[RuleDef] = &[
    rule("D1", &[Sd(1)], &[Lc(1)], false),
    rule("D2", &[Sd(1)], &[Sd(1), Lc(1)], false),
    rule("D3", &[Sd(1)], &[Lc(1)], false),
    rule("D4", &[Sd(1)], &[Sd(1), Lc(1)], false),
    rule("D5", &[Sd(1)], &[Sd(1), Lc(1)], false),
    rule("D6", &[Sd(1)], &[Sd(1)], true),
    rule("D7", &[Sd(1)], &[Sd(1), Lc(1)], true),
    rule("D8", &[Sd(1)], &[Sd(1), Lc(1)], false),
    rule("D9", &[Sd(1)], &[Sd(1), Lc(1)], false),
    rule("D10", &[Sd(1)], &[Sd(1), Lc(1)], false),
    rule("A1", &[Sd(2)], &[Sd(2), Lc(2)], false),
    rule("A2", &[Sd(2)], &[Sd(2)], false),
    rule("A3", &[Sd(2)], &[Sd(2)], false),
    rule("A3-LC", &[Lc(2)], &[Lc(2)], false),
    rule("A4", &[Sd(2)], &[Sd(2)], false),
    rule("A5", &[Sd(2)], &[Sd(2), Lc(2)], false),
    rule("A6", &[Sd(2)], &[Sd(2)], false),
    rule("A7", &[Sd(2)], &[Sd(2), Lc(2)], false),
    // Not numbered in rules.md: "goods and services only" heads route J.
    rule("J0", &[Sd(3)], &[Sd(3), Lc(3)], false),
    rule("J1", &[Sd(3)], &[Sd(3)], false),
    rule("J2", &[Sd(3)], &[Sd(3)], false),
    rule("J3", &[Sd(3)], &[Sd(3), Lc(3)], false),
    rule("J4", &[Sd(3)], &[Sd(3), Lc(3)], false),
    rule("J5", &[Sd(3)], &[Sd(3), Lc(3)], false),
    rule("J6", &[Sd(3)], &[Lc(3)], false),
    rule("J7", &[Sd(3)], &[Sd(3), Lc(3)], false),
    rule("J8", &[Sd(3)], &[Sd(3), Lc(3)], false),
    rule("J9", &[Sd(3)], &[Lc(3)], false),
    rule("J10", &[Sd(3)], &[Sd(3), Lc(3)], true),
    rule("R1", &[Sd(4), Law27], &[Sd(4), Law27], false),
    rule("R2", &[Sd(4)], &[Sd(4)], false),
    rule("R3", &[Sd(4), Reg9], &[Sd(4), Reg9], false),
    rule("R4", &[Sd(4)], &[Sd(4)], false),
    rule("R5", &[Sd(4)], &[Sd(4)], false),
    rule("G1", &[Gb32100, Gb11714], &[Gb32100, Gb11714], false),
    rule("G2", &[Data], &[Data], false),
    rule("G3", &[Data], &[Data], false),
    rule("G4", &[Data], &[Data], false),
    rule("G5", &[Data], &[Data], false),
];

pub fn rule_def(id: &str) -> Option<&'static RuleDef> {
    RULES.iter().find(|r| r.id == id)
}

/// The citation of a rule under a profile, in both languages.
pub fn citation(id: &str, profile: ProfileId) -> Localized {
    let Some(def) = rule_def(id) else {
        return Localized {
            zh: id.into(),
            en: id.into(),
        };
    };
    let sources = match profile {
        ProfileId::Shandong => def.shandong,
        ProfileId::Liaocheng => def.liaocheng,
    };
    cite(sources, def.interpretation)
}

fn cite(sources: &[Source], interpretation: bool) -> Localized {
    let join = |lang: Lang, sep: &str| {
        let mut s = sources
            .iter()
            .map(|s| s.text(lang))
            .collect::<Vec<_>>()
            .join(sep);
        if interpretation {
            s.push_str(lookup("src.interpretation", lang).unwrap_or_default());
        }
        s
    };
    Localized {
        zh: join(Lang::Zh, "；"),
        en: join(Lang::En, "; "),
    }
}

/// The short ids of a rule's clauses, e.g. `SD-2020-40 §3; LC-2021-1 §3`.
pub fn clause_ids(id: &str, profile: ProfileId) -> String {
    rule_def(id)
        .map(|def| {
            let sources = match profile {
                ProfileId::Shandong => def.shandong,
                ProfileId::Liaocheng => def.liaocheng,
            };
            sources
                .iter()
                .map(|s| s.id())
                .collect::<Vec<_>>()
                .join("; ")
        })
        .unwrap_or_default()
}

/// A field path, formatted only when a finding is emitted: most fields
/// pass, and formatting every row's paths up front dominated `check`.
pub(crate) trait FieldPath {
    fn render(self) -> String;
}

impl FieldPath for &str {
    fn render(self) -> String {
        self.to_string()
    }
}

impl FieldPath for String {
    fn render(self) -> String {
        self
    }
}

/// `list[index].field`, e.g. `joint.participants[2].uscc`.
#[derive(Clone, Copy)]
pub(crate) struct Row<'a> {
    pub list: &'a str,
    pub index: usize,
    pub field: &'a str,
}

impl FieldPath for Row<'_> {
    fn render(self) -> String {
        format!("{}[{}].{}", self.list, self.index, self.field)
    }
}

/// What the rules read and where they write.
pub(crate) struct Ctx<'a> {
    pub filing: &'a Filing,
    pub profile: &'a Profile,
    pub today: Date,
    findings: Vec<Finding>,
    /// Each rule's citation, rendered once per check (a few dozen rules: a
    /// list is as fast as a map here, and smaller in the bundle).
    citations: Vec<(&'static str, Localized)>,
    /// Cite these sources instead of the rule's for the next finding.
    cite_override: Option<&'static [Source]>,
}

impl<'a> Ctx<'a> {
    pub fn emit(
        &mut self,
        rule: &'static str,
        severity: Severity,
        path: impl FieldPath,
        key: &'static str,
        params: &[(&str, String)],
    ) {
        debug_assert!(lookup(key, Lang::Zh).is_some(), "no message for {key}");
        let params: BTreeMap<String, String> = params
            .iter()
            .map(|(k, v)| ((*k).to_string(), v.clone()))
            .collect();
        let profile = self.profile.id;
        let clause = match self.cite_override.take() {
            Some(sources) => cite(sources, false),
            None => match self.citations.iter().find(|(r, _)| *r == rule) {
                Some((_, c)) => c.clone(),
                None => {
                    let c = citation(rule, profile);
                    self.citations.push((rule, c.clone()));
                    c
                }
            },
        };
        self.findings.push(Finding {
            rule: rule.into(),
            key: key.into(),
            severity,
            interpretation: rule_def(rule).is_some_and(|d| d.interpretation),
            path: path.render(),
            message: Localized {
                zh: render(key, Lang::Zh, &params),
                en: render(key, Lang::En, &params),
            },
            params,
            clause,
        });
    }

    pub fn error(
        &mut self,
        rule: &'static str,
        path: impl FieldPath,
        key: &'static str,
        params: &[(&str, String)],
    ) {
        self.emit(rule, Severity::Error, path, key, params);
    }

    pub fn warn(
        &mut self,
        rule: &'static str,
        path: impl FieldPath,
        key: &'static str,
        params: &[(&str, String)],
    ) {
        self.emit(rule, Severity::Warning, path, key, params);
    }

    /// An error of `rule` that rests on other sources than the rule's own
    /// (e.g. a G4 item-code error rests on the item catalog).
    pub fn error_citing(
        &mut self,
        rule: &'static str,
        sources: &'static [Source],
        path: impl FieldPath,
        key: &'static str,
        params: &[(&str, String)],
    ) {
        self.cite_override = Some(sources);
        self.emit(rule, Severity::Error, path, key, params);
    }

    pub fn info(&mut self, rule: &'static str, path: impl FieldPath, key: &'static str) {
        self.emit(rule, Severity::Info, path, key, &[]);
    }
}

/// Check a filing under a profile. `today` is the date in China (UTC+8):
/// the domain never reads a clock, so the browser and a server agree.
/// Never panics, whatever the filing holds.
pub fn check(filing: &Filing, profile: &Profile, today: Date) -> Vec<Finding> {
    let mut ctx = Ctx {
        filing,
        profile,
        today,
        findings: Vec::new(),
        citations: Vec::new(),
        cite_override: None,
    };
    general::check(&mut ctx);
    match filing.route {
        Some(RouteId::DOwn) => department::check_own(&mut ctx),
        Some(RouteId::DJoin) => department::check_join(&mut ctx),
        Some(RouteId::Agency) => agency::check(&mut ctx),
        Some(RouteId::JMall) => joint::check_mall(&mut ctx),
        Some(RouteId::JVoluntary) => joint::check_voluntary(&mut ctx),
        None => {}
    }
    if let Some(route) = filing.route {
        responsibility::check(&mut ctx, route);
    }
    general::every_text(&mut ctx);
    ctx.findings
}

/// No finding blocks.
pub fn is_ready(findings: &[Finding]) -> bool {
    !findings.iter().any(|f| f.severity == Severity::Error)
}
