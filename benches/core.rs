//! `cargo bench`: how long the work behind a key press takes, and how much
//! memory it holds, on the built-in pack and the demo profile.
//!
//! A plain harness (no extra crates): each case runs a fixed number of times
//! and prints the mean and the fastest run, and the allocator below records
//! the peak of live heap bytes. Numbers are for comparing builds on one
//! machine, not thresholds: no test asserts them.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use ladder::core::content::{self, PackSource};
use std::sync::Arc;

use ladder::core::clock::ManualClock;
use ladder::core::ids::QuestionId;
use ladder::core::lang::Lang;
use ladder::core::profile::{
    Card, Grade, Profile, ProfileStore, Review, Reviewer, SessionKind, parse_profile,
};
use ladder::core::search::Index;
use ladder::core::workspace::Save;
use ladder::core::{drill, report, score};
use ladder::tui::data::Data;
use ladder::tui::keymap::Keymap;
use ladder::tui::text::wrap;
use ladder::tui::widgets::markdown::{MarkdownStyles, render};
use ladder::tui::{Action, Effect, State, Theme, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use time::macros::datetime;

/// Counts live heap bytes and remembers the peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f` `runs` times; prints mean, fastest, and the peak heap above
/// what was live before.
fn case<T>(name: &str, runs: u32, mut f: impl FnMut() -> T) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let mut total = Duration::ZERO;
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let start = Instant::now();
        black_box(f());
        let took = start.elapsed();
        total += took;
        best = best.min(took);
    }
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    println!(
        "{name:<40} mean {:>10.1?}  best {:>10.1?}  peak heap {:>8.1} KiB",
        total / runs,
        best,
        peak as f64 / 1024.0
    );
}

