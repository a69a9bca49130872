//! The help window: every key that acts right now, read from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::i18n::{Lang, Msg};
use super::keymap::{Binding, Context, Input, Keymap, Mode, keys_label};
use super::layout::{self, centered, width};
use super::screens::ScreenId;
use super::theme::Theme;
use super::view::clear_popup;

/// What the help window is drawn from.
#[derive(Debug, Clone, Copy)]
pub struct HelpInput<'a> {
    pub keymap: &'a Keymap,
    pub screen: ScreenId,
    /// The screen's mode: only its keys are listed.
    pub mode: Mode,
    pub lang: Lang,
    /// The whole window.
    pub area: Rect,
}

/// A line of the help window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Heading(String),
    Key { keys: String, desc: String },
    Blank,
}

/// The rows: the screen's keys first (what one opens help to learn), then
/// the global ones the screen leaves alone, then the window's own. A key
/// listed with the same meaning in an earlier section is not listed again,
/// so the scroll keys the window shares with a page appear once.
pub fn rows(keymap: &Keymap, screen: ScreenId, mode: Mode, lang: Lang) -> Vec<Row> {
    let local = keymap.local(Context::Screen(screen, mode));
    // While typing, the global keys are letters: they are not listed.
    let global: Vec<Binding> = match mode.input {
        Input::Typing => Vec::new(),
        _ => keymap.global_behind(local).collect(),
    };
    let sections = vec![
        (
            format!(
                "{} · {}",
                Msg::HelpThisScreen.text(lang),
                screen.title(lang)
            ),
            local,
        ),
        (Msg::HelpEverywhere.text(lang).to_owned(), &global[..]),
        (Msg::HelpThisWindow.text(lang).to_owned(), &keymap.help[..]),
    ];
    let mut rows = Vec::new();
    for (heading, bindings) in sections {
        let fresh: Vec<Row> = bindings
            .iter()
            .map(|binding| Row::Key {
                keys: keys_label(&binding.keys),
                desc: binding.desc.get(lang).to_owned(),
            })
            .filter(|row| !rows.contains(row))
            .collect();
        if fresh.is_empty() {
            continue;
        }
        if !rows.is_empty() {
            rows.push(Row::Blank);
        }
        rows.push(Row::Heading(heading));
        rows.extend(fresh);
    }
    rows
}

/// The help window's frame and the rows inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLayout {
    pub popup: Rect,
    /// Inside the border.
    pub inner: Rect,
    pub rows: Vec<Row>,
    /// The width of the keys column.
    pub keys_width: u16,
}

const INDENT: u16 = 2;
const GAP: u16 = 3;

fn title(input: &HelpInput<'_>) -> String {
    format!(" {} ", Msg::HelpTitle.text(input.lang))
}

