//! The growth advice of one indicator, in a window over the dashboard: what
//! the indicator asks, where the person stands on it, how to grow into it
//! and what evidence would show it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use crate::core::report::level_label;
use crate::tui::data::Data;
use crate::tui::i18n::{Lang, Msg};
use crate::tui::layout::centered;
use crate::tui::screens::View;
use crate::tui::text::{inline_spans, wrap_spans};
use crate::tui::theme::Theme;
use crate::tui::view::clear_popup;
use crate::tui::widgets::markdown::{self, MarkdownStyles};

/// The widest the window gets, for lines that are easy to read.
const MAX_WIDTH: u16 = 84;

/// What a row of the window is: the preview starts at the first heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Title,
    Meta,
    Heading,
    Body,
}

/// One row of the window.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    kind: Kind,
    line: Line<'static>,
}

/// The window's frame and its rows, for a body of `body`.
struct Window {
    popup: Rect,
    inner: Rect,
    rows: Vec<Row>,
}

fn window(indicator: &str, body: Rect, lang: Lang, data: &Data, theme: &Theme) -> Option<Window> {
    let width = body.width.saturating_sub(4).min(MAX_WIDTH);
    let text_width = usize::from(width.saturating_sub(4));
    if text_width < 8 || body.height < 5 {
        return None;
    }
    let rows = rows(indicator, text_width, lang, data, theme);
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
    // Styles do not change where lines break, so any theme gives the count.
    let theme = Theme::no_color();
    window(indicator, body, lang, data, &theme).map_or((0, 1), |w| {
        let height = usize::from(w.inner.height);
        (
            w.rows.len().saturating_sub(height),
            height.saturating_sub(1).max(1),
        )
    })
}

/// The Markdown look that goes with `theme`: no colour when it has none.
fn markdown_styles(theme: &Theme) -> MarkdownStyles {
    if *theme == Theme::no_color() {
        MarkdownStyles::plain()
    } else {
        MarkdownStyles::default()
    }
}

fn rows(indicator: &str, width: usize, lang: Lang, data: &Data, theme: &Theme) -> Vec<Row> {
    let code = lang.code();
    let fallback = data.fallback();
    let md = markdown_styles(theme);
    let mut rows = Vec::new();
    let push = |rows: &mut Vec<Row>, kind, text: &str| {
        let style = match kind {
            Kind::Title | Kind::Heading => theme.heading,
            Kind::Meta => theme.muted,
            Kind::Body => theme.text,
        };
        // Pack texts carry inline code; nothing else here has backticks.
        let spans = inline_spans(text, style, theme.code);
        rows.extend(
            wrap_spans(&spans, width)
                .into_iter()
                .map(|line| Row { kind, line }),
        );
    };
    let Some((dim, ind)) = data.pack.indicator(indicator) else {
        push(
            &mut rows,
            Kind::Body,
            lang.pick(
                "内容包里已经没有这一项指标。",
                "The pack no longer has this indicator.",
            ),
        );
        return rows;
    };
    push(&mut rows, Kind::Title, ind.text.get(code, fallback));
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
        &mut rows,
        Kind::Meta,
        &format!("{} · {level} · {standing}", dim.name.get(code, fallback)),
    );
    // The mentor's score, with their comment, wherever a score is shown.
    if let Some((name, mentor)) = data
        .profile
        .mentor
        .as_ref()
        .and_then(|m| Some((m.name.as_str(), m.ratings.get(indicator)?)))
    {
        let label = data
            .pack
            .scale_step(mentor.score)
            .map_or("", |s| s.label.get(code, fallback));
        let line = match lang {
            Lang::Zh => format!("导师 {name} 的评分：{} {label}", mentor.score),
            Lang::En => format!("{name}'s score as mentor: {} {label}", mentor.score),
        };
        push(&mut rows, Kind::Meta, &line);
        if let Some(comment) = &mentor.comment {
            push(&mut rows, Kind::Body, comment);
        }
    }
    let mut sections = vec![(
        lang.pick("成长建议", "How to grow"),
        ind.growth.as_ref().map_or_else(
            || {
                lang.pick(
                    "内容包没有为这一项提供成长建议。",
                    "The pack gives no growth advice for this indicator.",
                )
            },
            |growth| growth.get(code, fallback),
        ),
    )];
    if let Some(hint) = &ind.evidence_hint {
        sections.push((Msg::EvidenceHint.text(lang), hint.get(code, fallback)));
    }
    for (heading, body) in sections {
        rows.push(Row {
            kind: Kind::Body,
            line: Line::default(),
        });
        push(&mut rows, Kind::Heading, heading);
        rows.extend(
            markdown::render(body, width, &md)
                .into_iter()
                .map(|line| Row {
                    kind: Kind::Body,
                    line,
                }),
        );
    }
    rows
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
    let all = rows(indicator, usize::from(area.width), lang, data, theme);
    let from = all
        .iter()
        .position(|row| row.kind == Kind::Heading)
        .unwrap_or(0);
    let shown = &all[from..];
    let mut lines: Vec<Line<'static>> = shown
        .iter()
        .take(height)
        .map(|row| row.line.clone())
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
    let Some(w) = window(indicator, area, view.lang, view.data, view.theme) else {
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
        (&row.line).render(rect, buf);
    }
}
