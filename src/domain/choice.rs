//! Closed choices by id: the id is what drafts, packages and the DOM
//! store (the same spelling as serde's), the label a catalog key.

use super::model::{A3Reason, Acceptance, AgencyChoice, AgencyKind, NeedNature};
use super::values::{Level, Method, Object};

pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
    /// Stored as JSON `true`/`false` rather than by id (yes/no questions).
    const JSON_BOOL: bool = false;
    fn all() -> &'static [Self];
    fn id(self) -> &'static str;
    /// Catalog key of the option's label; its hint, if any, is `<key>.hint`.
    fn label(self) -> &'static str;
}

macro_rules! choice {
    ($ty:ty, $($variant:path => ($id:literal, $label:literal)),+ $(,)?) => {
        impl Choice for $ty {
            fn all() -> &'static [Self] {
                &[$($variant),+]
            }
            fn id(self) -> &'static str {
                match self { $($variant => $id),+ }
            }
            fn label(self) -> &'static str {
                match self { $($variant => $label),+ }
            }
        }
    };
}

impl Choice for bool {
    const JSON_BOOL: bool = true;
    fn all() -> &'static [Self] {
        &[true, false]
    }
    fn id(self) -> &'static str {
        if self {
            "yes"
        } else {
            "no"
        }
    }
    fn label(self) -> &'static str {
        if self {
            "choice.yes"
        } else {
            "choice.no"
        }
    }
}
choice!(Level,
    Level::Central => ("central", "choice.level.central"),
    Level::Province => ("province", "choice.level.province"),
    Level::City => ("city", "choice.level.city"),
    Level::County => ("county", "choice.level.county"));
choice!(Object,
    Object::Goods => ("goods", "choice.object.goods"),
    Object::Services => ("services", "choice.object.services"),
    Object::Works => ("works", "choice.object.works"));
choice!(Method,
    Method::PublicTender => ("public_tender", "choice.method.public_tender"),
    Method::InvitedTender => ("invited_tender", "choice.method.invited_tender"),
    Method::CompetitiveNegotiation => ("competitive_negotiation", "choice.method.competitive_negotiation"),
    Method::CompetitiveConsultation => ("competitive_consultation", "choice.method.competitive_consultation"),
    Method::RequestForQuotation => ("request_for_quotation", "choice.method.request_for_quotation"),
    Method::SingleSource => ("single_source", "choice.method.single_source"),
    Method::FrameworkAgreement => ("framework_agreement", "choice.method.framework_agreement"));
choice!(NeedNature,
    NeedNature::GeneralPurpose => ("general_purpose", "choice.need.general_purpose"),
    NeedNature::SpecialUniform => ("special_uniform", "choice.need.special_uniform"),
    NeedNature::Other => ("other", "choice.need.other"));
choice!(AgencyChoice,
    AgencyChoice::ProvincialCentre => ("provincial_centre", "choice.agency.provincial_centre"),
    AgencyChoice::JinanCentre => ("jinan_centre", "choice.agency.jinan_centre"),
    AgencyChoice::ResidentCentre => ("resident_centre", "choice.agency.resident_centre"),
    AgencyChoice::Other => ("other", "choice.agency.other"));
choice!(A3Reason,
    A3Reason::NoOwnLevelAgency => ("no_own_level_agency", "choice.a3.no_own_level_agency"),
    A3Reason::OwnAgencyUnable => ("own_agency_unable", "choice.a3.own_agency_unable"));
choice!(AgencyKind,
    AgencyKind::Centralized => ("centralized", "choice.kind.centralized"),
    AgencyKind::OtherAgent => ("other_agent", "choice.kind.other_agent"));
choice!(Acceptance,
    Acceptance::Separate => ("separate", "choice.acceptance.separate"),
    Acceptance::Joint => ("joint", "choice.acceptance.joint"));

choice!(crate::domain::route::RouteId,
    crate::domain::route::RouteId::DOwn => ("D-own", "route.D-own"),
    crate::domain::route::RouteId::DJoin => ("D-join", "route.D-join"),
    crate::domain::route::RouteId::Agency => ("A", "route.A"),
    crate::domain::route::RouteId::JMall => ("J-mall", "route.J-mall"),
    crate::domain::route::RouteId::JVoluntary => ("J-voluntary", "route.J-voluntary"));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::route::RouteId;

    /// Drafts and packages are written by serde and read by id: the two
    /// spellings must be one.
    fn ids_are_serdes<T: Choice + serde::Serialize>() {
        for c in T::all() {
            assert_eq!(serde_json::to_value(c).unwrap(), c.id());
        }
    }

    #[test]
    fn choice_ids_are_serdes() {
        // bool is the one choice stored as JSON true/false.
        const { assert!(bool::JSON_BOOL) };
        ids_are_serdes::<Level>();
        ids_are_serdes::<Object>();
        ids_are_serdes::<Method>();
        ids_are_serdes::<NeedNature>();
        ids_are_serdes::<AgencyChoice>();
        ids_are_serdes::<A3Reason>();
        ids_are_serdes::<AgencyKind>();
        ids_are_serdes::<Acceptance>();
        ids_are_serdes::<RouteId>();
    }
}
