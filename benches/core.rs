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
use ladder::core::profile::parse_profile;
use ladder::core::search::Index;
use ladder::core::{drill, report, score};
use ladder::tui::text::wrap;
use ladder::tui::widgets::markdown::{MarkdownStyles, render};

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
