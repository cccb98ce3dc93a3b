//! What a rule says about a filing, and where that comes from in the notice.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::i18n::{render, Lang};
use super::table::Table;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Blocks the package from being ready.
    Error,
    /// Advises; never blocks.
    Warning,
    /// Records what follows from the route (who signs, who files next).
    Info,
}

impl Severity {
    pub fn id(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A text in both languages of the product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    #[serde(rename = "zh-CN")]
    pub zh: String,
    pub en: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Rule id, e.g. `J6`; `rules.md` (in the npm package and the release)
    /// lists every rule, its clauses and its messages.
    pub rule: String,
    /// Message key in the catalog, e.g. `J6.centralized_only`.
    pub key: String,
    pub severity: Severity,
    /// Where the rule comes from: ids (`SD-2020-40 §3`) and citation text.
    pub clause: Localized,
    /// The rule is this product's reading, not the notice's words.
    pub interpretation: bool,
    /// The field it concerns, e.g. `joint.participants[2].uscc`.
    pub path: String,
    /// Values for the message's placeholders.
    pub params: Table<String>,
    pub message: Localized,
}

impl Finding {
    /// An error: the package is not ready while it stands.
    pub fn blocks(&self) -> bool {
        self.severity == Severity::Error
    }

    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.message.zh,
            Lang::En => &self.message.en,
        }
    }

    pub fn clause_text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.clause.zh,
            Lang::En => &self.clause.en,
        }
    }

    /// Re-render the message from key and params: what a checker does to
    /// make sure the text in a package was not edited.
    pub fn rendered(&self) -> Localized {
        Localized {
            zh: render(&self.key, Lang::Zh, &self.params),
            en: render(&self.key, Lang::En, &self.params),
        }
    }
}

/// Findings that block, in order.
pub fn errors(findings: &[Finding]) -> impl Iterator<Item = &Finding> {
    findings.iter().filter(|f| f.blocks())
}
