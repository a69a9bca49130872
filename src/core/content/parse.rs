//! Parsing one YAML file into its typed struct, with budgets, and turning
//! parser errors into diagnostics a person can act on.

use serde::de::DeserializeOwned;
use serde_saphyr::Error as YamlError;
use serde_saphyr::ExternalMessageSource;
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::granit_parser::ErrorKind;

use super::diag::{Diagnostic, did_you_mean};
use super::text::Pos;

/// Parser options with budgets, so alias bombs, node floods and absurd
/// nesting fail fast with a clear error instead of eating memory or stack.
pub fn yaml_options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = 48;
    // Enough for any file under the 4 MiB cap; aliases are limited apart.
    budget.max_nodes = 2_000_000;
    budget.max_events = 4_000_000;
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    budget.max_documents = 1;
    budget.max_total_scalar_bytes = 8 * 1024 * 1024;
    let mut alias_limits = serde_saphyr::options::AliasLimits::default();
    alias_limits.max_total_replayed_events = 20_000;
    alias_limits.max_replay_stack_depth = 16;
    serde_saphyr::options! {
        budget: Some(budget),
        alias_limits: alias_limits,
        // YAML 1.2: only true/false are booleans, so a label "No" or a name
        // "n" stays text instead of failing as a boolean.
        strict_booleans: true,
    }
}

/// Parses `text` as `T`; on failure, one diagnostic for `file`.
pub fn parse_yaml<T: DeserializeOwned>(text: &str, file: &str) -> Result<T, Diagnostic> {
    if text
        .trim()
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(Diagnostic::error(
            file,
            Pos::default(),
            "the file is empty: write its content (see docs/packs.md) or delete it",
        ));
    }
    serde_saphyr::from_str_with_options::<T>(text, yaml_options())
        .map_err(|e| error_to_diagnostic(&e, file).with_snippet_from(text))
}

/// A serde-saphyr error as a diagnostic: position from the error, message
/// without the parser's own location suffix, and a hint where one helps.
pub fn error_to_diagnostic(error: &serde_saphyr::Error, file: &str) -> Diagnostic {
    let pos = error
        .location()
        .map(|l| Pos {
            line: u32::try_from(l.line()).unwrap_or(u32::MAX),
            col: u32::try_from(l.column()).unwrap_or(u32::MAX),
        })
        .unwrap_or_default();
    let message =
        plain_message(error).unwrap_or_else(|| clean_message(&error.without_snippet().to_string()));
    Diagnostic::error(file, pos, message)
}

/// Words for the errors whose own text names Rust types or prints a debug
/// dump (`budget breached: Aliases { aliases: 1001 }`, `invalid u32`).
fn plain_message(error: &YamlError) -> Option<String> {
    let message = match innermost(error) {
        YamlError::Budget { breach, .. } => match Limit::of(breach) {
            Limit::Depth => TOO_DEEP,
            Limit::Aliases => TOO_MANY_ALIASES,
            Limit::Documents => MANY_DOCUMENTS,
            Limit::Size => TOO_COMPLEX,
        },
        YamlError::ExternalMessage { source, .. }
            if matches!(
                &**source,
                ExternalMessageSource::Parser(scan)
                    if *scan.kind() == ErrorKind::RecursionLimitExceeded
            ) =>
        {
            TOO_DEEP
        }
        YamlError::AliasReplayLimitExceeded { .. }
        | YamlError::AliasExpansionLimitExceeded { .. }
        | YamlError::AliasReplayStackDepthExceeded { .. } => TOO_MANY_ALIASES,
        YamlError::InvalidScalar { ty, .. } => {
            return Some(format!("expected {} here", expected_scalar(ty)));
        }
        YamlError::DuplicateMappingKey { key, .. } => {
            return Some(match key {
                Some(k) => format!(
                    "`{}` is written twice in the same map: keep one of them",
                    debug_escapes_in_words(k)
                ),
                None => "a key is written twice in the same map: keep one of them".to_owned(),
            });
        }
        YamlError::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => {
            return Some(format!(
                "found {} here; expected {expected}",
                found_in_words(unexpected)
            ));
        }
        _ => return None,
    };
    Some(message.to_owned())
}

