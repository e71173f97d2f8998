//! ISO 8601 dates as the library writes them: `2024-06-30`, or with a time and offset
//! (`2024-07-01T09:00:00+08:00`). Hand-written so the browser build carries no date crate.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

/// A validated ISO 8601 date (optionally with time). Keeps the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IsoDate {
    text: String,
    year: i32,
    month: u8,
    day: u8,
}

impl IsoDate {
    /// Parses `YYYY-MM-DD` optionally followed by `THH:MM[:SS[.fff]]` and `Z` or `±HH:MM`.
    pub fn parse(text: &str) -> Result<IsoDate, String> {
        let t = text.trim();
        let bytes = t.as_bytes();
        let bad = || format!("“{text}”不是有效日期，应为 2024-06-30 这样的格式");
        // Check the ten ASCII bytes first so that slicing below stays on char boundaries.
        let shape_ok = bytes.len() >= 10
            && bytes[..10]
                .iter()
                .enumerate()
                .all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
        if !shape_ok {
            return Err(bad());
        }
        let num = |s: &str| -> Option<u32> {
            if s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        };
        let year = num(&t[0..4]).ok_or_else(bad)? as i32;
        let month = num(&t[5..7]).ok_or_else(bad)?;
        let day = num(&t[8..10]).ok_or_else(bad)?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(format!("“{text}”不是存在的日期"));
        }
        if bytes.len() > 10 && !valid_time_part(&t[10..]) {
            return Err(bad());
        }
        Ok(IsoDate {
            text: t.to_string(),
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// A date from its parts (used for "today" and in tests).
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<IsoDate> {
        IsoDate::parse(&format!("{year:04}-{month:02}-{day:02}")).ok()
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }
    pub fn year(&self) -> i32 {
        self.year
    }
    pub fn month(&self) -> u8 {
        self.month
    }
    pub fn day(&self) -> u8 {
        self.day
    }
    /// The calendar day only, for comparisons: `(year, month, day)`.
    pub fn ymd(&self) -> (i32, u8, u8) {
        (self.year, self.month, self.day)
    }
    /// `2024年6月30日`, as Chinese readers expect.
    pub fn chinese(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
    /// Days since 1970-01-01 of the calendar day (for "N days before" arithmetic).
    pub fn day_number(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
    /// The calendar day `days` after 1970-01-01 (the inverse of [`IsoDate::day_number`]).
    pub fn from_day_number(days: i64) -> Option<IsoDate> {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = i32::try_from(yoe + era * 400 + i64::from(month <= 2)).ok()?;
        IsoDate::from_ymd(year, month, day)
    }
}

fn valid_time_part(rest: &str) -> bool {
    if !rest.is_ascii() {
        return false;
    }
    let Some(rest) = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' ')) else {
        return false;
    };
    let (clock, offset) = match rest.find(['Z', '+', '-']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let clock = clock.split('.').next().unwrap_or("");
    let parts: Vec<&str> = clock.split(':').collect();
    let two_digits = |s: &str, max: u32| {
        s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) && s.parse::<u32>().is_ok_and(|v| v <= max)
    };
    let clock_ok = match parts.as_slice() {
        [h, m] => two_digits(h, 23) && two_digits(m, 59),
        [h, m, s] => two_digits(h, 23) && two_digits(m, 59) && two_digits(s, 60),
        _ => false,
    };
    let offset_ok = match offset {
        "" | "Z" => true,
        o => {
            let o = &o[1..];
            match o.split_once(':') {
                Some((h, m)) => two_digits(h, 23) && two_digits(m, 59),
                None => o.len() == 4 && two_digits(&o[..2], 23) && two_digits(&o[2..], 59),
            }
        }
    };
    clock_ok && offset_ok
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Ord for IsoDate {
    /// Orders by calendar day, then by the full text (same-day times sort lexically).
    fn cmp(&self, other: &Self) -> Ordering {
        self.ymd().cmp(&other.ymd()).then_with(|| self.text.cmp(&other.text))
    }
}

impl PartialOrd for IsoDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        IsoDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for IsoDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "IsoDate".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "ISO 8601 date, e.g. 2024-06-30 or 2024-07-01T09:00:00+08:00",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_and_timed_dates() {
        assert_eq!(IsoDate::parse("2024-06-30").unwrap().chinese(), "2024年6月30日");
        assert!(IsoDate::parse("2024-07-01T09:00:00+08:00").is_ok());
        assert!(IsoDate::parse("2024-07-01T09:00Z").is_ok());
        assert!(IsoDate::parse("2024-02-29").is_ok());
    }

    #[test]
    fn rejects_impossible_or_malformed_dates() {
        for bad in ["2023-02-29", "2024-13-01", "2024-6-30", "2024年6月30日", "", "2024-06-30T25:00", "２０２４-06-30"] {
            assert!(IsoDate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn orders_by_day_and_counts_days() {
        let a = IsoDate::parse("2024-06-30").unwrap();
        let b = IsoDate::parse("2024-07-01T00:00:00+08:00").unwrap();
        assert!(a < b);
        assert_eq!(b.day_number() - a.day_number(), 1);
        assert_eq!(IsoDate::parse("1970-01-01").unwrap().day_number(), 0);
    }
}

#[cfg(test)]
mod day_number_tests {
    use super::IsoDate;

    #[test]
    fn day_numbers_round_trip() {
        for (days, ymd) in [(0, (1970, 1, 1)), (19_723, (2024, 1, 1)), (19_782, (2024, 2, 29)), (-1, (1969, 12, 31))] {
            let date = IsoDate::from_day_number(days).unwrap();
            assert_eq!(date.ymd(), ymd);
            assert_eq!(date.day_number(), days);
        }
    }
}
