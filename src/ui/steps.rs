//! What each page asks, as data: the same list renders the page and its
//! section on the check-answers page.

use super::form::{Field, TextKind};
use super::rows::ListKind;
use crate::domain::model::AgencyChoice;
use crate::domain::profile::ProfileId;
use crate::domain::route::{RouteId, Step};
use crate::domain::values::Level;

pub fn fields(step: Step) -> Vec<Field> {
    match step {
        Step::Purchaser => vec![
            Field::text("label.purchaser.name", "purchaser.name"),
            Field::text("label.purchaser.uscc", "purchaser.uscc")
                .kind(TextKind::Code)
                .hint("hint.uscc"),
            Field::choice("label.purchaser.level", "purchaser.level"),
            Field::choice("label.purchaser.in_jinan", "purchaser.in_jinan")
                .hint("hint.in_jinan")
                .when(|f, _| f.purchaser.level == Some(Level::Province)),
            Field::text("label.purchaser.division", "purchaser.division").optional(),
            Field::text("label.purchaser.contact_name", "purchaser.contact_name"),
            Field::text("label.purchaser.contact_phone", "purchaser.contact_phone")
                .kind(TextKind::Phone)
                .hint("hint.phone"),
        ],
        Step::Project => vec![
            Field::text("label.project.name", "project.name"),
            Field::choice("label.project.object", "project.object"),
            Field::text("label.project.item_code", "project.item_code")
                .kind(TextKind::Code)
                .hint("hint.item_code"),
            Field::choice("label.project.in_catalog", "project.in_catalog"),
            Field::text("label.project.budget", "project.budget")
                .kind(TextKind::Money)
                .hint("hint.money"),
            Field::text("label.project.funding_source", "project.funding_source"),
            Field::text("label.project.planned_date", "project.planned_date")
                .kind(TextKind::Date)
                .hint("hint.date"),
        ],
        Step::Organiser => vec![
            Field::text("label.organiser.name", "department.organiser.name"),
            Field::text("label.organiser.uscc", "department.organiser.uscc")
                .kind(TextKind::Code)
                .hint("hint.uscc"),
            Field::choice("label.organiser.level", "department.organiser.level")
                .hint("hint.organiser_level"),
            Field::choice("label.need_nature", "department.need_nature").hint("hint.need_nature"),
            Field::check("label.remit_declared", "department.remit_declared"),
        ],
        Step::RequestingUnits => vec![
            Field::note("note.units"),
            Field::list("label.units", ListKind::Units),
        ],
        Step::JoinOrganiser => vec![
            Field::text("label.join.organiser_name", "join.organiser_name"),
            Field::choice("label.join.organiser_level", "join.organiser_level")
                .hint("hint.join_level"),
            Field::text(
                "label.join.organiser_project_ref",
                "join.organiser_project_ref",
            )
            .kind(TextKind::Code),
        ],
        Step::JoinFiling => vec![
            Field::note("note.join_filing"),
            Field::text("label.join.plan_ref", "join.plan_ref").kind(TextKind::Code),
            Field::text("label.join.plan_date", "join.plan_date")
                .kind(TextKind::Date)
                .hint("hint.date"),
            Field::text("label.join.participation_date", "join.participation_date")
                .kind(TextKind::Date)
                .hint("hint.date"),
        ],
        Step::AgencyCase => vec![
            Field::choice("label.agency.choice", "agency.choice"),
            Field::choice("label.agency.a3_reason", "agency.a3_reason").when(|f, p| {
                p.id == ProfileId::Shandong
                    && matches!(
                        f.agency.choice,
                        Some(AgencyChoice::ProvincialCentre | AgencyChoice::JinanCentre)
                    )
            }),
            Field::text("label.agency.reason_detail", "agency.reason_detail")
                .kind(TextKind::Long)
                .optional()
                .when(|f, p| p.id == ProfileId::Shandong && f.agency.a3_reason.is_some()),
            Field::text("label.agency.name", "agency.agency.name"),
            Field::text("label.agency.uscc", "agency.agency.uscc")
                .kind(TextKind::Code)
                .hint("hint.uscc"),
            Field::choice("label.agency.level", "agency.agency.level"),
        ],
        Step::AgencyConfirmation => vec![
            Field::note("note.confirmation"),
            Field::text("label.confirmation.by", "agency.confirmation.by"),
            Field::text("label.confirmation.date", "agency.confirmation.date")
                .kind(TextKind::Date)
                .hint("hint.date"),
            Field::text(
                "label.confirmation.reference",
                "agency.confirmation.reference",
            ),
        ],
        Step::AgencyPlan => vec![
            Field::text("label.agency.plan_ref", "agency.plan_ref").kind(TextKind::Code),
            Field::text("label.agency.plan_date", "agency.plan_date")
                .kind(TextKind::Date)
                .hint("hint.date"),
            Field::text("label.agency.plan_agent", "agency.plan_agent").hint("hint.plan_agent"),
        ],
        Step::MallStandard => vec![
            Field::check(
                "label.mall.unified_standard_declared",
                "mall.unified_standard_declared",
            ),
            Field::text("label.mall.standard_ref", "mall.standard_ref"),
            Field::text("label.mall.mall_ref", "mall.mall_ref").kind(TextKind::Code),
        ],
        Step::MallParticipants => vec![
            Field::note("note.mall_participants"),
            Field::list("label.participants", ListKind::Mall),
        ],
        Step::Participants => vec![
            Field::note("note.participants"),
            Field::list("label.participants", ListKind::Joint),
        ],
        Step::Requirement => vec![
            Field::text("label.joint.requirement_ref", "joint.requirement_ref")
                .kind(TextKind::Code),
            Field::check("label.joint.requirement_agreed", "joint.requirement_agreed"),
        ],
        Step::JointAgency => vec![
            Field::text("label.joint.agency_name", "joint.agency.name"),
            Field::text("label.joint.agency_uscc", "joint.agency.uscc")
                .kind(TextKind::Code)
                .hint("hint.uscc"),
            Field::choice("label.joint.agency_kind", "joint.agency_kind").hint("hint.agency_kind"),
        ],
        Step::Allocation => vec![
            Field::text("label.joint.allocation_ref", "joint.allocation_ref").kind(TextKind::Code),
            Field::text("label.joint.allocation_date", "joint.allocation_date")
                .kind(TextKind::Date)
                .hint("hint.date"),
            Field::text("label.joint.allocation_terms", "joint.allocation_terms")
                .kind(TextKind::Long),
            Field::choice("label.joint.acceptance", "joint.acceptance"),
        ],
        Step::Responsibility => responsibility(),
        Step::Start | Step::Route | Step::Check | Step::Done => Vec::new(),
    }
}