const TOO_DEEP: &str = "the file nests lists or maps too deeply for a content file: simplify it (a pack needs a few levels)";
const TOO_MANY_ALIASES: &str = "the file uses YAML aliases (`*name`) too often for a content file: write the values out instead";
const MANY_DOCUMENTS: &str =
    "the file holds more than one YAML document (`---`): a pack file is one document";
const TOO_COMPLEX: &str =
    "the file is too large or too complex for a content file: split it into several files";

/// Which kind of parser budget a file went over; packs and profiles word
/// each kind in their own terms.
pub(crate) enum Limit {
    /// Nested too deeply.
    Depth,
    /// Too many anchors or alias expansions.
    Aliases,
    /// More than one YAML document.
    Documents,
    /// Too many nodes, events or bytes.
    Size,
}

impl Limit {
    /// The kind of `breach`.
    pub(crate) fn of(breach: &BudgetBreach) -> Limit {
        match breach {
            BudgetBreach::Depth { .. } => Limit::Depth,
            BudgetBreach::Aliases { .. }
            | BudgetBreach::Anchors { .. }
            | BudgetBreach::AliasAnchorRatio { .. }
            | BudgetBreach::RecordedAnchorEvents { .. }
            | BudgetBreach::RecordedAnchorBytes { .. } => Limit::Aliases,
            BudgetBreach::Documents { .. } => Limit::Documents,
            _ => Limit::Size,
        }
    }
}

/// The error inside serde-saphyr's snippet and alias wrappers.
pub(crate) fn innermost(error: &YamlError) -> &YamlError {
    match error {
        YamlError::WithSnippet { error, .. } | YamlError::AliasError { error, .. } => {
            innermost(error)
        }
        other => other,
    }
}

/// serde's name for what it found ("unit value", "sequence"), in words.
fn found_in_words(unexpected: &str) -> String {
    match unexpected {
        "unit value" => "nothing".to_owned(),
        "sequence" => "a list".to_owned(),
        "map" => "a map of `key: value` entries".to_owned(),
        "boolean `true`" | "boolean `false`" => {
            unexpected.trim_start_matches("boolean ").to_owned()
        }
        other => debug_escapes_in_words(other),
    }
}

