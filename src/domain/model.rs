//! The filing: everything a purchaser answers, kept exactly as typed.
//!
//! Text fields hold the raw input so that nothing typed is ever lost or
//! "corrected" behind the purchaser's back; the value types (`Uscc`, `Fen`,
//! `Date`) read them when the rules run. Every route's section is kept, so
//! switching route and back loses nothing; the package keeps only the chosen
//! route's section.
//!
//! Each field is declared once, with what it is (`field.rs`): how it is
//! answered, its G4 bound, its message words, its hint. The form, prefill,
//! G4, the check-answers page and the generated types follow; a field's
//! order here is its order on the page.
//!
//! The filing is written and read through its field tables
//! (`record::to_value`, `record::filing_from`) in the browser and natively
//! alike: one reader, as strict as the JSON Schema. The nested records keep
//! serde's derived `Serialize` for the schema's defaults and as the
//! reference the tables are tested against; the `serde` attributes are
//! read by schemars.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::field::{choice, code, date, long, money, phone, text, NAME_MAX, REF_MAX, TEXT_MAX};
use super::record::declare_records;
use super::route::RouteId;
use super::values::{Level, Method, Object};

declare_records! {
    #[derive(Debug, Clone, Default, PartialEq, JsonSchema)]
    #[serde(default, deny_unknown_fields)]
    pub struct Filing {
        pub route: Option<RouteId> = choice().hint("hint.route"),
        /// The decision-help answers that led to the route (kept for reviewers).
        pub decision: DecisionAnswers,
        pub purchaser: Purchaser,
        pub project: Project,
        /// D-own.
        pub department: DepartmentOwn,
        /// D-join.
        pub join: DepartmentJoin,
        /// A.
        pub agency: AgencyRoute,
        /// J-mall.
        pub mall: MallRoute,
        /// J-voluntary.
        pub joint: JointRoute,
        pub responsibility: Responsibility,
    }

    #[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
    #[serde(default, deny_unknown_fields)]
    pub struct DecisionAnswers {
        pub object: Option<Object> = choice().label("q.object"),
        pub joining_higher: Option<bool> = choice().label("q.joining_higher"),
        pub pooling_own_system: Option<bool> = choice().label("q.pooling_own_system"),
        pub several_purchasers: Option<bool> = choice().label("q.several_purchasers"),
        pub catalog_unified: Option<bool> = choice().label("q.catalog_unified"),
        pub cross_level_agency: Option<bool> = choice().label("q.cross_level_agency"),
    }

    /// Every field is one the host may pre-fill (`prefill`) and lock.
    #[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
    #[serde(default, deny_unknown_fields)]
    pub struct Purchaser {
        pub name: String = text(NAME_MAX).noun("field.purchaser.name"),
        pub uscc: String = code(REF_MAX).hint("hint.uscc").noun("field.uscc"),
        pub level: Option<Level>,
        /// 驻济: only asked of provincial units.
        pub in_jinan: Option<bool> = choice().hint("hint.in_jinan"),
        /// 行政区划, e.g. 聊城市东昌府区 (optional).
        pub division: String = text(NAME_MAX).optional().noun("field.purchaser.division"),
        pub contact_name: String = text(NAME_MAX).noun("field.purchaser.contact_name"),
        pub contact_phone: String = phone().noun("field.contact_phone"),
    }

    #[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
    #[serde(default, deny_unknown_fields)]
    pub struct Project {
        pub name: String = text(NAME_MAX).noun("field.project.name"),
        pub object: Option<Object>,
        /// 品目 code, A/B/C + 8 digits.
        pub item_code: String = code(REF_MAX).hint("hint.item_code").noun("field.project.item_code"),
        /// In the centralized procurement catalog (集中采购目录).
        pub in_catalog: Option<bool>,
        /// Budget in 元, as typed.
        pub budget: String = money().noun("field.project.budget"),
        pub funding_source: String = text(NAME_MAX).noun("field.project.funding_source"),
        /// Planned procurement date, as typed.
        pub planned_date: String = date().noun("field.project.planned_date"),
    }

    /// A unit named in a list: a requesting unit (D-own) or a participating
    /// purchaser (J-mall, J-voluntary). `id` is a stable row key for the UI.
    #[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
    #[serde(default, deny_unknown_fields)]
    pub struct Party {
        pub id: u32,
        pub name: String = text(NAME_MAX).noun("field.unit.name").label("label.party.name"),
        pub uscc: String = code(REF_MAX).hint("hint.uscc").noun("field.uscc").label("label.party.uscc"),
        pub level: Option<Level> = choice().label("label.party.level"),
        pub budget_source: String = text(NAME_MAX).noun("field.unit.budget_source").label("label.party.budget_source"),
        pub plan_ref: String = code(REF_MAX).noun("field.plan_ref").label("label.party.plan_ref"),
        pub plan_date: String = date().noun("field.plan_date").label("label.party.plan_date"),
        /// Amount or share in 元, as typed.
        pub amount: String = money().noun("field.unit.amount").label("label.party.amount"),
    }

    /// An organisation named once: an organiser department or an agency.
    // Labelled where it is used (`label.agency.agency.name`, …).
    #[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
    #[serde(default, deny_unknown_fields)]
    pub struct Organisation {
        pub name: String = text(NAME_MAX).noun("field.organisation.name"),
        pub uscc: String = code(REF_MAX).hint("hint.uscc").noun("field.uscc"),
        pub level: Option<Level>,
    }
}

