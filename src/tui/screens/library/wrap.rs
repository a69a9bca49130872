//! Wrapping and measuring by display width, until the app has a shared
//! text module: breaks where UAX #14 allows, so Chinese wraps between
//! characters and English between words.

use unicode_linebreak::linebreaks;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The columns `text` takes on a terminal.
pub fn display_width(text: &str) -> usize {
    text.width()
}

/// `text` in lines of at most `width` columns (a character wider than
/// `width` still gets a line of its own). Each `\n` starts a new line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    if width == 0 {
        return out;
    }
    for paragraph in text.split('\n') {
        let paragraph = paragraph.replace('\t', " ");
        let mut line = String::new();
        let mut start = 0;
        for (end, _) in linebreaks(&paragraph) {
            let piece = &paragraph[start..end];
            start = end;
            if line.width() + piece.trim_end().width() <= width {
                line.push_str(piece);
                continue;
            }
            if !line.trim_end().is_empty() {
                out.push(line.trim_end().to_owned());
                line.clear();
            }
            if piece.trim_end().width() <= width {
                line.push_str(piece);
                continue;
            }
            // A word longer than the line is cut by width.
            for c in piece.chars() {
                let fits = line.width() + c.width().unwrap_or(0) <= width;
                if !fits && !line.is_empty() {
                    out.push(line.trim_end().to_owned());
                    line.clear();
                }
                line.push(c);
            }
        }
        out.push(line.trim_end().to_owned());
    }
    out
}

/// `text` cut to `width` columns, ending in `…` when something was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.width().unwrap_or(0) + 1 > width {
            break;
        }
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_breaks_between_words_and_chinese_between_characters() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        // Each character is two columns; 5 columns hold two of them.
        assert_eq!(wrap("一二三四五", 5), ["一二", "三四", "五"]);
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap("a\nb", 5), ["a", "b"]);
        assert_eq!(wrap("x", 0), Vec::<String>::new());
    }

    #[test]
    fn truncation_marks_the_cut_and_never_splits_a_character() {
        assert_eq!(truncate("Library", 7), "Library");
        assert_eq!(truncate("Library", 5), "Libr…");
        // 一二 is 4 columns, and a third character would not leave room for …
        assert_eq!(truncate("一二三四", 6), "一二…");
        assert_eq!(truncate("一二三四", 0), "");
    }
}
