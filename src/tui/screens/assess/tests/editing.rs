//! Evidence: the editor inside the app, the person's own editor, and what
//! happens when the profile cannot be saved.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::tui::external_editor::EditorFailure;
use crate::tui::view;

#[test]
fn e_on_an_unrated_indicator_waits_for_a_score_then_opens_the_editor() {
    let mut state = ops();
    assert_eq!(press(&mut state, "e"), []);
    assert!(!(state.screens.assess.mode().input == crate::tui::keymap::Input::Typing));
    // The fixture's scale runs 1..5.
    let screen = super::render::text(&state);
    assert!(
        screen.contains("Rate it first: press a score (1–5) and the editor opens."),
        "{screen}"
    );
    assert_eq!(
        press(&mut state, "3"),
        [Effect::Save(crate::core::workspace::Save::Profile)]
    );
    assert_eq!(score(&state, "craft.l1.a"), Some(3));
    assert_eq!(
        state.context(),
        Context::Screen(
            ScreenId::Assess,
            crate::tui::keymap::Mode::typing("editing")
        )
    );
    type_text(&mut state, "PR #7");
    assert_eq!(
        press(&mut state, "esc"),
        [Effect::Save(crate::core::workspace::Save::Profile)]
    );
    let rating = &state.data.profile.ratings["craft.l1.a"];
    assert_eq!(rating.evidence.as_deref(), Some("PR #7"));
}

#[test]
fn any_other_key_ends_the_wait_for_a_score_and_does_nothing_else() {
    let mut state = ops();
    let target = state.data.assessment.target_level.clone();
    press(&mut state, "e");
    // `t` would change the target and `j` move down: here they only end the wait.
    assert_eq!(press(&mut state, "t"), []);
    assert_eq!(state.data.assessment.target_level, target);
    assert_eq!(state.screens.assess.note, None);
    assert_eq!(
        press(&mut state, "3"),
        [Effect::Save(crate::core::workspace::Save::Profile)],
        "rates, no editor"
    );
    assert!(!(state.screens.assess.mode().input == crate::tui::keymap::Input::Typing));
    let mut state = ops();
    press(&mut state, "e");
    assert_eq!(press(&mut state, "j"), []);
    assert_eq!(selected(&state), "craft.l1.a");
    // A digit off the 1..5 scale is not a score either.
    press(&mut state, "e");
    assert_eq!(press(&mut state, "0"), []);
    assert_eq!(state.screens.assess.note, None);
    assert_eq!(score(&state, "craft.l1.a"), None);
    assert!(!(state.screens.assess.mode().input == crate::tui::keymap::Input::Typing));
    // q is "any other key" too: it ends the wait and does not quit.
    press(&mut state, "e");
    assert_eq!(press(&mut state, "q"), []);
    assert_eq!(state.screens.assess.mode().name, "browse");
    assert_eq!(press(&mut state, "q"), [Effect::Quit]);
}

#[test]
fn capital_e_on_an_unrated_indicator_rates_then_opens_the_own_editor() {
    let mut state = ops();
    assert_eq!(press(&mut state, "E"), []);
    assert_eq!(
        press(&mut state, "5"),
        [
            Effect::Save(crate::core::workspace::Save::Profile),
            Effect::EditExternally {
                target: crate::tui::action::EditTarget::Evidence("craft.l1.a".to_owned()),
                text: String::new(),
            },
        ]
    );
    assert_eq!(score(&state, "craft.l1.a"), Some(5));
}

#[test]
fn in_the_guided_pass_the_editor_opens_on_the_rated_one_and_then_moves_on() {
    let mut state = ops();
    press(&mut state, "g");
    press(&mut state, "e");
    press(&mut state, "4");
    assert!((state.screens.assess.mode().input == crate::tui::keymap::Input::Typing));
    assert_eq!(selected(&state), "craft.l1.a", "still on it while writing");
    type_text(&mut state, "runbook");
    press(&mut state, "esc");
    assert_eq!(selected(&state), "craft.l1.b");
    assert!(state.screens.assess.guided);
}

