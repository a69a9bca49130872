//! When a question comes back: FSRS (the `fsrs` crate, its default
//! parameters) turns a grade at an instant into the question's next card.
//!
//! Days are whole: Hard, Good and Easy bring a question back after FSRS's
//! interval rounded to whole days, at least one, each grade at least a day
//! later than the one below it (as Anki does). Again brings it back ten
//! minutes later, the same day, as a relearning step. Nothing is planned
//! after the defense: a due date past it is moved to the defense day.

use fsrs::{FSRS, MemoryState, NextStates};

use crate::core::clock::{Date, OffsetDateTime};
use crate::core::profile::{Card, Grade};

/// The share of questions FSRS plans to have remembered when they come back.
pub const DESIRED_RETENTION: f32 = 0.9;

/// How soon a question graded Again comes back.
pub const RELEARN_MINUTES: i64 = 10;

/// The card after grading `previous` (None: never scheduled) `grade` at `at`,
/// with nothing planned after `defense` when it lies ahead.
pub fn next_card(
    previous: Option<&Card>,
    grade: Grade,
    at: OffsetDateTime,
    defense: Option<Date>,
) -> Card {
    let memory = previous.map(|c| MemoryState {
        stability: c.stability as f32,
        difficulty: c.difficulty as f32,
    });
    let elapsed = previous.map_or(0, |c| days_between(c.last_review, at));
    let fsrs = FSRS::default();
    // A state read from a hand-edited file may be out of FSRS's range; such
    // a card starts over rather than failing the answer.
    let states = fsrs
        .next_states(memory.filter(valid), DESIRED_RETENTION, elapsed)
        .or_else(|_| fsrs.next_states(None, DESIRED_RETENTION, 0));
    let (stability, difficulty, due) = match states {
        Ok(states) => {
            let chosen = match grade {
                Grade::Again => &states.again,
                Grade::Hard => &states.hard,
                Grade::Good => &states.good,
                Grade::Easy => &states.easy,
            };
            let due = at + delay(&states, grade);
            (
                f64::from(chosen.memory.stability),
                f64::from(chosen.memory.difficulty),
                due,
            )
        }
        // Unreachable with the default parameters; keep the question close.
        Err(_) => (0.0, 5.0, at + time::Duration::days(1)),
    };
    Card {
        due: clamp_to_defense(due, at, defense),
        stability: round_to(stability, 4),
        difficulty: round_to(difficulty, 4),
        reps: previous.map_or(0, |c| c.reps).saturating_add(1),
        lapses: previous
            .map_or(0, |c| c.lapses)
            .saturating_add(u32::from(previous.is_some() && grade == Grade::Again)),
        last_review: at,
    }
}

/// How long until a question graded `grade` comes back, from FSRS's intervals.
fn delay(states: &NextStates, grade: Grade) -> time::Duration {
    if grade == Grade::Again {
        return time::Duration::minutes(RELEARN_MINUTES);
    }
    let whole = |days: f32| {
        if days.is_finite() {
            days.round().clamp(1.0, 36_500.0) as i64
        } else {
            1
        }
    };
    let hard = whole(states.hard.interval);
    let good = whole(states.good.interval).max(hard + 1);
    let easy = whole(states.easy.interval).max(good + 1);
    time::Duration::days(match grade {
        Grade::Hard => hard,
        Grade::Good => good,
        _ => easy,
    })
}

/// `due`, moved back to the defense day when it falls after it; a defense
/// today or in the past plans nothing.
pub fn clamp_to_defense(
    due: OffsetDateTime,
    at: OffsetDateTime,
    defense: Option<Date>,
) -> OffsetDateTime {
    match defense {
        Some(day) if day > at.date() && due.date() > day => {
            day.with_time(at.time()).assume_offset(at.offset())
        }
        _ => due,
    }
}

/// Whole calendar days from `from` to `to`, in `to`'s offset (0 if earlier).
pub fn days_between(from: OffsetDateTime, to: OffsetDateTime) -> u32 {
    let days = (to.date() - from.to_offset(to.offset()).date()).whole_days();
    u32::try_from(days.max(0)).unwrap_or(u32::MAX)
}

fn valid(m: &MemoryState) -> bool {
    m.stability.is_finite() && m.difficulty.is_finite() && m.stability > 0.0
}

fn round_to(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}
