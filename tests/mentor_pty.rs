//! `ladder mentor` in a pseudo-terminal on a hand-written mentee file: the
//! mentor rates and comments, and the file keeps every byte of the
//! mentee's own part; only its `mentor` block is written anew.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use ladder::core::profile::parse_profile;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const PATIENCE: Duration = Duration::from_secs(20);
const ORIGINAL: &str = include_str!("fixtures/mentor/mentee.yaml");

/// Waits until the screen shows `text` and has stopped changing.
fn wait_for(screen: &Mutex<vt100::Parser>, text: &str) -> String {
    let deadline = Instant::now() + PATIENCE;
    let mut last: Option<(String, Instant)> = None;
    loop {
        let now = screen.lock().unwrap().screen().contents();
        if now.contains(text) {
            match &last {
                Some((seen, since))
                    if *seen == now && since.elapsed() >= Duration::from_millis(150) =>
                {
                    return now;
                }
                Some((seen, _)) if *seen == now => {}
                _ => last = Some((now.clone(), Instant::now())),
            }
        } else {
            last = None;
        }
        assert!(
            Instant::now() < deadline,
            "waited for `{text}`; the screen shows:\n{now}"
        );
        thread::sleep(Duration::from_millis(20));
    }
}

/// The text before the top-level `mentor:` line and after its block.
fn outside_the_review(text: &str) -> (String, String) {
    let start = text.find("\nmentor:\n").unwrap() + 1;
    let rest = &text[start..];
    let end = rest
        .split_inclusive('\n')
        .skip(1)
        .take_while(|l| l.starts_with(' '))
        .map(str::len)
        .sum::<usize>()
        + rest.find('\n').unwrap()
        + 1;
    (text[..start].to_owned(), rest[end..].to_owned())
}

#[test]
fn the_mentor_rates_and_comments_and_the_mentees_part_stays_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wang.yaml");
    std::fs::write(&file, ORIGINAL).unwrap();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_ladder"));
    command.args(["mentor", "wang.yaml", "--name", "Li Lei"]);
    command.cwd(dir.path());
    command.env("LADDER_DATA_DIR", dir.path().join("data"));
    command.env("LADDER_LANG", "en");
    command.env("LADDER_NOW", "2026-12-04T09:00:00+08:00");
    command.env_remove("LADDER_CONFIG");
    command.env("XDG_CONFIG_HOME", dir.path().join("config"));
    command.env("HOME", dir.path());
    command.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(command).unwrap();
    let screen = Arc::new(Mutex::new(vt100::Parser::new(
        std::num::NonZeroU16::new(24).unwrap(),
        std::num::NonZeroU16::new(80).unwrap(),
        0,
    )));
    let mut output = pair.master.try_clone_reader().unwrap();
    let feed = Arc::clone(&screen);
    thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n @ 1..) = output.read(&mut buf) {
            feed.lock().unwrap().process(&buf[..n]);
        }
    });
    let mut keys = pair.master.take_writer().unwrap();
    let mut press = |text: &str| {
        keys.write_all(text.as_bytes()).unwrap();
        keys.flush().unwrap();
    };

    // Assess, the first indicator selected, the banner naming both.
    let shown = wait_for(&screen, "e write the mentor's comment");
    assert!(
        shown.contains("Mentor mode · mentor: Li Lei · mentee: wang"),
        "{shown}"
    );
    assert!(shown.contains("›3→·"), "{shown}");

    press("2");
    wait_for(&screen, "Your score (mentor): 2");
    press("e");
    wait_for(&screen, "Mentor's comment · ");
    press("Add the lint config to the doc");
    press("\x1b");
    wait_for(&screen, "Add the lint config to the doc");
    // The calibration view from Assess, and back out.
    press("m");
    wait_for(&screen, "Calibration · Li Lei · 2026-12-04");
    press("q");
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the app did not exit");
        thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.exit_code(), 0);

    let saved = std::fs::read_to_string(&file).unwrap();
    // Byte for byte, everything but the review block is the mentee's file.
    assert_eq!(outside_the_review(&saved), outside_the_review(ORIGINAL));
    let before = parse_profile(ORIGINAL, Path::new("before")).unwrap();
    let after = parse_profile(&saved, Path::new("after")).unwrap();
    assert_eq!(after.ratings, before.ratings);
    assert_eq!(after.drill, before.drill);
    assert_eq!(after.history, before.history);
    // The review is the mentor's, dated, with the earlier rating kept.
    let review = after.mentor.unwrap();
    assert_eq!(review.name, "Li Lei");
    assert_eq!(review.date, Some(time::macros::date!(2026 - 12 - 04)));
    let first = &review.ratings["tech-depth.p6.idiomatic-errors-context"];
    assert_eq!(first.score, 2);
    assert_eq!(
        first.comment.as_deref(),
        Some("Add the lint config to the doc")
    );
    assert_eq!(review.ratings["tech-depth.p6.profiling"].score, 2);
    // The name is remembered for next time.
    let config = std::fs::read_to_string(dir.path().join("config/ladder/config.yaml")).unwrap();
    assert_eq!(config, "mentor_name: \"Li Lei\"\n");
}
