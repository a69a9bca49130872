//! A mentor's review beside the self-review: how far the two agree, where
//! the mentee rates themselves higher or lower, and what to talk about.
//!
//! Everything here is computed from a pack, a profile and its assessment;
//! nothing changes. The file a mentor annotates is in [`file`].

pub mod file;
pub mod merge;

#[cfg(test)]
mod tests;

use crate::core::content::Pack;
use crate::core::profile::Profile;
use crate::core::score::{self, Assessment, Calibration};

/// Who is at the keyboard in mentor mode, and whose file it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentorSession {
    /// The mentor, who rates.
    pub mentor: String,
    /// The mentee, whose file is open.
    pub mentee: String,
}

/// How far apart the two scores of one indicator are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Agreement {
    /// The same score.
    Agree,
    /// One step apart: worth a brief word.
    OneApart,
    /// Two or more apart: worth talking through in depth.
    FarApart,
}

impl Agreement {
    /// The group of a self − mentor difference.
    pub fn of(delta: i64) -> Agreement {
        match delta.unsigned_abs() {
            0 => Agreement::Agree,
            1 => Agreement::OneApart,
            _ => Agreement::FarApart,
        }
    }
}

/// The indicators rated by both, in the three groups, each ordered as the
/// assessment's calibration is (biggest |delta| first, then ladder order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Groups {
    pub far_apart: Vec<Calibration>,
    pub one_apart: Vec<Calibration>,
    pub agree: Vec<Calibration>,
}

/// Splits the assessment's calibration into the three groups.
pub fn groups(a: &Assessment) -> Groups {
    let mut out = Groups::default();
    for c in &a.calibration {
        match Agreement::of(c.delta) {
            Agreement::Agree => out.agree.push(c.clone()),
            Agreement::OneApart => out.one_apart.push(c.clone()),
            Agreement::FarApart => out.far_apart.push(c.clone()),
        }
    }
    out
}

/// Which way the mentee's own scores lean in one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    /// The mentee rates themselves higher than the mentor does.
    Higher,
    /// Lower than the mentor.
    Lower,
    /// On balance the same.
    Even,
}

/// One dimension's lean, over the indicators rated by both.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionLean {
    /// The dimension's id.
    pub dimension: String,
    /// How many indicators both rated.
    pub count: usize,
    /// Σ (self − mentor) over them.
    pub total_delta: i64,
    /// The mean of self − mentor.
    pub mean_delta: f64,
    pub lean: Lean,
}

/// Per dimension (in pack order, only those with an indicator rated by
/// both): whether the mentee rates themselves higher or lower.
pub fn leans(pack: &Pack, a: &Assessment) -> Vec<DimensionLean> {
    pack.dimensions
        .iter()
        .filter_map(|dim| {
            let deltas: Vec<i64> = a
                .calibration
                .iter()
                .filter(|c| dim.indicators.iter().any(|i| i.id.value == c.indicator))
                .map(|c| c.delta)
                .collect();
            if deltas.is_empty() {
                return None;
            }
            let total: i64 = deltas.iter().sum();
            let lean = match total.signum() {
                1 => Lean::Higher,
                -1 => Lean::Lower,
                _ => Lean::Even,
            };
            Some(DimensionLean {
                dimension: dim.id.value.clone(),
                count: deltas.len(),
                total_delta: total,
                mean_delta: total as f64 / deltas.len() as f64,
                lean,
            })
        })
        .collect()
}

/// One item of the conversation's agenda.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaItem {
    /// The indicator's id.
    pub indicator: String,
    /// Its level.
    pub level: String,
    pub self_score: Option<u32>,
    pub mentor_score: Option<u32>,
    /// How much it matters: `w·(meets − s)` (when positive) with `s` the
    /// mentor's score, else the mentee's, else 0; plus |self − mentor|.
    pub weight: f64,
    /// The ids of the pack's questions that probe it.
    pub questions: Vec<String>,
}

/// How many items the agenda holds at most.
pub const AGENDA_LEN: usize = 5;

