//! Writing a mentor's review into a mentee's file without touching the rest.
//!
//! The mentee's ratings, evidence, history and drill log are theirs: the
//! file is kept byte for byte as it was, and only its top-level `mentor:`
//! block is replaced (or added before `history:`/`drill:`, else at the end).
//! Should the file be laid out so that this cannot be done safely (the
//! result would not read back as the same profile with the new review),
//! the whole profile is written in the usual layout instead, its content
//! unchanged.

use std::path::Path;

use serde::Serialize;

use crate::core::profile::{
    Card, Document, DrillLog, MAX_PROFILE_BYTES, MentorReview, Profile, ProfileError, Review,
    Reviewer, parse_profile, profile_to_yaml, read_document, save_document,
};

/// A profile file's text, checked to parse as a profile.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileText {
    /// The text, exactly as in the file.
    pub text: String,
    /// What it parses to.
    pub profile: Profile,
}

impl Document for ProfileText {
    const MAX_BYTES: usize = MAX_PROFILE_BYTES;

    fn parse(text: &str, path: &Path) -> Result<Self, ProfileError> {
        Ok(ProfileText {
            text: text.to_owned(),
            profile: parse_profile(text, path)?,
        })
    }

    fn to_text(&self, _path: &Path) -> Result<String, ProfileError> {
        Ok(self.text.clone())
    }
}

#[derive(Serialize)]
struct MentorSection<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    mentor: Option<&'a MentorReview>,
}

#[derive(Serialize)]
struct DrillSection<'a> {
    #[serde(skip_serializing_if = "DrillLog::is_empty")]
    drill: &'a DrillLog,
}

/// One top-level block as YAML, ending in a newline; empty when the value
/// is left out (no review).
fn section(value: &impl Serialize, path: &Path) -> Result<String, ProfileError> {
    let yaml = serde_saphyr::to_string(value).map_err(|err| ProfileError::Serialize {
        path: path.to_path_buf(),
        message: format!("the mentor's review could not be written as YAML ({err})"),
    })?;
    let yaml = yaml.trim_start();
    Ok(if yaml.is_empty() || yaml == "{}\n" || yaml == "{}" {
        String::new()
    } else if yaml.ends_with('\n') {
        yaml.to_owned()
    } else {
        format!("{yaml}\n")
    })
}

/// Reads the file at `path` as it is now.
pub fn read(path: &Path) -> Result<ProfileText, ProfileError> {
    read_document(path)
}

/// Writes `mentor` as the review in the file at `path` (atomically, under
/// the profile lock, keeping a `.bak`), leaving everything else as it is;
/// `answers` are the drill answers the mentor graded (an interview), added
/// to the file's log when it does not have them yet.
pub fn save_review(
    path: &Path,
    mentor: Option<&MentorReview>,
    answers: &[(Review, Option<Card>)],
) -> Result<(), ProfileError> {
    let now = read(path)?;
    let text = with_answers(&now, mentor, answers, path)?;
    if text == now.text {
        return Ok(());
    }
    save_document(path, &ProfileText::parse(&text, path)?)
}

/// The text of `file` with its review replaced by `mentor` and the
/// mentor's graded `answers` it does not have added to its drill log. Only
/// the `mentor:` block and, with new answers, the `drill:` block change
/// (the latter written in ladder's layout); should that not read back as
/// the profile wanted, the whole profile is written in ladder's layout.
pub fn with_answers(
    file: &ProfileText,
    mentor: Option<&MentorReview>,
    answers: &[(Review, Option<Card>)],
    path: &Path,
) -> Result<String, ProfileError> {
    let log = &file.profile.drill.reviews;
    let new: Vec<&(Review, Option<Card>)> = answers
        .iter()
        .filter(|(r, _)| matches!(r.by, Reviewer::Mentor(_)))
        .filter(|(r, _)| {
            !log.iter()
                .any(|mine| mine.question == r.question && mine.at == r.at && mine.by == r.by)
        })
        .collect();
    if new.is_empty() {
        return with_review(file, mentor, path);
    }
    let mut wanted = file.profile.clone();
    wanted.mentor = mentor.cloned();
    for (review, card) in new {
        if let Some(card) = card {
            wanted
                .drill
                .cards
                .insert(review.question.clone(), card.clone());
        }
        wanted.drill.reviews.push(review.clone());
    }
    let review = section(&MentorSection { mentor }, path)?;
    let drill = section(
        &DrillSection {
            drill: &wanted.drill,
        },
        path,
    )?;
    let text = splice(&file.text, "mentor", &review, &["history", "drill"]);
    let text = splice(&text, "drill", &drill, &[]);
    if parse_profile(&text, path).is_ok_and(|p| p == wanted) {
        return Ok(text);
    }
    profile_to_yaml(&wanted, path)
}

/// The text of `file` with its review replaced by `mentor`.
pub fn with_review(
    file: &ProfileText,
    mentor: Option<&MentorReview>,
    path: &Path,
) -> Result<String, ProfileError> {
    let mut wanted = file.profile.clone();
    wanted.mentor = mentor.cloned();
    let review = section(&MentorSection { mentor }, path)?;
    let text = splice(&file.text, "mentor", &review, &["history", "drill"]);
    if parse_profile(&text, path).is_ok_and(|p| p == wanted) {
        return Ok(text);
    }
    profile_to_yaml(&wanted, path)
}

/// Whether `line` starts the top-level key `key`.
fn is_key(line: &str, key: &str) -> bool {
    line.strip_prefix(key)
        .and_then(|rest| rest.strip_prefix(':'))
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\n', '\r', '#']))
}

/// Whether `line` is part of the block above it: indented, or blank.
fn continues(line: &str) -> bool {
    line.starts_with([' ', '\t']) || line.trim().is_empty()
}

/// `text` with its top-level `key:` block replaced by `section` (removed
/// when `section` is empty); a file without the block gets it before the
/// first of the keys `before`, else at the end.
fn splice(text: &str, key: &str, section: &str, before: &[&str]) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    if let Some(start) = lines.iter().position(|l| is_key(l, key)) {
        let mut end = start + 1;
        while end < lines.len() && continues(lines[end]) {
            end += 1;
        }
        // Blank lines that end the block stay with what follows.
        while end > start + 1 && lines[end - 1].trim().is_empty() {
            end -= 1;
        }
        let mut out: String = lines[..start].concat();
        out.push_str(section);
        out.push_str(&lines[end..].concat());
        return out;
    }
    if section.is_empty() {
        return text.to_owned();
    }
    let at = lines
        .iter()
        .position(|l| before.iter().any(|key| is_key(l, key)));
    let mut out = String::new();
    match at {
        Some(at) => {
            out.push_str(&lines[..at].concat());
            out.push_str(section);
            out.push_str(&lines[at..].concat());
        }
        None => {
            out.push_str(text);
            if !text.is_empty() && !text.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(section);
        }
    }
    out
}
