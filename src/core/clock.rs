//! Time as a value: the core asks a [`Clock`] for "now" and never reads the
//! system time itself, so tests set the time and move it on by hand.
//!
//! Dates and instants in saved files are typed ([`Date`], [`OffsetDateTime`]);
//! the serde helpers here give them their file forms (`2026-12-04`,
//! `2026-12-04T09:05:00+08:00`).

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
pub use time::{Date, OffsetDateTime, UtcOffset};

/// Where "now" comes from.
pub trait Clock: Send + Sync + fmt::Debug {
    /// The current instant, in the offset the person lives in.
    fn now(&self) -> OffsetDateTime;
}

/// A clock shared between the workspace and whoever stamps the loop's ticks.
pub type SharedClock = Arc<dyn Clock>;

/// The system's clock, shown in the offset found at start-up (the local one
/// where the platform can tell it, else UTC).
#[derive(Debug, Clone, Copy)]
pub struct SystemClock {
    offset: UtcOffset,
}

impl SystemClock {
    /// A system clock reporting times in `offset`.
    pub fn new(offset: UtcOffset) -> Self {
        SystemClock { offset }
    }
}

impl Clock for SystemClock {
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc().to_offset(self.offset)
    }
}

/// A clock that starts at a given instant and runs on from there in real
/// time (`LADDER_NOW`): a demo or a pseudo-terminal test starts on a known
/// day, and a drill's timer still counts.
#[derive(Debug, Clone, Copy)]
pub struct StartedClock {
    start: OffsetDateTime,
    began: Instant,
}

impl StartedClock {
    /// A clock reading `start` now.
    pub fn new(start: OffsetDateTime) -> Self {
        StartedClock {
            start,
            began: Instant::now(),
        }
    }
}

impl Clock for StartedClock {
    fn now(&self) -> OffsetDateTime {
        let elapsed = time::Duration::try_from(self.began.elapsed()).unwrap_or(time::Duration::MAX);
        self.start.checked_add(elapsed).unwrap_or(self.start)
    }
}

/// A clock that moves only when told: for tests.
#[derive(Debug, Clone)]
pub struct ManualClock {
    now: Arc<Mutex<OffsetDateTime>>,
}

impl ManualClock {
    /// A clock stopped at `now`.
    pub fn new(now: OffsetDateTime) -> Self {
        ManualClock {
            now: Arc::new(Mutex::new(now)),
        }
    }

    /// Moves the clock on by `by`.
    pub fn advance(&self, by: time::Duration) {
        let mut now = self.now.lock().unwrap_or_else(PoisonError::into_inner);
        *now = now.checked_add(by).unwrap_or(*now);
    }

