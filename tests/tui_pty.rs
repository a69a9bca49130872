//! The real binary in a pseudo-terminal: the screens a person sees after
//! each key, a clean exit, and the terminal given back as it was.
#![cfg(unix)]
// Helpers outside the test functions unwrap too: a failure is a failed test.
#![allow(clippy::unwrap_used)]

use std::process::{Command, Stdio};
use std::thread;
use std::time::Duration;

use tempfile::TempDir;

mod common;
use common::pty::{Options, Pty, row};

/// The fixture pack the rating tests rate in.
const OPS_PACK: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/packs/valid-ops"
);

/// The app speaking `lang`, with a new data directory (`--data-dir`) that is
/// also its working directory.
fn start(lang: &str) -> (Pty, TempDir) {
    start_with(lang, &[])
}

/// The app with these extra command-line arguments.
fn start_with(lang: &str, args: &[&str]) -> (Pty, TempDir) {
    start_env(lang, args, &[])
}

/// The app with these arguments and environment variables.
fn start_env(lang: &str, args: &[&str], env: &[(&str, &str)]) -> (Pty, TempDir) {
    let data = TempDir::new().unwrap();
    let mut options = Options::default()
        .args(args)
        .cwd(data.path())
        .env("LADDER_DATA_DIR", data.path())
        .env("LADDER_LANG", lang)
        .env_remove("NO_COLOR");
    for (name, value) in env {
        options = options.env(name, value);
    }
    (Pty::spawn(options), data)
}

/// From the first frame to the Assess screen, its filter line drawn.
fn to_assess(app: &Pty) {
    app.wait_until("the tab bar", |screen| row(screen, 0).contains("Library"));
    app.press("\t");
    app.wait_for("Filter  l level: all");
}

#[test]
fn tab_help_esc_and_q_in_a_real_terminal() {
    let (mut app, _data) = start("en");
    // The first frame arrives in pieces, top row first: wait for its last row
    // (the footer) as well as the tab bar before reading it.
    let shown = app.wait_until("the first frame", |screen| {
        screen.alternate_screen()
            && row(screen, 0).contains("Library")
            && screen.contents().contains("Tab next screen")
    });
    assert!(shown.contains(" ladder   Overview   Assess   Drill   Checklists   Library"));
    assert!(shown.contains("Nothing is rated yet"));
    assert!(shown.contains("q quit   ? keys   Tab next screen"));

    app.press("\t");
    let shown = app.wait_for("Filter  l level: all");
    assert!(!shown.contains("Your readiness for each level"));
    // The heavy line sits under " Assess ", columns 20 to 27. Rows are
    // drawn top to bottom, so with the text below in place, so is the rule.
    let rule: String = app.row(1).chars().skip(19).take(10).collect();
    assert_eq!(rule, "─━━━━━━━━─");

    app.press("?");
    let shown = app.wait_for("This screen · Assess");
    // The screen's keys come first; the global ones follow further down.
    let rate = shown
        .lines()
        .find(|l| l.contains("rate (the scale row shows the values)"))
        .unwrap_or_default();
    assert!(rate.contains("0–4"), "{shown}");
    assert!(shown.contains("↓ more below"));
    assert!(shown.contains("Esc close this window"));

    app.press("\x1b");
    let shown = app.wait_until("the help window to close", |screen| {
        !screen.contents().contains("This screen")
    });
    assert!(shown.contains("Filter  l level: all"));

    app.press("q");
    assert_eq!(app.wait_exit().exit_code(), 0);
    app.wait_until("the normal screen back", |screen| {
        !screen.alternate_screen()
    });
    app.with_screen(|screen| {
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
        assert!(!screen.hide_cursor(), "the cursor is shown again");
    });

    // Out of raw mode the terminal echoes what is typed, as a shell expects.
    app.press("typed after exit");
    app.wait_for("typed after exit");
}

#[test]
fn ctrl_c_quits_and_chinese_is_spoken_when_asked_for() {
    let (mut app, _data) = start("zh");
    let shown = app.wait_until("the tab bar", |screen| row(screen, 0).contains("资料库"));
    assert!(shown.contains("总览"));
    assert!(shown.contains("q 退出"));
    app.press("\x03");
    assert_eq!(app.wait_exit().exit_code(), 0);
    app.wait_until("the normal screen back", |screen| {
        !screen.alternate_screen()
    });
}

