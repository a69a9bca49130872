//! The trend of target-level readiness and what moved since the last
//! snapshot of an earlier day.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Sparkline, Widget};

use super::dashboard::{Styles, put};
use crate::core::progress;
use crate::core::report::percent;
use crate::tui::i18n::Lang;
use crate::tui::screens::View;
use crate::tui::text::{display_width, truncate};

/// Target-level readiness over time, ending with today.
fn trend_points(view: &View<'_>) -> Vec<f64> {
    let data = view.data;
    progress::target_trend(&data.profile, &data.assessment, data.today())
}

pub(super) fn render(area: Rect, buf: &mut Buffer, view: &View<'_>, styles: &Styles) {
    let data = view.data;
    let lang = view.lang;
    let Some(target) = data.assessment.target_level.as_deref() else {
        return;
    };
    let points = trend_points(view);
    let title = format!("{} {target}  ", lang.pick("趋势 ·", "Trend ·"));
    put(
        area,
        0,
        &Line::from(Span::styled(title.clone(), styles.heading)),
        buf,
    );
    let x = u16::try_from(display_width(&title)).unwrap_or(u16::MAX);
    let now = points.last().copied().unwrap_or(0.0);
    let tail = if points.len() < 2 {
        format!(
            "{}  {}",
            percent(now),
            lang.pick(
                "（以后每天的自评会在这里连成趋势）",
                "(later days' ratings add points here)"
            )
        )
    } else {
        percent(now)
    };
    let room = area.width.saturating_sub(x);
    let tail_w = u16::try_from(display_width(&tail)).unwrap_or(u16::MAX);
    let spark_w = if points.len() < 2 {
        0
    } else {
        u16::try_from(points.len())
            .unwrap_or(u16::MAX)
            .min(room.saturating_sub(tail_w + 1))
    };
    if spark_w > 0 && area.height > 0 {
        let shown = &points[points.len() - usize::from(spark_w)..];
        let values: Vec<u64> = shown.iter().map(|p| (p * 100.0).round() as u64).collect();
        Sparkline::default()
            .data(&values)
            .max(100)
            .style(styles.radar.value)
            .render(Rect::new(area.x + x, area.y, spark_w, 1), buf);
    }
    let tail_x = x + spark_w + u16::from(spark_w > 0);
    let tail_area = Rect {
        x: area.x + tail_x.min(area.width),
        width: area.width.saturating_sub(tail_x),
        ..area
    };
    put(
        tail_area,
        0,
        &Line::from(Span::styled(tail, styles.text)),
        buf,
    );
    if let Some((date, moves)) =
        progress::moved_since_last(&data.profile, &data.assessment, data.today())
    {
        let since = match lang {
            Lang::Zh => format!("自 {date} 以来："),
            Lang::En => format!("Since {date}: "),
        };
        let changes: Vec<String> = if moves.is_empty() {
            vec![lang.pick("没有变化", "no change").to_owned()]
        } else {
            moves
                .iter()
                .map(|m| format!("{} {} → {}", m.level, percent(m.before), percent(m.now)))
                .collect()
        };
        let rows = usize::from(area.height.saturating_sub(1));
        let mut lines = join_wrapped(&since, &changes, " · ", usize::from(area.width));
        if lines.len() > rows {
            // What does not fit is cut, and the cut shows.
            lines.truncate(rows);
            if let Some(last) = lines.last_mut() {
                *last = truncate(&format!("{last} …"), usize::from(area.width));
            }
        }
        for (k, text) in lines.into_iter().enumerate() {
            let row = u16::try_from(k + 1).unwrap_or(u16::MAX);
            put(area, row, &Line::from(Span::styled(text, styles.text)), buf);
        }
    }
}

/// `lead` then `items` joined by `sep`, in lines of `width` cells broken
/// only between items (an item wider than a line is cut).
fn join_wrapped(lead: &str, items: &[String], sep: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = lead.to_owned();
    let mut fresh = true;
    for item in items {
        let joined = if fresh {
            format!("{line}{item}")
        } else {
            format!("{line}{sep}{item}")
        };
        if display_width(&joined) <= width || (fresh && line.is_empty()) {
            line = joined;
        } else {
            lines.push(std::mem::take(&mut line));
            line = item.clone();
        }
        fresh = false;
    }
    lines.push(line);
    lines.into_iter().map(|l| truncate(&l, width)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_moved_breaks_only_between_levels() {
        let items = ["P6 62% → 80%".to_owned(), "P7 35% → 61%".to_owned()];
        // "Since 2026-09-01: " is 18 columns and an item 12: the second item
        // with its separator would make 45.
        assert_eq!(
            join_wrapped("Since 2026-09-01: ", &items, " · ", 36),
            ["Since 2026-09-01: P6 62% → 80%", "P7 35% → 61%"]
        );
        assert_eq!(
            join_wrapped("Since 2026-09-01: ", &items, " · ", 45),
            ["Since 2026-09-01: P6 62% → 80% · P7 35% → 61%"]
        );
    }
}
