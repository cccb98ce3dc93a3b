//! G1–G5: what every route asks, and the field helpers the other rules use.

use std::collections::HashMap;

use validator::ValidateLength;

use super::{Ctx, FieldPath, Row, Source};
use crate::domain::date::{Date, DateError};
use crate::domain::model::Party;
use crate::domain::money::{Fen, MoneyError};
use crate::domain::uscc::{Uscc, UsccError};
use crate::domain::values::{is_phone, ItemCode, Level};

/// Lengths that no real name or reference exceeds; longer input is a paste
/// accident, and a bound keeps packages small.
pub const NAME_MAX: u64 = 200;
pub const REF_MAX: u64 = 100;
pub const TEXT_MAX: u64 = 2000;
/// More rows than any real procurement; past this the rules stop reading.
pub const MAX_ROWS: usize = 5000;

fn label(key: &'static str) -> (&'static str, String) {
    ("field", format!("@{key}"))
}

/// G4: length and invisible control characters, for any text.
pub(super) fn text_shape(
    ctx: &mut Ctx,
    path: impl FieldPath + Copy,
    value: &str,
    max: u64,
    field: &'static str,
) {
    if !value.validate_length(None, Some(max), None) {
        ctx.error(
            "G4",
            path,
            "G4.too_long",
            &[label(field), ("max", max.to_string())],
        );
    } else if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        ctx.error("G4", path, "G4.control", &[label(field)]);
    }
}

/// A required text: blank (after trimming) gets `missing`'s own message.
pub(super) fn required_text(
    ctx: &mut Ctx,
    path: impl FieldPath + Copy,
    value: &str,
    max: u64,
    field: &'static str,
    missing: (&'static str, &'static str, &[(&str, String)]),
) -> bool {
    if value.trim().is_empty() {
        let (rule, key, params) = missing;
        ctx.error(rule, path, key, params);
        false
    } else {
        text_shape(ctx, path, value, max, field);
        true
    }
}

/// A required text whose blank message is the plain "填写{field}".
pub(super) fn required(
    ctx: &mut Ctx,
    path: impl FieldPath + Copy,
    value: &str,
    max: u64,
    field: &'static str,
) -> bool {
    required_text(
        ctx,
        path,
        value,
        max,
        field,
        ("G4", "G4.required", &[label(field)]),
    )
}

pub(super) fn choose<T>(
    ctx: &mut Ctx,
    path: impl FieldPath,
    value: Option<T>,
    field: &'static str,
) -> Option<T> {
    if value.is_none() {
        ctx.error("G4", path, "G4.choose", &[label(field)]);
    }
    value
}

/// G1 for one code. `purchaser_kind`: warn when an enterprise code is
/// given for a public purchaser (agencies may be enterprises).
pub(super) fn uscc(
    ctx: &mut Ctx,
    path: impl FieldPath + Copy,
    value: &str,
    who: &'static str,
    purchaser_kind: bool,
) -> Option<Uscc> {
    match Uscc::parse(value) {
        Ok(code) => {
            if !code.org_check_ok() {
                ctx.warn("G1", path, "G1.org_check", &[]);
            }
            if purchaser_kind && code.is_enterprise() {
                ctx.warn("G1", path, "G1.enterprise", &[]);
            }
            Some(code)
        }
        Err(e) => {
            match e {
                UsccError::Empty => {
                    ctx.error("G1", path, "G1.empty", &[("field", format!("@{who}"))])
                }
                UsccError::Length(n) => {
                    ctx.error("G1", path, "G1.length", &[("count", n.to_string())])
                }
                UsccError::Character {
                    position,
                    found,
                    suggest,
                } => {
                    let mut params = vec![
                        ("position", position.to_string()),
                        ("found", found.to_string()),
                    ];
                    match suggest {
                        Some(s) => {
                            params.push(("suggest", s.to_string()));
                            ctx.error("G1", path, "G1.character_suggest", &params)
                        }
                        None => ctx.error("G1", path, "G1.character", &params),
                    }
                }
                UsccError::CheckCharacter { expected } => ctx.error(
                    "G1",
                    path,
                    "G1.check",
                    &[("expected", expected.to_string())],
                ),
            }
            None
        }
    }
}

/// G2 for one required amount.
pub(super) fn money(
    ctx: &mut Ctx,
    path: impl FieldPath + Copy,
    value: &str,
    field: &'static str,
) -> Option<Fen> {
    match Fen::parse_yuan(value) {
        Ok(f) => Some(f),
        Err(e) => {
            let key = match e {
                MoneyError::Empty => "G2.empty",
                MoneyError::NotANumber => "G2.format",
                MoneyError::TooManyDecimals => "G2.decimals",
                MoneyError::NotPositive => "G2.positive",
                MoneyError::TooLarge => "G2.too_large",
            };
            ctx.error("G2", path, key, &[label(field)]);
            None
        }
    }
}

