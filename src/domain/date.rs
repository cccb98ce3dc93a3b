//! Calendar dates (proleptic Gregorian), parsed from what purchasers type.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    Empty,
    Format,
    NoSuchDay,
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        _ => 28,
    }
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        if !(1900..=2999).contains(&year) || !(1..=12).contains(&month) {
            return Err(DateError::NoSuchDay);
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError::NoSuchDay);
        }
        Ok(Date { year, month, day })
    }

    /// Accepts `2021-01-28`, `2021/1/28`, `2021.1.28`, `2021年1月28日`,
    /// full-width digits included.
    pub fn parse(input: &str) -> Result<Self, DateError> {
        let text: String = input
            .trim()
            .chars()
            .map(|c| match c {
                '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                _ => c,
            })
            .collect();
        if text.is_empty() {
            return Err(DateError::Empty);
        }
        let text = text.strip_suffix('日').unwrap_or(&text);
        let parts: Vec<&str> = text.split(['-', '/', '.', '年', '月']).collect();
        if parts.len() != 3
            || parts
                .iter()
                .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
            || parts[0].len() != 4
            || parts[1].len() > 2
            || parts[2].len() > 2
        {
            return Err(DateError::Format);
        }
        let num = |s: &str| s.parse::<u32>().map_err(|_| DateError::Format);
        Date::new(
            num(parts[0])? as i32,
            num(parts[1])? as u8,
            num(parts[2])? as u8,
        )
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn unix_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The civil date `days` after 1970-01-01 (Howard Hinnant's algorithm).
    pub fn from_unix_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Today in China (UTC+8) from a Unix timestamp in milliseconds: the
    /// browser and the server must agree on which day "today" is.
    pub fn china_today(unix_ms: i64) -> Self {
        Date::from_unix_days((unix_ms + 8 * 3_600_000).div_euclid(86_400_000))
    }

    pub fn year(self) -> i32 {
        self.year
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// RFC 3339 UTC timestamp for a Unix time in milliseconds.
/// A moment as China's wall clock (UTC+8, no daylight saving): the date
/// and `hh:mm`, as the rules' "today" is read.
pub fn china_clock(unix_ms: i64) -> (Date, String) {
    let local = unix_ms + 8 * 3_600_000;
    let ms = local.rem_euclid(86_400_000);
    (
        Date::from_unix_days(local.div_euclid(86_400_000)),
        format!("{:02}:{:02}", ms / 3_600_000, ms / 60_000 % 60),
    )
}

/// An RFC 3339 UTC time (`2026-11-29T04:00:00Z`, as drafts store it) as
/// China's wall clock, `YYYY-MM-DD hh:mm`; `None` when it does not read.
pub fn china_time_of(rfc3339: &str) -> Option<String> {
    let (date, time) = rfc3339.strip_suffix('Z')?.split_once('T')?;
    let date = Date::parse(date).ok()?;
    let mut hms = time
        .split(':')
        .map(|p| p.get(..2).and_then(|p| p.parse::<i64>().ok()));
    let (h, m) = (hms.next()??, hms.next()??);
    let days = date.unix_days();
    let (d, clock) = china_clock(days * 86_400_000 + (h * 60 + m) * 60_000);
    Some(format!("{d} {clock}"))
}

pub fn rfc3339_utc(unix_ms: i64) -> String {
    let days = unix_ms.div_euclid(86_400_000);
    let ms = unix_ms.rem_euclid(86_400_000);
    let d = Date::from_unix_days(days);
    format!(
        "{d}T{:02}:{:02}:{:02}Z",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn g3_parses_common_forms() {
        let d = Date::new(2021, 1, 28).unwrap();
        for s in [
            "2021-01-28",
            "2021/1/28",
            "2021.1.28",
            "2021年1月28日",
            "２０２１-０１-２８",
        ] {
            assert_eq!(Date::parse(s), Ok(d), "{s}");
        }
    }

    #[test]
    fn g3_rejects_days_that_do_not_exist() {
        assert_eq!(Date::parse("2021-02-29"), Err(DateError::NoSuchDay));
        assert!(Date::parse("2020-02-29").is_ok());
        assert_eq!(Date::parse("2021-13-01"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("2021-04-31"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("21-1-1"), Err(DateError::Format));
        assert_eq!(Date::parse("soon"), Err(DateError::Format));
        assert_eq!(Date::parse(""), Err(DateError::Empty));
    }

    #[test]
    fn china_clock_reads_utc_plus_8() {
        // 2026-11-29T20:30Z is 04:30 the next morning in China.
        assert_eq!(
            china_time_of("2026-11-29T20:30:00Z").as_deref(),
            Some("2026-11-30 04:30")
        );
        assert_eq!(china_time_of("nonsense"), None);
        for days in [-1, 0, 1, 19_000, 20_786] {
            assert_eq!(Date::from_unix_days(days).unix_days(), days);
        }
    }

    #[test]
    fn unix_days_round_trip_known_dates() {
        assert_eq!(Date::from_unix_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_unix_days(18_655).to_string(), "2021-01-28");
        // 2026-11-27T20:00Z is already 11-28 in China.
        let ms = 1_795_809_600_000;
        assert_eq!(rfc3339_utc(ms), "2026-11-27T20:00:00Z");
        assert_eq!(Date::china_today(ms).to_string(), "2026-11-28");
    }
}
