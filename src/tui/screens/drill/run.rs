//! A session in progress: the items, the one on screen, its clock, the
//! key points ticked, and what was graded so far.

use crate::core::clock::OffsetDateTime;
use crate::core::content::{Pack, Question};
use crate::core::drill::{Choice, Item, suggest};
use crate::core::profile::Grade;

use super::notes::Notes;

/// The clock of one answer: it runs from `started`, less the time paused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clock {
    started: OffsetDateTime,
    paused_secs: i64,
    paused_at: Option<OffsetDateTime>,
}

impl Clock {
    /// A clock started at `now`.
    pub fn start(now: OffsetDateTime) -> Self {
        Clock {
            started: now,
            paused_secs: 0,
            paused_at: None,
        }
    }

    /// Seconds counted at `now`.
    pub fn seconds(&self, now: OffsetDateTime) -> u32 {
        let paused_now = self
            .paused_at
            .map_or(0, |at| (now - at).whole_seconds().max(0));
        let secs = (now - self.started).whole_seconds() - self.paused_secs - paused_now;
        u32::try_from(secs.max(0)).unwrap_or(u32::MAX)
    }

    /// Stops the clock at `now`.
    pub fn pause(&mut self, now: OffsetDateTime) {
        self.paused_at.get_or_insert(now);
    }

    /// Starts it again at `now`.
    pub fn resume(&mut self, now: OffsetDateTime) {
        if let Some(at) = self.paused_at.take() {
            self.paused_secs += (now - at).whole_seconds().max(0);
        }
    }
}

/// One graded answer, for the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done {
    pub item: Item,
    pub grade: Grade,
    pub seconds: u32,
    /// Key points covered, of `total`.
    pub covered: usize,
    pub total: usize,
}

/// A session being drilled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub choice: Choice,
    pub items: Vec<Item>,
    /// The item on screen.
    pub at: usize,
    pub clock: Clock,
    /// Seconds used, frozen when the answer was revealed.
    pub used: Option<u32>,
    pub notes: Notes,
    /// Which key points are ticked as covered.
    pub ticked: Vec<bool>,
    /// The key point selected in the revealed answer.
    pub point: usize,
    pub done: Vec<Done>,
    /// When the session started.
    pub began: OffsetDateTime,
}

impl Run {
    /// A session over `items` (not empty), its first clock started at `now`.
    pub fn start(choice: Choice, items: Vec<Item>, pack: &Pack, now: OffsetDateTime) -> Self {
        let mut run = Run {
            choice,
            items,
            at: 0,
            clock: Clock::start(now),
            used: None,
            notes: Notes::default(),
            ticked: Vec::new(),
            point: 0,
            done: Vec::new(),
            began: now,
        };
        run.ticked = vec![false; run.key_point_count(pack)];
        run
    }

    /// The item on screen.
    pub fn item(&self) -> Option<&Item> {
        self.items.get(self.at)
    }

    /// The question of the item on screen.
    pub fn question<'p>(&self, pack: &'p Pack) -> Option<&'p Question> {
        self.item().and_then(|i| pack.question(&i.question))
    }

    /// Key points to tick: none for a follow-up.
    fn key_point_count(&self, pack: &Pack) -> usize {
        match self.item() {
            Some(item) if item.follow_up.is_none() => {
                self.question(pack).map_or(0, |q| q.key_points.value.len())
            }
            _ => 0,
        }
    }

    /// Seconds used on the item on screen, as of `now`.
    pub fn seconds(&self, now: OffsetDateTime) -> u32 {
        self.used.unwrap_or_else(|| self.clock.seconds(now))
    }

    /// How many key points are ticked.
    pub fn covered(&self) -> usize {
        self.ticked.iter().filter(|t| **t).count()
    }

    /// The grade suggested for the answer on screen.
    pub fn suggestion(&self, now: OffsetDateTime) -> Grade {
        let limit = self.item().and_then(|i| i.limit);
        suggest(self.covered(), self.ticked.len(), self.seconds(now), limit)
    }

    /// Moves on to the next item, its clock started at `now`; `false` when
    /// the session is over.
    pub fn advance(&mut self, pack: &Pack, now: OffsetDateTime) -> bool {
        self.at += 1;
        self.clock = Clock::start(now);
        self.used = None;
        self.notes = Notes::default();
        self.point = 0;
        self.ticked = vec![false; self.key_point_count(pack)];
        self.at < self.items.len()
    }
}
