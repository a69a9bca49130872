//! The mode table: in every mode of the Assess screen, every key the key
//! file gives that mode (and the global keys behind it) sends the action
//! help lists for it, and `update` acts on it. Generated from `keymap.yaml`.

use super::*;
use crate::tui::help::{self, Row};
use crate::tui::keymap::{Input, Mode, keys_label};
use crate::tui::state::dispatch;

/// Assess in each of its modes, on the ops pack (scale 1–5).
fn in_every_mode() -> Vec<(State, &'static str)> {
    let browsing = ops();
    let mut editing = ops();
    press(&mut editing, "3");
    press(&mut editing, "e");
    let mut awaiting = ops();
    press(&mut awaiting, "e");
    let mut confirming = ops();
    press(&mut confirming, "3");
    press(&mut confirming, "e");
    type_text(&mut confirming, "PR #1");
    press(&mut confirming, "esc");
    press(&mut confirming, "backspace");
    vec![
        (browsing, "browse"),
        (editing, "editing"),
        (awaiting, "awaiting_score"),
        (confirming, "confirm"),
    ]
}

#[test]
fn every_key_of_every_mode_does_what_help_says() {
    for (state, name) in in_every_mode() {
        let mode = state.screens.assess.mode();
        assert_eq!(mode.name, name);
        let context = state.context();
        assert_eq!(context, Context::Screen(ScreenId::Assess, mode));
        let bindings = state.keymap.active(context);
        assert!(!bindings.is_empty(), "{name}");
        // Help lists exactly these keys with these descriptions.
        let listed: Vec<(String, String)> =
            help::rows(&state.keymap, ScreenId::Assess, mode, Lang::En)
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
                    (Action::RateKey, KeyCode::Char(c)) => Action::Rate(c.to_digit(10).unwrap()),
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
        // While typing, nothing global acts: q is a letter.
        if mode.input == Input::Typing {
            let q = Key::plain(KeyCode::Char('q'));
            assert_eq!(state.action_for_key(q), Some(Action::Type(q)), "{name}");
        }
    }
}

#[test]
fn the_footer_offers_only_what_acts_in_the_mode() {
    for (state, name) in in_every_mode() {
        let active = state.keymap.active(state.context());
        for (key, desc) in state.keymap.hints(state.context(), Lang::En) {
            assert!(
                active.iter().any(|b| b.desc.en == desc
                    && (b.keys.first().map(ToString::to_string) == Some(key.clone())
                        || keys_label(&b.keys) == key)),
                "{name}: footer offers {key} {desc}"
            );
        }
    }
}

#[test]
fn ctrl_c_cancels_what_is_asked_and_quits_only_from_browsing() {
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
            assert_eq!(state.screens.assess.mode(), Mode::BROWSE, "{name}");
        }
    }
}
