//! Mentor mode and the mentor's review as a person uses them: keys through
//! `update`, and snapshots at 80×24 in both languages of mentor Assess,
//! the calibration view and each page of the walkthrough.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

use crate::core::content;
use crate::core::mentor::MentorSession;
use crate::core::profile::{Profile, parse_profile};
use crate::core::workspace::Save;
use crate::tui::action::Action;
use crate::tui::data::Data;
use crate::tui::i18n::Lang;
use crate::tui::keymap::{Key, Keymap};
use crate::tui::screens::{Screen, ScreenId};
use crate::tui::state::{Effect, State, update};
use crate::tui::text::line_text;
use crate::tui::theme::Theme;
use crate::tui::view;

use super::lines::Out;

const TODAY: crate::core::clock::Date = time::macros::date!(2026 - 12 - 04);

/// The demo profile: rated throughout, with Chen Jing's review.
fn demo() -> Profile {
    let text = include_str!("../../../../assets/demo/profile.yaml");
    parse_profile(text, Path::new("demo.yaml")).unwrap()
}

fn data(mentor: bool) -> Data {
    let pack = content::built_in().unwrap().pack;
    let mut data = Data::on_day(pack, demo(), TODAY);
    if mentor {
        data.mentor_session = Some(MentorSession {
            mentor: "Li Lei".into(),
            mentee: "wang".into(),
        });
    }
    data
}

fn state(mentor: bool, lang: Lang) -> State {
    let mut state = State::new(
        lang,
        Theme::no_color(),
        Keymap::builtin().unwrap(),
        data(mentor),
    );
    update(
        &mut state,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    state
}

fn key(state: &mut State, code: KeyCode) -> Vec<Effect> {
    let key = Key::plain(code);
    match state.action_for_key(key) {
        Some(action) => update(state, action),
        None => Vec::new(),
    }
}

fn typed(state: &mut State, text: &str) {
    for c in text.chars() {
        key(state, KeyCode::Char(c));
    }
}

fn screen(state: &State) -> TestBackend {
    let backend = TestBackend::new(state.size.width, state.size.height);
    let mut terminal = Terminal::new(backend).unwrap();
    terminal.draw(|frame| view::render(state, frame)).unwrap();
    terminal.backend().clone()
}

/// The window as text, one line per row.
fn text(state: &State) -> String {
    let backend = screen(state);
    let buffer = backend.buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn first_indicator(state: &State) -> String {
    state.data.pack.dimensions[0].indicators[0].id.value.clone()
}

#[test]
fn mentor_mode_opens_on_assess_and_the_scale_keys_rate_for_the_mentor() {
    let mut state = state(true, Lang::En);
    assert_eq!(state.screen, ScreenId::Assess);
    let id = first_indicator(&state);
    let own = state.data.profile.ratings[id.as_str()].clone();
    assert_eq!(
        key(&mut state, KeyCode::Char('2')),
        [Effect::Save(Save::Profile)]
    );
    let review = state.data.profile.mentor.as_ref().unwrap();
    assert_eq!(review.ratings[id.as_str()].score, 2);
    // The mentor at the keyboard takes the review over, dated today.
    assert_eq!(review.name, "Li Lei");
    assert_eq!(review.date, Some(TODAY));
    // The mentee's own rating is as it was.
    assert_eq!(state.data.profile.ratings[id.as_str()], own);

    // `e` writes the mentor's comment; Esc keeps it.
    key(&mut state, KeyCode::Char('e'));
    typed(&mut state, "Needs a CI check");
    assert_eq!(key(&mut state, KeyCode::Esc), [Effect::Save(Save::Profile)]);
    let review = state.data.profile.mentor.as_ref().unwrap();
    assert_eq!(
        review.ratings[id.as_str()].comment.as_deref(),
        Some("Needs a CI check")
    );
    assert_eq!(state.data.profile.ratings[id.as_str()], own);
    // Keys that would change the mentee's part do nothing to it.
    for code in [KeyCode::Char('t'), KeyCode::Backspace, KeyCode::Char('g')] {
        key(&mut state, code);
    }
    assert_eq!(state.data.profile.ratings[id.as_str()], own);
    assert_eq!(state.data.profile.target_level, demo().target_level);
}

#[test]
fn a_mentor_is_not_told_to_write_the_mentees_evidence() {
    let mut state = state(true, Lang::En);
    // Tall enough for the details to reach the evidence.
    update(
        &mut state,
        Action::Resize {
            width: 120,
            height: 60,
        },
    );
    let id = first_indicator(&state);
    // The mentee's rating of the first indicator, without its evidence.
    state
        .data
        .profile
        .ratings
        .get_mut(id.as_str())
        .unwrap()
        .evidence = None;
    let shown = text(&state).replace('\n', " ");
    let words: String = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("The mentee wrote no evidence for this"),
        "{shown}"
    );
    assert!(!words.contains("Press e to write it here"), "{shown}");
    // Unrated by the mentee: not "rate it first".
    state.data.profile.ratings.remove(id.as_str());
    let words: String = text(&state)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        words.contains("The mentee has not rated this yet"),
        "{words}"
    );
    assert!(!words.contains("Rate it first"), "{words}");
}

