//! Taking ratings away: Backspace on an indicator of the pack, `x` on a
//! rating the pack no longer has, and the question asked first.

use super::*;

#[test]
fn backspace_removes_a_rating_without_evidence_at_once() {
    let mut state = ops();
    press(&mut state, "5");
    press(&mut state, "j");
    press(&mut state, "4");
    // As above: L1 at (1·5 + 2·4) / 20 = 0.65; without craft.l1.b's 4 it
    // is back to 1·5 / 20 = 0.25.
    assert_eq!(
        press(&mut state, "backspace"),
        [Effect::Save(crate::core::workspace::Save::Profile)]
    );
    assert_eq!(score(&state, "craft.l1.b"), None);
    assert_eq!(score(&state, "craft.l1.a"), Some(5), "the others stay");
    assert_eq!(readiness(&state, "L1"), 0.25);
    assert_eq!(
        state.screens.assess.note,
        Some(super::super::Note::Cleared("craft.l1.b".into()))
    );
    let screen = render::text(&state);
    assert!(
        screen.contains(
            "Removed the rating of \u{201c}Writes alerts that page only for user-visible symptoms.\u{201d}"
        ),
        "{screen}"
    );
    // Delete does the same; with nothing left to remove it says so.
    press(&mut state, "k");
    assert_eq!(
        press(&mut state, "delete"),
        [Effect::Save(crate::core::workspace::Save::Profile)]
    );
    assert!(state.data.profile.ratings.is_empty());
    assert_eq!(press(&mut state, "delete"), []);
    assert_eq!(
        state.screens.assess.note,
        Some(super::super::Note::Word(super::super::Word::NothingToClear))
    );
}

#[test]
fn backspace_asks_first_when_the_rating_has_evidence() {
    let mut state = ops();
    press(&mut state, "3");
    state
        .data
        .profile
        .ratings
        .get_mut("craft.l1.a")
        .unwrap()
        .evidence = Some("Ran the rollback runbook alone.".into());
    assert_eq!(press(&mut state, "backspace"), []);
    assert_eq!(
        state.screens.assess.confirming().map(|q| q.id()),
        Some("craft.l1.a")
    );
    // The question names the indicator by its text, cut to what the 97
    // cells of the status line leave (98 less one before "✓ saved", which
    // a question hides): 97 − 65 = 32 cells, the last the `…`.
    state.data.save = SaveStatus::Saved;
    let screen = render::text(&state);
    assert!(
        screen.contains(
            " Remove the rating and evidence of \u{201c}Follows the runbook for a faile…\u{201d}? y removes, other keys keep.  \n"
        ),
        "{screen}"
    );
    // Any other key keeps it, and says so; it does nothing else.
    assert_eq!(press(&mut state, "n"), []);
    assert_eq!(score(&state, "craft.l1.a"), Some(3));
    assert!(!state.screens.assess.filter.gaps_only);
    assert!(render::text(&state).contains("Kept: nothing was removed."));
    press(&mut state, "backspace");
    assert_eq!(
        press(&mut state, "y"),
        [Effect::Save(crate::core::workspace::Save::Profile)]
    );
    assert_eq!(score(&state, "craft.l1.a"), None);
    assert_eq!(selected(&state), "craft.l1.a");
}

#[test]
fn backspace_on_an_orphaned_rating_asks_as_x_does() {
    let mut state = with_orphan();
    press(&mut state, "end");
    assert_eq!(press(&mut state, "backspace"), []);
    assert_eq!(
        state.screens.assess.confirming(),
        Some(&super::super::Question::DeleteOrphan(
            "gone.old-indicator".into()
        ))
    );
    assert_eq!(
        press(&mut state, "y"),
        [Effect::Save(crate::core::workspace::Save::Profile)]
    );
    assert_eq!(score(&state, "gone.old-indicator"), None);
}

#[test]
fn orphaned_ratings_are_listed_last_and_deleted_only_after_a_yes() {
    let mut state = with_orphan();
    assert_eq!(visible(&state).last().unwrap(), "gone.old-indicator");
    press(&mut state, "end");
    assert_eq!(press(&mut state, "x"), []);
    assert_eq!(
        state.screens.assess.confirming().map(|q| q.id()),
        Some("gone.old-indicator")
    );
    // Any other key keeps it.
    assert_eq!(press(&mut state, "j"), []);
    assert_eq!(state.screens.assess.confirming(), None);
    assert_eq!(score(&state, "gone.old-indicator"), Some(2));
    press(&mut state, "x");
    assert_eq!(
        press(&mut state, "y"),
        [Effect::Save(crate::core::workspace::Save::Profile)]
    );
    assert_eq!(score(&state, "gone.old-indicator"), None);
    assert!(state.data.assessment.orphaned.is_empty());
    assert_eq!(score(&state, "craft.l1.a"), Some(3), "the others are kept");
    assert_eq!(selected(&state), "people.l2.b");
}

#[test]
fn switching_screens_answers_no_to_a_pending_delete() {
    let mut state = with_orphan();
    press(&mut state, "end");
    press(&mut state, "x");
    assert_eq!(press(&mut state, "tab"), []);
    assert_eq!(state.screen, ScreenId::Drill);
    assert_eq!(state.screens.assess.confirming(), None);
    press(&mut state, "shift-tab");
    assert_eq!(state.screen, ScreenId::Assess);
    assert_eq!(press(&mut state, "y"), []);
    assert_eq!(score(&state, "gone.old-indicator"), Some(2));
    // So does a click on a tab, also from the help window.
    press(&mut state, "x");
    press(&mut state, "?");
    update(&mut state, Action::GoTo(ScreenId::Library));
    update(&mut state, Action::GoTo(ScreenId::Assess));
    assert_eq!(press(&mut state, "y"), []);
    assert_eq!(score(&state, "gone.old-indicator"), Some(2));
}

#[test]
fn time_passing_keeps_the_delete_question() {
    let mut state = with_orphan();
    press(&mut state, "end");
    press(&mut state, "x");
    let now = state.data.now();
    update(&mut state, Action::Tick(now));
    assert_eq!(
        press(&mut state, "y"),
        [Effect::Save(crate::core::workspace::Save::Profile)]
    );
    assert_eq!(score(&state, "gone.old-indicator"), None);
}

#[test]
fn x_on_an_indicator_of_the_pack_deletes_nothing() {
    let mut state = with_orphan();
    press(&mut state, "x");
    assert_eq!(state.screens.assess.confirming(), None);
    assert_eq!(press(&mut state, "y"), []);
    assert_eq!(score(&state, "craft.l1.a"), Some(3));
}
