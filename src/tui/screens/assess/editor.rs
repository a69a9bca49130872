//! The evidence editor: a multi-line text area open on one indicator.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyModifiers;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Widget};
use ratatui_textarea::{Input, TextArea, WrapMode};

use crate::tui::keymap::Key;
use crate::tui::theme::Theme;

/// Evidence being written for one indicator.
#[derive(Debug, Clone)]
pub struct Editor {
    /// The indicator the evidence belongs to.
    pub id: String,
    area: TextArea<'static>,
}

/// Two editors are the same when they edit the same text of the same
/// indicator with the cursor in the same place (the text area itself has
/// no equality).
impl PartialEq for Editor {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.area.lines() == other.area.lines()
            && self.area.cursor() == other.area.cursor()
    }
}

impl Eq for Editor {}

impl Editor {
    /// An editor on `text`, the cursor at its end so one can go on writing.
    pub fn new(id: &str, text: &str) -> Self {
        let lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(Style::default());
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        Editor {
            id: id.to_owned(),
            area,
        }
    }

    /// Types `key` into the text (a character, Enter, Backspace, arrows...).
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

    /// Draws the text area with a border titled `title`.
    pub fn render(
        &self,
        title: &str,
        placeholder: &str,
        theme: &Theme,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let mut text = self.area.clone();
        text.set_block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border)
                .title(format!(" {title} ")),
        );
        text.set_placeholder_text(placeholder);
        text.set_placeholder_style(theme.muted);
        text.set_cursor_style(theme.tab_active);
        (&text).render(area, buf);
    }
}
