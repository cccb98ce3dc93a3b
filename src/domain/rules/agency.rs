//! A0–A7: choosing a centralized procurement agency across levels (SD §2, LC §2).

use super::general::{choose, date, required, required_text, uscc};
use super::Ctx;
use crate::domain::asked;
use crate::domain::model::AgencyChoice;
use crate::domain::uscc::Uscc;
use crate::domain::values::Level;

/// Names compare without spaces or full-width/half-width parentheses
/// differences: "山东省政府采购中心 " and "山东省政府采购中心" are one agency.
fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '（' => '(',
                '）' => ')',
                c => c,
            })
            .collect()
    };
    norm(a) == norm(b)
}

pub(super) fn check(ctx: &mut Ctx) {
    let f = ctx.filing;
    let a = &f.agency;

    // A1: only catalog projects (集中采购目录内). An unanswered question is
    // asked on the project page, not here.
    if f.project.in_catalog == Some(false) {
        ctx.error("A1", "project.in_catalog", "A1.not_catalog", &[]);
    }

    // A0: the purchaser's own government's agency (same level, same
    // division) is the usual way, not a choice across levels.
    if let (Ok(own), Ok(agency), Some(own_level), Some(agency_level)) = (
        Uscc::parse(&f.purchaser.uscc),
        Uscc::parse(&a.agency.uscc),
        f.purchaser.level,
        a.agency.level,
    ) {
        if own_level == agency_level && own.division() == agency.division() {
            ctx.error(
                "A0",
                "agency.agency.uscc",
                "A0.own_agency",
                &[("division", agency.division().to_string())],
            );
        }
    }

    // A8: a centre named by the choice is the one the directory knows.
    if let Some(entry) = a
        .choice
        .and_then(|c| crate::domain::agencies::for_choice(&ctx.profile.agencies, c))
    {
        let said = |ctx: &mut Ctx, path: &'static str, expected: String| {
            ctx.error(
                "A8",
                path,
                "A8.directory",
                &[("agency", entry.name.clone()), ("expected", expected)],
            );
        };
        if !a.agency.name.trim().is_empty() && !same_name(&a.agency.name, &entry.name) {
            said(ctx, "agency.agency.name", entry.name.clone());
        }
        if a.agency.level.is_some_and(|l| l != entry.level) {
            said(
                ctx,
                "agency.agency.level",
                format!("@level.{}", entry.level.id()),
            );
        }
        if let (Some(code), Ok(given)) = (&entry.uscc, Uscc::parse(&a.agency.uscc)) {
            if given.to_string() != *code {
                said(ctx, "agency.agency.uscc", code.clone());
            }
        }
    }

    match choose(ctx, "agency.choice", a.choice, "field.agency_choice") {
        Some(AgencyChoice::ProvincialCentre | AgencyChoice::JinanCentre) => {
            // A3: a reason is required under the provincial notice alone;
            // the form asks for it in the same case.
            if asked::a3_reason(f, ctx.profile) {
                if a.a3_reason.is_none() {
                    ctx.error("A3", "agency.a3_reason", "A3.reason", &[]);
                }
            } else {
                // A3-LC: Liaocheng units at every level need none.
                ctx.info("A3-LC", "agency.choice", "A3-LC.allowed");
            }
        }
        Some(AgencyChoice::ResidentCentre) => {
            // A2: 非驻济省直预算单位 only.
            let p = &f.purchaser;
            if p.level == Some(Level::Province) && p.in_jinan == Some(false) {
                ctx.info("A2", "agency.choice", "A2.allowed");
            } else {
                ctx.error("A2", "agency.choice", "A2.not_eligible", &[]);
            }
        }
        Some(AgencyChoice::Other) => ctx.warn("A4", "agency.choice", "A4.other", &[]),
        None => {}
    }

    required(
        ctx,
        "agency.agency.name",
        &a.agency.name,
        "field.agency.name",
    );
    uscc(
        ctx,
        "agency.agency.uscc",
        &a.agency.uscc,
        "who.agency",
        false,
    );
    choose(ctx, "agency.agency.level", a.agency.level, "field.level");

    // A5: 事先就承接事宜沟通确认，再备案采购计划.
    let c = &a.confirmation;
    required_text(ctx, "agency.confirmation.by", &c.by, ("A5", "A5.by", &[]));
    let confirmed = date(
        ctx,
        "agency.confirmation.date",
        &c.date,
        "field.confirmation.date",
        true,
    );
    required_text(
        ctx,
        "agency.confirmation.reference",
        &c.reference,
        ("A5", "A5.reference", &[]),
    );

    // A6: plan filed as the supervisor requires, agent changed to the agency.
    required_text(
        ctx,
        "agency.plan_ref",
        &a.plan_ref,
        ("A6", "A6.plan_ref", &[]),
    );
    let planned = date(
        ctx,
        "agency.plan_date",
        &a.plan_date,
        "field.plan_date",
        true,
    );
    if let (Some(confirmed), Some(planned)) = (confirmed, planned) {
        if confirmed > planned {
            ctx.error(
                "A5",
                "agency.confirmation.date",
                "A5.order",
                &[
                    ("confirmed", confirmed.to_string()),
                    ("plan", planned.to_string()),
                ],
            );
        }
    }
    if required(
        ctx,
        "agency.plan_agent",
        &a.plan_agent,
        "field.agency.plan_agent",
    ) && !a.agency.name.trim().is_empty()
        && !same_name(&a.plan_agent, &a.agency.name)
    {
        ctx.error(
            "A6",
            "agency.plan_agent",
            "A6.agent_mismatch",
            &[
                ("agent", a.plan_agent.trim().to_string()),
                ("agency", a.agency.name.trim().to_string()),
            ],
        );
    }

    ctx.info("A7", "agency", "A7.info");
}
