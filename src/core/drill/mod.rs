//! Drill: practising the promotion defense (sessions, grading, scheduling).
//!
//! Pure functions over the pack, the profile and an instant; what they
//! decide reaches the profile only as a [`Command`] applied by the
//! [`crate::core::workspace::Workspace`]. `docs/drill.md` explains the rules.

mod grade;
mod schedule;
mod session;
mod stats;
mod status;
mod weak;

pub use grade::suggest;
pub use schedule::{DESIRED_RETENTION, RELEARN_MINUTES, clamp_to_defense, days_between, next_card};
pub use session::{
    Choice, DEFAULT_COUNT, DEFAULT_SECONDS, Item, NEW_PER_DAY, Plan, Timing, build,
    follow_up_limit, time_limit,
};
pub use stats::{
    CategoryCoverage, FORECAST_DAYS, PastSession, SESSION_GAP_MINUTES, Stats, coverage_of,
    sessions, stats,
};
pub use status::{
    Backlog, OrphanedQuestion, backlog, changed_questions, is_due, last_grade, orphaned,
    prompt_changed, prompt_hash, reviews_of,
};
pub use weak::{question_ranks, weak_indicators};

use crate::core::clock::OffsetDateTime;
use crate::core::content::Pack;
use crate::core::ids::QuestionId;
use crate::core::profile::{Grade, Profile, Review, Reviewer, SessionKind};
use crate::core::workspace::Command;

/// One graded answer, as a session hands it over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The question.
    pub question: QuestionId,
    /// The follow-up answered, in a mock.
    pub follow_up: Option<usize>,
    /// The kind of session.
    pub kind: SessionKind,
    /// The grade given.
    pub grade: Grade,
    /// Seconds used.
    pub seconds: u32,
    /// Indexes of the key points covered.
    pub covered: Vec<u32>,
    /// Who graded it.
    pub by: Reviewer,
}

/// The command that logs `answer` at `at` and, unless it was cram or a
/// follow-up, moves the question's card as FSRS says.
pub fn record(pack: &Pack, profile: &Profile, answer: Answer, at: OffsetDateTime) -> Command {
    // Whole seconds: the log is read by people, and nothing finer matters.
    let at = at.replace_nanosecond(0).unwrap_or(at);
    let question = pack.question(&answer.question);
    let scheduled = answer.kind != SessionKind::Cram && answer.follow_up.is_none();
    let card = scheduled.then(|| {
        next_card(
            profile.drill.cards.get(answer.question.as_str()),
            answer.grade,
            at,
            profile.defense_date,
        )
    });
    let mut covered = answer.covered;
    covered.sort_unstable();
    covered.dedup();
    Command::RecordReview {
        review: Box::new(Review {
            question: answer.question,
            at,
            grade: answer.grade,
            seconds: answer.seconds,
            covered,
            by: answer.by,
            kind: answer.kind,
            prompt_hash: question.map(prompt_hash),
            follow_up: answer
                .follow_up
                .map(|i| u32::try_from(i).unwrap_or(u32::MAX)),
        }),
        card,
    }
}

#[cfg(test)]
mod tests;
