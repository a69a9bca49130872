//! Fuzzing every loader of a file that may come from someone else, and the
//! Markdown widget: mutated valid files and random text never panic, an
//! error names its file (and a line and column where the API has them), and
//! no message carries a control character that could drive a terminal.
//!
//! The default run is quick; for a long one:
//! `PROPTEST_CASES=5000 cargo test --test fuzz_loaders`.

mod common;

use std::path::Path;

use ladder::cli::config;
use ladder::core::checklist::parse_run;
use ladder::core::content::{self, PackSource};
use ladder::core::profile::{ProfileError, parse_profile, review_log};
use ladder::tui::widgets::markdown::{self, MarkdownStyles};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// Cases per property: `PROPTEST_CASES`, or a number that keeps `cargo test` fast.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

fn config_with(default: u32) -> ProptestConfig {
    ProptestConfig {
        cases: cases(default),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// The characters no message may carry: C0 but newline and tab, DEL, C1,
/// and the bidi controls.
fn is_control(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn clean(what: &str, text: &str) -> Result<(), TestCaseError> {
    if let Some(c) = text.chars().find(|&c| is_control(c)) {
        return Err(TestCaseError::fail(format!(
            "{what} carries U+{:04X}: {text:?}",
            u32::from(c)
        )));
    }
    Ok(())
}

/// `prefix` followed by `:LINE:COL:` with both numbers at least 1.
fn located_at(message: &str, prefix: &str) -> bool {
    let Some(rest) = message
        .strip_prefix(prefix)
        .and_then(|r| r.strip_prefix(':'))
    else {
        return false;
    };
    let mut parts = rest.splitn(3, ':');
    let number = |p: Option<&str>| {
        p.and_then(|p| p.parse::<u64>().ok())
            .is_some_and(|n| n >= 1)
    };
    number(parts.next()) && number(parts.next()) && parts.next().is_some()
}

// ---- inputs ------------------------------------------------------------

/// A change to a text: drop, double or swap lines, or put a character in.
#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    Insert(usize, char),
    Truncate(usize),
}

fn apply(text: &str, m: &Mutation) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    if lines.is_empty() {
        lines.push("");
    }
    let n = lines.len();
    match *m {
        Mutation::DeleteLine(i) => {
            lines.remove(i % n);
        }
        Mutation::DuplicateLine(i) => lines.insert(i % n, lines[i % n]),
        Mutation::SwapLines(i, j) => lines.swap(i % n, j % n),
        Mutation::Insert(i, c) => {
            let chars: Vec<char> = text.chars().collect();
            let at = i % (chars.len() + 1);
            let mut out: String = chars[..at].iter().collect();
            out.push(c);
            out.extend(&chars[at..]);
            return out;
        }
        Mutation::Truncate(i) => {
            let chars: Vec<char> = text.chars().collect();
            return chars[..i % (chars.len() + 1)].iter().collect();
        }
    }
    lines.join("\n") + "\n"
}

/// Characters that matter to YAML, JSON and Markdown, to terminals and to people.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => prop::sample::select(vec![
            ':', '-', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '#', '"', '\'', ' ',
            '\t', '\n', '\r', 'x', '7', '.', '%', '@', '`', '\\', '<', '~', '?', '=', '_',
            '\u{0}', '\u{7}', '\u{8}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9b}', '\u{feff}',
            '\u{61c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}',
            '中', '\u{301}', '😀', '\u{fffd}',
        ]),
        1 => any::<char>(),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        2 => any::<usize>().prop_map(Mutation::DeleteLine),
        2 => any::<usize>().prop_map(Mutation::DuplicateLine),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Mutation::SwapLines(i, j)),
        6 => (any::<usize>(), interesting_char()).prop_map(|(i, c)| Mutation::Insert(i, c)),
        1 => any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    prop::collection::vec(mutation(), 1..8)
}

fn mutate(text: &str, ms: &[Mutation]) -> String {
    ms.iter().fold(text.to_owned(), |t, m| apply(&t, m))
}

/// Noise made of YAML, JSON and Markdown pieces.
fn noise() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "- ",
            ": ",
            "\n",
            "  ",
            "[",
            "]",
            "{",
            "}",
            ", ",
            "&a ",
            "*a",
            "<<: *a\n",
            "id",
            "version",
            "1",
            "2",
            "-1",
            "1e308",
            ".nan",
            "x",
            "\"",
            "'",
            "#",
            "|\n",
            ">-\n",
            "---\n",
            "!!str ",
            "!!binary ",
            "~",
            "null",
            "true",
            "1.5",
            "score",
            "ratings",
            "results",
            "\u{1b}]52;c;",
            "\u{7}",
            "\u{202e}",
            "\u{85}",
            "| a | b |\n|---|---|\n",
            "**",
            "`",
            "```\n",
            "> ",
            "1. ",
            "[x] ",
            "<script>",
            "&amp;",
            "\\",
            "中文",
            "\t",
        ]),
        0..80,
    )
    .prop_map(|parts| parts.concat())
}

