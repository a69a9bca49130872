//! The profile file (version 1): one person's self-ratings, a mentor's review and
//! snapshots of their readiness over time.
//!
//! The types here are the file format. Loading neutralises control characters
//! in free text (see [`crate::core::sanitize`]); scores are not checked against
//! a content pack here, because ratings for ids the pack does not know must be
//! kept.

mod error;
mod name;
mod parse;
mod store;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::sanitize::neutralize_in_place;

pub use error::ProfileError;
pub use name::{MAX_NAME_LEN, validate_profile_name};
pub use parse::{MAX_PROFILE_BYTES, parse_profile, profile_to_yaml};
pub use store::{
    ProfileStore, default_data_dir, move_profile_file_aside, read_profile_file, save_profile_file,
};

/// The profile file version this build reads and writes.
pub const PROFILE_VERSION: u32 = 1;

/// One profile file: a person's ratings against a level model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// File format version; [`PROFILE_VERSION`] for files this build writes.
    pub version: u32,
    /// The profile's name, which is also its file name in the store.
    pub profile: String,
    /// The level the person is aiming for, when they chose one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_level: Option<String>,
    /// Self-ratings by indicator id, including ids the current pack does not know.
    #[serde(default)]
    pub ratings: BTreeMap<String, Rating>,
    /// A mentor's ratings beside the self-ratings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentor: Option<MentorReview>,
    /// Readiness recorded at earlier moments, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Snapshot>,
}

/// A self-rating of one indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// One of the pack's scale values.
    pub score: u32,
    /// What backs the score up (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// The day the rating last changed, as `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
}

/// A mentor's review of the profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MentorReview {
    /// Who the mentor is.
    pub name: String,
    /// The mentor's ratings by indicator id.
    #[serde(default)]
    pub ratings: BTreeMap<String, MentorRating>,
    /// The mentor's overall notes (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A mentor's rating of one indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MentorRating {
    /// One of the pack's scale values.
    pub score: u32,
    /// Why the mentor sees it so (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// Readiness at one moment, kept to show progress over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// The day of the snapshot, as `YYYY-MM-DD`.
    pub date: String,
    /// The level reached then, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_level: Option<String>,
    /// The level aimed at then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_level: Option<String>,
    /// Readiness by level id.
    pub levels: BTreeMap<String, f64>,
    /// Readiness by dimension id, then level id.
    #[serde(default)]
    pub dimensions: BTreeMap<String, BTreeMap<String, f64>>,
}

impl Profile {
    /// An empty profile of the current version named `name`.
    pub fn new(name: &str) -> Self {
        Self {
            version: PROFILE_VERSION,
            profile: name.to_string(),
            target_level: None,
            ratings: BTreeMap::new(),
            mentor: None,
            history: Vec::new(),
        }
    }

    /// Replaces control characters in every text value with U+FFFD.
    ///
    /// Map keys are ids and are left exactly as they are, so that ratings for
    /// ids a pack does not know survive a load and save unchanged; anything that
    /// shows an id to a person must neutralise it itself.
    pub(crate) fn neutralize_text(&mut self) {
        neutralize_in_place(&mut self.profile);
        neutralize_option(&mut self.target_level);
        for rating in self.ratings.values_mut() {
            neutralize_option(&mut rating.evidence);
            neutralize_option(&mut rating.updated);
        }
        if let Some(mentor) = &mut self.mentor {
            neutralize_in_place(&mut mentor.name);
            neutralize_option(&mut mentor.notes);
            for rating in mentor.ratings.values_mut() {
                neutralize_option(&mut rating.comment);
            }
        }
        for snapshot in &mut self.history {
            neutralize_in_place(&mut snapshot.date);
            neutralize_option(&mut snapshot.current_level);
            neutralize_option(&mut snapshot.target_level);
        }
    }
}

fn neutralize_option(text: &mut Option<String>) {
    if let Some(text) = text {
        neutralize_in_place(text);
    }
}