#[test]
fn switching_screens_ends_the_wait_for_a_score() {
    let mut state = ops();
    press(&mut state, "e");
    update(&mut state, Action::GoTo(ScreenId::Overview));
    update(&mut state, Action::GoTo(ScreenId::Assess));
    press(&mut state, "2");
    assert!(!(state.screens.assess.mode().input == crate::tui::keymap::Input::Typing));
}

#[test]
fn the_editor_takes_every_key_and_esc_saves_the_evidence() {
    let mut state = ops();
    press(&mut state, "3");
    press(&mut state, "e");
    assert_eq!(
        state.context(),
        Context::Screen(
            ScreenId::Assess,
            crate::tui::keymap::Mode::typing("editing")
        )
    );
    // q, Tab and ? are text here; Chinese arrives as characters.
    type_text(&mut state, "q? 值班手册");
    press(&mut state, "enter");
    type_text(&mut state, "PR #12");
    assert_eq!(
        press(&mut state, "esc"),
        [Effect::Save(crate::core::workspace::Save::Profile)]
    );
    assert_eq!(
        state.context(),
        Context::Screen(ScreenId::Assess, crate::tui::keymap::Mode::BROWSE)
    );
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
            target: crate::tui::action::EditTarget::Evidence("craft.l1.a".into()),
            text: String::new()
        }]
    );
    let screen = &mut state.screens.assess;
    let effects =
        screen.edited_externally("craft.l1.a", Ok("runbook v2\n\n".into()), &mut state.data);
    assert_eq!(
        effects,
        [Effect::Save(crate::core::workspace::Save::Profile)]
    );
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
    let mut state = app_in(Lang::Zh, ops_data(Profile::new("default")));
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
    let error = store.save(&state.data.profile).err().map(|e| e.to_string());
    assert!(error.is_some());
    let effects = update(
        &mut state,
        Action::Saved {
            file: crate::core::workspace::Save::Profile,
            error,
            hash: None,
        },
    );
    assert!(effects.is_empty(), "{effects:?}");
    assert!(matches!(state.data.save, SaveStatus::Failed(_)));
    // The next key asks for the save again, by the same path.
    assert_eq!(
        press(&mut state, "down"),
        [Effect::Save(crate::core::workspace::Save::Profile)]
    );
    assert_eq!(score(&state, "craft.l1.a"), Some(4));
    assert_eq!(readiness(&state, "L1"), 0.2);
}

#[test]
fn a_long_save_error_wraps_so_its_advice_shows_whole() {
    let mut state = ops();
    press(&mut state, "4");
    let error = "/home/someone/.local/share/ladder/profiles/default.yaml:13:12: \
                 illegal placement of ':' indicator; fix the file by hand";
    update(
        &mut state,
        Action::Saved {
            file: crate::core::workspace::Save::Profile,
            error: Some(error.to_owned()),
            hash: None,
        },
    );
    let screen = super::render::text(&state);
    let joined: String = screen.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    for part in [
        "fix the file by hand",
        "saving is retried with the next key)",
    ] {
        assert!(joined.contains(part), "{screen}");
    }
}

