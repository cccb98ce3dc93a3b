//! Money as integer fen (分). Never floating point.

use std::fmt;

/// A positive amount in fen. Upper bound keeps every sum of 100,000 amounts
/// inside i64 and far beyond any real budget (10^13 元).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fen(i64);

pub const MAX_FEN: i64 = 1_000_000_000_000_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    Empty,
    NotANumber,
    TooManyDecimals,
    NotPositive,
    TooLarge,
}

impl Fen {
    pub fn new(fen: i64) -> Result<Self, MoneyError> {
        if fen <= 0 {
            Err(MoneyError::NotPositive)
        } else if fen > MAX_FEN {
            Err(MoneyError::TooLarge)
        } else {
            Ok(Fen(fen))
        }
    }

    pub fn get(self) -> i64 {
        self.0
    }

    /// Parse an amount in 元 as purchasers type it: `1,234.5`, `１２３４．５０`,
    /// `1 234元`. Thousands separators are dropped, not checked for place.
    pub fn parse_yuan(input: &str) -> Result<Self, MoneyError> {
        let mut text = String::with_capacity(input.len());
        for c in input.trim().chars() {
            let c = match c {
                '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                '\u{FF0E}' | '。' => '.',
                '\u{FF0D}' => '-',
                _ => c,
            };
            if matches!(c, ',' | '，' | ' ' | '\u{3000}' | '_') {
                continue;
            }
            text.push(c);
        }
        let text = text.strip_suffix('元').unwrap_or(&text);
        if text.is_empty() {
            return Err(MoneyError::Empty);
        }
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (whole, frac) = match digits.split_once('.') {
            Some((w, f)) => (w, f),
            None => (digits, ""),
        };
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if (whole.is_empty() && frac.is_empty()) || !all_digits(whole) || !all_digits(frac) {
            return Err(MoneyError::NotANumber);
        }
        if frac.len() > 2 {
            return Err(MoneyError::TooManyDecimals);
        }
        let whole = whole.trim_start_matches('0');
        if whole.len() > 15 {
            return Err(MoneyError::TooLarge);
        }
        let yuan: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| MoneyError::TooLarge)?
        };
        let mut cents: i64 = 0;
        for (i, b) in frac.bytes().enumerate() {
            cents += i64::from(b - b'0') * if i == 0 { 10 } else { 1 };
        }
        let fen = yuan
            .checked_mul(100)
            .and_then(|f| f.checked_add(cents))
            .ok_or(MoneyError::TooLarge)?;
        if negative && fen != 0 {
            return Err(MoneyError::NotPositive);
        }
        Fen::new(fen)
    }

    /// `1,234,567.89` (元, always two decimals).
    pub fn yuan_string(self) -> String {
        let whole = (self.0 / 100).to_string();
        let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        format!("{grouped}.{:02}", self.0 % 100)
    }

    /// `123.456789` (万元), exact: 1 万元 = 1,000,000 fen, so six decimals,
    /// trailing zeros trimmed to at least two.
    pub fn wan_string(self) -> String {
        let whole = self.0 / 1_000_000;
        let mut frac = format!("{:06}", self.0 % 1_000_000);
        while frac.len() > 2 && frac.ends_with('0') {
            frac.pop();
        }
        format!("{whole}.{frac}")
    }

    /// 大写金额, e.g. 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分.
    pub fn capital(self) -> String {
        capital_amount(self.0)
    }
}

impl fmt::Display for Fen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.yuan_string())
    }
}

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES: [&str; 4] = ["", "拾", "佰", "仟"];
const GROUPS: [&str; 4] = ["", "万", "亿", "万亿"];

