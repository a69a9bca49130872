//! History: a readiness snapshot per day on which ratings changed, the trend
//! of target-level readiness, and what moved since the last snapshot.

use super::clock::Date;
use super::ids::LevelId;
use super::profile::{Profile, Snapshot};
use super::score::Assessment;

/// A snapshot of an assessment on `date`.
pub fn snapshot(a: &Assessment, date: Date) -> Snapshot {
    Snapshot {
        date,
        current_level: a.current_level.clone().map(LevelId::new),
        target_level: a.target_level.clone().map(LevelId::new),
        levels: a
            .levels
            .iter()
            .map(|l| (l.id.clone(), round4(l.readiness)))
            .collect(),
        dimensions: a
            .dimensions
            .iter()
            .map(|d| {
                (
                    d.id.clone(),
                    d.levels
                        .iter()
                        .map(|(k, v)| (k.clone(), round4(*v)))
                        .collect(),
                )
            })
            .collect(),
    }
}

/// Four decimals are plenty for a trend, and keep the file readable.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Records today's snapshot after ratings changed: replaces today's entry if
/// there is one, else appends. Returns whether the history changed.
pub fn record(profile: &mut Profile, a: &Assessment, today: Date) -> bool {
    let snap = snapshot(a, today);
    match profile.history.last_mut() {
        Some(last) if last.date == today => {
            if *last == snap {
                return false;
            }
            *last = snap;
        }
        _ => profile.history.push(snap),
    }
    true
}

/// Target-level readiness over the history, oldest first, followed by now:
/// the points of the Overview sparkline. Today's own snapshot is left out,
/// since "now" stands for today.
pub fn target_trend(profile: &Profile, a: &Assessment, today: Date) -> Vec<f64> {
    let Some(target) = a.target_level.as_deref() else {
        return Vec::new();
    };
    let mut points: Vec<f64> = profile
        .history
        .iter()
        .filter(|s| s.date != today)
        .filter_map(|s| s.levels.get(target).copied())
        .collect();
    if let Some(now) = a.level(target) {
        points.push(now.readiness);
    }
    points
}

/// How one level's readiness moved since the last snapshot of an earlier day.
#[derive(Debug, Clone, PartialEq)]
pub struct Movement {
    /// The level's id.
    pub level: String,
    /// Readiness then.
    pub before: f64,
    /// Readiness now.
    pub now: f64,
}

/// The date of the snapshot "since" refers to, and each level whose readiness
/// changed since then. Today's own snapshot is skipped, so the comparison is
/// always with an earlier day.
pub fn moved_since_last(
    profile: &Profile,
    a: &Assessment,
    today: Date,
) -> Option<(Date, Vec<Movement>)> {
    let base = profile.history.iter().rev().find(|s| s.date < today)?;
    let moves = a
        .levels
        .iter()
        .filter_map(|l| {
            let before = *base.levels.get(&l.id)?;
            // A move too small to show as a whole percent is not news.
            ((l.readiness * 100.0).round() != (before * 100.0).round()).then(|| Movement {
                level: l.id.clone(),
                before,
                now: l.readiness,
            })
        })
        .collect();
    Some((base.date, moves))
}
