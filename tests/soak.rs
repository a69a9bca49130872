//! A soak of the real binary in a pseudo-terminal: thousands of random keys,
//! bracketed pastes and resizes, while another thread imports a mentor's
//! file into the same profile with `--merge`, over and over, and the test
//! itself replaces the profile with `import --force` now and then.
//!
//! After every step the app must still be running (and redraw after a
//! resize); every few steps a probe checks it answers (`?` opens the keys
//! window, Esc closes it), rates a chosen indicator through the search, and
//! compares the ratings in the file with every rating the app said it saved.
//! At the end the profile, its review log and its checklist runs load, and
//! nothing the app saved is lost.
//!
//! The random keys never hold `q`, Ctrl-C or Ctrl-Z (they would end the
//! app: an exit before the end is a failure), nor the keys that change a
//! rating (digits, Backspace, Delete): only the probes rate, so the test
//! knows what the file must hold. `import --force` runs only between
//! probes, with the merge thread paused, after which the app must say it
//! reloaded the profile; the merge import touches only the mentor's part.
//!
//! Run it with `cargo test --test soak -- --ignored --nocapture`;
//! `SOAK_STEPS` (default 600) and `SOAK_SEED` change the length and the
//! random sequence; a failure prints the seed that replays it.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use ladder::core::profile::ProfileStore;
use tempfile::TempDir;

mod common;
use common::pty::{Options, PATIENCE, Pty};

const NOW: &str = "2026-12-04T09:00:00+08:00";
const PACK: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/packs/valid-ops"
);

/// The pack's indicators with the start of their text, as the details show it.
const INDICATORS: [(&str, &str); 7] = [
    ("craft.l1.a", "Follows the runbook for a failed"),
    ("craft.l1.b", "Writes alerts that page only for"),
    ("craft.l2.a", "Automates a manual runbook end"),
    ("craft.l3.a", "Sets the on-call standard for"),
    ("people.l1.a", "Writes a clear handover at the"),
    ("people.l2.a", "Leads an incident review that"),
    ("people.l2.b", "Onboards a new engineer to the"),
];

/// What `import --force` puts in place.
const REPLACEMENT: &str = "version: 2
profile: default
ratings:
  craft.l1.a: {score: 2, evidence: Paired on the deploy runbook}
  people.l2.a: {score: 5}
";

/// The mentor's file `import --merge` takes the mentor's part of.
const MENTOR: &str = "version: 2
profile: default
ratings:
  craft.l1.b: {score: 1}
mentor:
  name: Li Wei
  date: \"2026-12-01\"
  ratings:
    craft.l1.a: {score: 3, comment: \"Show the runbook PR\"}
    people.l1.a: {score: 4}
  notes: |
    Keep going.
";

/// A tiny xorshift: the same seed gives the same soak.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Keys that neither end the app nor change a rating.
const KEYS: &[&str] = &[
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "r", "s", "t",
    "u", "v", "w", "x", "y", "z", "A", "E", "X", "N", "Q", "?", "/", " ", ".", "-", "#", "中", "é",
    "\t", "\r", "\x1b", "\x1b[Z", "\x1b[A", "\x1b[B", "\x1b[C", "\x1b[D", "\x1b[H", "\x1b[F",
    "\x1b[5~", "\x1b[6~", "\x1bOP", "\x1b[15~", "j", "k", "\t", "\r", "\x1b",
];

/// Pieces of pasted text: lines, Markdown, wide characters and controls.
const PASTE: &[&str] = &[
    "Runbook PR #1234 ",
    "值班交接 ",
    "\n",
    "\r\n",
    "\t",
    "- item\n",
    "**bold** ",
    "| a | b |\n",
    "\u{1b}]52;c;aGk=\u{7} ",
    "\u{202e}evil\u{202c} ",
    "\u{85}",
    "0123456789 ",
    "q",
    "😀",
    "x",
];

/// A lone Esc then a sequence in one read is read as Esc and the sequence's
/// characters: `\x1b\x1b[5~` gives Esc, `[`, `5`, `~`, and `5` rates. This
/// puts a harmless key between them when the Esc ended the last write.
fn esc_apart() -> impl FnMut(&str) -> String + Send + 'static {
    let mut after_esc = false;
    move |keys: &str| {
        let keys = if after_esc && keys.len() > 1 && keys.starts_with('\x1b') {
            format!("j{keys}")
        } else {
            keys.to_owned()
        };
        after_esc = keys.ends_with('\x1b');
        keys
    }
}

