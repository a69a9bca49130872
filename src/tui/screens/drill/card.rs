//! A card: the question with its clock and notes box.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::run::Run;
use super::setup::clock_text;
use super::{Drill, DrillMode};
use crate::core::report::kind_name;
use crate::tui::screens::View;
use crate::tui::text::{truncate, wrap};
use crate::tui::theme::Theme;

/// Seconds left at which the clock turns to its warning colour.
pub const WARN_SECONDS: u32 = 30;

/// How the clock looks: plain, in its last 30 seconds, or run over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockState {
    Running,
    Warning,
    Over,
}

/// The clock's state after `seconds` of `limit`.
pub fn clock_state(seconds: u32, limit: Option<u32>) -> ClockState {
    match limit {
        Some(l) if seconds > l => ClockState::Over,
        Some(l) if l - seconds <= WARN_SECONDS => ClockState::Warning,
        _ => ClockState::Running,
    }
}

pub(super) fn warn_style(theme: &Theme, state: ClockState) -> Style {
    let plain = *theme == Theme::no_color();
    match (state, plain) {
        (ClockState::Running, _) => theme.text,
        (_, true) => Style::new().add_modifier(Modifier::BOLD),
        (ClockState::Warning, false) => Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        (ClockState::Over, false) => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    }
}

