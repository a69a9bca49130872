//! The drill section of the profile: the scheduler's state per question and
//! the log of every answer, oldest first (SPEC §3).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::clock::{OffsetDateTime, instant_serde};
use crate::core::ids::QuestionId;
use crate::core::sanitize::neutralize_in_place;

/// Mock-defense practice kept in the profile.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrillLog {
    /// The scheduler's state per question, including ids the pack no longer has.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub cards: BTreeMap<QuestionId, Card>,
    /// Every answer graded, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
}

impl DrillLog {
    /// Whether nothing was ever drilled.
    pub fn is_empty(&self) -> bool {
        self.cards.is_empty() && self.reviews.is_empty()
    }

    pub(crate) fn neutralize_text(&mut self) {
        super::neutralize_keys(&mut self.cards);
        for review in &mut self.reviews {
            neutralize_in_place(review.question.text_mut());
            if let Reviewer::Mentor(name) = &mut review.by {
                neutralize_in_place(name);
            }
            if let Some(prompt) = &mut review.prompt_hash {
                neutralize_in_place(prompt);
            }
        }
    }
}

/// What the scheduler knows of one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// When it is next due.
    #[serde(with = "instant_serde")]
    pub due: OffsetDateTime,
    /// FSRS memory stability, in days.
    pub stability: f64,
    /// FSRS difficulty, 1 to 10.
    pub difficulty: f64,
    /// How many times it was graded.
    pub reps: u32,
    /// How many times it was graded Again after having been learnt.
    pub lapses: u32,
    /// When it was last graded.
    #[serde(with = "instant_serde")]
    pub last_review: OffsetDateTime,
}

/// One graded answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub question: QuestionId,
    /// When it was graded.
    #[serde(with = "instant_serde")]
    pub at: OffsetDateTime,
    pub grade: Grade,
    /// Seconds spent answering.
    pub seconds: u32,
    /// Indexes of the key points ticked as covered.
    #[serde(default)]
    pub covered: Vec<u32>,
    /// Who graded it.
    #[serde(default)]
    pub by: Reviewer,
    /// Which kind of session it was part of.
    pub kind: SessionKind,
    /// A fingerprint of the question's prompt when it was graded, so a
    /// question whose text changed since can be marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_hash: Option<String>,
    /// In a mock defense, the index of the follow-up question answered
    /// (the main question's schedule does not change for it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<u32>,
}

/// How well an answer went, as in Anki.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Again,
    Hard,
    Good,
    Easy,
}

impl Grade {
    /// Every grade, from worst to best (the keys `1`–`4`).
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    /// The grade's name in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Again => "again",
            Grade::Hard => "hard",
            Grade::Good => "good",
            Grade::Easy => "easy",
        }
    }
}

/// The kinds of drill session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    /// What the scheduler says is due.
    Due,
    /// A question never drilled before.
    New,
    /// Questions that probe the person's gaps.
    Weak,
    /// A mock defense: questions for the target level with follow-ups.
    Mock,
    /// Practice outside the schedule, which it does not change.
    Cram,
}

impl SessionKind {
    /// The kind's name in files.
    pub fn as_str(self) -> &'static str {
        match self {
            SessionKind::Due => "due",
            SessionKind::New => "new",
            SessionKind::Weak => "weak",
            SessionKind::Mock => "mock",
            SessionKind::Cram => "cram",
        }
    }
}

/// Who graded an answer: the person themselves, or their mentor by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Reviewer {
    #[default]
    Own,
    Mentor(String),
}

impl Serialize for Reviewer {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Reviewer::Own => s.serialize_str("self"),
            Reviewer::Mentor(name) => s.serialize_str(name),
        }
    }
}

impl<'de> Deserialize<'de> for Reviewer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        Ok(if name == "self" {
            Reviewer::Own
        } else {
            Reviewer::Mentor(name)
        })
    }
}
