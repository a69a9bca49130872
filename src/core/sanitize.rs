//! Neutralising control characters in text that came from a file.
//!
//! A pack or profile shared by someone else must never be able to drive the
//! user's terminal (escape sequences) or disguise text (bidi overrides), so
//! such characters are replaced before the text is kept anywhere.

use std::borrow::Cow;

/// True for a character that must not reach a terminal from shared content.
fn is_dangerous(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        // Bidi embeddings, overrides and isolates.
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// Replaces C0 controls (except newline and tab), DEL, C1 controls and bidi
/// overrides with U+FFFD; borrows when there is nothing to replace.
pub fn neutralize_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_dangerous) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if is_dangerous(c) { '\u{fffd}' } else { c })
            .collect(),
    )
}

/// Like [`neutralize_controls`], for an owned string.
pub fn neutralize_owned(text: String) -> String {
    match neutralize_controls(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(clean) => clean,
    }
}

/// Like [`neutralize_controls`], replacing in place.
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
    fn keeps_ordinary_text_and_whitespace() {
        let text = "晋升 P7\n\tline two — ok";
        assert!(matches!(neutralize_controls(text), Cow::Borrowed(_)));
    }

    #[test]
    fn replaces_escape_sequences_and_bidi() {
        assert_eq!(neutralize_controls("a\u{1b}[31mb"), "a\u{fffd}[31mb");
        assert_eq!(
            neutralize_controls("x\u{7f}y\u{9b}z"),
            "x\u{fffd}y\u{fffd}z"
        );
        assert_eq!(
            neutralize_controls("\u{202e}abc\u{2066}"),
            "\u{fffd}abc\u{fffd}"
        );
        assert_eq!(neutralize_controls("cr\r\n"), "cr\u{fffd}\n");
    }

    #[test]
    fn replaces_exactly_the_forbidden_ranges() {
        let cases = [
            ('\u{0}', true),
            ('\u{7}', true),
            ('\u{1f}', true),
            ('\u{80}', true),
            ('\u{85}', true),
            ('\u{9f}', true),
            ('\u{202a}', true),
            ('\u{2069}', true),
            ('\n', false),
            ('\t', false),
            (' ', false),
            ('\u{a0}', false),
            ('\u{2029}', false),
            ('\u{202f}', false),
            ('\u{2065}', false),
            ('\u{206a}', false),
        ];
        for (c, replaced) in cases {
            let input = format!("x{c}y");
            let expected = if replaced {
                "x\u{fffd}y".to_string()
            } else {
                input.clone()
            };
            assert_eq!(neutralize_controls(&input), expected, "U+{:04X}", c as u32);
        }
    }
}
