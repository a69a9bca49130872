//! Interviewer mode: in `ladder mentor`, the mentor runs a mock defense;
//! the answers go into the log graded by the mentor and move the schedule
//! as one's own do.

use super::*;
use crate::core::mentor::MentorSession;
use crate::core::profile::Reviewer;

fn interview(lang: Lang) -> State {
    let clock = ManualClock::new(START);
    let mut profile = Profile::new("wang");
    profile.target_level = Some("L2".into());
    let mut data = drill_data(profile, &clock);
    data.mentor_session = Some(MentorSession {
        mentor: "Li Lei".into(),
        mentee: "wang".into(),
    });
    let mut state = app_in(lang, data);
    // The mock defense, as in the mock test above.
    for _ in 0..6 {
        press(&mut state, "down");
    }
    for _ in 0..4 {
        press(&mut state, "left");
    }
    for _ in 0..4 {
        press(&mut state, "up");
    }
    press(&mut state, "enter");
    state
}

#[test]
fn the_mentor_grades_and_the_answer_counts_for_scheduling() {
    let mut state = interview(Lang::En);
    assert_eq!(on_screen(&state).as_deref(), Some("incidents.worst"));
    press(&mut state, "space");
    press(&mut state, "3");
    let log = &state.data.profile.drill;
    assert_eq!(log.reviews.len(), 1);
    assert_eq!(log.reviews[0].by, Reviewer::Mentor("Li Lei".into()));
    assert_eq!(log.reviews[0].kind, SessionKind::Mock);
    assert_eq!(log.reviews[0].grade, Grade::Good);
    // Scheduled like a self-graded answer: the card has its first rep.
    assert_eq!(log.cards["incidents.worst"].reps, 1);
}

#[test]
fn snapshots_of_the_interviewer_with_the_rubric_shown() {
    for lang in Lang::ALL {
        let mut state = interview(lang);
        press(&mut state, "space");
        let name = format!("interviewer_{}_80x24", lang.code());
        insta::assert_snapshot!(name, render::text(&state));
    }
}
