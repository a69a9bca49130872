//! Which key sends which [`Action`], and what each key is for.
//!
//! The bindings live in `keymap.yaml`, compiled into the program. The same
//! data answers "what does this key do" (for the loop) and "which keys are
//! there" (for the help window and the footer), so the two cannot drift.

use std::fmt;
use std::str::FromStr;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::action::Action;
use super::i18n::Lang;
use super::screens::ScreenId;

const BUILTIN: &str = include_str!("keymap.yaml");

/// One key with its modifiers, as written in the key file (`ctrl-c`,
/// `shift-tab`, `?`, `pagedown`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "String")]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
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

/// A key name the key file cannot read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown key `{0}`: write a single character, or a name such as tab, shift-tab, esc, enter, \
     up, pagedown, f1, optionally after ctrl- or alt-"
)]
pub struct UnknownKey(pub String);

impl FromStr for Key {
    type Err = UnknownKey;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let unknown = || UnknownKey(text.to_owned());
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
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
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
                name => match name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    Some(n @ 1..=24) => KeyCode::F(n),
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

/// What a binding does, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Desc {
    pub zh: String,
    pub en: String,
}

impl Desc {
    /// The description in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// Keys that send one action, with what they do.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub action: Action,
    pub desc: Desc,
    /// Offered in the footer.
    #[serde(default)]
    pub hint: bool,
}

/// The keys of each screen.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScreenKeys {
    pub overview: Vec<Binding>,
    pub assess: Vec<Binding>,
    pub drill: Vec<Binding>,
    pub checklists: Vec<Binding>,
    pub library: Vec<Binding>,
}

/// Every binding of the app.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Keymap {
    /// Keys that work on every screen.
    pub global: Vec<Binding>,
    /// Keys of the help window, while it is open.
    pub help: Vec<Binding>,
    /// Keys of a text editor open on a screen: only these act, every other
    /// key is typed into the text.
    #[serde(default)]
    pub editor: Vec<Binding>,
    pub screens: ScreenKeys,
}

/// Where keys are being pressed: which bindings come before the global ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Screen(ScreenId),
    Help,
    /// A text editor is open: the global keys are letters to type.
    Editor,
}

/// The key file did not parse.
#[derive(Debug, thiserror::Error)]
#[error("the key file src/tui/keymap.yaml: {0}")]
pub struct KeymapError(String);

impl Keymap {
    /// The key file shipped with the program.
    pub fn builtin() -> Result<Self, KeymapError> {
        Keymap::parse(BUILTIN)
    }

    /// Reads a key file.
    pub fn parse(yaml: &str) -> Result<Self, KeymapError> {
        serde_saphyr::from_str(yaml).map_err(|err| KeymapError(err.to_string()))
    }

    /// The bindings of one screen.
    pub fn screen(&self, id: ScreenId) -> &[Binding] {
        let screens = &self.screens;
        match id {
            ScreenId::Overview => &screens.overview,
            ScreenId::Assess => &screens.assess,
            ScreenId::Drill => &screens.drill,
            ScreenId::Checklists => &screens.checklists,
            ScreenId::Library => &screens.library,
        }
    }

    /// The bindings looked at before the global ones in `context`.
    pub fn local(&self, context: Context) -> &[Binding] {
        match context {
            Context::Screen(id) => self.screen(id),
            Context::Help => &self.help,
            Context::Editor => &self.editor,
        }
    }

    /// The action `key` sends in `context`, if any.
    pub fn action_for(&self, context: Context, key: Key) -> Option<Action> {
        self.active(context)
            .into_iter()
            .find(|binding| binding.keys.contains(&key))
            .map(|binding| binding.action)
    }

    /// The global bindings as they act behind `local`: keys that `local`
    /// takes for itself are dropped, and so is a binding left with none.
    pub fn global_behind<'a>(&'a self, local: &'a [Binding]) -> impl Iterator<Item = Binding> + 'a {
        self.global.iter().filter_map(move |binding| {
            let keys: Vec<Key> = binding
                .keys
                .iter()
                .copied()
                .filter(|key| !local.iter().any(|near| near.keys.contains(key)))
                .collect();
            (!keys.is_empty()).then(|| Binding {
                keys,
                ..binding.clone()
            })
        })
    }

    /// Every binding that acts in `context`, nearest first.
    pub fn active(&self, context: Context) -> Vec<Binding> {
        let local = self.local(context);
        if context == Context::Editor {
            return local.to_vec();
        }
        local
            .iter()
            .cloned()
            .chain(self.global_behind(local))
            .collect()
    }

    /// The footer's hints in `context`: the first key of each hinted
    /// binding, nearest first, with its description.
    pub fn hints(&self, context: Context, lang: Lang) -> Vec<(String, String)> {
        self.active(context)
            .into_iter()
            .filter(|binding| binding.hint)
            .filter_map(|binding| {
                let key = binding.keys.first()?;
                Some((key.to_string(), binding.desc.get(lang).to_owned()))
            })
            .collect()
    }
}

