//! The Overview of a profile with ratings: the header, readiness per level,
//! the radar of the dimensions, the trend, the top gaps and a preview of the
//! selected gap's advice, each where [`plan`] puts it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::plan::plan;
use super::{advice, gap_rows, gaps, shown_gaps, top_gaps, trend};
use crate::core::report::{level_label, percent, readiness_percent};
use crate::tui::data::Data;
use crate::tui::i18n::{Lang, Msg};
use crate::tui::layout;
use crate::tui::screens::View;
use crate::tui::text::{display_width, fit_name, truncate, truncate_line};
use crate::tui::widgets::gauge::{self, BarStyles};
use crate::tui::widgets::radar::{self, Axis, Radar, RadarStyles};

/// The styles of the dashboard, from the theme.
pub(super) struct Styles {
    pub(super) heading: Style,
    pub(super) text: Style,
    pub(super) muted: Style,
    pub(super) strong: Style,
    pub(super) selected: Style,
    pub(super) bar: BarStyles,
    pub(super) radar: RadarStyles,
}

impl Styles {
    pub(super) fn new(view: &View<'_>) -> Self {
        let theme = view.theme;
        let fill = Style {
            fg: theme.heading.fg,
            ..Style::new()
        };
        Styles {
            heading: theme.heading,
            text: theme.text,
            muted: theme.muted,
            strong: theme.text.add_modifier(Modifier::BOLD),
            selected: theme.text.add_modifier(Modifier::REVERSED),
            bar: BarStyles {
                filled: fill,
                empty: theme.muted,
                mark: theme.key,
            },
            radar: RadarStyles {
                grid: theme.border,
                threshold: theme.key,
                value: fill,
                label: theme.text,
            },
        }
    }
}

/// Draws the dashboard with gap `selected` highlighted.
pub fn render(selected: usize, area: Rect, buf: &mut Buffer, view: &View<'_>) {
    let data = view.data;
    let axes = radar_axes(data, view.lang);
    let plan = plan(area, data.pack.levels.len(), gap_rows(data), &axes);
    let styles = Styles::new(view);
    header(plan.header, buf, view, &styles);
    levels(plan.levels, buf, view, &styles);
    if let Some(rect) = plan.trend {
        trend::render(rect, buf, view, &styles);
    }
    if let Some(rect) = plan.radar {
        dimensions(rect, &axes, buf, view, &styles);
    }
    gaps::render(selected, plan.gaps, buf, view, &styles);
    if let (Some(rect), Some(gap)) = (plan.preview, top_gaps(data).get(selected)) {
        let lines = advice::preview(&gap.indicator, rect, view.lang, data, view.theme);
        for (line, row) in lines.iter().zip(rect.rows()) {
            line.render(row, buf);
        }
    }
}

/// Draws `line` in row `row` of `area`, cut to its width.
pub(super) fn put(area: Rect, row: u16, line: &Line<'_>, buf: &mut Buffer) {
    if row >= area.height {
        return;
    }
    let rect = Rect::new(area.x, area.y + row, area.width, 1);
    truncate_line(line, usize::from(area.width)).render(rect, buf);
}

/// Draws `text` at the right end of row `row` of `area`.
fn put_right(area: Rect, row: u16, text: &str, style: Style, buf: &mut Buffer) {
    if row >= area.height {
        return;
    }
    let w = u16::try_from(display_width(text)).unwrap_or(u16::MAX);
    if w > area.width {
        return;
    }
    buf.set_string(area.right() - w, area.y + row, text, style);
}

fn level_name(view: &View<'_>, id: &str) -> String {
    let data = view.data;
    data.pack.level(id).map_or_else(
        || id.to_owned(),
        |level| level_label(id, level.name.get(view.lang.code(), data.fallback())),
    )
}

