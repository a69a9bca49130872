//! A page of already-split lines that scrolls: a building block for screens
//! that show text.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect, Size};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::View;
use crate::tui::action::Action;
use crate::tui::i18n::Msg;
use crate::tui::state::Effect;

/// The blank border kept round a page's text.
const MARGIN: Margin = Margin {
    horizontal: 2,
    vertical: 1,
};

/// How far a page is scrolled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Page {
    scroll: usize,
}

impl Page {
    /// The index of the first line on show.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// Scrolls through `len` lines shown in a body of `body` size; `None`
    /// for actions that are not about scrolling.
    pub fn update(&mut self, action: Action, len: usize, body: Size) -> Option<Vec<Effect>> {
        let height = usize::from(body.height.saturating_sub(2 * MARGIN.vertical));
        let last = len.saturating_sub(text_rows(len, height));
        let step = height.saturating_sub(1).max(1);
        self.scroll = match action {
            Action::Up | Action::ScrollUp { .. } => self.scroll.saturating_sub(1),
            Action::Down | Action::ScrollDown { .. } => self.scroll + 1,
            Action::PageUp => self.scroll.saturating_sub(step),
            Action::PageDown => self.scroll + step,
            Action::Home => 0,
            Action::End => last,
            _ => return None,
        }
        .min(last);
        Some(Vec::new())
    }

    /// Draws the lines from the scroll position on, one per row, cut at the
    /// right edge (never wrapped: the lines come already split). When more
    /// lines are below, the last row says so.
    pub fn render(&self, lines: &[Line<'_>], area: Rect, buf: &mut Buffer, view: &View<'_>) {
        let inner = area.inner(MARGIN).intersection(buf.area);
        let shown = text_rows(lines.len(), usize::from(inner.height));
        let scroll = self.scroll.min(lines.len().saturating_sub(shown));
        for (line, row) in lines.iter().skip(scroll).take(shown).zip(inner.rows()) {
            line.render(row, buf);
        }
        if scroll + shown < lines.len()
            && let Some(row) = inner.rows().nth(shown)
        {
            Line::from(Span::styled(
                Msg::HelpMoreBelow.text(view.lang),
                view.theme.muted,
            ))
            .right_aligned()
            .render(row, buf);
        }
    }
}

/// The rows for text when `len` lines go into `rows`: all of them when the
/// lines fit, else all but the last, which says there is more below.
fn text_rows(len: usize, rows: usize) -> usize {
    if len <= rows {
        rows
    } else {
        rows.saturating_sub(1).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A body of 10 rows leaves 8 for text once the margin is kept.
    const BODY: Size = Size {
        width: 60,
        height: 10,
    };

    fn after(actions: &[Action], len: usize) -> usize {
        let mut page = Page::default();
        for action in actions {
            assert_eq!(page.update(action.clone(), len, BODY), Some(Vec::new()));
        }
        page.scroll()
    }

    #[test]
    fn scrolling_stops_where_the_last_line_reaches_the_bottom() {
        // 20 lines in 8 rows: 7 of text and the "more below" mark, so the
        // last scroll position is 20 − 7 = 13.
        assert_eq!(after(&[Action::End], 20), 13);
        assert_eq!(after(&[const { Action::Down }; 15], 20), 13);
        assert_eq!(after(&[Action::Down, Action::Down, Action::Up], 20), 1);
        assert_eq!(after(&[Action::Up], 20), 0);
        assert_eq!(after(&[Action::End, Action::Home], 20), 0);
    }

    #[test]
    fn a_page_step_keeps_one_line_of_the_last_page_in_sight() {
        // A step is 8 − 1 = 7 rows; the end is at 13.
        assert_eq!(after(&[Action::PageDown], 20), 7);
        assert_eq!(after(&[Action::PageDown, Action::PageDown], 20), 13);
        assert_eq!(after(&[Action::End, Action::PageUp], 20), 6);
    }

    #[test]
    fn text_that_fits_does_not_scroll() {
        assert_eq!(after(&[Action::Down, Action::End, Action::PageDown], 8), 0);
    }

    #[test]
    fn other_actions_are_left_to_others() {
        let mut page = Page::default();
        assert_eq!(page.update(Action::Open, 20, BODY), None);
        assert_eq!(page.update(Action::Quit, 20, BODY), None);
    }
}
