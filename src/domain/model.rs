//! The filing: everything a purchaser answers, kept exactly as typed.
//!
//! Text fields hold the raw input so that nothing typed is ever lost or
//! "corrected" behind the purchaser's back; the value types (`Uscc`, `Fen`,
//! `Date`) read them when the rules run. Every route's section is kept, so
//! switching route and back loses nothing; the package keeps only the chosen
//! route's section.
//!
//! The filing is written and read through its field tables
//! (`record::to_value`, `record::filing_from`) in the browser and natively
//! alike: one reader, as strict as the JSON Schema. The nested records keep
//! serde's derived `Serialize` for the schema's defaults and as the
//! reference the tables are tested against; the `serde` attributes are
//! read by schemars.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::route::RouteId;
use super::values::{Level, Method, Object};

#[derive(Debug, Clone, Default, PartialEq, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Filing {
    pub route: Option<RouteId>,
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
    pub object: Option<Object>,
    pub joining_higher: Option<bool>,
    pub pooling_own_system: Option<bool>,
    pub several_purchasers: Option<bool>,
    pub catalog_unified: Option<bool>,
    pub cross_level_agency: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Purchaser {
    pub name: String,
    pub uscc: String,
    pub level: Option<Level>,
    /// 行政区划, e.g. 聊城市东昌府区 (optional).
    pub division: String,
    /// 驻济: only asked of provincial units.
    pub in_jinan: Option<bool>,
    pub contact_name: String,
    pub contact_phone: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Project {
    pub name: String,
    pub object: Option<Object>,
    /// 品目 code, A/B/C + 8 digits.
    pub item_code: String,
    /// In the centralized procurement catalog (集中采购目录).
    pub in_catalog: Option<bool>,
    /// Budget in 元, as typed.
    pub budget: String,
    pub funding_source: String,
    /// Planned procurement date, as typed.
    pub planned_date: String,
}

/// A unit named in a list: a requesting unit (D-own) or a participating
/// purchaser (J-mall, J-voluntary). `id` is a stable row key for the UI.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Party {
    pub id: u32,
    pub name: String,
    pub uscc: String,
    pub level: Option<Level>,
    pub budget_source: String,
    pub plan_ref: String,
    pub plan_date: String,
    /// Amount or share in 元, as typed.
    pub amount: String,
}

/// An organisation named once: an organiser department or an agency.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Organisation {
    pub name: String,
    pub uscc: String,
    pub level: Option<Level>,
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

#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct DepartmentOwn {
    pub organiser: Organisation,
    /// D2: the need lies within the organiser's department, system or remit.
    pub remit_declared: bool,
    pub need_nature: Option<NeedNature>,
    pub units: Vec<Party>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct DepartmentJoin {
    pub organiser_name: String,
    pub organiser_level: Option<Level>,
    pub organiser_project_ref: String,
    pub plan_ref: String,
    pub plan_date: String,
    pub participation_date: String,
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

#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct AgencyConfirmation {
    /// Who at the agency confirmed.
    pub by: String,
    pub date: String,
    /// Document number or contact record.
    pub reference: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct AgencyRoute {
    pub choice: Option<AgencyChoice>,
    pub a3_reason: Option<A3Reason>,
    pub reason_detail: String,
    pub agency: Organisation,
    pub confirmation: AgencyConfirmation,
    pub plan_ref: String,
    pub plan_date: String,
    /// The procurement agent named in the filed plan (A6).
    pub plan_agent: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct MallRoute {
    /// J1: one unified requirement standard.
    pub unified_standard_declared: bool,
    pub standard_ref: String,
    /// Mall batch or order reference.
    pub mall_ref: String,
    pub participants: Vec<Party>,
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

#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct JointRoute {
    pub participants: Vec<Party>,
    pub requirement_ref: String,
    /// J4: the requirement was drafted jointly and agreed by all.
    pub requirement_agreed: bool,
    pub agency: Organisation,
    pub agency_kind: Option<AgencyKind>,
    pub allocation_ref: String,
    pub allocation_date: String,
    /// How the result is split among the purchasers.
    pub allocation_terms: String,
    pub acceptance: Option<Acceptance>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Representative {
    pub name: String,
    pub post: String,
    pub phone: String,
    pub authorization_ref: String,
    /// No conflict of interest with suppliers; will not sit as an expert or chair.
    pub no_conflict_declared: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Policies {
    pub sme: bool,
    pub energy_saving: bool,
    pub other: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Responsibility {
    pub method: Option<Method>,
    /// Approval for a method other than public tender above the threshold.
    pub approval_ref: String,
    pub approval_date: String,
    /// D-own only: whether an agency runs the procurement (A and
    /// J-voluntary always use one).
    pub uses_agency: Option<bool>,
    pub entrusted_matters: String,
    pub entrustment_ref: String,
    pub entrustment_date: String,
    pub representative: Representative,
    /// R4.
    pub keeps_legal_duties: bool,
    pub policies: Policies,
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
