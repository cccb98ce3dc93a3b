//! `docs/rules.md`: the rule table as a portal's developers and legal
//! reviewers read it — every rule, its clause under each profile, and each
//! message it can give with its severity, in zh-CN and en. Written from
//! the same table the checker runs (`cargo run --bin gen-schema`); a test
//! fails while the committed file is stale.

use super::{citation, RULES, RULES_VERSION};
use crate::domain::i18n::{lookup, Lang};
use crate::domain::profile::shipped;

/// What each rule asks, in a line (zh-CN, en): for this reference only,
/// so the browser bundle does not carry it.
#[rustfmt::skip]
const TITLES: &[(&str, &str, &str)] = &[
    ("D1", "组织部门属于本级（山东省：省级部门；聊城市：市级部门）", "The organiser is a department of the profile's level (Shandong: provincial; Liaocheng: city)"),
    ("D2", "汇总的需求属于组织部门本部门、本系统或职能管理范围", "The pooled need lies within the organiser's department, system or remit"),
    ("D3", "山东省：通用性采购需求；聊城市：业务需要有特殊要求可统一采购", "Shandong: a general-purpose need; Liaocheng: a business need with special requirements that can be bought uniformly"),
    ("D4", "每个需求单位分别备案采购计划", "Every requesting unit files its own procurement plan"),
    ("D5", "每个需求单位依据采购结果分别签订合同", "Every requesting unit signs its own contract on the shared result"),
    ("D6", "需求单位较多或分属不同级次时，可通过网上商城组织", "With many requesting units, or units at different levels, the online mall may be used"),
    ("D7", "至少两个需求单位，否则无需汇总", "At least two requesting units, or there is nothing to pool"),
    ("D8", "组织单位的级次高于采购人", "The organising unit sits at a higher level than the purchaser"),
    ("D9", "先向同级财政部门备案采购计划，再参加", "The plan is filed with the same-level finance department before taking part"),
    ("D10", "依据组织单位的结果直接签订合同，并向同级财政部门备案", "The purchaser signs on the organiser's result and files the contract at its own level"),
    ("A0", "所选机构不是本级政府的集中采购机构（同级同地区的属通常做法，无需按本通知备案）", "The agency is not the purchaser's own government's (same level and division is the usual way, nothing to file here)"),
    ("A1", "项目属于集中采购目录", "The project is inside the centralized procurement catalog"),
    ("A2", "山东省：驻济以外的省直单位可委托驻地集中采购机构", "Shandong: a provincial unit outside Jinan may entrust the agency where it is located"),
    ("A3", "山东省：委托省或济南市政府采购中心须说明原因", "Shandong: going to the provincial or Jinan centre needs a reason"),
    ("A3-LC", "聊城市：各级预算单位可委托省或济南市政府采购中心，无须说明原因", "Liaocheng: units at every level may go to the provincial or Jinan centre, no reason needed"),
    ("A4", "其他跨级次集中采购机构：原则上允许，请向财政部门确认", "Any other agency outside the purchaser's level: allowed in principle, confirm with the finance department"),
    ("A5", "备案采购计划前已与集中采购机构沟通并经确认", "The chosen agency confirmed before the plan was filed"),
    ("A6", "采购计划中的代理机构改为所选集中采购机构", "The plan names the chosen agency as its procurement agent"),
    ("A7", "公告、验收、支付、监管仍按本级现行规定", "Announcements, acceptance, payment and supervision stay at the purchaser's level"),
    ("A8", "点名的集中采购机构与机构名录一致（名称、级别、已知的代码）", "A centre named by the choice matches the agency directory (name, level, known code)"),
    ("J0", "联合采购只适用于货物和服务", "Joint procurement is for goods and services only"),
    ("J1", "属于集中采购目录且需求标准统一", "Catalog items with one unified requirement standard"),
    ("J2", "通过网上商城统一组织，各采购人分别签约", "Organised through the online mall; each purchaser signs separately"),
    ("J3", "至少两个采购人，各有统一社会信用代码，不重复", "At least two purchasers, each with its own code, none listed twice"),
    ("J4", "共同研究编制采购需求，并一致同意", "The requirement is drafted jointly and agreed by all"),
    ("J5", "各采购人分别确定预算来源并备案采购计划", "Each purchaser sets its own budget source and files its own plan"),
    ("J6", "山东省：委托同一集中采购机构；聊城市：委托同一政府采购代理机构", "Shandong: one centralized agency; Liaocheng: one procurement agent of any kind"),
    ("J7", "一套采购文件覆盖全部需求，评审后公布完整结果", "One set of documents covers every need; the whole result is published"),
    ("J8", "按照事先约定确定各采购人的采购结果", "How the result is split is agreed in advance"),
    ("J9", "验收方式：分别验收或共同验收", "Acceptance: separately or jointly"),
    ("J10", "项目预算等于各采购人份额之和", "The project budget equals the sum of the purchasers' shares"),
    ("R1", "选定采购方式；公开招标数额以上采用其他方式须经批准", "A procurement method is chosen; another method than public tender above the threshold needs approval"),
    ("R2", "委托代理机构时明确委托事项", "The entrusted matters are stated when an agency is used"),
    ("R3", "确定采购人代表，不得空缺，并声明无利害关系", "A purchaser representative is named, with no conflict of interest"),
    ("R4", "采购人不因委托而放弃法定责任", "The purchaser keeps its legal responsibilities"),
    ("R5", "落实政府采购政策（如支持中小企业、节能）", "Government procurement policies are considered (SMEs, energy saving)"),
    ("G1", "统一社会信用代码为 18 位且校验码正确", "Unified social credit codes have 18 characters and correct check characters"),
    ("G2", "金额为正数的人民币元，最多两位小数", "Amounts are positive yuan with at most two decimals"),
    ("G3", "日期真实存在；已发生事项的日期不晚于今天", "Dates are real; dates of things done are not in the future"),
    ("G4", "必填内容不为空，长度合理，不含不可见控制字符", "Required answers are given, of sane length, without invisible control characters"),
    ("G6", "地区规则适合采购人：聊城市（3715）单位按聊城规则，山东省其他单位按山东规则", "The profile fits the purchaser: Liaocheng (3715) units file under liaocheng, other Shandong units under shandong"),
    ("G7", "行政级别与统一社会信用代码中的行政区划相符；只有省级单位回答“是否驻济”", "The level agrees with the code's division; only provincial units answer whether they are in Jinan"),
    ("G5", "备案包载明地区规则、组织形式、规则版本和每项检查结果", "The package names its profile, route, rules version and every finding"),
];

