//! The five route variants, the decision help that leads to one, and the
//! steps each route asks for.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::model::DecisionAnswers;
use super::values::Object;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum RouteId {
    /// 部门集中采购: a department pools its own system's need (SD §1).
    #[serde(rename = "D-own")]
    DOwn,
    /// 参加上级单位组织的部门集中采购 (SD §1).
    #[serde(rename = "D-join")]
    DJoin,
    /// 跨级次选择集中采购机构 (SD §2).
    #[serde(rename = "A")]
    Agency,
    /// 批量集中采购、统采分签（网上商城） (SD §3).
    #[serde(rename = "J-mall")]
    JMall,
    /// 自主联合采购 (SD §3).
    #[serde(rename = "J-voluntary")]
    JVoluntary,
}

impl RouteId {
    pub const ALL: [RouteId; 5] = [
        RouteId::DOwn,
        RouteId::DJoin,
        RouteId::Agency,
        RouteId::JMall,
        RouteId::JVoluntary,
    ];

    pub fn id(self) -> &'static str {
        match self {
            RouteId::DOwn => "D-own",
            RouteId::DJoin => "D-join",
            RouteId::Agency => "A",
            RouteId::JMall => "J-mall",
            RouteId::JVoluntary => "J-voluntary",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        RouteId::ALL.into_iter().find(|r| r.id() == id)
    }

    /// SD §4 binds whoever organises or entrusts: in D-join and J-mall the
    /// organiser or the mall does that, so only R4 is asked there.
    pub fn full_responsibility(self) -> bool {
        matches!(self, RouteId::DOwn | RouteId::Agency | RouteId::JVoluntary)
    }

    pub fn is_joint(self) -> bool {
        matches!(self, RouteId::JMall | RouteId::JVoluntary)
    }
}

/// A page of the wizard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Start,
    Route,
    Purchaser,
    Project,
    Organiser,
    RequestingUnits,
    JoinOrganiser,
    JoinFiling,
    AgencyCase,
    AgencyConfirmation,
    AgencyPlan,
    MallStandard,
    MallParticipants,
    Participants,
    Requirement,
    JointAgency,
    Allocation,
    Responsibility,
    Check,
    Done,
}

impl Step {
    pub const ALL: [Step; 20] = [
        Step::Start,
        Step::Route,
        Step::Purchaser,
        Step::Project,
        Step::Organiser,
        Step::RequestingUnits,
        Step::JoinOrganiser,
        Step::JoinFiling,
        Step::AgencyCase,
        Step::AgencyConfirmation,
        Step::AgencyPlan,
        Step::MallStandard,
        Step::MallParticipants,
        Step::Participants,
        Step::Requirement,
        Step::JointAgency,
        Step::Allocation,
        Step::Responsibility,
        Step::Check,
        Step::Done,
    ];

    pub fn from_id(id: &str) -> Option<Self> {
        Step::ALL.into_iter().find(|s| s.id() == id)
    }

    pub fn id(self) -> &'static str {
        match self {
            Step::Start => "start",
            Step::Route => "route",
            Step::Purchaser => "purchaser",
            Step::Project => "project",
            Step::Organiser => "organiser",
            Step::RequestingUnits => "requesting_units",
            Step::JoinOrganiser => "join_organiser",
            Step::JoinFiling => "join_filing",
            Step::AgencyCase => "agency_case",
            Step::AgencyConfirmation => "agency_confirmation",
            Step::AgencyPlan => "agency_plan",
            Step::MallStandard => "mall_standard",
            Step::MallParticipants => "mall_participants",
            Step::Participants => "participants",
            Step::Requirement => "requirement",
            Step::JointAgency => "joint_agency",
            Step::Allocation => "allocation",
            Step::Responsibility => "responsibility",
            Step::Check => "check",
            Step::Done => "done",
        }
    }
}

/// The pages of a route, from the route choice to "done". Without a route
/// only the first two are known.
pub fn steps(route: Option<RouteId>) -> Vec<Step> {
    use Step::*;
    let own: &[Step] = match route {
        None => return vec![Start, Route],
        Some(RouteId::DOwn) => &[Organiser, RequestingUnits, Responsibility],
        Some(RouteId::DJoin) => &[JoinOrganiser, JoinFiling, Responsibility],
        Some(RouteId::Agency) => &[AgencyCase, AgencyConfirmation, AgencyPlan, Responsibility],
        Some(RouteId::JMall) => &[MallStandard, MallParticipants, Responsibility],
        Some(RouteId::JVoluntary) => &[
            Participants,
            Requirement,
            JointAgency,
            Allocation,
            Responsibility,
        ],
    };
    let mut all = vec![Start, Route, Purchaser, Project];
    all.extend_from_slice(own);
    all.extend_from_slice(&[Check, Done]);
    all
}

/// The page on which the field at `path` is asked.
pub fn step_for_path(path: &str) -> Step {
    let starts = |p: &str| path.starts_with(p);
    if starts("purchaser") {
        Step::Purchaser
    } else if starts("project") {
        Step::Project
    } else if starts("department.units") {
        Step::RequestingUnits
    } else if starts("department") {
        Step::Organiser
    } else if starts("join.organiser") {
        Step::JoinOrganiser
    } else if starts("join.") {
        Step::JoinFiling
    } else if starts("agency.confirmation") {
        Step::AgencyConfirmation
    } else if starts("agency.plan") {
        Step::AgencyPlan
    } else if starts("agency") {
        Step::AgencyCase
    } else if starts("mall.participants") {
        Step::MallParticipants
    } else if starts("mall") {
        Step::MallStandard
    } else if starts("joint.participants") {
        Step::Participants
    } else if starts("joint.requirement") {
        Step::Requirement
    } else if starts("joint.agency") {
        Step::JointAgency
    } else if starts("joint") {
        Step::Allocation
    } else if starts("responsibility") {
        Step::Responsibility
    } else {
        Step::Route
    }
}

