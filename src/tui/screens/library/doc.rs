//! A Library page as blocks, and their layout into lines of a given width.
//!
//! Pages are built as blocks rather than lines so that the same page lays
//! out at any width, and so that `update` can find where an item starts
//! (its anchor) to scroll to it.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::tui::text::{display_width, inline_spans, line_width, wrap, wrap_spans};
use crate::tui::theme::Theme;
use crate::tui::widgets::markdown::{self, MarkdownStyles};

/// How a run of plain text looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Text,
    Muted,
    Strong,
    /// A small label before a part of an item: "Why", "Key points".
    Label,
}

/// A part of a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The page's title.
    Title(String),
    /// A heading inside the page.
    Heading(String),
    /// Plain text, wrapped, indented by `indent` columns.
    Para {
        text: String,
        tone: Tone,
        indent: usize,
    },
    /// A list item: a bullet and text wrapped under itself.
    Bullet {
        text: String,
        tone: Tone,
        indent: usize,
    },
    /// Markdown from the pack, indented by `indent` columns.
    Markdown {
        source: String,
        indent: usize,
    },
    /// Two columns side by side, row against row, under their headers.
    Columns {
        headers: [String; 2],
        rows: Vec<[String; 2]>,
    },
    /// Marks where an item starts, for jumps to it.
    Anchor(String),
    Blank,
}

/// A page laid out at one width.
#[derive(Debug, Clone, Default)]
pub struct Laid {
    pub lines: Vec<Line<'static>>,
    /// Each anchor and the line it marks.
    pub anchors: Vec<(String, usize)>,
}

impl Laid {
    /// The line where the item `id` starts.
    pub fn anchor(&self, id: &str) -> Option<usize> {
        self.anchors
            .iter()
            .find(|(anchor, _)| anchor == id)
            .map(|(_, line)| *line)
    }
}

fn style(tone: Tone, theme: &Theme) -> Style {
    match tone {
        Tone::Text => theme.text,
        Tone::Muted => theme.muted,
        Tone::Strong => theme.text.add_modifier(Modifier::BOLD),
        Tone::Label => theme.heading,
    }
}

/// Lays `blocks` out in lines at most `width` columns wide.
pub fn lay_out(blocks: &[Block], width: usize, theme: &Theme) -> Laid {
    let mut laid = Laid::default();
    let lines = &mut laid.lines;
    for block in blocks {
        match block {
            Block::Title(text) => {
                let title = theme.heading.add_modifier(Modifier::UNDERLINED);
                push_wrapped(lines, text, width, 0, "", title, theme.code);
                lines.push(Line::default());
            }
            Block::Heading(text) => {
                push_wrapped(lines, text, width, 0, "", theme.heading, theme.code);
            }
            Block::Para { text, tone, indent } => {
                push_wrapped(
                    lines,
                    text,
                    width,
                    *indent,
                    "",
                    style(*tone, theme),
                    theme.code,
                );
            }
            Block::Bullet { text, tone, indent } => {
                push_wrapped(
                    lines,
                    text,
                    width,
                    *indent,
                    "• ",
                    style(*tone, theme),
                    theme.code,
                );
            }
            Block::Markdown { source, indent } => {
                let inner = width.saturating_sub(*indent);
                let pad = " ".repeat(*indent);
                for line in markdown(source, inner, theme) {
                    let mut spans = vec![Span::raw(pad.clone())];
                    spans.extend(line.spans);
                    lines.push(Line::from(spans));
                }
            }
            Block::Columns { headers, rows } => columns(lines, headers, rows, width, theme),
            Block::Anchor(id) => laid.anchors.push((id.clone(), lines.len())),
            Block::Blank => lines.push(Line::default()),
        }
    }
    laid
}

/// Wraps `text` at `width` less `indent`; the first line starts with
/// `marker`, the others are indented to line up under the text after it.
fn push_wrapped(
    lines: &mut Vec<Line<'static>>,
    text: &str,
    width: usize,
    indent: usize,
    marker: &str,
    style: Style,
    code: Style,
) {
    let hang = display_width(marker);
    let inner = width.saturating_sub(indent + hang);
    // Pack texts carry Markdown's inline code (`errors.Is`) even where they
    // are not Markdown as a whole.
    let spans = inline_spans(text, style, code);
    for (i, part) in wrap_spans(&spans, inner.max(1)).into_iter().enumerate() {
        let lead = if i == 0 {
            format!("{}{marker}", " ".repeat(indent))
        } else {
            " ".repeat(indent + hang)
        };
        let mut line = vec![Span::raw(lead)];
        line.extend(part.spans);
        lines.push(Line::from(line));
    }
}

