//! Unit lists from spreadsheets (pure part): reading pasted rows and CSV,
//! the preview's findings, appending, and CSV written back.

mod common;

use procurement_route_wizard::domain::i18n::Lang;
use procurement_route_wizard::domain::model::Party;
use procurement_route_wizard::domain::profile::{Profile, ProfileId};
use procurement_route_wizard::domain::route::RouteId;
use procurement_route_wizard::domain::sample::{sample, synthetic_uscc};
use procurement_route_wizard::domain::values::Level;
use procurement_route_wizard::wizard::bulk::{
    append, cells, columns, level_of, preview, read, to_csv, MAX_BULK_ROWS,
};

use common::today;

const JOINT: &str = "joint.participants";

fn joint_columns() -> Vec<&'static str> {
    let f = sample(RouteId::JVoluntary, ProfileId::Liaocheng);
    columns(JOINT, &f, &Profile::new(ProfileId::Liaocheng))
}

#[test]
fn each_list_has_its_documented_columns() {
    let lc = Profile::new(ProfileId::Liaocheng);
    let f = sample(RouteId::JVoluntary, ProfileId::Liaocheng);
    assert_eq!(
        columns(JOINT, &f, &lc),
        [
            "name",
            "uscc",
            "level",
            "budget_source",
            "plan_ref",
            "plan_date",
            "amount"
        ]
    );
    assert_eq!(
        columns("mall.participants", &f, &lc),
        ["name", "uscc", "plan_ref", "plan_date", "amount"]
    );
    assert_eq!(
        columns("department.units", &f, &lc),
        ["name", "uscc", "level", "plan_ref", "plan_date", "amount"]
    );
}

#[test]
fn excel_cells_quoted_with_tabs_and_line_breaks() {
    let grid = cells(
        "a\t\"b\tc\"\t\"line\nbreak\"\r\n\"say \"\"hi\"\"\"\tx\r\n\r\n",
        '\t',
    );
    assert_eq!(
        grid,
        vec![vec!["a", "b\tc", "line\nbreak"], vec!["say \"hi\"", "x"]]
    );
}

#[test]
fn a_paste_with_a_chinese_header_in_any_column_order() {
    let code = synthetic_uscc(7, "12", "371500");
    let text = format!(
        "统一社会信用代码\t单位名称\t金额（元）\t行政级别\n{code}\t聊城一中\t１，２００．５０\t市级\n"
    );
    let sheet = read(&text, '\t', JOINT, &joint_columns()).unwrap();
    assert!(sheet.header);
    assert_eq!(sheet.columns, ["uscc", "name", "amount", "level"]);
    let p = &sheet.rows[0];
    assert_eq!(
        (p.name.as_str(), p.uscc.as_str(), p.amount.as_str()),
        ("聊城一中", code.as_str(), "１，２００．５０")
    );
    assert_eq!(p.level, Some(Level::City));
}

#[test]
fn a_paste_with_an_english_header_and_one_without_any() {
    let code = synthetic_uscc(8, "12", "371500");
    let en = format!("Name\tUSCC\tLevel\tAmount\nSchool 8\t{code}\tcounty\t1,000\n");
    let sheet = read(&en, '\t', JOINT, &joint_columns()).unwrap();
    assert_eq!(sheet.rows[0].level, Some(Level::County));
    assert_eq!(sheet.rows[0].amount, "1,000");
    // Without a header: the documented order.
    let bare = format!("学校8\t{code}\t省级\t财政拨款\t聊采计〔2026〕8号\t2026-03-02\t500\n");
    let sheet = read(&bare, '\t', JOINT, &joint_columns()).unwrap();
    assert!(!sheet.header);
    let p = &sheet.rows[0];
    assert_eq!(p.level, Some(Level::Province));
    assert_eq!(p.budget_source, "财政拨款");
    assert_eq!(p.plan_date, "2026-03-02");
    assert_eq!(p.amount, "500");
}

#[test]
fn levels_in_both_languages() {
    for (word, level) in [
        ("中央", Level::Central),
        ("省级", Level::Province),
        ("市级", Level::City),
        ("县级", Level::County),
        ("Province", Level::Province),
        ("central", Level::Central),
        ("区县", Level::County),
    ] {
        assert_eq!(level_of(word), Some(level), "{word}");
    }
    assert_eq!(level_of("乡镇"), None);
}

#[test]
fn limits_and_unreadable_sheets_are_refused_naming_why() {
    let cols = joint_columns();
    let too_many = "a\n".repeat(MAX_BULK_ROWS + 1);
    let e = read(&too_many, '\t', JOINT, &cols).unwrap_err();
    assert!(
        e.message(Lang::Zh).contains("1001 行") && e.message(Lang::Zh).contains("未添加任何行"),
        "{}",
        e.message(Lang::Zh)
    );
    let big = "x".repeat(1024 * 1024 + 1);
    assert!(read(&big, '\t', JOINT, &cols)
        .unwrap_err()
        .message(Lang::En)
        .contains("1048577 bytes"));
    let e = read("单位名称\t颜色\n一中\t红\n", '\t', JOINT, &cols).unwrap_err();
    assert!(
        e.message(Lang::En).contains("“颜色”"),
        "{}",
        e.message(Lang::En)
    );
    let e = read("a\tb\tc\td\te\tf\tg\th\n", '\t', JOINT, &cols).unwrap_err();
    assert!(
        e.message(Lang::En).contains("Row 1 has 8 columns"),
        "{}",
        e.message(Lang::En)
    );
    assert!(read(" \n\t\n", '\t', JOINT, &cols).is_err());
    // A mall list has no level column: a header naming one is refused.
    let f = sample(RouteId::JMall, ProfileId::Liaocheng);
    let mall = columns("mall.participants", &f, &Profile::new(ProfileId::Liaocheng));
    assert!(read(
        "单位名称\t行政级别\n一中\t市级\n",
        '\t',
        "mall.participants",
        &mall
    )
    .is_err());
}

