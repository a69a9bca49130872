use std::collections::BTreeMap;
use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::core::content::{PackSource, built_in, load};
use crate::core::profile::{Profile, Rating, Snapshot, parse_profile};
use crate::tui::i18n::{Lang, Msg};
use crate::tui::input::testing::{click, wheel_down, wheel_up};
use crate::tui::keymap::{Key, Keymap};
use crate::tui::state::{State, dispatch};
use crate::tui::theme::Theme;
use crate::tui::view;

mod gaps;
mod small;

const TODAY: crate::core::clock::Date = time::macros::date!(2026 - 10 - 15);

fn ops_pack() -> crate::core::content::Pack {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid-ops");
    load(&PackSource::Dir(dir)).unwrap().pack
}

fn rating(score: u32) -> Rating {
    Rating {
        score,
        evidence: None,
        updated: None,
    }
}

/// The ops fixture (scale 1–5, meets 4, threshold 0.8) aiming at L2, with
/// gaps, most valuable first (shortfall w·(4 − s)):
/// people.l2.a 3·(4−1) = 9; then at 4 each, L1 before L2, then by id:
/// craft.l1.b 2·(4−2), craft.l2.a 1·4 (unrated), people.l2.b 1·4 (unrated).
fn ops_data() -> Data {
    let mut profile = Profile::new("ops");
    profile.target_level = Some(crate::core::ids::LevelId::new("L2"));
    for (id, score) in [
        ("craft.l1.a", 5),
        ("craft.l1.b", 2),
        ("people.l1.a", 4),
        ("people.l2.a", 1),
    ] {
        profile.ratings.insert(
            crate::core::ids::IndicatorId::new(id.to_owned()),
            rating(score),
        );
    }
    Data::on_day(ops_pack(), profile, TODAY)
}

fn ctx(width: u16, height: u16) -> Ctx {
    Ctx {
        lang: Lang::En,
        body: Rect::new(0, 2, width, height),
    }
}

fn run(screen: &mut Overview, data: &mut Data, actions: &[Action]) -> Vec<Option<Vec<Effect>>> {
    let ctx = ctx(78, 21);
    actions
        .iter()
        .map(|a| screen.update(a.clone(), &ctx, data))
        .collect()
}

#[test]
fn the_ops_fixture_has_the_gaps_worked_out_by_hand() {
    let data = ops_data();
    let ids: Vec<&str> = top_gaps(&data)
        .iter()
        .map(|g| g.indicator.as_str())
        .collect();
    assert_eq!(
        ids,
        ["people.l2.a", "craft.l1.b", "craft.l2.a", "people.l2.b"]
    );
}

#[test]
fn arrows_move_the_selection_within_the_gaps() {
    let mut data = ops_data();
    let mut screen = Overview::default();
    run(&mut screen, &mut data, &[Action::Down, Action::Down]);
    assert_eq!(screen.selected, 2);
    run(&mut screen, &mut data, &[const { Action::Down }; 5]);
    assert_eq!(screen.selected, 3, "stops at the last of the four gaps");
    run(&mut screen, &mut data, &[const { Action::Up }; 5]);
    assert_eq!(screen.selected, 0);
    run(&mut screen, &mut data, &[Action::End]);
    assert_eq!(screen.selected, 3);
    run(&mut screen, &mut data, &[Action::Home]);
    assert_eq!(screen.selected, 0);
}

#[test]
fn enter_opens_the_selected_gaps_advice_and_esc_closes_it() {
    let mut data = ops_data();
    let mut screen = Overview::default();
    let done = run(&mut screen, &mut data, &[Action::Down, Action::Open]);
    assert_eq!(done, [Some(vec![]), Some(vec![])]);
    assert_eq!(screen.advice_open(), Some("craft.l1.b"));
    // While it is open the arrows scroll it and leave the selection alone.
    run(&mut screen, &mut data, &[Action::Down, Action::Down]);
    assert_eq!(screen.selected, 1);
    assert_eq!(run(&mut screen, &mut data, &[Action::Back]), [Some(vec![])]);
    assert_eq!(screen.advice_open(), None);
    // With nothing open, Esc does nothing, and the selection stays.
    assert_eq!(run(&mut screen, &mut data, &[Action::Back]), [Some(vec![])]);
    assert_eq!((screen.selected, screen.advice_open()), (1, None));
    run(&mut screen, &mut data, &[Action::Down, Action::Open]);
    assert_eq!(screen.advice_open(), Some("craft.l2.a"));
}

