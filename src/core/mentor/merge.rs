//! `import --merge`: what of a mentor's annotated copy comes into the
//! mentee's own profile. The review (ratings, comments, notes, plan) is
//! taken whole; drill answers the mentor graded are added to the log; the
//! mentee's own ratings, evidence, history and drill answers stay as they
//! are in their profile, whatever the copy says.

use crate::core::content::Pack;
use crate::core::profile::{Card, MentorReview, Profile, Review, Reviewer};

/// What comes in from the copy.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    /// The review, to take whole.
    pub review: MentorReview,
    /// Answers the mentor graded that the profile does not have yet, oldest
    /// first, each with the question's scheduler state when the copy's
    /// state is the one this answer left and is newer than the profile's.
    pub reviews: Vec<(Review, Option<Card>)>,
}

/// What came in, in numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// The mentor's ratings in the copy.
    pub ratings: usize,
    /// Of them, ratings of indicators the profile's review did not rate.
    pub new: usize,
    /// Of them, ratings whose score or comment differ from the profile's review.
    pub changed: usize,
    /// Ratings with a comment.
    pub comments: usize,
    /// Whether the copy has notes.
    pub notes: bool,
    /// Steps of the plan.
    pub plan: usize,
    /// Answers graded by the mentor that are added to the log.
    pub reviews: usize,
    /// Ids in the review the pack does not have, each with the nearest real
    /// id when one is close.
    pub unknown: Vec<(String, Option<String>)>,
}

/// What of `copy` comes into `profile`; `None` when the copy has no review.
pub fn incoming(pack: &Pack, profile: &Profile, copy: &Profile) -> Option<(Incoming, Summary)> {
    let review = copy.mentor.clone()?;
    let before = profile.mentor.as_ref();
    let mut summary = Summary {
        ratings: review.ratings.len(),
        comments: review
            .ratings
            .values()
            .filter(|r| r.comment.is_some())
            .count(),
        notes: review.notes.is_some(),
        plan: review.plan.len(),
        ..Summary::default()
    };
    for (id, rating) in &review.ratings {
        match before.and_then(|b| b.ratings.get(id)) {
            None => summary.new += 1,
            Some(old) if old != rating => summary.changed += 1,
            Some(_) => {}
        }
    }
    summary.unknown = unknown_ids(pack, &review);
    let reviews: Vec<(Review, Option<Card>)> = copy
        .drill
        .reviews
        .iter()
        .filter(|r| matches!(r.by, Reviewer::Mentor(_)))
        .filter(|r| {
            !profile
                .drill
                .reviews
                .iter()
                .any(|mine| mine.question == r.question && mine.at == r.at && mine.by == r.by)
        })
        .map(|r| {
            let card = copy
                .drill
                .cards
                .get(&r.question)
                .filter(|c| c.last_review == r.at)
                .filter(|_| {
                    profile
                        .drill
                        .cards
                        .get(&r.question)
                        .is_none_or(|mine| mine.last_review < r.at)
                })
                .cloned();
            (r.clone(), card)
        })
        .collect();
    summary.reviews = reviews.len();
    Some((Incoming { review, reviews }, summary))
}

/// The ids the review rates that the pack does not have, each with the
/// nearest real id when one is close (a likely typo).
pub fn unknown_ids(pack: &Pack, review: &MentorReview) -> Vec<(String, Option<String>)> {
    review
        .ratings
        .keys()
        .filter(|id| pack.indicator(id).is_none())
        .map(|id| {
            let ids = pack.indicators().map(|(_, i)| i.id.as_str());
            let near = crate::core::content::diag::did_you_mean(id, ids).map(str::to_owned);
            (id.to_string(), near)
        })
        .collect()
}
