//! The one vocabulary of things a person can ask the app to do.
//!
//! Keys, mouse events and the terminal's own events are all turned into an
//! [`Action`] before anything changes, so the key file, the help window and
//! `update` speak the same words. The serde names (`next_screen`,
//! `{rate: 3}`, `{go_to: assess}`) are the ones the key file uses.

use serde::{Deserialize, Serialize};

use super::external_editor::EditorFailure;
use super::keymap::Key;
use super::screens::ScreenId;
use crate::core::clock::OffsetDateTime;
use crate::core::ids::RunId;
use crate::core::workspace::Save;

/// Something to do, whatever asked for it.
///
/// Besides what people ask for, the loop reports here what became of the
/// work it did for `update` (a save, an outside editor), so every change of
/// state goes through `update`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Leave the app (everything is already saved).
    Quit,
    /// Show the next screen, wrapping after the last.
    NextScreen,
    /// Show the previous screen, wrapping before the first.
    PrevScreen,
    /// Show this screen (a click on its tab).
    GoTo(ScreenId),
    /// Show the mentor's review: calibration, agenda, walkthrough.
    MentorReview,
    /// Open (or close) the help window listing the keys.
    Help,
    /// Start searching on the current screen.
    Search,
    /// Move up one line or item.
    Up,
    /// Move down one line or item.
    Down,
    /// Move up one page.
    PageUp,
    /// Move down one page.
    PageDown,
    /// Move to the first line or item.
    Home,
    /// Move to the last line or item.
    End,
    /// Scroll up a little: the mouse wheel turned over the cell at
    /// (`column`, `row`) of the window. The pane under it scrolls, or, for a
    /// list that keeps its selection in view, moves its selection; turned
    /// over no pane, it scrolls the current one.
    #[serde(skip)]
    ScrollUp { column: u16, row: u16 },
    /// Scroll down a little, as [`Action::ScrollUp`].
    #[serde(skip)]
    ScrollDown { column: u16, row: u16 },
    /// A left click on the cell at (`column`, `row`) of the window, not on
    /// a tab (those send [`Action::GoTo`]). Whoever draws there works out
    /// what is under it from the same layout it draws with.
    #[serde(skip)]
    Click { column: u16, row: u16 },
    /// Turn to the next page (of the mentor's walkthrough).
    NextPage,
    /// Turn back to the previous page.
    PrevPage,
    /// Open the selected item.
    Open,
    /// Close the window on top, or go back one step.
    Back,
    /// Rate the selected indicator with this scale value.
    Rate(u32),
    /// Type this character into the text being entered (a search query).
    Input(char),
    /// Delete the last character of the text being entered.
    DeleteChar,
    /// Rate with the digit of the key pressed: the key file binds the digit
    /// keys to this, and the keymap turns it into [`Action::Rate`].
    RateKey,
    /// Write the selected item's text (evidence, a note) in the app.
    Edit,
    /// Write it in `$VISUAL` / `$EDITOR` instead.
    EditExternally,
    /// Cycle the target level through the levels and "automatic".
    CycleTarget,
    /// Cycle the level filter.
    FilterLevel,
    /// Cycle the dimension filter.
    FilterDimension,
    /// Show only what is not rated yet, or everything again.
    ToggleUnrated,
    /// Show only the gaps, or everything again.
    ToggleGaps,
    /// Drop every filter.
    ClearFilters,
    /// Start or stop the guided first pass.
    Guided,
    /// Delete the selected item (after a confirmation).
    Delete,
    /// Remove the selected indicator's rating (asking first when it has
    /// evidence).
    ClearRating,
    /// Say yes to the question on screen.
    Confirm,
    /// Mark the selected checklist item as passed.
    Pass,
    /// Mark the selected checklist item as failed.
    Fail,
    /// Mark the selected checklist item as not applicable.
    NotApplicable,
    /// Mark every open item of the selected item's section not applicable.
    SectionNotApplicable,
    /// Take the selected checklist item's result back: it is open again.
    Reopen,
    /// Move to the next checklist item without a result.
    NextOpen,
    /// Show only the failed items, or every item again.
    ToggleFailed,
    /// Cycle the severity filter: all, must, should, nice.
    FilterSeverity,
    /// Show the run's result: counts, failures and score.
    ShowResult,
    /// Mark the run finished.
    Finish,
    /// Write the run's Markdown to a file.
    ExportFile,
    /// Copy the run's Markdown to the clipboard (OSC 52).
    Copy,
    /// Attach the run to an indicator as evidence (or detach it).
    Attach,
    /// Close the editor without keeping what was typed.
    Cancel,
    /// Move left, or step a setting back.
    Left,
    /// Move right, or step a setting on.
    Right,
    /// Show the answer of the question on screen.
    Reveal,
    /// Stop the clock, or start it again.
    Pause,
    /// Tick or untick the selected item (a key point covered).
    Toggle,
    /// Grade with the digit of the key pressed: the key file binds `1`–`4`
    /// to this, and the keymap turns it into [`Action::Grade`].
    GradeKey,
    /// Grade the answer on screen: 1 Again, 2 Hard, 3 Good, 4 Easy.
    Grade(u32),
    /// Show the statistics.
    Stats,
    /// Start over what is marked as changed (a reworded question's schedule).
    Reset,
    /// A key typed into a text editor. Never in the key file: the keymap
    /// sends it for keys an editor has no binding for.
    #[serde(skip)]
    Type(Key),
    /// Text pasted into the terminal (bracketed paste): typed as one edit
    /// where text is being typed, ignored elsewhere.
    #[serde(skip)]
    Paste(String),
    /// The terminal now has this size.
    Resize { width: u16, height: u16 },
    /// Time has passed: sent every so often while a screen keeps time
    /// (see [`Screen::ticking`](super::screens::Screen::ticking)), and once
    /// a minute otherwise so a new day is noticed. Carries the time.
    #[serde(skip)]
    Tick(OffsetDateTime),
    /// The loop wrote (or failed to write) a file: `error` says why not;
    /// `hash` is that of the text written, when known.
    #[serde(skip)]
    Saved {
        file: Save,
        error: Option<String>,
        hash: Option<u64>,
    },
    /// Another writer changed the profile file (seen when saving, or while
    /// idle): here is the newer profile, to take and save on top of.
    #[serde(skip)]
    ChangedOnDisk(DiskProfile),
    /// The person's own editor closed on the text of `target`.
    #[serde(skip)]
    Edited {
        target: EditTarget,
        written: Result<String, EditorFailure>,
    },
    /// The loop wrote a run's export: where, or why not.
    #[serde(skip)]
    Exported {
        run: RunId,
        written: Result<String, String>,
    },
}

