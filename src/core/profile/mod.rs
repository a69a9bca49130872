//! The profile file (version 2): one person's self-ratings, a mentor's review,
//! snapshots of their readiness over time and their drill history.
//!
//! Version 1 files (no `pack`, `defense_date`, `drill`, nor the mentor's
//! `date` and `plan`) are read forever; a save writes version 2.
//!
//! The types here are the file format. Loading neutralises control characters
//! in free text and map keys (see [`crate::core::sanitize`]); scores are not checked against
//! a content pack here, because ratings for ids the pack does not know must be
//! kept.

mod drill;
mod error;
mod name;
pub(crate) mod parse;
pub mod review_log;
mod share;
mod store;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::clock::{Date, date_serde};
use crate::core::ids::{IndicatorId, LevelId};
use crate::core::sanitize::{is_dangerous, neutralize_controls, neutralize_in_place};

pub use drill::{Card, DrillLog, Grade, Review, Reviewer, SessionKind};

pub use error::ProfileError;
pub use name::{MAX_NAME_LEN, validate_profile_name};
pub use parse::{MAX_PROFILE_BYTES, parse_profile, profile_to_yaml};
pub use store::{
    Document, Expect, ProfileStore, default_data_dir, delete_document, move_profile_file_aside,
    read_document, read_profile_file, save_document, save_document_if, save_profile_file,
    text_hash,
};

/// The profile file version this build reads and writes.
pub const PROFILE_VERSION: u32 = 2;

/// The oldest profile file version this build still reads.
pub const OLDEST_PROFILE_VERSION: u32 = 1;

/// One profile file: a person's ratings against a level model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// File format version; [`PROFILE_VERSION`] for files this build writes.
    pub version: u32,
    /// The profile's name, which is also its file name in the store.
    pub profile: String,
    /// The pack the profile was last saved with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<PackRef>,
    /// The level the person is aiming for, when they chose one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_level: Option<LevelId>,
    /// The day of the promotion defense, when it is known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "date_serde::option"
    )]
    pub defense_date: Option<Date>,
    /// Self-ratings by indicator id, including ids the current pack does not know.
    #[serde(default)]
    pub ratings: BTreeMap<IndicatorId, Rating>,
    /// A mentor's ratings beside the self-ratings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentor: Option<MentorReview>,
    /// Readiness recorded at earlier moments, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Snapshot>,
    /// Mock-defense practice: the scheduler's state per question and every review.
    #[serde(default, skip_serializing_if = "DrillLog::is_empty")]
    pub drill: DrillLog,
}

/// Which pack, at which version, a profile was saved with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackRef {
    pub id: String,
    pub version: String,
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
    /// The day the rating last changed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "date_serde::option"
    )]
    pub updated: Option<Date>,
}

/// A mentor's review of the profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MentorReview {
    /// Who the mentor is.
    pub name: String,
    /// The day of the review (the mentor's last change).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "date_serde::option"
    )]
    pub date: Option<Date>,
    /// The mentor's ratings by indicator id.
    #[serde(default)]
    pub ratings: BTreeMap<IndicatorId, MentorRating>,
    /// The mentor's overall notes (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// What mentor and mentee agreed to do next.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<PlanStep>,
}

/// One agreed step of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanStep {
    /// What is to be done (Markdown).
    pub step: String,
    /// Who does it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// By when.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "date_serde::option"
    )]
    pub due: Option<Date>,
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
    /// The day of the snapshot.
    #[serde(with = "date_serde")]
    pub date: Date,
    /// The level reached then, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_level: Option<LevelId>,
    /// The level aimed at then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_level: Option<LevelId>,
    /// Readiness by level id.
    #[serde(deserialize_with = "share::levels")]
    pub levels: BTreeMap<String, f64>,
    /// Readiness by dimension id, then level id.
    #[serde(default, deserialize_with = "share::dimensions")]
    pub dimensions: BTreeMap<String, BTreeMap<String, f64>>,
}

impl Profile {
    /// An empty profile of the current version named `name`.
    pub fn new(name: &str) -> Self {
        Self {
            version: PROFILE_VERSION,
            profile: name.to_string(),
            pack: None,
            target_level: None,
            defense_date: None,
            ratings: BTreeMap::new(),
            mentor: None,
            history: Vec::new(),
            drill: DrillLog::default(),
        }
    }

    /// Replaces control characters in every text value and map key with U+FFFD.
    ///
    /// Ids a pack does not know survive a load and save unchanged: no pack id
    /// holds a control character, so a key that has one names nothing, and
    /// neutralising it loses no rating (of two such keys that become the
    /// same, the first is kept). The file written back is then clean too.
    pub(crate) fn neutralize_text(&mut self) {
        neutralize_keys(&mut self.ratings);
        neutralize_in_place(&mut self.profile);
        if let Some(pack) = &mut self.pack {
            neutralize_in_place(&mut pack.id);
            neutralize_in_place(&mut pack.version);
        }
        if let Some(level) = &mut self.target_level {
            neutralize_in_place(level.text_mut());
        }
        for rating in self.ratings.values_mut() {
            neutralize_option(&mut rating.evidence);
        }
        if let Some(mentor) = &mut self.mentor {
            neutralize_in_place(&mut mentor.name);
            neutralize_option(&mut mentor.notes);
            neutralize_keys(&mut mentor.ratings);
            for rating in mentor.ratings.values_mut() {
                neutralize_option(&mut rating.comment);
            }
            for step in &mut mentor.plan {
                neutralize_in_place(&mut step.step);
                neutralize_option(&mut step.owner);
            }
        }
        for snapshot in &mut self.history {
            neutralize_keys(&mut snapshot.levels);
            neutralize_keys(&mut snapshot.dimensions);
            for levels in snapshot.dimensions.values_mut() {
                neutralize_keys(levels);
            }
            for level in [&mut snapshot.current_level, &mut snapshot.target_level]
                .into_iter()
                .flatten()
            {
                neutralize_in_place(level.text_mut());
            }
        }
        self.drill.neutralize_text();
    }
}

/// Neutralises the keys of `map`, which is left as it is when no key needs it.
pub(crate) fn neutralize_keys<K, V>(map: &mut BTreeMap<K, V>)
where
    K: Ord + std::borrow::Borrow<str> + From<String>,
{
    if !map.keys().any(|k| k.borrow().chars().any(is_dangerous)) {
        return;
    }
    for (key, value) in std::mem::take(map) {
        let clean = neutralize_controls(key.borrow()).into_owned();
        map.entry(K::from(clean)).or_insert(value);
    }
}

fn neutralize_option(text: &mut Option<String>) {
    if let Some(text) = text {
        neutralize_in_place(text);
    }
}
