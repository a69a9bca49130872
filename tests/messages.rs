//! Messages that tell the truth in a person's words: a device is not "0
//! bytes", an unreadable file is not "missing", part of a pack is never left
//! out in silence, and no parser jargon, Rust escapes or floods of repeats.

// Helpers outside the test functions unwrap too: a failure is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;

use common::{Run, fixtures, ladder, patched_pack};

fn validate(dir: &Path) -> Run {
    let data = tempfile::tempdir().unwrap();
    ladder(data.path(), &[Path::new("validate"), dir])
}

fn competencies() -> String {
    std::fs::read_to_string(fixtures().join("packs/valid-ops/competencies.yaml")).unwrap()
}

/// The pack's texts as `validate` printed them, without source snippets.
fn messages(run: &Run) -> Vec<&str> {
    run.stderr
        .lines()
        .filter(|l| {
            !l.trim_start()
                .starts_with(|c: char| c == '|' || c.is_ascii_digit())
        })
        .collect()
}

#[test]
fn a_profile_that_is_a_device_is_called_one() {
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(data.path().join("profiles")).unwrap();
    symlink("/dev/zero", data.path().join("profiles/default.yaml")).unwrap();
    let run = ladder(data.path(), &["report"]);
    run.expect_code(1);
    assert!(
        run.stderr
            .contains("default.yaml: is a device, not a regular file"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("0 bytes"), "{}", run.stderr);

    let fifo = data.path().join("pipe.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        // Opening a pipe with no writer would wait for ever.
        let run = ladder(data.path(), &[Path::new("import"), &fifo]);
        run.expect_code(1);
        assert!(run.stderr.contains("is a named pipe"), "{}", run.stderr);
    }
}

#[test]
fn a_pack_file_that_cannot_be_read_is_not_called_missing() {
    let pack = patched_pack("valid-ops", &[]);
    std::fs::remove_file(pack.path().join("levels.yaml")).unwrap();
    symlink("levels.yaml", pack.path().join("levels.yaml")).unwrap();
    let run = validate(pack.path());
    run.expect_code(1);
    assert!(
        run.stderr.contains(
            "levels.yaml: cannot be read (too many levels of symbolic links): check that it is there and that you may read it"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("missing"), "{}", run.stderr);

    std::fs::remove_file(pack.path().join("levels.yaml")).unwrap();
    symlink("gone.yaml", pack.path().join("levels.yaml")).unwrap();
    let run = validate(pack.path());
    assert!(
        run.stderr
            .contains("levels.yaml: is a link to gone.yaml, which is not there"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_folder_of_the_pack_that_cannot_be_read_fails_the_pack() {
    // A loop and a file where a folder belongs: both unreadable as folders,
    // whoever runs the test.
    let pack = patched_pack("valid-ops", &[]);
    std::fs::remove_dir_all(pack.path().join("questions")).unwrap();
    symlink("questions", pack.path().join("questions")).unwrap();
    std::fs::write(pack.path().join("articles"), "not a folder").unwrap();
    let run = validate(pack.path());
    run.expect_code(1);
    let shown = messages(&run);
    assert!(
        shown.iter().any(|l| l.ends_with(
            "questions: cannot be read (too many levels of symbolic links): check that it is there and that you may read it"
        )),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|l| l.ends_with("articles: cannot be read (not a directory): check that it is there and that you may read it")),
        "{shown:?}"
    );
    assert!(!run.stdout.contains("ok"), "{}", run.stdout);
}

#[test]
fn a_folder_without_read_permission_fails_the_pack() {
    let pack = patched_pack("valid-ops", &[]);
    let questions = pack.path().join("questions");
    std::fs::set_permissions(&questions, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Whoever may read it anyway (root) sees the pack as it is.
    let readable = std::fs::read_dir(&questions).is_ok();
    let run = validate(pack.path());
    std::fs::set_permissions(&questions, std::fs::Permissions::from_mode(0o755)).unwrap();
    if readable {
        run.expect_code(0);
        return;
    }
    run.expect_code(1);
    assert!(
        run.stderr
            .contains("questions: cannot be read (permission denied)"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_alias_to_an_anchor_of_another_item_is_not_reported_unknown() {
    let text = competencies()
        .replacen(
            "text: Follows the runbook",
            "text: &runbook Follows the runbook",
            1,
        )
        .replacen(
            "text: Automates a manual runbook end to end.",
            "text: *runbook\n        bogus: 1",
            1,
        );
    let pack = patched_pack("valid-ops", &[("competencies.yaml", &text)]);
    let run = validate(pack.path());
    run.expect_code(1);
    assert!(!run.stderr.contains("anchor"), "{}", run.stderr);
    assert!(
        run.stderr.contains("unknown field `bogus`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("1 error,"), "{}", run.stderr);
}

#[test]
fn one_mistake_repeated_is_said_a_few_times_then_counted() {
    let mut text = String::from("dimensions:\n  - id: d\n    name: D\n    indicators:\n");
    for i in 0..300 {
        text.push_str(&format!(
            "      - id: d.i{i}\n        level: LX\n        text: t\n"
        ));
    }
    let pack = patched_pack("valid-ops", &[("competencies.yaml", &text)]);
    let run = validate(pack.path());
    run.expect_code(1);
    let repeats = run
        .stderr
        .lines()
        .filter(|l| l.contains(": unknown level `LX`"))
        .count();
    // Three shown with their source lines, then one line counting the rest.
    assert_eq!(repeats, 4, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "competencies.yaml: … and 297 more like this: unknown level `LX` (expected one of: L1, L2, L3)"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.len() < 2_000, "{} bytes", run.stderr.len());
    // JSON still lists every one.
    let data = tempfile::tempdir().unwrap();
    let json = ladder(
        data.path(),
        &[
            Path::new("validate"),
            Path::new("--format"),
            Path::new("json"),
            pack.path(),
        ],
    );
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["errors"], 301);
}

#[test]
fn no_parser_jargon_and_no_rust_escapes() {
    let cases: [(&str, &str, &str, &str); 5] = [
        (
            "levels.yaml",
            "threshold: 0.8\n",
            "threshold: 0.8\nthreshold: 0.7\n",
            "levels.yaml:9:1: `threshold` is written twice in the same map: keep one of them",
        ),
        (
            "competencies.yaml",
            "        text: Automates a manual runbook end to end.\n",
            "        text:\n",
            "competencies.yaml:18:9: found nothing here; expected a text",
        ),
        (
            "competencies.yaml",
            "        weight: 2\n",
            "        weight: heavy\n",
            "competencies.yaml:10:17: expected a number here, found \"heavy\"",
        ),
        (
            "competencies.yaml",
            "        weight: 2\n",
            "        \"wei\\e]0;x\": 2\n",
            "competencies.yaml:10:9: unknown field `weiU+001B]0;x`",
        ),
        (
            "competencies.yaml",
            "        weight: 2\n",
            "        wei\u{1b}]0;x: 2\n",
            "competencies.yaml:10:9: a control character (U+001B) is not allowed in YAML",
        ),
    ];
    for (file, from, to, expected) in cases {
        let original =
            std::fs::read_to_string(fixtures().join("packs/valid-ops").join(file)).unwrap();
        assert!(original.contains(from), "{file} has no {from:?}");
        let text = original.replacen(from, to, 1);
        let pack = patched_pack("valid-ops", &[(file, &text)]);
        let run = validate(pack.path());
        run.expect_code(1).expect_no_internals();
        assert!(run.stderr.contains(expected), "{to:?}:\n{}", run.stderr);
        for jargon in [
            "DuplicateKeyPolicy",
            "Options",
            "invalid type",
            "unit value",
            "a different kind of value",
            "\\u{",
        ] {
            assert!(
                !run.stderr.contains(jargon),
                "{jargon} for {to:?}:\n{}",
                run.stderr
            );
        }
    }
}

#[test]
fn a_huge_profile_name_is_not_echoed_whole() {
    let data = tempfile::tempdir().unwrap();
    let name = "a".repeat(100_000);
    let run = ladder(data.path(), &["--profile", &name, "report"]);
    run.expect_code(1);
    assert!(
        run.stderr.starts_with(&format!(
            "`{}…` (100000 characters) is not a valid profile name",
            "a".repeat(40)
        )),
        "{}",
        &run.stderr[..run.stderr.len().min(300)]
    );
    assert!(run.stderr.len() < 300, "{} bytes", run.stderr.len());
}

#[test]
fn a_read_only_profile_is_not_replaced_even_with_force() {
    let data = tempfile::tempdir().unwrap();
    let profiles = data.path().join("profiles");
    std::fs::create_dir_all(&profiles).unwrap();
    let target = profiles.join("default.yaml");
    let kept = "version: 2\nprofile: default\nratings:\n  craft.l1.a: {score: 5}\n";
    std::fs::write(&target, kept).unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o444)).unwrap();
    let incoming = data.path().join("in.yaml");
    std::fs::write(
        &incoming,
        "version: 2\nprofile: x\nratings:\n  craft.l1.a: {score: 1}\nmentor:\n  name: Dana\n  ratings:\n    craft.l1.a: {score: 3}\n",
    )
    .unwrap();
    let pack = fixtures().join("packs/valid-ops");
    for extra in ["--force", "--merge"] {
        let run = ladder(
            data.path(),
            &[
                Path::new("--content"),
                &pack,
                Path::new("import"),
                &incoming,
                Path::new(extra),
            ],
        );
        run.expect_code(1);
        assert!(
            run.stderr.contains(
                "default.yaml: is read-only (mode 0444), so it is not replaced; nothing was changed"
            ),
            "{}",
            run.stderr
        );
    }
    assert_eq!(std::fs::read_to_string(&target).unwrap(), kept);
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o444);
}

#[test]
fn a_quoted_value_cannot_start_a_line_of_its_own() {
    // An unknown reference holding a newline would otherwise print a line
    // that looks like another message.
    let text = competencies().replacen("level: L3", "level: \"L9\\nfake.yaml: ok (0 errors)\"", 1);
    let pack = patched_pack("valid-ops", &[("competencies.yaml", &text)]);
    let run = validate(pack.path());
    run.expect_code(1);
    assert!(
        run.stderr.lines().all(|l| !l.starts_with("fake.yaml")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("unknown level `L9 fake.yaml: ok (0 errors)`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_file_name_cannot_start_a_line_of_its_own() {
    let data = tempfile::tempdir().unwrap();
    let run = ladder(data.path(), &["import", "/nonexistent/x\nfake: imported"]);
    run.expect_code(1);
    assert!(
        run.stderr.lines().all(|l| !l.starts_with("fake")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("/nonexistent/x fake: imported"),
        "{}",
        run.stderr
    );
}
