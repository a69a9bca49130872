//! The calibration view: indicators rated by both in three groups, each
//! dimension's lean, the radar with both polygons, the agenda, the notes
//! and the plan.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::lines::Out;
use super::words::{self, Word};
use crate::core::mentor::{self, AgendaItem, Lean};
use crate::core::report::percent;
use crate::core::sanitize::neutralize_controls;
use crate::core::score::Calibration;
use crate::tui::data::Data;
use crate::tui::screens::View;
use crate::tui::widgets::radar::{self, Axis, Radar, RadarStyles};

/// The width from which the radar goes beside the text.
const RADAR_FROM: u16 = 76;
/// The radar's columns.
const RADAR_WIDTH: u16 = 36;

/// Where the text and the radar go in the body.
pub fn split(body: Rect, data: &Data) -> (Rect, Option<Rect>) {
    if body.width < RADAR_FROM
        || !mentor::has_review(&data.profile)
        || axes_count(data) < radar::MIN_AXES
    {
        return (body, None);
    }
    let text = Rect {
        width: body.width - RADAR_WIDTH,
        ..body
    };
    let height = body.height.min(18);
    let chart = Rect::new(
        text.right(),
        body.y + 1,
        RADAR_WIDTH - 1,
        height.saturating_sub(1),
    );
    (text, Some(chart))
}

fn axes_count(data: &Data) -> usize {
    if data.assessment.target_level.is_some() {
        data.pack.dimensions.len()
    } else {
        0
    }
}

/// The lines of the view, `width` columns wide.
pub fn lines(out: &mut Out<'_>) {
    let (lang, data) = (out.lang, out.data);
    let Some(review) = data
        .profile
        .mentor
        .as_ref()
        .filter(|_| mentor::has_review(&data.profile))
    else {
        out.heading(Word::Calibration.text(lang));
        out.blank();
        // The mentor at the keyboard starts the review; the mentee is told
        // how to get one.
        let word = if data.mentor_session.is_some() {
            Word::NoReviewYetMentor
        } else {
            Word::NoReview
        };
        out.text(word.text(lang));
        return;
    };
    let date = review.date.map(|d| format!(" · {d}")).unwrap_or_default();
    out.heading(&format!(
        "{} · {}{}",
        Word::Calibration.text(lang),
        neutralize_controls(&review.name),
        date
    ));
    out.muted(Word::StartWalkthrough.text(lang));
    out.blank();
    let groups = mentor::groups(&data.assessment);
    if data.assessment.calibration.is_empty() {
        out.muted(Word::NoneRatedByBoth.text(lang));
    }
    for (word, list) in [
        (Word::FarApart, &groups.far_apart),
        (Word::OneApart, &groups.one_apart),
        (Word::Agree, &groups.agree),
    ] {
        if list.is_empty() {
            continue;
        }
        out.heading(&format!("{} ({})", word.text(lang), list.len()));
        for c in list {
            calibration_row(out, c);
        }
        out.blank();
    }
    let leans = mentor::leans(&data.pack, &data.assessment);
    if !leans.is_empty() {
        out.heading(Word::PerDimension.text(lang));
        for l in &leans {
            let name = data
                .pack
                .dimensions
                .iter()
                .find(|d| d.id.value == l.dimension)
                .map_or(l.dimension.as_str(), |d| out.text_of(&d.name));
            let word = match l.lean {
                Lean::Higher => Word::Higher,
                Lean::Lower => Word::Lower,
                Lean::Even => Word::Even,
            };
            let line = format!(
                "{name}{}{}",
                lang.pick("：", ": "),
                words::lean(lang, word, l.mean_delta, l.count)
            );
            out.item("  ", 4, &line, out.theme.text);
        }
        out.blank();
    }
    agenda(out);
    notes_and_plan(out);
}

fn calibration_row(out: &mut Out<'_>, c: &Calibration) {
    let data = out.data;
    let text = data
        .pack
        .indicator(&c.indicator)
        .map(|(_, ind)| out.text_of(&ind.text).replace('\n', " "))
        .unwrap_or_else(|| neutralize_controls(&c.indicator).into_owned());
    let level = data
        .pack
        .indicator(&c.indicator)
        .map(|(_, ind)| ind.level.value.clone())
        .unwrap_or_default();
    let pair = words::pair(out.lang, Some(c.self_score), Some(c.mentor));
    out.item(
        "  ",
        6,
        &format!("{:+}  {pair} · {level}", c.delta),
        out.theme.heading,
    );
    out.inline(&text, 6, out.theme.text);
    let comment = data
        .profile
        .mentor
        .as_ref()
        .and_then(|m| m.ratings.get(c.indicator.as_str()))
        .and_then(|r| r.comment.as_deref());
    if let Some(comment) = comment {
        let style = out.theme.muted;
        let prefix = out.lang.pick("导师：", "mentor: ");
        out.inline(&format!("{prefix}{}", comment.replace('\n', " ")), 6, style);
    }
}

/// The agenda: each item with its scores, its growth advice and the
/// questions that probe it.
pub fn agenda(out: &mut Out<'_>) {
    let (lang, data) = (out.lang, out.data);
    out.heading(Word::Agenda.text(lang));
    let items = mentor::agenda(&data.pack, &data.profile, &data.assessment);
    if !mentor::rated_up_to_target(&data.pack, &data.profile, &data.assessment) {
        // The agenda would be the heaviest indicators in ladder order,
        // none of them rated: nothing to calibrate.
        out.muted(Word::NothingToCalibrate.text(lang));
        out.blank();
        return;
    }
    if items.is_empty() {
        out.muted(Word::NoAgenda.text(lang));
    }
    for (n, item) in items.iter().enumerate() {
        agenda_item(out, n + 1, item);
    }
    out.blank();
}