fn header(area: Rect, buf: &mut Buffer, view: &View<'_>, styles: &Styles) {
    let data = view.data;
    let lang = view.lang;
    let a = &data.assessment;
    let rated = match lang {
        Lang::Zh => format!("已评 {} / {}", a.rated, a.total),
        Lang::En => format!("{} / {} rated", a.rated, a.total),
    };
    // The defense countdown and what is due today go before the count of
    // ratings when they fit beside the name, else beside the levels below.
    let drill = drill_status(data, lang);
    let name_w = display_width(&data.profile.profile);
    let beside_name = format!("{drill} · {rated}");
    let drill_on_top =
        !drill.is_empty() && name_w + 4 + display_width(&beside_name) <= usize::from(area.width);
    let rated = if drill_on_top { beside_name } else { rated };
    let name_room = usize::from(area.width).saturating_sub(display_width(&rated) + 2);
    put(
        area,
        0,
        &Line::from(Span::styled(
            truncate(&data.profile.profile, name_room),
            styles.heading,
        )),
        buf,
    );
    put_right(area, 0, &rated, styles.text, buf);
    let none = lang.pick("尚未达到任何职级", "none yet");
    let current = a
        .current_level
        .as_deref()
        .map_or_else(|| none.to_owned(), |id| level_name(view, id));
    let target = a
        .target_level
        .as_deref()
        .map_or_else(|| none.to_owned(), |id| level_name(view, id));
    let mut spans = vec![
        Span::styled(lang.pick("当前职级 ", "Current "), styles.muted),
        Span::styled(current, styles.strong),
        Span::raw("    "),
        Span::styled(lang.pick("目标职级 ", "Target "), styles.muted),
        Span::styled(target, styles.strong),
    ];
    // A level marked reached above the current one needs the rule said,
    // when it fits whole beside the levels.
    let rule = format!("    {}", Msg::CurrentRule.text(lang));
    let line_w: usize = spans.iter().map(|s| display_width(&s.content)).sum();
    if data.reached_above_current() && line_w + display_width(&rule) <= usize::from(area.width) {
        spans.push(Span::styled(rule, styles.muted));
    }
    let line_w: usize = spans.iter().map(|s| display_width(&s.content)).sum();
    put(area, 1, &Line::from(spans), buf);
    // The defense countdown and what is due today, when they fit beside.
    if !drill_on_top
        && !drill.is_empty()
        && line_w + 4 + display_width(&drill) <= usize::from(area.width)
    {
        put_right(area, 1, &drill, styles.text, buf);
    }
}

/// "defense in 16 days · 3 due today": nothing before a defense date is
/// set or anything is drilled.
fn drill_status(data: &Data, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(day) = data.profile.defense_date {
        match (day - data.today()).whole_days() {
            0 => parts.push(lang.pick("今天答辩", "defense today").to_owned()),
            n if n > 0 => {
                parts.push(lang.pick(format!("距答辩 {n} 天"), format!("defense in {n} days")))
            }
            _ => {}
        }
    }
    if !data.profile.drill.is_empty() {
        let due =
            crate::core::drill::backlog(&data.pack, &data.profile.drill, data.now()).due_today;
        parts.push(lang.pick(format!("今日到期 {due} 题"), format!("{due} due today")));
    }
    parts.join(" · ")
}