    /// Sets the clock to `to`.
    pub fn set(&self, to: OffsetDateTime) {
        *self.now.lock().unwrap_or_else(PoisonError::into_inner) = to;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> OffsetDateTime {
        *self.now.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Midnight at the start of `date`, in `offset`: a fixed clock for tests that
/// only care about the day.
pub fn start_of(date: Date, offset: UtcOffset) -> OffsetDateTime {
    date.midnight().assume_offset(offset)
}

/// Reads an RFC 3339 instant such as `2026-12-04T09:00:00+08:00` (the form of
/// `LADDER_NOW`), with a sentence saying what is wrong otherwise.
pub fn parse_instant(text: &str) -> Result<OffsetDateTime, String> {
    OffsetDateTime::parse(text.trim(), &Rfc3339).map_err(|err| {
        format!("`{text}` is not an RFC 3339 time such as 2026-12-04T09:00:00+08:00 ({err})")
    })
}

/// An instant in its file form.
pub fn format_instant(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_else(|_| at.to_string())
}

const DATE_FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]");

/// Reads a day written as `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text.trim(), DATE_FORMAT)
        .map_err(|_| format!("`{text}` is not a date written as YYYY-MM-DD, such as 2026-12-04"))
}

/// A day as `YYYY-MM-DD`.
pub fn format_date(date: Date) -> String {
    date.format(DATE_FORMAT)
        .unwrap_or_else(|_| date.to_string())
}

/// A timestamp for file names: `YYYYMMDD-HHMMSS`.
pub fn file_stamp(at: OffsetDateTime) -> String {
    format!(
        "{:04}{:02}{:02}-{:02}{:02}{:02}",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// Serde form of a [`Date`]: `YYYY-MM-DD`.
pub mod date_serde {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::{Date, format_date, parse_date};

    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_date(*date))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        parse_date(&text).map_err(serde::de::Error::custom)
    }

    /// The same for an optional date.
    pub mod option {
        use serde::{Deserialize, Deserializer, Serializer};

        use super::super::{Date, format_date, parse_date};

        pub fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
            match date {
                Some(date) => s.serialize_str(&format_date(*date)),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
            match Option::<String>::deserialize(d)? {
                Some(text) => parse_date(&text)
                    .map(Some)
                    .map_err(serde::de::Error::custom),
                None => Ok(None),
            }
        }
    }
}

/// Serde form of an instant: RFC 3339.
pub mod instant_serde {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::{OffsetDateTime, format_instant, parse_instant};

    pub fn serialize<S: Serializer>(at: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_instant(*at))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<OffsetDateTime, D::Error> {
        let text = String::deserialize(d)?;
        parse_instant(&text).map_err(serde::de::Error::custom)
    }

    /// The same for an optional instant.
    pub mod option {
        use serde::{Deserialize, Deserializer, Serializer};

        use super::super::{OffsetDateTime, format_instant, parse_instant};

        pub fn serialize<S: Serializer>(
            at: &Option<OffsetDateTime>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match at {
                Some(at) => s.serialize_str(&format_instant(*at)),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<OffsetDateTime>, D::Error> {
            match Option::<String>::deserialize(d)? {
                Some(text) => parse_instant(&text)
                    .map(Some)
                    .map_err(serde::de::Error::custom),
                None => Ok(None),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime};

    use super::*;

    #[test]
    fn a_manual_clock_moves_only_when_told() {
        let clock = ManualClock::new(datetime!(2026-12-04 23:59:30 +08:00));
        assert_eq!(clock.now(), datetime!(2026-12-04 23:59:30 +08:00));
        clock.advance(time::Duration::seconds(45));
        assert_eq!(clock.now(), datetime!(2026-12-05 00:00:15 +08:00));
        assert_eq!(clock.now().date(), date!(2026 - 12 - 05));
    }

    #[test]
    fn ladder_now_takes_rfc3339_and_says_what_is_wrong_otherwise() {
        assert_eq!(
            parse_instant("2026-12-04T09:00:00+08:00"),
            Ok(datetime!(2026-12-04 09:00:00 +08:00))
        );
        let err = parse_instant("tomorrow").unwrap_err();
        assert!(err.contains("2026-12-04T09:00:00+08:00"), "{err}");
    }

    #[test]
    fn a_started_clock_runs_on_from_its_start() {
        let start = datetime!(2026-12-04 09:00:00 +08:00);
        let clock = StartedClock::new(start);
        let now = clock.now();
        assert!(now >= start && now < start + time::Duration::minutes(5));
        assert_eq!(now.offset(), start.offset());
    }

    #[test]
    fn dates_read_and_write_as_year_month_day() {
        assert_eq!(parse_date("2027-03-15"), Ok(date!(2027 - 03 - 15)));
        assert_eq!(format_date(date!(2027 - 03 - 05)), "2027-03-05");
        assert!(parse_date("2027-02-30").is_err());
        assert!(parse_date("15/03/2027").is_err());
        assert_eq!(
            file_stamp(datetime!(2026-12-04 09:05:07 +08:00)),
            "20261204-090507"
        );
    }
}
