//! Drawing the Assess screen: where each part goes at a given size, and
//! the parts themselves. Reads state only.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Modifier;
use ratatui::symbols::line;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::detail;
use super::items::{Item, Row, items, offset, rows};
use super::words::{self, Word, guided_progress};
use super::wrap::{truncate, width, wrap};
use super::{Assess, Ctx, Note, View};
use crate::core::assess::progress;
use crate::core::report::{level_label, percent};
use crate::core::sanitize::neutralize_controls;
use crate::tui::data::{Data, SaveStatus};
use crate::tui::i18n::Lang;
use crate::tui::theme::Theme;

/// From this width on, readiness gets a side panel; below, a top strip.
const WIDE: u16 = 100;
/// The side panel's width.
const PANEL: u16 = 30;

/// Where each part of the screen goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Areas {
    banner: Option<Rect>,
    filter: Rect,
    strip: Option<Rect>,
    list: Rect,
    detail: Rect,
    panel: Option<Rect>,
    error: Option<Rect>,
    status: Rect,
}

fn areas(body: Rect, banner: bool, failed: bool) -> Areas {
    let inner = body.inner(Margin::new(1, 0));
    let mut top = inner.y;
    let mut bottom = inner.bottom();
    let mut take_top = |wanted: bool| {
        (wanted && top < bottom).then(|| {
            top += 1;
            Rect::new(inner.x, top - 1, inner.width, 1)
        })
    };
    let banner = take_top(banner);
    let filter = take_top(true).unwrap_or_default();
    let wide = inner.width >= WIDE;
    let strip = take_top(!wide);
    let mut take_bottom = |wanted: bool| {
        (wanted && top < bottom).then(|| {
            bottom -= 1;
            Rect::new(inner.x, bottom, inner.width, 1)
        })
    };
    let status = take_bottom(true).unwrap_or_default();
    let error = take_bottom(failed);
    let main = Rect::new(inner.x, top, inner.width, bottom.saturating_sub(top));
    let (rest, panel) = if wide {
        // The panel sits after a rule and a blank column.
        let rest = main.width.saturating_sub(PANEL + 2);
        let panel = Rect::new(main.x + rest + 2, main.y, PANEL, main.height);
        (
            Rect {
                width: rest,
                ..main
            },
            Some(panel),
        )
    } else {
        (main, None)
    };
    let list_width = rest.width * 2 / 5;
    let list = Rect {
        width: list_width,
        ..rest
    };
    let detail = Rect::new(
        rest.x + list_width + 2,
        rest.y,
        rest.width.saturating_sub(list_width + 3),
        rest.height,
    );
    Areas {
        banner,
        filter,
        strip,
        list,
        detail,
        panel,
        error,
        status,
    }
}

fn areas_for(state: &Assess, body: Rect, data: &Data) -> Areas {
    let banner = state.guided || data.profile.ratings.is_empty();
    let failed = matches!(data.save, SaveStatus::Failed(_));
    areas(body, banner, failed)
}

/// How many lines the selected item's details take, and how many rows show.
pub(super) fn detail_extent(state: &Assess, ctx: &Ctx, data: &Data) -> (usize, usize) {
    let body = Rect::new(0, 0, ctx.body.width, ctx.body.height);
    let area = areas_for(state, body, data).detail;
    let theme = Theme::no_color();
    let cx = detail::Ctx {
        data,
        lang: ctx.lang,
        theme: &theme,
        width: usize::from(area.width),
    };
    let len = detail::lines(state.selected_item(data), &cx).len();
    (len, usize::from(area.height))
}