/// G3 for one required date; filing dates must not lie in the future.
pub(super) fn date(
    ctx: &mut Ctx,
    path: impl FieldPath + Copy,
    value: &str,
    field: &'static str,
    not_future: bool,
) -> Option<Date> {
    match Date::parse(value) {
        Ok(d) if not_future && d > ctx.today => {
            let today = ctx.today.to_string();
            ctx.error("G3", path, "G3.future", &[label(field), ("today", today)]);
            None
        }
        Ok(d) => Some(d),
        Err(e) => {
            let key = match e {
                DateError::Empty => "G3.empty",
                DateError::Format => "G3.format",
                DateError::NoSuchDay => "G3.no_such_day",
            };
            ctx.error("G3", path, key, &[label(field)]);
            None
        }
    }
}

/// The rows a route lists, bounded by [`MAX_ROWS`].
pub(super) fn rows<'p>(ctx: &mut Ctx, path: &str, rows: &'p [Party], min: usize) -> &'p [Party] {
    if rows.len() < min {
        ctx.error("G4", path, "G4.rows", &[]);
    }
    if rows.len() > MAX_ROWS {
        ctx.error(
            "G4",
            path,
            "G4.too_many_rows",
            &[
                ("count", rows.len().to_string()),
                ("max", MAX_ROWS.to_string()),
            ],
        );
        return &rows[..MAX_ROWS];
    }
    rows
}

/// Name, code and amount of one row; returns the parsed code and amount.
pub(super) fn party_basics(
    ctx: &mut Ctx,
    list: &str,
    index: usize,
    party: &Party,
) -> (Option<Uscc>, Option<Fen>) {
    let at = |field| Row { list, index, field };
    required(ctx, at("name"), &party.name, NAME_MAX, "field.unit.name");
    let code = uscc(ctx, at("uscc"), &party.uscc, "who.unit", true);
    let amount = money(ctx, at("amount"), &party.amount, "field.unit.amount");
    (code, amount)
}

/// Each unit listed once: the second occurrence of a code is an error of
/// `rule` pointing at the later row.
pub(super) fn duplicates(ctx: &mut Ctx, base: &str, codes: &[Option<Uscc>], rule: &'static str) {
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(codes.len());
    for (i, code) in codes.iter().enumerate() {
        let Some(code) = code else { continue };
        if let Some(&j) = first.get(code.as_str()) {
            ctx.error(
                rule,
                Row {
                    list: base,
                    index: i,
                    field: "uscc",
                },
                "G1.duplicate",
                &[("row", (i + 1).to_string()), ("other", (j + 1).to_string())],
            );
        } else {
            first.insert(code.as_str(), i);
        }
    }
}

pub(super) fn check(ctx: &mut Ctx) {
    let f = ctx.filing;
    if f.route.is_none() {
        ctx.error("G5", "route", "G5.route", &[]);
    }

    let p = &f.purchaser;
    required(
        ctx,
        "purchaser.name",
        &p.name,
        NAME_MAX,
        "field.purchaser.name",
    );
    uscc(ctx, "purchaser.uscc", &p.uscc, "who.purchaser", true);
    if choose(ctx, "purchaser.level", p.level, "field.level") == Some(Level::Province) {
        choose(ctx, "purchaser.in_jinan", p.in_jinan, "field.in_jinan");
    }
    text_shape(
        ctx,
        "purchaser.division",
        &p.division,
        NAME_MAX,
        "field.purchaser.division",
    );
    required(
        ctx,
        "purchaser.contact_name",
        &p.contact_name,
        NAME_MAX,
        "field.purchaser.contact_name",
    );
    if !is_phone(&p.contact_phone) {
        ctx.error("G4", "purchaser.contact_phone", "G4.phone", &[]);
    }

    let pr = &f.project;
    required(
        ctx,
        "project.name",
        &pr.name,
        NAME_MAX,
        "field.project.name",
    );
    let object = choose(ctx, "project.object", pr.object, "field.object");
    if pr.item_code.trim().is_empty() {
        ctx.error(
            "G4",
            "project.item_code",
            "G4.required",
            &[label("field.project.item_code")],
        );
    } else {
        match ItemCode::parse(&pr.item_code) {
            None => ctx.error_citing(
                "G4",
                &[Source::Catalog],
                "project.item_code",
                "G4.item_code",
                &[],
            ),
            Some(code) => {
                if let Some(object) = object {
                    if code.letter() != object.item_letter() {
                        ctx.error_citing(
                            "G4",
                            &[Source::Catalog],
                            "project.item_code",
                            "G4.item_object",
                            &[
                                ("letter", code.letter().to_string()),
                                ("object", format!("@object.{}", object.id())),
                                ("expected", object.item_letter().to_string()),
                            ],
                        );
                    }
                }
            }
        }
    }
    choose(ctx, "project.in_catalog", pr.in_catalog, "field.in_catalog");
    money(ctx, "project.budget", &pr.budget, "field.project.budget");
    required(
        ctx,
        "project.funding_source",
        &pr.funding_source,
        NAME_MAX,
        "field.project.funding_source",
    );
    date(
        ctx,
        "project.planned_date",
        &pr.planned_date,
        "field.project.planned_date",
        false,
    );
}
