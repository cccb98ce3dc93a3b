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

use super::date::Date;
use super::finding::{Finding, Localized, Severity};
use super::i18n::{lookup, render, Lang};
use super::model::Filing;
use super::profile::{Profile, ProfileDef};
use super::route::RouteId;
use super::table::Table;

/// Bumped whenever a rule, a clause or a message changes meaning.
pub const RULES_VERSION: &str = "2026.11.5";

/// Sources some findings cite whatever the profile: national standards and
/// laws a single finding rests on (a profile's own clauses are its data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Gb11714,
    /// 《政府采购法实施条例》第九条 (conflict of interest).
    Reg9,
    /// 财库〔2022〕31号, the item catalog.
    Catalog,
}

impl Source {
    fn text(self, lang: Lang) -> &'static str {
        let key = match self {
            Source::Gb11714 => "src.gb11714",
            Source::Reg9 => "src.reg9",
            Source::Catalog => "src.catalog",
        };
        lookup(key, lang).unwrap_or(key)
    }
}

/// Which clauses a finding cites, when not just its rule's.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Cite {
    /// These sources instead of the rule's clauses.
    Instead(&'static [Source]),
    /// The rule's clauses and these.
    Also(&'static [Source]),
}

/// One rule: its id and the messages it gives. The clauses it cites are
/// the profile's data (`profiles/*.json`).
#[derive(Debug)]
pub struct RuleDef {
    pub id: &'static str,
    /// This product's reading, not the notice's words.
    pub interpretation: bool,
    /// Every message the rule can give, with its severity: the checker
    /// emits nothing else (asserted in debug builds), and `docs/rules.md`
    /// is written from this list.
    pub messages: &'static [(&'static str, Severity)],
}

const fn rule(
    id: &'static str,
    interpretation: bool,
    messages: &'static [(&'static str, Severity)],
) -> RuleDef {
    RuleDef {
        id,
        interpretation,
        messages,
    }
}

use Severity::{Error, Info, Warning};

#[rustfmt::skip]
/// The rule table.
pub static RULES: &[RuleDef] = &[
    rule("D1", false, &[("D1.level", Error)]),
    rule("D2", false, &[("D2.declare", Error)]),
    rule("D3", false, &[("D3.choose", Error), ("D3.liaocheng", Error), ("D3.shandong", Error)]),
    rule("D4", false, &[("D4.plan_date", Error), ("D4.plan_ref", Error)]),
    rule("D5", false, &[("D5.info", Info)]),
    rule("D6", true, &[("D6.levels", Warning), ("D6.many", Warning), ("D6.many_levels", Warning)]),
    rule("D7", true, &[("D7.few", Warning)]),
    rule("D8", false, &[("D8.not_higher", Error), ("D8.purchaser_level", Error)]),
    rule("D9", false, &[("D9.order", Error), ("D9.plan_ref", Error)]),
    rule("D10", false, &[("D10.info", Info)]),
    rule("A0", false, &[("A0.own_agency", Error)]),
    rule("A1", false, &[("A1.not_catalog", Error)]),
    rule("A2", false, &[("A2.allowed", Info), ("A2.not_eligible", Error)]),
    rule("A3", false, &[("A3.reason", Error)]),
    rule("A3-LC", false, &[("A3-LC.allowed", Info)]),
    rule("A4", false, &[("A4.other", Warning)]),
    rule("A5", false, &[("A5.by", Error), ("A5.order", Error), ("A5.reference", Error)]),
    rule("A6", false, &[("A6.agent_mismatch", Error), ("A6.plan_ref", Error)]),
    rule("A7", false, &[("A7.info", Info)]),
    rule("A8", false, &[("A8.directory", Error)]),
    // "Goods and services only" heads route J in the notice, unnumbered.
    rule("J0", false, &[("J0.works", Error)]),
    rule("J1", false, &[("J1.not_catalog", Error), ("J1.standard", Error)]),
    rule("J2", false, &[("J2.info", Info), ("J2.mall_ref", Error)]),
    rule("J3", false, &[("G1.duplicate", Error), ("J3.too_few", Error)]),
    rule("J4", false, &[("J4.agreed", Error), ("J4.reference", Error)]),
    rule("J5", false, &[("J5.budget_source", Error), ("J5.plan_ref", Error)]),
    rule("J6", false, &[("J6.centralized_only", Error)]),
    rule("J7", false, &[("J7.info", Info)]),
    rule("J8", false, &[("J8.missing", Error), ("J8.not_in_advance", Error)]),
    rule("J9", false, &[("J9.choose", Error), ("J9.contract", Info), ("J9.voluntary", Info)]),
    rule("J10", true, &[("J10.sum", Error)]),
    rule("R1", false, &[("R1.approval", Warning), ("R1.approval_late", Warning), ("R1.choose", Error)]),
    rule("R2", false, &[("R2.agreement", Error), ("R2.matters", Error)]),
    // R3: a representative is named under SD §4; the conflict declaration
    // rests on 实施条例 第九条 too (cited on that finding alone).
    rule("R3", false, &[("R3.conflict", Error), ("R3.name", Error), ("R3.phone", Error)]),
    rule("R4", false, &[("R4.declare", Error), ("R4.organiser", Info)]),
    rule("R5", false, &[("R5.none", Warning)]),
    // G1: the code's form and check character (position 18) rest on
    // GB 32100; position 17, the organization-code check, on GB 11714
    // (cited on that finding alone).
    rule("G1", false, &[("G1.character", Error), ("G1.character_suggest", Error), ("G1.check", Error), ("G1.empty", Error), ("G1.enterprise", Warning), ("G1.length", Error), ("G1.org_check", Warning)]),
    rule("G2", false, &[("G2.decimals", Error), ("G2.empty", Error), ("G2.format", Error), ("G2.positive", Error), ("G2.too_large", Error)]),
    rule("G3", false, &[("G3.empty", Error), ("G3.format", Error), ("G3.future", Error), ("G3.no_such_day", Error)]),
    rule("G4", false, &[("G1.duplicate", Error), ("G4.answer", Error), ("G4.choose", Error), ("G4.control", Error), ("G4.item_code", Error), ("G4.item_object", Error), ("G4.phone", Error), ("G4.required", Error), ("G4.rows", Error), ("G4.too_long", Error), ("G4.too_many_rows", Error)]),
    // G5: a package names its route; the routes to choose from are the
    // notice's three ways (points 1–3), which is what a purchaser who has
    // not chosen one is pointed to.
    rule("G5", false, &[("G5.route", Error)]),
    rule("G6", false, &[("G6.other_profile", Error), ("G6.outside", Error)]),
    rule("G7", false, &[("G7.in_jinan", Error), ("G7.level", Warning)]),
];

