//! The growth advice of one indicator, in a window over the dashboard: what
//! the indicator asks, where the person stands on it, how to grow into it
//! and what evidence would show it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use crate::core::report::level_label;
use crate::tui::data::Data;
use crate::tui::i18n::Lang;
use crate::tui::layout::centered;
use crate::tui::screens::View;
use crate::tui::theme::Theme;
use crate::tui::view::clear_popup;
use crate::tui::widgets::fit::{display_width, wrap};

/// The widest the window gets, for lines that are easy to read.
const MAX_WIDTH: u16 = 84;

/// What a row of the window is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Title,
    Meta,
    Heading,
    Body,
}

/// One row of the window.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    kind: Kind,
    text: String,
}

/// The window's frame and its rows, for a body of `body`.
struct Window {
    popup: Rect,
    inner: Rect,
    rows: Vec<Row>,
}

fn window(indicator: &str, body: Rect, lang: Lang, data: &Data) -> Option<Window> {
    let width = body.width.saturating_sub(4).min(MAX_WIDTH);
    let text_width = usize::from(width.saturating_sub(4));
    if text_width < 8 || body.height < 5 {
        return None;
    }
    let rows = rows(indicator, text_width, lang, data);
    let rows_height = u16::try_from(rows.len()).unwrap_or(u16::MAX);
    let height = rows_height
        .saturating_add(2)
        .min(body.height.saturating_sub(2));
    let popup = centered(body, width, height);
    Some(Window {
        popup,
        inner: popup.inner(Margin::new(2, 1)),
        rows,
    })
}

/// The furthest the window scrolls, and a page's step, in a body of `body`.
pub fn scroll_limits(indicator: &str, body: Rect, lang: Lang, data: &Data) -> (usize, usize) {
    window(indicator, body, lang, data).map_or((0, 1), |w| {
        let height = usize::from(w.inner.height);
        (
            w.rows.len().saturating_sub(height),
            height.saturating_sub(1).max(1),
        )
    })
}

fn rows(indicator: &str, width: usize, lang: Lang, data: &Data) -> Vec<Row> {
    let code = lang.code();
    let fallback = data.fallback();
    let mut rows = Vec::new();
    let mut push = |kind, text: &str| {
        rows.extend(wrap(text, width).into_iter().map(|text| Row { kind, text }));
    };
    let Some((dim, ind)) = data.pack.indicator(indicator) else {
        push(
            Kind::Body,
            lang.pick(
                "内容包里已经没有这一项指标。",
                "The pack no longer has this indicator.",
            ),
        );
        return rows;
    };
    push(Kind::Title, ind.text.get(code, fallback));
    let level = data.pack.level(&ind.level).map_or_else(
        || ind.level.value.clone(),
        |l| level_label(&l.id, l.name.get(code, fallback)),
    );
    let score = data.profile.ratings.get(indicator).map(|r| {
        let label = data
            .pack
            .scale_step(r.score)
            .map_or("", |s| s.label.get(code, fallback));
        format!("{} {label}", r.score)
    });
    let standing = match (lang, score) {
        (Lang::Zh, Some(s)) => format!("你的自评：{s}"),
        (Lang::En, Some(s)) => format!("your rating: {s}"),
        (_, None) => lang.pick("尚未自评", "not rated yet").to_owned(),
    };
    push(
        Kind::Meta,
        &format!("{} · {level} · {standing}", dim.name.get(code, fallback)),
    );
    push(Kind::Body, "");
    push(Kind::Heading, lang.pick("成长建议", "How to grow"));
    match &ind.growth {
        Some(growth) => rows.extend(markdown(growth.get(code, fallback), width)),
        None => push(
            Kind::Body,
            lang.pick(
                "内容包没有为这一项提供成长建议。",
                "The pack gives no growth advice for this indicator.",
            ),
        ),
    }
    if let Some(hint) = &ind.evidence_hint {
        rows.push(Row {
            kind: Kind::Body,
            text: String::new(),
        });
        rows.push(Row {
            kind: Kind::Heading,
            text: lang
                .pick("怎样的证据能说明", "Evidence that shows it")
                .to_owned(),
        });
        rows.extend(markdown(hint.get(code, fallback), width));
    }
    rows
}

/// Markdown as plain rows: list items hang under their marker, emphasis
/// marks are dropped, blank lines collapse to one.
fn markdown(source: &str, width: usize) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    for line in source.lines() {
        let line = line.trim_end().replace("**", "").replace("__", "");
        if line.trim().is_empty() {
            if rows.last().is_some_and(|r| !r.text.is_empty()) {
                rows.push(Row {
                    kind: Kind::Body,
                    text: String::new(),
                });
            }
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let rest = line.trim_start();
        let (kind, rest) = match rest.strip_prefix('#') {
            Some(heading) => (Kind::Heading, heading.trim_start_matches('#').trim()),
            None => (Kind::Body, rest),
        };
        let marker_len = list_marker(rest);
        let lead = format!("{}{}", " ".repeat(indent), &rest[..marker_len]);
        let hang = display_width(&lead);
        for (k, text) in wrap(&rest[marker_len..], width.saturating_sub(hang).max(1))
            .into_iter()
            .enumerate()
        {
            let prefix = if k == 0 {
                lead.clone()
            } else {
                " ".repeat(hang)
            };
            rows.push(Row {
                kind,
                text: prefix + &text,
            });
        }
    }
    while rows.last().is_some_and(|r| r.text.is_empty()) {
        rows.pop();
    }
    rows
}

