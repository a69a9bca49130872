//! The Assess screen as drawn: snapshots at 80×24 and 120×40 in both
//! languages, the marks that must not depend on colour, a failed save, and
//! no panic at any size.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::*;
use crate::core::assess;
use crate::tui::view;

fn built_in(profile: Profile) -> Data {
    let pack = content::built_in().unwrap().pack;
    Data::on_day(pack, profile, TODAY)
}

/// A profile part-way through: the first two indicators rated, the first
/// with evidence, and the target chosen.
fn started() -> Profile {
    let data = built_in(Profile::new("default"));
    let order = assess::visible_indicators(
        &data.pack,
        &data.profile,
        &data.assessment,
        &Default::default(),
    );
    let mut profile = Profile::new("default");
    assess::rate(&mut profile, order[0], 3, TODAY);
    assess::rate(&mut profile, order[1], 1, TODAY);
    assess::set_evidence(
        &mut profile,
        order[0],
        "Order-sync service: all errors wrapped with %w; lint clean since March.",
        TODAY,
    );
    profile.target_level = Some("P7".into());
    profile
}

fn on_assess(data: Data, lang: Lang, width: u16, height: u16) -> State {
    let mut state = State::new(lang, Theme::no_color(), Keymap::builtin().unwrap(), data);
    update(&mut state, Action::Resize { width, height });
    update(&mut state, Action::GoTo(ScreenId::Assess));
    state
}

fn screen(state: &State) -> TestBackend {
    let backend = TestBackend::new(state.size.width, state.size.height);
    let mut terminal = Terminal::new(backend).unwrap();
    terminal.draw(|frame| view::render(state, frame)).unwrap();
    terminal.backend().clone()
}

/// The window as text, one line per row.
pub(super) fn text(state: &State) -> String {
    text_of(screen(state).buffer())
}