pub fn rule_def(id: &str) -> Option<&'static RuleDef> {
    RULES.iter().find(|r| r.id == id)
}

/// `key` as the `'static` message key `rule` declares, if it declares it.
fn declared(rule: &str, key: &str) -> Option<&'static str> {
    rule_def(rule)?
        .messages
        .iter()
        .map(|(k, _)| *k)
        .find(|k| *k == key)
}

/// The citation of a rule under a profile, in both languages.
pub fn citation(id: &str, profile: &ProfileDef) -> Localized {
    cite(profile, id, None)
}

fn cite(profile: &ProfileDef, rule: &str, extra: Option<Cite>) -> Localized {
    let own = match extra {
        Some(Cite::Instead(_)) => Vec::new(),
        _ => profile.cite(rule),
    };
    let more: &[Source] = match extra {
        Some(Cite::Instead(s) | Cite::Also(s)) => s,
        None => &[],
    };
    let interpretation = extra.is_none() && rule_def(rule).is_some_and(|d| d.interpretation);
    let join = |lang: Lang, sep: &str| {
        let mut parts: Vec<&str> = own
            .iter()
            .map(|l| match lang {
                Lang::Zh => l.zh.as_str(),
                Lang::En => l.en.as_str(),
            })
            .collect();
        parts.extend(more.iter().map(|s| s.text(lang)));
        let mut s = parts.join(sep);
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
pub fn clause_ids(id: &str, profile: &ProfileDef) -> String {
    profile
        .clauses
        .get(id)
        .map(|ids| {
            ids.iter()
                .map(String::as_str)
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
    /// Cite otherwise than the rule's clauses, for the next finding.
    cite_override: Option<Cite>,
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
        let params: Table<String> = params
            .iter()
            .map(|(k, v)| ((*k).to_string(), v.clone()))
            .collect();
        let profile = &*self.profile.def;
        let clause = match self.cite_override.take() {
            Some(how) => cite(profile, rule, Some(how)),
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

    /// A finding that cites otherwise than its rule's clauses: instead of
    /// them (a G4 item-code error rests on the item catalog) or as well
    /// (R3's conflict declaration rests on Reg. 9 too).
    pub fn emit_citing(
        &mut self,
        rule: &'static str,
        severity: Severity,
        cite: Cite,
        path: impl FieldPath,
        key: &'static str,
        params: &[(&str, String)],
    ) {
        self.cite_override = Some(cite);
        self.emit(rule, severity, path, key, params);
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