/// Where the help window goes, or `None` when the shell is not drawn.
pub fn layout(input: HelpInput<'_>) -> Option<HelpLayout> {
    let body = layout::shell(input.area)?.body;
    let rows = rows(input.keymap, input.screen, input.mode, input.lang);
    let keys_width = rows
        .iter()
        .map(|row| match row {
            Row::Key { keys, .. } => width(keys),
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    let content_width = rows
        .iter()
        .map(|row| match row {
            Row::Heading(text) => width(text),
            Row::Key { desc, .. } => INDENT + keys_width + GAP + width(desc),
            Row::Blank => 0,
        })
        .chain([
            width(&title(&input)),
            width(Msg::HelpMoreBelow.text(input.lang)) + 2,
        ])
        .max()
        .unwrap_or(0);
    let rows_height = u16::try_from(rows.len()).unwrap_or(u16::MAX);
    let popup = centered(
        body,
        content_width
            .saturating_add(4)
            .min(body.width.saturating_sub(4)),
        rows_height.saturating_add(2).min(body.height),
    );
    let inner = popup.inner(Margin::new(2, 1));
    Some(HelpLayout {
        popup,
        inner,
        rows,
        keys_width,
    })
}

/// How many rows show at once.
pub fn page_height(input: HelpInput<'_>) -> usize {
    layout(input).map_or(0, |help| usize::from(help.inner.height))
}

/// The furthest the rows can scroll.
pub fn max_scroll(input: HelpInput<'_>) -> usize {
    layout(input).map_or(0, |help| {
        help.rows
            .len()
            .saturating_sub(usize::from(help.inner.height))
    })
}

/// Draws the help window scrolled to `scroll`, over whatever is beneath.
pub fn render(input: HelpInput<'_>, scroll: usize, theme: &Theme, buf: &mut Buffer) {
    let Some(help) = layout(input) else {
        return;
    };
    let popup = help.popup.intersection(buf.area);
    let scroll = scroll.min(
        help.rows
            .len()
            .saturating_sub(usize::from(help.inner.height)),
    );
    let mut block = Block::bordered()
        .border_style(theme.border)
        .title(Span::styled(title(&input), theme.heading));
    if scroll > 0 {
        block = block.title_top(
            Line::from(Span::styled(
                format!(" {} ", Msg::HelpMoreAbove.text(input.lang)),
                theme.muted,
            ))
            .right_aligned(),
        );
    }
    if scroll + usize::from(help.inner.height) < help.rows.len() {
        block = block.title_bottom(
            Line::from(Span::styled(
                format!(" {} ", Msg::HelpMoreBelow.text(input.lang)),
                theme.muted,
            ))
            .right_aligned(),
        );
    }
    clear_popup(popup, buf);
    block.render(popup, buf);

    let inner = help.inner.intersection(buf.area);
    for (row, area) in help.rows.iter().skip(scroll).zip(inner.rows()) {
        let line = match row {
            Row::Heading(text) => Line::from(Span::styled(text.as_str(), theme.heading)),
            Row::Key { keys, desc } => {
                let pad = usize::from(help.keys_width.saturating_sub(width(keys)) + GAP);
                Line::from(vec![
                    Span::raw(" ".repeat(usize::from(INDENT))),
                    Span::styled(keys.as_str(), theme.key),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(desc.as_str(), theme.text),
                ])
            }
            Row::Blank => Line::default(),
        };
        line.render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_rows(rows: &[Row]) -> Vec<(&str, &str)> {
        rows.iter()
            .filter_map(|row| match row {
                Row::Key { keys, desc } => Some((keys.as_str(), desc.as_str())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_window_lists_the_screens_keys_then_global_then_its_own() {
        let keymap = Keymap::builtin().unwrap();
        // Drill's stats page: back, and the six scroll keys of a page.
        let rows = rows(&keymap, ScreenId::Drill, Mode::keys("stats"), Lang::En);
        let headings: Vec<&Row> = rows
            .iter()
            .filter(|r| matches!(r, Row::Heading(_)))
            .collect();
        assert_eq!(
            headings,
            [
                &Row::Heading("This screen · Drill".to_owned()),
                &Row::Heading("Everywhere".to_owned()),
                &Row::Heading("This window".to_owned()),
            ]
        );
        let keys = key_rows(&rows);
        assert_eq!(keys[0], ("Esc / Enter / s / Ctrl-C", "back to the set-up"));
        assert_eq!(keys[1], ("↑ / k", "scroll up"));
        // 7 keys of the page and 5 global ones (Ctrl-C is the page's, so
        // quit is q alone); of the window's 7, the 6 it shares word for
        // word with the page are not repeated.
        assert_eq!(
            keys[7..],
            [
                ("q", "quit"),
                ("?", "keys"),
                ("Tab", "next screen"),
                ("Shift-Tab", "previous screen"),
                ("/", "search"),
                ("Esc / ? / Ctrl-C", "close this window"),
            ]
        );
        assert_eq!(rows.len(), 3 + 13 + 2);
    }

    #[test]
    fn help_lists_only_the_keys_of_the_mode_in_force_with_the_packs_scale() {
        let keymap = Keymap::builtin().unwrap().for_scale(&[0, 1, 2, 3, 4]);
        let browsing = rows(&keymap, ScreenId::Assess, Mode::BROWSE, Lang::En);
        assert_eq!(
            browsing[1],
            Row::Key {
                keys: "0–4".to_owned(),
                desc: "rate (the scale row shows the values)".to_owned(),
            }
        );
        assert!(!browsing.contains(&Row::Heading("In the editor".to_owned())));
        let on_1_to_5 = Keymap::builtin().unwrap().for_scale(&[1, 2, 3, 4, 5]);
        let rows_1_to_5 = rows(&on_1_to_5, ScreenId::Assess, Mode::BROWSE, Lang::En);
        assert!(matches!(&rows_1_to_5[1], Row::Key { keys, .. } if keys == "1–5"));
        // In the editor only its two keys act: nothing global is listed.
        let editing = rows(&keymap, ScreenId::Assess, Mode::typing("editing"), Lang::En);
        assert_eq!(
            key_rows(&editing[1..3]),
            [
                ("Esc", "save and close the editor"),
                ("Ctrl-C", "discard the changes (does not quit)"),
            ]
        );
        assert_eq!(
            editing
                .iter()
                .filter(|r| matches!(r, Row::Heading(_)))
                .count(),
            2,
            "this screen's keys and the window's own: {editing:?}"
        );
    }

    #[test]
    fn the_window_scrolls_only_when_it_is_taller_than_the_body() {
        let keymap = Keymap::builtin().unwrap();
        let input = |height| HelpInput {
            keymap: &keymap,
            screen: ScreenId::Drill,
            mode: Mode::keys("stats"),
            lang: Lang::Zh,
            area: Rect::new(0, 0, 80, height),
        };
        // 18 rows, 20 with the border. A 24-row window has a 21-row body:
        // all of it shows.
        assert_eq!(page_height(input(24)), 18);
        assert_eq!(max_scroll(input(24)), 0);
        // A 20-row window has a 17-row body, 15 inside the border.
        assert_eq!(page_height(input(20)), 15);
        assert_eq!(max_scroll(input(20)), 3);
        // The smallest shell: a 13-row body, 11 inside the border.
        assert_eq!(max_scroll(input(16)), 7);
        // Too small for the shell: no window at all.
        assert_eq!(max_scroll(input(10)), 0);
    }
}
