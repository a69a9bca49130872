//! The notes box: a few lines to outline an answer while the clock runs.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyModifiers;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Widget};
use ratatui_textarea::{Input, TextArea, WrapMode};

use crate::tui::keymap::Key;

/// What the person jotted for the question on screen.
#[derive(Debug, Clone)]
pub struct Notes {
    area: TextArea<'static>,
}

impl Default for Notes {
    fn default() -> Self {
        let mut area = TextArea::default();
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(Style::default());
        Notes { area }
    }
}

/// Two boxes are the same when they hold the same text with the cursor in
/// the same place (the text area itself has no equality).
impl PartialEq for Notes {
    fn eq(&self, other: &Self) -> bool {
        self.area.lines() == other.area.lines() && self.area.cursor() == other.area.cursor()
    }
}

impl Eq for Notes {}

impl Notes {
    /// Types `key` into the notes (a character, Enter, Backspace, arrows...).
    pub fn type_key(&mut self, key: Key) {
        self.area.input(Input {
            key: key.code.into(),
            ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
            alt: key.modifiers.contains(KeyModifiers::ALT),
            shift: key.modifiers.contains(KeyModifiers::SHIFT),
        });
    }

    /// The text as written.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Draws the box titled `title`; the cursor shows only while typing.
    pub fn render(
        &self,
        title: &str,
        placeholder: &str,
        (border, muted): (Style, Style),
        typing: bool,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let mut text = self.area.clone();
        text.set_block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(border)
                .title(format!(" {title} ")),
        );
        text.set_placeholder_text(placeholder);
        text.set_placeholder_style(muted);
        if !typing {
            text.set_cursor_style(Style::default());
        }
        text.render(area, buf);
    }
}