#[test]
fn without_a_terminal_it_says_so_in_one_line_and_points_to_the_report() {
    let data = TempDir::new().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_ladder"))
        .env("LADDER_DATA_DIR", data.path())
        .env("LADDER_LANG", "en")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("interactive terminal"), "{stderr}");
    assert!(stderr.contains("`ladder report`"), "{stderr}");
}

#[test]
fn rating_three_indicators_and_writing_evidence_reaches_the_file_and_the_report() {
    let (mut app, data) = start_with("en", &["--content", OPS_PACK]);
    to_assess(&app);
    // The list: craft.l1.a, craft.l1.b, craft.l2.a, craft.l3.a, people.l1.a, ...
    app.press("5");
    app.press("j4");
    app.press("jjj3");
    // L1 holds craft.l1.a (weight 1), craft.l1.b (2), people.l1.a (1) on a
    // 1..5 scale: (5 + 2·4 + 3) / (4·5) = 16/20 = 80%, the pack's threshold.
    app.wait_for("L1 80%✓");
    app.press("kkkk");
    app.press("e");
    app.wait_for("Esc save and close the editor");
    app.press("Runbook PR 值班");
    app.wait_for("Runbook PR 值班");
    app.press("\x1b");
    // Closed: the footer offers the screen's keys again.
    app.wait_for("e write evidence");
    app.press("q");
    assert_eq!(app.wait_exit().exit_code(), 0);

    let file = data.path().join("profiles/default.yaml");
    let profile = ladder::core::profile::read_profile_file(&file).unwrap();
    let scores: Vec<(&str, u32)> = profile
        .ratings
        .iter()
        .map(|(id, r)| (id.as_str(), r.score))
        .collect();
    assert_eq!(
        scores,
        [("craft.l1.a", 5), ("craft.l1.b", 4), ("people.l1.a", 3)]
    );
    let evidence = profile.ratings["craft.l1.a"].evidence.as_deref();
    assert_eq!(evidence, Some("Runbook PR 值班"));

    let output = Command::new(env!("CARGO_BIN_EXE_ladder"))
        .args(["--content", OPS_PACK, "--data-dir"])
        .arg(data.path())
        .args(["report", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["levels"][0]["id"], "L1");
    assert_eq!(report["levels"][0]["readiness"], 0.8);
    assert_eq!(report["levels"][0]["coverage"], 1.0);
    assert_eq!(report["levels"][1]["readiness"], 0.0);
    assert_eq!(report["current_level"], "L1");
    // Automatic target: the level after the current one.
    assert_eq!(report["target_level"], "L2");
    // Gaps up to L2, by weight × (meets 4 − score): people.l2.a 3·4 first,
    // people.l1.a 1·(4 − 3) last.
    let gaps = report["gaps"].as_array().unwrap();
    let ids: Vec<&str> = gaps
        .iter()
        .map(|g| g["indicator"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["people.l2.a", "craft.l2.a", "people.l2.b", "people.l1.a"]
    );
}

#[test]
fn behind_the_too_small_note_a_scale_key_and_tab_change_nothing() {
    let (mut app, data) = start_with("en", &[]);
    to_assess(&app);
    app.resize(30, 8);
    app.wait_for("Too small:");
    // A rating and a screen switch, pressed where nothing can be seen.
    app.press("3");
    app.press("\t");
    app.press("/");
    // Nothing on screen shows the keys were read (that is the point), so
    // give the app time to read them before the terminal grows again.
    thread::sleep(Duration::from_millis(700));
    app.resize(80, 24);
    // Still on Assess, with nothing rated and nothing saved.
    let shown = app.wait_for("Filter  l level: all");
    assert!(!shown.contains("✓ saved"), "{shown}");
    assert!(!data.path().join("profiles/default.yaml").exists());
    app.press("q");
    assert_eq!(app.wait_exit().exit_code(), 0);
}

#[test]
fn a_burst_of_thousands_of_keys_is_drained_and_q_still_quits() {
    let (mut app, _data) = start("en");
    to_assess(&app);
    // More than one 1 KiB read of the terminal.
    app.press(&"j".repeat(3_000));
    app.press("q");
    assert_eq!(app.wait_exit().exit_code(), 0);
}

#[cfg(unix)]
#[test]
fn sigterm_restores_the_terminal_and_keeps_what_was_rated() {
    let (mut app, data) = start("en");
    to_assess(&app);
    app.press("3");
    app.wait_for("✓ saved");
    let pid = app.pid().expect("pid");
    let killed = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    assert_eq!(app.wait_exit().exit_code(), 128 + 15);
    // Back on the normal screen, with the cursor shown and a sentence.
    let shown = app.wait_for("asked to stop");
    assert!(!app.with_screen(vt100::Screen::alternate_screen), "{shown}");
    assert!(!app.with_screen(vt100::Screen::hide_cursor), "{shown}");
    let file = data.path().join("profiles/default.yaml");
    let profile = ladder::core::profile::read_profile_file(&file).unwrap();
    assert_eq!(profile.ratings.len(), 1);
}

#[test]
fn a_two_question_drill_reaches_the_review_log_in_the_profile() {
    let pack = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/packs/valid-drill"
    );
    let (mut app, data) = start_env(
        "en",
        &["--content", pack],
        &[("LADDER_NOW", "2026-12-04T09:00:00+08:00")],
    );
    app.wait_until("the tab bar", |screen| row(screen, 0).contains("Library"));
    app.press("\t\t");
    app.wait_for("Defense drill");
    // Questions (the seventh row): 5 → 2; then back to Due and start it.
    app.press("jjjjjj");
    app.press("hhh");
    app.wait_for("Questions     2");
    app.press("\x1b[H\r");
    // Nothing rated: L1's gaps lead, craft.l1.b (weight 2) first, which
    // the pager question probes.
    app.wait_for("1 of 2");
    app.wait_for("Which alert did you delete last");
    // Notes take digits: nothing is graded while typing.
    app.press("n");
    app.wait_for("Esc leaves");
    app.press("4 alerts");
    app.wait_for("4 alerts");
    app.press("\x1b");
    app.wait_for("n to write");
    // Reveal, tick the first key point, grade Good.
    app.press(" ");
    app.wait_for("Key points");
    app.press(" ");
    app.wait_for("[x] A real alert");
    app.press("3");
    app.wait_for("2 of 2");
    app.wait_for("Walk us through a runbook");
    // Again, straight from the card.
    app.press("1");
    app.wait_for("Session over");
    app.press("q");
    assert_eq!(app.wait_exit().exit_code(), 0);

    // The cards are in the profile, the answers in the log beside it.
    assert!(data.path().join("profiles/default.reviews.jsonl").exists());
    let store = ladder::core::profile::ProfileStore::new(data.path());
    let profile = store.load("default").unwrap().unwrap();
    let log = &profile.drill;
    let reviews: Vec<(&str, &str, &[u32], &str)> = log
        .reviews
        .iter()
        .map(|r| {
            (
                r.question.as_str(),
                r.grade.as_str(),
                r.covered.as_slice(),
                r.kind.as_str(),
            )
        })
        .collect();
    assert_eq!(
        reviews,
        [
            ("incidents.pager", "good", &[0][..], "new"),
            ("design.runbook", "again", &[][..], "new")
        ]
    );
    // Time ran on from 09:00 on the 4th: Good on a new question is two
    // days on, Again ten minutes on.
    let day = |id: &str| log.cards[id].due.date().to_string();
    assert_eq!(day("incidents.pager"), "2026-12-06");
    assert_eq!(day("design.runbook"), "2026-12-04");
    assert!(
        log.reviews
            .iter()
            .all(|r| r.at.date().to_string() == "2026-12-04")
    );
}

#[test]
fn keys_read_together_act_in_turn_and_esc_then_pgup_rates_nothing() {
    let (mut app, data) = start_with("en", &["--content", OPS_PACK]);
    to_assess(&app);
    // Esc, then PgUp, in one write: the `5` of `ESC [ 5 ~` must not rate.
    app.press("\x1b\x1b[5~");
    // A rating, the editor and its text in one write: the text after `e`
    // goes into the editor `e` opened.
    app.press("3eRunbook");
    app.wait_for("Runbook");
    app.press("\x1b");
    app.wait_for("e write evidence");
    app.press("q");
    assert_eq!(app.wait_exit().exit_code(), 0);
    let file = data.path().join("profiles/default.yaml");
    let profile = ladder::core::profile::read_profile_file(&file).unwrap();
    let ratings: Vec<(&str, u32, Option<&str>)> = profile
        .ratings
        .iter()
        .map(|(id, r)| (id.as_str(), r.score, r.evidence.as_deref()))
        .collect();
    assert_eq!(ratings, [("craft.l1.a", 3, Some("Runbook"))]);
}
