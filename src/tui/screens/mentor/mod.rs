//! Mentor: the mentor's review beside the self-review. The calibration view
//! (groups, leans, radar, agenda, notes, plan), and from it the 1:1
//! walkthrough, whose last page takes the plan the two agree.
//!
//! In mentor mode (`ladder mentor FILE`) the mentor writes the notes (`e`)
//! and the plan; the mentee sees the same view read-only once the review
//! is merged into their profile.

mod calibration;
mod form;
mod lines;
mod walkthrough;
mod words;

#[cfg(test)]
mod tests;

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect, Size};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use self::form::Form;
use self::lines::Out;
use self::words::Word;
use super::assess::editor::Editor;
use super::{Ctx, Page, Screen, View};
use crate::core::workspace::{Command, Outcome};
use crate::tui::action::Action;
use crate::tui::data::{Data, apply, saves};
use crate::tui::keymap::Mode;
use crate::tui::state::Effect;
use crate::tui::text::truncate;
use crate::tui::theme::Theme;

/// What the screen is doing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum MentorMode {
    /// The calibration view.
    #[default]
    Calibration,
    /// The walkthrough, on this page.
    Walkthrough(usize),
    /// A plan step being written, on the walkthrough's plan page.
    Form(Box<Form>),
    /// The mentor's notes being written.
    Notes(Box<Editor>),
}

/// The state of the Mentor screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mentor {
    /// Mentor mode: the mentor writes the notes and the plan. Otherwise the
    /// mentee reads them, and the keys that write are not bound.
    pub mentor: bool,
    mode: MentorMode,
    page: Page,
    note: Option<Word>,
}

/// The rows under the text kept for the status line.
const STATUS: u16 = 1;

/// The review's plan as it stands (none without a review).
fn current_plan(data: &Data) -> Vec<crate::core::profile::PlanStep> {
    data.profile
        .mentor
        .as_ref()
        .map(|m| m.plan.clone())
        .unwrap_or_default()
}

/// Where the notes editor is drawn in the screen's `area`.
fn notes_area(area: Rect) -> Rect {
    split_status(area).0.inner(Margin::new(2, 1))
}

impl Screen for Mentor {
    fn update(&mut self, action: Action, ctx: &Ctx, data: &mut Data) -> Option<Vec<Effect>> {
        match action {
            Action::Resize { .. } => {
                self.page = Page::default();
                return Some(Vec::new());
            }
            Action::Tick(_) => return None,
            _ => {}
        }
        let note = self.note.take();
        match &mut self.mode {
            MentorMode::Notes(editor) => {
                return match action {
                    Action::Type(key) => {
                        editor.type_key(key, notes_area(ctx.body).width);
                        Some(Vec::new())
                    }
                    Action::Paste(text) => {
                        editor.paste(&text);
                        Some(Vec::new())
                    }
                    Action::Back => {
                        let text = editor.text();
                        self.mode = MentorMode::Calibration;
                        Some(self.save_notes(&text, data))
                    }
                    Action::Cancel => {
                        self.mode = MentorMode::Calibration;
                        Some(Vec::new())
                    }
                    _ => None,
                };
            }
            MentorMode::Form(form) => {
                return match form.update(action) {
                    form::Outcome::Stay => Some(Vec::new()),
                    form::Outcome::Cancel => {
                        self.mode = MentorMode::Walkthrough(walkthrough::PLAN_PAGE);
                        Some(Vec::new())
                    }
                    form::Outcome::Invalid(word) => {
                        self.note = Some(word);
                        Some(Vec::new())
                    }
                    form::Outcome::Done(step) => {
                        self.mode = MentorMode::Walkthrough(walkthrough::PLAN_PAGE);
                        let mut plan = current_plan(data);
                        plan.push(step);
                        Some(self.save_plan(plan, data))
                    }
                    form::Outcome::Ignored => None,
                };
            }
            MentorMode::Calibration | MentorMode::Walkthrough(_) => {}
        }
        let walking = match self.mode {
            MentorMode::Walkthrough(page) => Some(page),
            _ => None,
        };
        let mentor = data.mentor_session.as_ref().map(|s| s.mentor.clone());
        match (action.clone(), walking) {
            (Action::Open, None) => {
                self.mode = MentorMode::Walkthrough(0);
                self.page = Page::default();
                Some(Vec::new())
            }
            (Action::Back, Some(_)) => {
                self.mode = MentorMode::Calibration;
                self.page = Page::default();
                Some(Vec::new())
            }
            (Action::NextPage, Some(page)) => {
                let next = (page + 1).min(walkthrough::PAGES.len() - 1);
                if next != page {
                    self.page = Page::default();
                }
                self.mode = MentorMode::Walkthrough(next);
                Some(Vec::new())
            }
            (Action::PrevPage, Some(page)) => {
                if page > 0 {
                    self.page = Page::default();
                }
                self.mode = MentorMode::Walkthrough(page.saturating_sub(1));
                Some(Vec::new())
            }
            (Action::Edit, Some(page)) => {
                if mentor.is_none() {
                    self.note = Some(Word::OnlyMentor);
                } else {
                    // Steps are added on the plan page, whichever page `a` was pressed on.
                    let _ = page;
                    self.mode = MentorMode::Form(Box::default());
                }
                Some(Vec::new())
            }
            (Action::Delete, Some(_)) => {
                if mentor.is_none() {
                    self.note = Some(Word::OnlyMentor);
                    return Some(Vec::new());
                }
                self.mode = MentorMode::Walkthrough(walkthrough::PLAN_PAGE);
                let mut plan = current_plan(data);
                if plan.pop().is_none() {
                    self.note = Some(Word::NothingToRemove);
                    return Some(Vec::new());
                }
                self.note = Some(Word::StepRemoved);
                Some(self.save_plan(plan, data))
            }
            (Action::Edit, None) => {
                if mentor.is_none() {
                    self.note = Some(Word::OnlyMentor);
                    return Some(Vec::new());
                }
                let text = data
                    .profile
                    .mentor
                    .as_ref()
                    .and_then(|m| m.notes.clone())
                    .unwrap_or_default();
                self.mode = MentorMode::Notes(Box::new(Editor::new("notes", &text)));
                Some(Vec::new())
            }
            (Action::Back, None) if note.is_some() => Some(Vec::new()),
            _ => {
                let (len, size) = self.extent(ctx, data);
                let done = self.page.update(action, len, size);
                if done.is_none() {
                    self.note = note;
                }
                done
            }
        }
    }

