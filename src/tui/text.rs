//! Measuring, wrapping and cutting text by terminal display width.
//!
//! We wrap ourselves instead of using ratatui's `Paragraph` + `Wrap`: at
//! narrow widths that can panic on wide characters or put one a cell past
//! the edge, and it moves a whole unspaced Chinese run to the next line.
//! Here break opportunities come from UAX #14 (`unicode-linebreak`: between
//! ideographs, after spaces and hyphens, never before `，。、）」`), widths
//! come from `unicode-width`, and a token wider than the line is cut by
//! width without ever splitting a character.
//!
//! Widths are always measured on whole strings rather than summed per
//! character, because `unicode-width` gives some sequences (emoji with a
//! variation selector, ZWJ sequences) a width other than the sum of their
//! parts.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

#[cfg(test)]
mod tests;

/// The number of terminal cells `s` takes.
pub fn display_width(s: &str) -> usize {
    s.width()
}

/// The number of terminal cells a line takes, span by span as ratatui draws it.
pub fn line_width(line: &Line<'_>) -> usize {
    line.spans
        .iter()
        .map(|span| display_width(&span.content))
        .sum()
}

/// The text of a line without its styles.
pub fn line_text(line: &Line<'_>) -> String {
    line.spans
        .iter()
        .map(|span| span.content.as_ref())
        .collect()
}

/// Wraps `text` into lines at most `width` cells wide.
///
/// Every `\n` starts a new line; spaces where a line is broken are dropped,
/// as are trailing spaces. A tab counts as one space. The only line that can
/// be wider than `width` is a single character wider than the whole width
/// (a Chinese character at width 1). Width 0 gives no lines.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut normalized = String::with_capacity(text.len());
    push_normalized(&mut normalized, text);
    layout(&normalized, width, width)
        .into_iter()
        .map(|range| normalized[range].to_string())
        .collect()
}