fn main() {
    let pack = match content::load(&PackSource::BuiltIn) {
        Ok(l) => l.pack,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let demo_text = include_str!("../assets/demo/profile.yaml");
    let path = std::path::Path::new("assets/demo/profile.yaml");
    let Ok(demo) = parse_profile(demo_text, path) else {
        eprintln!("the demo profile does not parse");
        return;
    };
    let article = pack
        .article("defense-prep")
        .map(|a| a.body.get("zh", "zh").to_owned())
        .unwrap_or_default();
    let styles = MarkdownStyles::default();

    case("load the built-in pack", 20, || {
        content::load(&PackSource::BuiltIn).is_ok()
    });
    case("parse the demo profile", 200, || {
        parse_profile(demo_text, path).is_ok()
    });
    case("score the demo profile", 2_000, || {
        score::assess(&pack, &demo)
    });
    case("report as Markdown (zh)", 200, || {
        let a = score::assess(&pack, &demo);
        report::to_markdown(
            &pack,
            &demo,
            &a,
            ladder::core::lang::Lang::Zh,
            time::macros::datetime!(2026-12-04 09:00:00 +08:00),
        )
    });
    // A year of drilling five questions a day on the demo profile.
    let year = drilled_for_a_year(&pack, &demo);
    let a = score::assess(&pack, &year);
    let now = time::macros::datetime!(2027-12-04 09:00:00 +08:00);
    case("drill stats over a year of answers", 50, || {
        drill::stats(&pack, &year.drill, now, None)
    });
    for choice in drill::Choice::ALL {
        let plan = drill::Plan {
            choice,
            ..drill::Plan::default()
        };
        case(&format!("build a drill session ({choice:?})"), 50, || {
            drill::build(&pack, &year, &a, now, &plan)
        });
    }
    case("report as JSON with a year of drilling", 20, || {
        report::to_json(&pack, &year, &a, ladder::core::lang::Lang::Zh, now)
    });
    case("build the search index (zh)", 200, || {
        Index::build(&pack, "zh")
    });
    let index = Index::build(&pack, "zh");
    case("search one word", 2_000, || index.search("goroutine"));
    case("search a typo (fuzzy fallback)", 500, || {
        index.search("gorutine")
    });
    case("render an article as Markdown, 100 cols", 200, || {
        render(&article, 100, &styles)
    });
    case("wrap an article's text, 40 cols", 500, || {
        wrap(&article, 40)
    });
    year_of_drill(&pack, &demo);
}

/// A profile a year old: the demo's ratings, 200 history days and 2,000
/// drill reviews. Loading it, saving it (with the read-back check and
/// fsync), and a rating key press that reaches the disk and the next frame.
fn year_of_drill(pack: &ladder::core::content::Pack, demo: &Profile) {
    let start = datetime!(2026-01-01 09:00:00 +08:00);
    let mut big = demo.clone();
    big.profile = "year".into();
    let snapshot = big.history.last().cloned();
    big.history = (0..200)
        .filter_map(|day| {
            let mut s = snapshot.clone()?;
            s.date = (start + time::Duration::days(day)).date();
            Some(s)
        })
        .collect();
    let questions: Vec<String> = pack.questions.iter().map(|q| q.id.value.clone()).collect();
    for i in 0..2_000usize {
        let at = start + time::Duration::hours(4 * i as i64);
        let question = QuestionId::new(questions[i % questions.len()].clone());
        big.drill.reviews.push(Review {
            question: question.clone(),
            at,
            grade: Grade::ALL[i % 4],
            seconds: 60 + (i % 240) as u32,
            covered: vec![0, 2],
            by: Reviewer::Own,
            kind: SessionKind::Due,
            prompt_hash: None,
            follow_up: None,
        });
        big.drill.cards.insert(
            question,
            Card {
                due: at + time::Duration::days(3),
                stability: 3.2,
                difficulty: 5.1,
                reps: (i / questions.len()) as u32 + 1,
                lapses: 0,
                last_review: at,
            },
        );
    }
    let Ok(dir) = tempfile::tempdir() else {
        eprintln!("no temporary directory for the save benchmarks");
        return;
    };
    let store = ProfileStore::new(dir.path());
    if let Err(e) = store.save(&big) {
        eprintln!("{e}");
        return;
    }
    let size = store
        .path("year")
        .ok()
        .and_then(|p| std::fs::metadata(p).ok())
        .map_or(0, |m| m.len());
    println!("(a year of drill: 200 history days, 2,000 reviews, {size} bytes)");
    case("load a year-old profile", 20, || store.load("year").is_ok());
    case("save a year-old profile (fsync, read-back)", 20, || {
        store.save(&big).is_ok()
    });

    // A key press: the rating goes through the workspace, is saved, and the
    // next frame is drawn.
    let clock = Arc::new(ManualClock::new(datetime!(2026-12-04 09:00:00 +08:00)));
    let data = Data::new(pack.clone(), big.clone(), clock);
    let mut state = State::new(
        Lang::Zh,
        Theme::color(),
        Keymap::builtin().unwrap_or_else(|e| panic!("{e}")),
        data,
    );
    update(&mut state, Action::NextScreen);
    update(
        &mut state,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    let mut terminal = match Terminal::new(TestBackend::new(120, 40)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let mut score = 0;
    case("rate: key to disk and next frame", 20, || {
        score = (score + 1) % 5;
        for effect in update(&mut state, Action::Rate(score)) {
            if effect == Effect::Save(Save::Profile) {
                let error = store.save(&state.data.profile).err().map(|e| e.to_string());
                update(
                    &mut state,
                    Action::Saved {
                        file: Save::Profile,
                        error,
                        hash: None,
                    },
                );
            }
        }
        terminal
            .draw(|frame| ladder::tui::view::render(&state, frame))
            .is_ok()
    });
}

/// `profile` after a year of five answers a day, as the Drill screen records them.
fn drilled_for_a_year(
    pack: &ladder::core::content::Pack,
    profile: &ladder::core::profile::Profile,
) -> ladder::core::profile::Profile {
    use ladder::core::profile::{Grade, Reviewer, SessionKind};
    let mut profile = profile.clone();
    let start = time::macros::datetime!(2026-12-04 09:00:00 +08:00);
    let ids: Vec<String> = pack.questions.iter().map(|q| q.id.value.clone()).collect();
    for day in 0..365i64 {
        for i in 0..5usize {
            let id = &ids[(day as usize * 5 + i) % ids.len()];
            let at = start + time::Duration::days(day) + time::Duration::minutes(i as i64 * 3);
            let answer = drill::Answer {
                question: ladder::core::ids::QuestionId::new(id.clone()),
                follow_up: None,
                kind: SessionKind::Due,
                grade: Grade::ALL[(day as usize + i) % 4],
                seconds: 150,
                covered: vec![0, 1],
                by: Reviewer::Own,
            };
            if let ladder::core::workspace::Command::RecordReview { review, card } =
                drill::record(pack, &profile, answer, at)
            {
                if let Some(card) = card {
                    profile.drill.cards.insert(review.question.clone(), card);
                }
                profile.drill.reviews.push(*review);
            }
        }
    }
    profile
}
