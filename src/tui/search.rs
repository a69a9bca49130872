//! The search window (`/`): find an indicator, question, checklist item or
//! article by id or by its text in the interface language, and jump to it.
//!
//! The matching is `core::search`; this is the window around it: the query
//! typed so far, the results, the one chosen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::action::Action;
use super::i18n::Lang;
use super::layout::{self, centered, width};
use super::text::{inline_spans, truncate_line};
use super::theme::Theme;
use super::view::clear_popup;
use crate::core::content::Pack;
use crate::core::search::{Hit, Index, Kind, Target};

/// The search window's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    query: String,
    index: Index,
    hits: Vec<Hit>,
    /// The position of the chosen hit.
    selected: usize,
}

/// What the window asks for after an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Stay open.
    Stay,
    /// Close, going nowhere.
    Close,
    /// Close and show this.
    Jump(Target),
}

impl Search {
    /// An empty search over `pack` in `lang`.
    pub fn open(pack: &Pack, lang: Lang) -> Self {
        Search {
            index: Index::build(pack, lang.code()),
            ..Search::default()
        }
    }

    /// What has been typed.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The targets found, best first.
    pub fn results(&self) -> Vec<&Target> {
        self.hits
            .iter()
            .filter_map(|hit| self.index.entry(*hit).map(|e| &e.target))
            .collect()
    }

    /// The chosen result.
    pub fn chosen(&self) -> Option<&Target> {
        let hit = self.hits.get(self.selected)?;
        self.index.entry(*hit).map(|e| &e.target)
    }

    /// The first result on show in the rows of `list`: the chosen one is
    /// always among them.
    fn first_shown(&self, list: Rect) -> usize {
        let shown = usize::from(list.height) / ROWS_PER_HIT;
        (self.selected + 1).saturating_sub(shown.max(1))
    }

    /// The position of the result drawn at (`column`, `row`) in a terminal
    /// of `area`, if one is.
    fn hit_at(&self, area: Rect, column: u16, row: u16) -> Option<usize> {
        let (_, list) = frame(area)?;
        let line = layout::line_at(list, column, row)?;
        let at = self.first_shown(list) + line / ROWS_PER_HIT;
        // A result whose two rows do not both fit is not drawn.
        let shown = usize::from(list.height) / ROWS_PER_HIT;
        (line / ROWS_PER_HIT < shown && at < self.hits.len()).then_some(at)
    }

    fn refresh(&mut self) {
        self.hits = self.index.search(&self.query);
        self.selected = 0;
    }

    /// Acts on `action`, in a terminal of `area`; `None` when the window
    /// has no use for it.
    pub fn update(&mut self, action: Action, area: Rect) -> Option<Outcome> {
        let last = self.hits.len().saturating_sub(1);
        let page = page_size(area).max(1);
        match action {
            Action::Input(c) => {
                self.query.push(c);
                self.refresh();
            }
            // A query is one line: a pasted one keeps its first.
            Action::Paste(text) => {
                self.query.push_str(text.lines().next().unwrap_or_default());
                self.refresh();
            }
            Action::DeleteChar => {
                if self.query.pop().is_some() {
                    self.refresh();
                }
            }
            Action::Up | Action::ScrollUp { .. } => self.selected = self.selected.saturating_sub(1),
            Action::Down | Action::ScrollDown { .. } => {
                self.selected = (self.selected + 1).min(last)
            }
            Action::PageUp => self.selected = self.selected.saturating_sub(page),
            Action::PageDown => self.selected = (self.selected + page).min(last),
            Action::Home => self.selected = 0,
            Action::End => self.selected = last,
            Action::Open => {
                return Some(self.chosen().cloned().map_or(Outcome::Stay, Outcome::Jump));
            }
            Action::Back => return Some(Outcome::Close),
            // A click chooses a result; a click on the chosen one goes there.
            Action::Click { column, row } => {
                let at = self.hit_at(area, column, row)?;
                if at == self.selected {
                    return self.update(Action::Open, area);
                }
                self.selected = at;
            }
            _ => return None,
        }
        Some(Outcome::Stay)
    }
}

