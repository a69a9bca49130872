//! The top gaps, the selected one highlighted, and under them (when rows
//! are left) a preview of the selected gap's growth advice.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::dashboard::{Styles, put};
use super::{shown_gaps, top_gaps};
use crate::core::score::Gap;
use crate::tui::i18n::Lang;
use crate::tui::screens::View;
use crate::tui::text::{display_width, fit_name, inline_spans, line_width, truncate_line};

pub(super) fn render(
    selected: usize,
    area: Rect,
    buf: &mut Buffer,
    view: &View<'_>,
    styles: &Styles,
) {
    let data = view.data;
    let lang = view.lang;
    let target = data.assessment.target_level.as_deref().unwrap_or("");
    let (shown, note) = shown_gaps(data, usize::from(area.height.saturating_sub(1)));
    let list = &top_gaps(data)[..shown];
    let title = match lang {
        Lang::Zh => format!("距 {target} 最大的差距"),
        Lang::En => format!("Top gaps up to {target}"),
    };
    let hint = lang.pick(
        "  ↑↓ 选择 · Enter 查看成长建议",
        "  ↑↓ select · Enter growth advice",
    );
    put(
        area,
        0,
        &Line::from(vec![
            Span::styled(title, styles.heading),
            Span::styled(if list.is_empty() { "" } else { hint }, styles.muted),
        ]),
        buf,
    );
    if list.is_empty() {
        let none = match lang {
            Lang::Zh => format!("到 {target} 为止的每一项都已达标。"),
            Lang::En => format!("Every indicator up to {target} meets the bar."),
        };
        put(area, 1, &Line::from(Span::styled(none, styles.text)), buf);
        return;
    }
    let width = usize::from(area.width);
    let max = data.pack.max_score();
    let unrated = lang.pick("未评", "unrated");
    let scores: Vec<String> = list
        .iter()
        .map(|g| {
            if g.rated {
                format!("{}/{max}", g.score)
            } else {
                unrated.to_owned()
            }
        })
        .collect();
    let score_w = scores.iter().map(|s| display_width(s)).max().unwrap_or(0);
    let level_w = list
        .iter()
        .map(|g| display_width(&g.level))
        .max()
        .unwrap_or(0);
    // A dimension's name is cut after a word to fit its column, which is
    // as wide as the widest name shown.
    let dim_room = match width {
        100.. => 28,
        70..=99 => 12,
        _ => 0,
    };
    let dims: Vec<String> = list
        .iter()
        .map(|g| {
            data.pack
                .indicator(&g.indicator)
                .map(|(d, _)| fit_name(d.name.get(lang.code(), data.fallback()), dim_room))
                .unwrap_or_default()
        })
        .collect();
    let dim_w = dims.iter().map(|d| display_width(d)).max().unwrap_or(0);
    let text_w =
        width.saturating_sub(2 + level_w + 1 + dim_w + usize::from(dim_w > 0) + 2 + score_w);
    for (i, ((gap, score), dim)) in list.iter().zip(&scores).zip(&dims).enumerate() {
        let row = u16::try_from(i + 1).unwrap_or(u16::MAX);
        let found = data.pack.indicator(&gap.indicator);
        let text = found.map_or(gap.indicator.as_str(), |(_, ind)| {
            ind.text.get(lang.code(), data.fallback())
        });
        let style = if i == selected {
            styles.selected
        } else {
            styles.text
        };
        let mut head = String::new();
        head.push_str(if i == selected { "> " } else { "  " });
        head.push_str(&fill(&gap.level, level_w));
        head.push(' ');
        if dim_w > 0 {
            head.push_str(&fill(dim, dim_w));
            head.push(' ');
        }
        let text = text.replace('\n', " ");
        let text = truncate_line(
            &Line::from(inline_spans(&text, style, view.theme.code)),
            text_w,
        );
        let mut tail = " ".repeat(text_w.saturating_sub(line_width(&text)) + 2);
        tail.push_str(&" ".repeat(score_w - display_width(score)));
        tail.push_str(score);
        let mut spans = vec![Span::styled(head, style)];
        spans.extend(text.spans);
        spans.push(Span::styled(tail, style));
        put(area, row, &Line::from(spans), buf);
    }
    if note {
        let count = |rated: bool, among: &[&Gap]| among.iter().filter(|g| g.rated == rated).count();
        let all: Vec<&Gap> = data.assessment.gaps.iter().collect();
        let rated = count(true, &all) - count(true, list);
        let unrated = count(false, &all) - count(false, list);
        let listed_unrated = count(false, list) > 0;
        let text = more_note(lang, target, rated, unrated, listed_unrated);
        let row = u16::try_from(list.len() + 1).unwrap_or(u16::MAX);
        put(
            area,
            row,
            &Line::from(Span::styled(text, styles.muted)),
            buf,
        );
    }
}

/// The note under the gaps on those not shown: `rated` rated ones and
/// `unrated` ones not rated yet; `listed_unrated` when some unrated gaps
/// are among those shown, so these are more of them.
fn more_note(
    lang: Lang,
    target: &str,
    rated: usize,
    unrated: usize,
    listed_unrated: bool,
) -> String {
    let gaps = if rated == 1 { "gap" } else { "gaps" };
    match (lang, rated, unrated) {
        (Lang::Zh, 0, _) => format!("  到 {target} 为止还有 {unrated} 项未评分——去「自评」页评分"),
        (Lang::Zh, _, 0) => format!("  另有 {rated} 项已评的差距：「自评」页按 n（仅差距）查看"),
        (Lang::Zh, _, _) => {
            format!("  另有 {rated} 项已评的差距、{unrated} 项未评分：「自评」页按 n（仅差距）查看")
        }
        (Lang::En, 0, _) => {
            let more = if listed_unrated { " more" } else { "" };
            let them = if unrated == 1 { "it" } else { "them" };
            format!("  {unrated}{more} not rated yet up to {target}: rate {them} on Assess")
        }
        (Lang::En, _, 0) => format!("  +{rated} more rated {gaps}: Assess → n (gaps only)"),
        (Lang::En, _, _) => {
            format!("  +{rated} more rated {gaps}, {unrated} unrated: Assess → n (gaps only)")
        }
    }
}

/// `text` padded with spaces to `width` cells.
fn fill(text: &str, width: usize) -> String {
    format!(
        "{text}{}",
        " ".repeat(width.saturating_sub(display_width(text)))
    )
}
