//! G1–G7: what every route asks, and the field helpers the other rules use.

use validator::ValidateLength;

use super::{Cite, Ctx, FieldPath, Row, Source};
use crate::domain::date::{Date, DateError};
use crate::domain::finding::Severity;
use crate::domain::model::Party;
use crate::domain::money::{Fen, MoneyError};
use crate::domain::uscc::{Uscc, UsccError};
use crate::domain::values::{is_phone, ItemCode, Level};

/// More rows than any real procurement; past this the rules stop reading.
pub const MAX_ROWS: usize = 5000;

fn label(key: &'static str) -> (&'static str, String) {
    ("field", format!("@{key}"))
}

/// Characters a purchaser cannot see that change what a reader sees:
/// C0/C1 controls (a line break or tab aside) and the bidirectional
/// embedding, override and isolate marks (U+202A–U+202E, U+2066–U+2069).
pub fn is_invisible_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// The bound and message words of a text field, by record and field name,
/// from its declaration in `model.rs`.
pub fn text_bound(
    record: &dyn crate::domain::record::Record,
    field: &str,
) -> Option<(u64, &'static str)> {
    let spec = record.spec(field)?;
    match spec.input {
        crate::domain::field::Input::Text(_) => Some((spec.max, spec.noun?)),
        _ => None,
    }
}

/// G4 as the purchaser types, for the field at `path` (rows by index):
/// the message, in `lang`, when its text is too long or holds an invisible
/// control character. The same bound and words as [`every_text`].
pub fn text_problem(
    filing: &crate::domain::model::Filing,
    path: &str,
    lang: crate::domain::i18n::Lang,
) -> Option<String> {
    use crate::domain::record::{slot_at, Slot};
    let (parent, field) = path.rsplit_once('.')?;
    let Some(Slot::Record(owner)) = slot_at(filing, parent) else {
        return None;
    };
    let Some(Slot::Text(value)) = owner.slot(field) else {
        return None;
    };
    let (max, label_key) = text_bound(owner, field)?;
    let mut params = crate::domain::table::Table::new();
    params.insert("field".to_string(), format!("@{label_key}"));
    let key = if !value.validate_length(None, Some(max), None) {
        params.insert("max".to_string(), max.to_string());
        "G4.too_long"
    } else if value.chars().any(is_invisible_control) {
        "G4.control"
    } else {
        return None;
    };
    Some(crate::domain::i18n::render(key, lang, &params))
}

