//! The styles the screens draw with.
//!
//! Every distinction the eye needs (which tab is active, what is a key, what is
//! a heading) is carried by a modifier first, so it survives a monochrome
//! terminal and `NO_COLOR`. Colours only add to it, and come from the ANSI
//! palette the terminal itself tunes for its background; the foreground and
//! background of ordinary text are left to the terminal, so both dark and
//! light schemes stay readable.

use std::ffi::OsStr;

use ratatui::style::{Color, Modifier, Style};

/// The named styles of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// The program's name at the left of the tab bar.
    pub brand: Style,
    /// The tab of the screen on show.
    pub tab_active: Style,
    /// The other tabs.
    pub tab: Style,
    /// The heavy line under the active tab.
    pub tab_marker: Style,
    /// Rules and borders.
    pub border: Style,
    /// A screen's or a window's heading.
    pub heading: Style,
    /// Ordinary text.
    pub text: Style,
    /// A key name, in the footer and the help window.
    pub key: Style,
    /// Secondary text: hints, "more below".
    pub muted: Style,
    /// Code inside a line of text (`errors.Is`), laid over the text's style.
    pub code: Style,
}

impl Theme {
    /// The default theme: modifiers plus a few palette colours.
    pub fn color() -> Self {
        Theme {
            brand: Style::new().add_modifier(Modifier::BOLD).fg(Color::Magenta),
            tab_active: Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            tab: Style::new(),
            tab_marker: Style::new().add_modifier(Modifier::BOLD).fg(Color::Magenta),
            border: Style::new().add_modifier(Modifier::DIM),
            heading: Style::new().add_modifier(Modifier::BOLD).fg(Color::Blue),
            text: Style::new(),
            key: Style::new().add_modifier(Modifier::BOLD).fg(Color::Magenta),
            muted: Style::new().add_modifier(Modifier::DIM),
            code: Style::new().fg(Color::Cyan),
        }
    }

    /// For a light background: no dimmed text (faint on white), darker
    /// accents; the same modifiers as [`Theme::color`].
    pub fn light() -> Self {
        let color = Theme::color();
        Theme {
            border: Style::new().fg(Color::DarkGray),
            muted: Style::new().fg(Color::DarkGray),
            heading: Style::new().add_modifier(Modifier::BOLD).fg(Color::Blue),
            code: Style::new().fg(Color::Blue),
            ..color
        }
    }

    /// The theme for `NO_COLOR`: the same modifiers, no colour at all.
    pub fn no_color() -> Self {
        let strip = |style: Style| Style {
            fg: None,
            bg: None,
            underline_color: None,
            ..style
        };
        let color = Theme::color();
        Theme {
            brand: strip(color.brand),
            tab_active: strip(color.tab_active),
            tab: strip(color.tab),
            tab_marker: strip(color.tab_marker),
            border: strip(color.border),
            heading: strip(color.heading),
            text: strip(color.text),
            key: strip(color.key),
            muted: strip(color.muted),
            // Without colour, code needs a modifier to stand out by (as in
            // the Markdown the pack's longer texts are drawn from); not
            // reverse video, which marks the selected row.
            code: Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    /// Chooses by the value of `NO_COLOR`: set and not empty means no colour
    /// (<https://no-color.org>).
    pub fn choose(no_color: Option<&OsStr>) -> Self {
        match no_color {
            Some(value) if !value.is_empty() => Theme::no_color(),
            _ => Theme::color(),
        }
    }

    /// Reads `NO_COLOR` from the environment and applies [`Theme::choose`].
    pub fn from_env() -> Self {
        Theme::choose(std::env::var_os("NO_COLOR").as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styles(theme: Theme) -> [Style; 10] {
        [
            theme.brand,
            theme.tab_active,
            theme.tab,
            theme.tab_marker,
            theme.border,
            theme.heading,
            theme.text,
            theme.key,
            theme.muted,
            theme.code,
        ]
    }

    #[test]
    fn no_color_is_chosen_only_when_the_variable_has_a_value() {
        assert_eq!(Theme::choose(Some(OsStr::new("1"))), Theme::no_color());
        assert_eq!(Theme::choose(Some(OsStr::new(""))), Theme::color());
        assert_eq!(Theme::choose(None), Theme::color());
    }

    #[test]
    fn the_no_color_theme_sets_no_colour_anywhere() {
        for style in styles(Theme::no_color()) {
            assert_eq!(
                (style.fg, style.bg, style.underline_color),
                (None, None, None)
            );
        }
    }

    #[test]
    fn no_theme_paints_a_background_or_fixes_black_or_white_text() {
        // A fixed background or black/white text is what turns unreadable
        // when the terminal's own scheme is the opposite one.
        for style in styles(Theme::color()) {
            assert_eq!(style.bg, None);
            assert!(!matches!(
                style.fg,
                Some(Color::Black | Color::White | Color::Gray | Color::DarkGray)
            ));
        }
    }

    #[test]
    fn the_active_tab_and_keys_stand_out_without_colour() {
        let plain = Theme::no_color();
        assert!(plain.tab_active.add_modifier.contains(Modifier::REVERSED));
        assert!(plain.key.add_modifier.contains(Modifier::BOLD));
        assert!(plain.heading.add_modifier.contains(Modifier::BOLD));
        assert_ne!(plain.tab_active, plain.tab);
    }

    #[test]
    fn code_without_colour_does_not_look_like_the_selection() {
        let plain = Theme::no_color();
        assert!(!plain.code.add_modifier.contains(Modifier::REVERSED));
        assert!(plain.code.add_modifier.contains(Modifier::UNDERLINED));
    }
}