fn agenda_item(out: &mut Out<'_>, n: usize, item: &AgendaItem) {
    let (lang, data) = (out.lang, out.data);
    let Some((_, ind)) = data.pack.indicator(&item.indicator) else {
        return;
    };
    let text = out.text_of(&ind.text).replace('\n', " ");
    let style = out.theme.text.add_modifier(ratatui::style::Modifier::BOLD);
    let pair = words::pair(lang, item.self_score, item.mentor_score);
    out.item(
        &format!("{n}. "),
        3,
        &format!("{} · {pair}", item.level),
        style,
    );
    out.inline(&text, 3, style);
    if let Some(growth) = &ind.growth {
        out.item("   ", 3, Word::Growth.text(lang), out.theme.heading);
        let growth = out.text_of(growth).to_owned();
        out.markdown(&growth, 3);
    }
    if !item.questions.is_empty() {
        out.item("   ", 3, Word::Questions.text(lang), out.theme.heading);
        for id in &item.questions {
            if let Some(q) = data.pack.question(id) {
                let prompt = out.text_of(&q.prompt).replace('\n', " ");
                out.item("   - ", 5, &prompt, out.theme.text);
            }
        }
    }
}

/// The mentor's notes and the plan.
pub fn notes_and_plan(out: &mut Out<'_>) {
    let (lang, data) = (out.lang, out.data);
    let Some(review) = &data.profile.mentor else {
        return;
    };
    out.heading(Word::Notes.text(lang));
    match &review.notes {
        Some(notes) => out.typed(notes, 0),
        None => out.muted(Word::NoNotes.text(lang)),
    }
    out.blank();
    plan(out);
}

/// The plan's steps, numbered.
pub fn plan(out: &mut Out<'_>) {
    let (lang, data) = (out.lang, out.data);
    out.heading(Word::Plan.text(lang));
    let steps = data
        .profile
        .mentor
        .as_ref()
        .map(|m| m.plan.as_slice())
        .unwrap_or(&[]);
    if steps.is_empty() {
        out.muted(Word::NoPlan.text(lang));
    }
    for (n, step) in steps.iter().enumerate() {
        let lead = format!("{}. ", n + 1);
        out.item(
            &lead,
            lead.len(),
            &step.step.replace('\n', " "),
            out.theme.text,
        );
        let mut meta = Vec::new();
        if let Some(owner) = &step.owner {
            meta.push(format!("{}{}", lang.pick("负责人：", "owner: "), owner));
        }
        if let Some(due) = step.due {
            meta.push(format!("{}{due}", lang.pick("日期：", "due: ")));
        }
        if !meta.is_empty() {
            out.item(
                &" ".repeat(lead.len()),
                lead.len(),
                &meta.join(" · "),
                out.theme.muted,
            );
        }
    }
}

/// The radar of each dimension at the target: the mentee's polygon, solid,
/// and the mentor's, dotted and in another colour, with a legend that
/// shows both marks.
pub fn draw_radar(area: Rect, buf: &mut Buffer, view: &View<'_>) {
    let (data, lang, theme) = (view.data, view.lang, view.theme);
    let Some(target) = data.assessment.target_level.as_deref() else {
        return;
    };
    let Some(theirs) = mentor::mentor_assessment(&data.pack, &data.profile) else {
        return;
    };
    let axes: Vec<Axis<'_>> = data
        .pack
        .dimensions
        .iter()
        .zip(&data.assessment.dimensions)
        .map(|(dim, scores)| Axis {
            name: dim.name.get(lang.code(), data.fallback()),
            value: scores.levels.get(target).copied().unwrap_or(0.0),
        })
        .collect();
    let other: Vec<f64> = theirs
        .dimensions
        .iter()
        .map(|d| d.levels.get(target).copied().unwrap_or(0.0))
        .collect();
    let title = format!("{} {target}", Word::Legend.text(lang));
    put(area, 0, Line::from(Span::styled(title, theme.heading)), buf);
    let mentor_style = theme.key;
    let legend = Line::from(vec![
        Span::styled(format!("{} ", radar::OWN_MARK), theme.text),
        Span::styled(Word::Mentee.text(lang), theme.text),
        Span::raw("  "),
        Span::styled(format!("{} ", radar::OTHER_MARK), mentor_style),
        Span::styled(Word::Mentor.text(lang), mentor_style),
    ]);
    put(area, 1, legend, buf);
    let chart = Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(2),
        ..area
    };
    let radar = Radar {
        axes: &axes,
        threshold: data.pack.threshold,
        styles: RadarStyles {
            grid: theme.border,
            threshold: theme.muted,
            value: theme.text,
            label: theme.muted,
        },
    };
    if radar::layout_compared(chart, &axes, &other).is_some() {
        radar::render_compared(&radar, &other, mentor_style, chart, buf);
    } else {
        // Too small for a chart: each dimension with both numbers.
        for (row, (axis, m)) in (0u16..).zip(axes.iter().zip(&other)) {
            let line = format!("{} {} / {}", axis.name, percent(axis.value), percent(*m));
            put(chart, row, Line::from(Span::styled(line, theme.text)), buf);
        }
    }
}

fn put(area: Rect, row: u16, line: Line<'_>, buf: &mut Buffer) {
    if row >= area.height {
        return;
    }
    let rect = Rect::new(area.x, area.y + row, area.width, 1).intersection(buf.area);
    crate::tui::text::truncate_line(&line, usize::from(rect.width)).render(rect, buf);
}
