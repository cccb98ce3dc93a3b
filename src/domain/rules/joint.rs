//! J0–J10: joint procurement (SD §3, LC §3).

use super::general::{self, choose, date, required, required_text, uscc};
use super::{Ctx, Row};
use crate::domain::model::{Acceptance, AgencyKind, Party};
use crate::domain::money::Fen;
use crate::domain::values::{ItemCode, Object};

/// J0: "货物和服务" — works cannot go the joint way.
fn goods_and_services_only(ctx: &mut Ctx) {
    let pr = &ctx.filing.project;
    if pr.object == Some(Object::Works) {
        ctx.error("J0", "project.object", "J0.works", &[]);
    } else if ItemCode::parse(&pr.item_code).is_some_and(|c| c.letter() == 'B') {
        ctx.error("J0", "project.item_code", "J0.works", &[]);
    }
}

/// J10 (**interpretation**): the shares add up to the project budget.
fn shares_add_up(ctx: &mut Ctx, base: &str, amounts: &[Option<Fen>]) {
    let Ok(budget) = Fen::parse_yuan(&ctx.filing.project.budget) else {
        return;
    };
    if amounts.is_empty() || amounts.iter().any(Option::is_none) {
        return;
    }
    // Each amount ≤ MAX_FEN and rows ≤ MAX_ROWS, so the sum fits in i64.
    let sum: i64 = amounts.iter().flatten().map(|f| f.get()).sum();
    if sum != budget.get() {
        let shown = Fen::new(sum)
            .map(|f| f.yuan_string())
            .unwrap_or_else(|_| sum.to_string());
        ctx.error(
            "J10",
            base,
            "J10.sum",
            &[("sum", shown), ("budget", budget.yuan_string())],
        );
    }
}

/// The rows of a joint route: name, code, amount and the plan each files.
fn participants(
    ctx: &mut Ctx,
    base: &str,
    list: &[Party],
    min: usize,
    voluntary: bool,
) -> Vec<Option<Fen>> {
    let rows = general::rows(ctx, base, list, min);
    let mut codes = Vec::with_capacity(rows.len());
    let mut amounts = Vec::with_capacity(rows.len());
    for (i, party) in rows.iter().enumerate() {
        let at = |field| Row {
            list: base,
            index: i,
            field,
        };
        let row = || [("row", (i + 1).to_string())];
        let (code, amount) = general::party_basics(ctx, base, i, party);
        codes.push(code);
        amounts.push(amount);
        // J5: 分别确定预算来源、备案采购计划.
        if voluntary {
            choose(ctx, at("level"), party.level, "field.level");
            required_text(
                ctx,
                at("budget_source"),
                &party.budget_source,
                ("J5", "J5.budget_source", &row()),
            );
        }
        required_text(
            ctx,
            at("plan_ref"),
            &party.plan_ref,
            ("J5", "J5.plan_ref", &row()),
        );
        date(
            ctx,
            at("plan_date"),
            &party.plan_date,
            "field.plan_date",
            true,
        );
    }
    general::duplicates(ctx, base, &codes, if voluntary { "J3" } else { "G4" });
    amounts
}

/// J-mall: batch procurement / 统采分签 through the provincial online mall.
pub(super) fn check_mall(ctx: &mut Ctx) {
    goods_and_services_only(ctx);
    let m = &ctx.filing.mall;
    // J1: 集中采购目录内需求标准统一.
    if ctx.filing.project.in_catalog == Some(false) {
        ctx.error("J1", "project.in_catalog", "J1.not_catalog", &[]);
    }
    if !m.unified_standard_declared {
        ctx.error("J1", "mall.unified_standard_declared", "J1.standard", &[]);
    }
    required(
        ctx,
        "mall.standard_ref",
        &m.standard_ref,
        "field.mall.standard_ref",
    );
    // J2: 通过网上商城统一组织.
    required_text(
        ctx,
        "mall.mall_ref",
        &m.mall_ref,
        ("J2", "J2.mall_ref", &[]),
    );
    let amounts = participants(ctx, "mall.participants", &m.participants, 1, false);
    shares_add_up(ctx, "mall.participants", &amounts);
    ctx.info("J2", "mall", "J2.info");
}

/// J-voluntary: purchasers with a common need buy together.
pub(super) fn check_voluntary(ctx: &mut Ctx) {
    goods_and_services_only(ctx);
    let j = &ctx.filing.joint;

    // J3: 多个采购人.
    if j.participants.len() < 2 {
        ctx.error(
            "J3",
            "joint.participants",
            "J3.too_few",
            &[("count", j.participants.len().to_string())],
        );
    }
    let amounts = participants(ctx, "joint.participants", &j.participants, 0, true);

    // J4: 共同研究编制采购需求.
    required_text(
        ctx,
        "joint.requirement_ref",
        &j.requirement_ref,
        ("J4", "J4.reference", &[]),
    );
    if !j.requirement_agreed {
        ctx.error("J4", "joint.requirement_agreed", "J4.agreed", &[]);
    }

    // J6: 同一集中采购机构 (SD) / 同一政府采购代理机构 (LC).
    required(
        ctx,
        "joint.agency.name",
        &j.agency.name,
        "field.joint.agency_name",
    );
    uscc(
        ctx,
        "joint.agency.uscc",
        &j.agency.uscc,
        "who.agency",
        false,
    );
    let kind = choose(ctx, "joint.agency_kind", j.agency_kind, "field.agency_kind");
    if kind == Some(AgencyKind::OtherAgent) && !ctx.profile.def.joint_social_agency {
        ctx.error("J6", "joint.agency_kind", "J6.centralized_only", &[]);
    }
    ctx.info("J7", "joint", "J7.info");

    // J8: 按照事先约定. Each part of the agreement left blank is refused
    // where it is typed.
    let mut complete = true;
    for (path, value) in [
        ("joint.allocation_ref", &j.allocation_ref),
        ("joint.allocation_date", &j.allocation_date),
        ("joint.allocation_terms", &j.allocation_terms),
    ] {
        if value.trim().is_empty() {
            ctx.error("J8", path, "J8.missing", &[]);
            complete = false;
        }
    }
    if complete {
        let agreed = date(
            ctx,
            "joint.allocation_date",
            &j.allocation_date,
            "field.allocation_date",
            true,
        );
        let planned = crate::domain::date::Date::parse(&ctx.filing.project.planned_date).ok();
        if let (Some(agreed), Some(planned)) = (agreed, planned) {
            if agreed > planned {
                ctx.error(
                    "J8",
                    "joint.allocation_date",
                    "J8.not_in_advance",
                    &[
                        ("agreed", agreed.to_string()),
                        ("planned", planned.to_string()),
                    ],
                );
            }
        }
    }

    // J9: SD "自愿开展联合验收" / LC "根据合同约定分别验收或联合验收".
    match j.acceptance {
        None => ctx.error("J9", "joint.acceptance", "J9.choose", &[]),
        Some(Acceptance::Separate | Acceptance::Joint) => {
            let key = super::declared("J9", &ctx.profile.def.acceptance_message)
                .unwrap_or("J9.voluntary");
            ctx.info("J9", "joint.acceptance", key);
        }
    }

    shares_add_up(ctx, "joint.participants", &amounts);
}
