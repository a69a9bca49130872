//! One key with its modifiers: read from the key file's names (`ctrl-c`,
//! `shift-tab`), matched against terminal events, shown as people write
//! them (`Ctrl-C`, `Shift-Tab`).

use std::fmt;
use std::str::FromStr;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use crate::core::sanitize::is_dangerous;

/// One key with its modifiers, as written in the key file (`ctrl-c`,
/// `shift-tab`, `?`, `pagedown`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "String")]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    /// The character this key types into a text being entered, if any:
    /// a printable character without Ctrl or Alt, and not a bidi control.
    pub fn typed(&self) -> Option<char> {
        let held = self.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        match self.code {
            // A pasted bidi control would reorder the evidence as shown.
            KeyCode::Char(c) if held.is_empty() && !c.is_control() && !is_dangerous(c) => Some(c),
            _ => None,
        }
    }

    /// A key without modifiers.
    pub const fn plain(code: KeyCode) -> Self {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    /// The key a terminal event stands for, in the form the key file uses.
    ///
    /// Terminals disagree on Shift: `?` may arrive with or without it, and
    /// Shift-Tab as `BackTab` with or without it, or as Shift + `Tab`. The
    /// character already says whether Shift was held, so it is dropped there.
    pub fn from_event(event: &KeyEvent) -> Self {
        let modifiers =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        Key::normalized(event.code, modifiers)
    }

    fn normalized(code: KeyCode, modifiers: KeyModifiers) -> Self {
        match code {
            KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => Key {
                code: KeyCode::BackTab,
                modifiers: modifiers - KeyModifiers::SHIFT,
            },
            KeyCode::Char(_) | KeyCode::BackTab => Key {
                code,
                modifiers: modifiers - KeyModifiers::SHIFT,
            },
            _ => Key { code, modifiers },
        }
    }
}

impl fmt::Display for Key {
    /// The key as the help window and the footer show it: `Ctrl-C`, `↑`, `PgDn`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        let control = self.modifiers.contains(KeyModifiers::CONTROL);
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if control => write!(f, "{}", c.to_ascii_uppercase()),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Insert => f.write_str("Ins"),
            KeyCode::F(n) => write!(f, "F{n}"),
            _ => f.write_str("?"),
        }
    }
}

/// The function keys a key file may name. Most terminals send only F1–F12;
/// crossterm reports the higher ones where they are sent: up to F24 on
/// Windows, and the shifted F-keys some Unix terminals (the Linux console,
/// rxvt) send as F13 and up.
const FUNCTION_KEYS: std::ops::RangeInclusive<u8> = 1..=24;

/// A key name the key file cannot read, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnknownKey {
    /// Not a character, a key name, or a modifier before one.
    #[error(
        "unknown key `{0}`: write a single character, or a name such as tab, shift-tab, esc, \
         enter, up, pagedown, f1, optionally after ctrl- or alt-"
    )]
    Name(String),
    /// A modifier with nothing after it (`ctrl-`): the key is missing.
    #[error("`{0}` needs a key after the dash, e.g. {0}{1}")]
    NoKey(String, &'static str),
    /// A function key past the range there is (`f0`, `f25`).
    #[error(
        "unknown key `{0}`: function keys go from f1 to f24, and most terminals send only f1 to f12"
    )]
    Function(String),
    /// Shift before a character that is not a letter (`shift-1`): what it
    /// types depends on the keyboard.
    #[error(
        "`{0}`: write the character shift types instead (e.g. `!`), since it depends on the keyboard"
    )]
    ShiftedCharacter(String),
}

impl FromStr for Key {
    type Err = UnknownKey;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let unknown = || UnknownKey::Name(text.to_owned());
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        // A lone character is always itself, even `-`.
        while rest.chars().count() > 1 {
            let Some((prefix, after)) = rest.split_once('-') else {
                break;
            };
            modifiers |= match prefix.to_ascii_lowercase().as_str() {
                "ctrl" => KeyModifiers::CONTROL,
                "alt" => KeyModifiers::ALT,
                "shift" => KeyModifiers::SHIFT,
                _ => return Err(unknown()),
            };
            rest = after;
        }
        if rest.is_empty() && !modifiers.is_empty() {
            // Shift goes with a named key: a shifted character is written as
            // the character it types.
            let example = if modifiers == KeyModifiers::SHIFT {
                "tab"
            } else {
                "e"
            };
            return Err(UnknownKey::NoKey(text.to_owned(), example));
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            // Shift with a letter is the capital it types (`shift-a` is
            // `A`); with any other character it is ambiguous.
            (Some(c), None) if modifiers.contains(KeyModifiers::SHIFT) => {
                let mut upper = c.to_uppercase();
                match (upper.next(), upper.next()) {
                    (Some(u), None) if c.is_alphabetic() => {
                        modifiers -= KeyModifiers::SHIFT;
                        KeyCode::Char(u)
                    }
                    _ => return Err(UnknownKey::ShiftedCharacter(text.to_owned())),
                }
            }
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "space" => KeyCode::Char(' '),
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "enter" => KeyCode::Enter,
                "esc" => KeyCode::Esc,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" | "ins" => KeyCode::Insert,
                name => match name.strip_prefix('f') {
                    Some(n) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
                        match n.parse::<u8>().ok().filter(|n| FUNCTION_KEYS.contains(n)) {
                            Some(n) => KeyCode::F(n),
                            None => return Err(UnknownKey::Function(text.to_owned())),
                        }
                    }
                    _ => return Err(unknown()),
                },
            },
        };
        Ok(Key::normalized(code, modifiers))
    }
}

