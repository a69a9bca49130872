//! The evidence editor: a multi-line text area open on one indicator.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyModifiers;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line as TextLine, Span, Text};
use ratatui::widgets::{Block, Borders, Widget};
use ratatui_textarea::{Input, TextArea, WrapMode};

use crate::tui::keymap::Key;
use crate::tui::text::wrap;
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
        // The same frame as drawn (see `render`), so that the text area
        // wraps to the width it is drawn at when it moves the cursor.
        area.set_block(Block::default().borders(Borders::ALL));
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
        // The placeholder is wrapped here: the text area would cut it at
        // the frame. The cursor takes the first cell of its first line.
        let room = usize::from(area.width.saturating_sub(3));
        let placeholder: Vec<TextLine<'static>> = wrap(placeholder, room.max(1))
            .into_iter()
            .map(|line| TextLine::from(Span::styled(line, theme.muted)))
            .collect();
        text.set_styled_placeholder(Text::from(placeholder));
        text.set_cursor_style(theme.tab_active);
        (&text).render(area, buf);
        // The text area moves the cursor by the rows it last wrapped to,
        // which it notes while drawn; the copy above is drawn with the
        // title and styles of the moment, so the editor's own area is
        // drawn too, off screen, to note the same rows for `Up`/`Down`.
        let mut scratch = Buffer::empty(area);
        (&self.area).render(area, &mut scratch);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyCode;

    fn key(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    fn drawn(editor: &Editor, width: u16, placeholder: &str) -> Buffer {
        let area = Rect::new(0, 0, width, 6);
        let mut buf = Buffer::empty(area);
        editor.render("Evidence", placeholder, &Theme::no_color(), area, &mut buf);
        buf
    }

    #[test]
    fn up_and_down_move_by_the_rows_on_screen() {
        // 20 columns, 18 inside the frame: "aaaa bbbb cccc dddd eeee ffff"
        // (29 characters) wraps after "cccc " into two rows. The cursor
        // starts at the end, on the second row.
        let mut editor = Editor::new("x", "aaaa bbbb cccc dddd eeee ffff");
        drawn(&editor, 20, "");
        assert_eq!(editor.area.cursor(), (0, 29));
        editor.type_key(key(KeyCode::Up));
        // Still the one line of text, on the row above: not its start.
        let ratatui_textarea::DataCursor(row, col) = editor.area.cursor();
        assert_eq!(row, 0);
        assert!(col > 0 && col < 15, "{col}");
        editor.type_key(key(KeyCode::Down));
        let ratatui_textarea::DataCursor(row, col) = editor.area.cursor();
        assert_eq!(row, 0);
        assert!(col >= 15, "{col}");
    }

    #[test]
    fn the_placeholder_wraps_inside_the_frame() {
        let editor = Editor::new("x", "");
        let text = "What backs this score up: PRs, design docs, dashboards";
        let buf = drawn(&editor, 30, text);
        let rows: Vec<String> = (1..5)
            .map(|y| (1..29).map(|x| buf[(x, y)].symbol()).collect::<String>())
            .collect();
        let joined = rows.join(" ");
        for word in ["PRs,", "design", "docs,", "dashboards"] {
            assert!(joined.contains(word), "{rows:#?}");
        }
    }
}
