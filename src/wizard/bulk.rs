//! Unit lists from spreadsheets: rows copied from Excel, WPS or LibreOffice
//! (tab-separated) or a CSV file, with or without a header row (zh or en),
//! previewed row by row with the findings the rules give them, and lists
//! written back as CSV. Pure: the browser side only reads the clipboard or
//! the file (and decodes GBK) and renders what this returns.

use crate::domain::date::Date;
use crate::domain::finding::{Finding, Severity};
use crate::domain::i18n::Lang;
use crate::domain::model::{Filing, Party};
use crate::domain::profile::Profile;
use crate::domain::read::ReadError;
use crate::domain::record::{Record, Slot, SlotMut};
use crate::domain::rules::{check, MAX_ROWS};
use crate::domain::values::Level;

use super::asked_in_list;

/// At most this many rows per paste or file; more is refused, not cut.
pub const MAX_BULK_ROWS: usize = 1000;
/// At most this much text per paste or file, refused before it is read.
pub const MAX_BULK_BYTES: usize = 1024 * 1024;

/// The columns a list asks, in the documented order (a paste without a
/// header row is read in this order).
pub fn columns(list: &str, f: &Filing, p: &Profile) -> Vec<&'static str> {
    let row = Party::default();
    row.keys()
        .iter()
        .copied()
        .filter(|k| *k != "id" && asked_in_list(list, k, f, p))
        .collect()
}

/// Other words purchasers' sheets use for a column, beside its label in
/// either language.
const ALIASES: &[(&str, &[&str])] = &[
    (
        "name",
        &[
            "单位名称",
            "名称",
            "单位",
            "采购人",
            "采购人名称",
            "需求单位",
            "预算单位",
            "name",
            "unit",
            "unitname",
            "purchaser",
        ],
    ),
    (
        "uscc",
        &[
            "统一社会信用代码",
            "社会信用代码",
            "信用代码",
            "代码",
            "uscc",
            "creditcode",
            "unifiedsocialcreditcode",
        ],
    ),
    ("level", &["行政级别", "级别", "层级", "level"]),
    (
        "budget_source",
        &[
            "预算来源",
            "资金来源",
            "经费来源",
            "budgetsource",
            "fundingsource",
            "source",
        ],
    ),
    (
        "plan_ref",
        &[
            "采购计划备案编号",
            "备案编号",
            "计划编号",
            "采购计划编号",
            "planref",
            "planreference",
            "plannumber",
        ],
    ),
    (
        "plan_date",
        &[
            "采购计划备案日期",
            "备案日期",
            "计划日期",
            "日期",
            "plandate",
            "date",
        ],
    ),
    (
        "amount",
        &[
            "金额",
            "采购金额",
            "预算金额",
            "份额",
            "分摊金额",
            "amount",
            "share",
        ],
    ),
];

/// A header cell as compared: no spaces, marks or bracketed units
/// (`金额（元）` → `金额`), ASCII lowercased.
fn normalize(cell: &str) -> String {
    let mut out = String::new();
    let mut depth = 0u32;
    for c in cell.chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_whitespace() || matches!(c, '*' | '：' | ':' | '_' | '-' | '.') => {}
            c => out.push(c.to_ascii_lowercase()),
        }
    }
    out
}

/// A column's label in `list`, as its form field shows it (a joint
/// list's amount is its "share").
pub fn column_label(list: &str, column: &str) -> &'static str {
    super::question(&format!("{list}[0].{column}"))
        .map(|q| q.label)
        .unwrap_or("ui.row")
}

/// The column a header cell names, if any: its label in `list` or any
/// list, in either language, or a common other word.
fn column_of(list: &str, cell: &str) -> Option<&'static str> {
    let n = normalize(cell);
    if n.is_empty() {
        return None;
    }
    let is = |key: &str| {
        [Lang::Zh, Lang::En]
            .iter()
            .any(|l| normalize(crate::text::t(key, *l)) == n)
    };
    ALIASES.iter().find_map(|(column, words)| {
        (words.iter().any(|w| normalize(w) == n)
            || is(&format!("label.party.{column}"))
            || is(column_label(list, column)))
        .then_some(*column)
    })
}

/// `省级`, `province`, `中央` … as a level.
pub fn level_of(cell: &str) -> Option<Level> {
    let n = normalize(cell);
    let words: [(Level, &[&str]); 4] = [
        (
            Level::Central,
            &["中央", "中央级", "国家级", "central", "national"],
        ),
        (
            Level::Province,
            &["省级", "省", "省直", "province", "provincial"],
        ),
        (
            Level::City,
            &["市级", "市", "市直", "地市级", "city", "municipal"],
        ),
        (
            Level::County,
            &[
                "县级",
                "县",
                "区县",
                "县区",
                "县区级",
                "区县级",
                "county",
                "district",
            ],
        ),
    ];
    words
        .iter()
        .find(|(_, ws)| ws.iter().any(|w| normalize(w) == n))
        .map(|(l, _)| *l)
}