/// A profile as another writer left it on disk, with the hash of its text.
#[derive(Debug, Clone)]
pub struct DiskProfile {
    pub profile: std::sync::Arc<crate::core::profile::Profile>,
    pub hash: Option<u64>,
}

impl PartialEq for DiskProfile {
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash && std::sync::Arc::ptr_eq(&self.profile, &other.profile)
    }
}

impl Eq for DiskProfile {}

impl std::hash::Hash for DiskProfile {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.hash.hash(state);
    }
}

/// A text written in the person's own editor, and whose it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EditTarget {
    /// The evidence of an indicator, on Assess.
    Evidence(String),
    /// The note on an item of a checklist run.
    Note { run: RunId, item: String },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_have_the_names_the_key_file_uses() {
        let named = [
            (Action::Quit, "\"quit\""),
            (Action::NextScreen, "\"next_screen\""),
            (Action::PrevScreen, "\"prev_screen\""),
            (Action::PageDown, "\"page_down\""),
            (Action::Rate(3), "{\"rate\":3}"),
            (Action::GoTo(ScreenId::Assess), "{\"go_to\":\"assess\"}"),
        ];
        for (action, json) in named {
            assert_eq!(serde_json::to_string(&action).ok().as_deref(), Some(json));
            assert_eq!(serde_json::from_str::<Action>(json).ok(), Some(action));
        }
    }
}
