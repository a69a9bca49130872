//! The mentor-mode banner: one row over every screen that says whose file
//! is open and who is rating it, so no one mistakes it for their own.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::data::Data;
use super::i18n::Lang;
use super::state::State;
use super::text::truncate;

/// The banner's row (in mentor mode) and what is left for the screen.
pub fn split(body: Rect, data: &Data) -> (Option<Rect>, Rect) {
    if data.mentor_session.is_none() || body.height < 2 {
        return (None, body);
    }
    let row = Rect { height: 1, ..body };
    let rest = Rect {
        y: body.y + 1,
        height: body.height - 1,
        ..body
    };
    (Some(row), rest)
}

/// The banner's words.
pub fn text(lang: Lang, mentor: &str, mentee: &str) -> String {
    match lang {
        Lang::Zh => format!(" 导师模式 · 导师：{mentor} · 学员：{mentee} · 只改动文件的导师部分"),
        Lang::En => format!(
            " Mentor mode · mentor: {mentor} · mentee: {mentee} · only the mentor's part is saved"
        ),
    }
}

/// Draws the banner into the one-row `area`.
pub fn render(state: &State, area: Rect, buf: &mut Buffer) {
    let Some(session) = &state.data.mentor_session else {
        return;
    };
    let text = text(state.lang, &session.mentor, &session.mentee);
    let style = state.theme.tab_active.add_modifier(Modifier::BOLD);
    buf.set_style(area, style);
    Line::from(Span::styled(
        truncate(&text, usize::from(area.width)),
        style,
    ))
    .render(area, buf);
}
