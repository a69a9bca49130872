//! Where the values of a profile file were written, so that a problem with
//! one of them (a score off the pack's scale, an unknown target level) names
//! `file:line:col` as every other YAML problem does.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_saphyr::Spanned;

use crate::core::content::parse::yaml_options;

#[derive(Deserialize, Default)]
struct FilePlaces {
    #[serde(default)]
    ratings: BTreeMap<String, RatingPlace>,
    #[serde(default)]
    mentor: Option<MentorPlaces>,
    #[serde(default)]
    target_level: Option<Spanned<IgnoredAny>>,
}

#[derive(Deserialize)]
struct MentorPlaces {
    #[serde(default)]
    ratings: BTreeMap<String, RatingPlace>,
}

#[derive(Deserialize)]
struct RatingPlace {
    score: Spanned<IgnoredAny>,
}

/// The places of a profile file's scores and target level.
pub struct Places {
    file: String,
    places: FilePlaces,
}

fn at(file: &str, spanned: Option<&Spanned<IgnoredAny>>) -> String {
    match spanned.map(|s| &s.referenced) {
        Some(loc) if loc.line() > 0 => format!("{file}:{}:{}", loc.line(), loc.column()),
        _ => file.to_owned(),
    }
}

impl Places {
    /// Reads `path` again for positions; a file that cannot be read this way
    /// (it was read once already) gives the file name alone.
    pub fn read(path: &Path) -> Places {
        let places = std::fs::read_to_string(path)
            .ok()
            .and_then(|text| {
                serde_saphyr::from_str_with_options::<FilePlaces>(&text, yaml_options()).ok()
            })
            .unwrap_or_default();
        Places {
            file: path.display().to_string(),
            places,
        }
    }

    /// `file:line:col` of the score of `id`, the mentor's when `mentor`.
    pub fn score(&self, id: &str, mentor: bool) -> String {
        let ratings = if mentor {
            self.places.mentor.as_ref().map(|m| &m.ratings)
        } else {
            Some(&self.places.ratings)
        };
        at(
            &self.file,
            ratings.and_then(|r| r.get(id)).map(|r| &r.score),
        )
    }

    /// `file:line:col` of the target level.
    pub fn target_level(&self) -> String {
        at(&self.file, self.places.target_level.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_and_the_target_are_found_where_they_were_written() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("p.yaml");
        // Line 6 `    score: 7`: four spaces, `score` 5–9, `:` 10, space 11,
        // `7` at 12. Line 3 `target_level: P9`: `target_level` 1–12, `:` 13,
        // space 14, `P9` at 15.
        let text = "version: 1\nprofile: x\ntarget_level: P9\nratings:\n  a.b:\n    score: 7\nmentor:\n  name: M\n  ratings:\n    a.b: {score: 9}\n";
        std::fs::write(&path, text).expect("write");
        let places = Places::read(&path);
        let file = path.display().to_string();
        assert_eq!(places.score("a.b", false), format!("{file}:6:12"));
        // Line 10 `    a.b: {score: 9}`: `{` at 10, `score` 11–15, `9` at 18.
        assert_eq!(places.score("a.b", true), format!("{file}:10:18"));
        assert_eq!(places.target_level(), format!("{file}:3:15"));
        assert_eq!(places.score("other", false), file);
    }
}