impl TryFrom<String> for Key {
    type Error = UnknownKey;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyEventKind, KeyEventState};

    use super::*;

    fn key(text: &str) -> Key {
        text.parse().unwrap()
    }

    fn event(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }
    }

    #[test]
    fn key_names_read_as_the_keys_they_name() {
        assert_eq!(
            key("ctrl-c"),
            Key {
                code: KeyCode::Char('c'),
                modifiers: KeyModifiers::CONTROL
            }
        );
        assert_eq!(key("shift-tab"), Key::plain(KeyCode::BackTab));
        assert_eq!(key("?"), Key::plain(KeyCode::Char('?')));
        assert_eq!(key("-"), Key::plain(KeyCode::Char('-')));
        assert_eq!(key("PageDown"), Key::plain(KeyCode::PageDown));
        assert_eq!(key("f12"), Key::plain(KeyCode::F(12)));
        assert_eq!(key("space"), Key::plain(KeyCode::Char(' ')));
        // Shift with a letter is its capital; with anything else it is
        // for the keyboard to say, so it is refused.
        assert_eq!(key("shift-a"), Key::plain(KeyCode::Char('A')));
        assert_eq!(
            key("ctrl-shift-x"),
            Key {
                code: KeyCode::Char('X'),
                modifiers: KeyModifiers::CONTROL
            }
        );
        assert_eq!(
            "shift-1".parse::<Key>(),
            Err(UnknownKey::ShiftedCharacter("shift-1".to_owned()))
        );
        for bad in ["", "hyper-x", "fx", "f1a", "-x", "pagesideways"] {
            assert_eq!(
                bad.parse::<Key>(),
                Err(UnknownKey::Name(bad.to_owned())),
                "{bad}"
            );
        }
    }

    #[test]
    fn function_keys_go_from_f1_to_f24() {
        // F13 and up arrive where they are sent (Windows; the shifted F-keys
        // of some Unix terminals), so they can be bound.
        assert_eq!(key("f1"), Key::plain(KeyCode::F(1)));
        assert_eq!(key("F13"), Key::plain(KeyCode::F(13)));
        assert_eq!(key("f24"), Key::plain(KeyCode::F(24)));
        assert_eq!(
            key("shift-f1"),
            Key {
                code: KeyCode::F(1),
                modifiers: KeyModifiers::SHIFT
            }
        );
        for bad in ["f0", "f25", "F99", "f99999999999"] {
            let err = bad.parse::<Key>().unwrap_err();
            assert_eq!(err, UnknownKey::Function(bad.to_owned()), "{bad}");
        }
        assert_eq!(
            "f25".parse::<Key>().unwrap_err().to_string(),
            "unknown key `f25`: function keys go from f1 to f24, \
             and most terminals send only f1 to f12"
        );
    }

    #[test]
    fn a_modifier_without_a_key_says_the_key_is_missing() {
        let said = |text: &str| text.parse::<Key>().unwrap_err().to_string();
        assert_eq!(
            said("ctrl-"),
            "`ctrl-` needs a key after the dash, e.g. ctrl-e"
        );
        assert_eq!(
            said("alt-"),
            "`alt-` needs a key after the dash, e.g. alt-e"
        );
        assert_eq!(
            said("Ctrl-Alt-"),
            "`Ctrl-Alt-` needs a key after the dash, e.g. Ctrl-Alt-e"
        );
        assert_eq!(
            said("shift-"),
            "`shift-` needs a key after the dash, e.g. shift-tab"
        );
        // `ctrl--` is Ctrl with the `-` key.
        assert_eq!(
            key("ctrl--"),
            Key {
                code: KeyCode::Char('-'),
                modifiers: KeyModifiers::CONTROL
            }
        );
    }

    #[test]
    fn keys_show_as_people_write_them() {
        let labels: Vec<String> = [
            "ctrl-c",
            "shift-tab",
            "up",
            "pagedown",
            "space",
            "?",
            "alt-x",
        ]
        .into_iter()
        .map(|name| key(name).to_string())
        .collect();
        assert_eq!(
            labels,
            ["Ctrl-C", "Shift-Tab", "↑", "PgDn", "Space", "?", "Alt-x"]
        );
    }

    #[test]
    fn events_match_keys_however_the_terminal_reports_shift() {
        let shifted_question = event(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&shifted_question), key("?"));
        let shift_tab = event(KeyCode::Tab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&shift_tab), key("shift-tab"));
        let back_tab = event(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&back_tab), key("shift-tab"));
        let ctrl_c = event(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(Key::from_event(&ctrl_c), key("ctrl-c"));
        let plain_c = event(KeyCode::Char('c'), KeyModifiers::NONE);
        assert_ne!(Key::from_event(&plain_c), key("ctrl-c"));
    }
}
