//! What the review log says about progress: reviews per day, retention,
//! coverage per category, the streak, and what is due until the defense.

use std::collections::BTreeMap;

use crate::core::clock::{Date, OffsetDateTime};
use crate::core::content::Pack;
use crate::core::profile::{DrillLog, Grade, Review};

/// How many days the forecast looks ahead when there is no defense date.
pub const FORECAST_DAYS: i64 = 14;

/// The furthest the forecast looks ahead, however far off the defense is.
pub const MAX_FORECAST_DAYS: i64 = 730;

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
    /// to the defense day (two years at most), or for [`FORECAST_DAYS`]
    /// without one.
    pub forecast: Vec<(Date, usize)>,
}

/// The share of `review`'s key points covered, for a question with `total` of them.
pub fn coverage_of(review: &Review, total: usize) -> f64 {
    if total == 0 {
        return 0.0;
    }
    // Indexes past the key points, or written twice, in a hand-edited file
    // count once or not at all.
    let covered = review
        .covered
        .iter()
        .filter(|&&i| (i as usize) < total)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
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

    let days = match defense {
        Some(d) if d >= today => (d - today).whole_days() + 1,
        _ => FORECAST_DAYS,
    }
    .min(MAX_FORECAST_DAYS);
    let mut forecast = Vec::new();
    let mut d = Some(today);
    while let Some(day) = d.filter(|_| (forecast.len() as i64) < days) {
        forecast.push((day, 0));
        d = day.next_day();
    }
    for q in &pack.questions {
        if let Some(card) = log.cards.get(q.id.value.as_str()) {
            let ahead = (day_of(card.due) - today).whole_days().max(0);
            if let Some(slot) = usize::try_from(ahead)
                .ok()
                .and_then(|i| forecast.get_mut(i))
            {
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

/// Answers further apart than this start a new session.
pub const SESSION_GAP_MINUTES: i64 = 30;

/// One past session, read back from the review log.
#[derive(Debug, Clone, PartialEq)]
pub struct PastSession {
    /// When its first answer was graded.
    pub start: OffsetDateTime,
    /// The kind of its first answer (a Due session's new questions count as Due).
    pub kind: crate::core::profile::SessionKind,
    /// Answers graded, follow-ups included.
    pub answers: usize,
    /// Answers graded Again.
    pub again: usize,
    /// Mean key-point coverage of its main answers of questions in the pack.
    pub coverage: Option<f64>,
    /// Seconds spent answering.
    pub seconds: u64,
}

/// The sessions in the log, oldest first: runs of answers of one kind
/// (Due and New together) less than [`SESSION_GAP_MINUTES`] apart.
pub fn sessions(pack: &Pack, log: &DrillLog) -> Vec<PastSession> {
    use crate::core::profile::SessionKind;
    let family = |k: SessionKind| match k {
        SessionKind::New => SessionKind::Due,
        other => other,
    };
    let mut out: Vec<(PastSession, OffsetDateTime, f64, usize)> = Vec::new();
    for r in &log.reviews {
        let joins = out.last().is_some_and(|(s, last, _, _)| {
            family(s.kind) == family(r.kind)
                && r.at >= *last
                && r.at - *last <= time::Duration::minutes(SESSION_GAP_MINUTES)
        });
        if !joins {
            out.push((
                PastSession {
                    start: r.at,
                    kind: family(r.kind),
                    answers: 0,
                    again: 0,
                    coverage: None,
                    seconds: 0,
                },
                r.at,
                0.0,
                0,
            ));
        }
        if let Some((s, last, sum, counted)) = out.last_mut() {
            s.answers += 1;
            s.again += usize::from(r.grade == Grade::Again);
            s.seconds += u64::from(r.seconds);
            *last = r.at;
            if let Some(q) = pack.question(&r.question).filter(|_| r.follow_up.is_none()) {
                *sum += coverage_of(r, q.key_points.value.len());
                *counted += 1;
                s.coverage = Some(*sum / *counted as f64);
            }
        }
    }
    out.into_iter().map(|(s, _, _, _)| s).collect()
}
