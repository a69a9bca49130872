//! Reading and writing the profile file's YAML, with limits that make hostile
//! files fail fast and messages that point at the line to fix.

use std::path::Path;

use serde::Deserialize;
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::granit_parser::ErrorKind;
use serde_saphyr::{
    Error as YamlError, ExternalMessageSource, MessageFormatter, Spanned, UserMessageFormatter,
};
use unicode_width::UnicodeWidthChar;

use super::{OLDEST_PROFILE_VERSION, PROFILE_VERSION, Profile, ProfileError};
use crate::core::content::parse::{Limit, innermost};
use crate::core::sanitize::neutralize_controls;

/// The largest profile file read, in bytes; real profiles are a few hundred KiB at most.
pub const MAX_PROFILE_BYTES: usize = 4 * 1024 * 1024;

/// How deeply a profile may nest; the format itself needs five levels.
const MAX_DEPTH: usize = 32;

/// A message longer than this is cut, so one bad value cannot flood the screen.
const MAX_MESSAGE_CHARS: usize = 200;

/// Reads only the version, ignoring every other field, so a newer file with
/// fields this build does not know is reported as newer rather than as wrong.
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    version: Option<Spanned<u64>>,
}

/// A kind of versioned file ladder keeps, for the messages of [`check_version`].
pub(crate) struct Versioned {
    /// What it is, as in "this is not a ladder profile".
    pub what: &'static str,
    /// What its versions are called, as in "not a profile version".
    pub noun: &'static str,
    pub max_bytes: usize,
    pub oldest: u32,
    pub newest: u32,
}

const PROFILE: Versioned = Versioned {
    what: "a ladder profile",
    noun: "profile",
    max_bytes: MAX_PROFILE_BYTES,
    oldest: OLDEST_PROFILE_VERSION,
    newest: PROFILE_VERSION,
};

/// The checks every versioned file passes before it is read whole: its
/// size, that it is not empty, and its `version` (read alone, ignoring every
/// other field, so a newer file with fields this build does not know is
/// reported as newer rather than as wrong).
pub(crate) fn check_version(
    text: &str,
    path: &Path,
    kind: &Versioned,
) -> Result<u64, ProfileError> {
    if text.len() > kind.max_bytes {
        return Err(ProfileError::TooLarge {
            path: path.to_path_buf(),
            size: text.len() as u64,
            limit: kind.max_bytes as u64,
        });
    }
    if text.trim().is_empty() {
        return Err(parse_error_at(path, text, 1, 1, "the file is empty".into()));
    }
    let probe: VersionProbe = serde_saphyr::from_str_with_options(text, options())
        .map_err(|err| yaml_error(path, text, &err))?;
    let Some(version) = probe.version else {
        return Err(parse_error_at(
            path,
            text,
            1,
            1,
            format!(
                "there is no `version`, so this is not {} (one starts with `version: {}`)",
                kind.what, kind.newest
            ),
        ));
    };
    if version.value > u64::from(kind.newest) {
        return Err(ProfileError::TooNew {
            path: path.to_path_buf(),
            found: version.value,
            supported: kind.newest,
        });
    }
    if version.value < u64::from(kind.oldest) {
        let at = version.referenced;
        let reads = if kind.oldest == kind.newest {
            format!("version {}", kind.newest)
        } else {
            format!("versions {} to {}", kind.oldest, kind.newest)
        };
        return Err(parse_error_at(
            path,
            text,
            at.line() as usize,
            at.column() as usize,
            format!(
                "version {} is not a {} version (this ladder reads {reads})",
                version.value, kind.noun
            ),
        ));
    }
    Ok(version.value)
}

/// Parses the text of a profile file; `path` is only used in messages.
///
/// Checks the version before anything else, then the whole file strictly
/// (unknown fields are errors), and neutralises control characters in text.
pub fn parse_profile(text: &str, path: &Path) -> Result<Profile, ProfileError> {
    check_version(text, path, &PROFILE)?;
    let mut profile: Profile = serde_saphyr::from_str_with_options(text, options())
        .map_err(|err| yaml_error(path, text, &err))?;
    profile.neutralize_text();
    Ok(profile)
}