/// Draws the screen into `area`.
pub(super) fn draw(state: &Assess, area: Rect, buf: &mut Buffer, view: &View<'_>) {
    let area = area.intersection(buf.area);
    let data = view.data;
    let theme = view.theme;
    let lang = view.lang;
    let at = areas_for(state, area, data);
    if let Some(row) = at.banner {
        let text = if state.guided {
            let (rated, total) = progress(&data.pack, &data.profile);
            guided_progress(lang, rated, total)
        } else {
            Word::Banner.text(lang).to_owned()
        };
        put(row, buf, Line::from(Span::styled(text, theme.heading)));
    }
    put(at.filter, buf, filter_line(state, view));
    if let Some(row) = at.strip {
        put(row, buf, readiness_strip(view));
    }
    draw_list(state, at.list, buf, view);
    // Rules: after the list, and before the panel's blank column.
    let mut rules = vec![at.list.right()];
    rules.extend(at.panel.map(|panel| panel.x.saturating_sub(2)));
    for y in at.list.top()..at.list.bottom() {
        for &x in &rules {
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.set_symbol(line::VERTICAL).set_style(theme.border);
            }
        }
    }
    match &state.editor {
        Some(editor) => {
            let heading = format!(
                "{} · {}",
                Word::EditorTitle.text(lang),
                indicator_text(&editor.id, view)
            );
            put(
                Rect {
                    height: 1,
                    ..at.detail
                },
                buf,
                Line::from(Span::styled(heading, theme.muted)),
            );
            let text_area = Rect {
                y: at.detail.y.saturating_add(1),
                height: at.detail.height.saturating_sub(1),
                ..at.detail
            };
            editor.render(
                Word::YourEvidence.text(lang),
                Word::EditorPlaceholder.text(lang),
                theme,
                text_area.intersection(buf.area),
                buf,
            );
        }
        None => {
            let cx = detail::Ctx {
                data,
                lang,
                theme,
                width: usize::from(at.detail.width),
            };
            let lines = detail::lines(state.selected_item(data), &cx);
            let height = usize::from(at.detail.height);
            let scroll = state.detail_scroll.min(lines.len().saturating_sub(height));
            for (line, row) in lines.into_iter().skip(scroll).zip(at.detail.rows()) {
                put(row, buf, line);
            }
        }
    }
    if let Some(panel) = at.panel {
        draw_panel(panel, buf, view);
    }
    if let (Some(row), SaveStatus::Failed(message)) = (at.error, &data.save) {
        let text = format!(
            "{}{}{}",
            Word::SaveFailed.text(lang),
            neutralize_controls(message).trim_end_matches('.'),
            Word::SaveRetry.text(lang)
        );
        put(
            row,
            buf,
            Line::from(Span::styled(text, theme.text.add_modifier(Modifier::BOLD))),
        );
    }
    draw_status(state, at.status, buf, view);
}

/// Draws `line` in the one-row `area`, cut at its right edge.
fn put(area: Rect, buf: &mut Buffer, line: Line<'_>) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let max = usize::from(area.width);
    let mut used = 0;
    let mut spans = Vec::new();
    for span in line.spans {
        let room = max.saturating_sub(used);
        if room == 0 {
            break;
        }
        let text = truncate(&span.content, room);
        used += width(&text);
        spans.push(Span::styled(text, span.style));
    }
    Line::from(spans).style(line.style).render(area, buf);
}

fn indicator_text(id: &str, view: &View<'_>) -> String {
    let data = view.data;
    data.pack
        .indicator(id)
        .map(|(_, ind)| {
            ind.text
                .get(view.lang.code(), data.fallback())
                .replace('\n', " ")
        })
        .unwrap_or_else(|| neutralize_controls(id).into_owned())
}

