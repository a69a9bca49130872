//! Checklists: running a checklist of the pack item by item beside a piece
//! of work (a pull request), with a note per item, and a result to paste
//! into the review.
//!
//! Runs change only through the workspace's [`RunCommand`]s, each saved to
//! the run's own file as it is made.

mod home;
mod result;
mod run;
mod status;
mod words;

#[cfg(test)]
mod tests;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use self::words::Word;
use super::assess::editor::Editor;
use super::{Ctx, Screen, View};
use crate::core::checklist::Verdict;
use crate::core::clock::OffsetDateTime;
use crate::core::content::Severity;
use crate::core::ids::RunId;
use crate::core::workspace::{Command, Outcome, RunCommand};
use crate::tui::action::Action;
use crate::tui::data::{Data, saves};
use crate::tui::external_editor::EditorFailure;
use crate::tui::keymap::Mode;
use crate::tui::state::Effect;

/// What the screen is doing; each mode has its keys in the key file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum ChecklistsMode {
    /// The pack's checklists and the profile's runs.
    #[default]
    Home,
    /// Typing the name of a new run of checklist `checklist`.
    Naming {
        checklist: String,
        editor: Box<Editor>,
    },
    /// A run waits for `y` to be deleted.
    Confirming(RunId),
    /// Going through the open run's items.
    Run,
    /// Writing the note of an item of the open run (the editor's id is the item's).
    Note(Box<Editor>),
    /// The open run's result, while it is not finished.
    Result,
    /// The result of a finished run: `d` says when it was finished
    /// instead of being offered.
    Finished,
    /// Choosing the indicators the open run is evidence for.
    Attach,
}

impl ChecklistsMode {
    fn key_mode(&self) -> Mode {
        match self {
            ChecklistsMode::Home => Mode::BROWSE,
            ChecklistsMode::Naming { .. } => Mode::typing("naming"),
            ChecklistsMode::Confirming(_) => Mode::answer("confirm"),
            ChecklistsMode::Run => Mode::keys("run"),
            ChecklistsMode::Note(_) => Mode::typing("note"),
            ChecklistsMode::Result => Mode::keys("result"),
            ChecklistsMode::Finished => Mode::keys("finished"),
            ChecklistsMode::Attach => Mode::keys("attach"),
        }
    }
}

/// A one-off line on the status row, cleared by the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Note {
    Word(Word),
    Deleted(String),
    Exported(String),
    ExportFailed(String),
    EditorFailed(EditorFailure),
    Refused(String),
    /// `d` on a run finished at this time.
    AlreadyFinished(OffsetDateTime),
    /// `d` on a run with this many items still open: a second `d` finishes.
    OpenLeft(usize),
}

/// How the open run is looked at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct RunView {
    id: RunId,
    /// The selected item, as an index into the items shown.
    selected: usize,
    failed_only: bool,
    severity: Option<Severity>,
    /// How far the selected item's details (or the result) are scrolled.
    scroll: usize,
    /// The selected indicator while attaching.
    attach: usize,
}

/// The state of the Checklists screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checklists {
    mode: ChecklistsMode,
    /// The selected row of the home list.
    home: usize,
    /// The run on show, and how.
    open: Option<RunView>,
    note: Option<Note>,
}

