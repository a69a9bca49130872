//! Wrapping and cutting text by display width, for the widgets and screens.
//!
//! A small stand-in with the same names as the shared text module that is on
//! its way (`wrap`, `truncate`), so switching over is a change of import.
//! Breaks come after spaces and between wide (CJK) characters; a word wider
//! than the line is cut by width, never inside a character.

use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The number of terminal cells `s` takes.
pub fn display_width(s: &str) -> usize {
    s.width()
}

/// Wraps `text` into lines at most `width` cells wide. Every `\n` starts a
/// new line; spaces at a break are dropped. Width 0 gives no lines.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    if width == 0 {
        return Vec::new();
    }
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        wrap_paragraph(paragraph.trim_end(), width, &mut lines);
    }
    lines
}

/// Pieces that may not be split: a run of narrow non-space characters, one
/// wide character, or one space.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let narrow_word = !c.is_whitespace() && c.width().unwrap_or(0) < 2;
        if narrow_word {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(&text[s..i]);
        }
        out.push(&text[i..i + c.len_utf8()]);
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

fn wrap_paragraph(text: &str, width: usize, lines: &mut Vec<String>) {
    let first = lines.len();
    let mut line = String::new();
    let mut used = 0;
    for token in tokens(text) {
        let is_space = token.chars().all(char::is_whitespace);
        let w = if is_space { 1 } else { token.width() };
        // Indentation is kept at the start of a paragraph, not after a break.
        if is_space && used == 0 && lines.len() > first {
            continue;
        }
        if used + w <= width {
            line.push_str(if is_space { " " } else { token });
            used += w;
            continue;
        }
        if is_space {
            // A break: the space goes with it.
            lines.push(std::mem::take(&mut line).trim_end().to_owned());
            used = 0;
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line).trim_end().to_owned());
            used = 0;
        }
        // A word wider than the whole line is cut by width.
        for c in token.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > width && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += cw;
        }
    }
    lines.push(line.trim_end().to_owned());
}

/// Cuts `s` to at most `width` cells, ending with `…` when anything was cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw > width - 1 {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    out
}

/// Cuts a styled line to at most `width` cells, ending with `…` (in the
/// style of the text it replaces) when anything was cut.
pub fn truncate_line(line: &Line<'_>, width: usize) -> Line<'static> {
    let owned = |span: &Span<'_>| Span::styled(span.content.to_string(), span.style);
    let total: usize = line.spans.iter().map(|s| s.content.width()).sum();
    if total <= width {
        return Line::from(line.spans.iter().map(owned).collect::<Vec<_>>()).style(line.style);
    }
    let mut spans = Vec::new();
    if width > 0 {
        let mut room = width - 1;
        for span in &line.spans {
            let w = span.content.width();
            if w <= room {
                spans.push(owned(span));
                room -= w;
                continue;
            }
            let cut = truncate(&span.content, room + 1);
            spans.push(Span::styled(cut, span.style));
            break;
        }
    }
    Line::from(spans).style(line.style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_breaks_at_spaces_and_chinese_between_characters() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("技术深度与广度", 6), ["技术深", "度与广", "度"]);
        assert_eq!(wrap("ab\ncd", 10), ["ab", "cd"]);
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert!(wrap("anything", 0).is_empty());
    }

    #[test]
    fn truncation_never_splits_a_wide_character() {
        assert_eq!(truncate("Technical depth", 6), "Techn…");
        assert_eq!(truncate("技术深度", 6), "技术…");
        assert_eq!(truncate("技术深度", 5), "技术…");
        assert_eq!(truncate("技术深度", 8), "技术深度");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn a_styled_line_is_cut_in_the_span_that_overflows() {
        let line = Line::from(vec![Span::raw("当前 "), Span::raw("P6 Senior Engineer")]);
        let cut = truncate_line(&line, 10);
        let text: Vec<&str> = cut.spans.iter().map(|s| s.content.as_ref()).collect();
        // "当前 " takes 5 cells; 4 more of the name, then the ellipsis.
        assert_eq!(text, ["当前 ", "P6 S…"]);
        assert_eq!(truncate_line(&line, 30).spans.len(), 2);
    }
}
