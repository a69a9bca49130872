//! Loading never panics, whatever the files hold: the result is a pack, or
//! at least one error that names a file of the pack, in words (no Rust
//! debug formatting).

mod common;

use std::path::Path;

use ladder::core::content::{self, PackSource};
use proptest::prelude::*;

/// The files of a pack that the loader reads, as (relative path, text).
const FILES: [&str; 5] = [
    "pack.yaml",
    "levels.yaml",
    "competencies.yaml",
    "checklists/handover.yaml",
    "questions/ops.yaml",
];

fn valid_text(rel: &str) -> String {
    std::fs::read_to_string(common::fixtures().join("packs/valid-ops").join(rel))
        .expect("fixture file")
}

/// `Word { field: ` — how Rust's `{:?}` shows a struct.
fn looks_like_debug(text: &str) -> bool {
    text.match_indices(" { ").any(|(i, _)| {
        let word = text[..i].rsplit(' ').next().unwrap_or("");
        let after = &text[i + 3..];
        word.starts_with(|c: char| c.is_ascii_uppercase())
            && word.chars().all(|c| c.is_ascii_alphanumeric())
            && after.split_once(':').is_some_and(|(f, _)| {
                !f.is_empty() && f.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            })
    })
}

/// Loads `dir` and checks the property; returns whether a pack came out.
fn check_load(dir: &Path) -> Result<bool, TestCaseError> {
    match content::load(&PackSource::Dir(dir.to_owned())) {
        Ok(loaded) => {
            prop_assert!(loaded.warnings.iter().all(|d| !d.is_error()));
            Ok(true)
        }
        Err(e) => {
            let errors: Vec<_> = e.errors().collect();
            prop_assert!(!errors.is_empty(), "failed without an error");
            let root = dir.display().to_string();
            for d in &e.diagnostics {
                prop_assert!(
                    d.file.starts_with(&root),
                    "`{}` does not name a file of the pack",
                    d.file
                );
                let shown = d.to_string();
                prop_assert!(!looks_like_debug(&shown), "debug output: {shown}");
                prop_assert!(!shown.contains("Error {"), "{shown}");
            }
            Ok(false)
        }
    }
}

/// A change to one line-oriented text.
#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    InsertChar(usize, char),
}

fn apply(text: &str, m: &Mutation) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    match *m {
        Mutation::DeleteLine(i) => {
            lines.remove(i % lines.len());
        }
        Mutation::DuplicateLine(i) => {
            let i = i % lines.len();
            let copy = lines[i].clone();
            lines.insert(i, copy);
        }
        Mutation::InsertChar(i, c) => {
            let joined = lines.join("\n");
            let chars: Vec<char> = joined.chars().collect();
            let at = i % (chars.len() + 1);
            let mut out: String = chars[..at].iter().collect();
            out.push(c);
            out.extend(&chars[at..]);
            return out;
        }
    }
    lines.join("\n") + "\n"
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Characters that matter to YAML, plus a few that matter to people.
    let chars = prop::sample::select(vec![
        ':', '-', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '#', '"', '\'', ' ', '\t',
        '\n', 'x', '7', '.', '%', '@', '`', '\u{1b}', '\u{0}', '\u{feff}', '中', '\u{202e}',
    ]);
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), chars).prop_map(|(i, c)| Mutation::InsertChar(i, c)),
    ]
}

/// YAML-flavoured noise: punctuation, indentation and a few words.
fn yamlish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "- ", ": ", "\n", "  ", "[", "]", "{", "}", ", ", "&a ", "*a", "id", "value", "1",
            "-1", "x", "\"", "'", "#", "|\n", "zh", "en", "L1", "---\n", "!!str ", "~", "1.5",
        ]),
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_file_contents_never_panic(
        texts in prop::collection::vec(prop_oneof![any::<String>(), yamlish()], FILES.len())
    ) {
        let overrides: Vec<(&str, &str)> =
            FILES.iter().copied().zip(texts.iter().map(String::as_str)).collect();
        let dir = common::write_tree(&overrides);
        check_load(dir.path())?;
    }

    #[test]
    fn mutated_valid_files_never_panic(
        file in 0..FILES.len(),
        mutations in prop::collection::vec(mutation(), 1..6)
    ) {
        let rel = FILES[file];
        let mut text = valid_text(rel);
        for m in &mutations {
            text = apply(&text, m);
        }
        let dir = common::patched_pack("valid-ops", &[(rel, &text)]);
        check_load(dir.path())?;
    }

    #[test]
    fn mutations_in_several_files_never_panic(
        mutations in prop::collection::vec((0..FILES.len(), mutation()), 1..10)
    ) {
        let mut texts: Vec<String> = FILES.iter().map(|f| valid_text(f)).collect();
        for (file, m) in &mutations {
            texts[*file] = apply(&texts[*file], m);
        }
        let overrides: Vec<(&str, &str)> =
            FILES.iter().copied().zip(texts.iter().map(String::as_str)).collect();
        let dir = common::patched_pack("valid-ops", &overrides);
        check_load(dir.path())?;
    }
}

#[test]
fn the_property_holds_for_the_fixtures_themselves() {
    // The checker accepts the valid pack, and rejects a broken one.
    assert!(check_load(&common::fixtures().join("packs/valid-ops")).expect("valid"));
    assert!(!check_load(&common::fixtures().join("packs/broken-many")).expect("broken"));
}

#[test]
fn debug_formatting_is_recognised() {
    assert!(looks_like_debug(
        "budget breached: Aliases { aliases: 1001 }"
    ));
    assert!(looks_like_debug("x: Error { kind: Io }"));
    assert!(!looks_like_debug("a map such as {zh: ..., en: ...}"));
    assert!(!looks_like_debug("the file is empty"));
}
