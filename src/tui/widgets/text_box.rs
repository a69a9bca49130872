//! A box of text one writes in: evidence, a checklist note, a drill's
//! notes, a run's name.
//!
//! Editing (typing, deleting, words, undo, selection) is
//! `ratatui-textarea`'s; the wrapping, the cursor's moves between the rows
//! one sees, and the drawing are ours, so that a wrapped row never starts
//! with the space it was broken at and `Up`/`Down` go to the row above or
//! below as drawn. Rows break where [`crate::tui::text::wrap`] breaks them
//! (UAX #14: after spaces, between ideographs); the spaces at a break stay
//! at the end of the row they follow, past its right edge if need be.
//!
//! One column at the right of every row is kept free, so the cursor after
//! a row's last character is drawn on that row, not at the start of the
//! next one. How far the text is scrolled follows from where the cursor is,
//! so drawing needs nothing but the box itself.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use ratatui_textarea::{CursorMove, DataCursor, Input, TextArea};
use unicode_linebreak::linebreaks;
use unicode_width::UnicodeWidthChar;

use crate::tui::keymap::Key;
use crate::tui::text::wrap;

/// Text being written, with its cursor.
#[derive(Debug, Clone, Default)]
pub struct TextBox {
    area: TextArea<'static>,
    /// The column `Up` and `Down` aim for, kept across a run of them so a
    /// short row on the way does not pull the cursor left for good.
    goal: Option<usize>,
}

/// Two boxes are the same when they hold the same text with the cursor in
/// the same place (the text area itself has no equality).
impl PartialEq for TextBox {
    fn eq(&self, other: &Self) -> bool {
        self.area.lines() == other.area.lines() && self.area.cursor() == other.area.cursor()
    }
}

impl Eq for TextBox {}

/// How a box is drawn.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextBoxStyle {
    /// The text.
    pub text: Style,
    /// The placeholder shown while there is no text.
    pub placeholder: Style,
    /// The cell under the cursor; `None` hides the cursor.
    pub cursor: Option<Style>,
}

/// One row as drawn: the line of the text it belongs to and the bytes of
/// that line it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    line: usize,
    bytes: Range<usize>,
}

impl TextBox {
    /// A box holding `text`, the cursor at its end so one can go on writing.
    pub fn new(text: &str) -> Self {
        let lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
        let mut area = TextArea::new(lines);
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        TextBox { area, goal: None }
    }

