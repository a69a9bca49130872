//! The list: group headings and one line per item.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::items::{Item, Row, items, offset, rows};
use super::render::{indicator_spans, put};
use super::words::Word;
use super::{Assess, View};
use crate::core::sanitize::neutralize_controls;
use crate::tui::data::Data;
use crate::tui::layout::line_at;
use crate::tui::text::wrap;

pub(super) fn draw_list(state: &Assess, area: Rect, buf: &mut Buffer, view: &View<'_>) {
    let (lang, theme, data) = (view.lang, view.theme, view.data);
    let list = items(&state.filter, data);
    if list.is_empty() {
        let lines = wrap(Word::Nothing.text(lang), usize::from(area.width));
        for (text, row) in lines.into_iter().zip(area.rows()) {
            put(row, buf, Line::from(Span::styled(text, theme.muted)));
        }
        return;
    }
    let selected = state.selected.min(list.len() - 1);
    let (rows, first) = shown(state, &list, data, area.height);
    for (row, rect) in rows.iter().skip(first).zip(area.rows()) {
        let line = match *row {
            Row::Group { dimension, level } => {
                let dim = data.pack.dimensions.get(dimension);
                let name = dim.map_or("", |d| d.name.get(lang.code(), data.fallback()));
                let level = data.pack.levels.get(level).map_or("", |l| l.id.as_str());
                Line::from(Span::styled(format!("{name} · {level}"), theme.heading))
            }
            Row::Orphans => Line::from(Span::styled(Word::Orphans.text(lang), theme.heading)),
            Row::Item(index) => item_line(list[index], index == selected, view),
        };
        put(rect, buf, line);
        if *row == Row::Item(selected) {
            buf.set_style(rect, theme.tab_active);
        }
    }
}

/// The list's lines, and the first of them on show in `height` rows.
fn shown(state: &Assess, list: &[Item<'_>], data: &Data, height: u16) -> (Vec<Row>, usize) {
    let selected = state.selected.min(list.len().saturating_sub(1));
    let rows = rows(list, data);
    let at = rows
        .iter()
        .position(|row| *row == Row::Item(selected))
        .unwrap_or(0);
    let first = offset(at, rows.len(), usize::from(height));
    (rows, first)
}

/// The item drawn at (`column`, `row`) when the list fills `area`; `None`
/// off the list and on a group's heading.
pub(super) fn item_at(
    state: &Assess,
    area: Rect,
    data: &Data,
    column: u16,
    row: u16,
) -> Option<usize> {
    let line = line_at(area, column, row)?;
    let list = items(&state.filter, data);
    let (rows, first) = shown(state, &list, data, area.height);
    match rows.get(first + line)? {
        Row::Item(index) => Some(*index),
        Row::Group { .. } | Row::Orphans => None,
    }
}

/// `› 3 ! text`: the selection mark, the score (`·` when unrated), the gap
/// mark, and the indicator's text on one line.
fn item_line(item: Item<'_>, selected: bool, view: &View<'_>) -> Line<'static> {
    let data = view.data;
    let theme = view.theme;
    let mark = if selected { "›" } else { " " };
    let id = item.id();
    let score = data
        .profile
        .ratings
        .get(id)
        .map_or_else(|| "·".to_owned(), |r| r.score.to_string());
    let gap = if data.assessment.gaps.iter().any(|g| g.indicator == id) {
        "!"
    } else {
        " "
    };
    // In mentor mode the mentor's score follows the mentee's: `3→2`.
    let score = match data.mentor_session {
        Some(_) => {
            let theirs = data
                .profile
                .mentor
                .as_ref()
                .and_then(|m| m.ratings.get(id))
                .map_or_else(|| "·".to_owned(), |r| r.score.to_string());
            format!("{score}→{theirs}")
        }
        None => score,
    };
    let mut spans = vec![
        Span::styled(format!("{mark}{score:>2} "), theme.text),
        Span::styled(gap, theme.key),
        Span::styled(" ", theme.text),
    ];
    match item {
        Item::Indicator(_) => spans.extend(indicator_spans(id, view, theme.text)),
        Item::Orphan(_) => spans.push(Span::styled(
            neutralize_controls(id).into_owned(),
            theme.text,
        )),
    }
    Line::from(spans)
}
