//! Overview: where the person stands. Readiness per level against the
//! threshold, the dimensions at the target level, the biggest gaps with
//! their growth advice one key away, and the trend over time. A profile with
//! nothing rated yet gets a first screen that says how to start.

mod advice;
mod dashboard;
mod gaps;
mod plan;
mod trend;
mod welcome;

#[cfg(test)]
mod tests;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use ratatui::widgets::Widget;

use super::date_entry::{DateEntry, Entry};
use super::{Ctx, Screen, View};
use crate::core::score::Gap;
use crate::tui::action::Action;
use crate::tui::data::Data;
use crate::tui::keymap::Mode;
use crate::tui::state::Effect;

/// How many gaps the screen lists.
pub const TOP_GAPS: usize = 5;

/// The state of the Overview screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overview {
    /// The selected gap, by position among the top gaps.
    selected: usize,
    /// Browsing, the growth advice open, or the defense date being typed.
    mode: OverviewMode,
    /// How far the welcome (the screen of a profile with nothing rated) is
    /// scrolled, in a window too small for it.
    welcome_scroll: usize,
}

/// The modes of the Overview; each has its keys in the key file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum OverviewMode {
    #[default]
    Browsing,
    /// The growth advice of a gap, in a window.
    Advice(Advice),
    /// The defense date being typed, after `d`.
    Date(DateEntry),
}

/// The growth advice window of one indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Advice {
    /// The indicator's id: kept rather than the position, so the window
    /// keeps showing the same advice if the gaps move underneath it.
    indicator: String,
    scroll: usize,
}

/// The gaps the screen lists: the rated ones first, then the unrated ones,
/// each in the assessment's order (most valuable first). With few ratings
/// the unrated gaps outweigh everything, and listing only them would hide
/// what the person actually rated low.
fn top_gaps(data: &Data) -> Vec<&Gap> {
    let gaps = &data.assessment.gaps;
    let rated = gaps.iter().filter(|g| g.rated);
    let unrated = gaps.iter().filter(|g| !g.rated);
    rated.chain(unrated).take(TOP_GAPS).collect()
}

/// How many gaps (at or below the target) are not rated yet.
#[cfg(test)]
fn unrated_gaps(data: &Data) -> usize {
    data.assessment.gaps.iter().filter(|g| !g.rated).count()
}

/// The rows the gaps want under their title: one per listed gap, and a
/// note when there are more gaps than listed.
fn gap_rows(data: &Data) -> usize {
    let listed = top_gaps(data).len();
    listed + usize::from(data.assessment.gaps.len() > listed)
}

/// How many of the listed gaps show in `rows` rows under the title, and
/// whether a note on the gaps not shown takes the row after them. With a
/// single row, a gap says more than a count.
fn shown_gaps(data: &Data, rows: usize) -> (usize, bool) {
    let listed = top_gaps(data).len();
    if listed == data.assessment.gaps.len() && listed <= rows {
        (listed, false)
    } else if rows >= 2 {
        (listed.min(rows - 1), true)
    } else {
        (listed.min(rows), false)
    }
}

/// Whether `action` is one of this screen's keys. Each is taken even when
/// it has nothing to do (no gaps, nothing open), so that no key listed in
/// the help window falls through to do something else.
fn is_ours(action: Action) -> bool {
    matches!(
        action,
        Action::Up
            | Action::Down
            | Action::Home
            | Action::End
            | Action::PageUp
            | Action::PageDown
            | Action::Open
            | Action::Back
            | Action::Resize { .. }
    )
}

/// Whether the profile has nothing rated yet, so the welcome shows instead.
fn is_empty(data: &Data) -> bool {
    data.assessment.rated == 0
}

impl Overview {
    /// The selected gap's position, kept within the gaps there are.
    fn selection(&self, count: usize) -> usize {
        self.selected.min(count.saturating_sub(1))
    }

    /// The indicator whose growth advice is open, if any.
    pub fn advice_open(&self) -> Option<&str> {
        self.advice().map(|a| a.indicator.as_str())
    }

    /// The growth advice window, when open.
    fn advice(&self) -> Option<&Advice> {
        match &self.mode {
            OverviewMode::Advice(advice) => Some(advice),
            _ => None,
        }
    }

    fn open_advice(&mut self, gap: usize, data: &Data) {
        if let Some(gap) = top_gaps(data).get(gap) {
            self.mode = OverviewMode::Advice(Advice {
                indicator: gap.indicator.clone(),
                scroll: 0,
            });
        }
    }

