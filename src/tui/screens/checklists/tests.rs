//! The Checklists screen driven with keys through the key file, on the
//! fixture pack `review-runs` (checklists `release`, 2 items, and `review`,
//! 6 items: safety.lock M, safety.errors M, safety.ctx S; style.names S,
//! style.docs N, style.tests N), and drawn at 80×24 in both languages.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use time::macros::datetime;

use super::*;
use crate::core::checklist::Verdict;
use crate::core::clock::ManualClock;
use crate::core::content::{self, PackSource};
use crate::core::profile::Profile;
use crate::core::workspace::Save;
use crate::tui::action::{Action, EditTarget};
use crate::tui::i18n::Lang;
use crate::tui::keymap::{Key, Keymap};
use crate::tui::screens::ScreenId;
use crate::tui::state::{Effect, State, update};
use crate::tui::theme::Theme;
use crate::tui::view;

fn data() -> Data {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/review-runs");
    let pack = content::load(&PackSource::Dir(dir)).unwrap().pack;
    let clock = ManualClock::new(datetime!(2026-12-04 10:00:00 +08:00));
    Data::new(pack, Profile::new("default"), Arc::new(clock))
}

/// The app on Checklists, 80×24, in `lang`.
fn app(lang: Lang) -> State {
    let mut state = State::new(lang, Theme::no_color(), Keymap::builtin().unwrap(), data());
    update(
        &mut state,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    update(&mut state, Action::GoTo(ScreenId::Checklists));
    state
}

/// Presses each key of `keys` (space separated, `space` for a blank) the
/// way the loop does: through the key file, then `update`.
fn press(state: &mut State, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for name in keys.split(' ') {
        let key: Key = name.parse().unwrap();
        if let Some(action) = state.action_for_key(key) {
            effects.extend(update(state, action));
        }
    }
    effects
}

/// Types `text` character by character.
fn type_text(state: &mut State, text: &str) {
    for c in text.chars() {
        let key = Key::plain(ratatui::crossterm::event::KeyCode::Char(c));
        let action = state.action_for_key(key).unwrap();
        update(state, action);
    }
}

fn screen(state: &State) -> &Checklists {
    &state.screens.checklists
}

fn open_run(state: &State) -> &crate::core::checklist::Run {
    let id = &screen(state).open.as_ref().unwrap().id;
    state.data.run(id).unwrap()
}

fn verdicts(state: &State) -> Vec<(String, Option<Verdict>)> {
    let run = open_run(state);
    [
        "safety.lock",
        "safety.errors",
        "safety.ctx",
        "style.names",
        "style.docs",
        "style.tests",
    ]
    .iter()
    .map(|id| ((*id).to_owned(), run.verdict(id)))
    .collect()
}

/// A run of `review` named "PR 482 order sync", opened.
fn started(lang: Lang) -> State {
    let mut state = app(lang);
    // release is first, review second.
    press(&mut state, "j enter");
    type_text(&mut state, "PR 482 order sync");
    press(&mut state, "enter");
    state
}

/// The sample run: lock fail (noted), errors pass, ctx n/a, names pass,
/// docs fail, tests open.
fn walked(lang: Lang) -> State {
    let mut state = started(lang);
    press(&mut state, "f e");
    type_text(&mut state, "mu held across the HTTP call");
    press(&mut state, "esc j p x p f");
    state
}

#[test]
fn enter_on_a_checklist_asks_for_a_name_then_starts_and_saves_the_run() {
    let mut state = app(Lang::En);
    press(&mut state, "j enter");
    assert_eq!(
        state.screens.get(ScreenId::Checklists).mode(),
        Mode::typing("naming")
    );
    // q and Tab are letters of the name, not quit and next screen.
    type_text(&mut state, "q");
    assert_eq!(press(&mut state, "tab"), []);
    assert_eq!(state.screen, ScreenId::Checklists);
    press(
        &mut state,
        "backspace backspace backspace backspace backspace backspace",
    );
    // An empty name is refused with a word on the status row.
    assert_eq!(press(&mut state, "enter"), []);
    assert_eq!(screen(&state).note, Some(Note::Word(Word::NameNeeded)));
    type_text(&mut state, "PR 482 order sync");
    let effects = press(&mut state, "enter");
    let id = crate::core::ids::RunId::new("2026-12-04-pr-482-order-sync");
    assert_eq!(effects, [Effect::Save(Save::Run(id.clone()))]);
    assert_eq!(screen(&state).mode, ChecklistsMode::Run);
    let run = open_run(&state);
    assert_eq!(run.name, "PR 482 order sync");
    assert_eq!(run.checklist, "review");
    assert_eq!(run.started, datetime!(2026-12-04 10:00:00 +08:00));
}

#[test]
fn two_runs_of_one_name_on_one_day_show_when_each_started() {
    let mut state = started(Lang::En);
    press(&mut state, "esc");
    update(
        &mut state,
        Action::Tick(datetime!(2026-12-04 10:30:00 +08:00)),
    );
    // The list: release, review, then the runs; review is the second row.
    press(&mut state, "home j enter");
    type_text(&mut state, "PR 482 order sync");
    press(&mut state, "enter esc");
    assert_eq!(state.data.runs.len(), 2);
    let screen = drawn(&state).to_string();
    // The newer run first, each with its time beside the day.
    let newer = screen.find("2026-12-04 10:30").unwrap();
    let older = screen.find("2026-12-04 10:00").unwrap();
    assert!(newer < older, "{screen}");
    // A run whose name is its own shows only the day.
    let mut state = started(Lang::En);
    press(&mut state, "esc");
    let screen = drawn(&state).to_string();
    assert!(screen.contains("2026-12-04  0/6"), "{screen}");
    assert!(!screen.contains("10:00"), "{screen}");
}

#[test]
fn a_pasted_name_of_several_lines_becomes_one_line() {
    let mut state = app(Lang::En);
    press(&mut state, "j enter");
    update(
        &mut state,
        Action::Paste("PR 482\n  order sync\n\n".to_owned()),
    );
    press(&mut state, "enter");
    assert_eq!(open_run(&state).name, "PR 482 order sync");
}

#[test]
fn esc_or_ctrl_c_while_naming_starts_nothing() {
    let mut state = app(Lang::En);
    press(&mut state, "enter");
    type_text(&mut state, "x");
    assert_eq!(press(&mut state, "ctrl-c"), []);
    assert_eq!(screen(&state).mode, ChecklistsMode::Home);
    assert!(state.data.runs.is_empty());
}

#[test]
fn pass_and_na_move_on_fail_stays_and_each_saves_the_run() {
    let mut state = started(Lang::En);
    let id = open_run(&state).id.clone();
    assert_eq!(
        press(&mut state, "f"),
        [Effect::Save(Save::Run(id.clone()))]
    );
    assert_eq!(screen(&state).open.as_ref().unwrap().selected, 0);
    assert_eq!(
        press(&mut state, "j p"),
        [Effect::Save(Save::Run(id.clone()))]
    );
    assert_eq!(screen(&state).open.as_ref().unwrap().selected, 2);
    press(&mut state, "x");
    assert_eq!(
        verdicts(&state)[..3],
        [
            ("safety.lock".to_owned(), Some(Verdict::Fail)),
            ("safety.errors".to_owned(), Some(Verdict::Pass)),
            ("safety.ctx".to_owned(), Some(Verdict::Na)),
        ]
    );
    // Backspace takes a result back.
    press(&mut state, "k backspace");
    assert_eq!(open_run(&state).verdict("safety.ctx"), None);
}

#[test]
fn a_note_is_written_in_the_app_in_chinese_and_saved_on_esc() {
    let mut state = started(Lang::Zh);
    press(&mut state, "f e");
    assert_eq!(
        state.screens.get(ScreenId::Checklists).mode(),
        Mode::typing("note")
    );
    type_text(&mut state, "锁里调用了 HTTP，见 order.go:88");
    let id = open_run(&state).id.clone();
    assert_eq!(press(&mut state, "esc"), [Effect::Save(Save::Run(id))]);
    assert_eq!(
        open_run(&state).note("safety.lock"),
        Some("锁里调用了 HTTP，见 order.go:88")
    );
    // Ctrl-C discards and says so.
    press(&mut state, "e");
    type_text(&mut state, "!!");
    assert_eq!(press(&mut state, "ctrl-c"), []);
    assert_eq!(
        open_run(&state).note("safety.lock"),
        Some("锁里调用了 HTTP，见 order.go:88")
    );
    assert_eq!(screen(&state).note, Some(Note::Word(Word::EditDiscarded)));
}

#[test]
fn capital_e_hands_the_note_to_the_persons_editor_and_takes_it_back() {
    let mut state = started(Lang::En);
    let id = open_run(&state).id.clone();
    let effects = press(&mut state, "E");
    assert_eq!(
        effects,
        [Effect::EditExternally {
            target: EditTarget::Note {
                run: id.clone(),
                item: "safety.lock".into()
            },
            text: String::new(),
        }]
    );
    let effects = update(
        &mut state,
        Action::Edited {
            target: EditTarget::Note {
                run: id.clone(),
                item: "safety.lock".into(),
            },
            written: Ok("written outside\n".into()),
        },
    );
    assert_eq!(effects, [Effect::Save(Save::Run(id))]);
    assert_eq!(
        open_run(&state).note("safety.lock"),
        Some("written outside")
    );
}

#[test]
fn space_jumps_to_the_next_open_item_and_filters_narrow_the_list() {
    let mut state = walked(Lang::En);
    // After the last `f` on style.docs (index 4) the next open is style.tests.
    press(&mut state, "space");
    assert_eq!(screen(&state).open.as_ref().unwrap().selected, 5);
    press(&mut state, "p");
    press(&mut state, "space");
    assert_eq!(screen(&state).note, Some(Note::Word(Word::NoOpenLeft)));
    press(&mut state, "o");
    let view = screen(&state).open.as_ref().unwrap();
    let shown_ids: Vec<String> = {
        let run = open_run(&state);
        let checklist = state.data.pack.checklist("review").unwrap();
        run::shown(checklist, run, view.failed_only, view.severity)
            .iter()
            .map(|(_, i)| i.id.value.clone())
            .collect()
    };
    assert_eq!(shown_ids, ["safety.lock", "style.docs"]);
    // o again, then s: must only.
    press(&mut state, "o s");
    let view = screen(&state).open.as_ref().unwrap();
    assert_eq!(view.severity, Some(crate::core::content::Severity::Must));
    press(&mut state, "s s s");
    assert_eq!(screen(&state).open.as_ref().unwrap().severity, None);
}

#[test]
fn the_result_finishes_exports_copies_and_attaches() {
    let mut state = walked(Lang::En);
    let id = open_run(&state).id.clone();
    press(&mut state, "r");
    assert_eq!(screen(&state).mode, ChecklistsMode::Result);
    // Not finished yet: attaching is refused with a reason.
    assert_eq!(press(&mut state, "a"), []);
    assert_eq!(screen(&state).note, Some(Note::Word(Word::FinishFirst)));
    // One item is still open: d says so, and d again finishes.
    assert_eq!(press(&mut state, "d"), []);
    assert_eq!(screen(&state).note, Some(Note::OpenLeft(1)));
    assert!(open_run(&state).finished.is_none());
    assert_eq!(
        press(&mut state, "d"),
        [Effect::Save(Save::Run(id.clone()))]
    );
    assert_eq!(
        open_run(&state).finished,
        Some(datetime!(2026-12-04 10:00:00 +08:00))
    );
    assert_eq!(screen(&state).mode, ChecklistsMode::Finished);
    let markdown =
        crate::core::checklist::to_markdown(&state.data.pack, open_run(&state), Lang::En);
    assert!(markdown.contains("**2 failed** (1 must) · 2 passed · 1 not applicable · 1 open"));
    assert_eq!(
        press(&mut state, "w"),
        [Effect::Export {
            run: id.clone(),
            text: markdown.clone()
        }]
    );
    update(
        &mut state,
        Action::Exported {
            run: id.clone(),
            written: Ok("/data/checklists/default/x.md".into()),
        },
    );
    assert_eq!(
        screen(&state).note,
        Some(Note::Exported("/data/checklists/default/x.md".into()))
    );
    assert_eq!(press(&mut state, "c"), [Effect::Clipboard(markdown)]);
    assert_eq!(screen(&state).note, Some(Note::Word(Word::Osc52Sent)));
    // a, then Enter on the second indicator (craft.l1.b) attaches; Enter
    // again detaches.
    press(&mut state, "a j");
    assert_eq!(
        press(&mut state, "enter"),
        [Effect::Save(Save::Run(id.clone()))]
    );
    assert_eq!(
        open_run(&state).attached_to,
        [crate::core::ids::IndicatorId::new("craft.l1.b")]
    );
    assert_eq!(state.data.runs_for("craft.l1.b").count(), 1);
    press(&mut state, "enter");
    assert!(open_run(&state).attached_to.is_empty());
    press(&mut state, "esc esc");
    assert_eq!(screen(&state).mode, ChecklistsMode::Run);
    press(&mut state, "esc");
    assert_eq!(screen(&state).mode, ChecklistsMode::Home);
}

#[test]
fn the_markdown_written_in_the_chinese_app_names_severities_in_chinese() {
    let mut state = walked(Lang::Zh);
    let id = open_run(&state).id.clone();
    let effects = press(&mut state, "r w");
    let [Effect::Export { run, text }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(*run, id);
    // lock (must) and docs (nice) failed; errors (must) and names (should)
    // passed; ctx (should) is n/a; tests (nice) is open.
    assert!(text.contains("**2 项不满足**（必须项 1）"), "{text}");
    assert!(
        text.contains("1. **必须** · 安全 — 锁只保护共享状态。"),
        "{text}"
    );
    assert!(
        text.contains("2. **最好** · 风格 — 导出的名字都有文档注释。"),
        "{text}"
    );
    assert!(
        text.contains("- ✅ 满足 · 应该 · 命名说明事物是什么。"),
        "{text}"
    );
    for english in ["must", "should", "nice"] {
        assert!(!text.contains(english), "{english} in:\n{text}");
    }
}

#[test]
fn d_on_a_finished_run_says_when_it_was_finished_and_the_footer_no_longer_offers_it() {
    for lang in Lang::ALL {
        let mut state = walked(lang);
        let id = open_run(&state).id.clone();
        let hints = |state: &State| state.keymap.hints(state.context(), lang);
        press(&mut state, "r");
        let finish = ("d".to_owned(), lang.pick("标记完成", "finish").to_owned());
        assert!(hints(&state).contains(&finish), "{:?}", hints(&state));
        press(&mut state, "d");
        assert_eq!(press(&mut state, "d"), [Effect::Save(Save::Run(id))]);
        assert_eq!(screen(&state).note, Some(Note::Word(Word::MarkedFinished)));
        assert_eq!(
            state.screens.get(ScreenId::Checklists).mode(),
            Mode::keys("finished")
        );
        assert!(
            !hints(&state).iter().any(|(key, _)| key == "d"),
            "{:?}",
            hints(&state)
        );
        // An hour and a half later, d again: nothing to save, the stamp
        // stays, and the status row says when it was set.
        update(
            &mut state,
            Action::Tick(datetime!(2026-12-04 11:30:00 +08:00)),
        );
        assert_eq!(press(&mut state, "d"), []);
        let stamp = datetime!(2026-12-04 10:00:00 +08:00);
        assert_eq!(open_run(&state).finished, Some(stamp));
        assert_eq!(screen(&state).note, Some(Note::AlreadyFinished(stamp)));
        let said = lang.pick(
            "这次检查已于 2026-12-04 10:00 完成；结果仍可修改。",
            "Finished on 2026-12-04 10:00 already; results can still be corrected.",
        );
        let screen_text = drawn(&state).to_string();
        assert!(screen_text.contains(said), "{screen_text}");
        insta::assert_snapshot!(
            format!("checklists_finished_{}_80x24", lang.tag()),
            drawn(&state)
        );
        // Results are still corrected after finishing: style.tests, open,
        // passes, and the stamp stays.
        press(&mut state, "esc end p");
        assert_eq!(open_run(&state).verdict("style.tests"), Some(Verdict::Pass));
        assert_eq!(open_run(&state).finished, Some(stamp));
        // Back on the result, the footer still does not offer d.
        press(&mut state, "r");
        assert_eq!(screen(&state).mode, ChecklistsMode::Finished);
        assert!(!hints(&state).iter().any(|(key, _)| key == "d"));
    }
}

#[test]
fn an_item_with_a_note_has_a_space_after_its_mark_and_its_text_in_line_with_the_rest() {
    let mut state = walked(Lang::En);
    press(&mut state, "home");
    let screen_text = drawn(&state).to_string();
    let row = |start: &str| {
        screen_text
            .lines()
            .find(|l| l.contains(start))
            .unwrap_or_else(|| panic!("{start} in {screen_text}"))
            .to_owned()
    };
    // safety.lock failed with a note; safety.errors passed without one.
    let noted = row("✗ M ✎ Locks cover");
    let plain = row("✓ M   Every error");
    // The text starts 6 cells after the result's mark: mark, space,
    // severity letter, space, note mark or space, space. Every cell there
    // is one column wide, so chars count columns.
    let after = |line: &str, mark: &str, word: &str| {
        line[line.find(mark).unwrap()..line.find(word).unwrap()]
            .chars()
            .count()
    };
    assert_eq!(after(&noted, "✗", "Locks"), 6);
    assert_eq!(after(&plain, "✓", "Every"), 6);
}

#[test]
fn the_attach_picker_styles_code_without_backticks_and_marks_the_choice() {
    use ratatui::style::Modifier;
    for lang in Lang::ALL {
        let mut state = walked(lang);
        // craft.l1.b, the second indicator, with code in its text.
        state.data.pack.dimensions[0].indicators[1].text =
            content::Text::plain("Wraps errors with `%w` before returning them.");
        press(&mut state, "r d d a j");
        assert_eq!(screen(&state).mode, ChecklistsMode::Attach);
        let backend = drawn(&state);
        let text = backend.to_string();
        assert!(!text.contains('`'), "{text}");
        // The choice has the mark; the others a blank in its place.
        assert!(
            text.contains("\" › [ ] Craft · L1 · Wraps errors with %w before returning them."),
            "{text}"
        );
        assert!(
            text.contains("\"   [ ] Craft · L1 · Follows the runbook"),
            "{text}"
        );
        // Under NO_COLOR the code is underlined (and reversed, being chosen).
        let buffer = backend.buffer();
        let row = (0..buffer.area.height)
            .find(|&y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
                    .contains("Wraps")
            })
            .unwrap();
        let cells: Vec<_> = (0..buffer.area.width).map(|x| &buffer[(x, row)]).collect();
        let at = |symbol: &str| cells.iter().find(|c| c.symbol() == symbol).unwrap();
        assert!(at("%").modifier.contains(Modifier::UNDERLINED));
        assert!(at("%").modifier.contains(Modifier::REVERSED));
        assert!(!at("W").modifier.contains(Modifier::UNDERLINED));
        insta::assert_snapshot!(format!("checklists_attach_{}_80x24", lang.tag()), backend);
    }
}

#[test]
fn a_run_is_deleted_only_after_a_yes() {
    let mut state = walked(Lang::En);
    let id = open_run(&state).id.clone();
    press(&mut state, "esc");
    // Two checklists, then the run.
    press(&mut state, "end x");
    assert_eq!(
        state.screens.get(ScreenId::Checklists).mode(),
        Mode::answer("confirm")
    );
    assert_eq!(press(&mut state, "n"), []);
    assert_eq!(screen(&state).note, Some(Note::Word(Word::Kept)));
    assert_eq!(state.data.runs.len(), 1);
    // Any other key keeps it too.
    press(&mut state, "x");
    assert_eq!(press(&mut state, "z"), []);
    assert_eq!(state.data.runs.len(), 1);
    press(&mut state, "x");
    assert_eq!(press(&mut state, "y"), [Effect::Save(Save::Run(id))]);
    assert!(state.data.runs.is_empty());
    assert_eq!(
        screen(&state).note,
        Some(Note::Deleted("PR 482 order sync".into()))
    );
}

#[test]
fn enter_on_a_finished_run_opens_its_result_and_an_unfinished_one_its_items() {
    let mut state = walked(Lang::En);
    press(&mut state, "esc end enter");
    assert_eq!(screen(&state).mode, ChecklistsMode::Run);
    press(&mut state, "r d d esc esc end enter");
    assert_eq!(screen(&state).mode, ChecklistsMode::Finished);
}

fn drawn(state: &State) -> TestBackend {
    let backend = TestBackend::new(state.size.width, state.size.height);
    let mut terminal = Terminal::new(backend).unwrap();
    terminal.draw(|frame| view::render(state, frame)).unwrap();
    terminal.backend().clone()
}

#[test]
fn snapshots_of_the_list_a_run_the_failures_and_the_result() {
    for lang in Lang::ALL {
        let mut state = walked(lang);
        press(&mut state, "esc");
        insta::assert_snapshot!(
            format!("checklists_list_{}_80x24", lang.tag()),
            drawn(&state)
        );
        press(&mut state, "end enter home");
        insta::assert_snapshot!(
            format!("checklists_run_{}_80x24", lang.tag()),
            drawn(&state)
        );
        press(&mut state, "o");
        insta::assert_snapshot!(
            format!("checklists_failed_{}_80x24", lang.tag()),
            drawn(&state)
        );
        press(&mut state, "o r");
        insta::assert_snapshot!(
            format!("checklists_result_{}_80x24", lang.tag()),
            drawn(&state)
        );
    }
}

#[test]
fn assess_shows_an_attached_run_under_the_evidence_with_its_date_and_score() {
    let mut state = walked(Lang::En);
    press(&mut state, "r d d a j enter");
    update(
        &mut state,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    update(&mut state, Action::GoTo(ScreenId::Assess));
    // craft.l1.b is the second indicator.
    press(&mut state, "j");
    let text = format!("{:?}", drawn(&state).buffer());
    // 5 of 9 by weight passed: 56%.
    assert!(text.contains("Checklist runs"), "{text}");
    // The details are 44 cells wide here: the score wraps to the next line.
    assert!(
        text.contains("• PR 482 order sync · 2026-12-04 · score    │"),
        "{text}"
    );
    assert!(text.contains("│ 56%  "), "{text}");
}

#[test]
fn resuming_a_run_starts_at_its_first_open_item() {
    let mut state = walked(Lang::En);
    press(&mut state, "esc end enter");
    // lock, errors, ctx, names and docs have results: style.tests (5) is open.
    assert_eq!(screen(&state).open.as_ref().unwrap().selected, 5);
}

#[test]
fn every_mode_draws_at_every_size_without_panicking() {
    // Home, naming, confirm, run, note, failed only, result, attach.
    let steps = [
        "esc",
        "j enter",
        "esc end x",
        "n end enter",
        "e",
        "esc o",
        "o r",
        "d a",
    ];
    for lang in Lang::ALL {
        let mut state = walked(lang);
        for step in steps {
            press(&mut state, step);
            for (width, height) in [(60, 16), (61, 17), (80, 24), (120, 40), (200, 12)] {
                let mut sized = state.clone();
                update(&mut sized, Action::Resize { width, height });
                drawn(&sized);
            }
        }
    }
}

#[test]
fn a_pack_without_checklists_says_so() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid-ops");
    let mut pack = content::load(&PackSource::Dir(dir)).unwrap().pack;
    pack.checklists.clear();
    let clock = ManualClock::new(datetime!(2026-12-04 10:00:00 +08:00));
    let data = Data::new(pack, Profile::new("default"), Arc::new(clock));
    let mut state = State::new(
        Lang::En,
        Theme::no_color(),
        Keymap::builtin().unwrap(),
        data,
    );
    update(
        &mut state,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    update(&mut state, Action::GoTo(ScreenId::Checklists));
    assert_eq!(press(&mut state, "enter x j"), []);
    let text = format!("{:?}", drawn(&state).buffer());
    assert!(text.contains("The pack has no checklists."), "{text}");
    assert!(text.contains("No runs yet"), "{text}");
}

#[test]
fn capital_x_marks_the_open_items_of_a_section_na_and_moves_past_it() {
    let mut state = started(Lang::En);
    let id = open_run(&state).id.clone();
    press(&mut state, "f j");
    // One save for the three items, however many change.
    assert_eq!(press(&mut state, "X"), [Effect::Save(Save::Run(id))]);
    assert_eq!(
        verdicts(&state)[..4],
        [
            ("safety.lock".to_owned(), Some(Verdict::Fail)),
            ("safety.errors".to_owned(), Some(Verdict::Na)),
            ("safety.ctx".to_owned(), Some(Verdict::Na)),
            ("style.names".to_owned(), None),
        ]
    );
    // style.names, the first item after Safety.
    assert_eq!(screen(&state).open.as_ref().unwrap().selected, 3);
    // A section with nothing open changes nothing.
    press(&mut state, "home");
    assert_eq!(press(&mut state, "X"), []);
}

#[test]
fn every_key_of_every_mode_reaches_code_that_handles_it() {
    let modes = [
        ("browse", "esc"),
        ("naming", "esc home enter"),
        ("confirm", "esc end x"),
        ("run", ""),
        ("note", "e"),
        ("result", "r"),
        ("finished", "r d d"),
        ("attach", "r d d a"),
    ];
    for (name, keys) in modes {
        let mut base = walked(Lang::En);
        if !keys.is_empty() {
            press(&mut base, keys);
        }
        assert_eq!(base.screens.get(ScreenId::Checklists).mode().name, name);
        let bindings = base.keymap.active(base.context());
        assert!(!bindings.is_empty(), "{name}");
        for binding in bindings {
            for key in &binding.keys {
                let mut state = base.clone();
                let action = state.action_for_key(*key).unwrap();
                assert_eq!(action, binding.action, "{key} in {name}");
                assert!(
                    crate::tui::state::dispatch(&mut state, action.clone()).is_some(),
                    "{key} in {name}: {action:?} falls through"
                );
            }
        }
    }
}