    fn leave(&mut self) {
        if let MentorMode::Form(_) = self.mode {
            self.mode = MentorMode::Walkthrough(walkthrough::PLAN_PAGE);
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View<'_>) {
        let area = area.intersection(buf.area);
        let (main, status) = split_status(area);
        match &self.mode {
            MentorMode::Notes(editor) => {
                editor.render(
                    Word::NotesTitle.text(view.lang),
                    Word::NotesPlaceholder.text(view.lang),
                    view.theme,
                    notes_area(area),
                    buf,
                );
            }
            MentorMode::Form(form) => {
                let lines = self.lines_for(main, view);
                let (text, form_area) = form::split(main);
                self.page.render(&lines, text, buf, view);
                form.render(form_area, buf, view);
            }
            _ => {
                let (text, radar) = self.text_area(main, view.data);
                let lines = self.lines_for(main, view);
                self.page.render(&lines, text, buf, view);
                if let Some(radar) = radar {
                    calibration::draw_radar(radar, buf, view);
                }
            }
        }
        if let Some(word) = self.note {
            let line = Line::from(Span::styled(
                truncate(
                    word.text(view.lang),
                    usize::from(status.width.saturating_sub(2)),
                ),
                view.theme.text,
            ));
            line.render(status.inner(Margin::new(1, 0)), buf);
        }
    }

    fn mode(&self) -> Mode {
        match self.mode {
            MentorMode::Calibration if self.mentor => Mode::BROWSE,
            MentorMode::Calibration => Mode::keys("mentee"),
            MentorMode::Walkthrough(_) if self.mentor => Mode::keys("walkthrough"),
            MentorMode::Walkthrough(_) => Mode::keys("mentee_walkthrough"),
            MentorMode::Form(_) => Mode::typing("plan_step"),
            MentorMode::Notes(_) => Mode::typing("notes"),
        }
    }
}

/// The body without its last row, and that row for notes.
fn split_status(area: Rect) -> (Rect, Rect) {
    let main = Rect {
        height: area.height.saturating_sub(STATUS),
        ..area
    };
    let status = Rect {
        y: area.y + main.height,
        height: area.height - main.height,
        ..area
    };
    (main, status)
}

impl Mentor {
    /// Where the text goes (and the radar, on the calibration view).
    fn text_area(&self, main: Rect, data: &Data) -> (Rect, Option<Rect>) {
        match self.mode {
            MentorMode::Calibration => calibration::split(main, data),
            _ => (main, None),
        }
    }

    /// The lines on show, wrapped to the text's width.
    fn lines_for(&self, main: Rect, view: &View<'_>) -> Vec<Line<'static>> {
        let (text, _) = self.text_area(main, view.data);
        let width = usize::from(text.width.saturating_sub(4));
        let mut out = Out::new(width, view.theme, view.lang, view.data);
        match &self.mode {
            MentorMode::Walkthrough(page) => walkthrough::lines(&mut out, *page),
            MentorMode::Form(_) => walkthrough::lines(&mut out, walkthrough::PLAN_PAGE),
            _ => calibration::lines(&mut out),
        }
        out.lines
    }

    /// How many lines there are and the size they scroll in.
    fn extent(&self, ctx: &Ctx, data: &Data) -> (usize, Size) {
        let (main, _) = split_status(ctx.body);
        let theme = Theme::no_color();
        let view = View {
            lang: ctx.lang,
            theme: &theme,
            data,
        };
        let (text, _) = self.text_area(main, data);
        (self.lines_for(main, &view).len(), text.as_size())
    }

    fn save_notes(&mut self, text: &str, data: &mut Data) -> Vec<Effect> {
        let Some(mentor) = data.mentor_session.as_ref().map(|s| s.mentor.clone()) else {
            return Vec::new();
        };
        let command = Command::MentorNotes {
            mentor,
            text: text.to_owned(),
        };
        match data.apply(command) {
            Ok(Outcome::Unchanged) => {
                self.note = Some(Word::NotesUnchanged);
                Vec::new()
            }
            Ok(changed) => saves(changed),
            Err(_) => Vec::new(),
        }
    }

    fn save_plan(
        &mut self,
        plan: Vec<crate::core::profile::PlanStep>,
        data: &mut Data,
    ) -> Vec<Effect> {
        let Some(mentor) = data.mentor_session.as_ref().map(|s| s.mentor.clone()) else {
            return Vec::new();
        };
        apply(data, Command::MentorPlan { mentor, plan }).unwrap_or_default()
    }
}
