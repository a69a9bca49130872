//! The notes box: a few lines to outline an answer while the clock runs.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::widgets::Block;

use crate::tui::keymap::Key;
use crate::tui::widgets::text_box::{TextBox, TextBoxStyle};

/// What the person jotted for the question on screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notes {
    text: TextBox,
}

impl Notes {
    /// Types `key` (a character, Enter, Backspace, arrows...) into the notes
    /// on a card drawn in `body`.
    pub fn type_key(&mut self, key: Key, body: Rect) {
        self.text.type_key(key, text_width(body));
    }

    /// The text as written.
    pub fn text(&self) -> String {
        self.text.text()
    }

    /// Draws the box titled `title`; the cursor shows only while typing.
    pub fn render(
        &self,
        title: &str,
        placeholder: &str,
        (border, muted): (Style, Style),
        cursor: Option<Style>,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let block = Block::bordered()
            .border_style(border)
            .title(format!(" {title} "));
        let style = TextBoxStyle {
            text: Style::default(),
            placeholder: muted,
            cursor,
        };
        self.text.render(block, placeholder, style, area, buf);
    }
}

/// The card's text inside its margins, on a screen's `body`: the notes box
/// spans it.
pub fn card_inner(body: Rect) -> Rect {
    body.inner(Margin {
        horizontal: 2,
        vertical: 1,
    })
}

/// The columns inside the notes box's frame on a card drawn in `body`.
fn text_width(body: Rect) -> u16 {
    card_inner(body).width.saturating_sub(2)
}
