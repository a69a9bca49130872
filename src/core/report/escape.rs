//! Values placed in the Markdown report, escaped for where they go.
//!
//! Names, ids, comments and pack texts come from files other people write:
//! none of them may add a heading, a table cell, a link or raw HTML to the
//! report, so each is escaped for its context.

use crate::core::sanitize::{neutralize_controls, neutralize_line};

/// The ASCII punctuation that can start or end Markdown syntax inside a line
/// (emphasis, links and images, autolinks and HTML, table cells,
/// strikethrough, a heading's closing `#`). `(`, `!` and the like only act
/// after a `[`, which is escaped, so they are left as written.
const INLINE_SPECIAL: &[char] = &['\\', '*', '_', '[', ']', '<', '|', '~', '#'];

/// A value inside a line of text or a heading: one line, with every
/// character that could start Markdown syntax backslash-escaped, so it shows
/// as written. Code spans (`` `x` ``, as pack texts use them) stay code.
pub(super) fn inline(s: &str) -> String {
    escape_line(s, false)
}

/// A value in a table cell: as [`inline`], and a `|` inside a code span is
/// escaped too (GFM reads `\|` there as a `|` that does not end the cell).
pub(super) fn cell(s: &str) -> String {
    escape_line(s, true)
}

fn escape_line(s: &str, in_cell: bool) -> String {
    let line = neutralize_line(s);
    let chars: Vec<char> = line.trim().chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '`' {
            let run = chars[i..].iter().take_while(|c| **c == '`').count();
            if let Some(end) = closing_run(&chars, i + run, run) {
                for &c in &chars[i..end + run] {
                    if in_cell && c == '|' {
                        out.push('\\');
                    }
                    out.push(c);
                }
                i = end + run;
            } else {
                for _ in 0..run {
                    out.push_str("\\`");
                }
                i += run;
            }
            continue;
        }
        // `&` only starts an entity (`&lt;`, `&#60;`) when a name or `#` follows.
        let entity = chars[i] == '&'
            && chars
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '#');
        if INLINE_SPECIAL.contains(&chars[i]) || entity {
            out.push('\\');
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Where a run of exactly `run` backticks starts at or after `from`.
fn closing_run(chars: &[char], from: usize, run: usize) -> Option<usize> {
    let mut j = from;
    while j < chars.len() {
        if chars[j] == '`' {
            let n = chars[j..].iter().take_while(|c| **c == '`').count();
            if n == run {
                return Some(j);
            }
            j += n;
        } else {
            j += 1;
        }
    }
    None
}

/// A value shown as code (an id): inside a code span whose fence is longer
/// than any run of backticks in the value. A `|` cannot be escaped inside a
/// code span in a table, so it is replaced by a look-alike.
pub(super) fn code(s: &str) -> String {
    let line = neutralize_line(s).replace('|', "¦");
    let mut longest = 0;
    let mut run = 0;
    for c in line.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if line.starts_with('`') || line.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{line}{pad}{fence}")
}

/// Text of several lines a person wrote (evidence, notes): its lists and
/// emphasis are kept, but raw HTML shows as text and no line can become a
/// heading, a setext underline or a table row.
pub(crate) fn block(s: &str) -> String {
    let clean = neutralize_controls(s);
    let mut out = Vec::new();
    // The fence of the code block the line is in: code is left as written.
    let mut fence: Option<String> = None;
    for l in clean.lines() {
        let body = l.trim_start();
        let lead = &l[..l.len() - body.len()];
        if let Some(open) = &fence {
            if body.trim_end() == open.as_str() {
                fence = None;
            }
            out.push(l.to_owned());
            continue;
        }
        if let Some(marker) = fence_of(body) {
            fence = Some(marker);
            out.push(l.to_owned());
            continue;
        }
        let l = l.replace('&', "&amp;").replace('<', "&lt;");
        let body = &l[lead.len()..];
        let underline = !body.trim().is_empty()
            && (body.trim_end().chars().all(|c| c == '=')
                || body.trim_end().chars().all(|c| c == '-' || c == ' '));
        if body.starts_with(['#', '|']) || underline {
            out.push(format!("{lead}\\{body}"));
        } else {
            out.push(l);
        }
    }
    // An unclosed fence would turn the rest of the report into code.
    if let Some(open) = fence {
        out.push(open);
    }
    out.join("\n")
}

/// The fence (```` ``` ```` or `~~~`, as long as written) a line opens, if any.
fn fence_of(line: &str) -> Option<String> {
    let first = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let run: String = line.chars().take_while(|c| *c == first).collect();
    (run.chars().count() >= 3).then_some(run)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_escapes_what_starts_syntax() {
        assert_eq!(inline("P|X"), "P\\|X");
        assert_eq!(inline("Dana\n# I approve"), "Dana \\# I approve");
        assert_eq!(inline("<script>x</script>"), "\\<script>x\\</script>");
        assert_eq!(inline("A & B &lt; (c)!"), "A & B \\&lt; (c)!");
        assert_eq!(inline("a_b *c*"), "a\\_b \\*c\\*");
        assert_eq!(inline("P7 Expert"), "P7 Expert");
        assert_eq!(inline("uses `chan<- T` well"), "uses `chan<- T` well");
        assert_eq!(inline("a ` b"), "a \\` b");
        assert_eq!(cell("`a|b` c|d"), "`a\\|b` c\\|d");
    }

    #[test]
    fn code_spans_outgrow_backticks() {
        assert_eq!(code("a.b"), "`a.b`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
        assert_eq!(code("a|b"), "`a¦b`");
    }

    #[test]
    fn block_keeps_lists_but_not_headings_or_html() {
        assert_eq!(block("- one\n- two"), "- one\n- two");
        assert_eq!(block("x\n# head"), "x\n\\# head");
        assert_eq!(block("x\n==="), "x\n\\===");
        assert_eq!(block("x\n---"), "x\n\\---");
        assert_eq!(block("<iframe src=x>"), "&lt;iframe src=x>");
        assert_eq!(block("```\n<b>\n# c\n```"), "```\n<b>\n# c\n```");
        assert_eq!(block("```\nopen"), "```\nopen\n```");
    }
}