    fn update_advice(&mut self, action: Action, ctx: &Ctx, data: &Data) -> Option<Vec<Effect>> {
        if action == Action::Back {
            self.mode = OverviewMode::Browsing;
            return Some(Vec::new());
        }
        let OverviewMode::Advice(advice) = &mut self.mode else {
            return None;
        };
        let (last, page) = advice::scroll_limits(&advice.indicator, ctx.body, ctx.lang, data);
        advice.scroll = match action {
            Action::Up | Action::ScrollUp { .. } => advice.scroll.saturating_sub(1),
            Action::Down | Action::ScrollDown { .. } => advice.scroll + 1,
            Action::PageUp => advice.scroll.saturating_sub(page),
            Action::PageDown => advice.scroll + page,
            Action::Home => 0,
            Action::End => last,
            Action::Resize { .. } | Action::Open => advice.scroll,
            _ => return None,
        }
        .min(last);
        Some(Vec::new())
    }
}

impl Screen for Overview {
    fn update(&mut self, action: Action, ctx: &Ctx, data: &mut Data) -> Option<Vec<Effect>> {
        if let OverviewMode::Date(entry) = &mut self.mode {
            if matches!(action, Action::Resize { .. } | Action::Tick(_)) {
                return None;
            }
            return match entry.update(action, data)? {
                Entry::Typing => Some(Vec::new()),
                Entry::Cancelled => {
                    self.mode = OverviewMode::Browsing;
                    Some(Vec::new())
                }
                Entry::Saved(_, effects) => {
                    self.mode = OverviewMode::Browsing;
                    Some(effects)
                }
            };
        }
        if action == Action::Edit && self.mode == OverviewMode::Browsing {
            self.mode = OverviewMode::Date(DateEntry::open(data));
            return Some(Vec::new());
        }
        if is_empty(data) {
            if matches!(self.mode, OverviewMode::Advice(_)) {
                self.mode = OverviewMode::Browsing;
            }
            let last = welcome::last_scroll(ctx.body, ctx.lang, data);
            let page = usize::from(ctx.body.height.saturating_sub(2)).max(1);
            let scroll = self.welcome_scroll.min(last);
            self.welcome_scroll = match action {
                Action::Up | Action::ScrollUp { .. } => scroll.saturating_sub(1),
                Action::Down | Action::ScrollDown { .. } => scroll + 1,
                Action::PageUp => scroll.saturating_sub(page),
                Action::PageDown => scroll + page,
                Action::Home => 0,
                Action::End => last,
                _ if is_ours(action) => scroll,
                _ => return None,
            }
            .min(last);
            return Some(Vec::new());
        }
        if matches!(self.mode, OverviewMode::Advice(_)) {
            return self.update_advice(action, ctx, data);
        }
        let count = dashboard::gaps_shown(ctx.body, data, ctx.lang);
        let last = count.saturating_sub(1);
        let current = self.selection(count);
        self.selected = match action {
            // The gaps are the one list here, so the wheel moves in it
            // wherever it is turned.
            Action::Up | Action::ScrollUp { .. } => current.saturating_sub(1),
            Action::Down | Action::ScrollDown { .. } => (current + 1).min(last),
            Action::Home => 0,
            Action::End => last,
            Action::Open => {
                self.open_advice(current, data);
                current
            }
            // A click selects a gap; a second one opens its advice, as Enter.
            Action::Click { column, row } => {
                let clicked = dashboard::gap_at(ctx.body, data, ctx.lang, column, row)?;
                if clicked == current {
                    self.open_advice(current, data);
                }
                clicked
            }
            _ if is_ours(action) => current,
            _ => return None,
        };
        Some(Vec::new())
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View<'_>) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        if is_empty(view.data) {
            welcome::render(self.welcome_scroll, area, buf, view);
            self.render_date(area, buf, view);
            return;
        }
        let count = dashboard::gaps_shown(area, view.data, view.lang);
        dashboard::render(self.selection(count), area, buf, view);
        if let Some(open) = self.advice() {
            advice::render(&open.indicator, open.scroll, area, buf, view);
        }
        self.render_date(area, buf, view);
    }

    fn leave(&mut self) {
        if matches!(self.mode, OverviewMode::Date(_)) {
            self.mode = OverviewMode::Browsing;
        }
    }

    fn mode(&self) -> Mode {
        match self.mode {
            OverviewMode::Browsing => Mode::BROWSE,
            OverviewMode::Advice(_) => Mode::keys("advice"),
            OverviewMode::Date(_) => Mode::typing("defense_date"),
        }
    }
}

impl Overview {
    /// The defense date being typed, on the last row of the screen.
    fn render_date(&self, area: Rect, buf: &mut Buffer, view: &View<'_>) {
        let OverviewMode::Date(entry) = &self.mode else {
            return;
        };
        let row = Rect::new(area.x, area.bottom().saturating_sub(1), area.width, 1);
        ratatui::widgets::Clear.render(row, buf);
        let text = crate::tui::text::truncate(
            &format!(" {}", entry.line(view.lang)),
            usize::from(area.width),
        );
        let style = view
            .theme
            .text
            .add_modifier(ratatui::style::Modifier::REVERSED);
        ratatui::text::Line::from(ratatui::text::Span::styled(text, style)).render(row, buf);
    }
}