/// Wraps styled text like [`wrap`], keeping each piece's style across breaks.
pub fn wrap_spans(spans: &[Span<'_>], width: usize) -> Vec<Line<'static>> {
    wrap_spans_in(spans, width, width)
}

/// The cells a lead or a hanging indent leaves at least for the text: one
/// wide character. With less, the text goes to the margin instead.
const MIN_TEXT: usize = 2;

/// Styled text as an item of a list, wrapped to `width` cells: `lead` (its
/// indent and marker, such as `   - ` or `1. `) before the first line and
/// `hang` spaces before each of the others, so that the lines it wraps onto
/// sit under the item's text instead of going back to the margin. A lead or
/// a hang that would leave the text fewer than two cells is left out.
pub fn wrap_hanging(
    mut lead: Vec<Span<'static>>,
    mut hang: usize,
    spans: &[Span<'_>],
    width: usize,
) -> Vec<Line<'static>> {
    let mut lead_width: usize = lead.iter().map(|span| display_width(&span.content)).sum();
    if lead_width + MIN_TEXT > width {
        lead.clear();
        lead_width = 0;
    }
    if hang + MIN_TEXT > width {
        hang = 0;
    }
    wrap_spans_in(spans, width - lead_width, width - hang)
        .into_iter()
        .enumerate()
        .map(|(index, line)| {
            let mut out = if index == 0 {
                lead.clone()
            } else {
                vec![Span::raw(" ".repeat(hang))]
            };
            out.extend(line.spans);
            Line::from(out)
        })
        .collect()
}

/// Wraps styled text with `first` cells for the first line and `rest` for
/// each of the others.
fn wrap_spans_in(spans: &[Span<'_>], first: usize, rest: usize) -> Vec<Line<'static>> {
    let mut text = String::new();
    let mut runs: Vec<(Range<usize>, Style)> = Vec::with_capacity(spans.len());
    for span in spans {
        let start = text.len();
        push_normalized(&mut text, &span.content);
        if text.len() > start {
            runs.push((start..text.len(), span.style));
        }
    }
    layout(&text, first, rest)
        .into_iter()
        .map(|range| {
            let pieces: Vec<Span<'static>> = runs
                .iter()
                .filter_map(|(run, style)| {
                    let start = run.start.max(range.start);
                    let end = run.end.min(range.end);
                    (start < end).then(|| Span::styled(text[start..end].to_string(), *style))
                })
                .collect();
            Line::from(pieces)
        })
        .collect()
}

/// Plain text with Markdown's inline code (`` `errors.Is` ``) as styled
/// pieces: the backticks are dropped and the code is drawn in `base` patched
/// with `code`, the rest in `base`. As in Markdown, code opens with a run of
/// backticks and closes with a run of the same length, and one space is
/// trimmed from each end when both ends have one; a run with no match is
/// kept as written. Pieces are ready for [`wrap_spans`] or a single line.
pub fn inline_spans(text: &str, base: Style, code: Style) -> Vec<Span<'static>> {
    let code = base.patch(code);
    let mut spans = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        let run = backtick_run(&rest[open..]);
        let after = &rest[open + run..];
        match closing_run(after, run) {
            Some(close) => {
                plain.push_str(&rest[..open]);
                if !plain.is_empty() {
                    spans.push(Span::styled(std::mem::take(&mut plain), base));
                }
                let mut inner = &after[..close];
                if inner.len() >= 2
                    && inner.starts_with(' ')
                    && inner.ends_with(' ')
                    && !inner.trim().is_empty()
                {
                    inner = &inner[1..inner.len() - 1];
                }
                if !inner.is_empty() {
                    spans.push(Span::styled(inner.to_owned(), code));
                }
                rest = &after[close + run..];
            }
            None => {
                plain.push_str(&rest[..open + run]);
                rest = after;
            }
        }
    }
    plain.push_str(rest);
    if !plain.is_empty() {
        spans.push(Span::styled(plain, base));
    }
    spans
}

/// How many backticks `s` starts with.
fn backtick_run(s: &str) -> usize {
    s.len() - s.trim_start_matches('`').len()
}

/// Where in `s` the first run of exactly `len` backticks starts.
fn closing_run(s: &str, len: usize) -> Option<usize> {
    let mut at = 0;
    while let Some(found) = s[at..].find('`') {
        let start = at + found;
        let run = backtick_run(&s[start..]);
        if run == len {
            return Some(start);
        }
        at = start + run;
    }
    None
}

/// Cuts `s` to at most `width` cells, ending with `…` when anything was cut.
pub fn truncate(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let end = prefix_end(s, width - 1);
    format!("{}…", &s[..end])
}

/// Cuts a styled line to at most `width` cells, ending with `…` (in the style
/// of the text it replaces) when anything was cut. The line's own style and
/// alignment are kept.
pub fn truncate_line(line: &Line<'_>, width: usize) -> Line<'static> {
    let owned = |span: &Span<'_>| Span::styled(span.content.to_string(), span.style);
    if line_width(line) <= width {
        let mut whole = Line::from(line.spans.iter().map(owned).collect::<Vec<_>>());
        whole.style = line.style;
        whole.alignment = line.alignment;
        return whole;
    }
    let mut spans = Vec::new();
    if width > 0 {
        let budget = width - 1;
        let mut used = 0;
        for span in &line.spans {
            let span_width = display_width(&span.content);
            if used + span_width <= budget {
                spans.push(owned(span));
                used += span_width;
                continue;
            }
            let end = prefix_end(&span.content, budget - used);
            if end > 0 {
                spans.push(Span::styled(span.content[..end].to_string(), span.style));
            }
            spans.push(Span::styled("…", span.style));
            break;
        }
    }
    let mut cut = Line::from(spans);
    cut.style = line.style;
    cut.alignment = line.alignment;
    cut
}

/// `s` cut to `width` cells (see [`truncate`]) and padded with spaces to
/// exactly `width` cells.
pub fn pad_to(s: &str, width: usize) -> String {
    let mut out = truncate(s, width);
    let used = display_width(&out);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

/// The longest prefix of `s` (as a byte length) at most `max` cells wide.
fn prefix_end(s: &str, max: usize) -> usize {
    let mut end = 0;
    for (i, c) in s.char_indices() {
        let next = i + c.len_utf8();
        if display_width(&s[..next]) > max {
            break;
        }
        end = next;
    }
    end
}

/// `name` (a dimension's, a level's) in at most `width` cells: whole when
/// it fits, else its first [`name_pieces`] that fit with `…` after them,
/// without a joining `&` or 与 at the end (`Operations…`, not
/// `Operations &…`; 影响力…, not 影响力与…). A Chinese name whose first
/// phrase does not fit is cut between characters, which a Chinese reader
/// accepts; an English one whose first word does not fit is `None`, never
/// cut inside the word.
pub fn cut_name(name: &str, width: usize) -> Option<String> {
    if display_width(name) <= width {
        return Some(name.to_owned());
    }
    let room = width.checked_sub(1)?;
    let pieces = name_pieces(name);
    for k in (1..pieces.len()).rev() {
        let mut kept = &pieces[..k];
        while let Some((last, rest)) = kept.split_last() {
            if last.chars().any(char::is_alphanumeric) {
                break;
            }
            kept = rest;
        }
        let mut text = join_pieces(kept);
        if text.chars().count() > 1 && text.ends_with(is_joiner) {
            text.pop();
        }
        if !text.is_empty() && display_width(&text) <= room {
            return Some(format!("{text}…"));
        }
    }
    if !name.starts_with(is_cjk) {
        return None;
    }
    let mut text = String::new();
    for c in name.chars() {
        let mut next = text.clone();
        next.push(c);
        if display_width(&next) > room {
            break;
        }
        text = next;
    }
    (!text.is_empty()).then(|| format!("{text}…"))
}

/// `name` in at most `width` cells for a column that must show something:
/// cut after a word as [`cut_name`] does, and only when its first word
/// alone is too long, inside that word (see [`truncate`]).
pub fn fit_name(name: &str, width: usize) -> String {
    cut_name(name, width).unwrap_or_else(|| truncate(name, width))
}

/// The pieces of a name that a line may break between: words (a break at
/// a space), and in Chinese the phrases joined by 与, 和, 及 or 、 (a break
/// after the joining character). Splitting 领导力 into 领 / 导力 is no break
/// a reader accepts, so a phrase is never split.
pub fn name_pieces(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut piece = String::new();
    for c in name.chars() {
        if c == ' ' {
            if !piece.is_empty() {
                out.push(std::mem::take(&mut piece));
            }
            continue;
        }
        piece.push(c);
        if is_joiner(c) {
            out.push(std::mem::take(&mut piece));
        }
    }
    if !piece.is_empty() {
        out.push(piece);
    }
    out
}

/// What goes between `line` and the next of a name's pieces: words are
/// joined by a space; a Chinese phrase follows its joining character
/// directly.
pub fn piece_separator(line: &str, piece: &str) -> &'static str {
    if line.is_empty() || (line.ends_with(is_cjk) && piece.starts_with(is_cjk)) {
        ""
    } else {
        " "
    }
}

/// A name's `pieces` on one line.
fn join_pieces(pieces: &[String]) -> String {
    let mut line = String::new();
    for piece in pieces {
        line.push_str(piece_separator(&line, piece));
        line.push_str(piece);
    }
    line
}

/// Whether a line may break after `c` inside a run of Chinese: the
/// characters that join two phrases (与, 和, 及, 、) and `/`.
fn is_joiner(c: char) -> bool {
    matches!(c, '与' | '和' | '及' | '、' | '/')
}

/// Whether `c` is written without spaces around it (CJK).
fn is_cjk(c: char) -> bool {
    display_width(c.encode_utf8(&mut [0; 4])) == 2
}

/// Appends `text` with tabs as spaces and `\r\n` as `\n`, so that a tab is
/// measured as what it will look like and a Windows line end is one break.
fn push_normalized(out: &mut String, text: &str) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' => out.push(' '),
            '\r' if chars.peek() == Some(&'\n') => {}
            _ => out.push(c),
        }
    }
}

