//! Checklist runs in the workspace: starting one, deciding its items,
//! finishing, attaching it to indicators as evidence, deleting it. Each
//! run is a file of its own, so a change saves only [`Save::Run`].

use super::{Outcome, Refused, Save, Workspace, blank_to_none};
use crate::core::checklist::{ItemResult, Run, Verdict, new_run_id};
use crate::core::ids::{ChecklistId, IndicatorId, RunId};
use crate::core::sanitize::neutralize_owned;

/// A change to a checklist run.
#[derive(Debug, Clone, PartialEq)]
pub enum RunCommand {
    /// Start a run of a checklist of the pack under a name; its id is made
    /// from the day and the name.
    Start {
        checklist: ChecklistId,
        name: String,
    },
    /// Set an item's result; `None` opens it again.
    SetResult {
        run: RunId,
        item: String,
        result: Option<Verdict>,
    },
    /// Set an item's note; blank text removes it.
    SetNote {
        run: RunId,
        item: String,
        text: String,
    },
    /// Mark the run finished, now.
    Finish { run: RunId },
    /// Keep a finished run as evidence for an indicator.
    Attach { run: RunId, indicator: IndicatorId },
    /// No longer keep it as evidence for an indicator.
    Detach { run: RunId, indicator: IndicatorId },
    /// Delete the run and its file.
    Delete { run: RunId },
}

impl Workspace {
    /// The run `id`, if the profile has it.
    pub fn run(&self, id: &str) -> Option<&Run> {
        self.runs.iter().find(|r| r.id == id)
    }

    /// The finished runs attached to `indicator`, oldest first.
    pub fn runs_for(&self, indicator: &str) -> impl Iterator<Item = &Run> {
        self.runs
            .iter()
            .filter(move |r| r.finished.is_some() && r.attached_to.iter().any(|i| i == indicator))
    }

    fn run_mut(&mut self, id: &RunId) -> Result<&mut Run, Refused> {
        self.runs
            .iter_mut()
            .find(|r| r.id == *id)
            .ok_or_else(|| Refused::UnknownRun(id.to_string()))
    }

    /// Checks that `item` is an item of run `run`'s checklist.
    fn known_item(&self, run: &RunId, item: &str) -> Result<(), Refused> {
        let checklist = self
            .run(run)
            .ok_or_else(|| Refused::UnknownRun(run.to_string()))?
            .checklist
            .clone();
        let known = self.pack.checklist(&checklist).is_some_and(|c| {
            c.sections
                .iter()
                .any(|s| s.items.iter().any(|i| i.id.value == item))
        });
        if known {
            Ok(())
        } else {
            Err(Refused::UnknownItem(item.to_owned()))
        }
    }

    pub(super) fn apply_run(&mut self, command: RunCommand) -> Result<Outcome, Refused> {
        let now = self.now();
        let (id, changed) = match command {
            RunCommand::Start { checklist, name } => {
                if self.pack.checklist(&checklist).is_none() {
                    return Err(Refused::UnknownChecklist(checklist.into_string()));
                }
                // Typed or pasted text must never drive the terminal it is shown on.
                let name = neutralize_owned(name.replace(['\n', '\r', '\t'], " "));
                let name = name.trim();
                if name.is_empty() {
                    return Err(Refused::NoRunName);
                }
                let id = new_run_id(now.date(), name, &checklist, |id| {
                    self.runs.iter().any(|r| r.id == id)
                        || self.run_problems.iter().any(|(p, _)| p == id)
                });
                self.runs.push(Run::new(id.clone(), checklist, name, now));
                (id, true)
            }
            RunCommand::SetResult { run, item, result } => {
                self.known_item(&run, &item)?;
                let entry = self.run_mut(&run)?.results.entry(item).or_default();
                let changed = entry.result != result;
                entry.result = result;
                self.drop_empty(&run);
                (run, changed)
            }
            RunCommand::SetNote { run, item, text } => {
                self.known_item(&run, &item)?;
                let entry = self.run_mut(&run)?.results.entry(item).or_default();
                let new = blank_to_none(&neutralize_owned(text));
                let changed = entry.note != new;
                entry.note = new;
                self.drop_empty(&run);
                (run, changed)
            }
            RunCommand::Finish { run } => {
                let r = self.run_mut(&run)?;
                let changed = r.finished.is_none();
                if changed {
                    r.finished = Some(now);
                }
                (run, changed)
            }
            RunCommand::Attach { run, indicator } => {
                self.known_indicator(&indicator)?;
                let r = self.run_mut(&run)?;
                if r.finished.is_none() {
                    return Err(Refused::NotFinished(run.into_string()));
                }
                let changed = !r.attached_to.contains(&indicator);
                if changed {
                    r.attached_to.push(indicator);
                }
                (run, changed)
            }
            RunCommand::Detach { run, indicator } => {
                let r = self.run_mut(&run)?;
                let before = r.attached_to.len();
                r.attached_to.retain(|i| *i != indicator);
                let changed = r.attached_to.len() != before;
                (run, changed)
            }
            RunCommand::Delete { run } => {
                let before = self.runs.len();
                self.runs.retain(|r| r.id != run);
                if self.runs.len() == before {
                    return Err(Refused::UnknownRun(run.into_string()));
                }
                (run, true)
            }
        };
        Ok(if changed {
            Outcome::Changed(vec![Save::Run(id)])
        } else {
            Outcome::Unchanged
        })
    }