#[test]
fn esc_or_m_on_the_review_goes_back_where_m_was_pressed() {
    let mut state = state(false, Lang::En);
    assert_eq!(state.screen, ScreenId::Overview);
    key(&mut state, KeyCode::Char('m'));
    assert_eq!(state.screen, ScreenId::Mentor);
    key(&mut state, KeyCode::Esc);
    assert_eq!(state.screen, ScreenId::Overview);
    // In mentor mode, from Assess, and back with m.
    let mut state = self::state(true, Lang::En);
    assert_eq!(state.screen, ScreenId::Assess);
    key(&mut state, KeyCode::Char('m'));
    assert_eq!(state.screen, ScreenId::Mentor);
    key(&mut state, KeyCode::Char('m'));
    assert_eq!(state.screen, ScreenId::Assess);
    // In the walkthrough Esc first ends the walkthrough, then leaves.
    key(&mut state, KeyCode::Char('m'));
    key(&mut state, KeyCode::Enter);
    key(&mut state, KeyCode::Esc);
    assert_eq!(state.screen, ScreenId::Mentor);
    key(&mut state, KeyCode::Esc);
    assert_eq!(state.screen, ScreenId::Assess);
}

#[test]
fn snapshots_of_mentor_assess() {
    for lang in Lang::ALL {
        let mut state = state(true, lang);
        key(&mut state, KeyCode::Char('2'));
        key(&mut state, KeyCode::Char('e'));
        typed(&mut state, "Needs a CI check");
        key(&mut state, KeyCode::Esc);
        let name = format!("mentor_assess_{}_80x24", lang.code());
        insta::assert_snapshot!(name, screen(&state));
    }
}

#[test]
fn snapshots_of_the_calibration_view() {
    for (mentor, who) in [(true, "mentor"), (false, "mentee")] {
        for lang in Lang::ALL {
            let mut state = state(mentor, lang);
            key(&mut state, KeyCode::Char('m'));
            assert_eq!(state.screen, ScreenId::Mentor);
            let name = format!("calibration_{who}_{}_80x24", lang.code());
            insta::assert_snapshot!(name, screen(&state));
        }
    }
}

#[test]
fn without_a_review_the_view_says_how_to_get_one() {
    let pack = content::built_in().unwrap().pack;
    let data = Data::on_day(pack, Profile::new("default"), TODAY);
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
    update(&mut state, Action::MentorReview);
    insta::assert_snapshot!("calibration_none_en_80x24", screen(&state));
    // A mentor who has rated nothing yet is told how to start, not how to
    // ask for a review.
    let mut mentor = self::state(true, Lang::En);
    mentor.data.profile.mentor = None;
    update(&mut mentor, Action::MentorReview);
    let words = text(&mentor)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        words.contains("You have not started the review yet"),
        "{words}"
    );
    assert!(!words.contains("Export your profile"), "{words}");
}

