//! Evidence: the editor inside the app, the person's own editor, and what
//! happens when the profile cannot be saved.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::tui::external_editor::EditorFailure;
use crate::tui::view;

#[test]
fn evidence_needs_a_rating_first() {
    let mut state = ops();
    assert_eq!(press(&mut state, "e"), []);
    assert!(!state.screens.assess.editing());
    let rate_first = super::super::Note::Word(super::super::Word::RateFirst);
    assert_eq!(state.screens.assess.note, Some(rate_first.clone()));
    assert_eq!(press(&mut state, "E"), []);
    assert_eq!(state.screens.assess.note, Some(rate_first));
}

#[test]
fn the_editor_takes_every_key_and_esc_saves_the_evidence() {
    let mut state = ops();
    press(&mut state, "3");
    press(&mut state, "e");
    assert_eq!(state.context(), Context::Editor);
    // q, Tab and ? are text here; Chinese arrives as characters.
    type_text(&mut state, "q? 值班手册");
    press(&mut state, "enter");
    type_text(&mut state, "PR #12");
    assert_eq!(press(&mut state, "esc"), [Effect::SaveProfile]);
    assert_eq!(state.context(), Context::Screen(ScreenId::Assess));
    let rating = &state.data.profile.ratings["craft.l1.a"];
    assert_eq!(rating.evidence.as_deref(), Some("q? 值班手册\nPR #12"));
}

#[test]
fn ctrl_c_in_the_editor_discards_and_does_not_quit() {
    let mut state = ops();
    press(&mut state, "3");
    press(&mut state, "e");
    type_text(&mut state, "draft");
    let ctrl_c = Key {
        code: KeyCode::Char('c'),
        modifiers: KeyModifiers::CONTROL,
    };
    assert_eq!(state.action_for_key(ctrl_c), Some(Action::Cancel));
    assert_eq!(update(&mut state, Action::Cancel), []);
    assert_eq!(state.data.profile.ratings["craft.l1.a"].evidence, None);
    // The status line says so, without the mark of the earlier save.
    state.data.save = SaveStatus::Saved;
    let screen = super::render::text(&state);
    assert!(
        screen.contains("Edit discarded: the evidence is as it was."),
        "{screen}"
    );
    assert!(!screen.contains("✓ saved"), "{screen}");
    // The next key clears the note, and the mark is back.
    press(&mut state, "j");
    assert!(super::render::text(&state).contains("✓ saved"));
    // Back on the screen, Ctrl-C quits again.
    assert_eq!(state.action_for_key(ctrl_c), Some(Action::Quit));
}

#[test]
fn editing_existing_evidence_starts_from_it() {
    let mut state = ops();
    press(&mut state, "3");
    press(&mut state, "e");
    type_text(&mut state, "one");
    press(&mut state, "esc");
    press(&mut state, "e");
    type_text(&mut state, " two");
    press(&mut state, "esc");
    let rating = &state.data.profile.ratings["craft.l1.a"];
    assert_eq!(rating.evidence.as_deref(), Some("one two"));
    // Esc without a change saves nothing.
    press(&mut state, "e");
    assert_eq!(press(&mut state, "esc"), []);
}

#[test]
fn the_external_editor_gets_the_evidence_and_its_text_is_applied() {
    let mut state = ops();
    press(&mut state, "3");
    let effects = press(&mut state, "E");
    assert_eq!(
        effects,
        [Effect::EditExternally {
            id: "craft.l1.a".into(),
            text: String::new()
        }]
    );
    let screen = &mut state.screens.assess;
    let effects =
        screen.edited_externally("craft.l1.a", Ok("runbook v2\n\n".into()), &mut state.data);
    assert_eq!(effects, [Effect::SaveProfile]);
    let rating = &state.data.profile.ratings["craft.l1.a"];
    assert_eq!(rating.evidence.as_deref(), Some("runbook v2"));
    let failed =
        screen.edited_externally("craft.l1.a", Err(EditorFailure::NoEditor), &mut state.data);
    assert_eq!(failed, []);
    assert_eq!(
        state.screens.assess.note,
        Some(super::super::Note::EditorFailed(EditorFailure::NoEditor))
    );
}

#[test]
fn why_the_external_editor_failed_is_said_in_the_interface_language() {
    let data = ops_data(Profile::new("default"));
    let mut state = State::new(
        Lang::Zh,
        Theme::no_color(),
        Keymap::builtin().unwrap(),
        data,
    );
    update(
        &mut state,
        Action::Resize {
            width: 100,
            height: 30,
        },
    );
    update(&mut state, Action::GoTo(ScreenId::Assess));
    press(&mut state, "3");
    let failure = EditorFailure::Exit {
        command: "vim".into(),
        code: Some(1),
    };
    let screen = &mut state.screens.assess;
    screen.edited_externally("craft.l1.a", Err(failure), &mut state.data);
    let backend = TestBackend::new(100, 30);
    let mut terminal = Terminal::new(backend).unwrap();
    terminal.draw(|frame| view::render(&state, frame)).unwrap();
    let shown = terminal.backend().to_string();
    let note = "外部编辑器没有返回内容：编辑器 `vim` 出错结束（退出码 1）；证据没有改动";
    assert!(shown.contains(note), "{shown}");
}

#[test]
fn a_failed_save_keeps_the_change_in_memory() {
    let mut state = ops();
    press(&mut state, "4");
    // A data dir that is a file: the profiles directory cannot be made.
    let file = tempfile::NamedTempFile::new().unwrap();
    let store = crate::core::profile::ProfileStore::new(file.path());
    crate::tui::app::save(&mut state, Some(&store));
    assert!(matches!(state.data.save, SaveStatus::Failed(_)));
    assert_eq!(score(&state, "craft.l1.a"), Some(4));
    assert_eq!(readiness(&state, "L1"), 0.2);
}

#[test]
fn evidence_typed_on_separate_lines_shows_on_separate_lines() {
    let mut state = ops();
    press(&mut state, "3");
    press(&mut state, "e");
    type_text(&mut state, "Ran the rollback alone.");
    press(&mut state, "enter");
    type_text(&mut state, "PR #12 fixed the runbook.");
    press(&mut state, "esc");
    // Markdown alone would join them into one paragraph:
    // "Ran the rollback alone. PR #12 fixed the runbook."
    let screen = super::render::text(&state);
    let rows: Vec<&str> = screen.lines().map(str::trim_end).collect();
    let at = rows
        .iter()
        .position(|row| row.ends_with("Ran the rollback alone."))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(
        rows[at + 1].ends_with("PR #12 fixed the runbook."),
        "{screen}"
    );
}
