//! Counting and scoring a run against its checklist.
//!
//! The score is the share of the severity weight that passed among the
//! items judged pass or fail: a `must` weighs 3, a `should` 2, a `nice` 1;
//! items not applicable and items still open do not count either way. So a
//! failed `must` costs three times what a failed `nice` does, and marking
//! an item not applicable never moves the score. See `docs/checklists.md`.

use serde::Serialize;

use super::{Run, Verdict};
use crate::core::content::{Checklist, ChecklistItem, ChecklistSection, Severity};

/// How much an item of `severity` weighs in the score.
pub fn weight(severity: Severity) -> u32 {
    match severity {
        Severity::Must => 3,
        Severity::Should => 2,
        Severity::Nice => 1,
    }
}

/// How many items have each result.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub pass: usize,
    pub fail: usize,
    pub na: usize,
    pub open: usize,
}

impl Counts {
    /// Counts one item with `verdict` (`None`: open).
    pub fn add(&mut self, verdict: Option<Verdict>) {
        match verdict {
            Some(Verdict::Pass) => self.pass += 1,
            Some(Verdict::Fail) => self.fail += 1,
            Some(Verdict::Na) => self.na += 1,
            None => self.open += 1,
        }
    }

    /// Every item counted.
    pub fn total(&self) -> usize {
        self.pass + self.fail + self.na + self.open
    }

    /// The items with a result.
    pub fn decided(&self) -> usize {
        self.pass + self.fail + self.na
    }
}

/// One section's counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionTally {
    /// The section's id.
    pub id: String,
    /// Its items' results.
    pub counts: Counts,
    /// How many of its `must` items failed.
    pub failed_must: usize,
}

/// A run counted and scored against its checklist.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    /// Every item of the checklist, by result.
    pub counts: Counts,
    /// Per section, in the checklist's order.
    pub sections: Vec<SectionTally>,
    /// How many `must` items failed.
    pub failed_must: usize,
    /// The weight of the items that passed.
    pub passed_weight: u32,
    /// The weight of the items judged pass or fail.
    pub judged_weight: u32,
    /// Results kept for items the checklist no longer has.
    pub orphans: usize,
}

impl Tally {
    /// Counts `run` against `checklist`; without the checklist (the pack no
    /// longer has it) only the stored results can be counted.
    pub fn of(run: &Run, checklist: Option<&Checklist>) -> Tally {
        let mut tally = Tally {
            counts: Counts::default(),
            sections: Vec::new(),
            failed_must: 0,
            passed_weight: 0,
            judged_weight: 0,
            orphans: 0,
        };
        let Some(checklist) = checklist else {
            for result in run.results.values() {
                if result.result.is_some() {
                    tally.counts.add(result.result);
                }
            }
            return tally;
        };
        let mut known = 0;
        for section in &checklist.sections {
            let mut counts = Counts::default();
            let mut failed_must = 0;
            for item in &section.items {
                let verdict = run.verdict(&item.id);
                if run.results.contains_key(item.id.as_str()) {
                    known += 1;
                }
                counts.add(verdict);
                let severity = item.severity.value;
                let w = weight(severity);
                match verdict {
                    Some(Verdict::Pass) => {
                        tally.passed_weight += w;
                        tally.judged_weight += w;
                    }
                    Some(Verdict::Fail) => {
                        tally.judged_weight += w;
                        if severity == Severity::Must {
                            failed_must += 1;
                        }
                    }
                    _ => {}
                }
            }
            tally.counts.pass += counts.pass;
            tally.counts.fail += counts.fail;
            tally.counts.na += counts.na;
            tally.counts.open += counts.open;
            tally.failed_must += failed_must;
            tally.sections.push(SectionTally {
                id: section.id.value.clone(),
                counts,
                failed_must,
            });
        }
        tally.orphans = run.results.len() - known;
        tally
    }

    /// The score in [0, 1], or `None` while nothing is judged pass or fail.
    pub fn score(&self) -> Option<f64> {
        (self.judged_weight > 0)
            .then(|| f64::from(self.passed_weight) / f64::from(self.judged_weight))
    }

    /// The share of items with a result, in [0, 1] (1 for an empty checklist).
    pub fn progress(&self) -> f64 {
        let total = self.counts.total();
        if total == 0 {
            1.0
        } else {
            self.counts.decided() as f64 / total as f64
        }
    }
}

/// Every item of `checklist` with its section, in order.
pub fn items(checklist: &Checklist) -> impl Iterator<Item = (&ChecklistSection, &ChecklistItem)> {
    checklist
        .sections
        .iter()
        .flat_map(|s| s.items.iter().map(move |i| (s, i)))
}

/// How many items `checklist` has.
pub fn item_count(checklist: &Checklist) -> usize {
    checklist.sections.iter().map(|s| s.items.len()).sum()
}