fn text_input(seed: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![
        4 => mutations().prop_map(move |ms| mutate(seed, &ms)),
        2 => noise(),
        1 => any::<String>(),
    ]
}

// ---- the loaders -------------------------------------------------------

const PROFILE: &str = r#"version: 2
profile: default
pack: {id: go-backend-p6-p9, version: 1.0.0}
target_level: P7
defense_date: "2027-03-15"
ratings:
  tech-depth.p6.profiling:
    score: 3
    evidence: |
      Found the 40% CPU regression in checkout with pprof; PR #1234.
    updated: "2026-10-12"
mentor:
  name: Li Wei
  date: "2026-12-01"
  ratings:
    tech-depth.p6.profiling: {score: 2, comment: "Show the flame graph"}
  notes: |
    Keep going.
  plan:
    - {step: "Agree the SLO with search", owner: me, due: "2027-01-15"}
history:
  - date: "2026-10-01"
    current_level: P6
    target_level: P7
    levels: {P6: 0.81, P7: 0.52, P8: 0.2, P9: 0.05}
    dimensions:
      tech-depth: {P6: 0.9, P7: 0.6}
"#;

const RUN: &str = include_str!("fixtures/runs/2026-12-04-pr-482-order-sync.yaml");

const CONFIG: &str = "lang: en
profile: default
theme: dark
mentor_name: Li Wei
keys:
  global:
    quit: [q, ctrl-c]
";

const REVIEWS: &str = r#"{"question":"impact.prove-business-value","at":"2026-12-04T09:00:00+08:00","grade":"good","seconds":42,"covered":[0,2],"by":"self","kind":"due"}
{"question":"impact.prove-business-value","at":"2026-12-05T09:00:00+08:00","grade":"again","seconds":7,"by":"Li Wei","kind":"mock"}
"#;

const MARKDOWN: &str = "# Evidence\n\nFound the **40%** CPU regression with `pprof`; \
see [PR](https://example.com/1234).\n\n- one\n  - two\n    - three\n1. first\n2. second\n\n\
- [x] done\n- [ ] todo\n\n> quoted ~~text~~\n\n```go\nfunc main() {}\n```\n\n\
| a | b |\n|---|:-:|\n| 中文 | 😀 |\n\n---\n<script>alert(1)</script>\n";

/// A profile error names the file; a parse error has a line and a column.
fn check_profile_error(err: &ProfileError, path: &Path) -> Result<(), TestCaseError> {
    let shown = err.to_string();
    clean("a profile message", &shown)?;
    prop_assert!(shown.starts_with(&path.display().to_string()), "{shown}");
    if let ProfileError::Parse {
        line, col, snippet, ..
    } = err
    {
        prop_assert!(*line >= 1 && *col >= 1, "{shown}");
        prop_assert!(located_at(&shown, &path.display().to_string()), "{shown}");
        clean("a snippet", snippet)?;
    }
    Ok(())
}

fn check_profile(text: &str) -> Result<(), TestCaseError> {
    let path = Path::new("/profiles/fuzz.yaml");
    match parse_profile(text, path) {
        Ok(profile) => {
            // What loads can be saved and read back.
            if let Ok(yaml) = ladder::core::profile::profile_to_yaml(&profile, path) {
                let again = parse_profile(&yaml, path);
                prop_assert!(again.is_ok(), "saved text does not read back: {yaml}");
            }
        }
        Err(err) => check_profile_error(&err, path)?,
    }
    Ok(())
}

fn check_run(text: &str) -> Result<(), TestCaseError> {
    let path = Path::new("/runs/2026-12-04-fuzz.yaml");
    if let Err(err) = parse_run(text, path) {
        check_profile_error(&err, path)?;
    }
    Ok(())
}

fn check_config(text: &str) -> Result<(), TestCaseError> {
    let shown = "/config/config.yaml";
    if let Err(problems) = config::parse(text, shown) {
        prop_assert!(!problems.is_empty(), "failed without a message");
        for p in &problems {
            clean("a config message", p)?;
            prop_assert!(located_at(p, shown), "not located: {p}");
        }
    }
    Ok(())
}

fn check_reviews(text: &str) -> Result<(), TestCaseError> {
    let dir = tempfile::TempDir::new().map_err(|e| TestCaseError::fail(e.to_string()))?;
    let path = dir.path().join("fuzz.reviews.jsonl");
    std::fs::write(&path, text).map_err(|e| TestCaseError::fail(e.to_string()))?;
    match review_log::read(&path) {
        Ok(reviews) => {
            for r in &reviews {
                if let ladder::core::profile::Reviewer::Mentor(name) = &r.by {
                    clean("a reviewer's name", name)?;
                }
            }
        }
        Err(err) => check_profile_error(&err, &path)?,
    }
    Ok(())
}

