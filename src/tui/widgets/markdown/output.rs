//! Turning blocks into lines: wrapping under quote bars and list markers,
//! blank lines between blocks, and the last guard on the width.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

use super::Renderer;
use crate::tui::text::{display_width, truncate, truncate_line, wrap_hanging};

/// Below this many cells for the text, quote bars and list indents are left
/// out: without room for one wide character the text could not be shown.
const MIN_TEXT: usize = 2;
/// Where tab stops fall in code blocks.
const TAB: usize = 4;

/// Something that puts a marker before each of its lines: a quote's bar or
/// a list item's bullet (on its first line) and indent (on the rest).
pub(super) struct Container {
    pub(super) first: Vec<Span<'static>>,
    pub(super) rest: Vec<Span<'static>>,
    pub(super) first_used: bool,
    pub(super) item: bool,
}

impl Container {
    pub(super) fn width(&self) -> usize {
        self.first
            .iter()
            .map(|span| display_width(&span.content))
            .sum()
    }
}

impl Renderer<'_> {
    pub(super) fn push_container(
        &mut self,
        first: Vec<Span<'static>>,
        rest: Vec<Span<'static>>,
        item: bool,
    ) {
        self.containers.push(Container {
            first,
            rest,
            first_used: false,
            item,
        });
    }

    /// The pending inline text, with soft breaks between two wide characters
    /// removed: Chinese has no spaces between words, so a line break in the
    /// source must not become one.
    pub(super) fn take_inline(&mut self) -> Vec<Span<'static>> {
        let mut spans = std::mem::take(&mut self.inline);
        for index in std::mem::take(&mut self.soft_breaks) {
            let before = spans[..index]
                .iter()
                .rev()
                .find_map(|span| span.content.chars().next_back());
            let after = spans
                .get(index + 1..)
                .into_iter()
                .flatten()
                .find_map(|span| span.content.chars().next());
            let wide = |c: Option<char>| c.is_some_and(|c| c.width() == Some(2));
            if wide(before)
                && wide(after)
                && let Some(span) = spans.get_mut(index)
            {
                span.content = "".into();
            }
        }
        spans
    }

    pub(super) fn end_block(&mut self) {
        self.flush_inline();
        self.gap = true;
    }

    /// Emits pending inline text, e.g. a tight list item's text before its
    /// nested list.
    pub(super) fn flush_inline(&mut self) {
        if !self.inline.is_empty() {
            let text = self.take_inline();
            self.emit_wrapped(text, Vec::new());
        }
    }

    fn prefix_width(&self) -> usize {
        self.containers.iter().map(Container::width).sum()
    }

    /// Whether quote bars and list indents leave room for any text.
    fn prefix_fits(&self) -> bool {
        self.prefix_width() + MIN_TEXT <= self.width
    }

    /// The cells left for text once quote bars and list indents are drawn.
    pub(super) fn text_width(&self) -> usize {
        if self.prefix_fits() {
            self.width - self.prefix_width()
        } else {
            self.width
        }
    }

    /// Wraps `text` with `lead` (a heading's `##`) before its first line and
    /// its continuation lines indented to match.
    pub(super) fn emit_wrapped(&mut self, text: Vec<Span<'static>>, lead: Vec<Span<'static>>) {
        let lead_width = lead.iter().map(|span| display_width(&span.content)).sum();
        for line in wrap_hanging(lead, lead_width, &text, self.text_width()) {
            self.emit(line.spans);
        }
    }

    /// A code block: a language label, then the lines as written, tabs
    /// expanded and anything past the width cut with `…`.
    pub(super) fn emit_code(&mut self, language: &str, code: &str) {
        let available = self.text_width();
        let indent = if available >= 4 * MIN_TEXT { 2 } else { 0 };
        if !language.is_empty() {
            let label = truncate(&format!("── {language} ──"), available);
            self.emit(vec![Span::styled(label, self.styles.code_language)]);
        }
        for line in code.lines() {
            let text = truncate(&expand_tabs(line), available - indent);
            self.emit(vec![
                Span::raw(" ".repeat(indent)),
                Span::styled(text, self.styles.code_block),
            ]);
        }
    }

    /// Emits one line below the containers' markers, after a blank line if
    /// one is due.
    pub(super) fn emit(&mut self, content: Vec<Span<'static>>) {
        let show_prefix = self.prefix_fits();
        if std::mem::take(&mut self.gap) && !self.out.is_empty() {
            // Only containers that have already shown a line continue
            // through the gap: a quote starting below it gets no bar above.
            let spans = self
                .containers
                .iter()
                .take_while(|container| show_prefix && container.first_used)
                .flat_map(|container| container.rest.clone())
                .collect();
            self.push_line(spans);
        }
        let mut spans = Vec::new();
        for container in &mut self.containers {
            let marker = if container.first_used {
                &container.rest
            } else {
                &container.first
            };
            if show_prefix {
                spans.extend(marker.iter().cloned());
            }
            container.first_used = true;
        }
        spans.extend(content);
        self.push_line(spans);
    }

    /// Adds a line, cut to the width as a last guard and without trailing
    /// spaces.
    fn push_line(&mut self, spans: Vec<Span<'static>>) {
        let mut line = truncate_line(&Line::from(spans), self.width);
        while let Some(last) = line.spans.last_mut() {
            let trimmed = last.content.trim_end_matches(' ');
            if trimmed.is_empty() {
                line.spans.pop();
            } else {
                let trimmed = trimmed.to_string();
                last.content = trimmed.into();
                break;
            }
        }
        self.out.push(line);
    }
}

/// Replaces tabs by spaces up to the next tab stop.
fn expand_tabs(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if c == '\t' {
            let column = display_width(&out);
            out.extend(std::iter::repeat_n(' ', TAB - column % TAB));
        } else {
            out.push(c);
        }
    }
    out
}