/// The app on the profile in `data`, in a `cols`×`rows` terminal.
fn start(data: &Path, cols: u16, rows: u16) -> Pty {
    Pty::spawn(
        Options::default()
            .args(["--content", PACK])
            .cwd(data)
            .env("LADDER_DATA_DIR", data)
            .env("LADDER_LANG", "en")
            .env("LADDER_NOW", NOW)
            .env("LADDER_CONFIG", "")
            // `E` opens the external editor: one that changes nothing, at once.
            .env("VISUAL", "true")
            .env("EDITOR", "true")
            .env_remove("NO_COLOR")
            .size(cols, rows)
            .answer_cursor_queries()
            .rewrite_keys(esc_apart()),
    )
}

/// `ladder import FILE` with `flag` into the profile in `data`.
fn import(data: &Path, file: &Path, flag: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ladder"))
        .args(["--content", PACK, "--data-dir"])
        .arg(data)
        .arg("import")
        .arg(file)
        .arg(flag)
        .env("LADDER_LANG", "en")
        .env("LADDER_NOW", NOW)
        .env("LADDER_CONFIG", "")
        .output()
        .unwrap()
}

fn scores(data: &Path) -> BTreeMap<String, u32> {
    let profile = ProfileStore::new(data)
        .load("default")
        .unwrap_or_else(|e| panic!("the profile does not load: {e}"))
        .expect("the profile exists");
    profile
        .ratings
        .iter()
        .map(|(id, r)| (id.as_str().to_owned(), r.score))
        .collect()
}

fn parse_scores(text: &str) -> BTreeMap<String, u32> {
    ladder::core::profile::parse_profile(text, Path::new("x.yaml"))
        .unwrap()
        .ratings
        .iter()
        .map(|(id, r)| (id.as_str().to_owned(), r.score))
        .collect()
}

/// The score the list shows for the indicator whose text starts with `text`.
fn listed_score(screen: &str, text: &str) -> Option<u32> {
    let start: String = text.chars().take(20).collect();
    screen.lines().find_map(|line| {
        let list = line.split('│').next()?;
        let head = &list[..list.find(&start)?];
        head.split_whitespace()
            .find(|t| *t != "›" && *t != "!")?
            .parse()
            .ok()
    })
}

struct Soak {
    app: Pty,
    data: PathBuf,
    rng: Rng,
    /// Every rating the app said it saved, or the replacement put in place.
    expected: BTreeMap<String, u32>,
    /// Held by the merge thread while it imports; taken to pause it.
    merging: Arc<Mutex<()>>,
    replacement: PathBuf,
    steps: usize,
    /// Keys, pastes and resizes sent so far.
    sent: [usize; 3],
}

impl Soak {
    /// Esc alone, read on its own (not as the start of an Alt chord).
    fn esc(&self) {
        self.app.press("\x1b");
        thread::sleep(Duration::from_millis(60));
    }

    /// Waits until the screen's text satisfies `test`; fails showing the
    /// screen, or saying the app ended.
    fn wait_for(&mut self, what: &str, test: impl Fn(&str) -> bool) {
        if !self.app.shows_within(PATIENCE, test) {
            self.app.assert_running();
            panic!(
                "waited for {what}; the screen shows:\n{}",
                self.app.contents()
            );
        }
    }

