//! Scoring (SPEC §4): readiness and coverage per level and dimension, the
//! current and target level, gaps, and self-versus-mentor calibration.
//!
//! A level (or a dimension at a level) with no indicators has readiness 0:
//! the formula's 0/0 is taken as 0, so such a level is never reached.

use std::collections::BTreeMap;

use serde::Serialize;

use super::content::Pack;
use super::profile::Profile;

/// Builds the scoring input from a profile.
pub fn score_input(profile: &Profile) -> ScoreInput<'_> {
    ScoreInput {
        self_scores: profile
            .ratings
            .iter()
            .map(|(k, r)| (k.as_str(), r.score))
            .collect(),
        mentor_scores: profile
            .mentor
            .iter()
            .flat_map(|m| m.ratings.iter().map(|(k, r)| (k.as_str(), r.score)))
            .collect(),
        target_level: profile.target_level.as_deref(),
    }
}

/// Scores a profile against a pack.
pub fn assess(pack: &Pack, profile: &Profile) -> Assessment {
    Assessment::compute(pack, &score_input(profile))
}

/// What scoring needs from a profile: scores by indicator id.
#[derive(Debug, Clone, Default)]
pub struct ScoreInput<'a> {
    /// The person's own scores.
    pub self_scores: BTreeMap<&'a str, u32>,
    /// The mentor's scores, if a mentor rated.
    pub mentor_scores: BTreeMap<&'a str, u32>,
    /// The profile's chosen target level, if any.
    pub target_level: Option<&'a str>,
}

/// Readiness and coverage of one level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelReadiness {
    /// The level's id.
    pub id: String,
    /// Σ w·s / Σ w·max over the level's indicators (0 when it has none).
    pub readiness: f64,
    /// Σ w·[rated] / Σ w (0 when it has none).
    pub coverage: f64,
    /// Whether readiness is at or above the pack's threshold.
    pub reached: bool,
    /// How many of its indicators are rated.
    pub rated: usize,
    /// How many indicators it has.
    pub indicators: usize,
}

/// Readiness of one dimension at every level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionReadiness {
    /// The dimension's id.
    pub id: String,
    /// Readiness by level id (0 where the dimension has no indicators).
    pub levels: BTreeMap<String, f64>,
}

/// An indicator below `meets`, at or below the target level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    /// The indicator's id.
    pub indicator: String,
    /// Its dimension's id.
    pub dimension: String,
    /// Its level's id.
    pub level: String,
    /// The score (0 when unrated).
    pub score: u32,
    /// Whether it was rated at all.
    pub rated: bool,
    /// Its weight.
    pub weight: f64,
    /// w·(meets − s): how much closing it is worth; gaps are ordered by it.
    pub shortfall: f64,
}

/// One indicator rated by both the person and the mentor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calibration {
    /// The indicator's id.
    pub indicator: String,
    /// The person's own score.
    #[serde(rename = "self")]
    pub self_score: u32,
    /// The mentor's score.
    pub mentor: u32,
    /// self − mentor.
    pub delta: i64,
}

/// Everything computed from a pack and a profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// The highest level reached with every level below it reached.
    pub current_level: Option<String>,
    /// The chosen target, else the level after the current one.
    pub target_level: Option<String>,
    /// Per level, in ladder order.
    pub levels: Vec<LevelReadiness>,
    /// Per dimension, in pack order.
    pub dimensions: Vec<DimensionReadiness>,
    /// Gaps, most valuable first.
    pub gaps: Vec<Gap>,
    /// Self versus mentor, biggest disagreement first.
    pub calibration: Vec<Calibration>,
    /// Rated ids the pack does not have (kept in the profile, not scored).
    pub orphaned: Vec<String>,
    /// How many of the pack's indicators are rated.
    pub rated: usize,
    /// How many indicators the pack has.
    pub total: usize,
}

#[derive(Default, Clone, Copy)]
struct Sums {
    score: f64,
    max: f64,
    rated_weight: f64,
    weight: f64,
    rated: usize,
    count: usize,
}

impl Sums {
    fn add(&mut self, weight: f64, score: Option<u32>, max: u32) {
        self.score += weight * f64::from(score.unwrap_or(0));
        self.max += weight * f64::from(max);
        self.weight += weight;
        self.count += 1;
        if score.is_some() {
            self.rated_weight += weight;
            self.rated += 1;
        }
    }

    fn readiness(&self) -> f64 {
        if self.max > 0.0 {
            self.score / self.max
        } else {
            0.0
        }
    }

    fn coverage(&self) -> f64 {
        if self.weight > 0.0 {
            self.rated_weight / self.weight
        } else {
            0.0
        }
    }
}

