//! Drill: practising the promotion defense. A set-up page chooses the kind
//! of session and its filters; each card runs a clock (pause, notes, an
//! overrun counted), `Space` reveals the answer with its key points to
//! tick, `1`–`4` grade it, and a summary and a stats page follow.
//!
//! The rules (which questions, when they come back, what grade to suggest)
//! are `core::drill`'s; each grade goes into the profile as a command on the
//! workspace, saved at once.

mod answer;
mod card;
mod notes;
mod pages;
mod reveal;
mod run;
mod setup;
mod stats;

#[cfg(test)]
mod tests;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use self::run::{Done, Run};
use self::setup::{Row, Setup};
use super::date_entry::{DateEntry, DateProblem, Entry};
use super::{Ctx, Page, Screen, View};
use crate::core::clock::Date;
use crate::core::drill::{self, Choice};
use crate::core::ids::QuestionId;
use crate::core::workspace::Command;
use crate::tui::action::Action;
use crate::tui::data::{Data, apply};
use crate::tui::keymap::Mode;
use crate::tui::state::Effect;

/// A session just ended, for the summary page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finished {
    pub choice: Choice,
    pub done: Vec<Done>,
    pub seconds: u32,
}

/// The modes of the Drill screen; each has its keys in the key file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum DrillMode {
    /// Choosing a session.
    #[default]
    Setup,
    /// Typing the defense date.
    DefenseDate(DateEntry),
    /// A card with its clock running.
    Answering(Box<Run>),
    /// Typing in the notes box; the clock runs on.
    Notes(Box<Run>),
    /// The clock stopped.
    Paused(Box<Run>),
    /// The answer shown, waiting for a grade.
    Revealed(Box<Run>),
    /// The session is over.
    Summary(Box<Finished>),
    /// The statistics.
    Stats,
}

impl DrillMode {
    fn key_mode(&self) -> Mode {
        match self {
            DrillMode::Setup => Mode::BROWSE,
            DrillMode::DefenseDate(_) => Mode::typing("defense_date"),
            DrillMode::Answering(_) => Mode::keys("answering"),
            DrillMode::Notes(_) => Mode::typing("notes"),
            DrillMode::Paused(_) => Mode::keys("paused"),
            DrillMode::Revealed(_) => Mode::keys("revealed"),
            DrillMode::Summary(_) => Mode::keys("summary"),
            DrillMode::Stats => Mode::keys("stats"),
        }
    }

    #[cfg(test)]
    fn run(&self) -> Option<&Run> {
        match self {
            DrillMode::Answering(run)
            | DrillMode::Notes(run)
            | DrillMode::Paused(run)
            | DrillMode::Revealed(run) => Some(run),
            _ => None,
        }
    }
}

/// A one-off note on the set-up page, cleared by the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// The chosen kind and filters give no question.
    NothingToDrill,
    /// The text typed is not a date.
    NotADate(String),
    /// The date typed is before today.
    PastDate(String),
    /// The defense date was set (or cleared).
    DefenseSet(Option<Date>),
    /// This many reworded questions start over.
    Reset(usize),
    /// No question is reworded.
    NothingToReset,
}

/// The state of the Drill screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drill {
    mode: DrillMode,
    setup: Setup,
    /// How far the revealed answer, the summary or the stats are scrolled.
    page: Page,
    note: Option<Note>,
}

impl Screen for Drill {
    fn update(&mut self, action: Action, ctx: &Ctx, data: &mut Data) -> Option<Vec<Effect>> {
        match action {
            // A running clock redraws every tick; nothing else keeps time.
            Action::Tick(_) => return self.ticking().then(Vec::new),
            Action::Resize { .. } => {
                self.page = Page::default();
                return Some(Vec::new());
            }
            _ => {}
        }
        let mode = std::mem::take(&mut self.mode);
        let (mode, effects) = match mode {
            DrillMode::Setup => return self.update_setup(action, data),
            DrillMode::DefenseDate(text) => self.update_date(text, action, data),
            DrillMode::Answering(run) => self.update_answering(run, action, data),
            DrillMode::Notes(mut run) => match action {
                Action::Back | Action::Cancel => (DrillMode::Answering(run), Some(Vec::new())),
                Action::Type(key) => {
                    run.notes.type_key(key, ctx.body);
                    (DrillMode::Notes(run), Some(Vec::new()))
                }
                _ => (DrillMode::Notes(run), None),
            },
            DrillMode::Paused(mut run) => match action {
                Action::Pause => {
                    run.clock.resume(data.now());
                    (DrillMode::Answering(run), Some(Vec::new()))
                }
                Action::Back => (finish(*run, data), Some(Vec::new())),
                _ => (DrillMode::Paused(run), None),
            },
            DrillMode::Revealed(run) => self.update_revealed(run, action, ctx, data),
            DrillMode::Summary(finished) => match action {
                Action::Back => (DrillMode::Setup, Some(Vec::new())),
                Action::Stats => {
                    self.page = Page::default();
                    (DrillMode::Stats, Some(Vec::new()))
                }
                _ => {
                    let len = pages::summary_len(&finished, data, ctx);
                    let done = self.page.update(action, len, ctx.body.as_size());
                    (DrillMode::Summary(finished), done)
                }
            },
            DrillMode::Stats => match action {
                Action::Back => (DrillMode::Setup, Some(Vec::new())),
                _ => {
                    let len = pages::stats_len(data, ctx);
                    let done = self.page.update(action, len, ctx.body.as_size());
                    (DrillMode::Stats, done)
                }
            },
        };
        self.mode = mode;
        effects
    }

