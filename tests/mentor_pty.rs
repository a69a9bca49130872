//! `ladder mentor` in a pseudo-terminal on a hand-written mentee file: the
//! mentor rates and comments, and the file keeps every byte of the
//! mentee's own part; only its `mentor` block is written anew.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use std::path::Path;

use ladder::core::profile::parse_profile;

mod common;
use common::pty::{Options, Pty};

const ORIGINAL: &str = include_str!("fixtures/mentor/mentee.yaml");

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
    let mut app = Pty::spawn(
        Options::default()
            .args(["mentor", "wang.yaml", "--name", "Li Lei"])
            .cwd(dir.path())
            .env("LADDER_DATA_DIR", dir.path().join("data"))
            .env("LADDER_LANG", "en")
            .env("LADDER_NOW", "2026-12-04T09:00:00+08:00")
            .env_remove("LADDER_CONFIG")
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env("HOME", dir.path()),
    );

    // Assess, the first indicator selected, the banner naming both.
    let shown = app.wait_for("e write the mentor's comment");
    assert!(
        shown.contains("Mentor mode · mentor: Li Lei · mentee: wang"),
        "{shown}"
    );
    assert!(shown.contains("›3→·"), "{shown}");

    app.press("2");
    app.wait_for("Your score (mentor): 2");
    app.press("e");
    app.wait_for("Mentor's comment · ");
    app.press("Add the lint config to the doc");
    app.press("\x1b");
    app.wait_for("Add the lint config to the doc");
    // The calibration view from Assess, and back out.
    app.press("m");
    app.wait_for("Calibration · Li Lei · 2026-12-04");
    app.press("q");
    let status = app.wait_exit();
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