    /// An item with neither result nor note is open, and not kept.
    fn drop_empty(&mut self, run: &RunId) {
        if let Ok(r) = self.run_mut(run) {
            r.results
                .retain(|_, result: &mut ItemResult| !result.is_empty());
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use time::macros::datetime;

    use super::*;
    use crate::core::clock::ManualClock;
    use crate::core::content::{PackSource, load};
    use crate::core::profile::Profile;
    use crate::core::workspace::SaveStatus;

    fn workspace() -> (Workspace, ManualClock) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/review-runs");
        let pack = load(&PackSource::Dir(dir)).unwrap().pack;
        let clock = ManualClock::new(datetime!(2026-12-04 10:00:00 +08:00));
        let ws = Workspace::new(pack, Profile::new("alice"), Arc::new(clock.clone()));
        (ws, clock)
    }

    fn run_cmd(ws: &mut Workspace, command: RunCommand) -> Result<Outcome, Refused> {
        ws.apply(super::super::Command::Checklist(command))
    }

    fn start(ws: &mut Workspace, name: &str) -> RunId {
        let outcome = run_cmd(
            ws,
            RunCommand::Start {
                checklist: ChecklistId::new("review"),
                name: name.into(),
            },
        )
        .unwrap();
        match outcome {
            Outcome::Changed(saves) => match saves.as_slice() {
                [Save::Run(id)] => id.clone(),
                other => panic!("{other:?}"),
            },
            Outcome::Unchanged => panic!("unchanged"),
        }
    }

    fn result(run: &RunId, item: &str, result: Option<Verdict>) -> RunCommand {
        RunCommand::SetResult {
            run: run.clone(),
            item: item.into(),
            result,
        }
    }

    #[test]
    fn a_run_starts_named_and_saves_only_its_own_file() {
        let (mut ws, _) = workspace();
        let id = start(&mut ws, "PR 482 order sync");
        assert_eq!(id, "2026-12-04-pr-482-order-sync");
        let again = start(&mut ws, "PR 482 order sync");
        assert_eq!(again, "2026-12-04-pr-482-order-sync-2");
        assert_eq!(
            run_cmd(&mut ws, result(&id, "safety.lock", Some(Verdict::Fail))),
            Ok(Outcome::Changed(vec![Save::Run(id.clone())]))
        );
        assert_eq!(
            run_cmd(&mut ws, result(&id, "safety.lock", Some(Verdict::Fail))),
            Ok(Outcome::Unchanged)
        );
        // The profile is untouched: no history, no pack stamp.
        assert!(ws.profile.history.is_empty());
        assert_eq!(ws.profile.pack, None);
        assert_eq!(
            ws.run(&id).unwrap().verdict("safety.lock"),
            Some(Verdict::Fail)
        );
    }

    #[test]
    fn bad_requests_are_refused_and_change_nothing() {
        let (mut ws, _) = workspace();
        let start_of = |checklist: &str, name: &str| RunCommand::Start {
            checklist: ChecklistId::new(checklist),
            name: name.into(),
        };
        assert_eq!(
            run_cmd(&mut ws, start_of("nope", "x")),
            Err(Refused::UnknownChecklist("nope".into()))
        );
        assert_eq!(
            run_cmd(&mut ws, start_of("review", "  ")),
            Err(Refused::NoRunName)
        );
        let id = start(&mut ws, "a");
        assert_eq!(
            run_cmd(&mut ws, result(&id, "go.rollback", Some(Verdict::Pass))),
            Err(Refused::UnknownItem("go.rollback".into()))
        );
        assert_eq!(
            run_cmd(&mut ws, result(&RunId::new("zz"), "safety.lock", None)),
            Err(Refused::UnknownRun("zz".into()))
        );
        let attach = RunCommand::Attach {
            run: id.clone(),
            indicator: IndicatorId::new("craft.l1.a"),
        };
        assert_eq!(
            run_cmd(&mut ws, attach),
            Err(Refused::NotFinished(id.to_string()))
        );
    }

    #[test]
    fn notes_results_finish_attach_and_delete() {
        let (mut ws, clock) = workspace();
        let id = start(&mut ws, "a");
        let note = |text: &str| RunCommand::SetNote {
            run: id.clone(),
            item: "safety.ctx".into(),
            text: text.into(),
        };
        run_cmd(&mut ws, note("订单服务没有传 ctx\n")).unwrap();
        assert_eq!(
            ws.run(&id).unwrap().note("safety.ctx"),
            Some("订单服务没有传 ctx")
        );
        // A blank note on an open item leaves nothing behind.
        run_cmd(&mut ws, note(" ")).unwrap();
        assert!(ws.run(&id).unwrap().results.is_empty());
        // A note from an outside editor cannot carry escape sequences.
        run_cmd(&mut ws, note("a\u{1b}[2Jb")).unwrap();
        assert_eq!(
            ws.run(&id).unwrap().note("safety.ctx"),
            Some("a\u{fffd}[2Jb")
        );
        run_cmd(&mut ws, note("")).unwrap();
        assert!(ws.run(&id).unwrap().results.is_empty());
        clock.advance(time::Duration::minutes(12));
        ws.observe();
        run_cmd(&mut ws, RunCommand::Finish { run: id.clone() }).unwrap();
        assert_eq!(
            ws.run(&id).unwrap().finished,
            Some(datetime!(2026-12-04 10:12:00 +08:00))
        );
        assert_eq!(
            run_cmd(&mut ws, RunCommand::Finish { run: id.clone() }),
            Ok(Outcome::Unchanged)
        );
        let indicator = IndicatorId::new("craft.l1.a");
        run_cmd(
            &mut ws,
            RunCommand::Attach {
                run: id.clone(),
                indicator: indicator.clone(),
            },
        )
        .unwrap();
        assert_eq!(ws.runs_for("craft.l1.a").count(), 1);
        run_cmd(
            &mut ws,
            RunCommand::Detach {
                run: id.clone(),
                indicator,
            },
        )
        .unwrap();
        assert_eq!(ws.runs_for("craft.l1.a").count(), 0);
        assert_eq!(
            run_cmd(&mut ws, RunCommand::Delete { run: id.clone() }),
            Ok(Outcome::Changed(vec![Save::Run(id.clone())]))
        );
        assert!(ws.run(&id).is_none());
    }

    #[test]
    fn a_failed_run_save_is_retried_on_its_own() {
        let (mut ws, _) = workspace();
        let id = start(&mut ws, "a");
        ws.saved(&Save::Run(id.clone()), Err("disk full".into()));
        ws.saved(&Save::Profile, Ok(None));
        assert_eq!(ws.unsaved(), [Save::Run(id.clone())]);
        assert_eq!(ws.save, SaveStatus::Failed("disk full".into()));
        ws.saved(&Save::Run(id), Ok(None));
        assert!(ws.unsaved().is_empty());
        assert_eq!(ws.save, SaveStatus::Saved);
    }
}
