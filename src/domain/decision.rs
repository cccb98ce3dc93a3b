//! The decision help: the questions that lead a purchaser to a route
//! (routes.md's decision path), whether each is answered, and the clause
//! each rests on. The route page only shows what this decides.

use super::finding::{Finding, Localized, Severity};
use super::i18n::{lookup, Lang};
use super::model::DecisionAnswers;
use super::profile::Profile;
use super::route::RouteId;
use super::rules::citation;
use super::values::Object;

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

impl Question {
    /// The answer's path in the filing.
    pub fn path(self) -> String {
        format!("decision.{}", self.id())
    }

    pub fn answered(self, a: &DecisionAnswers) -> bool {
        match self {
            Question::Object => a.object.is_some(),
            Question::JoiningHigher => a.joining_higher.is_some(),
            Question::PoolingOwnSystem => a.pooling_own_system.is_some(),
            Question::SeveralPurchasers => a.several_purchasers.is_some(),
            Question::CatalogUnified => a.catalog_unified.is_some(),
            Question::CrossLevelAgency => a.cross_level_agency.is_some(),
        }
    }

    /// The rule whose clause the question rests on.
    pub fn rule(self) -> &'static str {
        match self {
            // Joint procurement is for goods and services only.
            Question::Object => "J0",
            Question::JoiningHigher => "D8",
            Question::PoolingOwnSystem => "D2",
            Question::SeveralPurchasers => "J3",
            Question::CatalogUnified => "J1",
            Question::CrossLevelAgency => "A1",
        }
    }

    /// The question left unanswered, as a finding the page shows like any
    /// other: G4, citing the question's clause under `profile`.
    pub fn unanswered(self, profile: &Profile) -> Finding {
        let key = "G4.answer";
        Finding {
            rule: "G4".into(),
            key: key.into(),
            severity: Severity::Error,
            clause: citation(self.rule(), &profile.def),
            interpretation: false,
            path: self.path(),
            params: Default::default(),
            message: Localized {
                zh: lookup(key, Lang::Zh).unwrap_or(key).into(),
                en: lookup(key, Lang::En).unwrap_or(key).into(),
            },
        }
    }
}

/// The rule whose clause explains why a route fits.
pub fn route_rule(route: RouteId) -> &'static str {
    match route {
        RouteId::DOwn => "D1",
        RouteId::DJoin => "D8",
        RouteId::Agency => "A1",
        RouteId::JMall => "J1",
        RouteId::JVoluntary => "J3",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::ProfileId;

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
    fn an_unanswered_question_cites_its_clause_under_the_profile() {
        for profile in ProfileId::ALL {
            for q in Question::ALL {
                let f = q.unanswered(&Profile::new(profile));
                assert!(f.blocks() && !f.clause.zh.is_empty() && !f.message.en.is_empty());
                assert_eq!(f.path, q.path());
                assert!(!q.answered(&DecisionAnswers::default()));
            }
        }
        let f = Question::SeveralPurchasers.unanswered(&Profile::new(ProfileId::Liaocheng));
        assert!(f.clause.en.contains("LC-2021-1 §3"), "{}", f.clause.en);
    }
}