#[test]
fn the_preview_gives_each_row_the_rules_findings_on_what_was_pasted() {
    let lc = Profile::new(ProfileId::Liaocheng);
    let f = sample(RouteId::JVoluntary, ProfileId::Liaocheng);
    let existing = f.joint.participants[0].uscc.clone();
    let good = synthetic_uscc(9001, "12", "371500");
    let mut wrong_check = synthetic_uscc(9002, "12", "371500");
    wrong_check.pop();
    wrong_check.push(if good.ends_with('0') { '1' } else { '0' });
    let text = format!(
        "单位名称\t统一社会信用代码\t行政级别\t金额\n\
         好学校\t{good}\t市级\t100\n\
         校验位错\t{wrong_check}\t市级\t100\n\
         与已有重复\t{existing}\t市级\t100\n\
         粘贴内重复\t{good}\t市级\t100\n\
         级别不明\t{}\t乡镇\t100\n\
         金额错\t{}\t市级\t一百元\n",
        synthetic_uscc(9003, "12", "371500"),
        synthetic_uscc(9004, "12", "371500"),
    );
    let sheet = read(&text, '\t', JOINT, &joint_columns()).unwrap();
    let rows = preview(&f, &lc, JOINT, &sheet, today()).unwrap();
    let keys: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.findings.iter().map(|x| x.key.as_str()).collect())
        .collect();
    // Plan references and budget sources were not pasted: not held against the rows.
    assert_eq!(keys[0], Vec::<&str>::new());
    assert!(keys[1].iter().any(|k| k.starts_with("G1.")), "{keys:?}");
    assert_eq!(keys[2], ["G1.duplicate"]);
    assert_eq!(keys[3], ["G1.duplicate"]);
    assert_eq!(keys[4], ["bulk.level"]);
    assert!(keys[5].iter().any(|k| k.starts_with("G2.")), "{keys:?}");
    assert_eq!(rows.iter().filter(|r| r.blocks()).count(), 5);
    assert!(rows[4].findings[0]
        .message
        .zh
        .contains("“乡镇”不是行政级别"));
}

#[test]
fn append_gives_fresh_ids_and_returns_them_for_undo() {
    let mut f = sample(RouteId::JVoluntary, ProfileId::Liaocheng);
    let added = vec![
        Party {
            name: "新".into(),
            ..Party::default()
        };
        2
    ];
    let given = append(&mut f, JOINT, added);
    assert_eq!(given, [4, 5]);
    let ids: Vec<u32> = f.joint.participants.iter().map(|p| p.id).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5]);
}

#[test]
fn csv_written_back_reads_the_same_and_never_as_a_formula() {
    let f = sample(RouteId::JVoluntary, ProfileId::Liaocheng);
    let cols = joint_columns();
    let mut rows = f.joint.participants.clone();
    rows[0].name = "=HYPERLINK(\"x\")".into();
    rows[1].name = "甲, 乙".into();
    for lang in [Lang::Zh, Lang::En] {
        let csv = to_csv(&rows, JOINT, &cols, lang);
        assert!(csv.starts_with('\u{feff}'));
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""));
        let back = read(&csv, ',', JOINT, &cols).unwrap();
        assert!(back.header);
        let mut want = rows.clone();
        for (a, b) in want.iter_mut().zip(&back.rows) {
            a.id = b.id;
        }
        assert_eq!(back.rows, want, "{lang:?}");
    }
    // The template is the header row alone.
    let template = to_csv(&[], JOINT, &cols, Lang::Zh);
    assert_eq!(template.lines().count(), 1);
}

/// Prints, does not assert: the pure cost of reading and previewing 300
/// rows (the browser bench measures the whole paste).
#[test]
fn bench_read_and_preview_300_rows() {
    let lc = Profile::new(ProfileId::Liaocheng);
    let f = sample(RouteId::JVoluntary, ProfileId::Liaocheng);
    let mut text = String::from("单位名称\t统一社会信用代码\t行政级别\t金额\n");
    for i in 0..300 {
        text.push_str(&format!(
            "学校{i}\t{}\t市级\t1,000.00\n",
            synthetic_uscc(20_000 + i, "12", "371500")
        ));
    }
    let started = std::time::Instant::now();
    let sheet = read(&text, '\t', JOINT, &joint_columns()).unwrap();
    let rows = preview(&f, &lc, JOINT, &sheet, today()).unwrap();
    println!(
        "bench bulk: read + preview 300 rows natively: {:?}",
        started.elapsed()
    );
    assert_eq!(rows.len(), 300);
}
