//! Which key sends which [`Action`], and what each key is for.
//!
//! The bindings live in `keymap.yaml`, compiled into the program. The same
//! data answers "what does this key do" (for the loop) and "which keys are
//! there" (for the help window and the footer), so the two cannot drift.

use std::collections::BTreeMap;

use ratatui::crossterm::event::KeyCode;
use serde::Deserialize;

use super::action::Action;
use super::i18n::Lang;
pub use super::key::{Key, UnknownKey};
use super::screens::ScreenId;

const BUILTIN: &str = include_str!("keymap.yaml");

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

/// The keys of one screen, by mode (`browse`, `editing`, `confirm`, …).
pub type Modes = BTreeMap<String, Vec<Binding>>;

/// The keys of each screen, mode by mode.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScreenKeys {
    pub overview: Modes,
    pub assess: Modes,
    pub drill: Modes,
    pub checklists: Modes,
    pub library: Modes,
    pub mentor: Modes,
}

/// How keys are read in a mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Input {
    /// The mode's keys act, then the global ones; other keys do nothing.
    Keys,
    /// A text is being typed: only the mode's own keys act, every other key
    /// is typed ([`Action::Type`]), `q` and `Tab` included.
    Typing,
    /// A question waits for its answer: the mode's keys and the global ones
    /// act; any other key is passed on ([`Action::Type`]) so the screen can
    /// say it was not an answer.
    Answer,
}

/// A screen's mode: its name in the key file and how keys are read in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mode {
    pub name: &'static str,
    pub input: Input,
}

impl Mode {
    /// Plain browsing, the mode every screen starts in.
    pub const BROWSE: Mode = Mode::keys("browse");

    /// A mode where the key file's keys act.
    pub const fn keys(name: &'static str) -> Mode {
        Mode {
            name,
            input: Input::Keys,
        }
    }

    /// A mode where a text is typed.
    pub const fn typing(name: &'static str) -> Mode {
        Mode {
            name,
            input: Input::Typing,
        }
    }

    /// A mode waiting for an answer.
    pub const fn answer(name: &'static str) -> Mode {
        Mode {
            name,
            input: Input::Answer,
        }
    }
}

/// Every binding of the app.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Keymap {
    /// Keys that work on every screen.
    pub global: Vec<Binding>,
    /// Keys of the help window, while it is open.
    pub help: Vec<Binding>,
    /// Keys of the search window, while it is open; other printable
    /// characters are typed into the query.
    pub search: Vec<Binding>,
    /// The only keys that act while the terminal is too small to show the
    /// app: nothing may change behind a note the person cannot see through.
    pub too_small: Vec<Binding>,
    pub screens: ScreenKeys,
}

/// Where keys are being pressed: which bindings come before the global ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// A screen, in one of its modes.
    Screen(ScreenId, Mode),
    Help,
    Search,
    /// The terminal is too small for the app.
    TooSmall,
}

impl Context {
    /// How keys are read here.
    pub fn input(self) -> Input {
        match self {
            Context::Screen(_, mode) => mode.input,
            Context::Help | Context::Search | Context::TooSmall => Input::Keys,
        }
    }
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

    /// The modes of one screen.
    pub fn modes(&self, id: ScreenId) -> &Modes {
        let screens = &self.screens;
        match id {
            ScreenId::Overview => &screens.overview,
            ScreenId::Assess => &screens.assess,
            ScreenId::Drill => &screens.drill,
            ScreenId::Checklists => &screens.checklists,
            ScreenId::Library => &screens.library,
            ScreenId::Mentor => &screens.mentor,
        }
    }

    /// The modes of one screen, to change.
    pub fn modes_mut(&mut self, id: ScreenId) -> &mut Modes {
        let screens = &mut self.screens;
        match id {
            ScreenId::Overview => &mut screens.overview,
            ScreenId::Assess => &mut screens.assess,
            ScreenId::Drill => &mut screens.drill,
            ScreenId::Checklists => &mut screens.checklists,
            ScreenId::Library => &mut screens.library,
            ScreenId::Mentor => &mut screens.mentor,
        }
    }

    /// The bindings of one screen in plain browsing.
    pub fn screen(&self, id: ScreenId) -> &[Binding] {
        self.modes(id)
            .get(Mode::BROWSE.name)
            .map_or(&[], Vec::as_slice)
    }

    /// The bindings looked at before the global ones in `context`.
    pub fn local(&self, context: Context) -> &[Binding] {
        match context {
            Context::Screen(id, mode) => self.modes(id).get(mode.name).map_or(&[], Vec::as_slice),
            Context::Help => &self.help,
            Context::Search => &self.search,
            Context::TooSmall => &self.too_small,
        }
    }

    /// The key file for a pack whose scale has `values`: the digit keys that
    /// rate are only those of the scale, so help says `0–4` on a 0..4 scale
    /// and `1–5` on a 1..5 one.
    pub fn for_scale(mut self, values: &[u32]) -> Keymap {
        let on_scale = |key: &Key| match key.code {
            KeyCode::Char(c) => c.to_digit(10).is_some_and(|d| values.contains(&d)),
            _ => true,
        };
        for id in ScreenId::EVERY {
            for bindings in self.modes_mut(id).values_mut() {
                for binding in bindings.iter_mut() {
                    if binding.action == Action::RateKey {
                        binding.keys.retain(on_scale);
                    }
                }
                bindings.retain(|binding| !binding.keys.is_empty());
            }
        }
        self
    }

