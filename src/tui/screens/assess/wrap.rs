//! Splitting and cutting text by display width, for this screen alone until
//! the shared text module (UAX #14 line breaking) is on this branch.
//!
//! Breaks go after spaces, and between any two characters that are not both
//! part of a Latin word, so an unspaced Chinese run wraps anywhere. A word
//! wider than the line is cut by width. No character is ever split.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The columns `text` takes.
pub fn width(text: &str) -> usize {
    text.width()
}

/// `text` split into lines of at most `max` columns (at least one line;
/// hard line breaks are kept).
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut out = Vec::new();
    for source in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for token in tokens(source) {
            let w = width(token);
            if used + w > max && used > 0 {
                out.push(line.trim_end().to_owned());
                line.clear();
                used = 0;
                if token == " " {
                    continue;
                }
            }
            if w > max {
                for c in token.chars() {
                    let cw = c.width().unwrap_or(0);
                    if used + cw > max && used > 0 {
                        out.push(std::mem::take(&mut line));
                        used = 0;
                    }
                    line.push(c);
                    used += cw;
                }
            } else {
                line.push_str(token);
                used += w;
            }
        }
        out.push(line.trim_end().to_owned());
    }
    out
}

/// Pieces that stay together on a line: a run of Latin letters and digits
/// (with what clings to them), a space, or a single other character.
fn tokens(text: &str) -> Vec<&str> {
    let clings = |c: char| c.is_ascii_alphanumeric() || "'.,;:!?)]}%`-_/\"".contains(c);
    // Chinese closing punctuation never starts a line: it joins the piece before.
    let closes = |c: char| "，。、；：？！）」』》”’…".contains(c);
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if clings(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            spans.push((s, i));
        }
        let end = i + c.len_utf8();
        match spans.last_mut() {
            Some(last) if closes(c) && last.1 == i && &text[last.0..i] != " " => last.1 = end,
            _ => spans.push((i, end)),
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans.into_iter().map(|(s, e)| &text[s..e]).collect()
}

/// `text` cut to at most `max` columns, with `…` when something was cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw + 1 > max {
            break;
        }
        out.push(c);
        used += cw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_words_move_whole_to_the_next_line() {
        assert_eq!(
            wrap("rate every indicator", 10),
            ["rate every", "indicator"]
        );
    }

    #[test]
    fn chinese_wraps_between_any_two_characters() {
        // Each character is two columns: three fit in seven.
        assert_eq!(wrap("一二三四五六七", 7), ["一二三", "四五六", "七"]);
    }

    #[test]
    fn closing_punctuation_stays_with_the_character_before() {
        // "三，" moves together rather than leaving "，" to start a line.
        assert_eq!(wrap("一二三，四", 6), ["一二", "三，四"]);
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut() {
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
    }

    #[test]
    fn hard_breaks_are_kept_and_blank_lines_survive() {
        assert_eq!(wrap("a\n\nb", 5), ["a", "", "b"]);
    }

    #[test]
    fn truncation_marks_the_cut_and_never_splits_a_character() {
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("一二三", 4), "一…");
        assert_eq!(truncate("ok", 2), "ok");
        assert_eq!(truncate("abc", 0), "");
    }
}