/// A table cell: one line, `|` escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn title(id: &str) -> (&'static str, &'static str) {
    TITLES
        .iter()
        .find(|(r, _, _)| *r == id)
        .map_or(("", ""), |(_, zh, en)| (*zh, *en))
}

pub fn markdown() -> String {
    let word = |key: &str, lang: Lang| lookup(key, lang).unwrap_or(key).to_string();
    let mut out = String::new();
    out.push_str("# The rules the wizard and `filing-check` apply\n\n");
    out.push_str(
        "Generated from the rule table (`src/domain/rules/mod.rs`) by \
         `cargo run --bin gen-schema`; do not edit. A test fails while this \
         file is stale.\n\n",
    );
    out.push_str(&format!("Rules version: `{RULES_VERSION}`.\n\n"));
    out.push_str(
        "Each finding of a package names its rule (`rule`), its message key \
         (`key`), its severity and the clause it rests on under the package's \
         profile (`shandong`: 鲁财采〔2020〕40号; `liaocheng`: 聊财采〔2021〕1号 with \
         鲁财采〔2020〕40号). An **error** blocks the package; a **warning** is \
         advice; **info** records what follows from the route. Messages hold \
         `{placeholders}` filled per finding.\n\n",
    );
    for rule in RULES {
        let (zh, en) = title(rule.id);
        out.push_str(&format!("## {} — {en}\n\n{zh}\n\n", rule.id));
        if rule.interpretation {
            out.push_str("*This product's reading of the notice (an interpretation).*\n\n");
        }
        out.push_str("| Profile | Clause (zh-CN) | Clause (en) |\n|---|---|---|\n");
        for profile in shipped() {
            let c = citation(rule.id, profile);
            out.push_str(&format!(
                "| `{}` | {} | {} |\n",
                profile.id,
                cell(&c.zh),
                cell(&c.en)
            ));
        }
        out.push_str("\n| Severity | Key | zh-CN | en |\n|---|---|---|---|\n");
        for (key, sev) in rule.messages {
            out.push_str(&format!(
                "| {} | `{key}` | {} | {} |\n",
                sev.id(),
                cell(&word(key, Lang::Zh)),
                cell(&word(key, Lang::En))
            ));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::i18n::MESSAGES;

    /// Every rule has a title and its messages exist in both languages;
    /// every rule message of the catalog belongs to a rule, so nothing the
    /// checker says is missing from the reference.
    #[test]
    fn the_reference_covers_every_rule_message() {
        for rule in RULES {
            let (zh, en) = title(rule.id);
            assert!(!zh.is_empty() && !en.is_empty(), "{} has no title", rule.id);
            for (key, _) in rule.messages {
                assert!(lookup(key, Lang::Zh).is_some(), "{key}");
            }
        }
        let declared: Vec<&str> = RULES
            .iter()
            .flat_map(|r| r.messages.iter().map(|(k, _)| *k))
            .collect();
        for (key, _) in MESSAGES {
            let prefix = key.split('.').next().unwrap_or("");
            let is_rule_message = RULES.iter().any(|r| r.id == prefix);
            if is_rule_message {
                assert!(declared.contains(key), "{key} belongs to no rule");
            }
        }
    }
}
