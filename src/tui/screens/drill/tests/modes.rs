//! The mode table of Drill: in every mode, every key the key file gives it
//! (and the global keys behind it) sends the action help lists for it, and
//! `update` acts on it; Ctrl-C quits only from the set-up page.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::*;
use crate::tui::help::{self, Row};
use crate::tui::keymap::{Context, Input, keys_label};
use crate::tui::state::dispatch;

/// Drill in each of its modes, on the fixture pack.
fn in_every_mode() -> Vec<(State, &'static str)> {
    let (browsing, _clock) = fresh();
    let mut date = browsing.clone();
    press(&mut date, "d");
    let mut answering = browsing.clone();
    press(&mut answering, "enter");
    let mut notes = answering.clone();
    press(&mut notes, "n");
    let mut paused = answering.clone();
    press(&mut paused, "p");
    let mut revealed = answering.clone();
    press(&mut revealed, "space");
    let mut summary = revealed.clone();
    press(&mut summary, "3");
    press(&mut summary, "esc");
    let mut stats = browsing.clone();
    press(&mut stats, "s");
    vec![
        (browsing, "browse"),
        (date, "defense_date"),
        (answering, "answering"),
        (notes, "notes"),
        (paused, "paused"),
        (revealed, "revealed"),
        (summary, "summary"),
        (stats, "stats"),
    ]
}

#[test]
fn every_key_of_every_mode_does_what_help_says() {
    for (state, name) in in_every_mode() {
        let mode = state.screens.drill.mode();
        assert_eq!(mode.name, name);
        let context = state.context();
        assert_eq!(context, Context::Screen(ScreenId::Drill, mode));
        let bindings = state.keymap.active(context);
        assert!(!bindings.is_empty(), "{name}");
        let listed: Vec<(String, String)> =
            help::rows(&state.keymap, ScreenId::Drill, mode, Lang::En)
                .into_iter()
                .filter_map(|row| match row {
                    Row::Key { keys, desc } => Some((keys, desc)),
                    _ => None,
                })
                .collect();
        for binding in &bindings {
            let row = (keys_label(&binding.keys), binding.desc.en.clone());
            assert!(listed.contains(&row), "{name}: help lacks {row:?}");
            for key in &binding.keys {
                let mut state = state.clone();
                let action = match (binding.action.clone(), key.code) {
                    (Action::GradeKey, KeyCode::Char(c)) => Action::Grade(c.to_digit(10).unwrap()),
                    (action, _) => action,
                };
                assert_eq!(
                    state.action_for_key(*key),
                    Some(action.clone()),
                    "{name}: {key}"
                );
                assert!(
                    dispatch(&mut state, action.clone()).is_some(),
                    "{name}: {key} ({action:?}) falls through update"
                );
            }
        }
        // While typing, nothing global acts: q and the digits are text.
        if mode.input == Input::Typing {
            for c in ['q', '3', ' '] {
                let key = Key::plain(KeyCode::Char(c));
                assert_eq!(state.action_for_key(key), Some(Action::Type(key)), "{name}");
            }
        }
    }
}

#[test]
fn the_footer_offers_only_what_acts_in_the_mode() {
    for (state, name) in in_every_mode() {
        let active = state.keymap.active(state.context());
        for (key, desc) in state.keymap.hints(state.context(), Lang::En) {
            // A binding is offered by its first key, or all of its
            // digits as a range (`1–4`).
            assert!(
                active.iter().any(|b| b.desc.en == desc
                    && (b.keys.first().map(ToString::to_string) == Some(key.clone())
                        || crate::tui::keymap::keys_label(&b.keys) == key)),
                "{name}: footer offers {key} {desc}"
            );
        }
    }
}

#[test]
fn ctrl_c_cancels_or_ends_and_quits_only_from_the_set_up() {
    let ctrl_c = Key {
        code: KeyCode::Char('c'),
        modifiers: KeyModifiers::CONTROL,
    };
    for (mut state, name) in in_every_mode() {
        let effects = state
            .action_for_key(ctrl_c)
            .map(|action| update(&mut state, action))
            .unwrap_or_default();
        if name == "browse" {
            assert_eq!(effects, [Effect::Quit]);
        } else {
            assert!(!effects.contains(&Effect::Quit), "{name}");
        }
    }
}