/// Writes `profile` as YAML, and checks that the text parses back.
///
/// `path` is the file it is meant for, used only in messages.
pub fn profile_to_yaml(profile: &Profile, path: &Path) -> Result<String, ProfileError> {
    let not_saved = |message: String| ProfileError::Serialize {
        path: path.to_path_buf(),
        message,
    };
    // A profile read from an older file is written in today's format.
    let upgraded;
    let profile = if profile.version == PROFILE_VERSION {
        profile
    } else {
        upgraded = Profile {
            version: PROFILE_VERSION,
            ..profile.clone()
        };
        &upgraded
    };
    let text = serde_saphyr::to_string(profile).map_err(|err| {
        not_saved(format!(
            "the profile could not be written as YAML ({}); please report this as a bug in ladder",
            one_line(&err.to_string())
        ))
    })?;
    if text.len() > MAX_PROFILE_BYTES {
        return Err(not_saved(format!(
            "it would be {} bytes, more than the {MAX_PROFILE_BYTES} a profile may have; \
             shorten the longest evidence or notes",
            text.len()
        )));
    }
    // A file this build writes but cannot read would lock the person out of
    // their own profile, so the text is read back before anyone sees it.
    parse_profile(&text, path).map_err(|err| {
        let detail = match err {
            ProfileError::Parse {
                line, col, message, ..
            } => format!("line {line}, column {col}: {message}"),
            other => other.to_string(),
        };
        not_saved(format!(
            "what would be written does not read back ({detail}); \
             please report this as a bug in ladder"
        ))
    })?;
    Ok(text)
}

pub(crate) fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        strict_booleans: true,
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            flow_nesting_limit: MAX_DEPTH,
            max_documents: 1,
            max_aliases: 1_000,
            max_anchors: 1_000,
            // Generous for any file under the size cap; only alias expansion
            // could go past it, and that is what it is there to stop.
            max_nodes: 2_000_000,
            max_events: 4_000_000,
            max_total_scalar_bytes: MAX_PROFILE_BYTES,
            max_reader_input_bytes: Some(MAX_PROFILE_BYTES),
        },
        // The version probe skips the other fields as untyped values, and a
        // snapshot of a level without indicators may well hold `.nan`.
        non_finite_float_policy: serde_saphyr::NonFiniteFloatPolicy::PassThrough,
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 100_000,
            max_replay_stack_depth: 16,
        },
    }
}

/// Turns a serde-saphyr error into a located, one-line message and a snippet.
pub(crate) fn yaml_error(path: &Path, text: &str, err: &YamlError) -> ProfileError {
    let (line, col) = err
        .location()
        .map(|at| (at.line() as usize, at.column() as usize))
        .unwrap_or((1, 1));
    parse_error_at(path, text, line, col, describe(err))
}

pub(crate) fn parse_error_at(
    path: &Path,
    text: &str,
    line: usize,
    col: usize,
    message: String,
) -> ProfileError {
    let line = line.max(1);
    let col = col.max(1);
    ProfileError::Parse {
        path: path.to_path_buf(),
        line,
        col,
        message: one_line(&message),
        snippet: snippet(text, line, col),
    }
}