#[test]
fn snapshots_of_the_walkthrough_pages() {
    for lang in Lang::ALL {
        let mut state = state(true, lang);
        key(&mut state, KeyCode::Char('m'));
        key(&mut state, KeyCode::Enter);
        for page in 1..=6 {
            let name = format!("walkthrough_{page}_{}_80x24", lang.code());
            insta::assert_snapshot!(name, screen(&state));
            key(&mut state, KeyCode::Right);
        }
    }
}

fn plan_steps(state: &State) -> Vec<(String, Option<String>, Option<String>)> {
    state
        .data
        .profile
        .mentor
        .as_ref()
        .map(|m| {
            m.plan
                .iter()
                .map(|s| {
                    (
                        s.step.clone(),
                        s.owner.clone(),
                        s.due.map(crate::core::clock::format_date),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_walkthrough_pages_on_and_back_and_ends_with_a_plan() {
    let mut state = state(true, Lang::En);
    key(&mut state, KeyCode::Char('m'));
    key(&mut state, KeyCode::Enter);
    // Back from the first page stays there; six pages, then no further.
    key(&mut state, KeyCode::Left);
    for _ in 0..9 {
        key(&mut state, KeyCode::Char(' '));
    }
    let shown = text(&state);
    assert!(shown.contains("6/6"), "{shown}");
    key(&mut state, KeyCode::Char('p'));
    let shown = text(&state);
    assert!(shown.contains("5/6"), "{shown}");

    // `a` adds a step: what, who, by when; a bad date is refused.
    key(&mut state, KeyCode::Char('a'));
    typed(&mut state, "Agree the SLO");
    update(&mut state, Action::Paste(" with\nupstream".into()));
    key(&mut state, KeyCode::Enter);
    typed(&mut state, "wang");
    key(&mut state, KeyCode::Enter);
    typed(&mut state, "2027-02-30");
    assert!(key(&mut state, KeyCode::Enter).is_empty());
    assert!(plan_steps(&state).is_empty());
    for _ in 0..2 {
        key(&mut state, KeyCode::Backspace);
    }
    typed(&mut state, "28");
    assert_eq!(
        key(&mut state, KeyCode::Enter),
        [Effect::Save(Save::Profile)]
    );
    assert_eq!(
        plan_steps(&state),
        [(
            "Agree the SLO with upstream".to_owned(),
            Some("wang".to_owned()),
            Some("2027-02-28".to_owned())
        )]
    );
    // A step with nothing to do cannot be saved; Esc drops it.
    key(&mut state, KeyCode::Char('a'));
    key(&mut state, KeyCode::Enter);
    key(&mut state, KeyCode::Esc);
    assert_eq!(plan_steps(&state).len(), 1);
    // `x` removes the last step; Esc ends the walkthrough.
    assert_eq!(
        key(&mut state, KeyCode::Char('x')),
        [Effect::Save(Save::Profile)]
    );
    assert!(plan_steps(&state).is_empty());
    key(&mut state, KeyCode::Esc);
    let shown = text(&state);
    assert!(shown.contains("Calibration"), "{shown}");
}

#[test]
fn the_mentor_writes_notes_and_the_mentee_only_reads_them() {
    let mut state = state(true, Lang::En);
    key(&mut state, KeyCode::Char('m'));
    key(&mut state, KeyCode::Char('e'));
    // The editor starts on the notes there are.
    let before = state.data.profile.mentor.as_ref().unwrap().notes.clone();
    assert!(before.is_some());
    typed(&mut state, " Good.");
    assert_eq!(key(&mut state, KeyCode::Esc), [Effect::Save(Save::Profile)]);
    let notes = state.data.profile.mentor.as_ref().unwrap().notes.clone();
    let (notes, before) = (notes.unwrap(), before.unwrap());
    assert!(notes.starts_with(before.trim_end()), "{notes}");
    assert!(notes.ends_with(" Good."), "{notes}");

    let mut mentee = self::state(false, Lang::En);
    key(&mut mentee, KeyCode::Char('m'));
    let review = mentee.data.profile.mentor.clone();
    assert!(key(&mut mentee, KeyCode::Char('e')).is_empty());
    key(&mut mentee, KeyCode::Enter);
    assert!(key(&mut mentee, KeyCode::Char('a')).is_empty());
    assert!(key(&mut mentee, KeyCode::Char('x')).is_empty());
    assert_eq!(mentee.data.profile.mentor, review);
}

#[test]
fn every_page_draws_at_any_size_without_panicking() {
    for (width, height) in [(60, 16), (61, 17), (79, 23), (100, 30), (200, 60), (20, 6)] {
        for lang in Lang::ALL {
            let mut state = state(true, lang);
            update(&mut state, Action::Resize { width, height });
            screen(&state);
            update(&mut state, Action::MentorReview);
            screen(&state);
            update(&mut state, Action::Open);
            for _ in 0..6 {
                screen(&state);
                update(&mut state, Action::End);
                screen(&state);
                update(&mut state, Action::NextPage);
            }
            update(&mut state, Action::Edit);
            screen(&state);
        }
    }
}

/// The lines `draw` builds at `width` on the demo profile, as text.
fn built(width: usize, lang: Lang, draw: impl FnOnce(&mut Out<'_>)) -> Vec<String> {
    built_on(&data(false), width, lang, draw)
}

/// The lines `draw` builds at `width` on `data`, as text.
fn built_on(data: &Data, width: usize, lang: Lang, draw: impl FnOnce(&mut Out<'_>)) -> Vec<String> {
    let theme = Theme::no_color();
    let mut out = Out::new(width, &theme, lang, data);
    draw(&mut out);
    out.lines.iter().map(line_text).collect()
}

/// `lines` from the first that starts with `start`, `count` of them.
fn from<'a>(lines: &'a [String], start: &str, count: usize) -> &'a [String] {
    let at = lines
        .iter()
        .position(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line starts with {start:?}: {lines:#?}"));
    &lines[at..(at + count).min(lines.len())]
}

#[test]
fn wrapped_items_hang_under_their_text() {
    // 40 cells, the calibration view's text at 80×24. A dimension's lean
    // starts 2 in and goes on 4 in: "Technical depth: on balance the same"
    // is 36 of the first line's 38, "(+0.0 on average over 2)" follows.
    let lines = built(40, Lang::En, super::calibration::lines);
    assert_eq!(
        from(&lines, "  Technical depth:", 2),
        [
            "  Technical depth: on balance the same",
            "    (+0.0 on average over 2)"
        ]
    );
    // A drill question's bullet is 5 in ("   - "), its text goes on under
    // its first word: 35 cells a line.
    let lines = built(40, Lang::En, super::calibration::agenda);
    assert_eq!(
        from(&lines, "   - How did you set SLOs", 4),
        [
            "   - How did you set SLOs for your",
            "     service? Is the error budget",
            "     actually used in your team — has it",
            "     ever changed a decision?"
        ]
    );
}

/// Scrolls the page down until a line starting with `start` is the first
/// on show (row 4 at 80×24 in mentor mode: tabs, banner, margin).
fn scroll_to(state: &mut State, start: &str) {
    for _ in 0..400 {
        let shown = text(state);
        let first = shown.lines().nth(4).unwrap_or_default();
        // A wide character's second cell reads as a space here.
        if first.replace(' ', "").starts_with(&start.replace(' ', "")) {
            return;
        }
        key(state, KeyCode::Down);
    }
    panic!("{start:?} never came to the top");
}

#[test]
fn snapshots_of_wrapped_items() {
    for lang in Lang::ALL {
        let mut state = state(true, lang);
        key(&mut state, KeyCode::Char('m'));
        scroll_to(&mut state, lang.pick("各维度：", "Per dimension:"));
        let name = format!("calibration_leans_{}_80x24", lang.code());
        insta::assert_snapshot!(name, screen(&state));
        key(&mut state, KeyCode::Enter);
        for _ in 0..3 {
            key(&mut state, KeyCode::Right);
        }
        scroll_to(
            &mut state,
            lang.pick("可用来检验的答辩题", "Drill questions"),
        );
        let name = format!("walkthrough_questions_{}_80x24", lang.code());
        insta::assert_snapshot!(name, screen(&state));
    }
}

/// The footer's hints in the mode in force: (key, what it does).
fn hints(state: &State) -> Vec<(String, String)> {
    state.keymap.hints(state.context(), state.lang)
}

fn hint(key: &str, desc: &str) -> (String, String) {
    (key.to_owned(), desc.to_owned())
}

#[test]
fn the_mentee_is_offered_no_key_that_writes() {
    let mut state = state(false, Lang::En);
    key(&mut state, KeyCode::Char('m'));
    assert_eq!(state.screens.mentor.mode().name, "mentee");
    let global = [
        hint("q", "quit"),
        hint("?", "keys"),
        hint("Tab", "next screen"),
        hint("/", "search"),
    ];
    let mut expected = vec![
        hint("Enter", "start the 1:1 walkthrough"),
        hint("Esc", "back"),
    ];
    expected.extend(global.clone());
    assert_eq!(hints(&state), expected);
    // `e` (the mentor's notes) is no key here: nothing happens, nothing is said.
    let e = Key::plain(KeyCode::Char('e'));
    assert_eq!(state.action_for_key(e), None);

    key(&mut state, KeyCode::Enter);
    assert_eq!(state.screens.mentor.mode().name, "mentee_walkthrough");
    let mut expected = vec![
        hint("→", "next page"),
        hint("←", "previous page"),
        hint("Esc", "end the walkthrough"),
    ];
    expected.extend(global);
    assert_eq!(hints(&state), expected);
    for c in ['a', 'x'] {
        assert_eq!(state.action_for_key(Key::plain(KeyCode::Char(c))), None);
    }
    // Help lists what acts, and nothing of the plan.
    let mode = state.screens.mentor.mode();
    let listed: Vec<String> =
        crate::tui::help::rows(&state.keymap, ScreenId::Mentor, mode, Lang::En)
            .into_iter()
            .filter_map(|row| match row {
                crate::tui::help::Row::Key { desc, .. } => Some(desc),
                _ => None,
            })
            .collect();
    assert!(!listed.iter().any(|d| d.contains("plan")), "{listed:?}");
    assert!(listed.contains(&"next page".to_owned()), "{listed:?}");
}

#[test]
fn the_mentor_is_offered_the_notes_and_the_plan() {
    let mut state = state(true, Lang::En);
    key(&mut state, KeyCode::Char('m'));
    assert_eq!(state.screens.mentor.mode().name, "browse");
    let offered = hints(&state);
    assert_eq!(
        offered[..3],
        [
            hint("Enter", "start the 1:1 walkthrough"),
            hint("e", "write the mentor's notes"),
            hint("Esc", "back")
        ]
    );
    key(&mut state, KeyCode::Enter);
    assert_eq!(state.screens.mentor.mode().name, "walkthrough");
    assert_eq!(
        hints(&state)[..4],
        [
            hint("→", "next page"),
            hint("←", "previous page"),
            hint("a", "add a step to the plan"),
            hint("Esc", "end the walkthrough"),
        ]
    );
}

/// The Mentor screen in each of its modes: the mentor's (calibration,
/// walkthrough, a plan step, the notes) and the mentee's.
fn in_every_mode() -> Vec<(State, &'static str)> {
    let mut calibration = state(true, Lang::En);
    key(&mut calibration, KeyCode::Char('m'));
    let mut walkthrough = calibration.clone();
    key(&mut walkthrough, KeyCode::Enter);
    let mut step = walkthrough.clone();
    key(&mut step, KeyCode::Char('a'));
    let mut notes = calibration.clone();
    key(&mut notes, KeyCode::Char('e'));
    let mut mentee = state(false, Lang::En);
    key(&mut mentee, KeyCode::Char('m'));
    let mut mentee_walkthrough = mentee.clone();
    key(&mut mentee_walkthrough, KeyCode::Enter);
    vec![
        (calibration, "browse"),
        (walkthrough, "walkthrough"),
        (step, "plan_step"),
        (notes, "notes"),
        (mentee, "mentee"),
        (mentee_walkthrough, "mentee_walkthrough"),
    ]
}

#[test]
fn every_key_of_every_mentor_mode_reaches_code_that_handles_it() {
    for (state, name) in in_every_mode() {
        assert_eq!(state.screen, ScreenId::Mentor, "{name}");
        assert_eq!(state.screens.mentor.mode().name, name);
        let bindings = state.keymap.active(state.context());
        assert!(!bindings.is_empty(), "{name}");
        for binding in bindings {
            for key in &binding.keys {
                let mut state = state.clone();
                assert_eq!(
                    state.action_for_key(*key),
                    Some(binding.action.clone()),
                    "{name}: {key}"
                );
                assert!(
                    crate::tui::state::dispatch(&mut state, binding.action.clone()).is_some(),
                    "{name}: {key} ({:?}) falls through update",
                    binding.action
                );
            }
        }
    }
}

/// A profile with nothing rated, the target the first level after none.
fn empty_data() -> Data {
    let pack = content::built_in().unwrap().pack;
    Data::on_day(pack, Profile::new("default"), TODAY)
}

#[test]
fn with_nothing_rated_the_agenda_says_there_is_nothing_to_calibrate() {
    // 40 cells: the heading takes two lines, the sentence two more.
    let lines = built_on(&empty_data(), 40, Lang::En, super::calibration::agenda);
    assert_eq!(
        lines,
        [
            "Agenda (what matters most for the target",
            "level)",
            "Nothing to calibrate yet: rate some",
            "indicators first.",
            "",
        ]
    );
    let lines = built_on(&empty_data(), 40, Lang::Zh, super::calibration::agenda);
    assert_eq!(
        lines,
        [
            "谈话议程（对目标职级最要紧的几项）",
            "还没有可校准的内容：先给一些指标评分。",
            "",
        ]
    );
    // One rating up to the target is enough for an agenda.
    let mut data = empty_data();
    let first = data.pack.dimensions[0].indicators[0].id.value.clone();
    data.apply(crate::core::workspace::Command::Rate {
        indicator: crate::core::ids::IndicatorId::new(first),
        score: 1,
    })
    .unwrap();
    let lines = built_on(&data, 76, Lang::En, super::calibration::agenda);
    assert!(lines[1].starts_with("1. "), "{lines:#?}");
}

#[test]
fn snapshots_of_the_agenda_with_nothing_rated() {
    for lang in Lang::ALL {
        let mut state = State::new(
            lang,
            Theme::no_color(),
            Keymap::builtin().unwrap(),
            empty_data(),
        );
        update(
            &mut state,
            Action::Resize {
                width: 80,
                height: 24,
            },
        );
        key(&mut state, KeyCode::Char('m'));
        key(&mut state, KeyCode::Enter);
        for _ in 0..3 {
            key(&mut state, KeyCode::Right);
        }
        let name = format!("walkthrough_4_unrated_{}_80x24", lang.code());
        insta::assert_snapshot!(name, screen(&state));
        // The top gaps, none rated by either, say so.
        key(&mut state, KeyCode::Right);
        let name = format!("walkthrough_5_unrated_{}_80x24", lang.code());
        insta::assert_snapshot!(name, screen(&state));
    }
}

#[test]
fn a_pair_of_scores_says_which_is_missing_and_when_both_are() {
    use super::words::pair;
    assert_eq!(pair(Lang::En, Some(3), Some(1)), "self 3 · mentor 1");
    assert_eq!(pair(Lang::En, Some(2), None), "self 2 · mentor ·");
    assert_eq!(pair(Lang::En, None, None), "not rated yet");
    assert_eq!(pair(Lang::Zh, None, Some(4)), "自评 · · 导师 4");
    assert_eq!(pair(Lang::Zh, None, None), "尚未评分");
}
