//! Typing the defense date (`YYYY-MM-DD`), on Drill's set-up page or the
//! Overview: digits and `-` are typed, `Backspace` deletes, `Enter` saves
//! through the workspace (an empty date clears it), `Esc` leaves it as it was.

use ratatui::crossterm::event::KeyCode;

use crate::core::clock::{Date, format_date, parse_date};
use crate::core::workspace::Command;
use crate::tui::action::Action;
use crate::tui::data::{Data, apply};
use crate::tui::i18n::Lang;
use crate::tui::state::Effect;

/// The date being typed, and what the last `Enter` found wrong with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateEntry {
    pub text: String,
    pub problem: Option<DateProblem>,
}

/// Why a typed date was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Not a date written as `YYYY-MM-DD`.
    NotADate,
    /// A day before today: a defense still to prepare for is today or
    /// later, and a past one would stop every review being planned.
    Past,
}

/// What became of an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// Still typing.
    Typing,
    /// Left without a change.
    Cancelled,
    /// Saved (or cleared): the date, and the effects that write it.
    Saved(Option<Date>, Vec<Effect>),
}

impl DateEntry {
    /// An entry starting from the profile's date.
    pub fn open(data: &Data) -> Self {
        DateEntry {
            text: data
                .profile
                .defense_date
                .map(format_date)
                .unwrap_or_default(),
            problem: None,
        }
    }

    /// Acts on `action`; `None` for actions that are not the entry's.
    pub fn update(&mut self, action: Action, data: &mut Data) -> Option<Entry> {
        match action {
            Action::Cancel | Action::Back => Some(Entry::Cancelled),
            Action::Confirm => {
                let date = if self.text.trim().is_empty() {
                    None
                } else {
                    match parse_date(&self.text) {
                        // The date already set may stay, even once past.
                        Ok(date)
                            if date < data.now().date()
                                && Some(date) != data.profile.defense_date =>
                        {
                            self.problem = Some(DateProblem::Past);
                            return Some(Entry::Typing);
                        }
                        Ok(date) => Some(date),
                        Err(_) => {
                            self.problem = Some(DateProblem::NotADate);
                            return Some(Entry::Typing);
                        }
                    }
                };
                let effects = apply(data, Command::SetDefenseDate(date)).unwrap_or_default();
                Some(Entry::Saved(date, effects))
            }
            Action::Type(key) => {
                match key.code {
                    KeyCode::Backspace => {
                        self.text.pop();
                    }
                    KeyCode::Char(c)
                        if (c.is_ascii_digit() || c == '-') && self.text.len() < 10 =>
                    {
                        self.text.push(c);
                    }
                    _ => {}
                }
                self.problem = None;
                Some(Entry::Typing)
            }
            _ => None,
        }
    }

    /// The entry as one line of text.
    pub fn line(&self, lang: Lang) -> String {
        let text = &self.text;
        match self.problem {
            Some(DateProblem::NotADate) => lang.pick(
                format!("答辩日期：{text}▏ 不是 YYYY-MM-DD 形式的日期，例如 2027-03-15"),
                format!(
                    "Defense date: {text}▏ is not a date written as YYYY-MM-DD, such as 2027-03-15"
                ),
            ),
            Some(DateProblem::Past) => lang.pick(
                format!("答辩日期：{text}▏ 已经过去：请填今天或之后的日期"),
                format!("Defense date: {text}▏ is in the past: give today or a later day"),
            ),
            None => lang.pick(
                format!("答辩日期：{text}▏ (YYYY-MM-DD，Enter 保存，留空则清除，Esc 不改)"),
                format!(
                    "Defense date: {text}▏ (YYYY-MM-DD; Enter saves, empty clears, Esc leaves it)"
                ),
            ),
        }
    }
}