impl Assessment {
    /// Scores `input` against `pack`.
    pub fn compute(pack: &Pack, input: &ScoreInput<'_>) -> Assessment {
        let max = pack.max_score();
        // Scores above the top of the scale (a pack that shrank its scale)
        // count as the top, so readiness never exceeds 1.
        let score_of = |id: &str| input.self_scores.get(id).map(|&s| s.min(max));

        let mut per_level = vec![Sums::default(); pack.levels.len()];
        let mut dimensions = Vec::with_capacity(pack.dimensions.len());
        for dim in &pack.dimensions {
            let mut per_dim_level = vec![Sums::default(); pack.levels.len()];
            for ind in &dim.indicators {
                if let Some(li) = pack.level_index(&ind.level) {
                    let s = score_of(&ind.id);
                    per_level[li].add(ind.weight(), s, max);
                    per_dim_level[li].add(ind.weight(), s, max);
                }
            }
            dimensions.push(DimensionReadiness {
                id: dim.id.value.clone(),
                levels: pack
                    .levels
                    .iter()
                    .zip(&per_dim_level)
                    .map(|(l, s)| (l.id.value.clone(), s.readiness()))
                    .collect(),
            });
        }

        let levels: Vec<LevelReadiness> = pack
            .levels
            .iter()
            .zip(&per_level)
            .map(|(l, s)| LevelReadiness {
                id: l.id.value.clone(),
                readiness: s.readiness(),
                coverage: s.coverage(),
                reached: s.readiness() >= pack.threshold,
                rated: s.rated,
                indicators: s.count,
            })
            .collect();

        let current = levels
            .iter()
            .take_while(|l| l.reached)
            .count()
            .checked_sub(1);
        let target = match input.target_level.and_then(|t| pack.level_index(t)) {
            Some(t) => Some(t),
            None if pack.levels.is_empty() => None,
            None => Some(current.map_or(0, |c| (c + 1).min(pack.levels.len() - 1))),
        };

        let mut gaps = Vec::new();
        if let Some(t) = target {
            for dim in &pack.dimensions {
                for ind in &dim.indicators {
                    let Some(li) = pack.level_index(&ind.level) else {
                        continue;
                    };
                    if li > t {
                        continue;
                    }
                    let score = score_of(&ind.id);
                    let s = score.unwrap_or(0);
                    if s < pack.meets {
                        gaps.push((
                            li,
                            Gap {
                                indicator: ind.id.value.clone(),
                                dimension: dim.id.value.clone(),
                                level: ind.level.value.clone(),
                                score: s,
                                rated: score.is_some(),
                                weight: ind.weight(),
                                shortfall: ind.weight() * f64::from(pack.meets - s),
                            },
                        ));
                    }
                }
            }
        }
        gaps.sort_by(|(la, a), (lb, b)| {
            b.shortfall
                .total_cmp(&a.shortfall)
                .then(la.cmp(lb))
                .then_with(|| a.indicator.cmp(&b.indicator))
        });

        let mut calibration: Vec<(usize, Calibration)> = pack
            .indicators()
            .filter_map(|(_, ind)| {
                let own = input.self_scores.get(ind.id.as_str())?;
                let mentor = input.mentor_scores.get(ind.id.as_str())?;
                Some((
                    pack.level_index(&ind.level).unwrap_or(usize::MAX),
                    Calibration {
                        indicator: ind.id.value.clone(),
                        self_score: *own,
                        mentor: *mentor,
                        delta: i64::from(*own) - i64::from(*mentor),
                    },
                ))
            })
            .collect();
        calibration.sort_by(|(la, a), (lb, b)| {
            b.delta
                .abs()
                .cmp(&a.delta.abs())
                .then(la.cmp(lb))
                .then_with(|| a.indicator.cmp(&b.indicator))
        });

        let orphaned = input
            .self_scores
            .keys()
            .chain(input.mentor_scores.keys())
            .filter(|id| pack.indicator(id).is_none())
            .map(|id| (*id).to_owned())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();

        Assessment {
            current_level: current.map(|c| pack.levels[c].id.value.clone()),
            target_level: target.map(|t| pack.levels[t].id.value.clone()),
            rated: per_level.iter().map(|s| s.rated).sum(),
            total: pack.indicator_count(),
            levels,
            dimensions,
            gaps: gaps.into_iter().map(|(_, g)| g).collect(),
            calibration: calibration.into_iter().map(|(_, c)| c).collect(),
            orphaned,
        }
    }

    /// Readiness of a level by id.
    pub fn level(&self, id: &str) -> Option<&LevelReadiness> {
        self.levels.iter().find(|l| l.id == id)
    }
}

/// What one indicator adds to its level's readiness: its weight against the
/// level's, and its share of the level's readiness at a score.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    /// The indicator's level.
    pub level: String,
    /// The indicator's weight.
    pub weight: f64,
    /// The weights of every indicator at that level, added up.
    pub level_weight: f64,
    /// w·s / Σ w·max with the score given (0 when unrated).
    pub now: f64,
    /// The same with the score at `meets`.
    pub at_meets: f64,
}

impl Contribution {
    /// The contribution of indicator `id` scored `score` (`None`: unrated,
    /// which counts as 0); `None` when the pack has no such indicator.
    pub fn of(pack: &Pack, id: &str, score: Option<u32>) -> Option<Contribution> {
        let (_, indicator) = pack.indicator(id)?;
        let max = pack.max_score();
        let level_weight: f64 = pack
            .indicators()
            .filter(|(_, i)| i.level.value == indicator.level.value)
            .map(|(_, i)| i.weight())
            .sum();
        let weight = indicator.weight();
        let share = |s: u32| {
            let whole = level_weight * f64::from(max);
            if whole > 0.0 {
                weight * f64::from(s.min(max)) / whole
            } else {
                0.0
            }
        };
        Some(Contribution {
            level: indicator.level.value.clone(),
            weight,
            level_weight,
            now: share(score.unwrap_or(0)),
            at_meets: share(pack.meets),
        })
    }
}