impl Screen for Checklists {
    fn update(&mut self, action: Action, ctx: &Ctx, data: &mut Data) -> Option<Vec<Effect>> {
        match action {
            Action::Resize { .. } => {
                if let Some(view) = &mut self.open {
                    view.scroll = 0;
                }
                return Some(Vec::new());
            }
            Action::Tick(_) => return None,
            _ => {}
        }
        // A run deleted elsewhere (or never loaded) cannot stay open.
        if self
            .open
            .as_ref()
            .is_some_and(|v| data.run(&v.id).is_none())
        {
            self.open = None;
            if !matches!(self.mode, ChecklistsMode::Naming { .. }) {
                self.mode = ChecklistsMode::Home;
            }
        }
        // The result's mode follows the run: finished or not.
        if matches!(self.mode, ChecklistsMode::Result | ChecklistsMode::Finished) {
            self.mode = self.result_mode(data);
        }
        // The wheel moves through whatever list is on show.
        let action = match action {
            Action::ScrollUp { .. } => Action::Up,
            Action::ScrollDown { .. } => Action::Down,
            other => other,
        };
        match &self.mode {
            ChecklistsMode::Naming { .. } => {
                // The name is written across the screen, inside its margins.
                let width = ctx.body.width.saturating_sub(2);
                return self.update_naming(action, width, data);
            }
            ChecklistsMode::Note(_) => {
                return self.update_note(action, run::note_width(ctx.body), data);
            }
            ChecklistsMode::Confirming(id) => {
                let id = id.clone();
                self.mode = ChecklistsMode::Home;
                return Some(if action == Action::Confirm {
                    self.delete(&id, data)
                } else {
                    self.note = Some(Note::Word(Word::Kept));
                    Vec::new()
                });
            }
            _ => {}
        }
        let confirming_finish = matches!(self.note, Some(Note::OpenLeft(_)));
        let note = self.note.take();
        let done = match self.mode {
            ChecklistsMode::Home => self.update_home(action.clone(), data),
            ChecklistsMode::Run => self.update_run(action.clone(), ctx, data),
            ChecklistsMode::Result | ChecklistsMode::Finished => {
                self.update_result(action.clone(), ctx, data, confirming_finish)
            }
            ChecklistsMode::Attach => self.update_attach(action.clone(), data),
            _ => None,
        };
        match done {
            Some(effects) => Some(effects),
            // Esc only dismisses a note; with none, Back is not ours.
            None if action == Action::Back && note.is_some() => Some(Vec::new()),
            None => {
                self.note = self.note.take().or(note);
                None
            }
        }
    }

    fn leave(&mut self) {
        if matches!(self.mode, ChecklistsMode::Confirming(_)) {
            self.mode = ChecklistsMode::Home;
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View<'_>) {
        match self.mode {
            ChecklistsMode::Home
            | ChecklistsMode::Naming { .. }
            | ChecklistsMode::Confirming(_) => home::draw(self, area, buf, view),
            ChecklistsMode::Run | ChecklistsMode::Note(_) => run::draw(self, area, buf, view),
            ChecklistsMode::Result | ChecklistsMode::Finished => {
                result::draw(self, area, buf, view);
            }
            ChecklistsMode::Attach => result::draw_attach(self, area, buf, view),
        }
    }

    fn mode(&self) -> Mode {
        self.mode.key_mode()
    }
}

impl Checklists {
    /// The mode that shows the open run's result: [`ChecklistsMode::Finished`]
    /// for a finished run.
    fn result_mode(&self, data: &Data) -> ChecklistsMode {
        let finished = self
            .open
            .as_ref()
            .and_then(|v| data.run(&v.id))
            .is_some_and(|r| r.finished.is_some());
        if finished {
            ChecklistsMode::Finished
        } else {
            ChecklistsMode::Result
        }
    }

    /// Applies a run command; a refusal is said on the status row.
    fn apply(&mut self, command: RunCommand, data: &mut Data) -> Vec<Effect> {
        match data.apply(Command::Checklist(command)) {
            Ok(outcome) => saves(outcome),
            Err(why) => {
                self.note = Some(Note::Refused(why.to_string()));
                Vec::new()
            }
        }
    }

    fn delete(&mut self, id: &RunId, data: &mut Data) -> Vec<Effect> {
        let name = data.run(id).map(|r| r.name.clone()).unwrap_or_default();
        let effects = self.apply(RunCommand::Delete { run: id.clone() }, data);
        if !effects.is_empty() {
            self.note = Some(Note::Deleted(name));
            if self.open.as_ref().is_some_and(|v| v.id == *id) {
                self.open = None;
            }
        }
        effects
    }