/// The byte ranges of `text` that make up each wrapped line, the first at
/// most `first` cells wide and the others at most `rest`.
fn layout(text: &str, first: usize, rest: usize) -> Vec<Range<usize>> {
    if first == 0 || rest == 0 {
        return Vec::new();
    }
    // A run kept whole must fit any line.
    let width = first.min(rest);
    let mut builder = LineBuilder {
        text,
        first,
        rest,
        lines: Vec::new(),
        start: 0,
        end: 0,
    };
    let mut offset = 0;
    for hard_line in text.split('\n') {
        builder.start = offset;
        builder.end = offset;
        let mut previous = 0;
        let breaks = linebreaks(hard_line).filter(|&(at, opportunity)| {
            opportunity == BreakOpportunity::Mandatory || !keeps_together(hard_line, at, width)
        });
        for (at, opportunity) in breaks {
            builder.place(offset + previous..offset + at);
            previous = at;
            // Other mandatory breaks (U+2028, form feed, a lone \r) also end
            // a line; the one at the very end is the hard line's own end.
            if opportunity == BreakOpportunity::Mandatory && at < hard_line.len() {
                builder.finish(offset + at);
            }
        }
        builder.finish(offset + hard_line.len());
        offset += hard_line.len() + 1;
    }
    builder.lines
}