    /// One random step: a few keys, a paste or a resize.
    fn step(&mut self) {
        match self.rng.below(10) {
            0 => {
                let cols = 10 + self.rng.below(170) as u16;
                let rows = 3 + self.rng.below(60) as u16;
                let before = self.app.drawn();
                self.app.resize(cols, rows);
                self.sent[2] += 1;
                // A new size is always drawn.
                let deadline = Instant::now() + PATIENCE;
                while self.app.drawn() == before {
                    self.app.assert_running();
                    assert!(
                        Instant::now() < deadline,
                        "no redraw after a resize to {cols}×{rows}"
                    );
                    thread::sleep(Duration::from_millis(10));
                }
            }
            1 => {
                let long = self.rng.below(8) == 0;
                let n = 1 + self.rng.below(if long { 400 } else { 12 });
                let mut text = String::new();
                for _ in 0..n {
                    text.push_str(self.rng.pick(PASTE));
                }
                self.app.press(&format!("\x1b[200~{text}\x1b[201~"));
                self.sent[1] += 1;
            }
            _ => {
                let n = 1 + self.rng.below(20);
                let mut keys = String::new();
                for _ in 0..n {
                    let key = self.rng.pick(KEYS);
                    if keys.ends_with('\x1b') && key.len() > 1 && key.starts_with('\x1b') {
                        keys.push('j');
                    }
                    keys.push_str(key);
                }
                self.sent[0] += n;
                self.app.press(&keys);
            }
        }
        if self.rng.below(4) == 0 {
            thread::sleep(Duration::from_millis(self.rng.below(30) as u64));
        }
        self.app.assert_running();
    }

    /// Back to a known place: every window closed, the search open.
    fn open_search(&mut self) {
        self.app.resize(100, 30);
        for _ in 0..10 {
            for _ in 0..5 {
                self.esc();
            }
            self.app.press("/");
            if self
                .app
                .shows_within(Duration::from_secs(3), |s| s.contains("Esc close search"))
            {
                return;
            }
        }
        self.app.assert_running();
        panic!(
            "the search does not open; the screen shows:\n{}",
            self.app.contents()
        );
    }

    /// Goes to `id` on Assess through the search, with the editor closed,
    /// no guided pass and no filter.
    fn go_to(&mut self, id: &str, text: &str) {
        let assess = |s: &str| s.contains("Filter  l level:") && !s.contains("Esc close search");
        let editing = |s: &str| s.contains("┌ Your evidence");
        let guided = |s: &str| s.contains("Guided pass ·");
        self.search_for(id);
        self.wait_for("the Assess screen", assess);
        for _ in 0..5 {
            let shown = self.app.contents();
            if editing(&shown) {
                self.esc();
            } else if guided(&shown) {
                self.app.press("g");
            } else {
                break;
            }
            self.app
                .shows_within(Duration::from_secs(2), |s| s != shown);
        }
        // Filters could hide it: clear them and go there again.
        self.app.press("c");
        self.search_for(id);
        self.wait_for(&format!("the details of {id}"), |s| {
            assess(s) && s.contains(text) && !editing(s) && !guided(s)
        });
    }

    fn search_for(&mut self, id: &str) {
        self.open_search();
        self.app.press(&"\x7f".repeat(40));
        self.app.press(id);
        self.wait_for("one result", |s| s.contains("1 result"));
        self.app.press("\r");
    }

    /// `?` opens the keys window and Esc closes it.
    fn answers(&mut self) {
        self.app.press("?");
        self.wait_for("the keys window", |s| s.contains("This screen ·"));
        self.esc();
        self.wait_for("the keys window to close", |s| !s.contains("This screen ·"));
    }

    /// Rates an indicator as a person would and checks the file.
    fn probe(&mut self) {
        let (id, text) = self.rng.pick(&INDICATORS);
        let score = 1 + self.rng.below(5) as u32;
        self.go_to(id, text);
        self.answers();
        self.app.press(&score.to_string());
        // The mark speaks of the last save, and the frame that shows the new
        // score is drawn after it.
        self.wait_for(&format!("{id} rated {score} and `✓ saved`"), |s| {
            s.contains("✓ saved") && listed_score(s, text) == Some(score)
        });
        self.expected.insert(id.to_owned(), score);
        eprintln!("soak: rated {id} {score}");
        self.check_file();
    }

    fn check_file(&self) {
        let on_disk = scores(&self.data);
        assert_eq!(
            on_disk, self.expected,
            "the file lost or changed a rating (left: on disk, right: saved by the app)"
        );
    }

    /// `import --force` with the merge thread paused; the app must reload.
    fn replace(&mut self) {
        let merging = Arc::clone(&self.merging);
        let _paused = merging.lock().unwrap();
        // A note from an earlier merge goes with the next key.
        self.answers();
        self.wait_for("no old note", |s| {
            !s.contains("the profile changed on disk")
        });
        let output = import(&self.data, &self.replacement, "--force");
        assert!(output.status.success(), "import --force: {output:?}");
        self.expected = parse_scores(REPLACEMENT);
        eprintln!("soak: replaced the profile with import --force");
        self.check_file();
        self.wait_for("the note that the profile was reloaded", |s| {
            s.contains("the profile changed on disk and was reloaded")
        });
    }
}