/// Rewrites the parser's Rust escapes (`\u{1b}`) as code points (`U+001B`),
/// which a person can look up; the character itself is never shown.
fn debug_escapes_in_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\\u{") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        match after.find('}').and_then(|end| {
            u32::from_str_radix(&after[..end], 16)
                .ok()
                .map(|n| (n, end))
        }) {
            Some((n, end)) => {
                out.push_str(&format!("U+{n:04X}"));
                rest = &after[end + 1..];
            }
            None => {
                out.push_str("\\u{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn expected_scalar(ty: &str) -> &'static str {
    match ty {
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number, 0 or more",
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "bool" => "true or false",
        _ => "a different kind of value",
    }
}

/// Strips the location the parser appends and adds "did you mean" hints.
pub fn clean_message(raw: &str) -> String {
    let mut msg = debug_escapes_in_words(raw.trim());

    if let Some(idx) = msg.rfind(" at line ")
        && msg[idx..].contains(", column ")
    {
        msg.truncate(idx);
    }
    if let Some(first) = msg.lines().next() {
        msg = first.to_owned();
    }
    if let Some(rest) = msg.strip_prefix("unexpected character: `")
        && let Some(code) = rest.strip_suffix('\'')
        && code.starts_with("U+")
    {
        msg = format!(
            "a control character ({code}) is not allowed in YAML: remove it (the file may have been damaged in transit)"
        );
    }
    for kind in ["field", "variant"] {
        if let Some(rest) = msg.strip_prefix(&format!("unknown {kind} `"))
            && let Some((word, tail)) = rest.split_once('`')
        {
            {
                let expected: Vec<&str> = tail
                    .trim_start_matches(", expected one of ")
                    .trim_start_matches(", expected ")
                    .split(", ")
                    .map(|s| s.trim_matches('`'))
                    .filter(|s| !s.is_empty())
                    .collect();
                let listed = expected.join(", ");
                return match did_you_mean(word, expected.iter().copied()) {
                    Some(best) => format!(
                        "unknown {kind} `{word}`, did you mean `{best}`? (expected one of: {listed})"
                    ),
                    None if expected.is_empty() => format!("unknown {kind} `{word}`"),
                    None => format!("unknown {kind} `{word}` (expected one of: {listed})"),
                };
            }
        }
    }
    if msg.contains("budget") || msg.contains("limit exceeded") || msg.contains("recursion limit") {
        return format!(
            "{msg}: the file is nested too deeply or repeats anchors too often for a content file; simplify it"
        );
    }
    if msg.starts_with("missing field") {
        return format!("{msg}: add it");
    }
    msg
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        id: String,
        prompt: String,
        #[serde(default)]
        tags: Vec<String>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct File {
        items: Vec<Item>,
    }

    #[test]
    fn unknown_field_names_position_and_suggests() {
        let d = parse_yaml::<File>("items:\n  - id: a\n    promt: x\n", "q.yaml")
            .expect_err("should fail");
        assert_eq!((d.line, d.column), (Some(3), Some(5)));
        assert!(
            d.message
                .starts_with("unknown field `promt`, did you mean `prompt`?"),
            "{}",
            d.message
        );
        assert!(
            d.to_string()
                .starts_with("q.yaml:3:5: unknown field `promt`")
        );
    }

    #[test]
    fn missing_field_and_syntax_errors_have_positions() {
        let d = parse_yaml::<File>("items:\n  - id: a\n", "q.yaml").expect_err("should fail");
        assert_eq!(d.line, Some(2));
        assert!(
            d.message.contains("missing field `prompt`"),
            "{}",
            d.message
        );
        let d = parse_yaml::<File>("items:\n  - id: a\n    prompt: [x\n", "q.yaml")
            .expect_err("should fail");
        assert_eq!(d.line, Some(3));
        assert!(!d.message.contains(" at line "), "{}", d.message);
    }

    #[test]
    fn empty_file_is_reported() {
        let d = parse_yaml::<File>("# only a comment\n\n", "q.yaml").expect_err("should fail");
        assert!(d.message.contains("empty"));
    }

    #[test]
    fn alias_bomb_fails_fast_without_debug_output() {
        let mut bomb = String::from("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for i in 0..9u8 {
            let (n, p) = ((b'b' + i) as char, (b'a' + i) as char);
            bomb.push_str(&format!(
                "{n}: &{n} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
            ));
        }
        bomb.push_str("items: *j\n");
        let started = std::time::Instant::now();
        let d = parse_yaml::<std::collections::BTreeMap<String, Vec<serde_json::Value>>>(
            &bomb, "b.yaml",
        )
        .expect_err("should fail");
        assert!(started.elapsed().as_secs() < 5);
        assert!(!d.message.contains("Budget {"), "{}", d.message);
        assert!(!d.message.contains("{ "), "{}", d.message);
    }

    #[test]
    fn alias_count_breach_is_told_in_words() {
        // One anchor, 1 001 aliases: the budget's alias count trips, and its
        // own text is a debug dump (`Aliases { aliases: 1001 }`).
        let text = format!("items: [&a x{}]\n", ", *a".repeat(1001));
        let d = parse_yaml::<std::collections::BTreeMap<String, Vec<String>>>(&text, "b.yaml")
            .expect_err("should fail");
        assert!(d.message.contains("aliases"), "{}", d.message);
        assert!(!d.message.contains('{'), "{}", d.message);
    }

    #[test]
    fn wrong_scalar_types_are_named_in_words() {
        let d = parse_yaml::<std::collections::BTreeMap<String, u32>>("n: -1\n", "n.yaml")
            .expect_err("should fail");
        assert_eq!(d.message, "expected a whole number, 0 or more here");
        assert_eq!((d.line, d.column), (Some(1), Some(4)));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!("items: {}", "[".repeat(100_000));
        let d = parse_yaml::<File>(&deep, "d.yaml").expect_err("should fail");
        assert_eq!(d.line, Some(1));
        let deep_block: String = (0..5000)
            .map(|i| format!("{}- \n", " ".repeat(i * 2)))
            .collect();
        assert!(parse_yaml::<File>(&deep_block, "d.yaml").is_err());
    }
}
