//! The form for one step of the plan: what, who, by when.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::words::Word;
use crate::core::clock::Date;
use crate::core::profile::PlanStep;
use crate::core::sanitize::neutralize_controls;
use crate::tui::action::Action;
use crate::tui::screens::View;
use crate::tui::text::{display_width, truncate};

/// The fields, in the order Enter visits them.
const FIELDS: [Word; 3] = [Word::FormStep, Word::FormOwner, Word::FormDue];

/// A plan step being written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Form {
    field: usize,
    values: [String; 3],
}

/// What became of an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    Cancel,
    Invalid(Word),
    Done(PlanStep),
    Ignored,
}

/// The rows the form takes at the bottom of the page.
const HEIGHT: u16 = 6;

/// The page's text above, the form below.
pub fn split(area: Rect) -> (Rect, Rect) {
    let height = HEIGHT.min(area.height);
    let text = Rect {
        height: area.height - height,
        ..area
    };
    let form = Rect {
        y: area.y + text.height,
        height,
        ..area
    };
    (text, form)
}

impl Form {
    pub fn update(&mut self, action: Action) -> Outcome {
        match action {
            Action::Type(key) => {
                let value = &mut self.values[self.field];
                match key.code {
                    KeyCode::Char(c) => value.push(c),
                    KeyCode::Backspace => {
                        value.pop();
                    }
                    _ => {}
                }
                Outcome::Stay
            }
            // A field is one line: a pasted text's line breaks become spaces.
            Action::Paste(text) => {
                let line = text.replace(['\r', '\n'], " ");
                self.values[self.field].push_str(&line);
                Outcome::Stay
            }
            Action::Open => self.next(),
            Action::Cancel | Action::Back => Outcome::Cancel,
            _ => Outcome::Ignored,
        }
    }

    fn next(&mut self) -> Outcome {
        if self.field == 0 && self.values[0].trim().is_empty() {
            return Outcome::Invalid(Word::EmptyStep);
        }
        if self.field + 1 < FIELDS.len() {
            self.field += 1;
            return Outcome::Stay;
        }
        let due = self.values[2].trim();
        let due = if due.is_empty() {
            None
        } else {
            match Date::parse(
                due,
                &time::macros::format_description!("[year]-[month]-[day]"),
            ) {
                Ok(date) => Some(date),
                Err(_) => return Outcome::Invalid(Word::BadDate),
            }
        };
        let owner = self.values[1].trim();
        Outcome::Done(PlanStep {
            step: neutralize_controls(self.values[0].trim()).into_owned(),
            owner: (!owner.is_empty()).then(|| neutralize_controls(owner).into_owned()),
            due,
        })
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View<'_>) {
        let (lang, theme) = (view.lang, view.theme);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border)
            .title(Span::styled(Word::FormHelp.text(lang), theme.muted));
        let inner = block.inner(area);
        block.render(area, buf);
        for (i, (word, row)) in FIELDS.iter().zip(inner.rows()).enumerate() {
            let label = format!("{}: ", word.text(lang));
            let active = i == self.field;
            let room = usize::from(row.width).saturating_sub(display_width(&label) + 1);
            let value = &self.values[i];
            // The end of a long value stays in sight while it is typed.
            let mut shown: String = value.clone();
            while display_width(&shown) > room {
                shown.remove(0);
            }
            let cursor = if active { "▏" } else { "" };
            let style = if active {
                theme.text.add_modifier(Modifier::BOLD)
            } else {
                theme.text
            };
            Line::from(vec![
                Span::styled(truncate(&label, usize::from(row.width)), theme.heading),
                Span::styled(shown, style),
                Span::styled(cursor, theme.key),
            ])
            .render(row, buf);
        }
    }
}
