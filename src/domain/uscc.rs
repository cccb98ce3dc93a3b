//! 统一社会信用代码 (GB 32100-2015) with both check characters.

use std::fmt;

/// The 31-symbol set of GB 32100-2015; a symbol's value is its index.
const CHARSET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// Weights of positions 1–17: 3^i mod 31.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];
/// GB 11714 weights for the organization-code body (positions 9–16).
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// Why a typed code is not a USCC. Each maps to its own message: the
/// purchaser is told what to fix, not just "invalid".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsccError {
    Empty,
    Length(usize),
    /// A character outside the set, with its 1-based position. `suggest`
    /// is the likely intended symbol (O→0, I→1, …).
    Character {
        position: usize,
        found: char,
        suggest: Option<char>,
    },
    /// Position 18 does not match; `expected` is the correct character.
    CheckCharacter {
        expected: char,
    },
}

/// A code that passed the position-18 check. Position 17 may still be
/// irregular (see [`Uscc::org_check_ok`]); real codes exist with that.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Uscc(String);

/// Trim, drop inner spaces and hyphens, map full-width forms to ASCII and
/// uppercase: what a purchaser pastes from a letterhead should still match.
pub fn normalize(input: &str) -> String {
    input
        .chars()
        .filter_map(|c| {
            let c = match c {
                '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                    char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
                }
                _ => c,
            };
            if c.is_whitespace() || c == '-' || c == '\u{2014}' || c == '\u{FF0D}' {
                None
            } else {
                Some(c.to_ascii_uppercase())
            }
        })
        .collect()
}

fn value_of(c: char) -> Option<u32> {
    CHARSET
        .iter()
        .position(|&s| s as char == c)
        .map(|i| i as u32)
}

fn suggestion(c: char) -> Option<char> {
    match c {
        'O' => Some('0'),
        'I' => Some('1'),
        'S' => Some('5'),
        'Z' => Some('2'),
        'V' => Some('U'),
        _ => None,
    }
}

/// The position-18 check character for the first 17 characters.
pub fn check_character(first17: &[u32; 17]) -> char {
    let sum: u32 = first17.iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    // The outer `% 31` turns a remainder of 0 into check value 0, not 31.
    CHARSET[((31 - sum % 31) % 31) as usize] as char
}

/// GB 11714 check for the organization code (positions 9–17).
fn org_check_character(body: &[char]) -> Option<char> {
    let mut sum = 0u32;
    for (c, w) in body.iter().zip(ORG_WEIGHTS) {
        let v = c.to_digit(36)?;
        sum += v * w;
    }
    Some(match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        r => char::from_digit(r, 10)?,
    })
}

/// Complete 16 characters (positions 1–16) into a valid code, computing
/// the GB 11714 and the GB 32100 check characters. `None` when a character
/// is outside the set. Used to make synthetic codes for samples and tests.
pub fn complete(first16: &str) -> Option<Uscc> {
    let chars: Vec<char> = normalize(first16).chars().collect();
    if chars.len() != 16 {
        return None;
    }
    let mut all = chars.clone();
    all.push(org_check_character(&chars[8..16])?);
    let mut values = [0u32; 17];
    for (slot, c) in values.iter_mut().zip(&all) {
        *slot = value_of(*c)?;
    }
    all.push(check_character(&values));
    Some(Uscc(all.into_iter().collect()))
}

impl Uscc {
    pub fn parse(input: &str) -> Result<Self, UsccError> {
        let code = normalize(input);
        let chars: Vec<char> = code.chars().collect();
        if chars.is_empty() {
            return Err(UsccError::Empty);
        }
        if chars.len() != 18 {
            return Err(UsccError::Length(chars.len()));
        }
        let mut values = [0u32; 17];
        for (i, &c) in chars.iter().enumerate() {
            let Some(v) = value_of(c) else {
                return Err(UsccError::Character {
                    position: i + 1,
                    found: c,
                    suggest: suggestion(c),
                });
            };
            if i < 17 {
                values[i] = v;
            }
        }
        let expected = check_character(&values);
        if chars[17] != expected {
            return Err(UsccError::CheckCharacter { expected });
        }
        Ok(Uscc(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The registering authority's administrative division: characters
    /// 3–8 (`371500` Liaocheng city, `370000` the province).
    pub fn division(&self) -> &str {
        &self.0[2..8]
    }

    /// Whether position 17 agrees with GB 11714. A mismatch only warns.
    pub fn org_check_ok(&self) -> bool {
        let chars: Vec<char> = self.0.chars().collect();
        org_check_character(&chars[8..16]) == Some(chars[16])
    }

    /// Registration authority `9` is 工商 (enterprises); a public purchaser
    /// is a 机关, 事业单位 or 团体.
    pub fn is_enterprise(&self) -> bool {
        self.0.starts_with('9')
    }
}

impl fmt::Display for Uscc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn g1_accepts_the_published_valid_examples() {
        for code in [
            "91350100M000100Y43",
            "9135052155323005XL",
            "11371500004180002J",
            "12371500MB1A2B3CXB",
        ] {
            assert!(Uscc::parse(code).is_ok(), "{code}");
        }
    }

    #[test]
    fn g1_names_the_expected_check_character() {
        assert_eq!(
            Uscc::parse("91350203M0001QAY9B"),
            Err(UsccError::CheckCharacter { expected: '9' })
        );
        assert!(matches!(
            Uscc::parse("12317500MB1A2B3CXB"),
            Err(UsccError::CheckCharacter { .. })
        ));
    }

    #[test]
    fn g1_normalizes_spaces_hyphens_full_width_and_case() {
        let u = Uscc::parse(" 9135-0100 m000100y43 ").unwrap();
        assert_eq!(u.as_str(), "91350100M000100Y43");
        let fw = Uscc::parse("９１３５０１００Ｍ０００１００Ｙ４３").unwrap();
        assert_eq!(fw, u);
    }

    #[test]
    fn g1_check_value_zero_when_sum_divisible_by_31() {
        // Search a body whose weighted sum is 0 mod 31: its check must be '0'.
        let mut values = [0u32; 17];
        values[0] = 1;
        values[1] = 10; // 1*1 + 10*3 = 31
        assert_eq!(check_character(&values), '0');
    }

    #[test]
    fn g1_reports_length_and_characters_with_suggestions() {
        assert_eq!(Uscc::parse(""), Err(UsccError::Empty));
        assert_eq!(Uscc::parse("12345"), Err(UsccError::Length(5)));
        assert_eq!(
            Uscc::parse("9135O100M000100Y43"),
            Err(UsccError::Character {
                position: 5,
                found: 'O',
                suggest: Some('0')
            })
        );
    }

    #[test]
    fn position_17_irregularity_is_detected_separately() {
        assert!(Uscc::parse("91350100M000100Y43").unwrap().org_check_ok());
        assert!(Uscc::parse("9135052155323005XL").unwrap().org_check_ok());
    }
}
