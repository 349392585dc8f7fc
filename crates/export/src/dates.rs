//! Calendar dates and time stamps, without a time-zone library: dates are
//! read from the `YYYY-MM-DD` that starts a value (the time of day and any
//! offset are dropped).

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Date {
    year: i32,
    month: u32,
    day: u32,
}

impl Date {
    /// The date a value starts with (`2026-03-03`, `2026-03-03T10:00:00Z`), if it is a real one.
    pub(crate) fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || b.get(10).is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (year, month, day) = (num(0..4)? as i32, num(5..7)?, num(8..10)?);
        let days_in = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days_in)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (the Parquet `DATE`).
    pub(crate) fn days(self) -> i32 {
        // Howard Hinnant's days_from_civil.
        let y = if self.month <= 2 {
            self.year - 1
        } else {
            self.year
        };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A UTC time stamp to the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Stamp {
    date: Date,
    seconds: u32,
}

impl Stamp {
    /// 1970-01-01T00:00:00Z, the stamp of a graph that has none.
    pub(crate) const EPOCH: Stamp = Stamp {
        date: Date {
            year: 1970,
            month: 1,
            day: 1,
        },
        seconds: 0,
    };

    /// `YYYY-MM-DDTHH:MM:SSZ` (what the store writes), or a bare date (midnight).
    pub(crate) fn parse(s: &str) -> Option<Stamp> {
        let date = Date::parse(s)?;
        let rest = &s[10..];
        if rest.is_empty() {
            return Some(Stamp { date, seconds: 0 });
        }
        let b = rest.as_bytes();
        if b.len() < 9 || b[0] != b'T' || b[3] != b':' || b[6] != b':' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = rest.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (h, m, sec) = (num(1..3)?, num(4..6)?, num(7..9)?);
        (h < 24 && m < 60 && sec < 61).then_some(Stamp {
            date,
            seconds: h * 3600 + m * 60 + sec.min(59),
        })
    }

    /// At midnight of a date.
    pub(crate) fn midnight(date: Date) -> Stamp {
        Stamp { date, seconds: 0 }
    }

    /// Its date.
    pub(crate) fn date(self) -> Date {
        self.date
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub(crate) fn unix(self) -> i64 {
        i64::from(self.date.days()) * 86_400 + i64::from(self.seconds)
    }

    /// RFC 3339 with milliseconds, as STIX wants: `2026-03-03T09:05:00.000Z`.
    pub(crate) fn rfc3339_millis(self) -> String {
        format!(
            "{}T{:02}:{:02}:{:02}.000Z",
            self.date,
            self.seconds / 3600,
            self.seconds / 60 % 60,
            self.seconds % 60
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_from_the_start_of_a_value_and_checked() {
        assert_eq!(Date::parse("2026-03-03").unwrap().to_string(), "2026-03-03");
        assert_eq!(
            Date::parse("2024-02-29T10:00:00+03:00")
                .unwrap()
                .to_string(),
            "2024-02-29"
        );
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-3-3",
            "March 3",
            "20260303",
            "2026-03-031",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn days_count_from_the_unix_epoch() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days(), 0);
        assert_eq!(Date::parse("2000-03-01").unwrap().days(), 11_017);
        assert_eq!(Date::parse("1969-12-31").unwrap().days(), -1);
        assert_eq!(Date::parse("2026-03-03").unwrap().days(), 20_515);
    }

    #[test]
    fn stamps_read_the_stores_format_and_write_stix_timestamps() {
        let s = Stamp::parse("2026-12-03T09:05:07Z").unwrap();
        assert_eq!(s.rfc3339_millis(), "2026-12-03T09:05:07.000Z");
        assert_eq!(s.unix(), 1_796_288_707);
        assert_eq!(
            Stamp::parse("2026-03-03").unwrap().rfc3339_millis(),
            "2026-03-03T00:00:00.000Z"
        );
        assert_eq!(Stamp::parse("2026-03-03T25:00:00Z"), None);
        assert_eq!(Stamp::EPOCH.unix(), 0);
    }
}
