//! The command line (SPEC §1) through the real binary, always with
//! `--data-dir` (or `LADDER_DATA_DIR`) set to a temporary directory.
//!
//! The `valid-ops` pack: scale 1..5 (max 5), meets 4, threshold 0.8.
//!   craft.l1.a  L1 w1     people.l1.a L1 w1
//!   craft.l1.b  L1 w2     people.l2.a L2 w3
//!   craft.l2.a  L2 w1     people.l2.b L2 w1
//!   craft.l3.a  L3 w1

mod common;

use std::path::{Path, PathBuf};

use common::{Run, fixtures, ladder, ladder_command, run_command};
use ladder::core::profile::parse_profile;
use serde_json::Value;

/// A hand-written profile: every pack indicator but craft.l3.a rated, one
/// rating for an indicator the pack does not have, and a mentor's review.
const PROFILE: &str = "\
version: 1
profile: written-elsewhere
ratings:
  craft.l1.a: {score: 5}
  craft.l1.b:
    score: 5
    evidence: Rewrote the disk alerts; pages fell from 30 to 4 a month.
  people.l1.a: {score: 1}
  craft.l2.a: {score: 1}
  people.l2.a: {score: 2}
  people.l2.b: {score: 1}
  retired.on-call-hero: {score: 3}
mentor:
  name: Dana
  ratings:
    craft.l1.b: {score: 2, comment: Show the page counts}
    people.l2.a: {score: 3}
";

fn ops_pack() -> PathBuf {
    fixtures().join("packs/valid-ops")
}

/// `ladder --data-dir DATA --content valid-ops ARGS…`.
fn with_ops<S: AsRef<std::ffi::OsStr>>(data: &Path, args: &[S]) -> Run {
    let mut full: Vec<std::ffi::OsString> = vec!["--content".into(), ops_pack().into()];
    full.extend(args.iter().map(|a| a.as_ref().to_owned()));
    ladder(data, &full)
}

/// Writes `text` to `name` in `dir` and returns the path.
fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

fn profile_file(data: &Path) -> PathBuf {
    data.join("profiles/default.yaml")
}

fn close(v: &Value, expected: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - expected).abs() < 1e-9)
}

/// A temp dir holding the hand-written profile, imported into a fresh data dir.
fn imported() -> (tempfile::TempDir, tempfile::TempDir) {
    let data = tempfile::tempdir().expect("data dir");
    let work = tempfile::tempdir().expect("work dir");
    let file = write(work.path(), "mine.yaml", PROFILE);
    with_ops(data.path(), &[Path::new("import"), file.as_path()])
        .expect_code(0)
        .expect_no_internals();
    (data, work)
}

#[test]
fn validate_the_built_in_pack_and_a_directory() {
    let data = tempfile::tempdir().expect("data dir");
    let run = ladder(data.path(), &["validate"]);
    run.expect_code(0).expect_no_internals();
    assert!(
        run.stdout
            .starts_with("the built-in pack: ok (0 errors, 0 warnings)"),
        "{}",
        run.stdout
    );

    let run = ladder(data.path(), &[Path::new("validate"), ops_pack().as_path()]);
    run.expect_code(0).expect_no_internals();
    // 3 levels, 7 indicators in 2 dimensions, 1 checklist, 1 question, no articles.
    assert_eq!(
        run.stdout,
        format!(
            "{}: ok (0 errors, 0 warnings); levels 3, indicators 7, dimensions 2, checklists 1, questions 1, articles 0\n",
            ops_pack().display()
        )
    );
    assert!(run.stderr.is_empty(), "{}", run.stderr);

    // Without DIR, validate checks the --content pack.
    let run = with_ops(data.path(), &["validate"]);
    run.expect_code(0);
    assert!(
        run.stdout
            .starts_with(&format!("{}: ok", ops_pack().display())),
        "{}",
        run.stdout
    );
    // Nothing of validate is stored.
    assert!(!data.path().join("profiles").exists());
}

