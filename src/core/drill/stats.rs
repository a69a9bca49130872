//! What the review log says about progress: reviews per day, retention,
//! coverage per category, the streak, and what is due until the defense.

use std::collections::BTreeMap;

use crate::core::clock::{Date, OffsetDateTime};
use crate::core::content::Pack;
use crate::core::profile::{DrillLog, Grade, Review};

/// How many days the forecast looks ahead when there is no defense date.
pub const FORECAST_DAYS: i64 = 14;

/// Average key-point coverage of one category's answers.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryCoverage {
    /// The category's id.
    pub category: String,
    /// Answers graded.
    pub answers: usize,
    /// Mean share of key points covered, 0 to 1.
    pub coverage: f64,
}

/// Everything the stats page and the report show.
#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    /// Answers per day (in the person's offset), for the heat map.
    pub per_day: BTreeMap<Date, u32>,
    /// Answers logged, follow-ups included.
    pub reviews: usize,
    /// Share of answers not graded Again; None before the first.
    pub retention: Option<f64>,
    /// Coverage per category, in pack order, of categories answered.
    pub coverage: Vec<CategoryCoverage>,
    /// Days in a row with an answer, ending today (or yesterday, if
    /// nothing was answered yet today).
    pub streak: u32,
    /// Questions falling due per day from today (overdue ones count today)
    /// to the defense day, or for [`FORECAST_DAYS`] without one.
    pub forecast: Vec<(Date, usize)>,
}

/// The share of `review`'s key points covered, for a question with `total` of them.
pub fn coverage_of(review: &Review, total: usize) -> f64 {
    if total == 0 {
        return 0.0;
    }
    let covered = review
        .covered
        .iter()
        .filter(|&&i| (i as usize) < total)
        .count();
    covered as f64 / total as f64
}

/// The stats of `log` against `pack`, as seen at `now`.
pub fn stats(pack: &Pack, log: &DrillLog, now: OffsetDateTime, defense: Option<Date>) -> Stats {
    let today = now.date();
    let day_of = |at: OffsetDateTime| at.to_offset(now.offset()).date();
    let mut per_day = BTreeMap::new();
    for r in &log.reviews {
        *per_day.entry(day_of(r.at)).or_insert(0) += 1;
    }
    let reviews = log.reviews.len();
    let again = log
        .reviews
        .iter()
        .filter(|r| r.grade == Grade::Again)
        .count();
    let retention = (reviews > 0).then(|| (reviews - again) as f64 / reviews as f64);

    let mut sums: BTreeMap<usize, (String, usize, f64)> = BTreeMap::new();
    for r in log.reviews.iter().filter(|r| r.follow_up.is_none()) {
        let Some(q) = pack.question(&r.question) else {
            continue;
        };
        let at = pack
            .categories
            .iter()
            .position(|c| c.id.value == q.category.value)
            .unwrap_or(usize::MAX);
        let entry = sums
            .entry(at)
            .or_insert_with(|| (q.category.value.clone(), 0, 0.0));
        entry.1 += 1;
        entry.2 += coverage_of(r, q.key_points.value.len());
    }
    let coverage = sums
        .into_values()
        .map(|(category, answers, sum)| CategoryCoverage {
            category,
            answers,
            coverage: sum / answers as f64,
        })
        .collect();

    let mut streak = 0;
    let mut day = if per_day.contains_key(&today) {
        Some(today)
    } else {
        today.previous_day()
    };
    while let Some(d) = day.filter(|d| per_day.contains_key(d)) {
        streak += 1;
        day = d.previous_day();
    }

    let last = match defense {
        Some(d) if d >= today => d,
        _ => today + time::Duration::days(FORECAST_DAYS - 1),
    };
    let mut forecast = Vec::new();
    let mut d = today;
    while d <= last {
        forecast.push((d, 0));
        match d.next_day() {
            Some(n) => d = n,
            None => break,
        }
    }
    for q in &pack.questions {
        if let Some(card) = log.cards.get(q.id.value.as_str()) {
            let due = day_of(card.due).max(today);
            if let Some(slot) = forecast.iter_mut().find(|(d, _)| *d == due) {
                slot.1 += 1;
            }
        }
    }
    Stats {
        per_day,
        reviews,
        retention,
        coverage,
        streak,
        forecast,
    }
}