fn levels(area: Rect, buf: &mut Buffer, view: &View<'_>, styles: &Styles) {
    let data = view.data;
    let lang = view.lang;
    let a = &data.assessment;
    let threshold = data.pack.threshold;
    let reached = lang.pick("✓ 已达到", "✓ reached");
    let target_word = lang.pick("目标", "target");
    // Coverage is labelled on every row: a bare "100%" after "✓ reached"
    // would read as "reached 100%".
    let coverage = |c: f64| match lang {
        Lang::Zh => format!("已评 {:>4}", percent(c)),
        Lang::En => format!("rated {:>4}", percent(c)),
    };
    let status_w = display_width(reached).max(display_width(target_word));
    let cov_w = display_width(&coverage(1.0));
    let fixed = 1 + 1 + 4 + 1 + status_w + 1 + cov_w;
    let width = usize::from(area.width);
    let names: Vec<String> = a.levels.iter().map(|l| level_name(view, &l.id)).collect();
    let ids_w = a.levels.iter().map(|l| display_width(&l.id)).max();
    let names_w = names.iter().map(|n| display_width(n)).max();
    // Names when the bar keeps 20 cells with them, else ids only.
    let (labels, label_w) = match (names_w, ids_w) {
        (Some(n), _) if width >= n + fixed + 20 => (names, n),
        (_, ids) => (
            a.levels.iter().map(|l| l.id.clone()).collect(),
            ids.unwrap_or(0),
        ),
    };
    let bar_w = width.saturating_sub(label_w + fixed);

    let title = Line::from(vec![
        Span::styled(lang.pick("各职级准备度", "Level readiness"), styles.heading),
        Span::styled(
            format!(
                "  {} {}",
                lang.pick("│ 门槛", "│ threshold"),
                percent(threshold)
            ),
            styles.muted,
        ),
    ]);
    put(area, 0, &title, buf);
    for (i, (level, label)) in a.levels.iter().zip(&labels).enumerate() {
        let status = if level.reached {
            Span::styled(reached, styles.heading)
        } else if a.target_level.as_deref() == Some(level.id.as_str()) {
            Span::styled(target_word, styles.strong)
        } else {
            Span::raw("")
        };
        let pad = |text: &str, w: usize| " ".repeat(w.saturating_sub(display_width(text)));
        let mut spans = vec![
            Span::styled(label.clone(), styles.strong),
            Span::raw(pad(label, label_w) + " "),
        ];
        spans.extend(gauge::spans(level.readiness, threshold, bar_w, styles.bar));
        let pct = readiness_percent(level.readiness, data.pack.threshold);
        let status_text = status.content.to_string();
        spans.push(Span::raw(format!(" {}{pct} ", pad(&pct, 4))));
        spans.push(status);
        let cov = coverage(level.coverage);
        spans.push(Span::raw(
            pad(&status_text, status_w) + " " + &pad(&cov, cov_w),
        ));
        spans.push(Span::styled(cov, styles.muted));
        let row = u16::try_from(i + 1).unwrap_or(u16::MAX);
        put(area, row, &Line::from(spans), buf);
    }
    let row = u16::try_from(a.levels.len() + 1).unwrap_or(u16::MAX);
    let rule = readiness_rule(data.pack.max_score(), lang, width);
    put(
        area,
        row,
        &Line::from(Span::styled(rule, styles.muted)),
        buf,
    );
}

/// How readiness is computed, in the words that fit `width` columns: the
/// formula and that an unrated indicator counts as 0.
fn readiness_rule(max: u32, lang: Lang, width: usize) -> String {
    let words = match lang {
        Lang::Zh => [
            format!("准备度 = Σ 权重×得分 ÷ Σ 权重×{max}，未评分的指标按 0 计"),
            format!("Σ 权重×得分 ÷ Σ 权重×{max}，未评分按 0 计"),
            format!("Σ 权重×得分÷Σ 权重×{max}，未评按 0 计"),
        ],
        Lang::En => [
            format!("readiness = Σ weight×score ÷ Σ weight×{max}; unrated counts as 0"),
            format!("Σ weight×score ÷ Σ weight×{max}; unrated counts as 0"),
            format!("Σ w×score ÷ Σ w×{max}; unrated counts as 0"),
        ],
    };
    let [long, middle, short] = words;
    [long, middle]
        .into_iter()
        .find(|w| display_width(w) <= width)
        .unwrap_or(short)
}

/// The gap drawn at (`column`, `row`) when the dashboard fills `area`.
pub fn gap_at(area: Rect, data: &Data, lang: Lang, column: u16, row: u16) -> Option<usize> {
    let gaps = gaps_area(area, data, lang);
    // The gaps' title is the first line; gap `i` is on line `i + 1`.
    let line = layout::line_at(gaps, column, row)?.checked_sub(1)?;
    (line < gaps_shown(area, data, lang)).then_some(line)
}

/// How many gaps show when the dashboard fills `area`: the ones a person
/// can select.
pub fn gaps_shown(area: Rect, data: &Data, lang: Lang) -> usize {
    let rows = gaps_area(area, data, lang).height.saturating_sub(1);
    shown_gaps(data, usize::from(rows)).0
}

/// Where the gaps' title and rows go when the dashboard fills `area`.
fn gaps_area(area: Rect, data: &Data, lang: Lang) -> Rect {
    let axes = radar_axes(data, lang);
    plan(area, data.pack.levels.len(), gap_rows(data), &axes).gaps
}