#[test]
fn report_json_after_import() {
    let (data, _work) = imported();
    let run = with_ops(data.path(), &["report", "--format", "json"]);
    run.expect_code(0).expect_no_internals();
    let r: Value = serde_json::from_str(&run.stdout).expect("JSON report");

    assert_eq!(r["profile"], "default");
    assert_eq!(r["pack"], "ops-ladder");
    // L1: Σw·s = 1·5 + 2·5 + 1·1 = 16 over Σw·max = 4·5 = 20 → 0.8, exactly
    //     the threshold, so reached; all of L1 is rated → coverage 1.
    // L2: 1·1 + 3·2 + 1·1 = 8 over 5·5 = 25 → 0.32; coverage 1.
    // L3: craft.l3.a unrated → readiness 0, coverage 0.
    let levels = r["levels"].as_array().expect("levels");
    let ids: Vec<&str> = levels.iter().filter_map(|l| l["id"].as_str()).collect();
    assert_eq!(ids, ["L1", "L2", "L3"]);
    let expected = [
        (0.8, 1.0, true, 3, 3),
        (0.32, 1.0, false, 3, 3),
        (0.0, 0.0, false, 0, 1),
    ];
    for (level, (readiness, coverage, reached, rated, count)) in levels.iter().zip(expected) {
        assert!(close(&level["readiness"], readiness), "{level}");
        assert!(close(&level["coverage"], coverage), "{level}");
        assert_eq!(level["reached"], reached, "{level}");
        assert_eq!(level["rated"], rated, "{level}");
        assert_eq!(level["indicators"], count, "{level}");
    }
    // L1 reached, L2 not → current L1; no target in the profile → the next, L2.
    assert_eq!(r["current_level"], "L1");
    assert_eq!(r["target_level"], "L2");
    // Six of the seven pack indicators are rated; the orphan is not counted.
    assert_eq!((&r["rated"], &r["total"]), (&6.into(), &7.into()));

    // craft:  L1 (1·5 + 2·5)/(3·5) = 1.0, L2 1/5 = 0.2, L3 0/5 = 0.
    // people: L1 1/5 = 0.2, L2 (3·2 + 1·1)/(4·5) = 0.35, L3 has none → 0.
    let dims = r["dimensions"].as_array().expect("dimensions");
    assert_eq!(dims.len(), 2);
    assert_eq!(dims[0]["id"], "craft");
    assert_eq!(dims[1]["id"], "people");
    for (dim, expected) in dims.iter().zip([[1.0, 0.2, 0.0], [0.2, 0.35, 0.0]]) {
        for (level, value) in ["L1", "L2", "L3"].iter().zip(expected) {
            assert!(close(&dim["levels"][level], value), "{dim}");
        }
    }

    // Gaps: indicators at L1..L2 scored below 4, by w·(4 − s) descending:
    //   people.l2.a 3·(4−2) = 6
    //   people.l1.a 1·(4−1) = 3  (L1: first of the 3s by ladder order)
    //   craft.l2.a  1·(4−1) = 3  (L2, then by id)
    //   people.l2.b 1·(4−1) = 3
    // craft.l1.a, craft.l1.b (5) are met; craft.l3.a is above the target.
    let gaps = r["gaps"].as_array().expect("gaps");
    let order: Vec<(&str, &str, u64)> = gaps
        .iter()
        .map(|g| {
            (
                g["indicator"].as_str().unwrap_or(""),
                g["level"].as_str().unwrap_or(""),
                g["score"].as_u64().unwrap_or(99),
            )
        })
        .collect();
    assert_eq!(
        order,
        [
            ("people.l2.a", "L2", 2),
            ("people.l1.a", "L1", 1),
            ("craft.l2.a", "L2", 1),
            ("people.l2.b", "L2", 1),
        ]
    );
    assert!(close(&gaps[0]["weight"], 3.0));
    assert!(close(&gaps[0]["shortfall"], 6.0));
    assert!(close(&gaps[3]["shortfall"], 3.0));

    // Both rated craft.l1.b (5 vs 2, delta 3) and people.l2.a (2 vs 3, delta −1).
    let cal = r["calibration"].as_array().expect("calibration");
    assert_eq!(cal.len(), 2);
    assert_eq!(cal[0]["indicator"], "craft.l1.b");
    assert_eq!(
        (&cal[0]["self"], &cal[0]["mentor"], &cal[0]["delta"]),
        (&5.into(), &2.into(), &3.into())
    );
    assert_eq!(cal[0]["comment"], "Show the page counts");
    assert_eq!(cal[1]["indicator"], "people.l2.a");
    assert_eq!(cal[1]["delta"], -1);
    // SPEC §4's mentor object: Dana wrote one comment, no notes, no plan.
    assert_eq!(r["mentor"]["name"], "Dana");
    assert_eq!(
        r["mentor"]["comments"],
        serde_json::json!({"craft.l1.b": "Show the page counts"})
    );
    assert_eq!(r["mentor"]["notes"], Value::Null);
    assert_eq!(r["mentor"]["plan"], serde_json::json!([]));
    // The agenda up to the target L2 (L1 is reached at 16/20 = 0.8, L2 is at
    // 8/25): weight w·(4 − s) + |self − mentor|, s the mentor's where given:
    // craft.l1.b 2·(4−2) + 3 = 7, people.l2.a 3·(4−3) + 1 = 4, then the 3s
    // in ladder order: people.l1.a (L1), craft.l2.a, people.l2.b (L2).
    let agenda: Vec<(&str, f64)> = r["mentor"]["agenda"]
        .as_array()
        .expect("agenda")
        .iter()
        .map(|i| {
            (
                i["indicator"].as_str().unwrap_or(""),
                i["weight"].as_f64().unwrap_or(-1.0),
            )
        })
        .collect();
    assert_eq!(
        agenda,
        [
            ("craft.l1.b", 7.0),
            ("people.l2.a", 4.0),
            ("people.l1.a", 3.0),
            ("craft.l2.a", 3.0),
            ("people.l2.b", 3.0)
        ]
    );
    assert_eq!(
        r["mentor"]["agenda"][1]["questions"],
        serde_json::json!(["incidents.worst"])
    );

    assert_eq!(r["orphaned"], serde_json::json!(["retired.on-call-hero"]));

    // Every rating of an indicator the pack has, in the pack's order
    // (dimension craft, then people); the orphan is only in `orphaned`.
    assert_eq!(
        r["ratings"],
        serde_json::json!([
            {"indicator": "craft.l1.a", "level": "L1", "dimension": "craft", "weight": 1.0,
             "score": 5, "evidence": null, "updated": null},
            {"indicator": "craft.l1.b", "level": "L1", "dimension": "craft", "weight": 2.0,
             "score": 5, "evidence": "Rewrote the disk alerts; pages fell from 30 to 4 a month.",
             "updated": null},
            {"indicator": "craft.l2.a", "level": "L2", "dimension": "craft", "weight": 1.0,
             "score": 1, "evidence": null, "updated": null},
            {"indicator": "people.l1.a", "level": "L1", "dimension": "people", "weight": 1.0,
             "score": 1, "evidence": null, "updated": null},
            {"indicator": "people.l2.a", "level": "L2", "dimension": "people", "weight": 3.0,
             "score": 2, "evidence": null, "updated": null},
            {"indicator": "people.l2.b", "level": "L2", "dimension": "people", "weight": 1.0,
             "score": 1, "evidence": null, "updated": null},
        ])
    );
    // Strengths: met (score >= 4) up to one level above the target L2: only
    // craft.l1.a and craft.l1.b (both 5, both L1), in ladder order.
    let strengths: Vec<(&str, &str, &str, u64)> = r["strengths"]
        .as_array()
        .expect("strengths")
        .iter()
        .map(|s| {
            (
                s["indicator"].as_str().unwrap_or(""),
                s["level"].as_str().unwrap_or(""),
                s["dimension"].as_str().unwrap_or(""),
                s["score"].as_u64().unwrap_or(99),
            )
        })
        .collect();
    assert_eq!(
        strengths,
        [
            ("craft.l1.a", "L1", "craft", 5),
            ("craft.l1.b", "L1", "craft", 5)
        ]
    );
    assert_eq!(
        r["strengths"][1]["text"],
        "Writes alerts that page only for user-visible symptoms."
    );
}