    fn update_naming(
        &mut self,
        action: Action,
        width: u16,
        data: &mut Data,
    ) -> Option<Vec<Effect>> {
        let ChecklistsMode::Naming { checklist, editor } = &mut self.mode else {
            return None;
        };
        match action {
            Action::Type(key) => {
                editor.type_key(key, width);
                Some(Vec::new())
            }
            // A name is one line: a pasted text's lines are joined.
            Action::Paste(text) => {
                let line: Vec<&str> = text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect();
                editor.paste(&line.join(" "));
                Some(Vec::new())
            }
            Action::Confirm | Action::Open => {
                let name = editor.text();
                let checklist = checklist.clone();
                if name.trim().is_empty() {
                    self.note = Some(Note::Word(Word::NameNeeded));
                    return Some(Vec::new());
                }
                let command = RunCommand::Start {
                    checklist: checklist.as_str().into(),
                    name: name.replace('\n', " "),
                };
                let outcome = data.apply(Command::Checklist(command));
                self.mode = ChecklistsMode::Home;
                match outcome {
                    Ok(Outcome::Changed(files)) => {
                        if let Some(crate::core::workspace::Save::Run(id)) = files.first() {
                            self.open = Some(RunView {
                                id: id.clone(),
                                ..RunView::default()
                            });
                            self.mode = ChecklistsMode::Run;
                        }
                        Some(saves(Outcome::Changed(files)))
                    }
                    Ok(Outcome::Unchanged) => Some(Vec::new()),
                    Err(why) => {
                        self.note = Some(Note::Refused(why.to_string()));
                        Some(Vec::new())
                    }
                }
            }
            Action::Back | Action::Cancel => {
                self.mode = ChecklistsMode::Home;
                Some(Vec::new())
            }
            _ => None,
        }
    }

    fn update_note(&mut self, action: Action, width: u16, data: &mut Data) -> Option<Vec<Effect>> {
        let ChecklistsMode::Note(editor) = &mut self.mode else {
            return None;
        };
        match action {
            Action::Type(key) => {
                editor.type_key(key, width);
                Some(Vec::new())
            }
            Action::Paste(text) => {
                editor.paste(&text);
                Some(Vec::new())
            }
            Action::Back => {
                let (item, text) = (editor.id.clone(), editor.text());
                self.mode = ChecklistsMode::Run;
                let run = self.open.as_ref().map(|v| v.id.clone())?;
                Some(self.set_note(&run, &item, &text, data))
            }
            Action::Cancel => {
                self.mode = ChecklistsMode::Run;
                self.note = Some(Note::Word(Word::EditDiscarded));
                Some(Vec::new())
            }
            _ => None,
        }
    }

    fn set_note(&mut self, run: &RunId, item: &str, text: &str, data: &mut Data) -> Vec<Effect> {
        let command = RunCommand::SetNote {
            run: run.clone(),
            item: item.to_owned(),
            text: text.to_owned(),
        };
        match data.apply(Command::Checklist(command)) {
            Ok(Outcome::Unchanged) => {
                self.note = Some(Note::Word(Word::NoteUnchanged));
                Vec::new()
            }
            Ok(changed) => saves(changed),
            Err(why) => {
                self.note = Some(Note::Refused(why.to_string()));
                Vec::new()
            }
        }
    }

    /// What the person wrote in their own editor for an item's note (or
    /// why nothing came back); the loop calls this after
    /// [`Effect::EditExternally`].
    pub fn edited_externally(
        &mut self,
        run: &RunId,
        item: &str,
        written: Result<String, EditorFailure>,
        data: &mut Data,
    ) -> Vec<Effect> {
        match written {
            Ok(text) => self.set_note(run, item, &text, data),
            Err(why) => {
                self.note = Some(Note::EditorFailed(why));
                Vec::new()
            }
        }
    }

    /// Where the loop wrote a run's Markdown, or why it could not.
    pub fn exported(&mut self, _run: &RunId, written: Result<String, String>) {
        self.note = Some(match written {
            Ok(path) => Note::Exported(path),
            Err(why) => Note::ExportFailed(why),
        });
    }

    /// Sets the selected item's result.
    fn set_result(&mut self, verdict: Option<Verdict>, data: &mut Data) -> Vec<Effect> {
        let Some((run, item)) = self.selected_item(data) else {
            return Vec::new();
        };
        self.apply(
            RunCommand::SetResult {
                run,
                item,
                result: verdict,
            },
            data,
        )
    }
}