/// G4 for every text the package carries, whichever rule reads it (or
/// none): bounded length, no invisible control characters. Runs after the
/// other rules; a field they already refused keeps their message alone.
pub(super) fn every_text(ctx: &mut Ctx) {
    use crate::domain::record::{Record, Slot};
    use crate::domain::route::RouteId;

    fn walk(record: &dyn Record, at: &str, bad: &mut Vec<(String, &'static str, u64, bool)>) {
        for key in record.keys() {
            match record.slot(key) {
                Some(Slot::Text(value)) => {
                    let Some((max, label)) = text_bound(record, key) else {
                        continue;
                    };
                    let too_long = !value.validate_length(None, Some(max), None);
                    if too_long || value.chars().any(is_invisible_control) {
                        bad.push((format!("{at}.{key}"), label, max, too_long));
                    }
                }
                Some(Slot::Record(inner)) => walk(inner, &format!("{at}.{key}"), bad),
                Some(Slot::Rows(rows)) => {
                    for (i, row) in rows.iter().take(MAX_ROWS).enumerate() {
                        walk(row, &format!("{at}.{key}[{i}]"), bad);
                    }
                }
                _ => {}
            }
        }
    }

    let f = ctx.filing;
    let mut sections: Vec<(&str, &dyn Record)> =
        vec![("purchaser", &f.purchaser), ("project", &f.project)];
    if let Some(route) = f.route {
        sections.push(("responsibility", &f.responsibility));
        sections.push(match route {
            RouteId::DOwn => ("department", &f.department),
            RouteId::DJoin => ("join", &f.join),
            RouteId::Agency => ("agency", &f.agency),
            RouteId::JMall => ("mall", &f.mall),
            RouteId::JVoluntary => ("joint", &f.joint),
        });
    }
    let mut bad = Vec::new();
    for (at, record) in sections {
        walk(record, at, &mut bad);
    }
    for (path, label_key, max, too_long) in bad {
        let refused = ctx.findings.iter().any(|x| x.blocks() && x.path == path);
        if refused {
            continue;
        }
        if too_long {
            ctx.error(
                "G4",
                path,
                "G4.too_long",
                &[label(label_key), ("max", max.to_string())],
            );
        } else {
            ctx.error("G4", path, "G4.control", &[label(label_key)]);
        }
    }
}

/// A required text: blank (after trimming) gets `missing`'s own message.
/// Its length and characters are checked for every text by [`every_text`],
/// with the bound and words of its declaration.
pub(super) fn required_text(
    ctx: &mut Ctx,
    path: impl FieldPath + Copy,
    value: &str,
    missing: (&'static str, &'static str, &[(&str, String)]),
) -> bool {
    if value.trim().is_empty() {
        let (rule, key, params) = missing;
        ctx.error(rule, path, key, params);
        false
    } else {
        true
    }
}

/// A required text whose blank message is the plain "填写{field}".
pub(super) fn required(
    ctx: &mut Ctx,
    path: impl FieldPath + Copy,
    value: &str,
    field: &'static str,
) -> bool {
    required_text(ctx, path, value, ("G4", "G4.required", &[label(field)]))
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
                ctx.emit_citing(
                    "G1",
                    Severity::Warning,
                    Cite::Instead(&[Source::Gb11714]),
                    path,
                    "G1.org_check",
                    &[],
                );
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
    required(ctx, at("name"), &party.name, "field.unit.name");
    let code = uscc(ctx, at("uscc"), &party.uscc, "who.unit", true);
    let amount = money(ctx, at("amount"), &party.amount, "field.unit.amount");
    (code, amount)
}

/// Each unit listed once: the second occurrence of a code is an error of
/// `rule` pointing at the later row.
pub(super) fn duplicates(ctx: &mut Ctx, base: &str, codes: &[Option<Uscc>], rule: &'static str) {
    let mut first = FirstSeen::with_capacity(codes.len());
    for (i, code) in codes.iter().enumerate() {
        let Some(code) = code else { continue };
        if let Some(j) = first.seen(code.as_str(), i) {
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
        }
    }
}

/// The first row each code was seen in: open addressing over a table of
/// at least twice as many slots as codes (so a probe always ends), FNV-1a
/// over the code's bytes. A `HashMap<&str, usize>` did the same with its
/// own copy of the hash table's code in the browser bundle (1.5 KB gzip);
/// a sorted list would make a 5,000-row list quadratic.
pub(crate) struct FirstSeen<'a> {
    /// Entry number + 1 per slot; 0 is empty.
    slots: Vec<usize>,
    entries: Vec<(&'a str, usize)>,
}

impl<'a> FirstSeen<'a> {
    pub(crate) fn with_capacity(n: usize) -> Self {
        FirstSeen {
            slots: vec![0; (2 * n).next_power_of_two().max(2)],
            entries: Vec::with_capacity(n),
        }
    }

    /// The row `code` was first seen in; `None` (and `row` remembered for
    /// it) the first time.
    pub(crate) fn seen(&mut self, code: &'a str, row: usize) -> Option<usize> {
        let slot = match self.probe(code) {
            Ok(first) => return Some(first),
            Err(slot) => slot,
        };
        self.entries.push((code, row));
        if let Some(s) = self.slots.get_mut(slot) {
            *s = self.entries.len();
        }
        // Kept at most half full: more codes than announced double it.
        if self.entries.len() * 2 > self.slots.len() {
            self.slots = vec![0; self.slots.len() * 2];
            for n in 1..=self.entries.len() {
                let code = self.entries[n - 1].0;
                if let Err(slot) = self.probe(code) {
                    self.slots[slot] = n;
                }
            }
        }
        None
    }

    /// `Ok(first row)` when `code` is in the table, else `Err(empty slot)`.
    fn probe(&self, code: &str) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let hash = code.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        let mut slot = (hash as usize) & mask;
        while let Some(&n) = self.slots.get(slot).filter(|&&n| n != 0) {
            if let Some(&(c, first)) = self.entries.get(n - 1) {
                if c == code {
                    return Ok(first);
                }
            }
            slot = (slot + 1) & mask;
        }
        Err(slot)
    }
}

