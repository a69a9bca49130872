//! Markdown rendered to terminal lines: a pure function of (source, width,
//! styles), so a screen can render once per width and scroll the result.
//!
//! Every line is wrapped (or, for code, cut) here with `tui::text`, never by
//! ratatui, and no line is ever wider than the width asked for.

mod output;
mod styles;
mod table;
mod view;

#[cfg(test)]
mod tests;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub use styles::MarkdownStyles;
pub use view::{MarkdownView, ScrolledLines, max_scroll, render_lines};

use crate::tui::text::display_width;
use output::Container;
use table::Table;

/// Unordered list bullets, by nesting depth.
const BULLETS: [&str; 3] = ["•", "◦", "▪"];

/// Renders `source` to lines at most `width` cells wide.
pub fn render(source: &str, width: usize, styles: &MarkdownStyles) -> Vec<Line<'static>> {
    if width == 0 {
        return Vec::new();
    }
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH;
    let events: Vec<Event<'_>> = Parser::new_ext(source, options).collect();
    let mut renderer = Renderer::new(width, styles, list_lengths(&events));
    for event in events {
        renderer.event(event);
    }
    renderer.flush_inline();
    renderer.out
}

/// The number of items of each list, in the order the lists start, so that
/// numbers can be right-aligned before the last one is seen.
fn list_lengths(events: &[Event<'_>]) -> Vec<u64> {
    let mut lengths = Vec::new();
    let mut open = Vec::new();
    for event in events {
        match event {
            Event::Start(Tag::List(_)) => {
                open.push(lengths.len());
                lengths.push(0);
            }
            Event::Start(Tag::Item) => {
                if let Some(&list) = open.last() {
                    lengths[list] += 1;
                }
            }
            Event::End(TagEnd::List(_)) => {
                open.pop();
            }
            _ => {}
        }
    }
    lengths
}

struct List {
    /// The next number, for an ordered list.
    next: Option<u64>,
    number_width: usize,
}

struct Renderer<'s> {
    width: usize,
    styles: &'s MarkdownStyles,
    out: Vec<Line<'static>>,
    /// Whether a blank line is due before the next block's first line.
    gap: bool,
    containers: Vec<Container>,
    lists: Vec<List>,
    list_lengths: std::vec::IntoIter<u64>,
    /// Inline text waiting for its block to end.
    inline: Vec<Span<'static>>,
    /// Where in `inline` the soft breaks are.
    soft_breaks: Vec<usize>,
    /// Emphasis, links, headings: patched together for each piece of text.
    style_stack: Vec<Style>,
    /// Each open link's URL and where its text starts in `inline`.
    links: Vec<(String, usize)>,
    /// The open code block's language and text so far.
    code: Option<(String, String)>,
    table: Option<Table>,
}

