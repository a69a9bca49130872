//! A small builder of lines already wrapped to a width, shared by the
//! calibration view and the walkthrough's pages.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::core::content::Text;
use crate::core::report::keep_lines;
use crate::tui::data::Data;
use crate::tui::i18n::Lang;
use crate::tui::text::{inline_spans, wrap, wrap_hanging};
use crate::tui::theme::Theme;
use crate::tui::widgets::markdown::{self, MarkdownStyles};

pub struct Out<'a> {
    pub lines: Vec<Line<'static>>,
    pub width: usize,
    pub theme: &'a Theme,
    pub lang: Lang,
    pub data: &'a Data,
}

impl<'a> Out<'a> {
    pub fn new(width: usize, theme: &'a Theme, lang: Lang, data: &'a Data) -> Self {
        Out {
            lines: Vec::new(),
            width: width.max(1),
            theme,
            lang,
            data,
        }
    }

    /// A pack text in the interface language.
    pub fn text_of<'t>(&self, text: &'t Text) -> &'t str {
        text.get(self.lang.code(), self.data.fallback())
    }

    pub fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    pub fn styled(&mut self, text: &str, style: Style) {
        for line in wrap(text, self.width) {
            self.lines.push(Line::from(Span::styled(line, style)));
        }
    }

    /// A heading, bold and underlined so it reads without colour too.
    pub fn heading(&mut self, text: &str) {
        let style = self.theme.heading.add_modifier(Modifier::BOLD);
        self.styled(text, style);
    }

    /// A title across the whole width, in reverse video: a page's name on
    /// a shared screen, readable from the back of the room.
    pub fn title_bar(&mut self, text: &str) {
        let style = self.theme.tab_active.add_modifier(Modifier::BOLD);
        for line in wrap(text, self.width.saturating_sub(2).max(1)) {
            let padded = crate::tui::text::pad_to(&format!(" {line}"), self.width);
            self.lines.push(Line::from(Span::styled(padded, style)));
        }
    }

    pub fn text(&mut self, text: &str) {
        self.styled(text, self.theme.text);
    }

    pub fn muted(&mut self, text: &str) {
        self.styled(text, self.theme.muted);
    }

    /// Text with inline code, indented by `indent` columns.
    pub fn inline(&mut self, text: &str, indent: usize, style: Style) {
        self.item(&" ".repeat(indent), indent, text, style);
    }

    /// An item of a list, with inline code: `lead` (its indent and marker,
    /// such as `   - ` or `1. `) before the first line, and the lines it
    /// wraps onto indented by `hang`, under its text.
    pub fn item(&mut self, lead: &str, hang: usize, text: &str, style: Style) {
        let marker = lead.trim_start_matches(' ');
        let mut first = vec![Span::raw(lead[..lead.len() - marker.len()].to_owned())];
        if !marker.is_empty() {
            first.push(Span::styled(marker.to_owned(), style));
        }
        let spans = inline_spans(text, style, self.theme.code);
        self.lines
            .extend(wrap_hanging(first, hang, &spans, self.width));
    }

    /// What a person typed (a comment, notes): a fact a line, kept so.
    pub fn typed(&mut self, source: &str, indent: usize) {
        self.markdown(&keep_lines(source), indent);
    }

    /// Markdown (growth advice, an article).
    pub fn markdown(&mut self, source: &str, indent: usize) {
        let styles = if *self.theme == Theme::no_color() {
            MarkdownStyles::plain()
        } else {
            MarkdownStyles::default()
        };
        let pad = " ".repeat(indent);
        let width = self.width.saturating_sub(indent).max(1);
        for mut line in markdown::render(source, width, &styles) {
            line.spans.insert(0, Span::raw(pad.clone()));
            self.lines.push(line);
        }
    }
}