/// "Mock defense · 2 of 6 · Incidents".
pub(super) fn header(run: &Run, view: &View<'_>, width: usize) -> Line<'static> {
    let (lang, data) = (view.lang, view.data);
    let (l, d) = (lang.code(), data.pack.default_language());
    let kind = run.item().map_or("", |i| kind_name(i.kind, lang));
    let category = run
        .question(&data.pack)
        .map(|q| {
            data.pack
                .category(&q.category.value)
                .map_or(q.category.value.as_str(), |c| c.name.get(l, d))
                .to_owned()
        })
        .unwrap_or_default();
    let follow = match run.item() {
        Some(i) if i.follow_up.is_some() => lang.pick(" · 追问", " · follow-up"),
        Some(i) if i.kind == crate::core::profile::SessionKind::New => {
            lang.pick(" · 新题", " · new")
        }
        _ => "",
    };
    let text = lang.pick(
        format!(
            "{kind} · 第 {} / {} 题 · {category}{follow}",
            run.at + 1,
            run.items.len()
        ),
        format!(
            "{kind} · {} of {} · {category}{follow}",
            run.at + 1,
            run.items.len()
        ),
    );
    Line::from(Span::styled(truncate(&text, width), view.theme.muted))
}

/// The clock as a line: time used, the limit, a gauge of the time left,
/// and the overrun once past it.
fn clock_line(run: &Run, view: &View<'_>, width: usize, paused: bool) -> Line<'static> {
    let lang = view.lang;
    let seconds = run.seconds(view.data.now());
    let limit = run.item().and_then(|i| i.limit);
    let state = clock_state(seconds, limit);
    let style = warn_style(view.theme, state);
    let mut spans = Vec::new();
    let pause = if paused {
        lang.pick("⏸ 已暂停 ", "⏸ paused ")
    } else {
        "⏱ "
    };
    match limit {
        None => spans.push(Span::styled(
            lang.pick(
                format!("{pause}{}（不计时）", clock_text(seconds)),
                format!("{pause}{} (no limit)", clock_text(seconds)),
            ),
            style,
        )),
        Some(limit) => {
            let text = format!("{pause}{} / {} ", clock_text(seconds), clock_text(limit));
            let tail = match state {
                ClockState::Over => lang.pick(
                    format!(" 超时 +{}", clock_text(seconds - limit)),
                    format!(" +{} over", clock_text(seconds - limit)),
                ),
                ClockState::Warning => lang.pick(
                    format!(" ! 还剩 {} 秒", limit - seconds),
                    format!(" ! {} s left", limit - seconds),
                ),
                ClockState::Running => String::new(),
            };
            let used =
                crate::tui::text::display_width(&text) + crate::tui::text::display_width(&tail);
            let bar = width.saturating_sub(used).min(30);
            let left = f64::from(limit.saturating_sub(seconds)) / f64::from(limit.max(1));
            let filled = ((left * bar as f64).round() as usize).min(bar);
            spans.push(Span::styled(text, style));
            spans.push(Span::styled("█".repeat(filled), style));
            spans.push(Span::styled("░".repeat(bar - filled), view.theme.muted));
            spans.push(Span::styled(tail, style));
        }
    }
    Line::from(spans)
}

/// The prompt (or the follow-up, under its question), bold and wrapped.
pub(super) fn prompt_lines(run: &Run, view: &View<'_>, width: usize) -> Vec<Line<'static>> {
    let (lang, data) = (view.lang, view.data);
    let (l, d) = (lang.code(), data.pack.default_language());
    let Some(q) = run.question(&data.pack) else {
        return Vec::new();
    };
    let strong = view.theme.heading;
    let mut out = Vec::new();
    match run.item().and_then(|i| i.follow_up) {
        Some(f) => {
            let lead = lang.pick("追问（接着：", "Follow-up to: ");
            let close = lang.pick("）", "");
            for line in wrap(
                &format!("{lead}{}{close}", q.prompt.get(l, d).trim()),
                width,
            ) {
                out.push(Line::from(Span::styled(line, view.theme.muted)));
            }
            out.push(Line::default());
            let text = q.follow_ups.get(f).map_or("", |t| t.get(l, d));
            for line in wrap(text.trim(), width) {
                out.push(Line::from(Span::styled(line, strong)));
            }
        }
        None => {
            for line in wrap(q.prompt.get(l, d).trim(), width) {
                out.push(Line::from(Span::styled(line, strong)));
            }
        }
    }
    out
}

/// Draws a card while its clock runs or stands.
pub fn render(drill: &Drill, run: &Run, area: Rect, buf: &mut Buffer, view: &View<'_>) {
    let inner = super::notes::card_inner(area).intersection(buf.area);
    if inner.is_empty() {
        return;
    }
    let width = usize::from(inner.width);
    let paused = matches!(drill.mode, DrillMode::Paused(_));
    let typing = matches!(drill.mode, DrillMode::Notes(_));
    let mut lines = vec![
        header(run, view, width),
        clock_line(run, view, width, paused),
        Line::default(),
    ];
    lines.extend(prompt_lines(run, view, width));
    if paused {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            view.lang.pick(
                "计时已暂停：按 p 继续。",
                "The clock is stopped: p starts it again.",
            ),
            view.theme.text.add_modifier(Modifier::BOLD),
        )));
    }
    // The notes box takes the bottom rows when there is room for it.
    let box_height = inner.height.saturating_sub(lines.len() as u16 + 1).min(8);
    let text_rows = if box_height >= 3 {
        inner.height - box_height
    } else {
        inner.height
    };
    for (line, row) in lines.iter().zip(inner.rows().take(usize::from(text_rows))) {
        line.render(row, buf);
    }
    if box_height >= 3 {
        let notes_area = Rect::new(
            inner.x,
            inner.bottom() - box_height,
            inner.width,
            box_height,
        );
        let lang = view.lang;
        let title = if typing {
            lang.pick(
                "笔记（Esc 离开，计时继续）",
                "Notes (Esc leaves, the clock runs on)",
            )
        } else {
            lang.pick("笔记（按 n 书写）", "Notes (n to write)")
        };
        let placeholder = lang.pick(
            "先列个提纲：情境、行动、结果、数据……",
            "Outline your answer: situation, actions, result, numbers…",
        );
        run.notes.render(
            title,
            placeholder,
            (view.theme.border, view.theme.muted),
            typing.then_some(view.theme.tab_active),
            notes_area,
            buf,
        );
    }
}
