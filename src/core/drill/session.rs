//! Building a session: which questions, in what order, with what time.

use crate::core::clock::OffsetDateTime;
use crate::core::content::{Pack, Question};
use crate::core::ids::QuestionId;
use crate::core::profile::{Profile, SessionKind};
use crate::core::score::Assessment;

use super::status::{backlog, is_due};
use super::weak::{question_ranks, weak_indicators};

/// Seconds per answer when the question sets none.
pub const DEFAULT_SECONDS: u32 = 180;
/// New questions a day, in Due sessions, unless set otherwise.
pub const NEW_PER_DAY: usize = 5;
/// Questions per session unless set otherwise.
pub const DEFAULT_COUNT: usize = 5;

/// The kinds of session the set-up page offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Choice {
    /// What the scheduler says is due, then new questions up to a daily limit.
    Due,
    /// Questions probing the person's gaps and lowest ratings, most important first.
    Weak,
    /// Questions for the target level in panel order, each with its follow-ups.
    Mock,
    /// Any questions, outside the schedule.
    Cram,
}

impl Choice {
    /// Every kind, in the order the set-up page lists them.
    pub const ALL: [Choice; 4] = [Choice::Due, Choice::Weak, Choice::Mock, Choice::Cram];
}

/// How long each answer may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timing {
    /// The question's own `time_limit`, else [`DEFAULT_SECONDS`].
    Question,
    /// The same limit for every question.
    Fixed(u32),
    /// No clock.
    Untimed,
}

/// What to drill: the set-up page's choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The kind of session.
    pub choice: Choice,
    /// Only questions asked at this level (Mock: else the target level).
    pub level: Option<String>,
    /// Only questions of this category.
    pub category: Option<String>,
    /// How many questions (in a mock, not counting follow-ups).
    pub count: usize,
    /// Time per answer.
    pub timing: Timing,
    /// New questions a day, in Due sessions.
    pub new_per_day: usize,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            choice: Choice::Due,
            level: None,
            category: None,
            count: DEFAULT_COUNT,
            timing: Timing::Question,
            new_per_day: NEW_PER_DAY,
        }
    }
}

/// One thing to answer in a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The question.
    pub question: QuestionId,
    /// In a mock, the follow-up asked (its index in the question's follow-ups).
    pub follow_up: Option<usize>,
    /// The kind logged with the answer.
    pub kind: SessionKind,
    /// Seconds allowed, if timed.
    pub limit: Option<u32>,
}

/// The seconds allowed for `question` under `timing`.
pub fn time_limit(question: &Question, timing: Timing) -> Option<u32> {
    match timing {
        Timing::Question => Some(
            question
                .time_limit
                .as_ref()
                .map_or(DEFAULT_SECONDS, |t| t.value),
        ),
        Timing::Fixed(s) => Some(s),
        Timing::Untimed => None,
    }
}

/// A follow-up gets half the question's time, at least 30 seconds.
pub fn follow_up_limit(limit: Option<u32>) -> Option<u32> {
    limit.map(|s| (s / 2).max(30))
}

fn matches(q: &Question, level: Option<&str>, category: Option<&str>) -> bool {
    level.is_none_or(|l| q.levels.value.iter().any(|x| x.value == l))
        && category.is_none_or(|c| q.category.value == c)
}

