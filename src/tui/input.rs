//! Turns terminal events into actions: keys through the keymap, the mouse by
//! where it points. No terminal access here, so it is tested with made-up
//! events.

use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

use super::action::Action;
use super::keymap::Key;
use super::layout;
use super::state::State;

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
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
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
}
