//! The evidence editor: a multi-line text area open on one indicator.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Block;

use crate::tui::keymap::Key;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_box::{TextBox, TextBoxStyle};

/// Text being written for one item: an indicator's evidence, a checklist
/// item's note, a run's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    /// The item the text belongs to.
    pub id: String,
    text: TextBox,
}

impl Editor {
    /// An editor on `text`, the cursor at its end so one can go on writing.
    pub fn new(id: &str, text: &str) -> Self {
        Editor {
            id: id.to_owned(),
            text: TextBox::new(text),
        }
    }

    /// Types `key` into the text (a character, Enter, Backspace, arrows...)
    /// of an editor drawn `width` columns wide, frame included.
    pub fn type_key(&mut self, key: Key, width: u16) {
        self.text.type_key(key, width.saturating_sub(2));
    }

    /// Inserts pasted text at the cursor, as one edit.
    pub fn paste(&mut self, text: &str) {
        self.text.paste(text);
    }

    /// The text as written.
    pub fn text(&self) -> String {
        self.text.text()
    }

    /// Draws the text with a border titled `title`.
    pub fn render(
        &self,
        title: &str,
        placeholder: &str,
        theme: &Theme,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let block = Block::bordered()
            .border_style(theme.border)
            .title(format!(" {title} "));
        let style = TextBoxStyle {
            text: theme.text,
            placeholder: theme.muted,
            cursor: Some(theme.tab_active),
        };
        self.text.render(block, placeholder, style, area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyCode;

    fn key(code: KeyCode) -> Key {
        Key::plain(code)
    }

    fn drawn(editor: &Editor, width: u16, placeholder: &str) -> Vec<String> {
        let area = Rect::new(0, 0, width, 6);
        let mut buf = Buffer::empty(area);
        editor.render("Evidence", placeholder, &Theme::no_color(), area, &mut buf);
        (1..5)
            .map(|y| {
                (1..width - 1)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect()
    }

    #[test]
    fn up_and_down_move_by_the_rows_on_screen() {
        // 20 columns: 18 inside the frame, 17 for text. "aaaa bbbb cccc
        // dddd eeee ffff" wraps after "cccc " (15 cells) into "aaaa bbbb
        // cccc " and "dddd eeee ffff". Typing at the end, then Up, then
        // typing again writes on the first row, at the same column.
        let mut editor = Editor::new("x", "aaaa bbbb cccc dddd eeee ffff");
        editor.type_key(key(KeyCode::Up), 20);
        editor.type_key(key(KeyCode::Char('!')), 20);
        // The second row is 14 cells: Up lands at 14 of the first row, after
        // "aaaa bbbb cccc", before its last space.
        assert_eq!(editor.text(), "aaaa bbbb cccc! dddd eeee ffff");
        editor.type_key(key(KeyCode::Down), 20);
        editor.type_key(key(KeyCode::Char('?')), 20);
        assert_eq!(editor.text(), "aaaa bbbb cccc! dddd eeee ffff?");
    }

    #[test]
    fn wrapped_rows_start_with_their_word() {
        let editor = Editor::new("x", "use errgroup with ctx to cancel siblings");
        let rows = drawn(&editor, 14, "");
        // 12 inside, 11 for text: "use " / "errgroup " / "with ctx to " /
        // "cancel " / "siblings". Four rows show, down to the cursor's.
        let rows: Vec<&str> = rows.iter().map(|row| row.trim_end()).collect();
        assert_eq!(rows, ["errgroup", "with ctx to", "cancel", "siblings"]);
    }

    #[test]
    fn the_placeholder_wraps_inside_the_frame() {
        let editor = Editor::new("x", "");
        let text = "What backs this score up: PRs, design docs, dashboards";
        let joined = drawn(&editor, 30, text).join(" ");
        for word in ["PRs,", "design", "docs,", "dashboards"] {
            assert!(joined.contains(word), "{joined}");
        }
    }
}
