//! The assessment report (SPEC §4): a JSON model and a Markdown document a
//! person pastes into promotion materials or brings to a 1:1.

mod drill;
pub(crate) mod escape;
mod json;
pub(crate) mod markdown;
mod mentor;

pub use drill::{grade_name, kind_name};

pub use json::{to_json, to_json_with_runs};
pub use markdown::{readiness_rule, to_markdown, to_markdown_with_runs};

use super::content::Pack;
use super::profile::Profile;
use super::score::Assessment;

/// An indicator the person meets that is worth telling a panel about.
pub(super) struct Strength<'a> {
    /// Its level's position in the ladder.
    pub level: usize,
    pub dimension: &'a crate::core::content::Dimension,
    pub indicator: &'a crate::core::content::Indicator,
    pub score: u32,
    /// The evidence, when there is any.
    pub evidence: Option<&'a str>,
}

/// The strengths: met indicators up to one level above the target, the
/// highest levels first, then the highest scores, then ladder order.
pub(super) fn strengths<'a>(
    pack: &'a Pack,
    profile: &'a Profile,
    a: &Assessment,
) -> Vec<Strength<'a>> {
    let target = a
        .target_level
        .as_deref()
        .and_then(|t| pack.level_index(t))
        .unwrap_or(0);
    let mut items: Vec<Strength<'a>> = pack
        .indicators()
        .filter_map(|(dimension, indicator)| {
            let r = profile.ratings.get(indicator.id.as_str())?;
            let level = pack.level_index(&indicator.level)?;
            (r.score >= pack.meets && level <= target + 1).then_some(Strength {
                level,
                dimension,
                indicator,
                score: r.score,
                evidence: r.evidence.as_deref().filter(|e| !e.trim().is_empty()),
            })
        })
        .collect();
    items.sort_by(|x, y| y.level.cmp(&x.level).then(y.score.cmp(&x.score)));
    items
}

pub(super) fn mentor_comment<'a>(profile: &'a Profile, id: &str) -> Option<&'a str> {
    profile
        .mentor
        .as_ref()
        .and_then(|m| m.ratings.get(id))
        .and_then(|r| r.comment.as_deref())
        .filter(|c| !c.trim().is_empty())
}

/// A percentage with no decimals, as people read readiness; a value that is
/// not a number (a hand-edited file) shows as "—", never `NaN%`.
pub fn percent(x: f64) -> String {
    if !x.is_finite() {
        return "—".to_owned();
    }
    format!("{:.0}%", (x * 100.0).round())
}

/// A level's readiness as [`percent`] shows it, except that a level short
/// of `threshold` is never rounded up onto it: 74.55% against 75% reads
/// 74%, not a 75% that is somehow not reached.
pub fn readiness_percent(x: f64, threshold: f64) -> String {
    if x.is_finite() && x < threshold && (x * 100.0).round() >= (threshold * 100.0).round() {
        return format!("{:.0}%", (x * 100.0).floor());
    }
    percent(x)
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
        // A fence line, opening or closing, is never a line of text.
        let fence = line.trim_start().starts_with("```");
        if fence {
            in_code = !in_code;
        }
        let next_plain = lines.get(i + 1).is_some_and(|n| !block_start(n));
        if !in_code && !fence && next_plain && !line.trim().is_empty() && !line.ends_with('\\') {
            out.push(format!("{line}\\"));
        } else {
            out.push((*line).to_owned());
        }
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::{keep_lines, percent, readiness_percent};

    #[test]
    fn readiness_short_of_the_threshold_is_not_rounded_onto_it() {
        // 82/110 = 74.55%: rounded it would read 75%, the threshold.
        assert_eq!(readiness_percent(82.0 / 110.0, 0.75), "74%");
        assert_eq!(readiness_percent(0.75, 0.75), "75%");
        // Far from the threshold, or above it, it rounds as usual.
        assert_eq!(readiness_percent(0.5766, 0.75), "58%");
        assert_eq!(readiness_percent(0.8, 0.75), "80%");
        assert_eq!(readiness_percent(f64::NAN, 0.75), "—");
    }

    #[test]
    fn a_value_that_is_not_a_number_is_no_percentage() {
        assert_eq!(percent(0.805), "81%");
        assert_eq!(percent(f64::NAN), "—");
        assert_eq!(percent(f64::INFINITY), "—");
        assert_eq!(percent(f64::NEG_INFINITY), "—");
    }

    #[test]
    fn evidence_lines_stay_lines_in_markdown() {
        assert_eq!(keep_lines("one\ntwo\nthree"), "one\\\ntwo\\\nthree");
        // Lists, blank lines and code are left alone.
        assert_eq!(keep_lines("intro\n- a\n- b"), "intro\n- a\n- b");
        assert_eq!(keep_lines("a\n\nb"), "a\n\nb");
        assert_eq!(keep_lines("```\nx\ny\n```"), "```\nx\ny\n```");
        // Text after a closing fence starts a paragraph; the fence gets no break.
        assert_eq!(keep_lines("```\nx\n```\nafter"), "```\nx\n```\nafter");
        assert_eq!(keep_lines("see:\n1. first"), "see:\n1. first");
    }
}
