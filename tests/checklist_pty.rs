//! A short checklist run in the real binary in a pseudo-terminal, then its
//! export from the command line: what a reviewer does beside a pull request.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use std::process::Command;

use tempfile::TempDir;

mod common;
use common::pty::{Options, Pty};

const PACK: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/packs/review-runs"
);

#[test]
fn a_short_run_in_the_app_is_exported_from_the_command_line() {
    let data = TempDir::new().unwrap();
    let mut app = Pty::spawn(
        Options::default()
            .args(["--content", PACK])
            .cwd(data.path())
            .env("LADDER_DATA_DIR", data.path())
            .env("LADDER_LANG", "en")
            .env("LADDER_NOW", "2026-12-04T10:00:00+08:00"),
    );

    app.wait_for("Library");
    // Overview, Assess, Drill, Checklists.
    app.press("\t\t\t");
    app.wait_for("Enter starts a run");
    // release, then review.
    app.press("j\r");
    app.wait_for("Name of this run");
    app.press("PR 482 订单");
    app.wait_for("PR 482 订单");
    app.press("\r");
    app.wait_for("Service review · PR 482 订单");
    // safety.lock fails, with a note in Chinese.
    app.press("fe");
    app.wait_for("Esc save and close the editor");
    app.press("锁里有 HTTP 调用");
    app.wait_for("锁里有 HTTP 调用");
    app.press("\x1b");
    app.wait_for("✎ Locks");
    // safety.errors passes, safety.ctx is not applicable.
    app.press("j");
    app.wait_for("✓ saved");
    app.press("p");
    app.wait_for("2/6");
    app.press("x");
    app.wait_for("3/6 · 1 failed (1 must)");
    app.press("r");
    app.wait_for("By section");
    // Three items are still open: d asks, d again finishes.
    app.press("d");
    app.wait_for("3 items still open: d again finishes the run anyway.");
    app.press("d");
    app.wait_for("Marked finished.");
    app.press("w");
    app.wait_for("2026-12-04-pr-482.md");
    app.press("q");
    app.wait_exit();

    // The name's ASCII letters and digits make the id.
    let file = data
        .path()
        .join("checklists/default/2026-12-04-pr-482.yaml");
    assert!(file.exists(), "{}", file.display());

    let export = Command::new(env!("CARGO_BIN_EXE_ladder"))
        .args(["--content", PACK, "--lang", "en", "--data-dir"])
        .arg(data.path())
        .args(["checklist", "export", "2026-12-04-pr"])
        .output()
        .unwrap();
    assert_eq!(export.status.code(), Some(0), "{export:?}");
    let md = String::from_utf8(export.stdout).unwrap();
    assert!(
        md.starts_with("### Service review: PR 482 订单\n\n"),
        "{md}"
    );
    // Passed: errors (must 3); failed: lock (must 3): 3 / 6.
    assert!(
        md.contains("**1 failed** (1 must) · 1 passed · 1 not applicable · 3 open · score 50%"),
        "{md}"
    );
    assert!(
        md.contains("Started 2026-12-04 10:00, finished 2026-12-04 10:"),
        "{md}"
    );
    assert!(
        md.contains(
            "1. **must** · Safety — Locks cover only shared state.\n\n   锁里有 HTTP 调用\n"
        ),
        "{md}"
    );
    // `w` in the app wrote the same Markdown next to the run's file.
    let written = data.path().join("checklists/default/2026-12-04-pr-482.md");
    assert_eq!(std::fs::read_to_string(written).unwrap(), md);
}