/// What matters most for the target level: every indicator at a level up
/// to and including the target is weighed by how far it is below `meets`
/// (judged by the mentor where they rated it) and by how far the two
/// disagree; the heaviest [`AGENDA_LEN`] come first (ties in ladder order,
/// then by id). Items that weigh nothing are left out.
/// Whether the mentee or the mentor rated an indicator at a level up to
/// and including the target, which the agenda is drawn from.
pub fn rated_up_to_target(pack: &Pack, profile: &Profile, a: &Assessment) -> bool {
    let Some(target) = a.target_level.as_deref().and_then(|t| pack.level_index(t)) else {
        return false;
    };
    let rated = |id: &str| {
        profile.ratings.contains_key(id)
            || profile
                .mentor
                .as_ref()
                .is_some_and(|m| m.ratings.contains_key(id))
    };
    pack.indicators().any(|(_, ind)| {
        pack.level_index(&ind.level)
            .is_some_and(|level| level <= target)
            && rated(ind.id.as_str())
    })
}

pub fn agenda(pack: &Pack, profile: &Profile, a: &Assessment) -> Vec<AgendaItem> {
    let Some(target) = a.target_level.as_deref().and_then(|t| pack.level_index(t)) else {
        return Vec::new();
    };
    // With nothing rated it would be the heaviest indicators in ladder
    // order: nothing to calibrate yet.
    if !rated_up_to_target(pack, profile, a) {
        return Vec::new();
    }
    let mentor = profile.mentor.as_ref();
    let mut items: Vec<(usize, AgendaItem)> = pack
        .indicators()
        .filter_map(|(_, ind)| {
            let level = pack.level_index(&ind.level)?;
            if level > target {
                return None;
            }
            let id = ind.id.as_str();
            let own = profile.ratings.get(id).map(|r| r.score);
            let theirs = mentor.and_then(|m| m.ratings.get(id)).map(|r| r.score);
            let judged = theirs.or(own).unwrap_or(0);
            let below = f64::from(pack.meets.saturating_sub(judged));
            let apart = match (own, theirs) {
                (Some(s), Some(m)) => f64::from(s.abs_diff(m)),
                _ => 0.0,
            };
            let weight = ind.weight() * below + apart;
            (weight > 0.0).then(|| {
                let questions = pack
                    .questions
                    .iter()
                    .filter(|q| q.indicators.iter().any(|i| i.value == id))
                    .map(|q| q.id.value.clone())
                    .collect();
                (
                    level,
                    AgendaItem {
                        indicator: id.to_owned(),
                        level: ind.level.value.clone(),
                        self_score: own,
                        mentor_score: theirs,
                        weight,
                        questions,
                    },
                )
            })
        })
        .collect();
    items.sort_by(|(la, a), (lb, b)| {
        b.weight
            .total_cmp(&a.weight)
            .then(la.cmp(lb))
            .then_with(|| a.indicator.cmp(&b.indicator))
    });
    items
        .into_iter()
        .take(AGENDA_LEN)
        .map(|(_, item)| item)
        .collect()
}

/// The assessment as the mentor sees it: the mentor's score wherever they
/// gave one, the mentee's own elsewhere; for the mentor's polygon on the
/// radar, so that an indicator the mentor left alone does not read as 0.
pub fn mentor_assessment(pack: &Pack, profile: &Profile) -> Option<Assessment> {
    let mentor = profile.mentor.as_ref()?;
    let mut theirs = profile.clone();
    theirs.mentor = None;
    for (id, r) in &mentor.ratings {
        theirs.ratings.insert(
            id.clone(),
            crate::core::profile::Rating {
                score: r.score,
                evidence: None,
                updated: None,
            },
        );
    }
    Some(score::assess(pack, &theirs))
}

/// Whether the profile holds anything of a mentor's worth showing.
pub fn has_review(profile: &Profile) -> bool {
    profile
        .mentor
        .as_ref()
        .is_some_and(|m| !m.ratings.is_empty() || m.notes.is_some() || !m.plan.is_empty())
}