#[test]
fn the_advice_scrolls_no_further_than_its_last_row() {
    let mut data = ops_data();
    let mut screen = Overview::default();
    run(&mut screen, &mut data, &[Action::Down, Action::Open]);
    // A 60×13 body: the window is 56 wide, text 52. Rows: the indicator's
    // text (55 characters, 2 rows), the line of dimension, level and score,
    // a blank, "How to grow", two list items, a blank, the evidence heading
    // and the hint: 10. The window is min(10 + 2, 13 − 2) = 11 tall, 9 rows
    // inside, so it scrolls by 1 at most.
    let small = ctx(60, 13);
    for _ in 0..5 {
        screen.update(Action::Down, &small, &mut data);
    }
    assert_eq!(screen.advice().map(|a| a.scroll), Some(1));
    screen.update(Action::Home, &small, &mut data);
    assert_eq!(screen.advice().map(|a| a.scroll), Some(0));
    screen.update(Action::End, &small, &mut data);
    assert_eq!(screen.advice().map(|a| a.scroll), Some(1));
    // In a tall body everything shows: nothing to scroll.
    screen.update(Action::Down, &ctx(60, 30), &mut data);
    assert_eq!(screen.advice().map(|a| a.scroll), Some(0));
}

#[test]
fn the_welcome_has_no_gaps_to_select() {
    let mut data = Data::on_day(ops_pack(), Profile::new("new"), TODAY);
    let mut screen = Overview::default();
    run(&mut screen, &mut data, &[Action::Down, Action::Open]);
    assert_eq!((screen.selected, screen.advice_open()), (0, None));
    // Keys of other screens are left to them.
    assert_eq!(
        screen.update(Action::Rate(3), &ctx(78, 21), &mut data),
        None
    );
}

