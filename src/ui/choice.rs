//! Closed choices shown as radio buttons: each option has an id (stored in
//! the DOM) and a catalog label.

use std::sync::Arc;

use super::lens::Lens;
use crate::domain::model::{A3Reason, Acceptance, AgencyChoice, AgencyKind, NeedNature};
use crate::domain::values::{Level, Method, Object};

pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
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
    Level::Central => ("central", "level.central"),
    Level::Province => ("province", "level.province"),
    Level::City => ("city", "level.city"),
    Level::County => ("county", "level.county"));
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

/// The options of a choice as (id, label key).
pub fn options<T: Choice>() -> Vec<(&'static str, &'static str)> {
    T::all().iter().map(|c| (c.id(), c.label())).collect()
}

/// Erase a typed choice lens into one on option ids, so every radio group
/// is rendered by one component.
pub fn by_id<T: Choice>(lens: Lens<Option<T>>) -> Lens<Option<&'static str>> {
    let Lens { get, set, row } = lens;
    Lens {
        row,
        get: Arc::new(move |f| get(f).map(Choice::id)),
        set: Arc::new(move |f, id: Option<&'static str>| {
            set(
                f,
                id.and_then(|id| T::all().iter().copied().find(|c| c.id() == id)),
            )
        }),
    }
}

choice!(crate::domain::route::RouteId,
    crate::domain::route::RouteId::DOwn => ("D-own", "route.D-own"),
    crate::domain::route::RouteId::DJoin => ("D-join", "route.D-join"),
    crate::domain::route::RouteId::Agency => ("A", "route.A"),
    crate::domain::route::RouteId::JMall => ("J-mall", "route.J-mall"),
    crate::domain::route::RouteId::JVoluntary => ("J-voluntary", "route.J-voluntary"));