#[test]
fn quit_over_an_unsaved_change_asks_first() {
    use crate::core::workspace::Save;
    use crate::tui::state::Notice;
    let failed = |state: &mut State| {
        update(
            state,
            Action::Saved {
                file: Save::Profile,
                error: Some("disk full".to_owned()),
                hash: None,
            },
        )
    };
    let mut state = ops();
    press(&mut state, "4");
    failed(&mut state);
    // q does not quit: it says what would be lost, and tries the save again.
    assert_eq!(press(&mut state, "q"), [Effect::Save(Save::Profile)]);
    assert_eq!(state.notice, Some(Notice::UnsavedQuit));
    let shown = super::render::text(&state);
    assert!(
        shown.contains("Unsaved change: quit again to lose it"),
        "{shown}"
    );
    // The retry failing too keeps the question; q again quits.
    failed(&mut state);
    assert_eq!(state.notice, Some(Notice::UnsavedQuit));
    assert_eq!(press(&mut state, "q"), [Effect::Quit]);
    // Any other key takes the question back: the next q asks again.
    let mut state = ops();
    press(&mut state, "4");
    failed(&mut state);
    press(&mut state, "q");
    press(&mut state, "down");
    assert_eq!(state.notice, None);
    assert_eq!(press(&mut state, "q"), [Effect::Save(Save::Profile)]);
    // A retry that succeeds ends the question, and q then simply quits.
    update(
        &mut state,
        Action::Saved {
            file: Save::Profile,
            error: None,
            hash: None,
        },
    );
    assert_eq!(state.notice, None);
    assert_eq!(press(&mut state, "q"), [Effect::Quit]);
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

#[test]
fn why_the_external_editor_could_not_start_is_shown_whole_and_wrapped() {
    // At 60 columns the sentence, with the system's own error at its end,
    // takes several rows: it wraps above the status line instead of being
    // cut at `(os e…`.
    let mut state = ops();
    update(
        &mut state,
        Action::Resize {
            width: 60,
            height: 20,
        },
    );
    press(&mut state, "3");
    let failure = EditorFailure::Start {
        command: "my-editor --wait".into(),
        error: "No such file or directory (os error 2)".into(),
    };
    let screen = &mut state.screens.assess;
    screen.edited_externally("craft.l1.a", Err(failure), &mut state.data);
    let shown = super::render::text(&state);
    let words: String = shown
        .lines()
        .rev()
        .skip(1)
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(words.contains("(os error 2)"), "{shown}");
    assert!(!shown.contains("(os e…"), "{shown}");
    assert!(words.contains("set VISUAL or EDITOR"), "{shown}");
}

#[test]
fn pasted_control_characters_show_in_the_editor_as_they_are_saved() {
    let mut state = ops();
    press(&mut state, "3");
    press(&mut state, "e");
    let action = crate::tui::input::action_for_event(
        &state,
        &ratatui::crossterm::event::Event::Paste("red\u{1b}[31mX\u{7}\u{202e}!".to_owned()),
    )
    .unwrap();
    update(&mut state, action);
    // Each control (escape, bell, a bidi override) is U+FFFD on screen
    // already, not invisible until saved.
    let screen = super::render::text(&state);
    assert!(
        screen.contains("red\u{fffd}[31mX\u{fffd}\u{fffd}!"),
        "{screen}"
    );
    press(&mut state, "esc");
    let evidence = state.data.profile.ratings["craft.l1.a"].evidence.clone();
    assert_eq!(
        evidence.as_deref(),
        Some("red\u{fffd}[31mX\u{fffd}\u{fffd}!")
    );
}

#[test]
fn a_paste_goes_into_the_editor_as_one_edit() {
    let mut state = ops();
    press(&mut state, "3");
    press(&mut state, "e");
    // 100 KB in one go: lines of a runbook, with Windows line ends folded.
    let line = "step: drain the queue, then restart the consumer\n";
    let pasted: String = line.repeat(100_000 / line.len());
    let action = crate::tui::input::action_for_event(
        &state,
        &ratatui::crossterm::event::Event::Paste(pasted.replace('\n', "\r\n")),
    )
    .unwrap();
    assert_eq!(update(&mut state, action), []);
    assert_eq!(
        press(&mut state, "esc"),
        [Effect::Save(crate::core::workspace::Save::Profile)]
    );
    let evidence = state.data.profile.ratings["craft.l1.a"]
        .evidence
        .clone()
        .unwrap();
    assert_eq!(evidence, pasted.trim_end());
}
