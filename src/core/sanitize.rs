//! Neutralising control characters in text that came from a file.
//!
//! A pack or profile shared by someone else must never be able to drive the
//! user's terminal (escape sequences) or disguise text (bidi overrides), so
//! such characters are replaced before the text is kept anywhere.

use std::borrow::Cow;

/// True for a character that must not reach a terminal from shared content.
pub fn is_dangerous(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        // Bidi marks, embeddings, overrides and isolates.
        '\u{61c}' | '\u{200e}' | '\u{200f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// Replaces C0 controls (except newline and tab), DEL, C1 controls and bidi
/// controls with U+FFFD; borrows when there is nothing to replace.
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

/// Neutralises a one-line value (a name, an id, a path): newlines and tabs
/// become spaces as well, so the value cannot start a line of its own.
pub fn neutralize_line(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' => ' ',
            c if is_dangerous(c) => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// Escapes, as `\uXXXX`, the characters of JSON text that serde_json leaves
/// raw but a terminal would act on (DEL, C1, bidi controls). Outside strings
/// JSON is ASCII punctuation, so every such character is inside a string,
/// where the escape decodes back to the same character.
pub fn escape_json_controls(json: String) -> String {
    if !json.chars().any(is_dangerous) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_dangerous(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
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
            ('\u{61c}', true),
            ('\u{200e}', true),
            ('\u{200f}', true),
            ('\u{200d}', false),
            ('\u{2010}', false),
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

    #[test]
    fn json_escapes_what_serde_json_leaves_raw() {
        let json = serde_json::to_string(&"a\u{1b}b\u{85}c\u{202e}d\u{7f}").unwrap();
        let escaped = escape_json_controls(json);
        assert_eq!(escaped, r#""a\u001bb\u0085c\u202ed\u007f""#);
        let back: String = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, "a\u{1b}b\u{85}c\u{202e}d\u{7f}");
    }

    #[test]
    fn a_line_value_cannot_break_the_line() {
        assert_eq!(neutralize_line("a\n# b\tc\u{200f}"), "a # b c\u{fffd}");
    }
}
