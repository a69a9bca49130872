//! The status row: the question waiting for `y`, the note after the last
//! key, a failed save, and the quiet mark of a successful one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::words;
use super::{Checklists, ChecklistsMode, Note};
use crate::core::sanitize::neutralize_controls;
use crate::tui::data::SaveStatus;
use crate::tui::i18n::Msg;
use crate::tui::screens::View;
use crate::tui::text::{display_width, truncate, truncate_line};

/// Draws `line` in the one-row `area`, cut at its right edge with one `…`.
pub(super) fn put(area: Rect, buf: &mut Buffer, line: Line<'_>) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    truncate_line(&line, usize::from(area.width)).render(area, buf);
}

/// Draws `lines` from `scroll` on into `area`; when more follow, the last
/// row says so instead.
pub(super) fn scrolled(
    lines: Vec<Line<'static>>,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
    view: &View<'_>,
) {
    let height = usize::from(area.height);
    let more = lines.len() > height && height >= 3;
    let shown = if more { height - 1 } else { height };
    let scroll = scroll.min(lines.len().saturating_sub(shown));
    let mut rows = area.rows();
    for (line, row) in lines.iter().skip(scroll).zip(rows.by_ref().take(shown)) {
        put(row, buf, line.clone());
    }
    if more
        && scroll + shown < lines.len()
        && let Some(row) = rows.next()
    {
        let text = Msg::HelpMoreBelow.text(view.lang);
        put(
            row,
            buf,
            Line::from(Span::styled(text, view.theme.muted)).right_aligned(),
        );
    }
}

/// The end of `path`, cut at the front to `room` cells: the file name is
/// the part worth seeing.
fn tail(path: &str, room: usize) -> String {
    if display_width(path) <= room {
        return path.to_owned();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 1;
    for c in path.chars().rev() {
        let w = display_width(c.encode_utf8(&mut [0; 4]));
        if used + w > room {
            break;
        }
        used += w;
        kept.push(c);
    }
    kept.reverse();
    format!("…{}", kept.into_iter().collect::<String>())
}

pub(super) fn draw(state: &Checklists, area: Rect, buf: &mut Buffer, view: &View<'_>) {
    let (lang, theme, data) = (view.lang, view.theme, view.data);
    let bold = theme.text.add_modifier(Modifier::BOLD);
    let confirming = matches!(state.mode, ChecklistsMode::Confirming(_));
    let (text, style) = match (&state.mode, &state.note, &data.save) {
        (ChecklistsMode::Confirming(id), _, _) => {
            let name = data
                .run(id)
                .map(|r| r.name.replace('\n', " "))
                .unwrap_or_default();
            (words::confirm_delete(lang, &truncate(&name, 30)), bold)
        }
        (_, Some(Note::Exported(path)), _) => {
            let lead = words::exported(lang, "");
            let room = usize::from(area.width).saturating_sub(display_width(&lead) + 1);
            (
                words::exported(lang, &tail(&neutralize_controls(path), room)),
                theme.text,
            )
        }
        (_, Some(note), _) => (note_text(note, view), theme.text),
        (_, None, SaveStatus::Failed(why)) => (
            lang.pick(
                format!(
                    "保存失败：{}；下一次操作时会重试。",
                    neutralize_controls(why)
                ),
                format!(
                    "Not saved: {}; saving is tried again with the next key.",
                    neutralize_controls(why)
                ),
            ),
            bold,
        ),
        _ => (String::new(), theme.text),
    };
    let saved = if data.save == SaveStatus::Saved && state.note.is_none() && !confirming {
        lang.pick("✓ 已保存", "✓ saved")
    } else {
        ""
    };
    let room = usize::from(area.width).saturating_sub(display_width(saved) + 1);
    put(
        area,
        buf,
        Line::from(Span::styled(truncate(&text, room), style)),
    );
    if !saved.is_empty() {
        let w = u16::try_from(display_width(saved)).unwrap_or(u16::MAX);
        let x = area.right().saturating_sub(w);
        put(
            Rect::new(x, area.y, w.min(area.width), 1),
            buf,
            Line::from(Span::styled(saved, theme.muted)),
        );
    }
}

fn note_text(note: &Note, view: &View<'_>) -> String {
    let lang = view.lang;
    match note {
        Note::Word(word) => word.text(lang).to_owned(),
        Note::Deleted(name) => words::deleted(lang, &name.replace('\n', " ")),
        Note::Exported(path) => words::exported(lang, &neutralize_controls(path)),
        Note::ExportFailed(why) => words::export_failed(lang, &neutralize_controls(why)),
        Note::EditorFailed(why) => {
            words::editor_failed(lang, &neutralize_controls(&why.text(lang)))
        }
        Note::Refused(why) => neutralize_controls(why).into_owned(),
        Note::AlreadyFinished(at) => words::already_finished(lang, &super::result::when(*at)),
        Note::OpenLeft(n) => words::open_left(lang, *n),
    }
}
