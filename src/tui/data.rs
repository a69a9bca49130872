//! What the screens show and change: the pack, the profile and its scores.
//!
//! Screens change the profile through [`Data`] and then ask the loop to save
//! it (an `Effect`); they never touch files themselves.

use crate::core::content::Pack;
use crate::core::profile::Profile;
use crate::core::progress;
use crate::core::report;
use crate::core::score::Assessment;

/// Whether the profile on disk matches the one on screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing changed since start-up.
    #[default]
    Clean,
    /// The last change is on disk.
    Saved,
    /// The last save failed with this message; the change is kept in memory
    /// and saving is retried with the next change or tick.
    Failed(String),
}

/// The pack, the profile, and the scores computed from them.
#[derive(Debug, Clone)]
pub struct Data {
    /// The content pack.
    pub pack: Pack,
    /// The person's profile, as last changed.
    pub profile: Profile,
    /// Scores of `profile` against `pack`, kept in step by [`Data::rescore`].
    pub assessment: Assessment,
    /// Today's date (`YYYY-MM-DD`), given by the loop so screens have no clock.
    pub today: String,
    /// The state of saving.
    pub save: SaveStatus,
}

impl Data {
    /// Data for `profile` against `pack` on `today`.
    pub fn new(pack: Pack, profile: Profile, today: &str) -> Self {
        let assessment = report::assess(&pack, &profile);
        Data {
            pack,
            profile,
            assessment,
            today: today.to_owned(),
            save: SaveStatus::Clean,
        }
    }

    /// Recomputes the scores after the profile changed, and records today's
    /// history snapshot.
    pub fn rescore(&mut self) {
        self.assessment = report::assess(&self.pack, &self.profile);
        progress::record(&mut self.profile, &self.assessment, &self.today);
    }

    /// The pack's default language.
    pub fn fallback(&self) -> &str {
        self.pack.default_language()
    }

    /// Whether a level is reached above the current one (or with no current
    /// one): without the rule for the current level that reads as a
    /// contradiction, so the screens then state it.
    pub fn reached_above_current(&self) -> bool {
        let a = &self.assessment;
        let current = a
            .current_level
            .as_deref()
            .and_then(|id| a.levels.iter().position(|l| l.id == id));
        a.levels
            .iter()
            .enumerate()
            .any(|(i, l)| l.reached && current.is_none_or(|c| i > c))
    }
}