fn filter_line(state: &Assess, view: &View<'_>) -> Line<'static> {
    let lang = view.lang;
    let theme = view.theme;
    let data = view.data;
    let f = &state.filter;
    let all = Word::All.text(lang);
    let level = f.level.clone().unwrap_or_else(|| all.to_owned());
    let dimension = f
        .dimension
        .as_deref()
        .and_then(|id| data.pack.dimensions.iter().find(|d| d.id.value == id))
        .map(|d| d.name.get(lang.code(), data.fallback()).to_owned())
        .unwrap_or_else(|| all.to_owned());
    let on_off = |on: bool| if on { Word::On } else { Word::Off }.text(lang).to_owned();
    let parts = [
        ("l", Word::Level, level, f.level.is_some()),
        ("d", Word::Dimension, dimension, f.dimension.is_some()),
        (
            "u",
            Word::UnratedOnly,
            on_off(f.unrated_only),
            f.unrated_only,
        ),
        ("n", Word::GapsOnly, on_off(f.gaps_only), f.gaps_only),
    ];
    let mut spans = vec![Span::styled(Word::Filter.text(lang), theme.muted)];
    for (key, name, value, set) in parts {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(format!(" {}: ", name.text(lang)), theme.muted));
        let style = if set {
            theme
                .text
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            theme.text
        };
        spans.push(Span::styled(value, style));
    }
    Line::from(spans)
}

/// The target and whether it was chosen or follows the rule.
fn target_words(data: &Data, lang: Lang) -> (String, &'static str) {
    let target = data
        .assessment
        .target_level
        .clone()
        .unwrap_or_else(|| Word::NoLevel.text(lang).to_owned());
    let how = if data.profile.target_level.is_some() {
        Word::Chosen
    } else {
        Word::Automatic
    };
    (target, how.text(lang))
}

