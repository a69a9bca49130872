//! A session's cards: revealing, pausing, notes, ticking key points, and
//! each grade recorded through the workspace before the next card starts.

use super::run::{Done, Run};
use super::{Drill, DrillMode, finish, reveal};
use crate::core::drill::{self, Answer};
use crate::core::profile::{Grade, Reviewer};
use crate::tui::action::Action;
use crate::tui::data::{Data, apply};
use crate::tui::screens::{Ctx, Page};
use crate::tui::state::Effect;

impl Drill {
    pub(super) fn update_answering(
        &mut self,
        mut run: Box<Run>,
        action: Action,
        data: &mut Data,
    ) -> (DrillMode, Option<Vec<Effect>>) {
        match action {
            Action::Reveal => {
                run.used = Some(run.clock.seconds(data.now()));
                self.page = Page::default();
                (DrillMode::Revealed(run), Some(Vec::new()))
            }
            Action::Pause => {
                run.clock.pause(data.now());
                (DrillMode::Paused(run), Some(Vec::new()))
            }
            Action::Edit => (DrillMode::Notes(run), Some(Vec::new())),
            Action::Grade(n) => match grade_of(n) {
                Some(grade) => {
                    run.used = Some(run.clock.seconds(data.now()));
                    self.grade(run, grade, data)
                }
                None => (DrillMode::Answering(run), Some(Vec::new())),
            },
            Action::Back => (finish(*run, data), Some(Vec::new())),
            _ => (DrillMode::Answering(run), None),
        }
    }

    pub(super) fn update_revealed(
        &mut self,
        mut run: Box<Run>,
        action: Action,
        ctx: &Ctx,
        data: &mut Data,
    ) -> (DrillMode, Option<Vec<Effect>>) {
        let points = run.ticked.len();
        match action {
            Action::Up => run.point = run.point.saturating_sub(1),
            Action::Down => run.point = (run.point + 1).min(points.saturating_sub(1)),
            Action::Toggle => {
                if let Some(t) = run.ticked.get_mut(run.point) {
                    *t = !*t;
                }
            }
            Action::Grade(n) => {
                if let Some(grade) = grade_of(n) {
                    return self.grade(run, grade, data);
                }
            }
            Action::Open => {
                let grade = run.suggestion(data.now());
                return self.grade(run, grade, data);
            }
            Action::Back => return (finish(*run, data), Some(Vec::new())),
            Action::PageUp
            | Action::PageDown
            | Action::Home
            | Action::End
            | Action::ScrollUp { .. }
            | Action::ScrollDown { .. } => {
                let len = reveal::reveal_len(&run, data, ctx);
                let done = self.page.update(action, len, ctx.body.as_size());
                return (DrillMode::Revealed(run), done);
            }
            _ => return (DrillMode::Revealed(run), None),
        }
        (DrillMode::Revealed(run), Some(Vec::new()))
    }

    /// Records `grade` for the item on screen and moves on.
    fn grade(
        &mut self,
        mut run: Box<Run>,
        grade: Grade,
        data: &mut Data,
    ) -> (DrillMode, Option<Vec<Effect>>) {
        let Some(item) = run.item().cloned() else {
            return (finish(*run, data), Some(Vec::new()));
        };
        let seconds = run.seconds(data.now());
        let covered: Vec<u32> = run
            .ticked
            .iter()
            .enumerate()
            .filter(|(_, t)| **t)
            .filter_map(|(i, _)| u32::try_from(i).ok())
            .collect();
        let answer = Answer {
            question: item.question.clone(),
            follow_up: item.follow_up,
            kind: item.kind,
            grade,
            seconds,
            covered,
            // In mentor mode the mentor interviews: the answer is theirs to grade.
            by: data
                .mentor_session
                .as_ref()
                .map_or(Reviewer::Own, |s| Reviewer::Mentor(s.mentor.clone())),
        };
        let command = drill::record(&data.pack, &data.profile, answer, data.now());
        let effects = apply(data, command).unwrap_or_default();
        run.done.push(Done {
            item,
            grade,
            seconds,
            covered: run.covered(),
            total: run.ticked.len(),
        });
        self.page = Page::default();
        let mode = if run.advance(&data.pack, data.now()) {
            DrillMode::Answering(run)
        } else {
            finish(*run, data)
        };
        (mode, Some(effects))
    }
}

/// The grade of key `n`: 1 Again, 2 Hard, 3 Good, 4 Easy.
fn grade_of(n: u32) -> Option<Grade> {
    n.checked_sub(1)
        .and_then(|i| Grade::ALL.get(i as usize))
        .copied()
}