fn text_of(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn snapshots_in_both_languages_at_both_sizes() {
    for lang in Lang::ALL {
        for (width, height) in [(80, 24), (120, 40)] {
            let state = on_assess(built_in(started()), lang, width, height);
            let name = format!("assess_{}_{width}x{height}", lang.tag());
            insta::assert_snapshot!(name, screen(&state));
        }
    }
}

#[test]
fn snapshot_of_a_first_start_with_the_guided_banner() {
    for lang in Lang::ALL {
        let state = on_assess(built_in(Profile::new("default")), lang, 80, 24);
        insta::assert_snapshot!(format!("assess_empty_{}_80x24", lang.tag()), screen(&state));
    }
}

#[test]
fn snapshot_of_the_editor_with_chinese_text() {
    let mut state = on_assess(built_in(started()), Lang::Zh, 80, 24);
    update(&mut state, Action::Edit);
    press(&mut state, "enter");
    type_text(&mut state, "复盘文档：订单同步延迟从 5 分钟降到 2 秒。");
    insta::assert_snapshot!("assess_editor_zh_80x24", screen(&state));
}

#[test]
fn snapshot_of_the_ops_pack_in_the_guided_pass_with_an_orphan() {
    let mut state = with_orphan();
    update(
        &mut state,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    press(&mut state, "g");
    insta::assert_snapshot!("assess_ops_guided_en_120x40", screen(&state));
}

#[test]
fn a_failed_save_is_one_clear_line_and_the_rating_stays() {
    let mut data = ops_data(Profile::new("default"));
    data.save = SaveStatus::Failed(
        "could not save /nowhere/profiles/default.yaml: permission denied".into(),
    );
    let mut state = app(data);
    press(&mut state, "4");
    let shown = text_of(screen(&state).buffer());
    let line = shown
        .lines()
        .find(|line| line.contains("Not saved"))
        .expect("the error is on screen");
    assert!(line.contains("/nowhere/profiles/default.yaml"), "{line}");
    assert!(
        shown.contains("[4 Proficient]"),
        "the rating is shown:\n{shown}"
    );
}

#[test]
fn a_successful_save_shows_a_quiet_mark() {
    let mut data = ops_data(Profile::new("default"));
    data.save = SaveStatus::Saved;
    let state = app(data);
    assert!(text_of(screen(&state).buffer()).contains("✓ saved"));
}

#[test]
fn gaps_and_the_selection_are_marked_without_colour() {
    let mut state = ops();
    press(&mut state, "4");
    let shown = text_of(screen(&state).buffer());
    // craft.l1.a meets the bar now; craft.l1.b (unrated, L1 is the target) is a gap.
    assert!(shown.contains("› 4   Follows the runbook"), "{shown}");
    assert!(shown.contains("  · ! Writes alerts"), "{shown}");
}

#[test]
fn readiness_follows_each_rating() {
    let mut state = on_assess(ops_data(Profile::new("default")), Lang::En, 120, 40);
    press(&mut state, "5");
    // 1·5 / 20 = 25%.
    assert!(text_of(screen(&state).buffer()).contains("25%"));
    press(&mut state, "j");
    press(&mut state, "5");
    // (5 + 2·5) / 20 = 75%.
    assert!(text_of(screen(&state).buffer()).contains("75%"));
}

#[test]
fn no_size_makes_it_panic() {
    let sizes = [
        (1, 1),
        (20, 5),
        (59, 15),
        (60, 16),
        (61, 17),
        (80, 24),
        (99, 20),
        (100, 20),
        (101, 16),
        (131, 60),
    ];
    for (width, height) in sizes {
        let mut state = with_orphan();
        update(&mut state, Action::Resize { width, height });
        press(&mut state, "end");
        press(&mut state, "x");
        let _ = screen(&state);
        // The first key after x only answers its question.
        press(&mut state, "home");
        press(&mut state, "home");
        press(&mut state, "e");
        // Behind the "too small" note no key opens the editor.
        if !state.too_small() {
            type_text(&mut state, "证据");
        }
        let _ = screen(&state);
        let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
        view::draw(&state, Rect::new(0, 0, width, height), &mut buffer);
        for _ in 0..3 {
            update(&mut state, Action::PageDown);
        }
        let _ = screen(&state);
    }
}

#[test]
fn chinese_labels_take_a_full_width_colon() {
    let state = on_assess(built_in(started()), Lang::Zh, 120, 40);
    // Cells of wide characters are followed by an empty one in the buffer's
    // text, so compare without spaces.
    let screen: String = text(&state).chars().filter(|c| *c != ' ').collect();
    assert!(screen.contains("l职级：全部"), "{screen}");
    assert!(screen.contains("你的评分：3"), "{screen}");
    assert!(!screen.contains("职级:"), "{screen}");
}

#[test]
fn the_panel_states_the_rule_when_a_level_is_reached_above_current() {
    // The ops fixture: L2 all at 5 is reached, L1 unrated is not.
    let mut profile = Profile::new("default");
    for id in ["craft.l2.a", "people.l2.a", "people.l2.b"] {
        assess::rate(&mut profile, id, 5, TODAY);
    }
    let data = super::ops_data(profile);
    let state = on_assess(data, Lang::En, 120, 40);
    let screen = text(&state);
    // Wrapped to the 24-column panel.
    for part in [
        "Current level: the",
        "highest one with every",
        "level below it reached",
    ] {
        assert!(screen.contains(part), "{part}\n{screen}");
    }
}

/// The cell where `needle` starts on screen, searched row by row.
fn find(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        let row: Vec<&str> = (area.left()..area.right())
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        for start in 0..row.len() {
            if row[start..].concat().starts_with(needle) {
                return Some((area.left() + start as u16, y));
            }
        }
    }
    None
}

#[test]
fn the_evidence_hint_shows_code_without_backticks() {
    use crate::core::search::Target;
    use ratatui::style::Modifier;
    let mut state = on_assess(built_in(Profile::new("default")), Lang::En, 120, 40);
    let target = Target::Indicator("system-design.p6.api-contract".to_owned());
    assert!(crate::tui::state::focus(&mut state, &target));
    let backend = screen(&state);
    let buffer = backend.buffer();
    let shown = text_of(buffer);
    // The hint is "Proto changes that pass `buf lint` and `buf breaking`; ...".
    assert!(
        shown.contains("Proto changes that pass buf lint"),
        "{shown}"
    );
    assert!(!shown.contains('`'), "{shown}");
    let (x, y) = find(buffer, "buf lint").unwrap();
    assert!(buffer[(x, y)].modifier.contains(Modifier::UNDERLINED));
    assert!(!buffer[(x - 2, y)].modifier.contains(Modifier::UNDERLINED));
}

/// Cells `from..to` of row `y` as text, a wide character's second cell
/// left out.
fn cells(buffer: &Buffer, y: u16, from: u16, to: u16) -> String {
    let mut text = String::new();
    let mut x = from;
    while x < to {
        let symbol = buffer[(x, y)].symbol();
        text.push_str(symbol);
        let w = crate::tui::text::display_width(symbol).max(1);
        x += u16::try_from(w).unwrap_or(1);
    }
    text
}

#[test]
fn a_chinese_row_cut_at_the_list_edge_ends_with_one_ellipsis() {
    // 100 wide: 98 inside the margins, no panel, the list gets 2/5: 39
    // cells from column 1. "  · ! " takes 6; of "依据容器规格和实测数据为服务设置
    // `GOGC`…" the 16 characters to 设置 take 32, reaching 38, and the
    // space after them would not leave room for the `…` in cell 39.
    let state = on_assess(built_in(started()), Lang::Zh, 100, 30);
    let backend = screen(&state);
    let buffer = backend.buffer();
    let y = (0..30)
        .find(|&y| cells(buffer, y, 1, 40).contains("依据容器"))
        .unwrap();
    assert_eq!(
        cells(buffer, y, 1, 40),
        "  · ! 依据容器规格和实测数据为服务设置…"
    );
    // No row of the list has more than one.
    for y in 0..30 {
        let row = cells(buffer, y, 1, 40);
        assert!(row.matches('…').count() <= 1, "{row}");
    }
}

#[test]
fn the_panel_gives_a_long_level_name_a_row_of_its_own() {
    // Every P6 indicator at 4: P6 is reached and current, P7 the
    // automatic target. "P6 Senior Engineer" (18 cells) does not fit the
    // 16 the 24-column panel leaves after "current ", so the id stays on
    // its row and the rest of the name goes under it.
    let mut profile = Profile::new("default");
    let pack = content::built_in().unwrap().pack;
    for dim in &pack.dimensions {
        for ind in dim.indicators.iter().filter(|i| i.level.value == "P6") {
            assess::rate(&mut profile, &ind.id.value, 4, TODAY);
        }
    }
    let state = on_assess(built_in(profile), Lang::En, 120, 40);
    let screen = text(&state);
    for row in [
        "│ current P6  ",
        "│         Senior Engineer  ",
        "│ target  P7  ",
        "│         Technical Expert ",
        "│   automatic · press t  ",
    ] {
        assert!(screen.contains(row), "{row}\n{screen}");
    }
}

/// The details of `id` as plain lines, wide enough that nothing wraps.
fn detail_text(data: &Data, lang: Lang, id: &str) -> Vec<String> {
    use crate::tui::screens::assess::{detail, items::Item};
    let theme = Theme::no_color();
    let cx = detail::Ctx {
        data,
        lang,
        theme: &theme,
        width: 200,
    };
    detail::lines(Some(Item::Indicator(id)), &cx)
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn the_details_say_what_the_indicator_adds_to_its_level() {
    // valid-ops: craft.l1.b weighs 2 of L1's 1 + 2 + 1 = 4, scale 1..5,
    // meets 4. Rated 3: 2·3/(4·5) = 30%; at meets 2·4/20 = 40%.
    let mut profile = Profile::new("default");
    assess::rate(&mut profile, "craft.l1.b", 3, TODAY);
    let data = ops_data(profile);
    let en = detail_text(&data, Lang::En, "craft.l1.b");
    assert!(
        en.contains(
            &"Weight 2 of L1's 4: adds 30.0% to L1 readiness now, 40.0% at 4 (meets)".to_owned()
        ),
        "{en:#?}"
    );
    let zh = detail_text(&data, Lang::Zh, "craft.l1.b");
    assert!(
        zh.contains(
            &"权重 2（L1 共 4）：当前为 L1 准备度贡献 30.0%，达标（4 分）时 40.0%".to_owned()
        ),
        "{zh:#?}"
    );
    // people.l2.a, unrated, weighs 3 of L2's 5: 0 now, 3·4/25 = 48% at meets.
    let en = detail_text(&data, Lang::En, "people.l2.a");
    assert!(
        en.contains(&"Weight 3 of L2's 5: unrated counts as 0, so it adds 0.0% to L2 readiness now, 48.0% at 4 (meets)".to_owned()),
        "{en:#?}"
    );
}