/// What is wrong, in the profile's terms; never serde-saphyr's debug output.
fn describe(err: &YamlError) -> String {
    let err = innermost(err);
    match err {
        YamlError::Budget { breach, .. } => budget_message(breach).into(),
        YamlError::ExternalMessage { source, .. }
            if matches!(
                &**source,
                ExternalMessageSource::Parser(scan)
                    if *scan.kind() == ErrorKind::RecursionLimitExceeded
            ) =>
        {
            TOO_DEEP.into()
        }
        YamlError::AliasReplayLimitExceeded { .. }
        | YamlError::AliasExpansionLimitExceeded { .. }
        | YamlError::AliasReplayStackDepthExceeded { .. } => ALIAS_MESSAGE.into(),
        YamlError::SerdeUnknownField {
            field, expected, ..
        } => unknown_field(field, expected),
        YamlError::SerdeMissingField { field, .. } => format!("`{field}` is missing here"),
        YamlError::InvalidScalar { ty, .. } => format!("expected {}", expected_scalar(ty)),
        YamlError::Unexpected { expected, .. } => {
            if expected.contains("mapping") {
                "expected `key: value` entries here".into()
            } else if expected.contains("sequence") {
                "expected a list (`- item` lines) here".into()
            } else {
                format!("expected {expected}")
            }
        }
        YamlError::NullIntoString { .. } => {
            "expected text here, found nothing (write \"\" for empty text)".into()
        }
        YamlError::MultipleDocuments { .. } => MANY_DOCUMENTS.into(),
        YamlError::Eof { .. } => "the file ends too early".into(),
        other => UserMessageFormatter.format_message(other).into_owned(),
    }
}

const ALIAS_MESSAGE: &str =
    "the file expands YAML aliases (`*name`) too much, and a profile needs none";
const TOO_DEEP: &str = "the file nests more than 32 levels deep, which no profile does";
const MANY_DOCUMENTS: &str =
    "the file holds more than one YAML document (`---`), but a profile is just one";

fn budget_message(breach: &BudgetBreach) -> &'static str {
    match Limit::of(breach) {
        Limit::Depth => TOO_DEEP,
        Limit::Aliases => ALIAS_MESSAGE,
        Limit::Documents => MANY_DOCUMENTS,
        Limit::Size => "the file is too large or too complex to be a profile",
    }
}

fn unknown_field(field: &str, expected: &[&str]) -> String {
    let closest = expected
        .iter()
        .map(|known| (strsim::jaro_winkler(field, known), known))
        .filter(|(similarity, _)| *similarity >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match closest {
        Some((_, known)) => format!("unknown field `{field}` (did you mean `{known}`?)"),
        None if expected.is_empty() => format!("unknown field `{field}`"),
        None => format!(
            "unknown field `{field}` (known here: {})",
            expected.join(", ")
        ),
    }
}

fn expected_scalar(ty: &str) -> &'static str {
    match ty {
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number, 0 or more",
        "f32" | "f64" => "a number",
        "bool" => "true or false",
        _ => "a different kind of value",
    }
}

/// Neutralises, flattens to one line and shortens a message.
fn one_line(message: &str) -> String {
    let clean = neutralize_controls(message);
    let mut flat: String = clean
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .take(MAX_MESSAGE_CHARS)
        .collect();
    if clean.chars().nth(MAX_MESSAGE_CHARS).is_some() {
        flat.push('…');
    }
    flat
}

/// The source line `line` with a caret under character column `col`.
fn snippet(text: &str, line: usize, col: usize) -> String {
    const WINDOW: usize = 100;
    let Some(source) = text.split('\n').nth(line - 1) else {
        return String::new();
    };
    let source = source.strip_suffix('\r').unwrap_or(source);
    if source.trim().is_empty() {
        return String::new();
    }
    let chars: Vec<char> = neutralize_controls(source)
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    // Long lines are shown as a window around the column.
    let start = if col > WINDOW * 3 / 4 {
        col - WINDOW / 2
    } else {
        0
    };
    let shown: String = chars.iter().skip(start).take(WINDOW).collect();
    let before: usize = chars
        .iter()
        .skip(start)
        .take(col.saturating_sub(1).saturating_sub(start))
        .map(|c| c.width().unwrap_or(1))
        .sum();
    let lead = if start > 0 { "…" } else { "" };
    let tail = if chars.len() > start + WINDOW {
        "…"
    } else {
        ""
    };
    let number = line.to_string();
    let gutter = " ".repeat(number.len());
    let pad = " ".repeat(before + lead.chars().count());
    format!("{number} | {lead}{shown}{tail}\n{gutter} | {pad}^")
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod write_tests;
