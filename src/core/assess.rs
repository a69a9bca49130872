//! Self-review as operations on a profile: rating, evidence, the target
//! level, orphan clean-up, and which indicators a filter shows. Pure: the
//! caller passes today's date and saves the profile.

use super::clock::Date;
use super::content::Pack;
use super::ids::{IndicatorId, LevelId};
use super::profile::{Profile, Rating};
use super::score::Assessment;

/// Which indicators the Assess screen lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this level.
    pub level: Option<String>,
    /// Only this dimension.
    pub dimension: Option<String>,
    /// Only indicators without a rating.
    pub unrated_only: bool,
    /// Only indicators that are gaps (below `meets`, up to the target level).
    pub gaps_only: bool,
}

impl Filter {
    /// Whether any restriction is set.
    pub fn is_active(&self) -> bool {
        *self != Filter::default()
    }
}

/// The ids of the indicators `filter` shows, grouped by dimension (pack
/// order), then by level (ladder order), then in file order.
pub fn visible_indicators<'p>(
    pack: &'p Pack,
    profile: &Profile,
    assessment: &Assessment,
    filter: &Filter,
) -> Vec<&'p str> {
    let mut out = Vec::new();
    for dim in &pack.dimensions {
        if filter
            .dimension
            .as_deref()
            .is_some_and(|d| d != dim.id.as_str())
        {
            continue;
        }
        let mut inds: Vec<_> = dim.indicators.iter().collect();
        inds.sort_by_key(|i| pack.level_index(&i.level).unwrap_or(usize::MAX));
        for ind in inds {
            let id = ind.id.as_str();
            if filter
                .level
                .as_deref()
                .is_some_and(|l| l != ind.level.as_str())
                || (filter.unrated_only && profile.ratings.contains_key(id))
                || (filter.gaps_only && !assessment.gaps.iter().any(|g| g.indicator == id))
            {
                continue;
            }
            out.push(id);
        }
    }
    out
}

/// Sets the self-rating of `id`; keeps its evidence. Returns whether anything changed.
pub fn rate(profile: &mut Profile, id: &str, score: u32, today: Date) -> bool {
    match profile.ratings.get_mut(id) {
        Some(r) if r.score == score => false,
        Some(r) => {
            r.score = score;
            r.updated = Some(today);
            true
        }
        None => {
            profile.ratings.insert(
                IndicatorId::new(id),
                Rating {
                    score,
                    evidence: None,
                    updated: Some(today),
                },
            );
            true
        }
    }
}

/// Sets the evidence of a rated indicator (blank text removes it). Returns
/// `None` when the indicator is not rated yet (evidence belongs to a rating),
/// else whether anything changed.
pub fn set_evidence(profile: &mut Profile, id: &str, text: &str, today: Date) -> Option<bool> {
    let rating = profile.ratings.get_mut(id)?;
    // Typed, pasted or returned by an external editor: neutralised before it
    // is kept, like text read from a file.
    let text = crate::core::sanitize::neutralize_controls(text);
    let new = (!text.trim().is_empty()).then(|| text.trim_end().to_owned());
    if rating.evidence == new {
        return Some(false);
    }
    rating.evidence = new;
    rating.updated = Some(today);
    Some(true)
}

/// Removes a self-rating (and its evidence). Returns whether there was one.
pub fn clear_rating(profile: &mut Profile, id: &str) -> bool {
    profile.ratings.remove(id).is_some()
}

/// Chooses the target level, or `None` to follow the rule (the level after
/// the current one). An unknown level changes nothing. Returns whether
/// anything changed.
pub fn set_target(profile: &mut Profile, pack: &Pack, level: Option<&str>) -> bool {
    if level.is_some_and(|l| pack.level(l).is_none()) {
        return false;
    }
    let new = level.map(LevelId::new);
    if profile.target_level == new {
        return false;
    }
    profile.target_level = new;
    true
}

/// Deletes the self-rating and any mentor rating of an id the pack does not
/// have. Refuses (returns false) for ids the pack knows.
pub fn delete_orphan(profile: &mut Profile, pack: &Pack, id: &str) -> bool {
    if pack.indicator(id).is_some() {
        return false;
    }
    let own = profile.ratings.remove(id).is_some();
    let mentor = profile
        .mentor
        .as_mut()
        .is_some_and(|m| m.ratings.remove(id).is_some());
    own || mentor
}

/// The guided first pass: the next unrated indicator after `current`, in
/// ladder order (all of the first level, then the next), wrapping around.
pub fn next_unrated<'p>(
    pack: &'p Pack,
    profile: &Profile,
    current: Option<&str>,
) -> Option<&'p str> {
    let order = guided_order(pack);
    let start = current
        .and_then(|c| order.iter().position(|id| *id == c))
        .map_or(0, |p| p + 1);
    (0..order.len())
        .map(|k| order[(start + k) % order.len()])
        .find(|id| !profile.ratings.contains_key(*id))
}

/// Indicators in the order the guided pass walks them: level by level, and
/// within a level by dimension.
pub fn guided_order(pack: &Pack) -> Vec<&str> {
    let mut all: Vec<(usize, usize, &str)> = pack
        .dimensions
        .iter()
        .enumerate()
        .flat_map(|(d, dim)| {
            dim.indicators.iter().map(move |i| {
                (
                    pack.level_index(&i.level).unwrap_or(usize::MAX),
                    d,
                    i.id.as_str(),
                )
            })
        })
        .collect();
    all.sort_by_key(|&(l, d, _)| (l, d));
    all.into_iter().map(|(_, _, id)| id).collect()
}

/// Progress of the guided pass: (rated, total) over the pack's indicators.
pub fn progress(pack: &Pack, profile: &Profile) -> (usize, usize) {
    let rated = pack
        .indicators()
        .filter(|(_, i)| profile.ratings.contains_key(i.id.as_str()))
        .count();
    (rated, pack.indicator_count())
}