/// G6: the profile's notices bind the purchaser (by its code's division).
fn profile_fits(ctx: &mut Ctx, division: &str) {
    if ctx.profile.fits(division) {
        return;
    }
    match ctx.profile.fitting(division) {
        Some(fits) => ctx.error(
            "G6",
            "purchaser.uscc",
            "G6.other_profile",
            &[
                ("division", division.to_string()),
                ("fits", fits.id.clone()),
                ("profile", ctx.profile.id().to_string()),
            ],
        ),
        None => ctx.error(
            "G6",
            "purchaser.uscc",
            "G6.outside",
            &[("division", division.to_string())],
        ),
    }
}

/// The level a division code's granularity names: `xx0000` a province,
/// `xxyy00` a city, `xxyyzz` a county (central units are not coded so).
pub fn division_level(division: &str) -> Level {
    if division.get(2..) == Some("0000") {
        Level::Province
    } else if division.get(4..) == Some("00") {
        Level::City
    } else {
        Level::County
    }
}

/// G7: the stated level agrees with the code's division. Registration can
/// differ from where a unit sits, so only a warning.
fn level_fits(ctx: &mut Ctx, level: Level, division: &str) {
    if level == Level::Central {
        return;
    }
    let coded = division_level(division);
    if coded != level {
        ctx.warn(
            "G7",
            "purchaser.level",
            "G7.level",
            &[
                ("level", format!("@level.{}", level.id())),
                ("division", division.to_string()),
                ("granularity", format!("@level.{}", coded.id())),
            ],
        );
    }
}

