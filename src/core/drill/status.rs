//! Where each question stands: new, due, scheduled later, changed since it
//! was last drilled, or orphaned (drilled, but gone from the pack).

use crate::core::clock::{Date, OffsetDateTime};
use crate::core::content::{Pack, Question};
use crate::core::profile::{Card, DrillLog, Grade, Review};

/// A fingerprint of a question's prompt in every language: FNV-1a, 64 bits,
/// in hex. Stable across builds, so it can be kept in the profile.
pub fn prompt_hash(question: &Question) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in question.prompt.all() {
        for byte in part.bytes().chain([0u8]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// The end of `today`: what is due before it is due today.
fn due_by(card: &Card, today: Date, now: OffsetDateTime) -> bool {
    card.due.to_offset(now.offset()).date() <= today
}

/// Whether a card is due today (or overdue), as seen at `now`.
pub fn is_due(card: &Card, now: OffsetDateTime) -> bool {
    due_by(card, now.date(), now)
}

/// The reviews of `question` (main answers, not follow-ups), oldest first.
pub fn reviews_of<'a>(log: &'a DrillLog, question: &'a str) -> impl Iterator<Item = &'a Review> {
    log.reviews
        .iter()
        .filter(move |r| r.question.as_str() == question && r.follow_up.is_none())
}

/// The last grade given to `question`'s own answer.
pub fn last_grade(log: &DrillLog, question: &str) -> Option<Grade> {
    reviews_of(log, question).last().map(|r| r.grade)
}

/// Whether the question's prompt changed since it was last graded (only
/// reviews that recorded a fingerprint can tell).
pub fn prompt_changed(log: &DrillLog, question: &Question) -> bool {
    reviews_of(log, &question.id.value)
        .filter_map(|r| r.prompt_hash.as_deref())
        .last()
        .is_some_and(|h| h != prompt_hash(question))
}

/// Questions of the pack whose prompt changed since they were last graded.
pub fn changed_questions<'a>(pack: &'a Pack, log: &DrillLog) -> Vec<&'a Question> {
    pack.questions
        .iter()
        .filter(|q| prompt_changed(log, q))
        .collect()
}

/// A question id drilled before but no longer in the pack; its history is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrphanedQuestion {
    /// The id.
    pub id: String,
    /// How many answers were logged for it.
    pub reviews: usize,
    /// Whether it still has a scheduler card.
    pub card: bool,
}

/// Question ids in the profile's drill log that the pack does not have, in id order.
pub fn orphaned(pack: &Pack, log: &DrillLog) -> Vec<OrphanedQuestion> {
    let mut ids: Vec<&str> = log
        .cards
        .keys()
        .map(|k| k.as_str())
        .chain(log.reviews.iter().map(|r| r.question.as_str()))
        .filter(|id| pack.question(id).is_none())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter()
        .map(|id| OrphanedQuestion {
            id: id.to_owned(),
            reviews: log
                .reviews
                .iter()
                .filter(|r| r.question.as_str() == id)
                .count(),
            card: log.cards.contains_key(id),
        })
        .collect()
}

/// What is waiting today, over the pack's questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Backlog {
    /// Scheduled questions due today or overdue.
    pub due_today: usize,
    /// Questions never scheduled.
    pub new: usize,
    /// New questions already started today (they count against the daily limit).
    pub new_started_today: usize,
}

/// How many questions are due today and how many are new.
pub fn backlog(pack: &Pack, log: &DrillLog, now: OffsetDateTime) -> Backlog {
    let mut backlog = Backlog::default();
    for q in &pack.questions {
        match log.cards.get(q.id.value.as_str()) {
            Some(card) if is_due(card, now) => backlog.due_today += 1,
            Some(_) => {}
            None => backlog.new += 1,
        }
    }
    backlog.new_started_today = log
        .reviews
        .iter()
        .filter(|r| {
            r.kind == crate::core::profile::SessionKind::New
                && r.follow_up.is_none()
                && r.at.to_offset(now.offset()).date() == now.date()
        })
        .count();
    backlog
}
