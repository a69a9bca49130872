//! The revealed answer: the key points to tick, the grade suggested, the
//! answer framework, the pitfalls, the follow-ups and the indicators the
//! question probes with the person's rating of each.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::card::{clock_state, header, prompt_lines, warn_style};
use super::run::Run;
use super::setup::clock_text;
use crate::core::content::Question;
use crate::core::report::grade_name;
use crate::tui::data::Data;
use crate::tui::i18n::Lang;
use crate::tui::screens::{Ctx, View};
use crate::tui::text::wrap;
use crate::tui::theme::Theme;
use crate::tui::widgets::markdown::{self, MarkdownStyles};

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
