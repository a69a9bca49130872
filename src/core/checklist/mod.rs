//! Checklist runs: one pass over a pack's checklist (a code review, say),
//! with a result and a note per item, kept as a file of its own (SPEC §3).
//!
//! The run file holds only what the person decided; the checklist's texts
//! stay in the pack. [`Tally`] counts and scores a run against its
//! checklist; [`to_markdown`] and [`to_json`] export it.

mod file;
mod json;
mod markdown;
mod tally;
mod words;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::clock::{Date, OffsetDateTime, format_date, instant_serde};
use crate::core::ids::{ChecklistId, IndicatorId, RunId};
use crate::core::sanitize::neutralize_in_place;

pub use file::{MAX_RUN_BYTES, RunStore, StoredRuns, parse_run, run_to_yaml};
pub use json::{list_json, to_json};
pub use markdown::{inline, to_markdown};
pub use tally::{Counts, SectionTally, Tally, item_count, items, weight};
pub use words::{failed, failed_must, severity_word};

/// The run file version this build reads and writes.
pub const RUN_VERSION: u32 = 1;

/// The longest run id made from a name, in bytes (the date and a suffix come on top).
const MAX_SLUG: usize = 40;

/// What the reviewer decided about one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The change meets it.
    Pass,
    /// The change does not meet it.
    Fail,
    /// The item does not apply to this change.
    Na,
}

impl Verdict {
    /// The word used in files and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Na => "na",
        }
    }
}

/// An item's result and note; an item with neither is open and not stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemResult {
    /// The decision, or `None` while the item is still open (it may have a note).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Verdict>,
    /// What the reviewer wrote about it (Markdown): where, and what to do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl ItemResult {
    /// Whether there is nothing to keep.
    pub fn is_empty(&self) -> bool {
        self.result.is_none() && self.note.is_none()
    }
}

/// One run of a checklist: the file `checklists/<profile>/<id>.yaml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Run {
    /// File format version; [`RUN_VERSION`] for files this build writes.
    pub version: u32,
    /// The run's id, which is also its file name.
    pub id: RunId,
    /// The checklist of the pack that was run.
    pub checklist: ChecklistId,
    /// What the person called it ("PR 482 order sync").
    pub name: String,
    /// When it was started.
    #[serde(with = "instant_serde")]
    pub started: OffsetDateTime,
    /// When it was marked finished.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "instant_serde::option"
    )]
    pub finished: Option<OffsetDateTime>,
    /// Results by item id, including ids the checklist no longer has.
    #[serde(default)]
    pub results: BTreeMap<String, ItemResult>,
    /// Indicators this run is evidence for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attached_to: Vec<IndicatorId>,
}

impl Run {
    /// A new, empty run of `checklist`.
    pub fn new(id: RunId, checklist: ChecklistId, name: &str, started: OffsetDateTime) -> Self {
        Run {
            version: RUN_VERSION,
            id,
            checklist,
            name: name.trim().to_owned(),
            started,
            finished: None,
            results: BTreeMap::new(),
            attached_to: Vec::new(),
        }
    }

    /// The result of item `id`, if decided.
    pub fn verdict(&self, item: &str) -> Option<Verdict> {
        self.results.get(item).and_then(|r| r.result)
    }

    /// The note on item `id`, if any.
    pub fn note(&self, item: &str) -> Option<&str> {
        self.results.get(item).and_then(|r| r.note.as_deref())
    }

    /// The day it was started, in the offset it was started in.
    pub fn day(&self) -> Date {
        self.started.date()
    }

    /// Replaces control characters in every text value with U+FFFD; ids are
    /// kept as they are (whoever shows one neutralises it).
    pub(crate) fn neutralize_text(&mut self) {
        neutralize_in_place(&mut self.name);
        for result in self.results.values_mut() {
            if let Some(note) = &mut result.note {
                neutralize_in_place(note);
            }
        }
    }
}

/// Whether `id` can name a run file: 1 to 100 of `[A-Za-z0-9._-]`, not
/// starting with `.`.
pub fn is_run_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && !id.starts_with('.')
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// A fresh id for a run named `name` started on `day`: the date and the
/// name's letters and digits (`2026-12-04-pr-482-order-sync`), else the
/// checklist's id for a name with none (a Chinese name, say), with `-2`,
/// `-3`, … when `taken` says the id is in use.
pub fn new_run_id(day: Date, name: &str, checklist: &str, taken: impl Fn(&str) -> bool) -> RunId {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= MAX_SLUG {
            break;
        }
    }
    let mut slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() {
        slug = checklist
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
            .take(MAX_SLUG)
            .collect();
    }
    let base = if slug.is_empty() {
        format_date(day)
    } else {
        format!("{}-{slug}", format_date(day))
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    RunId::new(id)
}

/// Why a run id did not name one run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unresolved {
    /// No run's id is or starts with it.
    #[error("no checklist run `{0}`")]
    Unknown(String),
    /// Several runs' ids start with it.
    #[error("`{given}` could be any of {}", .matches.join(", "))]
    Ambiguous {
        /// What was given.
        given: String,
        /// The ids it starts, sorted.
        matches: Vec<String>,
    },
}

/// The one id among `ids` that is `given`, or that alone starts with it.
pub fn resolve<'a>(
    given: &str,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<&'a str, Unresolved> {
    let mut matches: Vec<&str> = Vec::new();
    for id in ids {
        if id == given {
            return Ok(id);
        }
        if !given.is_empty() && id.starts_with(given) {
            matches.push(id);
        }
    }
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(Unresolved::Unknown(given.to_owned())),
        _ => {
            matches.sort_unstable();
            Err(Unresolved::Ambiguous {
                given: given.to_owned(),
                matches: matches.into_iter().map(str::to_owned).collect(),
            })
        }
    }
}

#[cfg(test)]
mod tests;
