//! Every rule, each in one place: id, clause per profile, and the
//! messages it gives with their severity. `check` runs them all;
//! `reference` writes `docs/rules.md` from the same table.

mod agency;
mod department;
mod general;
pub use general::{is_invisible_control, text_bound, text_problem, MAX_ROWS};
mod joint;
pub mod reference;
mod responsibility;

use std::collections::BTreeMap;

use super::date::Date;
use super::finding::{Finding, Localized, Severity};
use super::i18n::{fill, lookup, render, Lang};
use super::model::Filing;
use super::profile::{Profile, ProfileId};
use super::route::RouteId;

/// Bumped whenever a rule, a clause or a message changes meaning.
pub const RULES_VERSION: &str = "2026.11.4";

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
    /// 鲁财采〔2020〕40号 points 1–3: the three ways to organise a purchase.
    SdWays,
    /// 鲁财采〔2020〕40号's addressees: whom the notice binds.
    SdHead,
    /// 聊财采〔2021〕1号's addressees: Liaocheng's county bureaus and city
    /// departments.
    LcHead,
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
            Source::SdWays => "SD-2020-40 §1-3".into(),
            Source::SdHead => "SD-2020-40 addressees".into(),
            Source::LcHead => "LC-2021-1 addressees".into(),
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
            Source::SdWays => "src.sd_ways",
            Source::SdHead => "src.sd_head",
            Source::LcHead => "src.lc_head",
        };
        lookup(key, lang).unwrap_or(key).to_string()
    }
}

/// One rule and the clauses it rests on under each profile.
#[derive(Debug)]
pub struct RuleDef {
    pub id: &'static str,
    pub shandong: &'static [Source],
    pub liaocheng: &'static [Source],
    /// This product's reading, not the notice's words.
    pub interpretation: bool,
    /// Every message the rule can give, with its severity: the checker
    /// emits nothing else (asserted in debug builds), and `docs/rules.md`
    /// is written from this list.
    pub messages: &'static [(&'static str, Severity)],
}

const fn rule(
    id: &'static str,
    shandong: &'static [Source],
    liaocheng: &'static [Source],
    interpretation: bool,
    messages: &'static [(&'static str, Severity)],
) -> RuleDef {
    RuleDef {
        id,
        shandong,
        liaocheng,
        interpretation,
        messages,
    }
}

use Severity::{Error, Info, Warning};
use Source::*;

