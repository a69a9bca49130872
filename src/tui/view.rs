//! Draws the state: tab bar, the current screen, footer, help window, or the
//! note that the terminal is too small. Reads the state, changes nothing.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::line;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::action::Action;
use super::help::{self, HelpInput};
use super::i18n::too_small_note;
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH, Shell, centered, width};
use super::screens::View;
use super::search;
use super::state::{Overlay, State};
use crate::core::sanitize::is_dangerous;

/// Draws the whole window.
pub fn render(state: &State, frame: &mut Frame<'_>) {
    let area = frame.area();
    draw(state, area, frame.buffer_mut());
    drop_controls(frame.buffer_mut());
}

/// The last guard before the terminal: text is neutralised where it is
/// read, but a control character that got past that (into a cell, where it
/// could start an escape sequence or reorder the line) is dropped here.
fn drop_controls(buf: &mut Buffer) {
    for cell in &mut buf.content {
        if cell.symbol().chars().any(is_dangerous) {
            let kept: String = cell
                .symbol()
                .chars()
                .filter(|c| !is_dangerous(*c))
                .collect();
            cell.set_symbol(if kept.is_empty() { " " } else { &kept });
        }
    }
}

/// Draws the whole window into `buf`.
pub fn draw(state: &State, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    let Some(shell) = layout::shell(area) else {
        too_small(state, area, buf);
        return;
    };
    tab_bar(state, shell, buf);
    rule(state, shell.rule, buf);
    let view = View {
        lang: state.lang,
        theme: &state.theme,
        data: &state.data,
    };
    let (banner, body) = super::banner::split(shell.body, &state.data);
    if let Some(row) = banner {
        super::banner::render(state, row, buf);
    }
    state.screens.get(state.screen).render(body, buf, &view);
    footer(state, shell.footer, buf);
    if let Some(Overlay::Help { scroll }) = state.overlay {
        let input = HelpInput {
            keymap: &state.keymap,
            screen: state.screen,
            mode: state.screens.get(state.screen).mode(),
            lang: state.lang,
            area,
        };
        help::render(input, scroll, &state.theme, buf);
    }
    if let Some(Overlay::Search) = state.overlay {
        search::render(&state.search, area, state.lang, &state.theme, buf);
    }
}

fn tab_bar(state: &State, shell: Shell, buf: &mut Buffer) {
    let theme = &state.theme;
    let mut spans = vec![Span::styled(layout::brand(state.lang), theme.brand)];
    let mut x = width(&layout::brand(state.lang));
    for cell in layout::tab_cells(state.lang) {
        spans.push(Span::raw(" ".repeat(usize::from(cell.x.saturating_sub(x)))));
        let style = if cell.id == state.screen.tab() {
            theme.tab_active
        } else {
            theme.tab
        };
        spans.push(Span::styled(
            format!(" {} ", cell.id.title(state.lang)),
            style,
        ));
        x = cell.x + cell.width;
    }
    Line::from(spans).render(shell.tabs, buf);

    // Whose profile is open, at the right, when there is room for it.
    let profile = format!(" {} ", state.data.profile.profile);
    let profile_width = width(&profile);
    if x + 1 + profile_width <= shell.tabs.width {
        Line::from(Span::styled(profile, theme.muted))
            .right_aligned()
            .render(shell.tabs, buf);
    }
}

/// The line under the tabs, drawn heavy under the active one: a second mark
/// of the current screen that needs neither colour nor reverse video.
fn rule(state: &State, area: Rect, buf: &mut Buffer) {
    Line::from(Span::styled(
        line::HORIZONTAL.repeat(usize::from(area.width)),
        state.theme.border,
    ))
    .render(area, buf);
    let active = layout::tab_cells(state.lang)
        .into_iter()
        .find(|cell| cell.id == state.screen.tab());
    if let Some(cell) = active {
        let under = Rect::new(area.x + cell.x, area.y, cell.width, 1).intersection(area);
        Line::from(Span::styled(
            line::THICK_HORIZONTAL.repeat(usize::from(under.width)),
            state.theme.tab_marker,
        ))
        .render(under, buf);
    }
}

/// The hints of the keys that act now, as many as fit.
fn footer(state: &State, area: Rect, buf: &mut Buffer) {
    let theme = &state.theme;
    if let Some(notice) = state.notice {
        Line::from(vec![
            Span::raw(" "),
            Span::styled(notice.text(state.lang), theme.key),
        ])
        .render(area, buf);
        return;
    }
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (key, desc) in state.keymap.hints(state.context(), state.lang) {
        let gap = if used > 1 { 3 } else { 0 };
        let needed = gap + width(&key) + 1 + width(&desc);
        if used + needed > area.width {
            break;
        }
        spans.push(Span::raw(" ".repeat(usize::from(gap))));
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(desc, theme.muted));
        used += needed;
    }
    Line::from(spans).render(area, buf);
}

/// Blanks `area` for a window drawn on top. A wide character just left of
/// it would spill its second half over the window's left border, so it is
/// blanked too.
pub fn clear_popup(area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.x > buf.area.x {
        for y in area.top()..area.bottom() {
            let cell = &mut buf[(area.x - 1, y)];
            if width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
    Clear.render(area, buf);
}

/// The note for a window below the minimum, in the fullest wording that fits.
fn too_small(state: &State, area: Rect, buf: &mut Buffer) {
    let quit = state
        .keymap
        .too_small
        .iter()
        .find(|binding| binding.action == Action::Quit)
        .and_then(|binding| binding.keys.first())
        .map_or_else(|| "q".to_owned(), ToString::to_string);
    let wordings = too_small_note(
        state.lang,
        (area.width, area.height),
        (MIN_WIDTH, MIN_HEIGHT),
        &quit,
    );
    let fits = |lines: &Vec<String>| {
        lines.len() <= usize::from(area.height)
            && lines.iter().all(|line| width(line) <= area.width)
    };
    let Some(lines) = wordings
        .iter()
        .find(|lines| fits(lines))
        .or(wordings.last())
    else {
        return;
    };
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let block = centered(area, area.width, height);
    for (text, row) in lines.iter().zip(block.rows()) {
        Line::from(Span::styled(text.as_str(), state.theme.text))
            .centered()
            .render(row, buf);
    }
}
