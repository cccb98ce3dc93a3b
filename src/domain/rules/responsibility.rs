//! R1–R5: the purchaser's own responsibility (SD §4).

use super::general::{choose, date, required};
use super::{Cite, Ctx, Source};
use crate::domain::asked;
use crate::domain::date::Date;
use crate::domain::finding::Severity;
use crate::domain::money::Fen;
use crate::domain::route::RouteId;
use crate::domain::values::{is_phone, Method};

pub(super) fn check(ctx: &mut Ctx, route: RouteId) {
    let r = &ctx.filing.responsibility;
    // R4 applies on every route: 不得因委托而放弃法定责任.
    if !r.keeps_legal_duties {
        ctx.error("R4", "responsibility.keeps_legal_duties", "R4.declare", &[]);
    }
    if !route.full_responsibility() {
        // The organiser or the mall sets method, documents and evaluation.
        ctx.info("R4", "responsibility", "R4.organiser");
        return;
    }

    // R1: a method, and approval when it departs from public tender above
    // the threshold (政府采购法 第二十七条).
    match r.method {
        None => ctx.error("R1", "responsibility.method", "R1.choose", &[]),
        Some(Method::PublicTender) => {}
        Some(_) => approval(ctx),
    }

    // R2: entrusted matters whenever an agency runs the procurement (the
    // form asks them in the same case).
    if route == RouteId::DOwn {
        choose(
            ctx,
            "responsibility.uses_agency",
            r.uses_agency,
            "field.uses_agency",
        );
    }
    if asked::uses_agency(ctx.filing) {
        if r.entrusted_matters.trim().is_empty() {
            ctx.error("R2", "responsibility.entrusted_matters", "R2.matters", &[]);
        }
        // Each half of the agreement is refused where it is typed.
        if r.entrustment_ref.trim().is_empty() {
            ctx.error("R2", "responsibility.entrustment_ref", "R2.agreement", &[]);
        }
        if r.entrustment_date.trim().is_empty() {
            ctx.error("R2", "responsibility.entrustment_date", "R2.agreement", &[]);
        } else {
            date(
                ctx,
                "responsibility.entrustment_date",
                &r.entrustment_date,
                "field.entrustment_date",
                true,
            );
        }
    }

    // R3: 不得空缺采购人代表.
    let rep = &r.representative;
    if rep.name.trim().is_empty() {
        ctx.error("R3", "responsibility.representative.name", "R3.name", &[]);
    }
    if !is_phone(&rep.phone) {
        ctx.error("R3", "responsibility.representative.phone", "R3.phone", &[]);
    }
    if !rep.no_conflict_declared {
        ctx.emit_citing(
            "R3",
            Severity::Error,
            Cite::Also(&[Source::Reg9]),
            "responsibility.representative.no_conflict_declared",
            "R3.conflict",
            &[],
        );
    }

    // R5: advice only.
    let pol = &r.policies;
    if !pol.sme && !pol.energy_saving && pol.other.trim().is_empty() {
        ctx.warn("R5", "responsibility.policies", "R5.none", &[]);
    }
}

/// A warning with the approval fields: above the public-tender threshold
/// another method needs approval before the procurement starts.
fn approval(ctx: &mut Ctx) {
    let f = ctx.filing;
    let (Some(level), Some(object), Ok(budget)) = (
        f.purchaser.level,
        f.project.object,
        Fen::parse_yuan(&f.project.budget),
    ) else {
        return;
    };
    let planned = Date::parse(&f.project.planned_date).ok();
    let on = planned.unwrap_or(ctx.today);
    let Some(threshold) = ctx.profile.public_tender_threshold(level, object, on) else {
        return;
    };
    if budget.get() < threshold.public_tender_fen {
        return;
    }
    let r = &f.responsibility;
    let shown = Fen::new(threshold.public_tender_fen)
        .map(|f| f.yuan_string())
        .unwrap_or_default();
    if r.approval_ref.trim().is_empty() || r.approval_date.trim().is_empty() {
        ctx.warn(
            "R1",
            "responsibility.approval_ref",
            "R1.approval",
            &[("threshold", shown)],
        );
        return;
    }
    required(
        ctx,
        "responsibility.approval_ref",
        &r.approval_ref,
        "field.plan_ref",
    );
    let approved = date(
        ctx,
        "responsibility.approval_date",
        &r.approval_date,
        "field.approval_date",
        true,
    );
    if let (Some(approved), Some(planned)) = (approved, planned) {
        if approved > planned {
            ctx.warn(
                "R1",
                "responsibility.approval_date",
                "R1.approval_late",
                &[
                    ("approved", approved.to_string()),
                    ("planned", planned.to_string()),
                ],
            );
        }
    }
}
