//! Small closed vocabularies of the notice, and codes with a fixed shape.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// 行政级别. Ordered from the top: `Central` outranks `Province`, and so on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Central,
    Province,
    City,
    County,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::Central, Level::Province, Level::City, Level::County];

    /// Higher number = higher level.
    pub fn rank(self) -> u8 {
        match self {
            Level::Central => 4,
            Level::Province => 3,
            Level::City => 2,
            Level::County => 1,
        }
    }

    pub fn is_above(self, other: Level) -> bool {
        self.rank() > other.rank()
    }

    pub fn id(self) -> &'static str {
        match self {
            Level::Central => "central",
            Level::Province => "province",
            Level::City => "city",
            Level::County => "county",
        }
    }
}

/// 采购标的: 货物 / 服务 / 工程.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Object {
    Goods,
    Services,
    Works,
}

impl Object {
    pub const ALL: [Object; 3] = [Object::Goods, Object::Services, Object::Works];

    /// First letter of a 品目 code for this object (财库〔2022〕31号).
    pub fn item_letter(self) -> char {
        match self {
            Object::Goods => 'A',
            Object::Works => 'B',
            Object::Services => 'C',
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Object::Goods => "goods",
            Object::Services => "services",
            Object::Works => "works",
        }
    }
}

/// 采购方式.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    PublicTender,
    InvitedTender,
    CompetitiveNegotiation,
    CompetitiveConsultation,
    RequestForQuotation,
    SingleSource,
    FrameworkAgreement,
}

impl Method {
    pub const ALL: [Method; 7] = [
        Method::PublicTender,
        Method::InvitedTender,
        Method::CompetitiveNegotiation,
        Method::CompetitiveConsultation,
        Method::RequestForQuotation,
        Method::SingleSource,
        Method::FrameworkAgreement,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Method::PublicTender => "public_tender",
            Method::InvitedTender => "invited_tender",
            Method::CompetitiveNegotiation => "competitive_negotiation",
            Method::CompetitiveConsultation => "competitive_consultation",
            Method::RequestForQuotation => "request_for_quotation",
            Method::SingleSource => "single_source",
            Method::FrameworkAgreement => "framework_agreement",
        }
    }
}

/// 政府采购品目分类目录 code: A/B/C + 8 digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemCode(String);

impl ItemCode {
    pub fn parse(input: &str) -> Option<Self> {
        let code: String = input
            .trim()
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let mut chars = code.chars();
        let first = chars.next()?;
        let rest = chars.as_str();
        if matches!(first, 'A' | 'B' | 'C')
            && rest.len() == 8
            && rest.bytes().all(|b| b.is_ascii_digit())
        {
            Some(ItemCode(code))
        } else {
            None
        }
    }

    pub fn letter(&self) -> char {
        self.0.chars().next().unwrap_or('A')
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A mainland mobile (`1[3-9]` + 9 digits) or a landline with area code
/// (`0` + 2–3 digits, then 7–8 digits), spaces and hyphens ignored.
pub fn is_phone(input: &str) -> bool {
    let digits: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '（' | '）'))
        .collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let b = digits.as_bytes();
    match b.first() {
        Some(b'1') => b.len() == 11 && (b'3'..=b'9').contains(&b[1]),
        Some(b'0') => (10..=12).contains(&b.len()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_codes_have_a_letter_and_eight_digits() {
        assert_eq!(ItemCode::parse("c21040000").unwrap().letter(), 'C');
        assert!(ItemCode::parse("A02010000").is_some());
        assert!(ItemCode::parse("D02010000").is_none());
        assert!(ItemCode::parse("A0201000").is_none());
        assert!(ItemCode::parse("A0201000X").is_none());
        assert!(ItemCode::parse("").is_none());
    }

    #[test]
    fn phones_mobile_and_landline() {
        assert!(is_phone("13812345678"));
        assert!(is_phone("0635-8241234"));
        assert!(is_phone("(0531) 86011234"));
        assert!(!is_phone("12812345678"));
        assert!(!is_phone("8241234"));
        assert!(!is_phone("phone"));
    }

    #[test]
    fn levels_are_ordered() {
        assert!(Level::Central.is_above(Level::Province));
        assert!(Level::City.is_above(Level::County));
        assert!(!Level::City.is_above(Level::City));
    }
}
