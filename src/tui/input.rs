//! Turns terminal events into actions: keys through the keymap, the mouse by
//! where it points. No terminal access here, so it is tested with made-up
//! events.

use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

use super::action::Action;
use super::keymap::Key;
use super::layout;
use super::state::State;
use crate::core::sanitize::neutralize_owned;

/// The action `event` asks for in `state`, if any.
pub fn action_for_event(state: &State, event: &Event) -> Option<Action> {
    match event {
        // Some terminals report releases too; a key acts once, when pressed.
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            state.action_for_key(Key::from_event(key))
        }
        // Behind the "too small" note nothing is clicked or scrolled.
        Event::Mouse(_) if state.too_small() => None,
        Event::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::ScrollUp => Some(Action::ScrollUp { column, row }),
                MouseEventKind::ScrollDown => Some(Action::ScrollDown { column, row }),
                MouseEventKind::Down(MouseButton::Left) => Some(
                    layout::tab_at(state.lang, state.size.into(), column, row)
                        .map_or(Action::Click { column, row }, Action::GoTo),
                ),
                _ => None,
            }
        }
        // A paste is text for whatever is being typed; behind the note, nothing.
        // Its control characters become U+FFFD here, as they would when
        // saved, so what shows while typing is what is kept.
        Event::Paste(_) if state.too_small() => None,
        Event::Paste(text) => Some(Action::Paste(neutralize_owned(
            text.replace("\r\n", "\n").replace('\r', "\n"),
        ))),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

/// Events read together, without the pieces of a key's escape sequence that
/// the terminal reader split: when two escape sequences arrive in one read
/// (Esc, then PgUp: `ESC ESC [ 5 ~`), the reader takes the second ESC as
/// the end of the first key and hands the rest over as typed characters,
/// where `5` would rate. Characters that follow an Esc in the same read and
/// spell a CSI or SS3 sequence are dropped: nobody types `[5~` in the same
/// millisecond as Esc.
pub fn drop_split_sequences(events: Vec<Event>) -> Vec<Event> {
    use ratatui::crossterm::event::{KeyCode, KeyEvent};
    let plain = |event: &Event| match event {
        Event::Key(KeyEvent {
            code: KeyCode::Char(c),
            ..
        }) => Some(*c),
        _ => None,
    };
    let mut out = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        let event = &events[i];
        out.push(event.clone());
        i += 1;
        let is_esc = matches!(
            event,
            Event::Key(KeyEvent {
                code: KeyCode::Esc,
                ..
            })
        );
        if !is_esc {
            continue;
        }
        match events.get(i).and_then(plain) {
            // CSI: parameters and intermediates, then one final character.
            Some('[') => {
                let mut j = i + 1;
                while let Some(c) = events.get(j).and_then(plain) {
                    if ('\x20'..='\x3f').contains(&c) {
                        j += 1;
                    } else {
                        if ('\x40'..='\x7e').contains(&c) {
                            j += 1;
                        }
                        break;
                    }
                }
                i = j;
            }
            // SS3: one final character.
            Some('O') if events.get(i + 1).and_then(plain).is_some() => i += 2,
            _ => {}
        }
    }
    out
}

/// Made-up mouse events sent the way the loop sends them, for the tests of
/// each screen.
#[cfg(test)]
pub mod testing {
    use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

    use super::action_for_event;
    use crate::tui::state::{Effect, State, dispatch};

    fn send(state: &mut State, kind: MouseEventKind, column: u16, row: u16) -> Option<Vec<Effect>> {
        let event = Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        });
        action_for_event(state, &event).and_then(|action| dispatch(state, action))
    }

    /// A left click on the cell (`column`, `row`) of the window.
    pub fn click(state: &mut State, column: u16, row: u16) -> Option<Vec<Effect>> {
        send(state, MouseEventKind::Down(MouseButton::Left), column, row)
    }

    /// The wheel turned one notch towards the person (down the page).
    pub fn wheel_down(state: &mut State, column: u16, row: u16) -> Option<Vec<Effect>> {
        send(state, MouseEventKind::ScrollDown, column, row)
    }

    /// The wheel turned one notch away from the person (up the page).
    pub fn wheel_up(state: &mut State, column: u16, row: u16) -> Option<Vec<Effect>> {
        send(state, MouseEventKind::ScrollUp, column, row)
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyModifiers, MouseEvent};

    use super::*;
    use crate::core::content::built_in;
    use crate::core::profile::Profile;
    use crate::tui::data::Data;
    use crate::tui::i18n::Lang;
    use crate::tui::keymap::Keymap;
    use crate::tui::screens::ScreenId;
    use crate::tui::state::update;
    use crate::tui::theme::Theme;

    fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    }

    #[test]
    fn the_mouse_says_where_it_points() {
        let data = Data::on_day(
            built_in().unwrap().pack,
            Profile::new("default"),
            time::macros::date!(2026 - 11 - 01),
        );
        let keymap = Keymap::builtin().unwrap();
        let mut state = State::new(Lang::En, Theme::no_color(), keymap, data);
        update(
            &mut state,
            Action::Resize {
                width: 80,
                height: 24,
            },
        );
        let left = MouseEventKind::Down(MouseButton::Left);
        let cases = [
            // " Assess " is drawn at columns 20 to 27 of the first row.
            (mouse(left, 21, 0), Some(Action::GoTo(ScreenId::Assess))),
            (
                mouse(left, 28, 0),
                Some(Action::Click { column: 28, row: 0 }),
            ),
            (mouse(left, 5, 9), Some(Action::Click { column: 5, row: 9 })),
            (
                mouse(MouseEventKind::ScrollDown, 7, 8),
                Some(Action::ScrollDown { column: 7, row: 8 }),
            ),
            (
                mouse(MouseEventKind::ScrollUp, 0, 23),
                Some(Action::ScrollUp { column: 0, row: 23 }),
            ),
            (mouse(MouseEventKind::Down(MouseButton::Right), 5, 9), None),
            (mouse(MouseEventKind::Up(MouseButton::Left), 5, 9), None),
        ];
        for (event, action) in cases {
            assert_eq!(action_for_event(&state, &event), action, "{event:?}");
        }
    }

    #[test]
    fn a_split_escape_sequence_after_esc_is_not_typed() {
        use ratatui::crossterm::event::{KeyCode, KeyEvent};
        let key = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        let chars = |s: &str| s.chars().map(|c| key(KeyCode::Char(c))).collect::<Vec<_>>();
        // ESC ESC [ 5 ~ read as Esc, then `[5~`: the rest of PgUp.
        let mut events = vec![key(KeyCode::Esc)];
        events.extend(chars("[5~"));
        events.extend(chars("j"));
        let kept = drop_split_sequences(events);
        assert_eq!(kept, vec![key(KeyCode::Esc), key(KeyCode::Char('j'))]);
        // SS3 (F1 as ESC O P).
        let mut events = vec![key(KeyCode::Esc)];
        events.extend(chars("OP3"));
        assert_eq!(
            drop_split_sequences(events),
            vec![key(KeyCode::Esc), key(KeyCode::Char('3'))]
        );
        // Digits not after an Esc are left alone.
        assert_eq!(drop_split_sequences(chars("[5~")), chars("[5~"));
    }
}
