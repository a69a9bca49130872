//! A short checklist run in the real binary in a pseudo-terminal, then its
//! export from the command line: what a reviewer does beside a pull request.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use tempfile::TempDir;

/// Only a guard against hanging forever: nothing here measures time.
const PATIENCE: Duration = Duration::from_secs(20);

const PACK: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/packs/review-runs"
);

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
                _ => last = Some((now, Instant::now())),
            }
        } else {
            last = None;
            assert!(
                Instant::now() < deadline,
                "waited for `{text}`; the screen shows:\n{now}"
            );
        }
        thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_short_run_in_the_app_is_exported_from_the_command_line() {
    let data = TempDir::new().unwrap();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_ladder"));
    command.args(["--content", PACK]);
    command.cwd(data.path());
    command.env("LADDER_DATA_DIR", data.path());
    command.env("LADDER_LANG", "en");
    command.env("LADDER_NOW", "2026-12-04T10:00:00+08:00");
    command.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(command).unwrap();
    let screen = Arc::new(Mutex::new(vt100::Parser::new(
        NonZeroU16::new(24).unwrap(),
        NonZeroU16::new(80).unwrap(),
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

    wait_for(&screen, "Library");
    // Overview, Assess, Drill, Checklists.
    press("\t\t\t");
    wait_for(&screen, "Enter starts a run");
    // release, then review.
    press("j\r");
    wait_for(&screen, "Name of this run");
    press("PR 482 订单");
    wait_for(&screen, "PR 482 订单");
    press("\r");
    wait_for(&screen, "Service review · PR 482 订单");
    // safety.lock fails, with a note in Chinese.
    press("fe");
    wait_for(&screen, "Esc save and close the editor");
    press("锁里有 HTTP 调用");
    wait_for(&screen, "锁里有 HTTP 调用");
    press("\x1b");
    wait_for(&screen, "✎ Locks");
    // safety.errors passes, safety.ctx is not applicable.
    press("j");
    wait_for(&screen, "✓ saved");
    press("p");
    wait_for(&screen, "2/6");
    press("x");
    wait_for(&screen, "3/6 · 1 failed (1 must)");
    press("r");
    wait_for(&screen, "By section");
    press("d");
    wait_for(&screen, "Marked finished.");
    press("w");
    wait_for(&screen, "2026-12-04-pr-482.md");
    press("q");
    let deadline = Instant::now() + PATIENCE;
    while child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "the app did not exit");
        thread::sleep(Duration::from_millis(20));
    }

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