pub(super) fn check(ctx: &mut Ctx) {
    let f = ctx.filing;
    if f.route.is_none() {
        ctx.error("G5", "route", "G5.route", &[]);
    }

    let p = &f.purchaser;
    required(ctx, "purchaser.name", &p.name, "field.purchaser.name");
    let code = uscc(ctx, "purchaser.uscc", &p.uscc, "who.purchaser", true);
    let level = choose(ctx, "purchaser.level", p.level, "field.level");
    if level == Some(Level::Province) {
        choose(ctx, "purchaser.in_jinan", p.in_jinan, "field.in_jinan");
    } else if level.is_some() && p.in_jinan.is_some() {
        // G7: 驻济 is a provincial unit's answer (SD §2's A2 case).
        ctx.error("G7", "purchaser.level", "G7.in_jinan", &[]);
    }
    if let Some(code) = &code {
        profile_fits(ctx, code.division());
        if let Some(level) = level {
            level_fits(ctx, level, code.division());
        }
    }
    required(
        ctx,
        "purchaser.contact_name",
        &p.contact_name,
        "field.purchaser.contact_name",
    );
    if !is_phone(&p.contact_phone) {
        ctx.error("G4", "purchaser.contact_phone", "G4.phone", &[]);
    }

    let pr = &f.project;
    required(ctx, "project.name", &pr.name, "field.project.name");
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
            None => ctx.emit_citing(
                "G4",
                Severity::Error,
                Cite::Instead(&[Source::Catalog]),
                "project.item_code",
                "G4.item_code",
                &[],
            ),
            Some(code) => {
                if let Some(object) = object {
                    if code.letter() != object.item_letter() {
                        ctx.emit_citing(
                            "G4",
                            Severity::Error,
                            Cite::Instead(&[Source::Catalog]),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_seen_finds_each_repeat_and_its_first_row_like_a_map() {
        // 5,000 codes, many repeated, more than a slot's worth colliding.
        let codes: Vec<String> = (0..5000u32)
            .map(|i| format!("C{}", (i * 7919) % 1700))
            .collect();
        let mut first = FirstSeen::with_capacity(codes.len());
        let mut map = std::collections::HashMap::new();
        for (i, c) in codes.iter().enumerate() {
            let expected = map.get(c.as_str()).copied();
            map.entry(c.as_str()).or_insert(i);
            assert_eq!(first.seen(c, i), expected, "row {i}");
        }
        // Announced too few: it grows instead of probing forever.
        let mut small = FirstSeen::with_capacity(0);
        for (i, c) in codes.iter().enumerate().take(300) {
            small.seen(c, i);
        }
        assert_eq!(small.seen(&codes[7], 9999), Some(7));
        assert_eq!(small.seen("new", 10_000), None);
    }
    use crate::domain::model::Filing;
    use crate::domain::profile::ProfileId;
    use crate::domain::record::{Record, Slot};
    use crate::domain::route::RouteId;
    use crate::domain::sample::sample;

    /// Every field's declaration fits its type (a text is declared as a
    /// text, a choice as a choice, …), and every text has a bound and
    /// message words in both languages.
    #[test]
    fn every_declaration_fits_its_field() {
        use crate::domain::field::Input;
        use crate::domain::i18n::{lookup, Lang};
        fn walk(r: &dyn Record) {
            for (key, spec) in r.keys().iter().zip(r.specs()) {
                assert_eq!(*key, spec.name);
                let fits = match (r.slot(key), spec.input) {
                    (Some(Slot::Text(_)), Input::Text(_)) => {
                        let noun = spec
                            .noun
                            .unwrap_or_else(|| panic!("{}.{key}: no noun", r.name()));
                        assert!(spec.max > 0, "{}.{key}", r.name());
                        assert!(
                            lookup(noun, Lang::Zh).is_some() && lookup(noun, Lang::En).is_some(),
                            "{noun}"
                        );
                        true
                    }
                    (Some(Slot::Flag(_)), Input::Check)
                    | (Some(Slot::Pick(_)), Input::Choice)
                    | (Some(Slot::Id(_)), Input::Id) => true,
                    (Some(Slot::Record(inner)), Input::Record) => {
                        walk(inner);
                        true
                    }
                    (Some(Slot::Rows(_)), Input::Rows) => {
                        walk(&crate::domain::model::Party::default());
                        true
                    }
                    _ => false,
                };
                assert!(fits, "{}.{key} is declared as {:?}", r.name(), spec.input);
            }
        }
        walk(&Filing::default());
    }

    #[test]
    fn text_problems_are_named_as_the_purchaser_types() {
        use crate::domain::i18n::Lang;
        let mut f = sample(RouteId::JVoluntary, ProfileId::Liaocheng);
        assert_eq!(
            text_problem(&f, "responsibility.policies.other", Lang::En),
            None
        );
        f.responsibility.policies.other = "节".repeat(2001);
        assert_eq!(
            text_problem(&f, "responsibility.policies.other", Lang::En).as_deref(),
            Some("Other procurement policies must be 2000 characters or fewer")
        );
        f.joint.participants[1].budget_source = "财政\u{202E}拨款".into();
        let row = "joint.participants[1].budget_source".to_string();
        assert_eq!(
            text_problem(&f, &row, Lang::Zh).as_deref(),
            Some("预算资金来源含有不可见的控制字符，请删除")
        );
        assert_eq!(text_problem(&f, "purchaser.level", Lang::Zh), None);
        assert_eq!(text_problem(&f, "nothing.here", Lang::Zh), None);
    }

    #[test]
    fn bidi_overrides_and_controls_are_invisible_controls() {
        for c in [
            '\u{0}', '\u{7}', '\r', '\u{202E}', '\u{202A}', '\u{2066}', '\u{2069}', '\u{85}',
        ] {
            assert!(is_invisible_control(c), "{:?}", c);
        }
        for c in ['\n', '\t', 'a', '长', '\u{3000}', '（'] {
            assert!(!is_invisible_control(c), "{:?}", c);
        }
    }
}