    /// The action `key` sends in `context`, if any.
    ///
    /// While searching, a printable key is part of the query, so that `q`,
    /// `j` or `?` can be searched for; the search window's own keys (Esc,
    /// Enter, arrows) are not printable.
    pub fn action_for(&self, context: Context, key: Key) -> Option<Action> {
        if let (Context::Search, Some(c)) = (context, key.typed()) {
            return Some(Action::Input(c));
        }
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

    /// Every binding that acts in `context`, nearest first. While
    /// searching, keys that type are left out: they go into the query.
    /// While a question waits for its answer, quitting is not among them:
    /// `q` there is "any other key", which ends the wait.
    pub fn active(&self, context: Context) -> Vec<Binding> {
        let local = self.local(context);
        let typing = context == Context::Search;
        if matches!(context.input(), Input::Typing) || context == Context::TooSmall {
            return local.to_vec();
        }
        let answering = matches!(context.input(), Input::Answer);
        local
            .iter()
            .cloned()
            .chain(
                self.global_behind(local)
                    .filter(|binding| !(answering && binding.action == Action::Quit)),
            )
            .filter_map(|mut binding| {
                if typing {
                    binding.keys.retain(|key| key.typed().is_none());
                }
                (!binding.keys.is_empty()).then_some(binding)
            })
            .collect()
    }

    /// The footer's hints in `context`: the first key of each hinted
    /// binding, nearest first, with its description.
    pub fn hints(&self, context: Context, lang: Lang) -> Vec<(String, String)> {
        self.active(context)
            .into_iter()
            .filter(|binding| binding.hint)
            .filter_map(|binding| {
                // The digits that rate or grade are offered as their
                // range (`0–4`, `1–4`).
                let key = if matches!(binding.action, Action::RateKey | Action::GradeKey) {
                    keys_label(&binding.keys)
                } else {
                    binding.keys.first()?.to_string()
                };
                Some((key, binding.desc.get(lang).to_owned()))
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
    use super::*;

    fn key(text: &str) -> Key {
        text.parse().unwrap()
    }

    #[test]
    fn bindings_list_their_keys_as_people_write_them() {
        assert_eq!(keys_label(&[key("q"), key("ctrl-c")]), "q / Ctrl-C");
        assert_eq!(keys_label(&[key("up"), key("k")]), "↑ / k");
        let digits: Vec<Key> = "012345".chars().map(|c| key(&c.to_string())).collect();
        assert_eq!(keys_label(&digits), "0–5");
        let broken = [key("1"), key("2"), key("4"), key("5"), key("6"), key("x")];
        assert_eq!(keys_label(&broken), "1 / 2 / 4–6 / x");
    }

    #[test]
    fn the_shipped_key_file_parses() {
        let keymap = Keymap::builtin().unwrap();
        assert_eq!(keymap.global[0].keys, vec![key("q"), key("ctrl-c")]);
        assert_eq!(keymap.global[0].action, Action::Quit);
        assert_eq!(keymap.screen(ScreenId::Library).len(), 8);
    }

    #[test]
    fn the_help_window_takes_question_mark_to_close_itself() {
        let keymap = Keymap::builtin().unwrap();
        let screen = Context::Screen(ScreenId::Overview, crate::tui::keymap::Mode::BROWSE);
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
    fn while_searching_printable_keys_type_and_are_not_offered_as_hints() {
        let keymap = Keymap::builtin().unwrap();
        let search = Context::Search;
        assert_eq!(
            keymap.action_for(search, key("q")),
            Some(Action::Input('q'))
        );
        assert_eq!(
            keymap.action_for(search, key("?")),
            Some(Action::Input('?'))
        );
        // Ctrl-C, like Esc, cancels the search rather than quitting.
        assert_eq!(keymap.action_for(search, key("ctrl-c")), Some(Action::Back));
        assert_eq!(keymap.action_for(search, key("esc")), Some(Action::Back));
        let keys: Vec<String> = keymap
            .hints(search, Lang::En)
            .into_iter()
            .map(|(key, _)| key)
            .collect();
        assert_eq!(keys, ["Esc", "Enter", "Tab"]);
    }

    #[test]
    fn global_keys_taken_by_the_nearer_bindings_are_not_listed_behind_them() {
        let keymap = Keymap::builtin().unwrap();
        let behind_help: Vec<Binding> = keymap.global_behind(&keymap.help).collect();
        let help_binding = behind_help.iter().find(|b| b.action == Action::Help);
        assert_eq!(help_binding, None, "`?` closes the help window");
        // Ctrl-C closes the help window, like Esc; q still quits.
        let quit = behind_help.iter().find(|b| b.action == Action::Quit);
        assert_eq!(quit.map(|b| b.keys.clone()), Some(vec![key("q")]));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_list() {
        let keymap = Keymap::builtin().unwrap();
        let mut lists: Vec<(&str, &[Binding])> =
            vec![("global", &keymap.global), ("help", &keymap.help)];
        for id in ScreenId::EVERY {
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
                ("/".to_owned(), "search".to_owned()),
            ]
        );
        // Drill's stats page offers one key of its own, then the global ones.
        let hints = keymap.hints(
            Context::Screen(ScreenId::Drill, crate::tui::keymap::Mode::keys("stats")),
            Lang::Zh,
        );
        assert_eq!(
            hints,
            [
                ("Esc".to_owned(), "回到练习设置".to_owned()),
                ("q".to_owned(), "退出".to_owned()),
                ("?".to_owned(), "按键帮助".to_owned()),
                ("Tab".to_owned(), "下一页".to_owned()),
                ("/".to_owned(), "搜索".to_owned()),
            ]
        );
    }
}
