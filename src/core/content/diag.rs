//! Problems found in a pack: where they are, what they are, how bad.

use std::fmt;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::text::Pos;
use crate::core::sanitize::{neutralize_controls, neutralize_line};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The pack cannot be used.
    Error,
    /// The pack works, but something is missing (e.g. a translation).
    Warning,
}

/// One problem in a file of a pack.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Level,
    /// The file, as the user would open it.
    pub file: String,
    /// 1-based line, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// 1-based column, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// What is wrong and what to do.
    pub message: String,
    /// The source line with a caret under the position, when known.
    #[serde(skip)]
    pub snippet: Option<String>,
}

impl Diagnostic {
    /// An error at a position of a file.
    pub fn error(file: &str, pos: Pos, message: impl Into<String>) -> Self {
        Self::new(Level::Error, file, pos, message)
    }

    /// A warning at a position of a file.
    pub fn warning(file: &str, pos: Pos, message: impl Into<String>) -> Self {
        Self::new(Level::Warning, file, pos, message)
    }

    fn new(severity: Level, file: &str, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            file: neutralize_line(file),
            line: pos.is_known().then_some(pos.line),
            column: (pos.is_known() && pos.col > 0).then_some(pos.col),
            message: neutralize_line(&message.into()),
            snippet: None,
        }
    }

    /// Whether this is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Level::Error
    }

    /// Attaches the offending source line and a caret, from the file's text.
    pub fn with_snippet_from(mut self, source: &str) -> Self {
        if let (Some(line), Some(col)) = (self.line, self.column) {
            self.snippet = render_snippet(source, line, col);
        }
        self
    }
}

/// The line `line` of `source` with a caret under character column `col`.
fn render_snippet(source: &str, line: u32, col: u32) -> Option<String> {
    let text = source
        .lines()
        .nth(usize::try_from(line).ok()?.checked_sub(1)?)?;
    let text = neutralize_controls(text);
    // Long lines (minified YAML) would flood the terminal: show a window.
    let chars: Vec<char> = text.chars().collect();
    let col0 = usize::try_from(col)
        .ok()?
        .saturating_sub(1)
        .min(chars.len());
    let start = col0.saturating_sub(60);
    let end = (col0 + 60).min(chars.len());
    let mut shown: String = chars[start..end].iter().collect();
    let mut before: String = chars[start..col0].iter().collect();
    if start > 0 {
        shown.insert(0, '…');
        before.insert(0, '…');
    }
    if end < chars.len() {
        shown.push('…');
    }
    let shown = shown.replace('\t', " ");
    let pad = before.replace('\t', " ").width();
    let gutter = line.to_string();
    Some(format!(
        "{blank} |\n{gutter} | {shown}\n{blank} | {caret:>width$}",
        blank = " ".repeat(gutter.len()),
        caret = "^",
        width = pad + 1
    ))
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        match self.severity {
            Level::Error => write!(f, ": {}", self.message),
            Level::Warning => write!(f, ": warning: {}", self.message),
        }
    }
}

/// The closest candidate to `word`, when it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(&word.to_lowercase(), &c.to_lowercase());
        if score > best.map_or(0.0, |b| b.0) {
            best = Some((score, c));
        }
    }
    best.filter(|(score, _)| *score >= 0.8).map(|(_, c)| c)
}

/// ", did you mean `x`?" or nothing.
pub fn suggestion<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    did_you_mean(word, candidates)
        .map(|c| format!(", did you mean `{c}`?"))
        .unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_line_and_column() {
        let d = Diagnostic::error(
            "questions/impact.yaml",
            Pos { line: 14, col: 7 },
            "unknown field `promt`",
        );
        assert_eq!(
            d.to_string(),
            "questions/impact.yaml:14:7: unknown field `promt`"
        );
        let w = Diagnostic::warning("pack.yaml", Pos::default(), "missing `en`");
        assert_eq!(w.to_string(), "pack.yaml: warning: missing `en`");
    }

    #[test]
    fn snippet_points_at_the_column_by_display_width() {
        let d = Diagnostic::error("a.yaml", Pos { line: 2, col: 5 }, "x")
            .with_snippet_from("one: 1\n名字: [x\n");
        // "名字: " is 4 characters but 6 cells wide, so the caret for `[` is in cell 7.
        assert_eq!(d.snippet.as_deref(), Some("  |\n2 | 名字: [x\n  |       ^"));
    }

    #[test]
    fn suggestions_only_for_near_misses() {
        let fields = ["id", "prompt", "levels", "framework"];
        assert_eq!(did_you_mean("promt", fields), Some("prompt"));
        assert_eq!(did_you_mean("framwork", fields), Some("framework"));
        assert_eq!(did_you_mean("zebra", fields), None);
    }
}
