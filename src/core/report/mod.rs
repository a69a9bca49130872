//! The assessment report (SPEC §4): a JSON model and a Markdown document a
//! person pastes into promotion materials or brings to a 1:1.

mod drill;
mod json;
mod markdown;

pub use drill::{grade_name, kind_name};

pub use json::to_json;
pub use markdown::to_markdown;

use super::profile::Profile;

pub(super) fn mentor_comment<'a>(profile: &'a Profile, id: &str) -> Option<&'a str> {
    profile
        .mentor
        .as_ref()
        .and_then(|m| m.ratings.get(id))
        .and_then(|r| r.comment.as_deref())
        .filter(|c| !c.trim().is_empty())
}

/// A percentage with no decimals, as people read readiness.
pub fn percent(x: f64) -> String {
    format!("{:.0}%", (x * 100.0).round())
}

/// "P7 Technical Expert": the id, then the name unless the name already starts with it.
pub fn level_label(id: &str, name: &str) -> String {
    if name.starts_with(id) || name.is_empty() {
        if name.is_empty() {
            id.to_owned()
        } else {
            name.to_owned()
        }
    } else {
        format!("{id} {name}")
    }
}

/// Evidence as people type it: each line stays a line. In Markdown a single
/// newline would join the lines, so a line followed by plain text gets a
/// hard break (a trailing backslash); lists, headings, quotes, tables and
/// code are left as they are.
pub fn keep_lines(s: &str) -> String {
    let lines: Vec<&str> = s.trim_end().lines().collect();
    let block_start = |l: &str| {
        let t = l.trim_start();
        t.is_empty()
            || t.starts_with(['-', '*', '+', '#', '>', '|'])
            || t.starts_with("```")
            || t.split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };
    let mut out = Vec::with_capacity(lines.len());
    let mut in_code = false;
    for (i, line) in lines.iter().enumerate() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        }
        let next_plain = lines.get(i + 1).is_some_and(|n| !block_start(n));
        if !in_code && next_plain && !line.trim().is_empty() && !line.ends_with('\\') {
            out.push(format!("{line}\\"));
        } else {
            out.push((*line).to_owned());
        }
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::keep_lines;

    #[test]
    fn evidence_lines_stay_lines_in_markdown() {
        assert_eq!(keep_lines("one\ntwo\nthree"), "one\\\ntwo\\\nthree");
        // Lists, blank lines and code are left alone.
        assert_eq!(keep_lines("intro\n- a\n- b"), "intro\n- a\n- b");
        assert_eq!(keep_lines("a\n\nb"), "a\n\nb");
        assert_eq!(keep_lines("```\nx\ny\n```"), "```\nx\ny\n```");
        assert_eq!(keep_lines("see:\n1. first"), "see:\n1. first");
    }
}