    /// The text as written.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Types `key` (a character, Enter, Backspace, arrows...) into a box
    /// drawn `width` columns wide inside its frame. `Up` and `Down` (and
    /// Emacs' `Ctrl-P`, `Ctrl-N`) move between the rows drawn at that
    /// width; with Shift they extend the selection.
    pub fn type_key(&mut self, key: Key, width: u16) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let shift = key.modifiers.contains(KeyModifiers::SHIFT);
        let step = match key.code {
            KeyCode::Up if !ctrl && !alt => Some((-1, None)),
            KeyCode::Down if !ctrl && !alt => Some((1, None)),
            KeyCode::Char('p') if ctrl && !alt => Some((-1, None)),
            KeyCode::Char('n') if ctrl && !alt => Some((1, None)),
            // Home and End go to the ends of the row on screen.
            KeyCode::Home if !ctrl && !alt => Some((0, Some(0))),
            KeyCode::End if !ctrl && !alt => Some((0, Some(usize::MAX))),
            _ => None,
        };
        match step {
            Some((step, aim)) => {
                if aim.is_some() {
                    self.goal = aim;
                }
                self.move_row(step, shift, width);
            }
            None => {
                self.goal = None;
                self.area.input(Input {
                    key: key.code.into(),
                    ctrl,
                    alt,
                    shift,
                });
            }
        }
    }

    /// Inserts pasted text at the cursor, as one edit.
    pub fn paste(&mut self, text: &str) {
        self.goal = None;
        self.area.insert_str(text);
    }

    /// Moves the cursor one drawn row up (`-1`) or down (`1`), or along its
    /// own row (`0`), to the column it aims for or the end of a shorter
    /// row. Nothing moves past the first or the last row.
    fn move_row(&mut self, step: isize, select: bool, width: u16) {
        let wrap_width = wrap_width(width);
        let rows = self.rows(wrap_width);
        let (at, column) = self.cursor_on(&rows, wrap_width);
        let goal = *self.goal.get_or_insert(column);
        let Some(target) = at.checked_add_signed(step).filter(|t| *t < rows.len()) else {
            return;
        };
        let row = &rows[target];
        let line = &self.area.lines()[row.line];
        // The last row of a line takes a cursor after its last character;
        // on any other row that place is the next row's start.
        let last_of_line = rows
            .get(target + 1)
            .is_none_or(|next| next.line != row.line);
        let mut byte = row.bytes.start;
        let mut used = 0;
        for (offset, c) in line[row.bytes.clone()].char_indices() {
            let next = row.bytes.start + offset + c.len_utf8();
            let after = used + cell_width(c);
            if after > goal || (next == row.bytes.end && !last_of_line) {
                break;
            }
            used = after;
            byte = next;
        }
        let column = line[..byte].chars().count();
        if select {
            if !self.area.is_selecting() {
                self.area.start_selection();
            }
        } else {
            self.area.cancel_selection();
        }
        self.area.move_cursor(CursorMove::Jump(
            u16::try_from(row.line).unwrap_or(u16::MAX),
            u16::try_from(column).unwrap_or(u16::MAX),
        ));
    }

    /// Every row drawn when the text is wrapped to `width` columns.
    fn rows(&self, width: usize) -> Vec<Row> {
        self.area
            .lines()
            .iter()
            .enumerate()
            .flat_map(|(line, text)| {
                row_bytes(text, width)
                    .into_iter()
                    .map(move |bytes| Row { line, bytes })
            })
            .collect()
    }

    /// The row the cursor is drawn on and its column there.
    fn cursor_on(&self, rows: &[Row], width: usize) -> (usize, usize) {
        let DataCursor(line, column) = self.area.cursor();
        let text = &self.area.lines()[line];
        let byte = text
            .char_indices()
            .nth(column)
            .map_or(text.len(), |(byte, _)| byte);
        // The last row of the line that starts at or before the cursor: a
        // cursor where a row breaks belongs to the row that follows.
        let at = rows
            .iter()
            .rposition(|row| row.line == line && row.bytes.start <= byte)
            .unwrap_or(0);
        let start = rows.get(at).map_or(0, |row| row.bytes.start);
        let used = text[start..byte].chars().map(cell_width).sum::<usize>();
        // Among the spaces past a row's edge the cursor waits at the edge.
        (at, used.min(width))
    }

    /// Draws the box inside `block`, scrolled so the cursor is in view.
    pub fn render(
        &self,
        block: Block<'_>,
        placeholder: &str,
        style: TextBoxStyle,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let inner = block.inner(area).intersection(buf.area);
        block.render(area, buf);
        if inner.is_empty() {
            return;
        }
        let width = wrap_width(inner.width);
        let height = usize::from(inner.height);
        let empty = self.area.lines().iter().all(String::is_empty);
        if empty && !placeholder.is_empty() {
            // The placeholder starts where typing will, the cursor on its
            // first cell.
            for (text, y) in wrap(placeholder, usize::from(inner.width))
                .into_iter()
                .zip(inner.top()..inner.bottom())
            {
                let row = Rect::new(inner.x, y, inner.width, 1);
                Line::from(Span::styled(text, style.placeholder)).render(row, buf);
            }
            if let Some(cursor) = style.cursor {
                buf.set_style(Rect::new(inner.x, inner.y, 1, 1), cursor);
            }
            return;
        }
        let rows = self.rows(width);
        let (at, column) = self.cursor_on(&rows, width);
        let top = at.saturating_sub(height - 1);
        let selection = self.area.selection_range();
        for ((index, row), y) in rows
            .iter()
            .enumerate()
            .skip(top)
            .zip(inner.top()..inner.bottom())
        {
            let line = &self.area.lines()[row.line];
            let mut x = inner.x;
            let first = line[..row.bytes.start].chars().count();
            let mut last = None;
            for (column_index, c) in (first..).zip(line[row.bytes.clone()].chars()) {
                let cells = cell_width(c);
                if usize::from(x - inner.x) + cells > usize::from(inner.width) {
                    break;
                }
                let selected = selection.is_some_and(|(from, to)| {
                    (from.0, from.1) <= (row.line, column_index)
                        && (row.line, column_index) < (to.0, to.1)
                });
                let mut cell_style = style.text;
                if selected {
                    cell_style = cell_style.add_modifier(Modifier::REVERSED);
                }
                if cells == 0 {
                    // A combining mark joins the character drawn before it.
                    if let Some(cell) = last.and_then(|at| buf.cell_mut((at, y))) {
                        let joined = format!("{}{c}", cell.symbol());
                        cell.set_symbol(&joined);
                    }
                } else {
                    let symbol = if c.is_control() { ' ' } else { c };
                    buf.set_string(x, y, symbol.to_string(), cell_style);
                    last = Some(x);
                    x += u16::try_from(cells).unwrap_or(1);
                }
            }
            if index == at
                && let Some(cursor) = style.cursor
            {
                let x = inner.x + u16::try_from(column).unwrap_or(0);
                if x < inner.right() {
                    buf.set_style(Rect::new(x, y, 1, 1), cursor);
                }
            }
        }
    }
}

