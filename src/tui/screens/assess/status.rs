//! The status line: the question waiting for `y`, the note after the last
//! key, and the quiet mark of a successful save.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::render::{indicator_spans, put};
use super::words::{self, Word};
use super::{Assess, Note, View};
use crate::core::sanitize::neutralize_controls;
use crate::tui::data::{Data, SaveStatus};
use crate::tui::text::{display_width as width, truncate, wrap};

pub(super) fn draw_status(state: &Assess, area: Rect, buf: &mut Buffer, view: &View<'_>) {
    let (lang, theme, data) = (view.lang, view.theme, view.data);
    // "✓ saved" speaks of an earlier change; beside "edit discarded" it
    // would read as if the discarded text had been saved, and beside a
    // question it takes room the question needs.
    let discarded = state.note == Some(Note::Word(Word::EditDiscarded));
    let confirm = state.confirming();
    let quiet = discarded || confirm.is_some();
    let saved = if data.save == SaveStatus::Saved && !quiet {
        Word::Saved.text(lang)
    } else {
        ""
    };
    let room = usize::from(area.width).saturating_sub(width(saved) + 1);
    let (text, style) = match (confirm, &state.note) {
        (Some(question), _) => (
            named(room, &item_name(question.id(), view), |name| {
                words::confirm(lang, question, name)
            }),
            theme.text.add_modifier(Modifier::BOLD),
        ),
        (None, Some(note)) => (note_text(note, view, room), theme.text),
        (None, None) => (String::new(), theme.text),
    };
    // Why the person's own editor failed is worth reading whole: it is
    // wrapped onto the rows above the status line rather than cut.
    if matches!(state.note, Some(Note::EditorFailed(_))) && state.confirming().is_none() {
        let lines = wrap(&text, room.max(1));
        if lines.len() > 1 {
            let above = u16::try_from(lines.len() - 1)
                .unwrap_or(u16::MAX)
                .min(MAX_NOTE_ROWS - 1)
                .min(area.y);
            let top = area.y - above;
            for (k, line) in lines.iter().take(usize::from(above) + 1).enumerate() {
                let y = top + u16::try_from(k).unwrap_or(0);
                let row = Rect::new(area.x, y, area.width, 1);
                buf.set_string(area.x, y, " ".repeat(usize::from(area.width)), theme.text);
                put(row, buf, Line::from(Span::styled(line.clone(), style)));
            }
            return;
        }
    }
    put(
        area,
        buf,
        Line::from(Span::styled(truncate(&text, room), style)),
    );
    if !saved.is_empty() {
        let w = u16::try_from(width(saved)).unwrap_or(u16::MAX);
        let x = area.right().saturating_sub(w);
        put(
            Rect::new(x, area.y, w.min(area.width), area.height),
            buf,
            Line::from(Span::styled(saved, theme.muted)),
        );
    }
}

/// The most rows a note wrapped onto the rows above the status line takes.
const MAX_NOTE_ROWS: u16 = 4;

/// The fewest cells an item's name is cut to in a sentence on the status
/// line, however little room the rest of the sentence leaves.
const NAME_AT_LEAST: usize = 8;

/// `sentence` with `name` cut so that the whole fits `room` cells.
fn named(room: usize, name: &str, sentence: impl Fn(&str) -> String) -> String {
    let rest = width(&sentence(""));
    let name = truncate(name, room.saturating_sub(rest).max(NAME_AT_LEAST));
    sentence(&name)
}

/// How the status line names the item `id`: its text on one line without
/// Markdown's backticks, or the id (made safe to show) when the pack does
/// not have it.
fn item_name(id: &str, view: &View<'_>) -> String {
    let spans = indicator_spans(id, view, Style::new());
    spans.iter().map(|span| span.content.as_ref()).collect()
}

fn note_text(note: &Note, view: &View<'_>, room: usize) -> String {
    let lang = view.lang;
    match note {
        Note::Word(word) => word.text(lang).to_owned(),
        Note::NotOnScale(value) => {
            let values: Vec<String> = view
                .data
                .pack
                .scale
                .iter()
                .map(|s| s.value.value.to_string())
                .collect();
            words::not_on_scale(lang, *value, &values.join(" "))
        }
        Note::RateThenEdit => words::rate_then_edit(lang, &scale_range(view.data)),
        Note::Deleted(id) => words::deleted(lang, &neutralize_controls(id)),
        Note::Cleared(id) => named(room, &item_name(id, view), |name| {
            words::cleared(lang, name)
        }),
        Note::EditorFailed(why) => {
            words::editor_failed(lang, &neutralize_controls(&why.text(lang)))
        }
        Note::Target { from, to, chosen } => {
            let none = Word::NoLevel.text(lang);
            let how = if *chosen {
                Word::Chosen
            } else {
                Word::Automatic
            };
            words::target_changed(
                lang,
                from.as_deref().unwrap_or(none),
                to.as_deref().unwrap_or(none),
                how.text(lang),
            )
        }
    }
}

/// The scale's values as one would say them: `0–4` when they run without
/// a hole, else each of them (`1 2 4`).
fn scale_range(data: &Data) -> String {
    let mut values: Vec<u32> = data.pack.scale.iter().map(|s| s.value.value).collect();
    values.sort_unstable();
    match (values.first(), values.last()) {
        (Some(first), Some(last))
            if values.len() > 1 && values.windows(2).all(|w| w[1] == w[0] + 1) =>
        {
            format!("{first}–{last}")
        }
        _ => {
            let each: Vec<String> = values.iter().map(u32::to_string).collect();
            each.join(" ")
        }
    }
}
