//! The five route variants and the steps each route asks for (the
//! decision help that leads to one is `decision.rs`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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

    #[test]
    fn every_route_ends_in_check_and_done() {
        for r in RouteId::ALL {
            let s = steps(Some(r));
            assert_eq!(&s[s.len() - 2..], &[Step::Check, Step::Done]);
            assert_eq!(RouteId::from_id(r.id()), Some(r));
        }
    }
}