fn full(f: &crate::domain::model::Filing) -> bool {
    f.route.is_some_and(RouteId::full_responsibility)
}

fn uses_agency(f: &crate::domain::model::Filing) -> bool {
    full(f) && (f.route != Some(RouteId::DOwn) || f.responsibility.uses_agency == Some(true))
}

fn responsibility() -> Vec<Field> {
    vec![
        Field::note("note.responsibility_limited").when(|f, _| !full(f)),
        Field::choice("label.resp.method", "responsibility.method").when(|f, _| full(f)),
        Field::text("label.resp.approval_ref", "responsibility.approval_ref")
            .optional()
            .hint("hint.approval")
            .when(|f, _| {
                full(f)
                    && f.responsibility
                        .method
                        .is_some_and(|m| m != crate::domain::values::Method::PublicTender)
            }),
        Field::text("label.resp.approval_date", "responsibility.approval_date")
            .kind(TextKind::Date)
            .optional()
            .when(|f, _| {
                full(f)
                    && f.responsibility
                        .method
                        .is_some_and(|m| m != crate::domain::values::Method::PublicTender)
            }),
        Field::choice("label.resp.uses_agency", "responsibility.uses_agency")
            .when(|f, _| f.route == Some(RouteId::DOwn)),
        Field::text(
            "label.resp.entrusted_matters",
            "responsibility.entrusted_matters",
        )
        .kind(TextKind::Long)
        .hint("hint.entrusted_matters")
        .when(|f, _| uses_agency(f)),
        Field::text(
            "label.resp.entrustment_ref",
            "responsibility.entrustment_ref",
        )
        .kind(TextKind::Code)
        .when(|f, _| uses_agency(f)),
        Field::text(
            "label.resp.entrustment_date",
            "responsibility.entrustment_date",
        )
        .kind(TextKind::Date)
        .hint("hint.date")
        .when(|f, _| uses_agency(f)),
        Field::text("label.rep.name", "responsibility.representative.name").when(|f, _| full(f)),
        Field::text("label.rep.post", "responsibility.representative.post")
            .optional()
            .when(|f, _| full(f)),
        Field::text("label.rep.phone", "responsibility.representative.phone")
            .kind(TextKind::Phone)
            .hint("hint.phone")
            .when(|f, _| full(f)),
        Field::text(
            "label.rep.authorization_ref",
            "responsibility.representative.authorization_ref",
        )
        .kind(TextKind::Code)
        .optional()
        .when(|f, _| full(f)),
        Field::check(
            "label.rep.no_conflict",
            "responsibility.representative.no_conflict_declared",
        )
        .when(|f, _| full(f)),
        Field::check("label.resp.policy_sme", "responsibility.policies.sme").when(|f, _| full(f)),
        Field::check(
            "label.resp.policy_energy",
            "responsibility.policies.energy_saving",
        )
        .when(|f, _| full(f)),
        Field::text("label.resp.policy_other", "responsibility.policies.other")
            .optional()
            .when(|f, _| full(f)),
        Field::check(
            "label.resp.keeps_legal_duties",
            "responsibility.keeps_legal_duties",
        ),
    ]
}