fn check_markdown(text: &str, width: usize) -> Result<(), TestCaseError> {
    let styles = MarkdownStyles::default();
    let lines = markdown::render(text, width, &styles);
    // The widget draws what it is given: text is neutralised when it is
    // read (packs, profiles, the editor), so only clean input must give
    // clean lines.
    let input_clean = !text.chars().any(is_control);
    for line in &lines {
        let shown: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        if input_clean {
            clean("a rendered line", &shown)?;
        }
        prop_assert!(!shown.contains('\n'), "a line holds a newline: {shown:?}");
        let cells = ladder::tui::text::display_width(&shown);
        prop_assert!(cells <= width, "{cells} cells at width {width}: {shown:?}");
    }
    Ok(())
}

/// The files of a fixture pack, as (relative path, text).
fn pack_files(name: &str) -> Vec<(String, String)> {
    let root = common::fixtures().join("packs").join(name);
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("fixture dir") {
            let path = entry.expect("fixture entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                let rel = path.strip_prefix(&root).expect("under root");
                out.push((rel.to_string_lossy().into_owned(), text));
            }
        }
    }
    out.sort();
    out
}

const PACKS: [&str; 3] = ["valid-ops", "valid-drill", "review-runs"];

fn check_pack(files: &[(String, String)]) -> Result<(), TestCaseError> {
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(r, t)| (r.as_str(), t.as_str()))
        .collect();
    let dir = common::write_tree(&borrowed);
    let root = dir.path().display().to_string();
    match content::load(&PackSource::Dir(dir.path().to_owned())) {
        Ok(loaded) => {
            for w in &loaded.warnings {
                clean("a warning", &w.to_string())?;
            }
        }
        Err(e) => {
            prop_assert!(e.errors().next().is_some(), "failed without an error");
            clean("a pack error", &e.to_string())?;
            for d in &e.diagnostics {
                let shown = d.to_string();
                clean("a diagnostic", &shown)?;
                clean("a snippet", d.snippet.as_deref().unwrap_or(""))?;
                prop_assert!(d.file.starts_with(&root), "{shown}");
                if d.line.is_some() {
                    prop_assert!(
                        d.line >= Some(1) && d.column.is_none_or(|c| c >= 1),
                        "{shown}"
                    );
                }
            }
        }
    }
    Ok(())
}

fn pack_input() -> impl Strategy<Value = Vec<(String, String)>> {
    (
        0..PACKS.len(),
        any::<usize>(),
        mutations(),
        prop::option::of(noise()),
    )
        .prop_map(|(pack, file, ms, replace)| {
            let mut files = pack_files(PACKS[pack]);
            let i = file % files.len();
            files[i].1 = match replace {
                Some(noise) if file % 4 == 0 => noise,
                _ => mutate(&files[i].1, &ms),
            };
            files
        })
}

proptest! {
    #![proptest_config(config_with(128))]

    #[test]
    fn profile_loader(text in text_input(PROFILE)) {
        check_profile(&text)?;
    }

    #[test]
    fn run_loader(text in text_input(RUN)) {
        check_run(&text)?;
    }

    #[test]
    fn config_loader(text in text_input(CONFIG)) {
        check_config(&text)?;
    }

    #[test]
    fn review_log_loader(text in text_input(REVIEWS)) {
        check_reviews(&text)?;
    }

    #[test]
    fn markdown_widget(text in text_input(MARKDOWN), width in 1usize..120) {
        check_markdown(&text, width)?;
    }
}

proptest! {
    // A pack is a directory of files: fewer cases by default.
    #![proptest_config(config_with(24))]

    #[test]
    fn pack_loader(files in pack_input()) {
        check_pack(&files)?;
    }
}

// ---- what the fuzzing found ---------------------------------------------

/// A key name with a bidi mark after its modifier: the "did you mean"
/// suggestions were built from the raw name and carried the mark.
#[test]
fn a_control_in_a_key_name_is_not_echoed_in_the_suggestions() {
    let text = "lang: en\nprofile: default\ntheme: dark\nmentor_name: Li Wei\nkeys:\n  \
                global:\n    quit: [q, ctrl-\u{61c}c]\n";
    let problems = config::parse(text, "c.yaml").expect_err("an unknown key");
    assert!(
        problems.iter().all(|p| !p.chars().any(is_control)),
        "{problems:?}"
    );
    assert!(problems[0].starts_with("c.yaml:7:"), "{problems:?}");
}

/// The seeds themselves are valid, so the mutations start from real files.
#[test]
fn the_seeds_load() {
    assert!(parse_profile(PROFILE, Path::new("p.yaml")).is_ok());
    assert!(parse_run(RUN, Path::new("2026-12-04-pr-482-order-sync.yaml")).is_ok());
    if let Err(p) = config::parse(CONFIG, "c.yaml") {
        panic!("{p:?}");
    }
    let dir = tempfile::TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("d.reviews.jsonl");
    std::fs::write(&path, REVIEWS).unwrap_or_else(|e| panic!("{e}"));
    match review_log::read(&path) {
        Ok(reviews) => assert_eq!(reviews.len(), 2),
        Err(e) => panic!("{e}"),
    }
    for pack in PACKS {
        common::fixture_pack(pack);
    }
}