#[test]
fn the_keys_reach_the_screen_through_the_keymap() {
    let keymap = Keymap::builtin().unwrap();
    let mut state = State::new(Lang::En, Theme::no_color(), keymap, ops_data());
    dispatch(
        &mut state,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    for name in ["j", "enter"] {
        let key: Key = name.parse().unwrap();
        let action = state.action_for_key(key).unwrap();
        assert_eq!(dispatch(&mut state, action), Some(vec![]), "{name}");
    }
    assert_eq!(state.screens.overview.advice_open(), Some("craft.l1.b"));
    let esc: Key = "esc".parse().unwrap();
    let action = state.action_for_key(esc).unwrap();
    dispatch(&mut state, action);
    assert_eq!(state.screens.overview.advice_open(), None);
}

/// The app on the Overview of the ops fixture, in an 80×24 window.
fn ops_app() -> State {
    let keymap = Keymap::builtin().unwrap();
    let mut state = State::new(Lang::En, Theme::no_color(), keymap, ops_data());
    dispatch(
        &mut state,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    state
}

// At 80×24 the body is 80×21 from row 2, 78 columns inside the margins from
// column 1. Three levels and two dimensions (too few for the radar) give the
// one-column plan: header 2, levels 5 (title, three levels, the rule), trend
// 2 and the gaps' title with four gaps and the note on the two unrated ones
// take 15 of the 21 rows; of the 6 spare, 3 go to blanks and 1 to the top.
// So: top row 2, header 3–4, blank 5, levels 6–10, blank 11, trend 12–13,
// blank 14, the gaps' title on row 15, gaps 0–3 on rows 16–19 and the note
// on row 20.

#[test]
fn a_click_on_a_gap_selects_it_and_a_second_click_opens_its_advice() {
    let mut state = ops_app();
    assert_eq!(click(&mut state, 10, 17), Some(vec![]));
    assert_eq!(state.screens.overview.selected, 1);
    assert_eq!(state.screens.overview.advice_open(), None);
    click(&mut state, 70, 19);
    assert_eq!(state.screens.overview.selected, 3);
    assert_eq!(state.screens.overview.advice_open(), None);
    click(&mut state, 2, 19);
    assert_eq!(state.screens.overview.advice_open(), Some("people.l2.b"));
}

#[test]
fn clicks_beside_the_gaps_do_nothing() {
    let mut state = ops_app();
    state.screens.overview.selected = 2;
    // The title row, the margins, the blank row above, a level's row and
    // the note under the gaps.
    for (column, row) in [(10, 15), (0, 16), (79, 16), (10, 14), (10, 7), (10, 20)] {
        assert_eq!(click(&mut state, column, row), None, "({column}, {row})");
    }
    assert_eq!(state.screens.overview.selected, 2);
    assert_eq!(state.screens.overview.advice_open(), None);
}

#[test]
fn the_wheel_moves_in_the_gaps_or_scrolls_the_open_advice() {
    let mut state = ops_app();
    wheel_down(&mut state, 40, 8);
    wheel_down(&mut state, 40, 16);
    assert_eq!(state.screens.overview.selected, 2);
    wheel_up(&mut state, 40, 3);
    assert_eq!(state.screens.overview.selected, 1);
    dispatch(&mut state, Action::Open);
    let scroll = |state: &State| state.screens.overview.advice().map(|a| a.scroll);
    // In a 60×16 window craft.l1.b's advice scrolls by 1 at most (worked
    // out in `the_advice_scrolls_no_further_than_its_last_row`).
    dispatch(
        &mut state,
        Action::Resize {
            width: 60,
            height: 16,
        },
    );
    wheel_down(&mut state, 30, 8);
    assert_eq!(scroll(&state), Some(1));
    wheel_down(&mut state, 30, 8);
    assert_eq!(scroll(&state), Some(1));
    wheel_up(&mut state, 30, 8);
    assert_eq!(scroll(&state), Some(0));
    assert_eq!(state.screens.overview.selected, 1, "the list stays put");
}

/// The built-in pack and the demo profile, with two earlier snapshots so
/// that the trend has a history.
fn demo_data() -> Data {
    let text = include_str!("../../../../assets/demo/profile.yaml");
    let mut profile = parse_profile(text, Path::new("assets/demo/profile.yaml")).unwrap();
    let snapshot = |date: &str, levels: [f64; 4]| Snapshot {
        date: crate::core::clock::parse_date(date).unwrap(),
        current_level: None,
        target_level: Some("P7".into()),
        levels: ["P6", "P7", "P8", "P9"]
            .into_iter()
            .map(str::to_owned)
            .zip(levels)
            .collect::<BTreeMap<_, _>>(),
        dimensions: BTreeMap::new(),
    };
    profile.history = vec![
        snapshot("2026-08-01", [0.42, 0.2, 0.05, 0.0]),
        snapshot("2026-09-01", [0.62, 0.35, 0.1, 0.0]),
    ];
    Data::on_day(built_in().unwrap().pack, profile, TODAY)
}

fn empty_data() -> Data {
    Data::on_day(built_in().unwrap().pack, Profile::new("default"), TODAY)
}

fn draw(data: Data, lang: Lang, width: u16, height: u16, actions: &[Action]) -> TestBackend {
    let keymap = Keymap::builtin().unwrap();
    let mut state = State::new(lang, Theme::color(), keymap, data);
    dispatch(&mut state, Action::Resize { width, height });
    for action in actions {
        dispatch(&mut state, action.clone());
    }
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::render(&state, frame)).unwrap();
    terminal.backend().clone()
}

#[test]
fn snapshots_of_the_welcome() {
    for lang in Lang::ALL {
        for (w, h) in [(80, 24), (120, 40)] {
            let name = format!("welcome_{lang}_{w}x{h}");
            insta::assert_snapshot!(name, draw(empty_data(), lang, w, h, &[]));
        }
    }
}

#[test]
fn snapshots_of_the_demo_profile() {
    for lang in Lang::ALL {
        for (w, h) in [(80, 24), (120, 40)] {
            let name = format!("demo_{lang}_{w}x{h}");
            insta::assert_snapshot!(name, draw(demo_data(), lang, w, h, &[]));
        }
    }
}

/// Whether `screen` shows braille dots: a chart was drawn.
fn has_chart(screen: &str) -> bool {
    screen
        .chars()
        .any(|c| ('\u{2801}'..='\u{28ff}').contains(&c))
}

#[test]
fn at_80_by_24_the_radar_is_a_chart_in_both_languages() {
    // English names fit neither beside the spokes nor whole in a legend:
    // the spokes are numbered, and the legend beside the chart cuts each
    // name after a word and puts the values in a column.
    let en = draw(demo_data(), Lang::En, 80, 24, &[]).to_string();
    assert!(has_chart(&en), "{en}");
    assert!(en.contains("Dimensions · P7 · ring 75%"), "{en}");
    for row in [
        "1 Technical…  75%",
        "2 System…     56%",
        "3 Operations… 39%",
        "6 Influence…  64%",
    ] {
        assert!(en.contains(row), "{row} in {en}");
    }
    assert!(!en.contains("System desig"), "{en}");
    // Chinese names fit beside the spokes, broken only after 与.
    let zh = draw(demo_data(), Lang::Zh, 80, 24, &[]).to_string();
    assert!(has_chart(&zh), "{zh}");
    for label in [
        "影响力与",
        "领导力 64%",
        "稳定性与",
        "运维 39%",
        "技术深度 75%",
    ] {
        assert!(zh.contains(label), "{label} in {zh}");
    }
    assert!(!zh.contains("1 技术深度"), "no legend: {zh}");
}

#[test]
fn wherever_the_radar_has_room_the_built_in_pack_gets_a_chart() {
    // The list of dimensions is the radar's last resort; with the built-in
    // names a legend always fits where the Overview offers a radar.
    let data = demo_data();
    let theme = Theme::color();
    let screen = Overview::default();
    for lang in Lang::ALL {
        let view = View {
            lang,
            theme: &theme,
            data: &data,
        };
        let listed = format!("· P7 · {}", lang.pick("门槛", "threshold"));
        for w in 74..=130 {
            for h in (13..=43).step_by(3).chain([21, 37]) {
                let area = Rect::new(0, 0, w, h);
                let mut buf = Buffer::empty(area);
                screen.render(area, &mut buf, &view);
                // A wide character covers two cells; the second is not text.
                let mut text = String::new();
                let mut skip = false;
                for cell in buf.content() {
                    if !std::mem::take(&mut skip) {
                        text.push_str(cell.symbol());
                        skip = crate::tui::text::display_width(cell.symbol()) == 2;
                    }
                }
                assert!(!text.contains(&listed), "{lang} {w}×{h}");
                let offered = text.contains(lang.pick("各维度 ·", "Dimensions ·"));
                assert_eq!(offered, has_chart(&text), "{lang} {w}×{h}");
            }
        }
    }
}

#[test]
fn snapshots_of_a_profile_with_few_ratings() {
    for lang in Lang::ALL {
        let name = format!("few_ratings_{lang}_80x24");
        insta::assert_snapshot!(name, draw(ops_data(), lang, 80, 24, &[]));
    }
}

#[test]
fn snapshots_of_the_growth_advice() {
    for lang in Lang::ALL {
        let name = format!("advice_{lang}_80x24");
        let actions = [Action::Down, Action::Open];
        insta::assert_snapshot!(name, draw(demo_data(), lang, 80, 24, &actions));
    }
}

#[test]
fn the_trend_and_what_moved_show_the_history() {
    let backend = draw(demo_data(), Lang::En, 120, 40, &[]);
    let screen = backend.to_string();
    // The snapshots give P7 at 20% and 35%; the last earlier day is
    // 2026-09-01, when P6 stood at 62%.
    assert!(screen.contains("Since 2026-09-01: P6 62% → "), "{screen}");
    assert!(screen.contains("Trend · P7"), "{screen}");
}

#[test]
fn no_size_makes_the_screen_panic() {
    let with_advice = {
        let mut screen = Overview::default();
        let mut data = demo_data();
        screen.update(Action::Open, &ctx(78, 21), &mut data);
        screen
    };
    let cases = [
        (empty_data(), Overview::default()),
        (demo_data(), Overview::default()),
        (demo_data(), with_advice),
    ];
    let theme = Theme::color();
    for (data, screen) in &cases {
        for lang in Lang::ALL {
            let view = View {
                lang,
                theme: &theme,
                data,
            };
            let widths = (0..=130).step_by(3).chain([1, 2, 59, 60, 76, 78, 79, 80]);
            for w in widths {
                let heights = (0..=44).step_by(2).chain([1, 15, 16, 21, 23]);
                for h in heights {
                    let area = Rect::new(0, 0, w, h);
                    let mut buf = Buffer::empty(area);
                    screen.render(area, &mut buf, &view);
                }
            }
        }
    }
}

#[test]
fn a_level_reached_above_the_current_one_brings_the_rule_for_current() {
    // L2 all at 5 is reached (readiness 1), L1 unrated is not: no current
    // level although L2 shows ✓.
    let mut profile = Profile::new("ops");
    for id in ["craft.l2.a", "people.l2.a", "people.l2.b"] {
        profile
            .ratings
            .insert(crate::core::ids::IndicatorId::new(id.to_owned()), rating(5));
    }
    let data = Data::on_day(ops_pack(), profile, TODAY);
    assert_eq!(data.assessment.current_level, None);
    assert!(data.reached_above_current());
    let screen = draw(data, Lang::En, 120, 40, &[]).to_string();
    assert!(
        screen.contains("Current level: the highest one with every level below it reached too."),
        "{screen}"
    );
    // With nothing reached there is nothing to explain.
    let plain = ops_data();
    assert!(!plain.reached_above_current());
    let screen = draw(plain, Lang::En, 120, 40, &[]).to_string();
    assert!(!screen.contains("Current level: the highest"), "{screen}");
}

#[test]
fn the_welcome_greets_a_named_profile_by_name_and_the_default_without_one() {
    let named = Data::on_day(built_in().unwrap().pack, Profile::new("alice"), TODAY);
    let screen = draw(named, Lang::En, 80, 24, &[]).to_string();
    assert!(screen.contains("Welcome, alice!"), "{screen}");
    let screen = draw(empty_data(), Lang::En, 80, 24, &[]).to_string();
    assert!(screen.contains("  Welcome!  "), "{screen}");
    assert!(!screen.contains("Welcome, default"), "{screen}");
}
