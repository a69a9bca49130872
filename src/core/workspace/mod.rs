//! The one place that changes what a person saved.
//!
//! A [`Workspace`] owns the pack, the profile, the assessment computed from
//! them and the clock. Screens and subcommands change the profile only by
//! [`Workspace::apply`]ing a typed [`Command`]; each command re-scores,
//! records the day's history snapshot and says what must be saved, so
//! "change, re-score, save" is written once, here.

mod runs;

pub use runs::RunCommand;

use std::collections::BTreeSet;

use super::assess;
use super::checklist::Run;
use super::clock::{Date, ManualClock, OffsetDateTime, SharedClock};
use super::content::Pack;
use super::ids::{IndicatorId, LevelId, QuestionId, RunId};
use super::profile::{Card, MentorRating, MentorReview, PackRef, PlanStep, Profile, Review};
use super::progress;
use super::score::{self, Assessment};

/// Whether what is on screen is on disk.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing changed since start-up.
    #[default]
    Clean,
    /// The last change is on disk.
    Saved,
    /// The last save failed with this message; the change is kept in memory
    /// and saving is retried with the next action.
    Failed(String),
}

/// A file a change must be written to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Save {
    /// The profile file.
    Profile,
    /// A checklist run's file; a run no longer in the workspace is deleted.
    Run(RunId),
}

/// A change to what a person saved.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Rate an indicator of the pack with one of the scale's values.
    Rate { indicator: IndicatorId, score: u32 },
    /// Remove a self-rating and its evidence.
    ClearRating { indicator: IndicatorId },
    /// Set the evidence of a rated indicator; blank text removes it.
    SetEvidence {
        indicator: IndicatorId,
        text: String,
    },
    /// Choose the target level, or `None` to follow the rule.
    SetTarget(Option<LevelId>),
    /// Set or clear the day of the promotion defense.
    SetDefenseDate(Option<Date>),
    /// Delete the ratings (own and the mentor's) of an id the pack does not have.
    DeleteOrphan { indicator: IndicatorId },
    /// Log a graded drill answer, with the question's new scheduler state
    /// (`None` for practice that does not change the schedule).
    RecordReview {
        review: Box<Review>,
        card: Option<Card>,
    },
    /// Forget a question's scheduler state (its text changed, say); the
    /// review log keeps its past.
    ResetCard { question: QuestionId },
    /// The mentor `mentor` rates an indicator.
    MentorRate {
        mentor: String,
        indicator: IndicatorId,
        score: u32,
    },
    /// The mentor's comment on an indicator; blank text removes it.
    MentorComment {
        mentor: String,
        indicator: IndicatorId,
        text: String,
    },
    /// The mentor's overall notes; blank text removes them.
    MentorNotes { mentor: String, text: String },
    /// The plan mentor and mentee agreed.
    MentorPlan { mentor: String, plan: Vec<PlanStep> },
    /// Take only the mentor's part of another copy of the profile.
    MergeMentor(Box<MentorReview>),
    /// Replace the whole profile (an import), keeping its name.
    Replace(Box<Profile>),
    /// A change to a checklist run (saved to the run's own file).
    Checklist(RunCommand),
}

/// Why a command was not carried out. Nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("the pack has no indicator `{0}`")]
    UnknownIndicator(String),
    #[error("the pack has no level `{0}`")]
    UnknownLevel(String),
    #[error("{score} is not on the pack's scale")]
    OffScale { score: u32 },
    #[error("`{0}` is not rated yet; evidence belongs to a rating")]
    NotRated(String),
    #[error("`{0}` is an indicator of the pack; only orphaned ratings are deleted")]
    NotOrphaned(String),
    #[error("a mentor needs a name")]
    NoMentorName,
    #[error("the pack has no checklist `{0}`")]
    UnknownChecklist(String),
    #[error("there is no checklist run `{0}`")]
    UnknownRun(String),
    #[error("the run's checklist has no item `{0}`")]
    UnknownItem(String),
    #[error("a checklist run needs a name")]
    NoRunName,
    #[error("run `{0}` is not finished; only a finished run is evidence")]
    NotFinished(String),
}

/// What a command did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// It was already so: nothing to save.
    Unchanged,
    /// Something changed and must be written to these files.
    Changed(Vec<Save>),
}

impl Outcome {
    /// Whether anything changed.
    pub fn changed(&self) -> bool {
        matches!(self, Outcome::Changed(_))
    }
}

/// The pack, the profile, the scores and the clock.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// The content pack.
    pub pack: Pack,
    /// The person's profile, as last changed.
    pub profile: Profile,
    /// Scores of `profile` against `pack`, kept in step by every command.
    pub assessment: Assessment,
    /// The state of saving.
    pub save: SaveStatus,
    /// The profile's checklist runs, oldest first.
    pub runs: Vec<Run>,
    /// Run files that could not be read, with why: left as they are, their
    /// ids stay taken.
    pub run_problems: Vec<(RunId, String)>,
    /// Files whose last save failed, to be written again.
    pending: BTreeSet<Save>,
    clock: SharedClock,
    now: OffsetDateTime,
    /// The commands applied since the last successful save: replayed on top
    /// of the file when another writer changed it in between.
    journal: Vec<Command>,
    /// The hash of the profile file's text as last read or written here
    /// (`None`: no file yet); see [`crate::core::profile::Expect::Hash`].
    pub disk: Option<u64>,
}