#[rustfmt::skip]
/// The rule table. Where the profiles differ, the Liaocheng point is cited
/// alone (it wins); where LC-2021-1 repeats SD-2020-40, both are cited.
pub static RULES: &[RuleDef] = &[
    rule("D1", &[Sd(1)], &[Lc(1)], false, &[("D1.level", Error)]),
    rule("D2", &[Sd(1)], &[Sd(1), Lc(1)], false, &[("D2.declare", Error)]),
    rule("D3", &[Sd(1)], &[Lc(1)], false, &[("D3.choose", Error), ("D3.liaocheng", Error), ("D3.shandong", Error)]),
    rule("D4", &[Sd(1)], &[Sd(1), Lc(1)], false, &[("D4.plan_date", Error), ("D4.plan_ref", Error)]),
    rule("D5", &[Sd(1)], &[Sd(1), Lc(1)], false, &[("D5.info", Info)]),
    rule("D6", &[Sd(1)], &[Sd(1)], true, &[("D6.levels", Warning), ("D6.many", Warning), ("D6.many_levels", Warning)]),
    rule("D7", &[Sd(1)], &[Sd(1), Lc(1)], true, &[("D7.few", Warning)]),
    rule("D8", &[Sd(1)], &[Sd(1), Lc(1)], false, &[("D8.not_higher", Error), ("D8.purchaser_level", Error)]),
    rule("D9", &[Sd(1)], &[Sd(1), Lc(1)], false, &[("D9.order", Error), ("D9.plan_ref", Error)]),
    rule("D10", &[Sd(1)], &[Sd(1), Lc(1)], false, &[("D10.info", Info)]),
    rule("A0", &[Sd(2)], &[Sd(2), Lc(2)], false, &[("A0.own_agency", Error)]),
    rule("A1", &[Sd(2)], &[Sd(2), Lc(2)], false, &[("A1.not_catalog", Error)]),
    rule("A2", &[Sd(2)], &[Sd(2)], false, &[("A2.allowed", Info), ("A2.not_eligible", Error)]),
    rule("A3", &[Sd(2)], &[Sd(2)], false, &[("A3.reason", Error)]),
    rule("A3-LC", &[Lc(2)], &[Lc(2)], false, &[("A3-LC.allowed", Info)]),
    rule("A4", &[Sd(2)], &[Sd(2)], false, &[("A4.other", Warning)]),
    rule("A5", &[Sd(2)], &[Sd(2), Lc(2)], false, &[("A5.by", Error), ("A5.order", Error), ("A5.reference", Error)]),
    rule("A6", &[Sd(2)], &[Sd(2)], false, &[("A6.agent_mismatch", Error), ("A6.plan_ref", Error)]),
    rule("A7", &[Sd(2)], &[Sd(2), Lc(2)], false, &[("A7.info", Info)]),
    // "Goods and services only" heads route J in the notice, unnumbered.
    rule("J0", &[Sd(3)], &[Sd(3), Lc(3)], false, &[("J0.works", Error)]),
    rule("J1", &[Sd(3)], &[Sd(3)], false, &[("J1.not_catalog", Error), ("J1.standard", Error)]),
    rule("J2", &[Sd(3)], &[Sd(3)], false, &[("J2.info", Info), ("J2.mall_ref", Error)]),
    rule("J3", &[Sd(3)], &[Sd(3), Lc(3)], false, &[("G1.duplicate", Error), ("J3.too_few", Error)]),
    rule("J4", &[Sd(3)], &[Sd(3), Lc(3)], false, &[("J4.agreed", Error), ("J4.reference", Error)]),
    rule("J5", &[Sd(3)], &[Sd(3), Lc(3)], false, &[("J5.budget_source", Error), ("J5.plan_ref", Error)]),
    rule("J6", &[Sd(3)], &[Lc(3)], false, &[("J6.centralized_only", Error)]),
    rule("J7", &[Sd(3)], &[Sd(3), Lc(3)], false, &[("J7.info", Info)]),
    rule("J8", &[Sd(3)], &[Sd(3), Lc(3)], false, &[("J8.missing", Error), ("J8.not_in_advance", Error)]),
    rule("J9", &[Sd(3)], &[Lc(3)], false, &[("J9.choose", Error), ("J9.contract", Info), ("J9.voluntary", Info)]),
    rule("J10", &[Sd(3)], &[Sd(3), Lc(3)], true, &[("J10.sum", Error)]),
    rule("R1", &[Sd(4), Law27], &[Sd(4), Law27], false, &[("R1.approval", Warning), ("R1.approval_late", Warning), ("R1.choose", Error)]),
    rule("R2", &[Sd(4)], &[Sd(4)], false, &[("R2.agreement", Error), ("R2.matters", Error)]),
    // R3: a representative is named under SD §4; the conflict declaration
    // rests on 实施条例 第九条 too (cited on that finding alone).
    rule("R3", &[Sd(4)], &[Sd(4)], false, &[("R3.conflict", Error), ("R3.name", Error), ("R3.phone", Error)]),
    rule("R4", &[Sd(4)], &[Sd(4)], false, &[("R4.declare", Error), ("R4.organiser", Info)]),
    rule("R5", &[Sd(4)], &[Sd(4)], false, &[("R5.none", Warning)]),
    // G1: the code's form and check character (position 18) rest on
    // GB 32100; position 17, the organization-code check, on GB 11714
    // (cited on that finding alone).
    rule("G1", &[Gb32100], &[Gb32100], false, &[("G1.character", Error), ("G1.character_suggest", Error), ("G1.check", Error), ("G1.empty", Error), ("G1.enterprise", Warning), ("G1.length", Error), ("G1.org_check", Warning)]),
    rule("G2", &[Data], &[Data], false, &[("G2.decimals", Error), ("G2.empty", Error), ("G2.format", Error), ("G2.positive", Error), ("G2.too_large", Error)]),
    rule("G3", &[Data], &[Data], false, &[("G3.empty", Error), ("G3.format", Error), ("G3.future", Error), ("G3.no_such_day", Error)]),
    rule("G4", &[Data], &[Data], false, &[("G1.duplicate", Error), ("G4.answer", Error), ("G4.choose", Error), ("G4.control", Error), ("G4.item_code", Error), ("G4.item_object", Error), ("G4.phone", Error), ("G4.required", Error), ("G4.rows", Error), ("G4.too_long", Error), ("G4.too_many_rows", Error)]),
    // G5: a package names its route; the routes to choose from are the
    // notice's three ways (points 1–3), which is what a purchaser who has
    // not chosen one is pointed to.
    rule("G5", &[SdWays], &[SdWays], false, &[("G5.route", Error)]),
    rule("G6", &[SdHead], &[LcHead, SdHead], false, &[("G6.other_profile", Error), ("G6.outside", Error)]),
    rule("G7", &[Gb32100, Sd(2)], &[Gb32100, Sd(2)], false, &[("G7.in_jinan", Error), ("G7.level", Warning)]),
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
        debug_assert!(
            rule_def(rule).is_some_and(|d| d.messages.contains(&(key, severity))),
            "{rule} does not declare {key} as {severity:?}"
        );
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

    /// A warning that rests on other sources than the rule's own.
    pub fn warn_citing(
        &mut self,
        rule: &'static str,
        sources: &'static [Source],
        path: impl FieldPath,
        key: &'static str,
        params: &[(&str, String)],
    ) {
        self.cite_override = Some(sources);
        self.emit(rule, Severity::Warning, path, key, params);
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
    crate::domain::finding::errors(findings).next().is_none()
}
