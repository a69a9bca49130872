//! Drill rules with hand-worked values, on the fixture pack `valid-drill`
//! (the ops ladder: scale 1–5, meets 4; three question categories).

mod schedule;
mod session;
mod stats;

use std::path::Path;
use std::sync::Arc;

use time::macros::datetime;

use super::*;
use crate::core::clock::ManualClock;
use crate::core::content::{PackSource, load};
use crate::core::ids::IndicatorId;
pub(super) use crate::core::profile::{Card, DrillLog};
use crate::core::workspace::Workspace;

pub(super) fn drill_pack() -> Pack {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid-drill");
    load(&PackSource::Dir(dir)).unwrap().pack
}

/// Friday 2026-12-04, 09:00 in Shanghai.
pub(super) const START: OffsetDateTime = datetime!(2026-12-04 09:00:00 +08:00);

pub(super) fn workspace() -> (Workspace, ManualClock) {
    let clock = ManualClock::new(START);
    let ws = Workspace::new(drill_pack(), Profile::new("dana"), Arc::new(clock.clone()));
    (ws, clock)
}

/// Ratings that make the weak spots worked out in `session.rs`.
pub(super) fn rate_for_weak_spots(ws: &mut Workspace) {
    ws.apply(crate::core::workspace::Command::SetTarget(Some(
        "L2".into(),
    )))
    .unwrap();
    for (id, score) in [
        ("craft.l1.a", 5),
        ("craft.l1.b", 3),
        ("people.l1.a", 4),
        ("craft.l2.a", 2),
        ("people.l2.a", 3),
        ("craft.l3.a", 2),
    ] {
        ws.apply(crate::core::workspace::Command::Rate {
            indicator: IndicatorId::new(id),
            score,
        })
        .unwrap();
    }
}

/// Grades `question` now, as the screen does, and applies it.
pub(super) fn answer(ws: &mut Workspace, question: &str, grade: Grade, kind: SessionKind) {
    let command = record(
        &ws.pack,
        &ws.profile,
        Answer {
            question: QuestionId::new(question),
            follow_up: None,
            kind,
            grade,
            seconds: 60,
            covered: vec![0],
            by: Reviewer::Own,
        },
        ws.now(),
    );
    ws.apply(command).unwrap();
}

/// Moves the clock on by `days` whole days and lets the workspace see it.
pub(super) fn pass_days(ws: &mut Workspace, clock: &ManualClock, days: i64) {
    clock.advance(time::Duration::days(days));
    ws.observe();
}
