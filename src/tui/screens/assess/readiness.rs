//! Readiness beside the list: a side panel in wide terminals, a one-line
//! strip in narrow ones.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::View;
use super::render::put;
use super::words::Word;
use crate::core::assess::progress;
use crate::core::report::{level_label, percent, readiness_percent};
use crate::tui::data::Data;
use crate::tui::i18n::{Lang, Msg};
use crate::tui::text::{display_width as width, truncate, wrap};

/// The target and whether it was chosen or follows the rule.
fn target_words(data: &Data, lang: Lang) -> (String, &'static str) {
    let target = data
        .assessment
        .target_level
        .clone()
        .unwrap_or_else(|| Word::NoLevel.text(lang).to_owned());
    let how = if data.profile.target_level.is_some() {
        Word::Chosen
    } else {
        Word::Automatic
    };
    (target, how.text(lang))
}

pub(super) fn readiness_strip(view: &View<'_>, room: usize) -> Line<'static> {
    let (lang, theme, data) = (view.lang, view.theme, view.data);
    let current = data
        .assessment
        .current_level
        .clone()
        .unwrap_or_else(|| Word::NoLevel.text(lang).to_owned());
    let (target, how) = target_words(data, lang);
    // The roomiest wording that fits: labelled, then `P6 → P7 (how)` with
    // the levels closer together, then without how the target was chosen.
    let levels = |gap: &str| -> Span<'static> {
        let text: Vec<String> = data
            .assessment
            .levels
            .iter()
            .map(|level| {
                let mark = if level.reached { "✓" } else { "" };
                format!(
                    "{} {}{mark}",
                    level.id,
                    readiness_percent(level.readiness, data.pack.threshold)
                )
            })
            .collect();
        Span::styled(text.join(gap), theme.text)
    };
    let labelled = vec![
        Span::styled(format!("{} ", Word::Current.text(lang)), theme.muted),
        Span::styled(current.clone(), theme.heading),
        Span::styled(format!(" · {} ", Word::Target.text(lang)), theme.muted),
        Span::styled(target.clone(), theme.heading),
        Span::styled(format!(" ({how})  │ "), theme.muted),
        levels("  "),
    ];
    let short = |how: Option<&str>| {
        vec![
            Span::styled(current.clone(), theme.heading),
            Span::styled(" → ", theme.muted),
            Span::styled(target.clone(), theme.heading),
            Span::styled(
                how.map_or_else(|| " │ ".to_owned(), |how| format!(" ({how}) │ ")),
                theme.muted,
            ),
            levels(" "),
        ]
    };
    let fits = |spans: &[Span<'_>]| spans.iter().map(|s| width(&s.content)).sum::<usize>() <= room;
    let chosen = [labelled, short(Some(how)), short(None)]
        .into_iter()
        .find(|spans| fits(spans))
        .unwrap_or_else(|| short(None));
    Line::from(chosen)
}

pub(super) fn draw_panel(area: Rect, buf: &mut Buffer, view: &View<'_>) {
    let (lang, theme, data) = (view.lang, view.theme, view.data);
    let mut lines = vec![Line::from(Span::styled(
        Word::Readiness.text(lang),
        theme.heading,
    ))];
    let id_width = data
        .assessment
        .levels
        .iter()
        .map(|l| width(&l.id))
        .max()
        .unwrap_or(0)
        .min(8);
    // id, a space, the bar, " 100%", " ✓"
    let bar = usize::from(area.width).saturating_sub(id_width + 8).min(12);
    for level in &data.assessment.levels {
        let filled = ((level.readiness.clamp(0.0, 1.0) * bar as f64).round()) as usize;
        let id = truncate(&level.id, id_width);
        let pad = " ".repeat(id_width.saturating_sub(width(&id)));
        lines.push(Line::from(vec![
            Span::styled(format!("{id}{pad} "), theme.text),
            Span::styled("█".repeat(filled), theme.heading),
            Span::styled("░".repeat(bar - filled), theme.border),
            Span::styled(
                format!(
                    " {:>4}",
                    readiness_percent(level.readiness, data.pack.threshold)
                ),
                theme.text,
            ),
            Span::styled(if level.reached { " ✓" } else { "" }, theme.text),
        ]));
    }
    lines.push(Line::from(Span::styled(
        format!(
            "{} {}",
            Word::ReachedAt.text(lang),
            percent(data.pack.threshold)
        ),
        theme.muted,
    )));
    lines.push(Line::default());
    let name = |id: &str| {
        data.pack
            .level(id)
            .map(|l| l.name.get(lang.code(), data.fallback()).to_owned())
    };
    let none = Word::NoLevel.text(lang).to_owned();
    let (_, how) = target_words(data, lang);
    let (rated, total) = progress(&data.pack, &data.profile);
    let name_width = [Word::Current, Word::Target, Word::Rated]
        .iter()
        .map(|w| width(w.text(lang)))
        .max()
        .unwrap_or(0);
    let value_at = name_width + 1;
    let room = usize::from(area.width).saturating_sub(value_at);
    let label_row = |word: Word, value: String| {
        let text = word.text(lang);
        let pad = " ".repeat(value_at.saturating_sub(width(text)));
        Line::from(vec![
            Span::styled(format!("{text}{pad}"), theme.muted),
            Span::styled(value, theme.text),
        ])
    };
    // A level's id and name on one row when they fit; else the id, which
    // says which level it is, and the name under it, so neither is cut.
    let level_rows = |word: Word, level: Option<&str>, lines: &mut Vec<Line<'static>>| {
        let Some(id) = level else {
            lines.push(label_row(word, none.clone()));
            return;
        };
        let label = name(id).map_or_else(|| id.to_owned(), |n| level_label(id, &n));
        if width(&label) <= room {
            lines.push(label_row(word, label));
            return;
        }
        lines.push(label_row(word, id.to_owned()));
        // Names often start with the id ("P6 Senior Engineer"): once is enough.
        let full = name(id).unwrap_or_default();
        let rest = full.strip_prefix(id).unwrap_or(&full).trim_start();
        for part in wrap(rest, room) {
            lines.push(Line::from(vec![
                Span::raw(" ".repeat(value_at)),
                Span::styled(part, theme.text),
            ]));
        }
    };
    level_rows(
        Word::Current,
        data.assessment.current_level.as_deref(),
        &mut lines,
    );
    level_rows(
        Word::Target,
        data.assessment.target_level.as_deref(),
        &mut lines,
    );
    // How the target was chosen, indented less than the values so that it
    // fits the narrow panel whole.
    lines.push(Line::from(Span::styled(
        format!("  {how} · {}", Word::TargetKey.text(lang)),
        theme.muted,
    )));
    lines.push(label_row(Word::Rated, format!("{rated}/{total}")));
    if data.reached_above_current() {
        lines.push(Line::default());
        let why = Msg::CurrentRule.text(lang);
        lines.extend(
            wrap(why, usize::from(area.width))
                .into_iter()
                .map(|part| Line::from(Span::styled(part, theme.muted))),
        );
    }
    for (line, row) in lines.into_iter().zip(area.rows()) {
        put(row, buf, line);
    }
}