/// Whether a break allowed after a `-` or `/` inside a run of ASCII (a
/// flag such as `-count=10`, a path, `ns/op`, `errors.Is/As`) should be
/// skipped: splitting there changes what the reader would type. Only runs
/// that fit on one line are kept whole; longer ones still break there. A
/// range with an en dash (`0–4`) is never broken.
fn keeps_together(line: &str, at: usize, width: usize) -> bool {
    let before = line[..at].chars().next_back();
    // A range written with an en dash between letters or digits (`0–4`,
    // `P6–P9`) reads as one thing.
    if before == Some('–') {
        let ahead = line[..at - '–'.len_utf8()].chars().next_back();
        let after = line[at..].chars().next();
        return ahead.is_some_and(char::is_alphanumeric)
            && after.is_some_and(char::is_alphanumeric);
    }
    if !matches!(before, Some('-' | '/')) {
        return false;
    }
    let in_run = |c: char| c.is_ascii_graphic();
    let start = line[..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| !in_run(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = line[at..]
        .find(|c: char| !in_run(c))
        .map_or(line.len(), |i| at + i);
    end > at && display_width(&line[start..end]) <= width
}

/// The line being filled: `start..end` of `text`, trailing spaces included
/// until the line is finished.
struct LineBuilder<'t> {
    text: &'t str,
    /// The cells of the first line.
    first: usize,
    /// The cells of every other line.
    rest: usize,
    lines: Vec<Range<usize>>,
    start: usize,
    end: usize,
}

impl LineBuilder<'_> {
    fn content_end(&self) -> usize {
        self.start + self.text[self.start..self.end].trim_end_matches(' ').len()
    }

    /// The cells of the line being filled.
    fn width(&self) -> usize {
        if self.lines.is_empty() {
            self.first
        } else {
            self.rest
        }
    }

    fn fits(&self, end: usize) -> bool {
        display_width(&self.text[self.start..end]) <= self.width()
    }

    fn finish(&mut self, next: usize) {
        self.lines.push(self.start..self.content_end());
        self.start = next;
        self.end = next;
    }

    /// Adds one unbreakable segment (a word with its trailing spaces).
    fn place(&mut self, segment: Range<usize>) {
        let word_end = segment.start + self.text[segment.clone()].trim_end_matches(' ').len();
        if !self.fits(word_end) {
            if self.content_end() > self.start {
                self.finish(segment.start);
            } else {
                // Only indentation so far: drop it rather than leave an
                // empty line behind.
                self.start = segment.start;
            }
        }
        if !self.fits(word_end) {
            self.hard_break(segment.start..word_end);
        }
        self.end = segment.end;
    }

    /// Cuts a word wider than the line by width. A character wider than the
    /// whole line goes alone on its line; zero-width characters stay with
    /// the character they modify.
    fn hard_break(&mut self, word: Range<usize>) {
        for (i, c) in self.text[word.clone()].char_indices() {
            let at = word.start + i;
            let zero_width = c.width() == Some(0);
            if at > self.start && !zero_width && !self.fits(at + c.len_utf8()) {
                self.lines.push(self.start..at);
                self.start = at;
            }
        }
    }
}

#[cfg(test)]
mod keep_together_tests {
    use super::wrap;

    #[test]
    fn flags_and_paths_are_not_split_when_they_fit() {
        // Without the rule UAX #14 allows "with -" / "count=10".
        assert_eq!(
            wrap("a stable baseline with -count=10 runs", 24),
            ["a stable baseline with", "-count=10 runs"]
        );
        assert_eq!(wrap("benchstat ns/op", 12), ["benchstat", "ns/op"]);
        // A run longer than the line still breaks after its `/`.
        assert_eq!(
            wrap("用 errors.Is/errors.As 判断", 16),
            ["用 errors.Is/", "errors.As 判断"]
        );
    }
}