/// D3: what kind of need is pooled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NeedNature {
    /// 通用性采购需求 (SD §1).
    GeneralPurpose,
    /// 业务需要有特殊要求可统一采购 (LC §1).
    SpecialUniform,
    /// Neither.
    Other,
}

/// Which agency the purchaser chooses across levels (route A).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AgencyChoice {
    /// 山东省政府采购中心.
    ProvincialCentre,
    /// 济南市政府采购中心.
    JinanCentre,
    /// The centralized agency where a provincial unit outside Jinan is located (A2).
    ResidentCentre,
    /// Any other centralized agency outside the purchaser's level (A4).
    Other,
}

/// A3's reasons for going to the provincial or Jinan centre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum A3Reason {
    /// 本级无集中采购机构.
    NoOwnLevelAgency,
    /// 本级集中采购机构无开展代理活动条件.
    OwnAgencyUnable,
}

/// J6: what kind of agency the joint purchasers entrust.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AgencyKind {
    /// 集中采购机构.
    Centralized,
    /// Any other 政府采购代理机构 (a social agent).
    OtherAgent,
}

/// J9.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Acceptance {
    Separate,
    Joint,
}

declare_records! {
    #[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
    #[serde(default, deny_unknown_fields)]
    pub struct DepartmentOwn {
        pub organiser: Organisation,
        pub need_nature: Option<NeedNature> = choice().hint("hint.need_nature"),
        /// D2: the need lies within the organiser's department, system or remit.
        pub remit_declared: bool,
        pub units: Vec<Party>,
    }

    #[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
    #[serde(default, deny_unknown_fields)]
    pub struct DepartmentJoin {
        pub organiser_name: String = text(NAME_MAX).noun("field.organiser.name"),
        pub organiser_level: Option<Level> = choice().hint("hint.join_level"),
        pub organiser_project_ref: String = code(REF_MAX).noun("field.organiser.project_ref"),
        pub plan_ref: String = code(REF_MAX).noun("field.plan_ref"),
        pub plan_date: String = date().noun("field.plan_date"),
        pub participation_date: String = date().noun("field.join.participation_date"),
    }

    #[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
    #[serde(default, deny_unknown_fields)]
    pub struct AgencyConfirmation {
        /// Who at the agency confirmed.
        pub by: String = text(NAME_MAX).noun("field.confirmation.by"),
        pub date: String = date().noun("field.confirmation.date"),
        /// Document number or contact record.
        pub reference: String = text(REF_MAX).noun("field.confirmation.reference"),
    }

    #[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
    #[serde(default, deny_unknown_fields)]
    pub struct AgencyRoute {
        pub choice: Option<AgencyChoice>,
        pub a3_reason: Option<A3Reason>,
        pub reason_detail: String = long().optional().noun("field.agency.reason_detail"),
        pub agency: Organisation,
        pub confirmation: AgencyConfirmation,
        pub plan_ref: String = code(REF_MAX).noun("field.plan_ref"),
        pub plan_date: String = date().noun("field.plan_date"),
        /// The procurement agent named in the filed plan (A6).
        pub plan_agent: String = text(NAME_MAX).hint("hint.plan_agent").noun("field.agency.plan_agent"),
    }

    #[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
    #[serde(default, deny_unknown_fields)]
    pub struct MallRoute {
        /// J1: one unified requirement standard.
        pub unified_standard_declared: bool,
        pub standard_ref: String = text(TEXT_MAX).noun("field.mall.standard_ref"),
        /// Mall batch or order reference.
        pub mall_ref: String = code(REF_MAX).noun("field.mall_ref"),
        pub participants: Vec<Party>,
    }

    #[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
    #[serde(default, deny_unknown_fields)]
    pub struct JointRoute {
        pub participants: Vec<Party>,
        pub requirement_ref: String = code(REF_MAX).noun("field.requirement_ref"),
        /// J4: the requirement was drafted jointly and agreed by all.
        pub requirement_agreed: bool,
        pub agency: Organisation,
        pub agency_kind: Option<AgencyKind> = choice().hint("hint.agency_kind"),
        pub allocation_ref: String = code(REF_MAX).noun("field.allocation_ref"),
        pub allocation_date: String = date().noun("field.allocation_date"),
        /// How the result is split among the purchasers.
        pub allocation_terms: String = long().noun("field.joint.allocation_terms"),
        pub acceptance: Option<Acceptance>,
    }

    #[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
    #[serde(default, deny_unknown_fields)]
    pub struct Representative {
        pub name: String = text(NAME_MAX).noun("field.representative.name"),
        pub post: String = text(NAME_MAX).optional().noun("field.representative.post"),
        pub phone: String = phone().noun("field.representative.phone"),
        pub authorization_ref: String = code(REF_MAX).optional().noun("field.representative.authorization_ref"),
        /// No conflict of interest with suppliers; will not sit as an expert or chair.
        pub no_conflict_declared: bool,
    }

    #[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
    #[serde(default, deny_unknown_fields)]
    pub struct Policies {
        pub sme: bool,
        pub energy_saving: bool,
        pub other: String = text(TEXT_MAX).optional().noun("field.policies.other"),
    }

    #[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
    #[serde(default, deny_unknown_fields)]
    pub struct Responsibility {
        pub method: Option<Method>,
        /// Approval for a method other than public tender above the threshold.
        pub approval_ref: String = text(REF_MAX).optional().hint("hint.approval").noun("field.approval_ref"),
        pub approval_date: String = date().optional().noun("field.approval_date"),
        /// D-own only: whether an agency runs the procurement (A and
        /// J-voluntary always use one).
        pub uses_agency: Option<bool>,
        pub entrusted_matters: String = long().hint("hint.entrusted_matters").noun("field.responsibility.entrusted_matters"),
        pub entrustment_ref: String = code(REF_MAX).noun("field.entrustment_ref"),
        pub entrustment_date: String = date().noun("field.entrustment_date"),
        pub representative: Representative,
        pub policies: Policies,
        /// R4.
        pub keeps_legal_duties: bool,
    }
}

impl Filing {
    /// The same filing with the sections of other routes emptied: what a
    /// package carries.
    pub fn for_route(&self) -> Filing {
        let mut f = self.clone();
        let route = f.route;
        if route != Some(RouteId::DOwn) {
            f.department = DepartmentOwn::default();
        }
        if route != Some(RouteId::DJoin) {
            f.join = DepartmentJoin::default();
        }
        if route != Some(RouteId::Agency) {
            f.agency = AgencyRoute::default();
        }
        if route != Some(RouteId::JMall) {
            f.mall = MallRoute::default();
        }
        if route != Some(RouteId::JVoluntary) {
            f.joint = JointRoute::default();
        }
        f
    }

    /// The list of units the chosen route asks for, if any.
    pub fn parties(&self) -> &[Party] {
        match self.route {
            Some(RouteId::DOwn) => &self.department.units,
            Some(RouteId::JMall) => &self.mall.participants,
            Some(RouteId::JVoluntary) => &self.joint.participants,
            _ => &[],
        }
    }
}