/// One decision-help question, asked on its own page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Object,
    JoiningHigher,
    PoolingOwnSystem,
    SeveralPurchasers,
    CatalogUnified,
    CrossLevelAgency,
}

impl Question {
    pub const ALL: [Question; 6] = [
        Question::Object,
        Question::JoiningHigher,
        Question::PoolingOwnSystem,
        Question::SeveralPurchasers,
        Question::CatalogUnified,
        Question::CrossLevelAgency,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Question::Object => "object",
            Question::JoiningHigher => "joining_higher",
            Question::PoolingOwnSystem => "pooling_own_system",
            Question::SeveralPurchasers => "several_purchasers",
            Question::CatalogUnified => "catalog_unified",
            Question::CrossLevelAgency => "cross_level_agency",
        }
    }
}

/// Where the decision help stands: another question, a route with the
/// message key that explains why, or "this notice is not needed".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suggestion {
    Ask(Question),
    Route(RouteId, &'static str),
    NoneNeeded,
}

/// routes.md's decision path: object → joining → pooling → several
/// purchasers (not for works, SD §3) → cross-level agency → none.
pub fn suggest(a: &DecisionAnswers) -> Suggestion {
    let Some(object) = a.object else {
        return Suggestion::Ask(Question::Object);
    };
    match a.joining_higher {
        None => return Suggestion::Ask(Question::JoiningHigher),
        Some(true) => return Suggestion::Route(RouteId::DJoin, "why.d_join"),
        Some(false) => {}
    }
    match a.pooling_own_system {
        None => return Suggestion::Ask(Question::PoolingOwnSystem),
        Some(true) => return Suggestion::Route(RouteId::DOwn, "why.d_own"),
        Some(false) => {}
    }
    if object != Object::Works {
        match a.several_purchasers {
            None => return Suggestion::Ask(Question::SeveralPurchasers),
            Some(true) => {
                return match a.catalog_unified {
                    None => Suggestion::Ask(Question::CatalogUnified),
                    Some(true) => Suggestion::Route(RouteId::JMall, "why.j_mall"),
                    Some(false) => Suggestion::Route(RouteId::JVoluntary, "why.j_voluntary"),
                }
            }
            Some(false) => {}
        }
    }
    match a.cross_level_agency {
        None => Suggestion::Ask(Question::CrossLevelAgency),
        Some(true) => Suggestion::Route(RouteId::Agency, "why.agency"),
        Some(false) => Suggestion::NoneNeeded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_ids_are_serdes_and_read_back() {
        for s in Step::ALL {
            assert_eq!(serde_json::to_value(s).unwrap(), s.id());
            assert_eq!(Step::from_id(s.id()), Some(s));
        }
    }

    fn answers() -> DecisionAnswers {
        DecisionAnswers {
            object: Some(Object::Services),
            joining_higher: Some(false),
            pooling_own_system: Some(false),
            several_purchasers: Some(false),
            catalog_unified: None,
            cross_level_agency: Some(false),
        }
    }

    #[test]
    fn decision_help_leads_to_each_route() {
        let mut a = answers();
        assert_eq!(suggest(&a), Suggestion::NoneNeeded);
        a.cross_level_agency = Some(true);
        assert!(matches!(suggest(&a), Suggestion::Route(RouteId::Agency, _)));
        a.several_purchasers = Some(true);
        assert_eq!(suggest(&a), Suggestion::Ask(Question::CatalogUnified));
        a.catalog_unified = Some(true);
        assert!(matches!(suggest(&a), Suggestion::Route(RouteId::JMall, _)));
        a.catalog_unified = Some(false);
        assert!(matches!(
            suggest(&a),
            Suggestion::Route(RouteId::JVoluntary, _)
        ));
        a.pooling_own_system = Some(true);
        assert!(matches!(suggest(&a), Suggestion::Route(RouteId::DOwn, _)));
        a.joining_higher = Some(true);
        assert!(matches!(suggest(&a), Suggestion::Route(RouteId::DJoin, _)));
    }

    #[test]
    fn works_never_reach_the_joint_routes() {
        let mut a = answers();
        a.object = Some(Object::Works);
        a.several_purchasers = Some(true);
        a.catalog_unified = Some(true);
        a.cross_level_agency = None;
        assert_eq!(suggest(&a), Suggestion::Ask(Question::CrossLevelAgency));
    }

    #[test]
    fn every_route_ends_in_check_and_done_and_maps_its_fields() {
        for r in RouteId::ALL {
            let s = steps(Some(r));
            assert_eq!(&s[s.len() - 2..], &[Step::Check, Step::Done]);
            assert_eq!(RouteId::from_id(r.id()), Some(r));
        }
        assert_eq!(
            step_for_path("joint.participants[3].uscc"),
            Step::Participants
        );
        assert_eq!(step_for_path("agency.plan_agent"), Step::AgencyPlan);
        assert_eq!(step_for_path("department.need_nature"), Step::Organiser);
    }
}