#[test]
fn an_explicit_target_widens_the_gaps() {
    let data = tempfile::tempdir().expect("data dir");
    let work = tempfile::tempdir().expect("work dir");
    // Only L1 rated, all met, and the target set to L3:
    //   L1 (1·4 + 2·4 + 1·5)/20 = 17/20 = 0.85 → reached; L2 0 → current L1.
    //   Gaps up to L3, every one unrated (s = 0), shortfall w·4:
    //   people.l2.a 3·4 = 12, then the 4s in ladder order and by id:
    //   craft.l2.a, people.l2.b (L2), craft.l3.a (L3).
    let file = write(
        work.path(),
        "p.yaml",
        "version: 1\nprofile: p\ntarget_level: L3\nratings:\n  craft.l1.a: {score: 4}\n  craft.l1.b: {score: 4}\n  people.l1.a: {score: 5}\n",
    );
    with_ops(data.path(), &[Path::new("import"), file.as_path()]).expect_code(0);
    let run = with_ops(data.path(), &["report", "--format", "json"]);
    run.expect_code(0);
    let r: Value = serde_json::from_str(&run.stdout).expect("JSON report");
    assert_eq!(r["current_level"], "L1");
    assert_eq!(r["target_level"], "L3");
    assert!(close(&r["levels"][0]["readiness"], 0.85));
    let gaps: Vec<&str> = r["gaps"]
        .as_array()
        .expect("gaps")
        .iter()
        .filter_map(|g| g["indicator"].as_str())
        .collect();
    assert_eq!(
        gaps,
        ["people.l2.a", "craft.l2.a", "people.l2.b", "craft.l3.a"]
    );
    assert_eq!(r["gaps"][0]["rated"], false);
    assert!(close(&r["gaps"][0]["shortfall"], 12.0));
    assert_eq!(r["orphaned"], serde_json::json!([]));
}