#[test]
#[ignore = "a soak of minutes: cargo test --test soak -- --ignored"]
fn random_keys_pastes_and_resizes_while_imports_run() {
    let seed: u64 = std::env::var("SOAK_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_1adde2);
    let steps: usize = std::env::var("SOAK_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600);
    eprintln!("soak: SOAK_SEED={seed} SOAK_STEPS={steps}");

    let dir = TempDir::new().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let replacement = dir.path().join("replacement.yaml");
    let mentor = dir.path().join("mentor.yaml");
    std::fs::write(&replacement, REPLACEMENT).unwrap();
    std::fs::write(&mentor, MENTOR).unwrap();

    // The profile exists before the app starts, so a merge has one to go into.
    let output = import(&data, &replacement, "--force");
    assert!(output.status.success(), "{output:?}");

    let app = start(&data, 100, 30);
    app.shows_within(PATIENCE, |s| s.contains("Tab next screen"));
    let mut soak = Soak {
        app,
        data: data.clone(),
        rng: Rng(seed | 1),
        expected: parse_scores(REPLACEMENT),
        merging: Arc::new(Mutex::new(())),
        replacement,
        steps,
        sent: [0; 3],
    };

    // The other writer: the mentor's part, merged in over and over.
    let stop = Arc::new(AtomicBool::new(false));
    let merger = {
        let (stop, merging, data) = (Arc::clone(&stop), Arc::clone(&soak.merging), data.clone());
        thread::spawn(move || {
            let (mut merged, mut failed) = (0u32, Vec::new());
            while !stop.load(Ordering::SeqCst) {
                {
                    let _turn = merging.lock().unwrap();
                    let output = import(&data, &mentor, "--merge");
                    if output.status.success() {
                        merged += 1;
                    } else {
                        failed.push(String::from_utf8_lossy(&output.stderr).into_owned());
                    }
                }
                thread::sleep(Duration::from_millis(20));
            }
            (merged, failed)
        })
    };

    let started = Instant::now();
    let mut probes = 0;
    for step in 1..=soak.steps {
        soak.step();
        if step % 25 == 0 {
            soak.probe();
            probes += 1;
            if probes % 4 == 0 {
                soak.replace();
            }
        }
        if step % 100 == 0 {
            eprintln!("soak: step {step}, {:?}", started.elapsed());
        }
    }
    soak.probe();

    stop.store(true, Ordering::SeqCst);
    let (merged, failed) = merger.join().unwrap();
    assert!(failed.is_empty(), "a merge import failed: {failed:?}");
    assert!(merged > 0, "no merge import ran");
    // The last merge is in, whatever the app did since.
    let output = import(&soak.data, &dir.path().join("mentor.yaml"), "--merge");
    assert!(output.status.success(), "{output:?}");

    soak.open_search();
    soak.esc();
    soak.app.press("q");
    assert_eq!(
        soak.app.wait_exit().exit_code(),
        0,
        "{}",
        soak.app.contents()
    );

    // Everything on disk reads, and nothing the app saved was lost.
    soak.check_file();
    let store = ProfileStore::new(&soak.data);
    let profile = store.load("default").unwrap().unwrap();
    let mentor = profile.mentor.expect("the mentor's part");
    assert_eq!(mentor.name, "Li Wei");
    assert_eq!(mentor.ratings.len(), 2);
    let path = store.path("default").unwrap();
    ladder::core::profile::review_log::read(&ladder::core::profile::review_log::log_path(&path))
        .unwrap();
    ladder::core::checklist::RunStore::new(&soak.data, "default")
        .unwrap()
        .load_all()
        .unwrap();
    let [keys, pastes, resizes] = soak.sent;
    eprintln!(
        "soak: {} steps ({keys} keys, {pastes} pastes, {resizes} resizes), {probes} probes, \
         {merged} merges in {:?}",
        soak.steps,
        started.elapsed()
    );
}
