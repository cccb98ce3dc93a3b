//! D1–D10: department centralized procurement (SD §1, LC §1).

use super::general::{self, choose, date, required, required_text, uscc};
use super::{Ctx, Row};

/// D-own: a department pools its own department's or system's need.
pub(super) fn check_own(ctx: &mut Ctx) {
    let d = &ctx.filing.department;
    let org = &d.organiser;
    required(
        ctx,
        "department.organiser.name",
        &org.name,
        "field.organiser.name",
    );
    let organiser_code = uscc(
        ctx,
        "department.organiser.uscc",
        &org.uscc,
        "who.organiser",
        true,
    );

    // D1: SD §1 "省级各部门" / LC §1 "市级部门": the profile's level.
    let expected = ctx.profile.def.department_level;
    if let Some(level) = choose(ctx, "department.organiser.level", org.level, "field.level") {
        if level != expected {
            ctx.error(
                "D1",
                "department.organiser.level",
                "D1.level",
                &[("level", format!("@level.{}", expected.id()))],
            );
        }
    }

    if !d.remit_declared {
        ctx.error("D2", "department.remit_declared", "D2.declare", &[]);
    }

    // D3: the one real difference of point 1 between the notices: which
    // needs a department may pool, and the words for the others.
    match d.need_nature {
        None => ctx.error("D3", "department.need_nature", "D3.choose", &[]),
        Some(n) if ctx.profile.def.need_natures.contains(&n) => {}
        Some(_) => {
            let key = d3_message(&ctx.profile.def.need_nature_message);
            ctx.error("D3", "department.need_nature", key, &[]);
        }
    }

    let units = general::rows(ctx, "department.units", &d.units, 1);
    let mut codes = Vec::with_capacity(units.len());
    // At most four levels: a list, not a set.
    let mut levels = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        let at = |field| Row {
            list: "department.units",
            index: i,
            field,
        };
        let row = || [("row", (i + 1).to_string())];
        let (code, _) = general::party_basics(ctx, "department.units", i, unit);
        codes.push(code);
        if let Some(level) = choose(ctx, at("level"), unit.level, "field.level") {
            if !levels.contains(&level) {
                levels.push(level);
            }
        }
        // D4: 各需求单位分别备案采购计划.
        required_text(
            ctx,
            at("plan_ref"),
            &unit.plan_ref,
            ("D4", "D4.plan_ref", &row()),
        );
        if unit.plan_date.trim().is_empty() {
            ctx.error("D4", at("plan_date"), "D4.plan_date", &row());
        } else {
            date(
                ctx,
                at("plan_date"),
                &unit.plan_date,
                "field.unit.plan_date",
                true,
            );
        }
    }
    general::duplicates(ctx, "department.units", &codes, "G4");

    if !units.is_empty() {
        ctx.info("D5", "department.units", "D5.info");
    }
    // Say which trigger fired: many units, several levels, or both.
    let many = units.len() >= ctx.profile.many_units as usize;
    let key = match (many, levels.len() > 1) {
        (true, true) => Some("D6.many_levels"),
        (true, false) => Some("D6.many"),
        (false, true) => Some("D6.levels"),
        (false, false) => None,
    };
    if let Some(key) = key {
        ctx.warn(
            "D6",
            "department.units",
            key,
            &[
                ("count", units.len().to_string()),
                ("levels", levels.len().to_string()),
            ],
        );
    }
    // D7: nothing to aggregate with fewer than two distinct units.
    // Fewer than two distinct codes: all the codes given are one.
    let mut given = codes.iter().flatten().chain(organiser_code.as_ref());
    let first = given.next();
    let distinct = first.map_or(0, |f| 1 + usize::from(given.any(|c| c != f)));
    if !units.is_empty() && distinct < 2 {
        ctx.warn("D7", "department.units", "D7.few", &[]);
    }
}

/// D-join: a unit joins a higher-level unit's department procurement.
pub(super) fn check_join(ctx: &mut Ctx) {
    let j = &ctx.filing.join;
    let own_level = ctx.filing.purchaser.level;
    required(
        ctx,
        "join.organiser_name",
        &j.organiser_name,
        "field.organiser.name",
    );
    // D8: 国家部委、省级有关部门等上级单位.
    if let Some(level) = choose(
        ctx,
        "join.organiser_level",
        j.organiser_level,
        "field.level",
    ) {
        match own_level {
            None => ctx.error("D8", "join.organiser_level", "D8.purchaser_level", &[]),
            Some(own) if !level.is_above(own) => ctx.error(
                "D8",
                "join.organiser_level",
                "D8.not_higher",
                &[("level", format!("@level.{}", own.id()))],
            ),
            Some(_) => {}
        }
    }
    required(
        ctx,
        "join.organiser_project_ref",
        &j.organiser_project_ref,
        "field.organiser.project_ref",
    );

    // D9: 在本级财政部门备案采购计划后参加.
    required_text(
        ctx,
        "join.plan_ref",
        &j.plan_ref,
        ("D9", "D9.plan_ref", &[]),
    );
    let plan = date(ctx, "join.plan_date", &j.plan_date, "field.plan_date", true);
    let joined = date(
        ctx,
        "join.participation_date",
        &j.participation_date,
        "field.join.participation_date",
        false,
    );
    if let (Some(plan), Some(joined)) = (plan, joined) {
        if plan > joined {
            ctx.error(
                "D9",
                "join.participation_date",
                "D9.order",
                &[("plan", plan.to_string()), ("join", joined.to_string())],
            );
        }
    }
    ctx.info("D10", "join", "D10.info");
}

/// The profile's D3 message as the static key the rule declares (the
/// profile reader admits only these).
fn d3_message(key: &str) -> &'static str {
    super::declared("D3", key).unwrap_or("D3.shandong")
}