impl Workspace {
    /// A workspace on `profile` against `pack`, telling time by `clock`.
    pub fn new(pack: Pack, profile: Profile, clock: SharedClock) -> Self {
        let assessment = score::assess(&pack, &profile);
        let now = clock.now();
        Workspace {
            pack,
            profile,
            assessment,
            save: SaveStatus::Clean,
            runs: Vec::new(),
            run_problems: Vec::new(),
            pending: BTreeSet::new(),
            clock,
            now,
            journal: Vec::new(),
            disk: None,
        }
    }

    /// A workspace whose clock stands still at 09:00 UTC on `day`: for
    /// tests, and for commands that only need the day.
    pub fn on_day(pack: Pack, profile: Profile, day: Date) -> Self {
        let at = day
            .with_hms(9, 0, 0)
            .map_or_else(|_| day.midnight().assume_utc(), |t| t.assume_utc());
        Workspace::new(pack, profile, std::sync::Arc::new(ManualClock::new(at)))
    }

    /// The instant last observed (see [`Workspace::observe`]): commands and
    /// screens work with it, so nothing in between reads the clock.
    pub fn now(&self) -> OffsetDateTime {
        self.now
    }

    /// Today, as of the instant last observed.
    pub fn today(&self) -> Date {
        self.now.date()
    }

    /// The clock itself, for whoever stamps the loop's ticks.
    pub fn clock(&self) -> &SharedClock {
        &self.clock
    }

    /// Reads the clock (the loop does, before each event): see [`Workspace::set_now`].
    pub fn observe(&mut self) -> bool {
        let now = self.clock.now();
        self.set_now(now)
    }