#[test]
fn report_markdown_to_a_file() {
    let (data, work) = imported();
    let out = work.path().join("report.md");
    let run = with_ops(
        data.path(),
        &[
            Path::new("report"),
            Path::new("--format"),
            Path::new("md"),
            Path::new("-o"),
            out.as_path(),
        ],
    );
    run.expect_code(0).expect_no_internals();
    assert!(run.stdout.is_empty(), "the report went to the file");
    let md = std::fs::read_to_string(&out).expect("report file");
    for heading in [
        "# Promotion readiness: default · Operations engineering ladder",
        "## Readiness by level",
        "## Readiness by dimension",
        "## Strengths, with evidence",
        "## Gaps on the way to",
        "## Mentor calibration",
        "## Ratings not in this pack",
    ] {
        assert!(
            md.lines().any(|l| l.starts_with(heading)),
            "no `{heading}` in:\n{md}"
        );
    }
    // L1 at 16/20 = 80%, reached; L2 at 8/25 = 32%.
    assert!(
        md.contains("| L1 Associate | 80% | 100% | ✓ reached |"),
        "{md}"
    );
    assert!(
        md.contains("| L2 Engineer | 32% | 100% | ✗ not yet |"),
        "{md}"
    );
    assert!(md.contains("pages fell from 30 to 4 a month"), "{md}");
    // No temp file is left beside it.
    let mut names: Vec<String> = std::fs::read_dir(work.path())
        .expect("work dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    assert_eq!(names, ["mine.yaml", "report.md"]);
}

#[test]
fn report_to_an_unwritable_place_fails_naming_it() {
    let (data, work) = imported();
    let out = work.path().join("no-such-dir/report.md");
    let run = with_ops(
        data.path(),
        &[Path::new("report"), Path::new("-o"), out.as_path()],
    );
    run.expect_code(1).expect_no_internals();
    assert!(
        run.stderr
            .contains(&format!("{}: cannot write", out.display())),
        "{}",
        run.stderr
    );
}

#[test]
fn export_gives_back_what_import_took() {
    let (data, work) = imported();
    let run = with_ops(data.path(), &["export"]);
    run.expect_code(0).expect_no_internals();
    let original = parse_profile(PROFILE, Path::new("mine.yaml")).expect("the test's profile");
    let exported = parse_profile(&run.stdout, Path::new("export")).expect("export parses");
    assert_eq!(exported.ratings, original.ratings);
    assert_eq!(exported.mentor, original.mentor);
    // The file takes the name of the profile it was imported into.
    assert_eq!(exported.profile, "default");
    // Spot checks against the text above, orphan included.
    assert_eq!(exported.ratings["retired.on-call-hero"].score, 3);
    assert_eq!(exported.ratings["craft.l1.b"].score, 5);
    assert_eq!(
        exported.ratings["craft.l1.b"].evidence.as_deref(),
        Some("Rewrote the disk alerts; pages fell from 30 to 4 a month.")
    );
    assert_eq!(exported.ratings.len(), 7);

    // `-o FILE` writes the same text.
    let out = work.path().join("shared.yaml");
    with_ops(
        data.path(),
        &[Path::new("export"), Path::new("-o"), out.as_path()],
    )
    .expect_code(0);
    assert_eq!(
        std::fs::read_to_string(&out).expect("exported file"),
        run.stdout
    );
}

#[test]
fn export_without_a_profile_fails() {
    let data = tempfile::tempdir().expect("data dir");
    let run = with_ops(data.path(), &["export"]);
    run.expect_code(1).expect_no_internals();
    assert!(
        run.stderr
            .contains(&profile_file(data.path()).display().to_string()),
        "{}",
        run.stderr
    );
}

#[test]
fn import_refuses_to_replace_without_force() {
    let (data, work) = imported();
    let target = profile_file(data.path());
    let before = std::fs::read(&target).expect("profile");
    let other = write(
        work.path(),
        "other.yaml",
        "version: 1\nprofile: other\nratings:\n  craft.l1.a: {score: 1}\n",
    );

    let run = with_ops(data.path(), &[Path::new("import"), other.as_path()]);
    run.expect_code(1).expect_no_internals();
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert!(
        run.stderr.contains(&target.display().to_string()),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read(&target).expect("profile"), before);
    assert!(!data.path().join("profiles/default.yaml.bak").exists());

    let run = with_ops(
        data.path(),
        &[Path::new("import"), other.as_path(), Path::new("--force")],
    );
    run.expect_code(0).expect_no_internals();
    let now = std::fs::read_to_string(&target).expect("profile");
    let now = parse_profile(&now, &target).expect("new profile parses");
    assert_eq!(now.ratings.len(), 1);
    assert_eq!(now.ratings["craft.l1.a"].score, 1);
    assert_eq!(
        std::fs::read(data.path().join("profiles/default.yaml.bak")).expect("backup"),
        before
    );
}

/// Imports `text` into an empty data dir and expects a refusal that names
/// the file, with nothing written.
fn refused_import(text: &str, words: &[&str]) {
    let data = tempfile::tempdir().expect("data dir");
    let work = tempfile::tempdir().expect("work dir");
    let file = write(work.path(), "in.yaml", text);
    let run = with_ops(data.path(), &[Path::new("import"), file.as_path()]);
    run.expect_code(1).expect_no_internals();
    assert!(
        run.stderr.starts_with(&format!("{}", file.display())),
        "{}",
        run.stderr
    );
    for w in words {
        assert!(
            run.stderr.contains(w),
            "`{w}` missing from:\n{}",
            run.stderr
        );
    }
    assert!(
        !data.path().join("profiles").exists(),
        "nothing may be written"
    );
}

#[test]
fn import_refuses_an_off_scale_score() {
    // The scale is 1..5: 7 is above it, 0 below it. Line 4
    // `  craft.l1.a: {score: 7}`: two spaces, the id 3–12, `:` 13, space 14,
    // `{` 15, `score` 16–20, `:` 21, space 22, `7` at 23.
    refused_import(
        "version: 1\nprofile: p\nratings:\n  craft.l1.a: {score: 7}\n",
        &[
            "in.yaml:4:23: the rating of `craft.l1.a` is 7",
            "not on the pack's scale (1, 2, 3, 4, 5)",
            "not imported; nothing was changed",
        ],
    );
    // Line 5 `    score: 0`: `score` 5–9, `:` 10, space 11, `0` at 12.
    refused_import(
        "version: 1\nprofile: p\nratings:\n  people.l2.a:\n    score: 0\n",
        &["in.yaml:5:12: the rating of `people.l2.a` is 0"],
    );
}

#[test]
fn import_refuses_an_unknown_target_level() {
    refused_import(
        "version: 1\nprofile: p\ntarget_level: L9\n",
        // `target_level` 1–12, `:` 13, space 14, `L9` at 15.
        &["in.yaml:3:15: target_level `L9`", "L1, L2, L3"],
    );
}

#[test]
fn import_refuses_a_corrupt_file() {
    // `ratings: [oops`: `ratings` 1–7, `:` 8, space 9, the unclosed `[` at 10.
    refused_import(
        "version: 1\nprofile: p\nratings: [oops\n",
        &["in.yaml:3:10:", "not imported", "export it again"],
    );
    // The advice is for a file being imported, not for a broken profile of
    // one's own: nothing is to be moved aside or started afresh.
    let data = tempfile::tempdir().expect("data dir");
    let work = tempfile::tempdir().expect("work dir");
    let file = write(
        work.path(),
        "in.yaml",
        "version: 1\nprofile: p\nratings: [oops\n",
    );
    let run = with_ops(data.path(), &[Path::new("import"), file.as_path()]);
    assert!(!run.stderr.contains("move it aside"), "{}", run.stderr);
    assert!(!run.stderr.contains("start fresh"), "{}", run.stderr);
}

#[test]
fn import_refuses_a_newer_version() {
    refused_import(
        "version: 3\nprofile: p\nratings: {}\nsomething_new: true\n",
        &["newer ladder", "version 3", "upgrade ladder to import it"],
    );
}

#[test]
fn import_of_a_missing_file_fails() {
    let data = tempfile::tempdir().expect("data dir");
    let missing = data.path().join("nowhere.yaml");
    let run = with_ops(data.path(), &[Path::new("import"), missing.as_path()]);
    run.expect_code(1).expect_no_internals();
    assert!(
        run.stderr
            .contains(&format!("{}: no such file", missing.display())),
        "{}",
        run.stderr
    );
}

#[test]
fn a_corrupt_profile_is_never_touched() {
    let data = tempfile::tempdir().expect("data dir");
    let work = tempfile::tempdir().expect("work dir");
    std::fs::create_dir_all(data.path().join("profiles")).expect("mkdir");
    let target = profile_file(data.path());
    let corrupt = b"version: 1\nprofile: default\nratings:\n  craft.l1.a: {score: [\n";
    std::fs::write(&target, corrupt).expect("write");
    let good = write(work.path(), "good.yaml", PROFILE);
    // Line 4 `  craft.l1.a: {score: [`: two spaces, `craft.l1.a` 3–12, `:` 13,
    // space 14, `{` 15, `score` 16–20, `:` 21, space 22, `[` 23. The
    // parser reports the unclosed collection where it starts.
    let shown = format!("{}:4:23: ", target.display());

    let runs = [
        with_ops(data.path(), &["report"]),
        with_ops(data.path(), &["report", "--format", "json"]),
        with_ops(data.path(), &["export"]),
        with_ops(
            data.path(),
            &[Path::new("import"), good.as_path(), Path::new("--force")],
        ),
    ];
    for run in &runs {
        run.expect_code(1).expect_no_internals();
        assert!(run.stderr.contains(&shown), "{}", run.stderr);
        assert!(run.stdout.is_empty(), "{}", run.stdout);
    }
    assert_eq!(std::fs::read(&target).expect("profile"), corrupt);
    assert!(!data.path().join("profiles/default.yaml.bak").exists());
}

#[test]
fn a_missing_content_dir_fails_naming_it() {
    let data = tempfile::tempdir().expect("data dir");
    let missing = data.path().join("no-pack-here");
    let work = tempfile::tempdir().expect("work dir");
    let file = write(work.path(), "mine.yaml", PROFILE);
    for args in [
        vec![Path::new("report")],
        vec![Path::new("import"), file.as_path()],
        vec![Path::new("validate")],
    ] {
        let mut full = vec![Path::new("--content"), missing.as_path()];
        full.extend(args);
        let run = ladder(data.path(), &full);
        run.expect_code(1).expect_no_internals();
        assert!(
            run.stderr
                .contains(&format!("{}: no such directory", missing.display())),
            "{}",
            run.stderr
        );
    }
    assert!(!data.path().join("profiles").exists());
}

#[test]
fn usage_errors_exit_2() {
    let data = tempfile::tempdir().expect("data dir");
    for args in [
        vec!["frobnicate"],
        vec!["report", "--format", "pdf"],
        vec!["import"],
        vec!["validate", "--format", "yaml"],
        vec!["--lang", "fr", "report"],
        vec!["completions", "no-such-shell"],
    ] {
        let run = ladder(data.path(), &args);
        assert_eq!(run.code, Some(2), "{args:?}: {}", run.stderr);
        run.expect_no_internals();
        assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    }
    assert!(!data.path().join("profiles").exists());
}

#[test]
fn completions_for_bash() {
    let data = tempfile::tempdir().expect("data dir");
    let run = ladder(data.path(), &["completions", "bash"]);
    run.expect_code(0).expect_no_internals();
    assert!(run.stdout.contains("_ladder()"), "{}", run.stdout);
    assert!(run.stdout.contains("complete -F _ladder"), "{}", run.stdout);
    for sub in ["validate", "report", "export", "import"] {
        assert!(run.stdout.contains(sub), "{sub}");
    }
}

#[test]
fn chinese_report() {
    let (data, _work) = imported();
    let zh_headings = [
        "# 晋升准备报告：default",
        "## 各职级准备度",
        "## 各维度准备度",
        "## 优势与证据",
        "## 导师校准",
    ];
    let by_flag = with_ops(data.path(), &["--lang", "zh", "report"]);
    by_flag.expect_code(0).expect_no_internals();
    for h in zh_headings {
        assert!(
            by_flag.stdout.lines().any(|l| l.starts_with(h)),
            "no `{h}` in:\n{}",
            by_flag.stdout
        );
    }
    assert!(!by_flag.stdout.contains("Readiness by level"));

    // LADDER_LANG, and LANG starting with zh, choose the same.
    let mut cmd = ladder_command();
    cmd.env("LADDER_LANG", "zh")
        .arg("--data-dir")
        .arg(data.path())
        .arg("--content")
        .arg(ops_pack())
        .arg("report");
    assert_eq!(run_command(&mut cmd).stdout, by_flag.stdout);
    let mut cmd = ladder_command();
    cmd.env("LANG", "zh_CN.UTF-8")
        .arg("--data-dir")
        .arg(data.path())
        .arg("--content")
        .arg(ops_pack())
        .arg("report");
    assert_eq!(run_command(&mut cmd).stdout, by_flag.stdout);
    // The flag beats the environment.
    let mut cmd = ladder_command();
    cmd.env("LADDER_LANG", "zh")
        .arg("--lang")
        .arg("en")
        .arg("--data-dir")
        .arg(data.path())
        .arg("--content")
        .arg(ops_pack())
        .arg("report");
    assert!(
        run_command(&mut cmd)
            .stdout
            .starts_with("# Promotion readiness: default")
    );
}

#[test]
fn ladder_data_dir_env_is_honoured() {
    let data = tempfile::tempdir().expect("data dir");
    let work = tempfile::tempdir().expect("work dir");
    let file = write(work.path(), "mine.yaml", PROFILE);

    let mut import = ladder_command();
    import
        .env("LADDER_DATA_DIR", data.path())
        .arg("--content")
        .arg(ops_pack())
        .arg("import")
        .arg(&file);
    run_command(&mut import)
        .expect_code(0)
        .expect_no_internals();
    assert!(profile_file(data.path()).is_file());

    let mut export = ladder_command();
    export.env("LADDER_DATA_DIR", data.path()).arg("export");
    let run = run_command(&mut export);
    run.expect_code(0);
    assert!(
        run.stdout.contains("retired.on-call-hero"),
        "{}",
        run.stdout
    );

    // --data-dir wins over the environment: the other dir has no profile.
    let other = tempfile::tempdir().expect("other dir");
    let mut export = ladder_command();
    export
        .env("LADDER_DATA_DIR", data.path())
        .arg("--data-dir")
        .arg(other.path())
        .arg("export");
    let run = run_command(&mut export);
    run.expect_code(1);
    assert!(
        run.stderr
            .contains(&profile_file(other.path()).display().to_string()),
        "{}",
        run.stderr
    );
}

#[test]
fn a_profile_name_is_checked_before_it_becomes_a_path() {
    let data = tempfile::tempdir().expect("data dir");
    let run = with_ops(data.path(), &["--profile", "../escape", "report"]);
    run.expect_code(1).expect_no_internals();
    assert!(
        run.stderr.contains("not a valid profile name"),
        "{}",
        run.stderr
    );
    assert!(!data.path().join("escape.yaml").exists());
}

#[test]
fn config_shows_each_value_with_where_it_came_from() {
    let data = tempfile::tempdir().expect("data dir");
    let work = tempfile::tempdir().expect("work dir");
    let file = write(
        work.path(),
        "config.yaml",
        "lang: zh\nprofile: work\ntheme: light\nkeys:\n  global: {quit: [x]}\n",
    );
    let run = run_command(
        ladder_command()
            .arg("--data-dir")
            .arg(data.path())
            .arg("--config")
            .arg(&file)
            .arg("config"),
    );
    run.expect_code(0).expect_no_internals();
    assert!(
        run.stdout.contains("lang: zh  # config file"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("profile: work  # config file"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("theme: light  # config file"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("    quit: [\"x\"]"), "{}", run.stdout);
    // The environment beats the file, the command line beats both.
    let run = run_command(
        ladder_command()
            .env("LADDER_LANG", "en")
            .arg("--config")
            .arg(&file)
            .args(["--profile", "other", "config"]),
    );
    assert!(
        run.stdout.contains("lang: en  # environment (LADDER_LANG)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("profile: other  # command line"),
        "{}",
        run.stdout
    );
}

/// `ladder config` with the platform config directory at `xdg` (Linux),
/// the environment variables given and the arguments after `config`.
#[cfg(target_os = "linux")]
fn config_in(xdg: &Path, env: &[(&str, &str)], args: &[&str]) -> String {
    let mut cmd = ladder_command();
    cmd.env("XDG_CONFIG_HOME", xdg);
    for (name, value) in env {
        cmd.env(name, value);
    }
    let run = run_command(cmd.args(args).arg("config"));
    run.expect_code(0).expect_no_internals();
    run.stdout
}

#[cfg(target_os = "linux")]
#[test]
fn config_names_the_layer_each_value_came_from() {
    let xdg = tempfile::tempdir().expect("config home");
    // No file: everything built in, English under LANG=C.
    assert_eq!(
        config_in(xdg.path(), &[], &[]),
        "# config file: none\n\
         lang: en  # built-in\n\
         profile: default  # built-in\n\
         theme: auto  # built-in\n\
         # mentor_name: not set\n\
         # keys: all built-in (`ladder config --default` lists them)\n"
    );
    // The locale chose the language: said so, not `built-in`.
    let zh = config_in(xdg.path(), &[("LANG", "zh_CN.UTF-8")], &[]);
    assert!(zh.contains("\nlang: zh  # environment (LANG)\n"), "{zh}");
    let en = config_in(xdg.path(), &[("LANG", "en_GB.UTF-8")], &[]);
    assert!(en.contains("\nlang: en  # environment (LANG)\n"), "{en}");
    let other = config_in(xdg.path(), &[("LANG", "fr_FR.UTF-8")], &[]);
    assert!(other.contains("\nlang: en  # built-in\n"), "{other}");
    // A LADDER_LANG that is neither language is said to be ignored.
    let mut cmd = ladder_command();
    cmd.env("XDG_CONFIG_HOME", xdg.path())
        .env("LADDER_LANG", "fr")
        .env("LANG", "zh_CN.UTF-8");
    let run = run_command(cmd.arg("config"));
    run.expect_code(0).expect_no_internals();
    assert!(
        run.stderr
            .contains("LADDER_LANG is `fr`, which is not zh or en: it is ignored"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("\nlang: zh  # environment (LANG)\n"));
    // POSIX order: LC_ALL, then LC_MESSAGES, then LANG.
    let messages = config_in(
        xdg.path(),
        &[("LANG", "en_GB.UTF-8"), ("LC_MESSAGES", "zh_CN.UTF-8")],
        &[],
    );
    assert!(
        messages.contains("\nlang: zh  # environment (LC_MESSAGES)\n"),
        "{messages}"
    );
    // LC_ALL=C means untranslated, whatever LANG says.
    let all = config_in(
        xdg.path(),
        &[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "C.UTF-8")],
        &[],
    );
    assert!(all.contains("\nlang: en  # built-in\n"), "{all}");

    // The file in the platform directory beats the built-in values, and the
    // locale: `lang` is a choice made for ladder, LANG is not.
    let dir = xdg.path().join("ladder");
    std::fs::create_dir_all(&dir).expect("config dir");
    let file = write(
        &dir,
        "config.yaml",
        "lang: en\nprofile: work\ntheme: light\nmentor_name: Chen Jing\n",
    );
    assert_eq!(
        config_in(xdg.path(), &[("LANG", "zh_CN.UTF-8")], &[]),
        format!(
            "# config file: {}\n\
             lang: en  # config file\n\
             profile: work  # config file\n\
             theme: light  # config file\n\
             mentor_name: Chen Jing  # config file\n\
             # keys: all built-in (`ladder config --default` lists them)\n",
            file.display()
        )
    );
    // An empty NO_COLOR counts as unset.
    let empty = config_in(xdg.path(), &[("NO_COLOR", "")], &[]);
    assert!(empty.contains("\ntheme: light  # config file\n"), "{empty}");

    // The environment beats the file.
    let env = [("LADDER_LANG", "zh"), ("NO_COLOR", "1")];
    let by_env = config_in(xdg.path(), &env, &[]);
    for line in [
        "lang: zh  # environment (LADDER_LANG)",
        "profile: work  # config file",
        "theme: no-color  # environment (NO_COLOR)",
    ] {
        assert!(by_env.contains(&format!("\n{line}\n")), "{line}:\n{by_env}");
    }
    // The command line beats the environment.
    let by_flags = config_in(xdg.path(), &env, &["--lang", "en", "--profile", "other"]);
    for line in [
        "lang: en  # command line",
        "profile: other  # command line",
        "theme: no-color  # environment (NO_COLOR)",
    ] {
        assert!(
            by_flags.contains(&format!("\n{line}\n")),
            "{line}:\n{by_flags}"
        );
    }
}

#[test]
fn a_broken_config_is_reported_by_line_and_nothing_runs() {
    let data = tempfile::tempdir().expect("data dir");
    let work = tempfile::tempdir().expect("work dir");
    let file = write(
        work.path(),
        "config.yaml",
        "lang: en\nkeys:\n  asess: {edit: [e]}\n",
    );
    let run = run_command(
        ladder_command()
            .arg("--data-dir")
            .arg(data.path())
            .arg("--config")
            .arg(&file)
            .args(["report"]),
    );
    run.expect_code(1).expect_no_internals();
    assert!(
        run.stderr.contains(&format!(
            "{}:3:3: unknown mode `asess` (did you mean `assess`?)",
            file.display()
        )),
        "{}",
        run.stderr
    );
    // A key given two jobs is listed with the other problems, not after
    // they are fixed.
    let file = write(
        work.path(),
        "twice.yaml",
        "lang: fr\nkeys:\n  global: {quit: [x], help: [x]}\n  asess: {edit: [e]}\n",
    );
    let run = run_command(ladder_command().arg("--config").arg(&file).arg("config"));
    run.expect_code(1).expect_no_internals();
    let shown = file.display().to_string();
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 4, "{}", run.stderr);
    assert_eq!(
        lines[0],
        format!("{shown}:1:7: `lang` is `fr`; write zh or en")
    );
    assert_eq!(
        lines[1],
        format!(
            "{shown}:3:30: in mode `global` the key x would do two things (quit and help); \
             give one of them another key"
        )
    );
    assert!(
        lines[2].starts_with(&format!("{shown}:4:3: unknown mode `asess`")),
        "{}",
        run.stderr
    );
    let missing = work.path().join("nope.yaml");
    let run = run_command(ladder_command().arg("--config").arg(&missing).arg("config"));
    run.expect_code(1).expect_no_internals();
    assert!(
        run.stderr.starts_with(&missing.display().to_string()),
        "{}",
        run.stderr
    );
}

#[test]
fn a_full_disk_on_standard_output_is_a_message_and_exit_1() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let full = std::fs::File::options()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let run = run_command(ladder_command().args(["completions", "bash"]).stdout(full));
    run.expect_code(1).expect_no_internals();
    assert!(
        run.stderr.contains("no space left on device"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_closed_standard_output_is_a_message_and_exit_1() {
    if !Path::new("/proc/self/fdinfo").exists() {
        return;
    }
    let data = tempfile::tempdir().expect("data dir");
    let run = run_command(
        std::process::Command::new("sh")
            .arg("-c")
            .arg("\"$0\" --data-dir \"$1\" report >&-")
            .arg(env!("CARGO_BIN_EXE_ladder"))
            .arg(data.path())
            .env("LADDER_CONFIG", "")
            .env("LANG", "C.UTF-8"),
    );
    run.expect_code(1).expect_no_internals();
    assert!(
        run.stderr.contains("standard output is closed"),
        "{}",
        run.stderr
    );
}

#[cfg(target_os = "linux")]
#[test]
fn pack_files_that_are_not_regular_files_are_refused_at_once() {
    let pack = common::write_tree(&[]);
    let src = fixtures().join("packs/valid-ops");
    for entry in std::fs::read_dir(&src).expect("fixture") {
        let entry = entry.expect("entry");
        if entry.path().is_file() {
            std::fs::copy(entry.path(), pack.path().join(entry.file_name())).expect("copy");
        }
    }
    let levels = pack.path().join("levels.yaml");
    std::fs::remove_file(&levels).expect("remove");
    let made = std::process::Command::new("mkfifo").arg(&levels).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let meta = pack.path().join("pack.yaml");
    std::fs::remove_file(&meta).expect("remove");
    std::os::unix::fs::symlink("/dev/zero", &meta).expect("symlink");
    let data = tempfile::tempdir().expect("data dir");
    let run = ladder(data.path(), &[Path::new("validate"), pack.path()]);
    run.expect_code(1).expect_no_internals();
    for file in ["levels.yaml", "pack.yaml"] {
        assert!(
            run.stderr
                .contains(&format!("{file}: is not a regular file")),
            "{file}: {}",
            run.stderr
        );
    }
}

#[test]
fn of_twenty_imports_at_once_into_a_new_profile_exactly_one_wins() {
    let data = tempfile::tempdir().expect("data dir");
    let work = tempfile::tempdir().expect("work dir");
    let file = write(
        work.path(),
        "in.yaml",
        "version: 2\nprofile: p\nratings:\n  craft.l1.a: {score: 3}\n",
    );
    let pack = fixtures().join("packs/valid-ops");
    let children: Vec<_> = (0..20)
        .map(|_| {
            ladder_command()
                .arg("--data-dir")
                .arg(data.path())
                .arg("--content")
                .arg(&pack)
                .arg("import")
                .arg(&file)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("spawn")
        })
        .collect();
    let codes: Vec<Option<i32>> = children
        .into_iter()
        .map(|mut c| c.wait().expect("wait").code())
        .collect();
    assert_eq!(
        codes.iter().filter(|c| **c == Some(0)).count(),
        1,
        "{codes:?}"
    );
    assert_eq!(
        codes.iter().filter(|c| **c == Some(1)).count(),
        19,
        "{codes:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_file_size_limit_ends_an_import_with_a_message_not_a_signal() {
    let data = tempfile::tempdir().expect("data dir");
    let work = tempfile::tempdir().expect("work dir");
    let evidence = "Ran the incident review and wrote the runbook. ".repeat(200);
    let file = write(
        work.path(),
        "in.yaml",
        &format!(
            "version: 2\nprofile: p\nratings:\n  craft.l1.a: {{score: 3, evidence: \"{evidence}\"}}\n"
        ),
    );
    let run = run_command(
        std::process::Command::new("sh")
            .arg("-c")
            .arg("ulimit -f 2; exec \"$0\" --data-dir \"$1\" --content \"$2\" import \"$3\"")
            .arg(env!("CARGO_BIN_EXE_ladder"))
            .arg(data.path())
            .arg(fixtures().join("packs/valid-ops"))
            .arg(&file)
            .env("LADDER_CONFIG", ""),
    );
    run.expect_code(1).expect_no_internals();
    assert!(run.stderr.contains("default.yaml"), "{}", run.stderr);
}