/// Each dimension's readiness at the target level; none without a target.
fn radar_axes(data: &Data, lang: Lang) -> Vec<Axis<'_>> {
    let Some(target) = data.assessment.target_level.as_deref() else {
        return Vec::new();
    };
    data.pack
        .dimensions
        .iter()
        .zip(&data.assessment.dimensions)
        .map(|(dim, scores)| Axis {
            name: dim.name.get(lang.code(), data.fallback()),
            value: scores.levels.get(target).copied().unwrap_or(0.0),
        })
        .collect()
}

fn dimensions(area: Rect, axes: &[Axis<'_>], buf: &mut Buffer, view: &View<'_>, styles: &Styles) {
    let data = view.data;
    let lang = view.lang;
    let Some(target) = data.assessment.target_level.as_deref() else {
        return;
    };
    let chart = Rect {
        y: area.y.saturating_add(1),
        height: area.height.saturating_sub(1),
        ..area
    };
    // Where neither the names nor a legend fit around a chart, the
    // dimensions are listed with their values; the title goes up only with
    // a chart or the whole list under it.
    let as_chart = radar::layout(chart, axes).is_some();
    if !as_chart && axes.len() > usize::from(chart.height) {
        return;
    }
    let title = Line::from(vec![
        Span::styled(
            format!("{} {target}", lang.pick("各维度 ·", "Dimensions ·")),
            styles.heading,
        ),
        Span::styled(
            format!(
                " · {} {}",
                if as_chart {
                    lang.pick("内圈", "ring")
                } else {
                    lang.pick("门槛", "threshold")
                },
                percent(data.pack.threshold)
            ),
            styles.muted,
        ),
    ]);
    put(area, 0, &title, buf);
    if !as_chart {
        list(chart, axes, buf, styles);
        return;
    }
    let radar = Radar {
        axes,
        threshold: data.pack.threshold,
        styles: styles.radar,
    };
    (&radar).render(chart, buf);
}

/// The dimensions as rows of name and value, the values in a column; a
/// name too long is cut after a word (mid-word only when its first word
/// alone is too long).
fn list(area: Rect, axes: &[Axis<'_>], buf: &mut Buffer, styles: &Styles) {
    let width = usize::from(area.width);
    for (row, axis) in (0u16..).zip(axes) {
        let value = percent(axis.value.clamp(0.0, 1.0));
        let room = width.saturating_sub(6);
        let name = fit_name(axis.name, room);
        let pad = width.saturating_sub(display_width(&name) + display_width(&value));
        let line = Line::from(vec![
            Span::styled(name, styles.text),
            Span::raw(" ".repeat(pad)),
            Span::styled(value, styles.strong),
        ]);
        put(area, row, &line, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::widgets::gauge::BarStyles;

    fn plain() -> Styles {
        let s = Style::new();
        Styles {
            heading: s,
            text: s,
            muted: s,
            strong: s,
            selected: s,
            bar: BarStyles {
                filled: s,
                empty: s,
                mark: s,
            },
            radar: RadarStyles {
                grid: s,
                threshold: s,
                value: s,
                label: s,
            },
        }
    }

    #[test]
    fn the_list_of_dimensions_cuts_names_after_a_word() {
        // 20 columns leave 20 − 6 = 14 for a name: System design… (14),
        // Operations… (not Operations &…); a first word longer than that is
        // cut where it must: International… is 14.
        let axes = [
            Axis {
                name: "System design & architecture",
                value: 0.56,
            },
            Axis {
                name: "Operations & reliability",
                value: 0.39,
            },
            Axis {
                name: "Internationalisation",
                value: 0.5,
            },
        ];
        let area = Rect::new(0, 0, 20, 3);
        let mut buf = Buffer::empty(area);
        list(area, &axes, &mut buf, &plain());
        let rows: Vec<String> = (0..3)
            .map(|y| (0..20).map(|x| buf[(x, y)].symbol()).collect())
            .collect();
        assert_eq!(
            rows,
            [
                "System design…   56%",
                "Operations…      39%",
                "International…   50%",
            ]
        );
    }
}