/// The keys of a binding as the help window lists them: `q / Ctrl-C`, and
/// a run of three or more consecutive characters as `0–9`.
pub fn keys_label(keys: &[Key]) -> String {
    let plain_char = |key: &Key| match key.code {
        KeyCode::Char(c) if key.modifiers.is_empty() => Some(c),
        _ => None,
    };
    let mut parts = Vec::new();
    let mut i = 0;
    while i < keys.len() {
        let mut end = i + 1;
        while let (Some(prev), Some(next)) = (
            keys.get(end - 1).and_then(plain_char),
            keys.get(end).and_then(plain_char),
        ) {
            if u32::from(prev) + 1 != u32::from(next) {
                break;
            }
            end += 1;
        }
        if end - i >= 3 {
            parts.push(format!("{}–{}", keys[i], keys[end - 1]));
            i = end;
        } else {
            parts.push(keys[i].to_string());
            i += 1;
        }
    }
    parts.join(" / ")
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
    fn the_shipped_key_file_parses() {
        let keymap = Keymap::builtin().unwrap();
        assert_eq!(keymap.global[0].keys, vec![key("q"), key("ctrl-c")]);
        assert_eq!(keymap.global[0].action, Action::Quit);
        assert_eq!(keymap.screen(ScreenId::Library).len(), 6);
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
        for bad in ["", "ctrl-", "hyper-x", "f0", "f25", "pagesideways"] {
            assert_eq!(bad.parse::<Key>(), Err(UnknownKey(bad.to_owned())), "{bad}");
        }
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
        assert_eq!(keys_label(&[key("q"), key("ctrl-c")]), "q / Ctrl-C");
        let digits: Vec<Key> = "012345".chars().map(|c| key(&c.to_string())).collect();
        assert_eq!(keys_label(&digits), "0–5");
        let broken = [key("1"), key("2"), key("4"), key("5"), key("6"), key("x")];
        assert_eq!(keys_label(&broken), "1 / 2 / 4–6 / x");
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

    #[test]
    fn the_help_window_takes_question_mark_to_close_itself() {
        let keymap = Keymap::builtin().unwrap();
        let screen = Context::Screen(ScreenId::Overview);
        assert_eq!(keymap.action_for(screen, key("?")), Some(Action::Help));
        assert_eq!(
            keymap.action_for(Context::Help, key("?")),
            Some(Action::Back)
        );
        assert_eq!(
            keymap.action_for(Context::Help, key("esc")),
            Some(Action::Back)
        );
        // Global keys still act behind the help window.
        assert_eq!(
            keymap.action_for(Context::Help, key("q")),
            Some(Action::Quit)
        );
        assert_eq!(
            keymap.action_for(Context::Help, key("tab")),
            Some(Action::NextScreen)
        );
        assert_eq!(keymap.action_for(screen, key("x")), None);
    }

    #[test]
    fn global_keys_taken_by_the_nearer_bindings_are_not_listed_behind_them() {
        let keymap = Keymap::builtin().unwrap();
        let behind_help: Vec<Binding> = keymap.global_behind(&keymap.help).collect();
        let help_binding = behind_help.iter().find(|b| b.action == Action::Help);
        assert_eq!(help_binding, None, "`?` closes the help window");
        let quit = behind_help.iter().find(|b| b.action == Action::Quit);
        assert_eq!(
            quit.map(|b| b.keys.clone()),
            Some(vec![key("q"), key("ctrl-c")])
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_list() {
        let keymap = Keymap::builtin().unwrap();
        let mut lists: Vec<(&str, &[Binding])> =
            vec![("global", &keymap.global), ("help", &keymap.help)];
        for id in ScreenId::ALL {
            lists.push((id.tag(), keymap.screen(id)));
        }
        for (name, list) in lists {
            let mut seen = Vec::new();
            for binding in list.iter() {
                for key in &binding.keys {
                    assert!(!seen.contains(key), "{name}: {key} is bound twice");
                    seen.push(*key);
                }
            }
        }
    }

    #[test]
    fn hints_come_nearest_first_with_their_first_key() {
        let keymap = Keymap::builtin().unwrap();
        let hints = keymap.hints(Context::Help, Lang::En);
        assert_eq!(
            hints,
            [
                ("Esc".to_owned(), "close this window".to_owned()),
                ("q".to_owned(), "quit".to_owned()),
                ("Tab".to_owned(), "next screen".to_owned()),
            ]
        );
        let hints = keymap.hints(Context::Screen(ScreenId::Drill), Lang::Zh);
        assert_eq!(
            hints,
            [
                ("q".to_owned(), "退出".to_owned()),
                ("?".to_owned(), "按键帮助".to_owned()),
                ("Tab".to_owned(), "下一页".to_owned()),
            ]
        );
    }
}