impl<'s> Renderer<'s> {
    fn new(width: usize, styles: &'s MarkdownStyles, list_lengths: Vec<u64>) -> Self {
        Self {
            width,
            styles,
            out: Vec::new(),
            gap: false,
            containers: Vec::new(),
            lists: Vec::new(),
            list_lengths: list_lengths.into_iter(),
            inline: Vec::new(),
            soft_breaks: Vec::new(),
            style_stack: Vec::new(),
            links: Vec::new(),
            code: None,
            table: None,
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => match &mut self.code {
                Some((_, code)) => code.push_str(&text),
                None => self.push_text(&text, Style::new()),
            },
            Event::Code(code) => self.push_text(&code, self.styles.inline_code),
            // HTML is shown as written; a block keeps its line breaks.
            Event::Html(html) => self.push_text(&html, Style::new()),
            Event::InlineHtml(html) => self.push_text(&html.replace('\n', " "), Style::new()),
            Event::SoftBreak => {
                self.soft_breaks.push(self.inline.len());
                self.push_text(" ", Style::new());
            }
            Event::HardBreak => self.push_text("\n", Style::new()),
            Event::Rule => {
                self.flush_inline();
                let width = self.text_width();
                self.emit(vec![Span::styled("─".repeat(width), self.styles.rule)]);
                self.gap = true;
            }
            Event::TaskListMarker(checked) => self.task_marker(checked),
            Event::FootnoteReference(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.push_text(&text, Style::new())
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::HtmlBlock => self.flush_inline(),
            Tag::Heading { level, .. } => {
                self.flush_inline();
                self.style_stack.push(self.heading_style(level));
            }
            Tag::BlockQuote(_) => {
                self.flush_inline();
                let bar = vec![Span::styled("│ ", self.styles.quote_bar)];
                self.push_container(bar.clone(), bar, false);
            }
            Tag::CodeBlock(kind) => {
                self.flush_inline();
                let language = match kind {
                    CodeBlockKind::Fenced(info) => info
                        .split_whitespace()
                        .next()
                        .unwrap_or_default()
                        .to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((language, String::new()));
            }
            Tag::List(start) => {
                self.flush_inline();
                let length = self.list_lengths.next().unwrap_or(0);
                let last = start.map(|first| first.saturating_add(length.saturating_sub(1)));
                let number_width = last.map_or(0, |last| last.to_string().len());
                self.lists.push(List {
                    next: start,
                    number_width,
                });
            }
            Tag::Item => {
                self.flush_inline();
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(List {
                        next: Some(number),
                        number_width,
                    }) => {
                        let marker = format!("{number:>number_width$}. ");
                        *number = number.saturating_add(1);
                        marker
                    }
                    _ => format!("{} ", BULLETS[depth % BULLETS.len()]),
                };
                let indent = " ".repeat(display_width(&marker));
                let first = vec![Span::styled(marker, self.styles.list_bullet)];
                self.push_container(first, vec![Span::raw(indent)], true);
            }
            Tag::Table(alignments) => {
                self.flush_inline();
                self.table = Some(Table::new(alignments));
            }
            Tag::TableHead | Tag::TableRow | Tag::TableCell => {}
            Tag::Emphasis => self.style_stack.push(self.styles.emphasis),
            Tag::Strong => self.style_stack.push(self.styles.strong),
            Tag::Strikethrough => self.style_stack.push(self.styles.strikethrough),
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                self.style_stack.push(self.styles.link_text);
                self.links.push((dest_url.to_string(), self.inline.len()));
            }
            // Not enabled in the parser options; listed so that a new kind
            // of tag is a compile error here rather than silently dropped.
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Superscript
            | Tag::Subscript
            | Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.end_block(),
            TagEnd::Heading(level) => {
                self.style_stack.pop();
                // Headings stand out by their style (underline, bold,
                // italic), which survives NO_COLOR; the source's `#` marks
                // are markup, not text a reader wants to see.
                let _ = level;
                let text = self.take_inline();
                self.emit_wrapped(text, Vec::new());
                self.gap = true;
            }
            TagEnd::HtmlBlock => {
                // The block's last line ends with a newline that would
                // otherwise become an empty line.
                if let Some(last) = self.inline.last_mut() {
                    let trimmed = last.content.trim_end_matches('\n').to_string();
                    last.content = trimmed.into();
                }
                self.end_block();
            }
            TagEnd::BlockQuote(_) => {
                self.flush_inline();
                self.containers.pop();
                self.gap = true;
            }
            TagEnd::CodeBlock => {
                if let Some((language, code)) = self.code.take() {
                    self.emit_code(&language, &code);
                }
                self.gap = true;
            }
            TagEnd::List(_) => {
                self.flush_inline();
                self.lists.pop();
                // A list nested in a tight item belongs to that item's text.
                if !self.containers.last().is_some_and(|c| c.item) {
                    self.gap = true;
                }
            }
            TagEnd::Item => {
                self.flush_inline();
                self.containers.pop();
            }
            TagEnd::TableCell => {
                let cell = self.take_inline();
                if let Some(table) = &mut self.table {
                    table.push_cell(cell);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    table.end_row(tag == TagEnd::TableHead);
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    for line in table.render(self.text_width(), self.styles) {
                        self.emit(line.spans);
                    }
                }
                self.gap = true;
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => {
                self.style_stack.pop();
            }
            TagEnd::Link | TagEnd::Image => {
                self.style_stack.pop();
                if let Some((url, start)) = self.links.pop() {
                    self.push_url(url, start);
                }
            }
            TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::MetadataBlock(_) => {}
        }
    }

    fn heading_style(&self, level: HeadingLevel) -> Style {
        match level {
            HeadingLevel::H1 => self.styles.h1,
            HeadingLevel::H2 => self.styles.h2,
            _ => self.styles.h3,
        }
    }

    fn push_text(&mut self, text: &str, style: Style) {
        let style = self
            .style_stack
            .iter()
            .fold(Style::new(), |all, next| all.patch(*next))
            .patch(style);
        self.inline.push(Span::styled(text.to_string(), style));
    }

    /// After a link's text, its URL, unless the text already is the URL.
    fn push_url(&mut self, url: String, start: usize) {
        let text: String = self.inline[start.min(self.inline.len())..]
            .iter()
            .map(|span| span.content.as_ref())
            .collect();
        let shown = url.strip_prefix("mailto:").unwrap_or(&url);
        if !url.is_empty() && text != url && text != shown {
            self.push_text(&format!(" ({url})"), self.styles.link_url);
        }
    }

    /// `[x]` or `[ ]` in place of the item's bullet (after its number, in an
    /// ordered list), so wrapped lines align under the text, not the box.
    fn task_marker(&mut self, checked: bool) {
        let checkbox = if checked { "[x] " } else { "[ ] " };
        let ordered = self.lists.last().is_some_and(|list| list.next.is_some());
        let style = self.styles.list_bullet;
        match self.containers.last_mut() {
            Some(item) if item.item && !item.first_used => {
                if !ordered {
                    item.first.clear();
                }
                item.first.push(Span::styled(checkbox, style));
                let indent = " ".repeat(item.width());
                item.rest = vec![Span::raw(indent)];
            }
            _ => self.push_text(checkbox, style),
        }
    }
}