/// Where the window goes in a terminal of `area`: its frame, and the rows
/// for results inside it. `None` when the shell is not drawn.
fn frame(area: Rect) -> Option<(Rect, Rect)> {
    let body = layout::shell(area)?.body;
    let popup = centered(
        body,
        body.width.saturating_sub(4).min(110),
        body.height.saturating_sub(2),
    );
    let inner = popup.inner(Margin::new(2, 1));
    // The query, the count, then results.
    let list = Rect {
        y: inner.y.saturating_add(3),
        height: inner.height.saturating_sub(3),
        ..inner
    };
    Some((popup, list))
}

/// Each result takes two rows: its kind and id, then its text.
const ROWS_PER_HIT: usize = 2;

/// How many results show at once in a terminal of `area`.
pub fn page_size(area: Rect) -> usize {
    frame(area).map_or(0, |(_, list)| usize::from(list.height) / ROWS_PER_HIT)
}

fn kind_label(kind: Kind, lang: Lang) -> &'static str {
    let (zh, en) = match kind {
        Kind::Indicator => ("指标", "indicator"),
        Kind::Question => ("题目", "question"),
        Kind::ChecklistItem => ("检查项", "checklist item"),
        Kind::Article => ("文章", "article"),
    };
    lang.pick(zh, en)
}

fn note(search: &Search, lang: Lang) -> String {
    if search.query.trim().is_empty() {
        return lang
            .pick(
                "输入 id 或文字，查找指标、题目、检查项和文章",
                "Type an id or words to find indicators, questions, checklist items and articles",
            )
            .to_owned();
    }
    match (search.hits.len(), lang) {
        (0, _) => lang.pick("没有匹配的内容", "Nothing matches").to_owned(),
        (n, Lang::Zh) => format!("{n} 条结果"),
        (1, Lang::En) => "1 result".to_owned(),
        (n, Lang::En) => format!("{n} results"),
    }
}

/// A line filling `cols` columns, so a chosen row is marked edge to edge.
fn filled(mut spans: Vec<Span<'static>>, cols: u16) -> Line<'static> {
    let used: u16 = spans.iter().map(|s| width(&s.content)).sum();
    spans.push(Span::raw(
        " ".repeat(usize::from(cols.saturating_sub(used))),
    ));
    Line::from(spans)
}

/// Draws the window over a terminal of `area`.
pub fn render(search: &Search, area: Rect, lang: Lang, theme: &Theme, buf: &mut Buffer) {
    let Some((popup, list)) = frame(area) else {
        return;
    };
    let popup = popup.intersection(buf.area);
    clear_popup(popup, buf);
    Block::bordered()
        .border_style(theme.border)
        .title(Span::styled(
            format!(" {} ", lang.pick("搜索", "Search")),
            theme.heading,
        ))
        .render(popup, buf);
    let inner = popup.inner(Margin::new(2, 1));
    let mut rows = inner.rows();
    if let Some(row) = rows.next() {
        Line::from(vec![
            Span::styled("/ ", theme.key),
            Span::styled(search.query.clone(), theme.text),
            // Where the next character goes.
            Span::styled(" ", theme.tab_active),
        ])
        .render(row, buf);
    }
    if let Some(row) = rows.next() {
        Line::from(Span::styled(note(search, lang), theme.muted)).render(row, buf);
    }

    let list = list.intersection(buf.area);
    let skip = search.first_shown(list);
    let mut rows = list.rows();
    for (i, hit) in search.hits.iter().enumerate().skip(skip) {
        let Some(entry) = search.index.entry(*hit) else {
            continue;
        };
        let (Some(top), Some(bottom)) = (rows.next(), rows.next()) else {
            break;
        };
        let chosen = i == search.selected;
        let pick = |style: Style| if chosen { theme.tab_active } else { style };
        let text = entry.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut snippet = vec![Span::styled("  ", pick(theme.text))];
        snippet.extend(inline_spans(&text, pick(theme.text), theme.code));
        let snippet = truncate_line(&Line::from(snippet), usize::from(bottom.width));
        filled(
            vec![
                Span::styled(kind_label(entry.target.kind(), lang), pick(theme.key)),
                Span::styled("  ", pick(theme.text)),
                Span::styled(entry.target.label(), pick(theme.muted)),
            ],
            top.width,
        )
        .style(pick(theme.text))
        .render(top, buf);
        filled(snippet.spans, bottom.width)
            .style(pick(theme.text))
            .render(bottom, buf);
    }
}

#[cfg(test)]
mod tests;
