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
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollUp => Some(Action::ScrollUp),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown),
            MouseEventKind::Down(MouseButton::Left) => {
                layout::tab_at(state.lang, state.size.into(), mouse.column, mouse.row)
                    .map(Action::GoTo)
            }
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}
