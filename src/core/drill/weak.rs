//! Weak spots: which questions probe what the person is weakest at.
//!
//! The weak indicators, most important first, are the assessment's gaps in
//! their order (largest `w·(meets − s)` first), then the other rated
//! indicators below the top of the scale, lowest score first (heavier
//! weight, then ladder order, breaking ties). A question's rank is the place
//! of the most important weak indicator it probes; questions probing none
//! are not weak spots.

use std::collections::HashMap;

use crate::core::content::{Pack, Question};
use crate::core::profile::Profile;
use crate::core::score::Assessment;

/// Weak indicator ids, most important first.
pub fn weak_indicators(pack: &Pack, profile: &Profile, assessment: &Assessment) -> Vec<String> {
    let mut out: Vec<String> = assessment
        .gaps
        .iter()
        .map(|g| g.indicator.clone())
        .collect();
    let max = pack.max_score();
    let mut low: Vec<(u32, f64, usize, &str)> = pack
        .indicators()
        .enumerate()
        .filter_map(|(order, (_, ind))| {
            let id = ind.id.value.as_str();
            let rating = profile.ratings.get(id)?;
            let level = pack.level_index(&ind.level.value).unwrap_or(usize::MAX);
            (rating.score < max && !out.iter().any(|g| g == id)).then_some((
                rating.score,
                ind.weight(),
                level * 10_000 + order,
                id,
            ))
        })
        .collect();
    low.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    out.extend(low.into_iter().map(|(_, _, _, id)| id.to_owned()));
    out
}

/// The rank of each question that probes a weak indicator: the place of the
/// most important one it probes (0 is the most important gap).
pub fn question_ranks<'a>(pack: &'a Pack, weak: &[String]) -> Vec<(&'a Question, usize)> {
    let place: HashMap<&str, usize> = weak
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let mut ranked: Vec<(&Question, usize, usize)> = pack
        .questions
        .iter()
        .enumerate()
        .filter_map(|(order, q)| {
            q.indicators
                .iter()
                .filter_map(|i| place.get(i.value.as_str()).copied())
                .min()
                .map(|rank| (q, rank, order))
        })
        .collect();
    ranked.sort_by_key(|&(_, rank, order)| (rank, order));
    ranked.into_iter().map(|(q, rank, _)| (q, rank)).collect()
}
