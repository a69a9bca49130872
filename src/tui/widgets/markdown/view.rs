use std::cell::RefCell;
use std::rc::Rc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::{MarkdownStyles, render};

/// A Markdown document that renders itself once per width.
///
/// The lines are memoised behind `&self` (a `RefCell`) rather than prepared
/// by an explicit `ensure(width)` call: drawing takes `&self` and must not
/// change the app's state, and only the draw knows the width it got, so a
/// resize is picked up the next time the view is drawn, with nobody having
/// to remember to call anything first. Only the last width is kept: a
/// terminal being resized passes through many widths that will not come
/// back, and keeping them all would only grow.
#[derive(Debug)]
pub struct MarkdownView {
    source: String,
    styles: MarkdownStyles,
    rendered: RefCell<Option<(u16, Rc<[Line<'static>]>)>>,
}

impl MarkdownView {
    /// A view of `source`, drawn with `styles`.
    pub fn new(source: impl Into<String>, styles: MarkdownStyles) -> Self {
        Self {
            source: source.into(),
            styles,
            rendered: RefCell::new(None),
        }
    }

    /// The Markdown as given.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The document's lines at `width`, rendered only when the width changed.
    pub fn lines(&self, width: u16) -> Rc<[Line<'static>]> {
        if let Some((cached_width, lines)) = self.rendered.borrow().as_ref()
            && *cached_width == width
        {
            return Rc::clone(lines);
        }
        let lines: Rc<[Line<'static>]> =
            render(&self.source, usize::from(width), &self.styles).into();
        *self.rendered.borrow_mut() = Some((width, Rc::clone(&lines)));
        lines
    }

    /// Draws the document into `area`, starting `scroll` lines down.
    pub fn render_scrolled(&self, scroll: usize, area: Rect, buf: &mut Buffer) {
        render_lines(&self.lines(area.width), scroll, area, buf);
    }
}

/// The largest useful scroll offset for `line_count` lines shown `height` at a time.
pub fn max_scroll(line_count: usize, height: u16) -> usize {
    line_count.saturating_sub(usize::from(height))
}

/// Draws `lines` into `area` starting `scroll` lines down, one line per row
/// and cut at the right edge: the lines are expected to be wrapped already.
pub fn render_lines(lines: &[Line<'_>], scroll: usize, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    let rows = lines.iter().skip(scroll).take(usize::from(area.height));
    for (y, line) in (area.y..).zip(rows) {
        buf.set_line(area.x, y, line, area.width);
    }
}

/// Already wrapped lines shown from a scroll offset, as a widget.
#[derive(Debug, Clone, Copy)]
pub struct ScrolledLines<'a> {
    pub lines: &'a [Line<'a>],
    pub scroll: usize,
}

impl Widget for ScrolledLines<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        render_lines(self.lines, self.scroll, area, buf);
    }
}
