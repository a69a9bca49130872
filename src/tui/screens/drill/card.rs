//! A card: the question with its clock and notes box, and once revealed,
//! the answer framework, the key points to tick, the pitfalls, the
//! follow-ups and the indicators it probes with the person's rating.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::run::Run;
use super::setup::clock_text;
use super::{Drill, DrillMode};
use crate::core::content::Question;
use crate::core::report::{grade_name, kind_name};
use crate::tui::data::Data;
use crate::tui::i18n::Lang;
use crate::tui::screens::{Ctx, View};
use crate::tui::text::{truncate, wrap};
use crate::tui::theme::Theme;
use crate::tui::widgets::markdown::{self, MarkdownStyles};

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

fn warn_style(theme: &Theme, state: ClockState) -> Style {
    let plain = *theme == Theme::no_color();
    match (state, plain) {
        (ClockState::Running, _) => theme.text,
        (_, true) => Style::new().add_modifier(Modifier::BOLD),
        (ClockState::Warning, false) => Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        (ClockState::Over, false) => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    }
}

/// "Mock defense · 2 of 6 · Incidents".
fn header(run: &Run, view: &View<'_>, width: usize) -> Line<'static> {
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
    let follow = if run.item().is_some_and(|i| i.follow_up.is_some()) {
        lang.pick(" · 追问", " · follow-up")
    } else {
        ""
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
fn prompt_lines(run: &Run, view: &View<'_>, width: usize) -> Vec<Line<'static>> {
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
    let inner = area
        .inner(Margin {
            horizontal: 2,
            vertical: 1,
        })
        .intersection(buf.area);
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
            typing,
            notes_area,
            buf,
        );
    }
}

fn heading(text: &str, view: &View<'_>) -> Line<'static> {
    Line::from(Span::styled(text.to_owned(), view.theme.heading))
}

fn bullets(texts: &[String], width: usize, style: Style) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for text in texts {
        for (i, line) in wrap(text.trim(), width.saturating_sub(2).max(1))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { "• " } else { "  " };
            out.push(Line::from(Span::styled(format!("{lead}{line}"), style)));
        }
    }
    out
}

fn markdown_lines(source: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let styles = if *theme == Theme::no_color() {
        MarkdownStyles::plain()
    } else {
        MarkdownStyles::default()
    };
    markdown::render(source, width, &styles)
}

/// "Answered in 2:41 of 3:00", or the overrun.
fn used_line(run: &Run, view: &View<'_>) -> Line<'static> {
    let lang = view.lang;
    let seconds = run.seconds(view.data.now());
    let limit = run.item().and_then(|i| i.limit);
    let state = clock_state(seconds, limit);
    let text = match limit {
        Some(l) if seconds > l => lang.pick(
            format!(
                "用时 {}，超出时限 {} 共 {}",
                clock_text(seconds),
                clock_text(l),
                clock_text(seconds - l)
            ),
            format!(
                "Answered in {}: {} over the {} allowed",
                clock_text(seconds),
                clock_text(seconds - l),
                clock_text(l)
            ),
        ),
        Some(l) => lang.pick(
            format!("用时 {} / {}", clock_text(seconds), clock_text(l)),
            format!("Answered in {} of {}", clock_text(seconds), clock_text(l)),
        ),
        None => lang.pick(
            format!("用时 {}", clock_text(seconds)),
            format!("Answered in {}", clock_text(seconds)),
        ),
    };
    Line::from(Span::styled(text, warn_style(view.theme, state)))
}

/// The revealed answer, `width` wide.
pub fn reveal_lines(run: &Run, view: &View<'_>, width: usize) -> Vec<Line<'static>> {
    let (lang, data, theme) = (view.lang, view.data, view.theme);
    let (l, d) = (lang.code(), data.pack.default_language());
    let tr = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let mut out = vec![
        header(run, view, width),
        used_line(run, view),
        Line::default(),
    ];
    out.extend(prompt_lines(run, view, width));
    out.push(Line::default());
    let Some(q) = run.question(&data.pack) else {
        return out;
    };
    if !run.ticked.is_empty() {
        out.push(heading(
            tr(
                "要点：勾选你答到的（↑↓ 选择，空格勾选）",
                "Key points: tick what you covered (↑↓, Space)",
            ),
            view,
        ));
        for (i, point) in q.key_points.value.iter().enumerate() {
            let ticked = run.ticked.get(i).copied().unwrap_or(false);
            let selected = i == run.point;
            let mark = format!(
                "{}{} ",
                if selected { "▶ " } else { "  " },
                if ticked { "[x]" } else { "[ ]" }
            );
            let style = if selected {
                theme.text.add_modifier(Modifier::REVERSED)
            } else {
                theme.text
            };
            let indent = crate::tui::text::display_width(&mark);
            for (j, line) in wrap(point.get(l, d).trim(), width.saturating_sub(indent).max(1))
                .into_iter()
                .enumerate()
            {
                let lead = if j == 0 {
                    mark.clone()
                } else {
                    " ".repeat(indent)
                };
                out.push(Line::from(Span::styled(format!("{lead}{line}"), style)));
            }
        }
    }
    let suggestion = run.suggestion(data.now());
    let why = if run.ticked.is_empty() {
        tr("按用时", "from the time used").to_owned()
    } else {
        lang.pick(
            format!(
                "答到 {} / {} 个要点，并看用时",
                run.covered(),
                run.ticked.len()
            ),
            format!(
                "{} of {} key points, and the time used",
                run.covered(),
                run.ticked.len()
            ),
        )
    };
    for line in wrap(
        &lang.pick(
            format!(
                "建议评分：{}（{why}）。Enter 采用，或按 1 重来 2 困难 3 良好 4 简单",
                grade_name(suggestion, lang)
            ),
            format!(
                "Suggested grade: {} ({why}). Enter takes it, or 1 Again 2 Hard 3 Good 4 Easy",
                grade_name(suggestion, lang)
            ),
        ),
        width,
    ) {
        out.push(Line::from(Span::styled(
            line,
            theme.text.add_modifier(Modifier::BOLD),
        )));
    }
    out.push(Line::default());
    out.push(heading(tr("答题框架", "Answer framework"), view));
    out.extend(markdown_lines(q.framework.get(l, d), width, theme));
    let texts = |list: &[crate::core::content::Text]| -> Vec<String> {
        list.iter().map(|t| t.get(l, d).to_owned()).collect()
    };
    if !q.pitfalls.is_empty() {
        out.push(Line::default());
        out.push(heading(tr("常见误区", "Pitfalls"), view));
        out.extend(bullets(&texts(&q.pitfalls), width, theme.text));
    }
    if !q.follow_ups.is_empty() && run.item().is_some_and(|i| i.follow_up.is_none()) {
        out.push(Line::default());
        out.push(heading(tr("可能的追问", "Follow-ups"), view));
        out.extend(bullets(&texts(&q.follow_ups), width, theme.text));
    }
    let probes = probe_texts(q, data, lang);
    if !probes.is_empty() {
        out.push(Line::default());
        out.push(heading(
            tr(
                "考察的指标与你的自评",
                "Indicators it probes, with your rating",
            ),
            view,
        ));
        out.extend(bullets(&probes, width, theme.text));
    }
    let notes = run.notes.text();
    if !notes.trim().is_empty() {
        out.push(Line::default());
        out.push(heading(tr("你的笔记", "Your notes"), view));
        for line in notes.lines() {
            for part in wrap(line, width) {
                out.push(Line::from(Span::styled(part, theme.muted)));
            }
        }
    }
    out
}

/// "Writes alerts that page only for user-visible symptoms — your rating: 3 Practising".
fn probe_texts(q: &Question, data: &Data, lang: Lang) -> Vec<String> {
    let (l, d) = (lang.code(), data.pack.default_language());
    q.indicators
        .iter()
        .map(|id| {
            let id = id.value.as_str();
            let text = data
                .pack
                .indicator(id)
                .map_or(id, |(_, ind)| ind.text.get(l, d))
                .trim()
                .to_owned();
            let rating = match data.profile.ratings.get(id) {
                Some(r) => {
                    let label = data
                        .pack
                        .scale_step(r.score)
                        .map_or(String::new(), |s| format!(" {}", s.label.get(l, d)));
                    lang.pick(
                        format!("你的自评：{}{label}", r.score),
                        format!("your rating: {}{label}", r.score),
                    )
                }
                None => lang.pick("尚未自评", "not rated yet").to_owned(),
            };
            let gap = data.assessment.gaps.iter().any(|g| g.indicator == id);
            let gap = if gap {
                lang.pick("（差距）", " (a gap)")
            } else {
                ""
            };
            format!("{text} — {rating}{gap}")
        })
        .collect()
}

/// How many lines the revealed answer takes in the screen's body.
pub fn reveal_len(run: &Run, data: &Data, ctx: &Ctx) -> usize {
    let theme = Theme::no_color();
    let view = View {
        lang: ctx.lang,
        theme: &theme,
        data,
    };
    reveal_lines(run, &view, super::pages::text_width(ctx.body)).len()
}
