//! `docs/rules.md`: the rule table as a portal's developers and legal
//! reviewers read it — every rule, its clause under each profile, and each
//! message it can give with its severity, in zh-CN and en. Written from
//! the same table the checker runs (`cargo run --bin gen-schema`); a test
//! fails while the committed file is stale.

use super::{cite, RULES, RULES_VERSION};
use crate::domain::finding::Severity;
use crate::domain::i18n::{lookup, Lang};
use crate::domain::profile::ProfileId;

/// A table cell: one line, `|` escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
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
        let title = format!("rule.{}", rule.id);
        out.push_str(&format!(
            "## {} — {}\n\n{}\n\n",
            rule.id,
            word(&title, Lang::En),
            word(&title, Lang::Zh)
        ));
        if rule.interpretation {
            out.push_str("*This product's reading of the notice (an interpretation).*\n\n");
        }
        out.push_str("| Profile | Clause (zh-CN) | Clause (en) |\n|---|---|---|\n");
        for profile in ProfileId::ALL {
            let sources = match profile {
                ProfileId::Shandong => rule.shandong,
                ProfileId::Liaocheng => rule.liaocheng,
            };
            let c = cite(sources, rule.interpretation);
            out.push_str(&format!(
                "| `{}` | {} | {} |\n",
                profile.id(),
                cell(&c.zh),
                cell(&c.en)
            ));
        }
        out.push_str("\n| Severity | Key | zh-CN | en |\n|---|---|---|---|\n");
        for (key, sev) in rule.messages {
            out.push_str(&format!(
                "| {} | `{key}` | {} | {} |\n",
                severity(*sev),
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
            assert!(lookup(&format!("rule.{}", rule.id), Lang::En).is_some());
            for (key, _) in rule.messages {
                assert!(lookup(key, Lang::Zh).is_some(), "{key}");
            }
        }
        let declared: Vec<&str> = RULES
            .iter()
            .flat_map(|r| r.messages.iter().map(|(k, _)| *k))
            .collect();
        for (key, _, _) in MESSAGES {
            let prefix = key.split('.').next().unwrap_or("");
            let is_rule_message = RULES.iter().any(|r| r.id == prefix) && !key.starts_with("rule.");
            if is_rule_message {
                assert!(declared.contains(key), "{key} belongs to no rule");
            }
        }
    }
}