/// The items of a session planned by `plan` at `now`.
pub fn build(
    pack: &Pack,
    profile: &Profile,
    assessment: &Assessment,
    now: OffsetDateTime,
    plan: &Plan,
) -> Vec<Item> {
    let level = match plan.choice {
        Choice::Mock => plan.level.as_deref().or(assessment.target_level.as_deref()),
        _ => plan.level.as_deref(),
    };
    let category = plan.category.as_deref();
    let wanted = |q: &&Question| matches(q, level, category);
    let item = |q: &Question, kind| Item {
        question: QuestionId::new(q.id.value.clone()),
        follow_up: None,
        kind,
        limit: time_limit(q, plan.timing),
    };
    let weak = weak_indicators(pack, profile, assessment);
    let ranked = question_ranks(pack, &weak);
    let rank_of = |q: &Question| {
        ranked
            .iter()
            .find(|(r, _)| r.id.value == q.id.value)
            .map_or(usize::MAX, |&(_, rank)| rank)
    };
    let log = &profile.drill;
    match plan.choice {
        Choice::Due => {
            let mut due: Vec<&Question> = pack
                .questions
                .iter()
                .filter(wanted)
                .filter(|q| {
                    log.cards
                        .get(q.id.value.as_str())
                        .is_some_and(|c| is_due(c, now))
                })
                .collect();
            // Most overdue first; pack order breaks ties (the sort is stable).
            due.sort_by_key(|q| log.cards.get(q.id.value.as_str()).map(|c| c.due));
            let started = backlog(pack, log, now).new_started_today;
            let mut new: Vec<(usize, usize, &Question)> = pack
                .questions
                .iter()
                .enumerate()
                .filter(|(_, q)| wanted(q) && !log.cards.contains_key(q.id.value.as_str()))
                .map(|(order, q)| (rank_of(q), order, q))
                .collect();
            // Questions touching the biggest gaps are introduced first.
            new.sort_by_key(|&(rank, order, _)| (rank, order));
            due.into_iter()
                .map(|q| item(q, SessionKind::Due))
                .chain(
                    new.into_iter()
                        .take(plan.new_per_day.saturating_sub(started))
                        .map(|(_, _, q)| item(q, SessionKind::New)),
                )
                .take(plan.count)
                .collect()
        }
        Choice::Weak => ranked
            .iter()
            .map(|&(q, _)| q)
            .filter(wanted)
            .take(plan.count)
            .map(|q| item(q, SessionKind::Weak))
            .collect(),
        Choice::Cram => pack
            .questions
            .iter()
            .filter(wanted)
            .take(plan.count)
            .map(|q| item(q, SessionKind::Cram))
            .collect(),
        Choice::Mock => mock(pack, plan, level, category, &rank_of)
            .into_iter()
            .flat_map(|q| {
                let main = item(q, SessionKind::Mock);
                let limit = follow_up_limit(main.limit);
                let id = main.question.clone();
                let follow_ups = (0..q.follow_ups.len()).map(move |i| Item {
                    question: id.clone(),
                    follow_up: Some(i),
                    kind: SessionKind::Mock,
                    limit,
                });
                std::iter::once(main).chain(follow_ups)
            })
            .collect(),
    }
}

/// A question with its weak-spot rank and its place in the pack.
type Ranked<'a> = (usize, usize, &'a Question);

/// A mock's questions: taken in turn from each category (in pack order), the
/// weakest spots of a category first, so the panel covers the ground and
/// presses on the gaps; then asked category by category, as a panel does.
fn mock<'a>(
    pack: &'a Pack,
    plan: &Plan,
    level: Option<&str>,
    category: Option<&str>,
    rank_of: &dyn Fn(&Question) -> usize,
) -> Vec<&'a Question> {
    let category_at = |q: &Question| {
        pack.categories
            .iter()
            .position(|c| c.id.value == q.category.value)
            .unwrap_or(usize::MAX)
    };
    let mut by_category: Vec<(usize, Vec<Ranked<'a>>)> = Vec::new();
    for (order, q) in pack.questions.iter().enumerate() {
        if !matches(q, level, category) {
            continue;
        }
        let at = category_at(q);
        let entry = (rank_of(q), order, q);
        match by_category.iter_mut().find(|(c, _)| *c == at) {
            Some((_, list)) => list.push(entry),
            None => by_category.push((at, vec![entry])),
        }
    }
    by_category.sort_by_key(|(c, _)| *c);
    for (_, list) in &mut by_category {
        list.sort_by_key(|&(rank, order, _)| (rank, order));
    }
    let mut chosen: Vec<(usize, usize, usize, &Question)> = Vec::new();
    let mut round = 0;
    while chosen.len() < plan.count {
        let mut took = false;
        for (c, list) in &by_category {
            if chosen.len() >= plan.count {
                break;
            }
            if let Some(&(_, order, q)) = list.get(round) {
                chosen.push((*c, round, order, q));
                took = true;
            }
        }
        if !took {
            break;
        }
        round += 1;
    }
    chosen.sort_by_key(|&(c, round, _, _)| (c, round));
    chosen.into_iter().map(|(_, _, _, q)| q).collect()
}