/// Pack Markdown as lines; without colour when the theme has none.
fn markdown(source: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let styles = if *theme == Theme::no_color() {
        MarkdownStyles::plain()
    } else {
        MarkdownStyles::default()
    };
    markdown::render(source, width, &styles)
}

/// The gap between the two columns.
const RULE: &str = " │ ";

fn columns(
    lines: &mut Vec<Line<'static>>,
    headers: &[String; 2],
    rows: &[[String; 2]],
    width: usize,
    theme: &Theme,
) {
    let column = width.saturating_sub(display_width(RULE)) / 2;
    if column < 2 {
        return;
    }
    let pair = |left: Vec<Line<'static>>, right: Vec<Line<'static>>| {
        let height = left.len().max(right.len());
        (0..height)
            .map(|i| {
                let cell = |side: &[Line<'static>]| side.get(i).cloned().unwrap_or_default();
                let left = cell(&left);
                let pad = " ".repeat(column.saturating_sub(line_width(&left)));
                let mut spans = left.spans;
                spans.push(Span::raw(pad));
                spans.push(Span::styled(RULE, theme.border));
                spans.extend(cell(&right).spans);
                Line::from(spans)
            })
            .collect::<Vec<_>>()
    };
    let heading = |text: &str| {
        wrap(text, column)
            .into_iter()
            .map(|part| Line::from(Span::styled(part, theme.heading)))
            .collect()
    };
    lines.extend(pair(heading(&headers[0]), heading(&headers[1])));
    lines.push(Line::from(Span::styled(
        format!("{}┼{}", "─".repeat(column + 1), "─".repeat(column + 1)),
        theme.border,
    )));
    for (i, [left, right]) in rows.iter().enumerate() {
        if i > 0 {
            lines.push(Line::from(vec![
                Span::raw(" ".repeat(column)),
                Span::styled(RULE, theme.border),
            ]));
        }
        lines.extend(pair(
            bullet(left, column, theme),
            bullet(right, column, theme),
        ));
    }
}

/// A cell's text as a list item of `width`; an empty cell stays empty.
fn bullet(text: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    if text.is_empty() {
        return Vec::new();
    }
    let spans = inline_spans(text, theme.text, theme.code);
    wrap_spans(&spans, width.saturating_sub(2).max(1))
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let mut spans = vec![Span::styled(if i == 0 { "• " } else { "  " }, theme.text)];
            spans.extend(line.spans);
            Line::from(spans)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(laid: &Laid) -> Vec<String> {
        laid.lines
            .iter()
            .map(|line| line.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn columns_put_row_against_row_and_pad_the_shorter_side() {
        // Width 23: two columns of 10 around " │ ".
        let blocks = [Block::Columns {
            headers: ["P6".to_owned(), "P7".to_owned()],
            rows: vec![
                ["one two three".to_owned(), "四五".to_owned()],
                [String::new(), "six".to_owned()],
            ],
        }];
        let laid = lay_out(&blocks, 23, &Theme::no_color());
        assert_eq!(
            text(&laid),
            [
                "P6         │ P7",
                "───────────┼───────────",
                "• one two  │ • 四五",
                "  three    │ ",
                "           │ ",
                "           │ • six",
            ]
        );
    }

    #[test]
    fn anchors_mark_the_line_their_item_starts_on() {
        let blocks = [
            Block::Title("Title".to_owned()),
            Block::Anchor("a".to_owned()),
            Block::Bullet {
                text: "alpha beta".to_owned(),
                tone: Tone::Text,
                indent: 0,
            },
            Block::Anchor("b".to_owned()),
        ];
        // Width 8: "• alpha" then "  beta".
        let laid = lay_out(&blocks, 8, &Theme::no_color());
        assert_eq!(text(&laid), ["Title", "", "• alpha", "  beta"]);
        assert_eq!(laid.anchor("a"), Some(2));
        assert_eq!(laid.anchor("b"), Some(4));
        assert_eq!(laid.anchor("c"), None);
    }
}