fn readiness_strip(view: &View<'_>) -> Line<'static> {
    let (lang, theme, data) = (view.lang, view.theme, view.data);
    let current = data
        .assessment
        .current_level
        .clone()
        .unwrap_or_else(|| Word::NoLevel.text(lang).to_owned());
    let (target, how) = target_words(data, lang);
    let mut spans = vec![
        Span::styled(format!("{} ", Word::Current.text(lang)), theme.muted),
        Span::styled(current, theme.heading),
        Span::styled(format!(" · {} ", Word::Target.text(lang)), theme.muted),
        Span::styled(target, theme.heading),
        Span::styled(format!(" ({how})  │ "), theme.muted),
    ];
    for level in &data.assessment.levels {
        let mark = if level.reached { "✓" } else { "" };
        spans.push(Span::styled(
            format!("{} {}{mark}  ", level.id, percent(level.readiness)),
            theme.text,
        ));
    }
    Line::from(spans)
}

fn draw_panel(area: Rect, buf: &mut Buffer, view: &View<'_>) {
    let (lang, theme, data) = (view.lang, view.theme, view.data);
    let mut lines = vec![Line::from(Span::styled(
        Word::Readiness.text(lang),
        theme.heading,
    ))];
    let id_width = data
        .assessment
        .levels
        .iter()
        .map(|l| width(&l.id))
        .max()
        .unwrap_or(0)
        .min(8);
    // id, a space, the bar, " 100%", " ✓"
    let bar = usize::from(area.width).saturating_sub(id_width + 8).min(12);
    for level in &data.assessment.levels {
        let filled = ((level.readiness.clamp(0.0, 1.0) * bar as f64).round()) as usize;
        let id = truncate(&level.id, id_width);
        let pad = " ".repeat(id_width.saturating_sub(width(&id)));
        lines.push(Line::from(vec![
            Span::styled(format!("{id}{pad} "), theme.text),
            Span::styled("█".repeat(filled), theme.heading),
            Span::styled("░".repeat(bar - filled), theme.border),
            Span::styled(format!(" {:>4}", percent(level.readiness)), theme.text),
            Span::styled(if level.reached { " ✓" } else { "" }, theme.text),
        ]));
    }
    lines.push(Line::from(Span::styled(
        format!(
            "{} {}",
            Word::ReachedAt.text(lang),
            percent(data.pack.threshold)
        ),
        theme.muted,
    )));
    lines.push(Line::default());
    let label = |id: &str| {
        data.pack
            .level(id)
            .map(|l| level_label(&l.id, l.name.get(lang.code(), data.fallback())))
            .unwrap_or_else(|| id.to_owned())
    };
    let none = Word::NoLevel.text(lang).to_owned();
    let current = data
        .assessment
        .current_level
        .as_deref()
        .map_or(none.clone(), label);
    let target = data.assessment.target_level.as_deref().map_or(none, label);
    let (_, how) = target_words(data, lang);
    let (rated, total) = progress(&data.pack, &data.profile);
    let rows = [
        (Word::Current, current),
        (Word::Target, target),
        (
            Word::Target,
            format!("{how} · {}", Word::TargetKey.text(lang)),
        ),
        (Word::Rated, format!("{rated}/{total}")),
    ];
    let name_width = rows
        .iter()
        .map(|(w, _)| width(w.text(lang)))
        .max()
        .unwrap_or(0);
    for (i, (name, value)) in rows.into_iter().enumerate() {
        let shown = if i == 2 { "" } else { name.text(lang) };
        let pad = " ".repeat(name_width.saturating_sub(width(shown)) + 1);
        let style = if i == 2 { theme.muted } else { theme.text };
        lines.push(Line::from(vec![
            Span::styled(format!("{shown}{pad}"), theme.muted),
            Span::styled(value, style),
        ]));
    }
    for (line, row) in lines.into_iter().zip(area.rows()) {
        put(row, buf, line);
    }
}

fn draw_list(state: &Assess, area: Rect, buf: &mut Buffer, view: &View<'_>) {
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
    let rows = rows(&list, data);
    let at = rows
        .iter()
        .position(|row| *row == Row::Item(selected))
        .unwrap_or(0);
    let first = offset(at, rows.len(), usize::from(area.height));
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
    let text = match item {
        Item::Indicator(_) => indicator_text(id, view),
        Item::Orphan(_) => neutralize_controls(id).into_owned(),
    };
    Line::from(vec![
        Span::styled(format!("{mark}{score:>2} "), theme.text),
        Span::styled(gap, theme.key),
        Span::styled(format!(" {text}"), theme.text),
    ])
}

fn draw_status(state: &Assess, area: Rect, buf: &mut Buffer, view: &View<'_>) {
    let (lang, theme, data) = (view.lang, view.theme, view.data);
    let saved = if data.save == SaveStatus::Saved {
        Word::Saved.text(lang)
    } else {
        ""
    };
    let room = usize::from(area.width).saturating_sub(width(saved) + 1);
    let (text, style) = match (&state.confirm, &state.note) {
        (Some(id), _) => (
            words::confirm_delete(lang, &neutralize_controls(id)),
            theme.text.add_modifier(Modifier::BOLD),
        ),
        (None, Some(note)) => (note_text(note, view), theme.text),
        (None, None) => (String::new(), theme.text),
    };
    put(
        area,
        buf,
        Line::from(Span::styled(truncate(&text, room), style)),
    );
    if !saved.is_empty() {
        let w = u16::try_from(width(saved)).unwrap_or(u16::MAX);
        let x = area.right().saturating_sub(w);
        put(
            Rect::new(x, area.y, w.min(area.width), area.height),
            buf,
            Line::from(Span::styled(saved, theme.muted)),
        );
    }
}

fn note_text(note: &Note, view: &View<'_>) -> String {
    let lang = view.lang;
    match note {
        Note::Word(word) => word.text(lang).to_owned(),
        Note::NotOnScale(value) => {
            let values: Vec<String> = view
                .data
                .pack
                .scale
                .iter()
                .map(|s| s.value.value.to_string())
                .collect();
            words::not_on_scale(lang, *value, &values.join(" "))
        }
        Note::Deleted(id) => words::deleted(lang, &neutralize_controls(id)),
        Note::EditorFailed(why) => words::editor_failed(lang, &neutralize_controls(why)),
    }
}
