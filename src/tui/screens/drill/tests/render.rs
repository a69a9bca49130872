//! The Drill screen as drawn: the set-up, a card in its last 30 seconds,
//! the revealed answer, the summary and the stats, at 80×24 in both
//! languages, with the built-in pack.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::core::drill::{Answer, record};
use crate::core::ids::QuestionId;
use crate::core::profile::Reviewer;
use crate::tui::view;

fn screen(state: &State) -> TestBackend {
    let backend = TestBackend::new(state.size.width, state.size.height);
    let mut terminal = Terminal::new(backend).unwrap();
    terminal.draw(|frame| view::render(state, frame)).unwrap();
    terminal.backend().clone()
}

/// The window as text, one line per row.
pub(super) fn text(state: &State) -> String {
    let buffer = screen(state).buffer().clone();
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

/// The built-in pack, a target of P7, a defense on 2027-01-15, and a week
/// of drilling behind: answers on the 1st, 2nd and 3rd of December.
fn practised(lang: Lang, clock: &ManualClock) -> State {
    let pack = content::built_in().unwrap().pack;
    let mut profile = Profile::new("default");
    profile.target_level = Some("P7".into());
    profile.defense_date = Some(date!(2027 - 01 - 15));
    let mut data = Data::new(pack, profile, Arc::new(clock.clone()));
    let ids: Vec<String> = data
        .pack
        .questions
        .iter()
        .take(3)
        .map(|q| q.id.value.clone())
        .collect();
    for (day, (id, grade)) in ids
        .iter()
        .zip([Grade::Again, Grade::Good, Grade::Hard])
        .enumerate()
    {
        let at = datetime!(2026-12-01 21:00:00 +08:00) + time::Duration::days(day as i64);
        let command = record(
            &data.pack,
            &data.profile,
            Answer {
                question: QuestionId::new(id.clone()),
                follow_up: None,
                kind: SessionKind::New,
                grade,
                seconds: 150,
                covered: vec![0, 1],
                by: Reviewer::Own,
            },
            at,
        );
        data.apply(command).unwrap();
    }
    data.observe();
    app_in(lang, data)
}

#[test]
fn snapshots_of_every_page_in_both_languages() {
    for lang in Lang::ALL {
        let tag = lang.tag();
        let clock = ManualClock::new(START);
        let mut state = practised(lang, &clock);
        insta::assert_snapshot!(format!("drill_setup_{tag}_80x24"), screen(&state));

        press(&mut state, "enter");
        // The first due question; 20 s before its time is up.
        let limit = drill(&state)
            .mode
            .run()
            .unwrap()
            .item()
            .unwrap()
            .limit
            .unwrap();
        wait(&mut state, &clock, i64::from(limit) - 20);
        insta::assert_snapshot!(format!("drill_card_{tag}_80x24"), screen(&state));

        press(&mut state, "space");
        press(&mut state, "space");
        insta::assert_snapshot!(format!("drill_reveal_{tag}_80x24"), screen(&state));

        press(&mut state, "3");
        press(&mut state, "esc");
        insta::assert_snapshot!(format!("drill_summary_{tag}_80x24"), screen(&state));

        press(&mut state, "s");
        insta::assert_snapshot!(format!("drill_stats_{tag}_80x24"), screen(&state));
    }
}

#[test]
fn the_clock_warns_in_the_last_30_seconds_and_counts_the_overrun() {
    let clock = ManualClock::new(START);
    let mut state = practised(Lang::En, &clock);
    press(&mut state, "enter");
    let limit = i64::from(
        drill(&state)
            .mode
            .run()
            .unwrap()
            .item()
            .unwrap()
            .limit
            .unwrap(),
    );
    wait(&mut state, &clock, limit - 31);
    assert!(!text(&state).contains("s left"));
    wait(&mut state, &clock, 1);
    assert!(text(&state).contains("! 30 s left"), "{}", text(&state));
    wait(&mut state, &clock, 95);
    assert!(text(&state).contains("+1:05 over"), "{}", text(&state));
    let zh = practised(Lang::Zh, &clock);
    let _ = zh;
}

#[test]
fn no_size_panics() {
    let clock = ManualClock::new(START);
    let mut state = practised(Lang::Zh, &clock);
    press(&mut state, "enter");
    for (w, h) in [(20, 5), (40, 10), (60, 16), (200, 60)] {
        update(
            &mut state,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        let _ = screen(&state);
        press(&mut state, "space");
        let _ = screen(&state);
    }
}