/// The columns text wraps to in a box `width` columns wide inside its
/// frame: one is kept for the cursor after a row's end.
fn wrap_width(width: u16) -> usize {
    usize::from(width.saturating_sub(1)).max(1)
}

/// The cells a character takes as drawn here: a tab or another control
/// character is drawn as one space.
fn cell_width(c: char) -> usize {
    if c.is_control() {
        1
    } else {
        c.width().unwrap_or(0)
    }
}

/// The bytes of each row `line` is drawn in at `width` columns. A row ends
/// where UAX #14 allows a break, keeping the spaces before it; a word wider
/// than a row is cut between characters. An empty line is one empty row.
fn row_bytes(line: &str, width: usize) -> Vec<Range<usize>> {
    let mut rows = Vec::new();
    let mut row_start = 0;
    // Cells the row takes up to the end of its last word (not counting the
    // spaces after it) and with them.
    let mut used = 0;
    let mut segment_start = 0;
    for (end, _) in linebreaks(line) {
        let segment = &line[segment_start..end];
        let word = segment.trim_end_matches([' ', '\t']);
        let word_cells: usize = word.chars().map(cell_width).sum();
        // The spaces and tabs after the word, one cell each.
        let space_cells = segment.len() - word.len();
        if used + word_cells <= width {
            used += word_cells + space_cells;
        } else if word_cells <= width {
            rows.push(row_start..segment_start);
            row_start = segment_start;
            used = word_cells + space_cells;
        } else {
            // A word wider than a row: it starts a row of its own and is
            // cut where a character would cross the edge.
            if row_start < segment_start {
                rows.push(row_start..segment_start);
                row_start = segment_start;
            }
            used = 0;
            for (offset, c) in word.char_indices() {
                let cells = cell_width(c);
                if used > 0 && used + cells > width {
                    rows.push(row_start..segment_start + offset);
                    row_start = segment_start + offset;
                    used = 0;
                }
                used += cells;
            }
            used += space_cells;
        }
        segment_start = end;
    }
    rows.push(row_start..line.len());
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> Key {
        Key::plain(code)
    }

    fn rows_of(line: &str, width: usize) -> Vec<&str> {
        row_bytes(line, width)
            .into_iter()
            .map(|r| &line[r])
            .collect()
    }

    /// The box drawn in a frame `width` × `height` (inside: two less each
    /// way), as the rows of text inside the frame, cursor shown as `|`
    /// before the character it is on.
    fn drawn(text_box: &TextBox, width: u16, height: u16) -> Vec<String> {
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        let style = TextBoxStyle {
            cursor: Some(Style::new().add_modifier(Modifier::REVERSED)),
            ..TextBoxStyle::default()
        };
        text_box.render(
            Block::bordered(),
            "Write here what backs this up",
            style,
            area,
            &mut buf,
        );
        (1..height - 1)
            .map(|y| {
                let mut row = String::new();
                for x in 1..width - 1 {
                    let cell = &buf[(x, y)];
                    if cell.modifier.contains(Modifier::REVERSED) {
                        row.push('|');
                    }
                    row.push_str(cell.symbol());
                }
                row.trim_end().to_owned()
            })
            .collect()
    }

    #[test]
    fn a_row_breaks_after_its_spaces_never_before_them() {
        // Width 4: "aaaa" fills a row; the space after it stays on that
        // row, so the next row starts with "bbbb".
        assert_eq!(rows_of("aaaa bbbb", 4), ["aaaa ", "bbbb"]);
        // Three spaces past the edge stay with the word before them.
        assert_eq!(rows_of("aaaa   bbbb cc", 4), ["aaaa   ", "bbbb ", "cc"]);
        // "use errgroup with ctx" at 8: "use " (4) + "errgroup" (8) is too
        // wide, "errgroup" alone is 8 and fits, "with " then "ctx" (4+3).
        assert_eq!(
            rows_of("use errgroup with ctx", 8),
            ["use ", "errgroup ", "with ctx"]
        );
    }

    #[test]
    fn a_word_wider_than_a_row_is_cut_between_characters() {
        assert_eq!(rows_of("abcdefghij k", 4), ["abcd", "efgh", "ij k"]);
        // Chinese breaks between characters, two cells each: 3 per 6 cells.
        assert_eq!(rows_of("并发模型由我设计", 6), ["并发模", "型由我", "设计"]);
        // A wide character never crosses the edge: at 3, one a row.
        assert_eq!(rows_of("中文", 3), ["中", "文"]);
        assert_eq!(rows_of("", 5), [""]);
    }

    #[test]
    fn wrapped_rows_do_not_start_with_a_space() {
        // Frame 10 wide: 8 inside, 7 for text. "errgroup" (8) is cut.
        // "use errgroup with ctx": "use " / "errgrou" / "p with " / "ctx".
        let text_box = TextBox::new("use errgroup with ctx");
        assert_eq!(
            drawn(&text_box, 10, 6),
            ["use", "errgrou", "p with", "ctx|"]
        );
        let text_box = TextBox::new("go vet ./... passes on every commit");
        for row in drawn(&text_box, 12, 7) {
            assert!(!row.starts_with(' '), "{row:?}");
        }
    }

    #[test]
    fn the_cursor_after_a_full_row_stays_on_that_row() {
        // 5 inside, 4 for text: "abcd" fills the row; the cursor after it
        // is drawn in the kept column, not on a new row.
        let text_box = TextBox::new("abcd");
        assert_eq!(drawn(&text_box, 7, 4), ["abcd|", ""]);
    }

    #[test]
    fn up_and_down_move_by_the_rows_drawn() {
        // 10 inside (width 10), 9 for text: "aaaa bbbb " / "cccc dddd " /
        // "ee". The cursor starts at the end: row 2, column 2.
        let mut text_box = TextBox::new("aaaa bbbb cccc dddd ee");
        assert_eq!(text_box.area.cursor(), DataCursor(0, 22));
        text_box.type_key(key(KeyCode::Up), 10);
        // Row 1 starts at character 10: column 2 there is character 12.
        assert_eq!(text_box.area.cursor(), DataCursor(0, 12));
        text_box.type_key(key(KeyCode::Up), 10);
        assert_eq!(text_box.area.cursor(), DataCursor(0, 2));
        // Nothing above the first row.
        text_box.type_key(key(KeyCode::Up), 10);
        assert_eq!(text_box.area.cursor(), DataCursor(0, 2));
        text_box.type_key(key(KeyCode::Down), 10);
        text_box.type_key(key(KeyCode::Down), 10);
        assert_eq!(text_box.area.cursor(), DataCursor(0, 22));
    }

    #[test]
    fn up_and_down_keep_the_column_they_aim_for() {
        // Lines "abcdefgh", "ab", "abcdefgh"; from column 6 of the last,
        // Up lands at the end of "ab" (column 2) and Up again at column 6.
        let mut text_box = TextBox::new("abcdefgh\nab\nabcdefgh");
        text_box.area.move_cursor(CursorMove::Jump(2, 6));
        text_box.type_key(key(KeyCode::Up), 20);
        assert_eq!(text_box.area.cursor(), DataCursor(1, 2));
        text_box.type_key(key(KeyCode::Up), 20);
        assert_eq!(text_box.area.cursor(), DataCursor(0, 6));
        // Any other key forgets the aim.
        text_box.type_key(key(KeyCode::Left), 20);
        text_box.type_key(key(KeyCode::Down), 20);
        assert_eq!(text_box.area.cursor(), DataCursor(1, 2));
    }

    #[test]
    fn down_onto_a_row_that_breaks_stops_before_the_break() {
        // 6 for text: "abcde " / "fghij" then line "xy". From column 5
        // of "fghij" (its end), Up lands on the space at column 5 of row 0,
        // not at the break (which is row 1's start).
        let mut text_box = TextBox::new("abcde fghij");
        text_box.type_key(key(KeyCode::Up), 7);
        assert_eq!(text_box.area.cursor(), DataCursor(0, 5));
    }

    #[test]
    fn chinese_rows_move_by_cells() {
        // 6 for text (frame width 7): "并发模" / "型由我" / "设计".
        // The cursor at the end is at cell 4 of row 2; Up goes to cell 4
        // of row 1, after "型由" (character 5 of the line).
        let mut text_box = TextBox::new("并发模型由我设计");
        text_box.type_key(key(KeyCode::Up), 7);
        assert_eq!(text_box.area.cursor(), DataCursor(0, 5));
    }

    #[test]
    fn home_and_end_go_to_the_ends_of_the_row_on_screen() {
        // 9 for text: "aaaa bbbb " / "cccc dddd " / "ee"; the cursor on row 1.
        let mut text_box = TextBox::new("aaaa bbbb cccc dddd ee");
        text_box.type_key(key(KeyCode::Up), 10);
        text_box.type_key(key(KeyCode::Home), 10);
        assert_eq!(text_box.area.cursor(), DataCursor(0, 10));
        // End stops before the space the row breaks at: after it is row 2.
        text_box.type_key(key(KeyCode::End), 10);
        assert_eq!(text_box.area.cursor(), DataCursor(0, 19));
        // And keeps aiming at the end: Down lands at the end of "ee".
        text_box.type_key(key(KeyCode::Down), 10);
        assert_eq!(text_box.area.cursor(), DataCursor(0, 22));
    }

    #[test]
    fn the_view_follows_the_cursor() {
        // Four rows of text in a box two rows high: the last two show
        // while the cursor is at the end, the first two once it is at the top.
        let mut text_box = TextBox::new("one\ntwo\nthree\nfour");
        assert_eq!(drawn(&text_box, 10, 4), ["three", "four|"]);
        for _ in 0..3 {
            text_box.type_key(key(KeyCode::Up), 8);
        }
        // Up aims for column 4: the end of "two", then of "one".
        assert_eq!(drawn(&text_box, 10, 4), ["one|", "two"]);
    }

    #[test]
    fn the_placeholder_wraps_inside_the_frame() {
        let text_box = TextBox::new("");
        // 14 inside: "Write here" / "what backs" / "this up", the cursor on
        // the first letter, where typing starts.
        assert_eq!(
            drawn(&text_box, 16, 5),
            ["|Write here", "what backs", "this up"]
        );
    }

    #[test]
    fn shift_down_selects_and_the_selection_is_drawn() {
        let mut text_box = TextBox::new("ab\ncd");
        text_box.area.move_cursor(CursorMove::Jump(0, 1));
        text_box.type_key(
            Key {
                code: KeyCode::Down,
                modifiers: KeyModifiers::SHIFT,
            },
            10,
        );
        assert_eq!(text_box.area.selection_range(), Some(((0, 1), (1, 1))));
        // "b" and "c" are selected (reversed, drawn with a bar here) and
        // the cursor is on "d".
        assert_eq!(drawn(&text_box, 10, 4), ["a|b", "|c|d"]);
    }
}
