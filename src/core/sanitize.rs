//! Neutralising text that came from a file someone else may have written.
//!
//! Profiles and content packs are shared between people. A string that
//! carries terminal escape sequences or bidirectional overrides could
//! redraw or disguise what the user sees, so such characters are replaced
//! with U+FFFD as soon as the text is loaded.

use std::borrow::Cow;

/// The character that stands in for a neutralised control character.
pub const REPLACEMENT: char = '\u{FFFD}';

/// Whether `c` is a character that must never reach a terminal from loaded text.
///
/// That is every C0 control except newline and tab, DEL, every C1 control,
/// and the bidirectional embeddings, overrides and isolates.
pub fn is_unsafe_control(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => true,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// Replaces every unsafe control character in `text` with U+FFFD, borrowing when there is none.
pub fn neutralize_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if is_unsafe_control(c) { REPLACEMENT } else { c })
            .collect(),
    )
}

/// Neutralises `text` in place, leaving it untouched (and unallocated) when it is already safe.
pub fn neutralize_in_place(text: &mut String) {
    if let Cow::Owned(clean) = neutralize_controls(text) {
        *text = clean;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        let text = "Led the p99 latency work\n\twith\u{00e9}t\u{00e9} 性能 🚀";
        assert!(matches!(neutralize_controls(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn escape_sequences_lose_their_escape() {
        assert_eq!(neutralize_controls("a\u{1b}[31mred"), "a\u{FFFD}[31mred");
    }

    #[test]
    fn every_forbidden_class_is_replaced() {
        let cases = [
            ('\u{0}', true),
            ('\r', true),
            ('\u{7}', true),
            ('\u{1F}', true),
            ('\u{7F}', true),
            ('\u{80}', true),
            ('\u{85}', true),
            ('\u{9B}', true),
            ('\u{9F}', true),
            ('\u{202A}', true),
            ('\u{202E}', true),
            ('\u{2066}', true),
            ('\u{2069}', true),
            ('\n', false),
            ('\t', false),
            (' ', false),
            ('\u{A0}', false),
            ('\u{2029}', false),
            ('\u{202F}', false),
            ('\u{2065}', false),
            ('\u{206A}', false),
        ];
        for (c, unsafe_) in cases {
            let input = format!("x{c}y");
            let expected = if unsafe_ {
                "x\u{FFFD}y".to_string()
            } else {
                input.clone()
            };
            assert_eq!(neutralize_controls(&input), expected, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn in_place_replaces_each_character_once() {
        let mut text = String::from("\u{202E}abc\u{1b}\u{1b}");
        neutralize_in_place(&mut text);
        assert_eq!(text, "\u{FFFD}abc\u{FFFD}\u{FFFD}");
    }
}
