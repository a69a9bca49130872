//! The grade suggested for an answer, from the share of key points covered
//! and the time used.
//!
//! The share sets the grade: under half is Again, under three quarters
//! Hard, under all Good, all of them Easy. Time then takes it down: Easy
//! needs the answer done within two thirds of the time; running over the
//! limit costs one grade more, but never makes it Again (that is for not
//! knowing the answer, not for being slow). A follow-up has no key points:
//! Good in time, Hard over it.

use crate::core::profile::Grade;

/// The suggested grade for `covered` of `total` key points in `seconds`
/// against `limit` (None: untimed). `total` 0 is a follow-up.
pub fn suggest(covered: usize, total: usize, seconds: u32, limit: Option<u32>) -> Grade {
    let over = limit.is_some_and(|l| seconds > l);
    if total == 0 {
        return if over { Grade::Hard } else { Grade::Good };
    }
    let covered = covered.min(total);
    // Compare shares in whole numbers: covered/total < 1/2  <=>  2·covered < total.
    let mut grade = if 2 * covered < total {
        Grade::Again
    } else if 4 * covered < 3 * total {
        Grade::Hard
    } else if covered < total {
        Grade::Good
    } else {
        Grade::Easy
    };
    if grade == Grade::Easy && limit.is_some_and(|l| u64::from(seconds) * 3 > u64::from(l) * 2) {
        grade = Grade::Good;
    }
    if over {
        grade = match grade {
            Grade::Easy => Grade::Good,
            Grade::Good | Grade::Hard => Grade::Hard,
            Grade::Again => Grade::Again,
        };
    }
    grade
}
