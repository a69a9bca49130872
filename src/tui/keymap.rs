//! Which key sends which [`Action`], and what each key is for.
//!
//! The bindings live in `keymap.yaml`, compiled into the program. The same
//! data answers "what does this key do" (for the loop) and "which keys are
//! there" (for the help window and the footer), so the two cannot drift.

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
    pub screens: ScreenKeys,
}

/// Where keys are being pressed: which bindings come before the global ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Screen(ScreenId),
    Help,
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

/// The keys of a binding as the help window lists them: `q / Ctrl-C`.
pub fn keys_label(keys: &[Key]) -> String {
    keys.iter()
        .map(Key::to_string)
        .collect::<Vec<_>>()
        .join(" / ")
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
    }

    #[test]
    fn the_shipped_key_file_parses() {
        let keymap = Keymap::builtin().unwrap();
        assert_eq!(keymap.global[0].keys, vec![key("q"), key("ctrl-c")]);
        assert_eq!(keymap.global[0].action, Action::Quit);
        assert_eq!(keymap.screen(ScreenId::Library).len(), 6);
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
