//! The summary after a session, and what the pages share.

use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::Finished;
use super::setup::{clock_text, days_left};
use crate::core::clock::{Date, format_date};
use crate::core::drill;
use crate::core::profile::Grade;
use crate::core::report::{grade_name, kind_name, percent};
use crate::tui::data::Data;
use crate::tui::screens::{Ctx, View};
use crate::tui::text::{pad_to, truncate, wrap};
use crate::tui::theme::Theme;

/// The width of text inside a page's margin.
pub fn text_width(area: Rect) -> usize {
    usize::from(area.width.saturating_sub(4))
}

fn no_color_view<'a>(ctx: &Ctx, data: &'a Data, theme: &'a Theme) -> View<'a> {
    View {
        lang: ctx.lang,
        theme,
        data,
    }
}

/// How many lines the summary takes.
pub fn summary_len(finished: &Finished, data: &Data, ctx: &Ctx) -> usize {
    let theme = Theme::no_color();
    summary_lines(
        finished,
        &no_color_view(ctx, data, &theme),
        text_width(ctx.body),
    )
    .len()
}

/// How many lines the stats take.
pub fn stats_len(data: &Data, ctx: &Ctx) -> usize {
    let theme = Theme::no_color();
    super::stats::stats_lines(&no_color_view(ctx, data, &theme), text_width(ctx.body)).len()
}

pub(super) fn text_line(text: String, width: usize, view: &View<'_>) -> Line<'static> {
    Line::from(Span::styled(truncate(&text, width), view.theme.text))
}

/// The summary of a session just ended.
pub fn summary_lines(finished: &Finished, view: &View<'_>, width: usize) -> Vec<Line<'static>> {
    let (lang, data, theme) = (view.lang, view.data, view.theme);
    let (l, d) = (lang.code(), data.pack.default_language());
    let tr = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let kind = kind_name(
        finished
            .done
            .first()
            .map_or(crate::core::profile::SessionKind::Due, |x| x.item.kind),
        lang,
    );
    let answered = finished
        .done
        .iter()
        .fold(0u32, |sum, x| sum.saturating_add(x.seconds));
    let mut out = vec![
        Line::from(Span::styled(
            lang.pick(
                format!("本次练习结束：{kind}，{} 题", finished.done.len()),
                format!(
                    "Session over: {kind}, {} answer{}",
                    finished.done.len(),
                    if finished.done.len() == 1 { "" } else { "s" }
                ),
            ),
            theme.heading,
        )),
        text_line(
            lang.pick(
                format!(
                    "共 {}，作答用时 {}；评分已保存。",
                    clock_text(finished.seconds),
                    clock_text(answered)
                ),
                format!(
                    "{} in all, {} answering; every grade is saved.",
                    clock_text(finished.seconds),
                    clock_text(answered)
                ),
            ),
            width,
            view,
        ),
        Line::default(),
    ];
    // One row per answer: grade, time, key points, the question.
    for done in &finished.done {
        let over = done.item.limit.is_some_and(|limit| done.seconds > limit);
        let time = format!(
            "{}{}",
            clock_text(done.seconds),
            if over { "+" } else { " " }
        );
        let points = if done.total == 0 {
            "  —  ".to_owned()
        } else {
            format!("{:>2}/{:<2} ", done.covered, done.total)
        };
        let prompt = data.pack.question(&done.item.question).map_or_else(
            || done.item.question.to_string(),
            |q| match done.item.follow_up {
                Some(f) => format!(
                    "{}{}",
                    tr("↳ ", "↳ "),
                    q.follow_ups.get(f).map_or("", |t| t.get(l, d)).trim()
                ),
                None => q.prompt.get(l, d).trim().to_owned(),
            },
        );
        let grade = pad_to(grade_name(done.grade, lang), 7);
        let style = if done.grade == Grade::Again {
            theme.text.add_modifier(Modifier::BOLD)
        } else {
            theme.text
        };
        out.push(Line::from(Span::styled(
            truncate(&format!("{grade}{time:>7} {points}{prompt}"), width),
            style,
        )));
    }
    if finished
        .done
        .iter()
        .any(|x| x.item.limit.is_some_and(|limit| x.seconds > limit))
    {
        out.push(Line::from(Span::styled(
            tr("（+ 表示超时）", "(+ marks an answer over its time)"),
            theme.muted,
        )));
    }
    out.push(Line::default());

    // The weakest categories of this session, by key points covered.
    let mut by_category: Vec<(String, usize, usize)> = Vec::new();
    for done in finished.done.iter().filter(|x| x.total > 0) {
        let Some(q) = data.pack.question(&done.item.question) else {
            continue;
        };
        let name = data
            .pack
            .category(&q.category.value)
            .map_or(q.category.value.as_str(), |c| c.name.get(l, d))
            .to_owned();
        match by_category.iter_mut().find(|(n, _, _)| *n == name) {
            Some(entry) => {
                entry.1 += done.covered;
                entry.2 += done.total;
            }
            None => by_category.push((name, done.covered, done.total)),
        }
    }
    by_category.sort_by(|a, b| (a.1 * b.2).cmp(&(b.1 * a.2)));
    if !by_category.is_empty() {
        let list: Vec<String> = by_category
            .iter()
            .take(3)
            .map(|(name, c, t)| format!("{name} {}", percent(*c as f64 / *t as f64)))
            .collect();
        for line in wrap(
            &lang.pick(
                format!("要点覆盖最弱的类别：{}", list.join("，")),
                format!(
                    "Weakest categories by key points covered: {}",
                    list.join(", ")
                ),
            ),
            width,
        ) {
            out.push(Line::from(Span::styled(line, theme.text)));
        }
    }
    out.push(next_due_line(view, width));
    out
}

/// "Next due: 3 questions on 2026-12-06 (in 2 days)".
fn next_due_line(view: &View<'_>, width: usize) -> Line<'static> {
    let (lang, data) = (view.lang, view.data);
    let backlog = drill::backlog(&data.pack, &data.profile.drill, data.now());
    let today = data.today();
    let offset = data.now().offset();
    let next: Option<Date> = data
        .pack
        .questions
        .iter()
        .filter_map(|q| data.profile.drill.cards.get(q.id.value.as_str()))
        .map(|c| c.due.to_offset(offset).date())
        .filter(|day| *day > today)
        .min();
    let text = match next {
        _ if backlog.due_today > 0 => lang.pick(
            format!(
                "今天还有 {} 道到期（答“重来”的题十分钟后回来）。",
                backlog.due_today
            ),
            format!(
                "Still due today: {} (a question graded Again comes back ten minutes later).",
                backlog.due_today
            ),
        ),
        Some(day) => {
            let count = data
                .pack
                .questions
                .iter()
                .filter_map(|q| data.profile.drill.cards.get(q.id.value.as_str()))
                .filter(|c| c.due.to_offset(offset).date() == day)
                .count();
            lang.pick(
                format!(
                    "下次到期：{} 道，{}（{}）。",
                    count,
                    format_date(day),
                    days_left(day, data, lang)
                ),
                format!(
                    "Next due: {count} on {} ({}).",
                    format_date(day),
                    days_left(day, data, lang)
                ),
            )
        }
        None => lang
            .pick("还没有排定的复习。", "Nothing is scheduled yet.")
            .to_owned(),
    };
    Line::from(Span::styled(truncate(&text, width), view.theme.text))
}
