//! Parsing one YAML file into its typed struct, with budgets, and turning
//! parser errors into diagnostics a person can act on.

use serde::de::DeserializeOwned;

use super::diag::{Diagnostic, did_you_mean};
use super::text::Pos;

/// Parser options with budgets, so alias bombs, node floods and absurd
/// nesting fail fast with a clear error instead of eating memory or stack.
pub fn yaml_options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = 48;
    budget.max_nodes = 200_000;
    budget.max_events = 400_000;
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
    Diagnostic::error(
        file,
        pos,
        clean_message(&error.without_snippet().to_string()),
    )
}

/// Strips the location the parser appends and adds "did you mean" hints.
pub fn clean_message(raw: &str) -> String {
    let mut msg = raw.trim().to_owned();
    if let Some(idx) = msg.rfind(" at line ")
        && msg[idx..].contains(", column ")
    {
        msg.truncate(idx);
    }
    if let Some(first) = msg.lines().next() {
        msg = first.to_owned();
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
