//! Drawing the Assess screen: where each part goes at a given size, and
//! the parts themselves. Reads state only.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::symbols::line;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::words::{Word, guided_progress};
use super::{Assess, Ctx, View};
use super::{detail, list, readiness};
use crate::core::assess::progress;
use crate::core::sanitize::neutralize_controls;
use crate::tui::Lang;
use crate::tui::data::{Data, SaveStatus};
use crate::tui::i18n::Msg;
use crate::tui::text::{inline_spans, truncate, truncate_line, wrap};
use crate::tui::theme::Theme;

/// From this width on, readiness gets a side panel; below, a top strip.
const WIDE: u16 = 100;
/// The side panel's width: enough for a bar per level and the target's
/// words, so the list and the details keep the rest.
const PANEL: u16 = 24;

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

/// `error_rows`: the rows the message of a failed save takes (0 when the
/// last save went well).
fn areas(body: Rect, banner: bool, error_rows: u16) -> Areas {
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
    let mut error: Option<Rect> = None;
    for _ in 0..error_rows {
        if let Some(row) = take_bottom(true) {
            error = Some(Rect {
                height: error.map_or(1, |e| e.height + 1),
                ..row
            });
        }
    }
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
    // Wide, the list and the details share what the panel leaves about
    // equally (each some 40% of the window); narrow, the details get more,
    // since they wrap and the list's lines are cut.
    let list_width = if wide {
        rest.width / 2
    } else {
        rest.width * 2 / 5
    };
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

fn areas_for(state: &Assess, body: Rect, data: &Data, lang: Lang) -> Areas {
    let banner = state.guided || (data.profile.ratings.is_empty() && data.mentor_session.is_none());
    let error_rows = save_error(body.inner(Margin::new(1, 0)).width, data, lang)
        .map_or(0, |lines| lines.len() as u16);
    areas(body, banner, error_rows)
}

/// Where the list goes when the screen fills its part of the window.
pub(super) fn list_area(state: &Assess, ctx: &Ctx, data: &Data) -> Rect {
    areas_for(state, ctx.body, data, ctx.lang).list
}

/// How wide the editor is drawn, frame included: the details' width.
pub(super) fn editor_width(state: &Assess, ctx: &Ctx, data: &Data) -> u16 {
    areas_for(state, ctx.body, data, ctx.lang).detail.width
}

/// How many lines the selected item's details take, and how many rows show.
pub(super) fn detail_extent(state: &Assess, ctx: &Ctx, data: &Data) -> (usize, usize) {
    let area = areas_for(state, ctx.body, data, ctx.lang).detail;
    let theme = Theme::no_color();
    let cx = detail::Ctx {
        data,
        lang: ctx.lang,
        theme: &theme,
        width: usize::from(area.width),
    };
    let len = detail::lines(state.selected_item(data), &cx).len();
    (len, text_rows(len, area.height))
}

/// The rows of the details pane that show text: all of them, or all but
/// the last when the text runs past the pane and that row says so.
fn text_rows(len: usize, height: u16) -> usize {
    let height = usize::from(height);
    if len > height && height >= MORE_BELOW_FROM {
        height - 1
    } else {
        height
    }
}

/// The least height at which the details give a row to "more below".
const MORE_BELOW_FROM: usize = 3;

/// Draws the screen into `area`.
pub(super) fn draw(state: &Assess, area: Rect, buf: &mut Buffer, view: &View<'_>) {
    let area = area.intersection(buf.area);
    let data = view.data;
    let theme = view.theme;
    let lang = view.lang;
    let at = areas_for(state, area, data, lang);
    if let Some(row) = at.banner {
        let text = if state.guided {
            let (rated, total) = progress(&data.pack, &data.profile);
            guided_progress(lang, rated, total)
        } else {
            Word::Banner.text(lang).to_owned()
        };
        put(row, buf, Line::from(Span::styled(text, theme.heading)));
    }
    put(
        at.filter,
        buf,
        filter_line(state, view, usize::from(at.filter.width)),
    );
    if let Some(row) = at.strip {
        put(
            row,
            buf,
            readiness::readiness_strip(view, usize::from(row.width)),
        );
    }
    list::draw_list(state, at.list, buf, view);
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
    match state.editor() {
        Some(editor) => {
            let mentor = super::mentor::words(lang);
            let mentor_mode = data.mentor_session.is_some();
            let mut heading = vec![Span::styled(
                format!(
                    "{} · ",
                    if mentor_mode {
                        mentor.editor_title
                    } else {
                        Word::EditorTitle.text(lang)
                    }
                ),
                theme.muted,
            )];
            heading.extend(indicator_spans(&editor.id, view, theme.muted));
            put(
                Rect {
                    height: 1,
                    ..at.detail
                },
                buf,
                Line::from(heading),
            );
            let text_area = Rect {
                y: at.detail.y.saturating_add(1),
                height: at.detail.height.saturating_sub(1),
                ..at.detail
            };
            let (title, placeholder) = if mentor_mode {
                (mentor.your_comment, mentor.editor_placeholder)
            } else {
                (
                    Word::YourEvidence.text(lang),
                    Word::EditorPlaceholder.text(lang),
                )
            };
            editor.render(
                title,
                placeholder,
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
            let len = lines.len();
            let height = text_rows(len, at.detail.height);
            let scroll = state.scroll_of(data).min(len.saturating_sub(height));
            let mut rows = at.detail.rows();
            for (line, row) in lines
                .into_iter()
                .skip(scroll)
                .zip(rows.by_ref().take(height))
            {
                put(row, buf, line);
            }
            if scroll + height < len
                && let Some(row) = rows.next()
            {
                let more = Line::from(Span::styled(Msg::HelpMoreBelow.text(lang), theme.muted));
                put(row, buf, more.right_aligned());
            }
        }
    }
    if let Some(panel) = at.panel {
        readiness::draw_panel(panel, buf, view);
    }
    if let (Some(area), Some(lines)) = (at.error, save_error(at.status.width, data, lang)) {
        // The message starts where it fits whole, its start on top.
        for (line, row) in lines.into_iter().zip(area.rows()) {
            put(
                row,
                buf,
                Line::from(Span::styled(line, theme.text.add_modifier(Modifier::BOLD))),
            );
        }
    }
    super::status::draw_status(state, at.status, buf, view);
}

/// The message of a failed save wrapped to `width`, at most three rows
/// (the last cut with `…`); `None` when the last save went well.
fn save_error(width: u16, data: &Data, lang: Lang) -> Option<Vec<String>> {
    let SaveStatus::Failed(message) = &data.save else {
        return None;
    };
    let text = format!(
        "{}{}{}",
        Word::SaveFailed.text(lang),
        neutralize_controls(message).trim_end_matches('.'),
        Word::SaveRetry.text(lang)
    );
    let width = usize::from(width).max(1);
    let mut lines = wrap(&text, width);
    if lines.len() > 3 {
        let rest = lines.split_off(2).join(" ");
        lines.push(truncate(&rest, width));
    }
    Some(lines)
}

/// Draws `line` in the one-row `area`, cut at its right edge with one `…`.
/// The line is cut as a whole: cut span by span, a wide character that
/// does not fit leaves a cell for the next span's own `…`, and a span that
/// fills the row exactly leaves the rest cut without any.
pub(super) fn put(area: Rect, buf: &mut Buffer, line: Line<'_>) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    truncate_line(&line, usize::from(area.width)).render(area, buf);
}

/// The indicator's text on one line in `base`, its inline code styled;
/// the id (made safe to show) when the pack does not have it.
pub(super) fn indicator_spans(id: &str, view: &View<'_>, base: Style) -> Vec<Span<'static>> {
    let data = view.data;
    match data.pack.indicator(id) {
        Some((_, ind)) => {
            let text = ind
                .text
                .get(view.lang.code(), data.fallback())
                .replace('\n', " ");
            inline_spans(&text, base, view.theme.code)
        }
        None => vec![Span::styled(neutralize_controls(id).into_owned(), base)],
    }
}

/// The filters and their keys, in the roomiest wording that fits `room`:
/// labelled, then without the label, then with short words and single
/// spaces.
fn filter_line(state: &Assess, view: &View<'_>, room: usize) -> Line<'static> {
    let fits = |line: &Line<'_>| crate::tui::text::line_width(line) <= room;
    [false, true]
        .into_iter()
        .flat_map(|short| [(true, short), (false, short)])
        .map(|(label, short)| filter_words(state, view, label, short))
        .find(|line| fits(line))
        .unwrap_or_else(|| filter_words(state, view, false, true))
}

fn filter_words(state: &Assess, view: &View<'_>, label: bool, short: bool) -> Line<'static> {
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
    let (unrated, gaps) = if short {
        (Word::Unrated, Word::Gaps)
    } else {
        (Word::UnratedOnly, Word::GapsOnly)
    };
    let parts = [
        ("l", Word::Level, level, f.level.is_some()),
        ("d", Word::Dimension, dimension, f.dimension.is_some()),
        ("u", unrated, on_off(f.unrated_only), f.unrated_only),
        ("n", gaps, on_off(f.gaps_only), f.gaps_only),
    ];
    let gap = if short { " " } else { "  " };
    let mut spans = Vec::new();
    if label {
        spans.push(Span::styled(Word::Filter.text(lang), theme.muted));
    }
    for (key, name, value, set) in parts {
        if !spans.is_empty() {
            spans.push(Span::raw(gap));
        }
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(
            format!(" {}{}", name.text(lang), lang.pick("：", ": ")),
            theme.muted,
        ));
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

#[cfg(test)]
mod layout_tests {
    use super::*;

    fn put_text(width: u16, spans: &[&str]) -> String {
        let area = Rect::new(0, 0, width, 1);
        let mut buf = Buffer::empty(area);
        let line = Line::from(spans.iter().map(|s| Span::raw(*s)).collect::<Vec<_>>());
        put(area, &mut buf, line);
        // A wide character's second cell holds a blank to skip.
        let mut text = String::new();
        let mut x = 0;
        while x < width {
            let symbol = buf[(x, 0)].symbol();
            text.push_str(symbol);
            x += u16::try_from(width_of(symbol).max(1)).unwrap_or(1);
        }
        text
    }

    fn width_of(s: &str) -> usize {
        crate::tui::text::display_width(s)
    }

    #[test]
    fn a_cut_row_ends_with_exactly_one_ellipsis() {
        // 10 cells: "ab" (2) and 都有明 (6) fit in the 9 before the `…`; 确
        // would reach 10. The cell left over stays blank rather than taking
        // the next span's own `…`.
        assert_eq!(put_text(10, &["ab", "都有明确的", "xy"]), "ab都有明… ");
        // 8 cells, the second span ending exactly at the edge: the row is
        // still cut, so 都有 (to 6) and the `…` at 7, then a blank.
        assert_eq!(put_text(8, &["ab", "都有明", "x"]), "ab都有… ");
        // A row that fits is drawn whole.
        assert_eq!(put_text(9, &["ab", "都有明", "x"]), "ab都有明x");
    }

    #[test]
    fn list_and_details_share_the_width_the_panel_leaves() {
        // 120 wide: 118 inside the margins; the panel takes 24 and the rule
        // with a blank column before it 2, leaving 92: 46 for the list, a
        // rule and a blank, and 92 − 46 − 3 = 43 for the details.
        let at = areas(Rect::new(0, 2, 120, 37), false, 0);
        assert_eq!((at.list.x, at.list.width), (1, 46));
        assert_eq!((at.detail.x, at.detail.width), (49, 43));
        assert_eq!(at.panel.map(|p| (p.x, p.width)), Some((95, 24)));
        // 102 wide: 100 inside, 74 left of the panel: 37 and 34.
        let at = areas(Rect::new(0, 2, 102, 37), false, 0);
        assert_eq!((at.list.width, at.detail.width), (37, 34));
        assert_eq!(at.panel.map(|p| (p.x, p.width)), Some((77, 24)));
        // 100 wide is 98 inside, short of the panel: readiness goes to a
        // strip, the list gets 2/5 (39) and the details 98 − 39 − 3 = 56.
        let at = areas(Rect::new(0, 2, 100, 37), false, 0);
        assert_eq!(at.panel, None);
        assert_eq!((at.list.width, at.detail.width), (39, 56));
        // 80 wide: no panel; 78 inside, 2/5 of it (31) for the list, 44
        // for the details.
        let at = areas(Rect::new(0, 2, 80, 21), false, 0);
        assert_eq!(at.panel, None);
        assert_eq!((at.list.width, at.detail.x, at.detail.width), (31, 34, 44));
    }
}