/// Cells of delimited text: `"…"` quotes a cell (with `""` for a quote),
/// as Excel copies a cell holding a tab or a line break; CR, LF and CRLF
/// end a row.
pub fn cells(text: &str, delimiter: char) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut fresh = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    cell.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
            }
            continue;
        }
        match c {
            '"' if fresh => {
                quoted = true;
                fresh = false;
            }
            c if c == delimiter => {
                row.push(std::mem::take(&mut cell));
                fresh = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                fresh = true;
            }
            c => {
                cell.push(c);
                fresh = false;
            }
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows.retain(|r| r.iter().any(|c| !c.trim().is_empty()));
    rows
}

/// A level cell that names no level: kept empty in the row, and said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    pub row: usize,
    pub value: String,
}

/// Rows read from a sheet, before they are added.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub header: bool,
    /// The list's columns the sheet gives, in its order.
    pub columns: Vec<&'static str>,
    pub rows: Vec<Party>,
    pub unread_levels: Vec<Unread>,
}

fn refuse(key: &'static str) -> ReadError {
    ReadError::new("", key)
}

/// Read pasted text (tab-separated) or a CSV file's text (`delimiter`
/// `,`) into rows of `list`, whose columns are `asked`. Refuses, naming
/// why, text over [`MAX_BULK_BYTES`], more than [`MAX_BULK_ROWS`] rows, a
/// header it cannot read and rows wider than the list.
pub fn read(
    text: &str,
    delimiter: char,
    list: &str,
    asked: &[&'static str],
) -> Result<Sheet, ReadError> {
    if text.len() > MAX_BULK_BYTES {
        return Err(refuse("bulk.too_large")
            .with("size", text.len().to_string())
            .with("max", MAX_BULK_BYTES.to_string()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut grid = cells(text, delimiter);
    if grid.is_empty() {
        return Err(refuse("bulk.empty"));
    }
    let known = || {
        asked
            .iter()
            .map(|c| crate::text::t(column_label(list, c), Lang::Zh))
            .collect::<Vec<_>>()
            .join("、")
    };
    let first: Vec<Option<&'static str>> = grid[0].iter().map(|c| column_of(list, c)).collect();
    let header = first.iter().any(Option::is_some);
    let columns: Vec<Option<&'static str>> = if header {
        for (cell, column) in grid[0].iter().zip(&first) {
            let usable = column.is_some_and(|c| asked.contains(&c));
            if !usable && !cell.trim().is_empty() {
                return Err(refuse("bulk.unknown_header")
                    .with("value", cell.trim())
                    .with("known", known()));
            }
        }
        let columns = first;
        grid.remove(0);
        columns
    } else {
        asked.iter().map(|c| Some(*c)).collect()
    };
    if grid.len() > MAX_BULK_ROWS {
        return Err(refuse("bulk.too_many_rows")
            .with("rows", grid.len().to_string())
            .with("max", MAX_BULK_ROWS.to_string()));
    }
    let mut sheet = Sheet {
        header,
        columns: columns.iter().flatten().copied().collect(),
        rows: Vec::with_capacity(grid.len()),
        unread_levels: Vec::new(),
    };
    for (i, cells) in grid.into_iter().enumerate() {
        let wide = cells
            .iter()
            .rposition(|c| !c.trim().is_empty())
            .map_or(0, |p| p + 1);
        if wide > columns.len() {
            return Err(refuse("bulk.too_many_columns")
                .with("row", (i + 1 + usize::from(header)).to_string())
                .with("cells", wide.to_string())
                .with("max", columns.len().to_string())
                .with("known", known()));
        }
        let mut party = Party::default();
        for (cell, column) in cells.into_iter().zip(&columns) {
            let Some(column) = column else { continue };
            let value = cell.trim();
            // What `to_csv` protected from a sheet's formulas, read back.
            let value = value
                .strip_prefix('\'')
                .filter(|v| v.starts_with(['=', '+', '-', '@']))
                .unwrap_or(value);
            if *column == "level" {
                party.level = level_of(value);
                if party.level.is_none() && !value.is_empty() {
                    sheet.unread_levels.push(Unread {
                        row: i,
                        value: value.to_string(),
                    });
                }
            } else if let Some(SlotMut::Text(slot)) = party.slot_mut(column) {
                *slot = value.to_string();
            }
        }
        sheet.rows.push(party);
    }
    Ok(sheet)
}

/// One row of the preview: the unit as it will be added and what the
/// rules say of the columns the sheet gave.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewRow {
    pub party: Party,
    pub findings: Vec<Finding>,
}

impl PreviewRow {
    pub fn blocks(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

/// The sheet's rows as the list would hold them after the existing ones,
/// each with the findings `check` gives its pasted cells (a wrong check
/// character, a code already in the list or earlier in the paste, a bad
/// amount…) and an unread level. A column the sheet did not give is not
/// held against it: it is typed afterwards.
pub fn preview(
    filing: &Filing,
    profile: &Profile,
    list: &str,
    sheet: &Sheet,
    today: Date,
) -> Result<Vec<PreviewRow>, ReadError> {
    let mut trial = filing.clone();
    let existing = super::rows_in(&trial, list).len();
    if existing + sheet.rows.len() > MAX_ROWS {
        return Err(refuse("bulk.list_full")
            .with("rows", (existing + sheet.rows.len()).to_string())
            .with("max", MAX_ROWS.to_string()));
    }
    append(&mut trial, list, sheet.rows.clone());
    let mut out: Vec<PreviewRow> = sheet
        .rows
        .iter()
        .map(|p| PreviewRow {
            party: p.clone(),
            findings: Vec::new(),
        })
        .collect();
    let prefix = format!("{list}[");
    for finding in check(&trial, profile, today) {
        let Some(rest) = finding.path.strip_prefix(&prefix) else {
            continue;
        };
        let Some((index, field)) = rest.split_once("].") else {
            continue;
        };
        let Some(i) = index
            .parse::<usize>()
            .ok()
            .and_then(|i| i.checked_sub(existing))
        else {
            continue;
        };
        if let Some(row) = out.get_mut(i) {
            if sheet.columns.contains(&field) && finding.severity != Severity::Info {
                row.findings.push(finding);
            }
        }
    }
    for u in &sheet.unread_levels {
        if let Some(row) = out.get_mut(u.row) {
            // "Choose a level" says less than why the cell did not read.
            row.findings.retain(|f| !f.path.ends_with("].level"));
            let e = refuse("bulk.level").with("value", u.value.clone());
            row.findings.push(Finding {
                rule: "G4".into(),
                key: "bulk.level".into(),
                severity: Severity::Error,
                interpretation: false,
                path: format!("{list}[{}].level", existing + u.row),
                params: Default::default(),
                message: crate::domain::finding::Localized {
                    zh: e.message(Lang::Zh),
                    en: e.message(Lang::En),
                },
                clause: crate::domain::finding::Localized {
                    zh: String::new(),
                    en: String::new(),
                },
            });
        }
    }
    Ok(out)
}

/// Add `rows` to the list with fresh ids after the list's largest;
/// returns the ids given, for "undo".
pub fn append(f: &mut Filing, list: &str, rows: Vec<Party>) -> Vec<u32> {
    let Some(target) = super::rows_in_mut(f, list) else {
        return Vec::new();
    };
    let mut next = target.iter().map(|p| p.id).max().unwrap_or(0);
    let mut ids = Vec::with_capacity(rows.len());
    for mut p in rows {
        next = next.saturating_add(1);
        p.id = next;
        ids.push(next);
        target.push(p);
    }
    ids
}

fn csv_cell(out: &mut String, text: &str) {
    if text.contains([',', '"', '\n', '\r']) || text.starts_with([' ', '=', '+', '-', '@']) {
        // Quoted, and a leading formula character kept as text: a sheet
        // opening the file must not run what a purchaser typed.
        out.push('"');
        if text.starts_with(['=', '+', '-', '@']) {
            out.push('\'');
        }
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// The list as CSV for Excel: UTF-8 with a byte order mark (so Excel on
/// Chinese Windows reads it), a header row in `lang`, CRLF.
pub fn to_csv(rows: &[Party], list: &str, columns: &[&'static str], lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    for (i, c) in columns.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_cell(&mut out, crate::text::t(column_label(list, c), lang));
    }
    out.push_str("\r\n");
    for p in rows {
        for (i, c) in columns.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let text = match *c {
                "level" => p
                    .level
                    .map(|l| {
                        crate::text::t(crate::domain::choice::Choice::label(l), lang).to_string()
                    })
                    .unwrap_or_default(),
                _ => match p.slot(c) {
                    Some(Slot::Text(s)) => s.to_string(),
                    _ => String::new(),
                },
            };
            csv_cell(&mut out, &text);
        }
        out.push_str("\r\n");
    }
    out
}