    /// Moves the workspace's time to `now`; returns whether the day rolled
    /// over (what is "due today" moved, and the next change starts a new
    /// history day). Time does not go backwards.
    pub fn set_now(&mut self, now: OffsetDateTime) -> bool {
        if now <= self.now {
            return false;
        }
        let rolled = now.date() != self.now.date();
        self.now = now;
        rolled
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

    /// Carries out `command`: on a change, re-scores, records today's
    /// history snapshot and says which files to save.
    pub fn apply(&mut self, command: Command) -> Result<Outcome, Refused> {
        // Checklist runs are files of their own: only profile changes are
        // replayed over a newer profile file.
        let replayable = !matches!(command, Command::Checklist(_));
        let outcome = self.carry_out(command.clone())?;
        if outcome.changed() && replayable {
            self.journal.push(command);
        }
        Ok(outcome)
    }

    /// Takes the newer profile another writer saved (its file's text has
    /// hash `disk`) and replays on top of it what was changed here since the
    /// last save, so neither writer's change is lost; for one rating, the
    /// change made here, the later one, wins. Returns whether anything here
    /// was replayed (and so must still be saved).
    pub fn rebase(&mut self, newer: Profile, disk: Option<u64>) -> bool {
        let name = std::mem::take(&mut self.profile.profile);
        self.profile = newer;
        self.profile.profile = name;
        self.disk = disk;
        let journal = std::mem::take(&mut self.journal);
        for command in journal {
            // What no longer applies (a rating removed there, say) is dropped.
            if let Ok(outcome) = self.carry_out(command.clone())
                && outcome.changed()
            {
                self.journal.push(command);
            }
        }
        self.assessment = score::assess(&self.pack, &self.profile);
        !self.journal.is_empty()
    }

    /// Whether changes made here are not on disk yet.
    pub fn has_unsaved_changes(&self) -> bool {
        !self.journal.is_empty()
    }

    fn carry_out(&mut self, command: Command) -> Result<Outcome, Refused> {
        let today = self.today();
        let changed = match command {
            Command::Checklist(command) => return self.apply_run(command),
            Command::Rate { indicator, score } => {
                self.known_indicator(&indicator)?;
                self.on_scale(score)?;
                assess::rate(&mut self.profile, &indicator, score, today)
            }
            Command::ClearRating { indicator } => {
                assess::clear_rating(&mut self.profile, &indicator)
            }
            Command::SetEvidence { indicator, text } => {
                assess::set_evidence(&mut self.profile, &indicator, &text, today)
                    .ok_or_else(|| Refused::NotRated(indicator.into_string()))?
            }
            Command::SetTarget(level) => {
                if let Some(level) = &level
                    && self.pack.level(level).is_none()
                {
                    return Err(Refused::UnknownLevel(level.to_string()));
                }
                assess::set_target(&mut self.profile, &self.pack, level.as_deref())
            }
            Command::SetDefenseDate(date) => {
                let changed = self.profile.defense_date != date;
                self.profile.defense_date = date;
                changed
            }
            Command::DeleteOrphan { indicator } => {
                if self.pack.indicator(&indicator).is_some() {
                    return Err(Refused::NotOrphaned(indicator.into_string()));
                }
                assess::delete_orphan(&mut self.profile, &self.pack, &indicator)
            }
            Command::RecordReview { review, card } => {
                if let Some(card) = card {
                    self.profile
                        .drill
                        .cards
                        .insert(review.question.clone(), card);
                }
                self.profile.drill.reviews.push(*review);
                true
            }
            Command::ResetCard { question } => self.profile.drill.cards.remove(&question).is_some(),
            Command::MentorRate {
                mentor,
                indicator,
                score,
            } => {
                self.known_indicator(&indicator)?;
                self.on_scale(score)?;
                let review = self.mentor_review(mentor)?;
                let comment = review
                    .ratings
                    .get(&indicator)
                    .and_then(|r| r.comment.clone());
                let new = MentorRating { score, comment };
                if review.ratings.get(&indicator) == Some(&new) {
                    false
                } else {
                    review.ratings.insert(indicator, new);
                    review.date = Some(today);
                    true
                }
            }
            Command::MentorComment {
                mentor,
                indicator,
                text,
            } => {
                let review = self.mentor_review(mentor)?;
                let rating = review
                    .ratings
                    .get_mut(&indicator)
                    .ok_or_else(|| Refused::NotRated(indicator.to_string()))?;
                let new = blank_to_none(&text);
                if rating.comment == new {
                    false
                } else {
                    rating.comment = new;
                    review.date = Some(today);
                    true
                }
            }
            Command::MentorNotes { mentor, text } => {
                let review = self.mentor_review(mentor)?;
                let new = blank_to_none(&text);
                if review.notes == new {
                    false
                } else {
                    review.notes = new;
                    review.date = Some(today);
                    true
                }
            }
            Command::MentorPlan { mentor, plan } => {
                let review = self.mentor_review(mentor)?;
                if review.plan == plan {
                    false
                } else {
                    review.plan = plan;
                    review.date = Some(today);
                    true
                }
            }
            Command::MergeMentor(review) => {
                let changed = self.profile.mentor.as_ref() != Some(&review);
                self.profile.mentor = Some(*review);
                changed
            }
            Command::Replace(profile) => {
                let name = std::mem::take(&mut self.profile.profile);
                self.profile = *profile;
                self.profile.profile = name;
                true
            }
        };
        if !changed {
            return Ok(Outcome::Unchanged);
        }
        self.assessment = score::assess(&self.pack, &self.profile);
        progress::record(&mut self.profile, &self.assessment, today);
        self.profile.pack = Some(PackRef {
            id: self.pack.id().to_owned(),
            version: self
                .pack
                .meta
                .version
                .as_ref()
                .map_or_else(String::new, |v| v.value.clone()),
        });
        Ok(Outcome::Changed(vec![Save::Profile]))
    }

    /// Scores the profile again after a test changed it by hand.
    #[cfg(test)]
    pub(crate) fn rescore(&mut self) {
        self.assessment = score::assess(&self.pack, &self.profile);
    }

    /// Records the outcome of writing `target`: on success, the hash of the
    /// profile text written (when known) becomes what is expected on disk
    /// next time.
    pub fn saved(&mut self, target: &Save, result: Result<Option<u64>, String>) {
        match result {
            Ok(hash) => {
                self.pending.remove(target);
                if *target == Save::Profile {
                    self.journal.clear();
                    if hash.is_some() {
                        self.disk = hash;
                    }
                }
                if self.pending.is_empty() {
                    self.save = SaveStatus::Saved;
                }
            }
            Err(message) => {
                self.pending.insert(target.clone());
                self.save = SaveStatus::Failed(message);
            }
        }
    }

    /// The files still to be written after a failed save.
    pub fn unsaved(&self) -> Vec<Save> {
        self.pending.iter().cloned().collect()
    }

    fn known_indicator(&self, id: &str) -> Result<(), Refused> {
        match self.pack.indicator(id) {
            Some(_) => Ok(()),
            None => Err(Refused::UnknownIndicator(id.to_owned())),
        }
    }

    fn on_scale(&self, score: u32) -> Result<(), Refused> {
        if self.pack.scale.iter().any(|step| step.value.value == score) {
            Ok(())
        } else {
            Err(Refused::OffScale { score })
        }
    }

    /// The mentor section for `mentor`, created when there is none. A
    /// different name takes the section over: one mentor reviews a file.
    fn mentor_review(&mut self, mentor: String) -> Result<&mut MentorReview, Refused> {
        let mentor = mentor.trim().to_owned();
        if mentor.is_empty() {
            return Err(Refused::NoMentorName);
        }
        let review = self.profile.mentor.get_or_insert_with(|| MentorReview {
            name: mentor.clone(),
            date: None,
            ratings: Default::default(),
            notes: None,
            plan: Vec::new(),
        });
        review.name = mentor;
        Ok(review)
    }
}

pub(crate) fn blank_to_none(text: &str) -> Option<String> {
    (!text.trim().is_empty()).then(|| text.trim_end().to_owned())
}

#[cfg(test)]
mod tests;
