//! The stats page: answers per day as a calendar heat map, retention,
//! coverage per category, the streak, and the forecast to the defense.

use ratatui::text::{Line, Span};

use super::pages::text_line;
use crate::core::clock::format_date;
use crate::core::drill;
use crate::core::report::percent;
use crate::tui::screens::View;
use crate::tui::text::{pad_to, truncate};
use crate::tui::widgets::gauge;

/// Weeks shown in the heat map.
const HEAT_WEEKS: i64 = 16;

/// A cell of the heat map for `n` answers in a day.
fn heat(n: u32) -> char {
    match n {
        0 => '·',
        1 => '░',
        2..=3 => '▒',
        4..=5 => '▓',
        _ => '█',
    }
}

/// The stats page.
pub fn stats_lines(view: &View<'_>, width: usize) -> Vec<Line<'static>> {
    let (lang, data, theme) = (view.lang, view.data, view.theme);
    let (l, d) = (lang.code(), data.pack.default_language());
    let tr = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let stats = drill::stats(
        &data.pack,
        &data.profile.drill,
        data.now(),
        data.profile.defense_date,
    );
    let mut out = vec![
        Line::from(Span::styled(
            tr("练习统计", "Drill statistics"),
            theme.heading,
        )),
        text_line(
            lang.pick(
                format!(
                    "作答 {} 次 · 记住率 {}（未评“重来”的比例） · 连续练习 {} 天",
                    stats.reviews,
                    stats.retention.map_or_else(|| "—".to_owned(), percent),
                    stats.streak
                ),
                format!(
                    "{} answers · retention {} (not graded Again) · streak {} day{}",
                    stats.reviews,
                    stats.retention.map_or_else(|| "—".to_owned(), percent),
                    stats.streak,
                    if stats.streak == 1 { "" } else { "s" }
                ),
            ),
            width,
            view,
        ),
        Line::default(),
    ];

    // The heat map: a column per week, Monday at the top, today at the right.
    let weeks = HEAT_WEEKS
        .min(((width.saturating_sub(4)) / 2) as i64)
        .max(1);
    out.push(Line::from(Span::styled(
        lang.pick(
            format!("最近 {weeks} 周每天的作答（· 0  ░ 1  ▒ 2–3  ▓ 4–5  █ 6+）"),
            format!("Answers per day, last {weeks} weeks (· 0  ░ 1  ▒ 2–3  ▓ 4–5  █ 6+)"),
        ),
        theme.muted,
    )));
    let today = data.today();
    let monday = today - time::Duration::days(i64::from(today.weekday().number_days_from_monday()));
    let first = monday - time::Duration::weeks(weeks - 1);
    let names = lang.pick(
        ["一", "二", "三", "四", "五", "六", "日"],
        ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"],
    );
    // The month over the week in which it starts, where the label fits.
    let mut months = String::from("   ");
    for week in 0..weeks {
        let monday = first + time::Duration::weeks(week);
        let starts = week == 0 || (monday - time::Duration::weeks(1)).month() != monday.month();
        let used = crate::tui::text::display_width(&months);
        let column = 3 + 2 * week as usize;
        if starts && used <= column {
            months.push_str(&" ".repeat(column - used));
            let n = u8::from(monday.month());
            months.push_str(&lang.pick(format!("{n}月"), month_name(n).to_owned()));
        }
    }
    out.push(Line::from(Span::styled(
        truncate(months.trim_end(), width),
        theme.muted,
    )));
    for (row, name) in names.iter().enumerate() {
        let mut text = format!("{name} ");
        for week in 0..weeks {
            let day = first + time::Duration::days(week * 7 + row as i64);
            let cell = if day > today {
                ' '
            } else {
                heat(stats.per_day.get(&day).copied().unwrap_or(0))
            };
            text.push(cell);
            text.push(' ');
        }
        out.push(Line::from(Span::styled(
            truncate(text.trim_end(), width),
            theme.text,
        )));
    }
    out.push(Line::default());

    out.push(Line::from(Span::styled(
        tr(
            "各类别平均要点覆盖",
            "Average key points covered, by category",
        ),
        theme.heading,
    )));
    if stats.coverage.is_empty() {
        out.push(text_line(
            tr("还没有作答。", "No answers yet.").to_owned(),
            width,
            view,
        ));
    }
    let name_width = width.saturating_sub(36).clamp(8, 28);
    for c in &stats.coverage {
        let name = data
            .pack
            .category(&c.category)
            .map_or(c.category.as_str(), |cat| cat.name.get(l, d));
        let name = pad_to(&truncate(name, name_width), name_width);
        let bar = gauge::bar(c.coverage, 0.75, 21);
        out.push(text_line(
            format!("{name} {bar} {:>4} ({})", percent(c.coverage), c.answers),
            width,
            view,
        ));
    }
    out.push(Line::default());

    let title = match data.profile.defense_date {
        Some(day) if day >= today => lang.pick(
            format!("到答辩日（{}）每天到期的题", format_date(day)),
            format!("Due per day until the defense ({})", format_date(day)),
        ),
        _ => lang.pick(
            format!("未来 {} 天每天到期的题", drill::FORECAST_DAYS),
            format!("Due per day, next {} days", drill::FORECAST_DAYS),
        ),
    };
    out.push(Line::from(Span::styled(title, theme.heading)));
    let bars = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = stats.forecast.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let shown = stats.forecast.len().min(width.saturating_sub(2));
    let spark: String = stats
        .forecast
        .iter()
        .take(shown)
        .map(|(_, n)| match *n {
            0 => '·',
            n => bars[((n * 8).div_ceil(max.max(1))).clamp(1, 8) - 1],
        })
        .collect();
    out.push(text_line(spark, width, view));
    let total: usize = stats.forecast.iter().map(|(_, n)| n).sum();
    if let (Some((first, _)), Some((last, _))) = (
        stats.forecast.first(),
        stats.forecast.get(shown.saturating_sub(1)),
    ) {
        out.push(Line::from(Span::styled(
            truncate(
                &lang.pick(
                    format!(
                        "{} 到 {}：共 {total} 道，单日最多 {max} 道",
                        format_date(*first),
                        format_date(*last)
                    ),
                    format!(
                        "{} to {}: {total} in all, at most {max} a day",
                        format_date(*first),
                        format_date(*last)
                    ),
                ),
                width,
            ),
            theme.muted,
        )));
    }
    out
}

/// A month's short English name, 1 to 12.
fn month_name(n: u8) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES[usize::from(n.clamp(1, 12) - 1)]
}