fn capital_amount(fen: i64) -> String {
    let yuan = fen / 100;
    let jiao = (fen / 10 % 10) as usize;
    let cent = (fen % 10) as usize;
    let mut out = String::new();
    if yuan > 0 {
        let mut groups = Vec::new();
        let mut rest = yuan;
        while rest > 0 {
            groups.push((rest % 10_000) as usize);
            rest /= 10_000;
        }
        let mut pending_zero = false;
        for (index, &group) in groups.iter().enumerate().rev() {
            if group == 0 {
                pending_zero = !out.is_empty();
                continue;
            }
            if !out.is_empty() && (pending_zero || group < 1000) {
                out.push('零');
            }
            let mut zero = false;
            let mut started = false;
            for place in (0..4).rev() {
                let digit = group / 10usize.pow(place as u32) % 10;
                if digit == 0 {
                    zero |= started;
                } else {
                    if zero {
                        out.push('零');
                        zero = false;
                    }
                    out.push(DIGITS[digit]);
                    out.push_str(PLACES[place]);
                    started = true;
                }
            }
            out.push_str(GROUPS[index.min(3)]);
            pending_zero = false;
        }
        out.push('元');
    }
    if jiao > 0 {
        out.push(DIGITS[jiao]);
        out.push('角');
    }
    if cent > 0 {
        if jiao == 0 && yuan > 0 {
            out.push('零');
        }
        out.push(DIGITS[cent]);
        out.push('分');
    } else {
        if out.is_empty() {
            out.push_str("零元");
        }
        out.push('整');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn g2_parses_yuan_with_separators_and_full_width_digits() {
        assert_eq!(Fen::parse_yuan("1,234.5").unwrap().get(), 123_450);
        assert_eq!(Fen::parse_yuan("１２３４．５０").unwrap().get(), 123_450);
        assert_eq!(Fen::parse_yuan(" 1 234 元").unwrap().get(), 123_400);
        assert_eq!(Fen::parse_yuan("0.01").unwrap().get(), 1);
        assert_eq!(Fen::parse_yuan(".5").unwrap().get(), 50);
    }

    #[test]
    fn g2_rejects_bad_amounts_with_a_reason() {
        assert_eq!(Fen::parse_yuan(""), Err(MoneyError::Empty));
        assert_eq!(Fen::parse_yuan("1.234"), Err(MoneyError::TooManyDecimals));
        assert_eq!(Fen::parse_yuan("0"), Err(MoneyError::NotPositive));
        assert_eq!(Fen::parse_yuan("0.00"), Err(MoneyError::NotPositive));
        assert_eq!(Fen::parse_yuan("-5"), Err(MoneyError::NotPositive));
        assert_eq!(Fen::parse_yuan("1e5"), Err(MoneyError::NotANumber));
        assert_eq!(Fen::parse_yuan("."), Err(MoneyError::NotANumber));
        assert_eq!(Fen::parse_yuan("12.3.4"), Err(MoneyError::NotANumber));
        assert_eq!(
            Fen::parse_yuan("99999999999999999999"),
            Err(MoneyError::TooLarge)
        );
    }

    #[test]
    fn formats_yuan_and_wan() {
        let f = Fen::parse_yuan("1234567.89").unwrap();
        assert_eq!(f.yuan_string(), "1,234,567.89");
        assert_eq!(f.wan_string(), "123.456789");
        assert_eq!(Fen::new(100_000_000).unwrap().wan_string(), "100.00");
    }

    #[test]
    fn capital_amounts_follow_the_financial_convention() {
        let cap = |y: &str| Fen::parse_yuan(y).unwrap().capital();
        assert_eq!(cap("1234567.89"), "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分");
        assert_eq!(cap("1005"), "壹仟零伍元整");
        assert_eq!(cap("100000"), "壹拾万元整");
        assert_eq!(cap("100000001"), "壹亿零壹元整");
        assert_eq!(cap("10010000"), "壹仟零壹万元整");
        assert_eq!(cap("100.05"), "壹佰元零伍分");
        assert_eq!(cap("0.5"), "伍角整");
        assert_eq!(cap("10.50"), "壹拾元伍角整");
        assert_eq!(cap("20300"), "贰万零叁佰元整");
    }
}