/// The length in bytes of a list marker at the start of `text` (`- `,
/// `* `, `+ `, `12. `, `3) `), or 0.
fn list_marker(text: &str) -> usize {
    for bullet in ["- ", "* ", "+ "] {
        if text.starts_with(bullet) {
            return bullet.len();
        }
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let after = &text[digits..];
    if digits > 0 && (after.starts_with(". ") || after.starts_with(") ")) {
        digits + 2
    } else {
        0
    }
}

fn style(kind: Kind, theme: &Theme) -> Style {
    match kind {
        Kind::Title | Kind::Heading => theme.heading,
        Kind::Meta => theme.muted,
        Kind::Body => theme.text,
    }
}

/// The advice of `indicator` from "how to grow" on, for a pane `area` tall
/// and wide under the gaps; when it is cut, the last line says how to see
/// all of it.
pub fn preview(
    indicator: &str,
    area: Rect,
    lang: Lang,
    data: &Data,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let height = usize::from(area.height);
    let all = rows(indicator, usize::from(area.width), lang, data);
    let from = all
        .iter()
        .position(|row| row.kind == Kind::Heading)
        .unwrap_or(0);
    let shown = &all[from..];
    let mut lines: Vec<Line<'static>> = shown
        .iter()
        .take(height)
        .map(|row| Line::from(Span::styled(row.text.clone(), style(row.kind, theme))))
        .collect();
    if shown.len() > height
        && let Some(last) = lines.last_mut()
    {
        *last = Line::from(Span::styled(
            lang.pick("…… 按 Enter 查看全部", "… Enter shows all of it"),
            theme.muted,
        ));
    }
    lines
}

/// Draws the advice of `indicator`, scrolled to `scroll`, over `area`.
pub fn render(indicator: &str, scroll: usize, area: Rect, buf: &mut Buffer, view: &View<'_>) {
    let Some(w) = window(indicator, area, view.lang, view.data) else {
        return;
    };
    let theme = view.theme;
    let lang = view.lang;
    let height = usize::from(w.inner.height);
    let scroll = scroll.min(w.rows.len().saturating_sub(height));
    let mut block = Block::bordered()
        .border_style(theme.border)
        .title(Span::styled(
            format!(" {} ", lang.pick("成长建议", "Growth advice")),
            theme.heading,
        ))
        .title_bottom(Line::from(vec![
            Span::styled(" Esc ", theme.key),
            Span::styled(lang.pick("关闭 ", "close "), theme.muted),
        ]));
    if scroll + height < w.rows.len() {
        block = block.title_bottom(
            Line::from(Span::styled(
                lang.pick(" ↓ 下面还有 ", " ↓ more below "),
                theme.muted,
            ))
            .right_aligned(),
        );
    }
    if scroll > 0 {
        block = block.title_top(
            Line::from(Span::styled(
                lang.pick(" ↑ 上面还有 ", " ↑ more above "),
                theme.muted,
            ))
            .right_aligned(),
        );
    }
    let popup = w.popup.intersection(buf.area);
    clear_popup(popup, buf);
    block.render(popup, buf);
    let inner = w.inner.intersection(buf.area);
    for (row, rect) in w.rows.iter().skip(scroll).zip(inner.rows()) {
        Line::from(Span::styled(row.text.as_str(), style(row.kind, theme))).render(rect, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(rows: &[Row]) -> Vec<&str> {
        rows.iter().map(|r| r.text.as_str()).collect()
    }

    #[test]
    fn list_items_hang_under_their_markers() {
        let rows = markdown(
            "1. Write **two** benchmarks first\n2. Read it\n\n\n- done",
            16,
        );
        assert_eq!(
            texts(&rows),
            [
                "1. Write two",
                "   benchmarks",
                "   first",
                "2. Read it",
                "",
                "- done"
            ]
        );
    }

    #[test]
    fn markers_are_recognised_only_before_a_space() {
        assert_eq!(list_marker("12. x"), 4);
        assert_eq!(list_marker("3) x"), 3);
        assert_eq!(list_marker("- x"), 2);
        assert_eq!(list_marker("-x"), 0);
        assert_eq!(list_marker("2026. was"), 6);
        assert_eq!(list_marker("v1.2 ships"), 0);
    }
}