    fn leave(&mut self) {
        // A date half typed is dropped; a session waits as it was (its clock
        // runs on, as a panel's would).
        if matches!(self.mode, DrillMode::DefenseDate(_)) {
            self.mode = DrillMode::Setup;
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View<'_>) {
        match &self.mode {
            DrillMode::Setup | DrillMode::DefenseDate(_) => setup::render(self, area, buf, view),
            DrillMode::Answering(run) | DrillMode::Notes(run) | DrillMode::Paused(run) => {
                card::render(self, run, area, buf, view)
            }
            DrillMode::Revealed(run) => {
                let lines = reveal::reveal_lines(run, view, pages::text_width(area));
                self.page.render(&lines, area, buf, view);
            }
            DrillMode::Summary(finished) => {
                let lines = pages::summary_lines(finished, view, pages::text_width(area));
                self.page.render(&lines, area, buf, view);
            }
            DrillMode::Stats => {
                let lines = stats::stats_lines(view, pages::text_width(area));
                self.page.render(&lines, area, buf, view);
            }
        }
    }

    fn ticking(&self) -> bool {
        matches!(self.mode, DrillMode::Answering(_) | DrillMode::Notes(_))
    }

    fn mode(&self) -> Mode {
        self.mode.key_mode()
    }
}

/// Ends `run`: the summary of what was graded, or the set-up page when nothing was.
fn finish(run: Run, data: &Data) -> DrillMode {
    if run.done.is_empty() {
        return DrillMode::Setup;
    }
    let seconds = (data.now() - run.began).whole_seconds().max(0);
    DrillMode::Summary(Box::new(Finished {
        choice: run.choice,
        done: run.done,
        seconds: u32::try_from(seconds).unwrap_or(u32::MAX),
    }))
}

impl Drill {
    fn update_setup(&mut self, action: Action, data: &mut Data) -> Option<Vec<Effect>> {
        let note = self.note.take();
        match action {
            Action::Up => self.setup.step_row(-1),
            Action::Down => self.setup.step_row(1),
            Action::Home => self.setup.row = 0,
            Action::End => self.setup.row = Row::ALL.len() - 1,
            Action::Left => self.setup.change(-1, data),
            Action::Right => self.setup.change(1, data),
            Action::Edit => self.edit_date(data),
            Action::Open => match self.setup.selected() {
                Row::Kind(choice) => return Some(self.start(choice, data)),
                Row::Defense => self.edit_date(data),
                _ => self.setup.change(1, data),
            },
            Action::Stats => {
                self.page = Page::default();
                self.mode = DrillMode::Stats;
            }
            Action::Reset => return Some(self.reset_changed(data)),
            // Esc only dismisses a note here.
            Action::Back if note.is_some() => {}
            _ => {
                self.note = note;
                return None;
            }
        }
        Some(Vec::new())
    }

    fn edit_date(&mut self, data: &Data) {
        self.mode = DrillMode::DefenseDate(DateEntry::open(data));
    }

    fn update_date(
        &mut self,
        mut entry: DateEntry,
        action: Action,
        data: &mut Data,
    ) -> (DrillMode, Option<Vec<Effect>>) {
        match entry.update(action, data) {
            None => (DrillMode::DefenseDate(entry), None),
            Some(Entry::Typing) => {
                self.note = entry.problem.map(|problem| match problem {
                    DateProblem::NotADate => Note::NotADate(entry.text.clone()),
                    DateProblem::Past => Note::PastDate(entry.text.clone()),
                });
                (DrillMode::DefenseDate(entry), Some(Vec::new()))
            }
            Some(Entry::Cancelled) => {
                // What was said about the text typed goes with it.
                self.note = None;
                (DrillMode::Setup, Some(Vec::new()))
            }
            Some(Entry::Saved(date, effects)) => {
                self.note = Some(Note::DefenseSet(date));
                (DrillMode::Setup, Some(effects))
            }
        }
    }

    /// Starts a session of `choice` with the set-up's filters.
    fn start(&mut self, choice: Choice, data: &Data) -> Vec<Effect> {
        let mut plan = self.setup.plan.clone();
        plan.choice = choice;
        let items = drill::build(
            &data.pack,
            &data.profile,
            &data.assessment,
            data.now(),
            &plan,
        );
        if items.is_empty() {
            self.note = Some(Note::NothingToDrill);
            return Vec::new();
        }
        self.page = Page::default();
        self.mode =
            DrillMode::Answering(Box::new(Run::start(choice, items, &data.pack, data.now())));
        Vec::new()
    }

    /// Starts over the schedule of every reworded question.
    fn reset_changed(&mut self, data: &mut Data) -> Vec<Effect> {
        let changed: Vec<String> = drill::changed_questions(&data.pack, &data.profile.drill)
            .iter()
            .filter(|q| data.profile.drill.cards.contains_key(q.id.value.as_str()))
            .map(|q| q.id.value.clone())
            .collect();
        if changed.is_empty() {
            self.note = Some(Note::NothingToReset);
            return Vec::new();
        }
        self.note = Some(Note::Reset(changed.len()));
        let mut effects = Vec::new();
        for id in changed {
            let command = Command::ResetCard {
                question: QuestionId::new(id),
            };
            for effect in apply(data, command).unwrap_or_default() {
                if !effects.contains(&effect) {
                    effects.push(effect);
                }
            }
        }
        effects
    }
}
