//! Checks across a pack's files: ids, references, the scale, translations.

use std::collections::HashMap;

use super::diag::{Diagnostic, suggestion};
use super::schema::{
    Article, Checklist, CompetenciesFile, LevelsFile, PackMeta, QuestionsFile, SCHEMA_VERSION,
};
use super::text::{Located, Pos, Text};

/// The largest weight an indicator may have: far above any real use, far
/// below where sums of weights lose precision or overflow.
const MAX_WEIGHT: f64 = 1000.0;

/// Whether an id is made only of `[A-Za-z0-9._-]` and is not empty.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// References to at most this many ids list them all when they name none.
const MAX_LISTED: usize = 12;

/// Collects problems for one pack.
pub struct Checker {
    /// Problems found so far.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checker {
    fn error(&mut self, file: &str, pos: Pos, msg: impl Into<String>) {
        self.diagnostics.push(Diagnostic::error(file, pos, msg));
    }

    fn warning(&mut self, file: &str, pos: Pos, msg: impl Into<String>) {
        self.diagnostics.push(Diagnostic::warning(file, pos, msg));
    }

    /// Checks an id's characters and that it is unique among `seen`.
    fn id(
        &mut self,
        file: &str,
        kind: &str,
        id: &Located<String>,
        seen: &mut HashMap<String, (String, Pos)>,
    ) {
        if !is_valid_id(id) {
            self.error(
                file,
                id.pos,
                format!(
                    "{kind} id `{}` may only contain letters, digits, `.`, `_` and `-`",
                    id.value
                ),
            );
        }
        if let Some((first_file, first)) = seen.get(&id.value) {
            let place = if first_file == file {
                format!("line {}", first.line)
            } else {
                format!("{first_file}:{}", first.line)
            };
            self.error(
                file,
                id.pos,
                format!(
                    "duplicate {kind} id `{}`: it is already used at {place}; ids must be unique",
                    id.value
                ),
            );
        } else {
            seen.insert(id.value.clone(), (file.to_owned(), id.pos));
        }
    }

    /// Checks that `reference` names one of `known`.
    fn reference(&mut self, file: &str, kind: &str, reference: &Located<String>, known: &[&str]) {
        if !known.contains(&reference.value.as_str()) {
            let mut hint = suggestion(&reference.value, known.iter().copied());
            // Without a near miss, a short list of what exists says what to write.
            if hint.is_empty() && !known.is_empty() && known.len() <= MAX_LISTED {
                hint = format!(" (expected one of: {})", known.join(", "));
            }
            self.error(
                file,
                reference.pos,
                format!("unknown {kind} `{}`{hint}", reference.value),
            );
        }
    }

    /// Checks pack.yaml on its own.
    pub fn meta(&mut self, file: &str, meta: &PackMeta) {
        if meta.schema.value > SCHEMA_VERSION {
            self.error(
                file,
                meta.schema.pos,
                format!(
                    "schema {} needs a newer ladder (this one reads schema {SCHEMA_VERSION}): upgrade ladder",
                    meta.schema.value
                ),
            );
        } else if meta.schema.value != SCHEMA_VERSION {
            self.error(
                file,
                meta.schema.pos,
                format!("schema must be {SCHEMA_VERSION}"),
            );
        }
        if !is_valid_id(&meta.id) {
            self.error(
                file,
                meta.id.pos,
                format!(
                    "pack id `{}` may only contain letters, digits, `.`, `_` and `-`",
                    meta.id.value
                ),
            );
        }
        if meta.languages.is_empty() {
            self.warning(
                file,
                meta.id.pos,
                "pack.yaml declares no `languages`: texts are taken to be English; add e.g. `languages: [en]`",
            );
        }
        let mut seen: Vec<&str> = Vec::new();
        for lang in &meta.languages {
            if !super::text::is_language_code(&lang.value) {
                self.error(
                    file,
                    lang.pos,
                    format!(
                        "`{}` is not a language code such as `en` or `zh`",
                        lang.value
                    ),
                );
            } else if seen.contains(&lang.value.as_str()) {
                self.error(
                    file,
                    lang.pos,
                    format!("language `{}` is listed twice", lang.value),
                );
            }
            seen.push(&lang.value);
        }
    }

    /// Checks levels.yaml on its own.
    pub fn levels(&mut self, file: &str, levels: &LevelsFile) {
        let scale = &levels.scale.value;
        if scale.len() < 2 {
            self.error(file, levels.scale.pos, "the scale needs at least 2 entries");
        }
        for pair in scale.windows(2) {
            if pair[1].value.value <= pair[0].value.value {
                self.error(
                    file,
                    pair[1].value.pos,
                    format!(
                        "scale values must strictly increase: {} comes after {}",
                        pair[1].value.value, pair[0].value.value
                    ),
                );
            }
        }
        if let (Some(low), Some(high)) = (scale.first(), scale.last()) {
            let (low, high) = (low.value.value, high.value.value);
            if levels.meets.value > high || levels.meets.value < low {
                self.error(
                    file,
                    levels.meets.pos,
                    format!(
                        "meets is {}, outside the scale ({low}–{high})",
                        levels.meets.value
                    ),
                );
            }
        }
        let t = levels.threshold.value;
        if !(t > 0.0 && t <= 1.0) {
            self.error(
                file,
                levels.threshold.pos,
                format!("threshold is {t}; it must be above 0 and at most 1"),
            );
        }
        if levels.levels.value.is_empty() {
            self.error(file, levels.levels.pos, "the pack needs at least one level");
        }
        let mut seen = HashMap::new();
        for level in &levels.levels.value {
            self.id(file, "level", &level.id, &mut seen);
        }
    }

    /// Checks competencies.yaml against the levels.
    pub fn competencies(
        &mut self,
        file: &str,
        comp: &CompetenciesFile,
        level_ids: Option<&[&str]>,
    ) {
        let mut dims = HashMap::new();
        let mut inds = HashMap::new();
        for dim in &comp.dimensions {
            self.id(file, "dimension", &dim.id, &mut dims);
            if dim.indicators.is_empty() {
                self.warning(
                    file,
                    dim.id.pos,
                    format!("dimension `{}` has no indicators", dim.id.value),
                );
            }
            for ind in &dim.indicators {
                self.id(file, "indicator", &ind.id, &mut inds);
                if let Some(levels) = level_ids {
                    self.reference(file, "level", &ind.level, levels);
                }
                if let Some(w) = &ind.weight
                    && !(w.value.is_finite() && w.value > 0.0 && w.value <= MAX_WEIGHT)
                {
                    self.error(
                        file,
                        w.pos,
                        format!(
                            "weight is {}; it must be a number above 0 and at most {MAX_WEIGHT}",
                            if w.value.abs() >= 1e6 {
                                format!("{:e}", w.value)
                            } else {
                                w.value.to_string()
                            }
                        ),
                    );
                }
            }
        }
    }

    /// Checks the checklists: ids unique per kind and per checklist.
    pub fn checklists(&mut self, checklists: &[Checklist]) {
        let mut lists = HashMap::new();
        for list in checklists {
            let file = list.file.as_str();
            self.id(file, "checklist", &list.id, &mut lists);
            let mut sections = HashMap::new();
            let mut items = HashMap::new();
            if list.sections.is_empty() {
                self.error(
                    file,
                    list.id.pos,
                    format!("checklist `{}` has no sections", list.id.value),
                );
            }
            for section in &list.sections {
                self.id(file, "section", &section.id, &mut sections);
                if section.items.is_empty() {
                    self.warning(
                        file,
                        section.id.pos,
                        format!("section `{}` has no items", section.id.value),
                    );
                }
                for item in &section.items {
                    self.id(file, "checklist item", &item.id, &mut items);
                }
            }
        }
    }

    /// Checks the question files against levels and indicators.
    pub fn questions(
        &mut self,
        files: &[(String, QuestionsFile)],
        level_ids: Option<&[&str]>,
        indicator_ids: Option<&[&str]>,
        check_categories: bool,
    ) {
        let mut cats = HashMap::new();
        for (file, qf) in files {
            for cat in &qf.categories {
                self.id(file, "category", &cat.id, &mut cats);
            }
        }
        let cat_ids: Vec<&str> = cats.keys().map(String::as_str).collect();
        let mut seen = HashMap::new();
        for (file, qf) in files {
            for q in &qf.questions {
                self.id(file, "question", &q.id, &mut seen);
                if check_categories {
                    self.reference(file, "category", &q.category, &cat_ids);
                }
                if q.levels.value.is_empty() {
                    self.error(
                        file,
                        q.levels.pos,
                        format!(
                            "question `{}` names no levels: list at least one",
                            q.id.value
                        ),
                    );
                }
                if let Some(levels) = level_ids {
                    for l in &q.levels.value {
                        self.reference(file, "level", l, levels);
                    }
                }
                if q.key_points.value.is_empty() {
                    self.error(
                        file,
                        q.key_points.pos,
                        format!("question `{}` needs at least one key point", q.id.value),
                    );
                }
                if let Some(t) = &q.time_limit
                    && t.value == 0
                {
                    {
                        self.error(file, t.pos, "time_limit must be at least 1 second");
                    }
                }
                if let Some(inds) = indicator_ids {
                    for i in &q.indicators {
                        self.reference(file, "indicator", i, inds);
                    }
                }
            }
        }
    }

    /// Checks article ids.
    pub fn articles(&mut self, articles: &[Article]) {
        let mut seen = HashMap::new();
        for a in articles {
            self.id(&a.file, "article", &a.id, &mut seen);
        }
    }

    /// Warns about texts that lack a declared language, or use an undeclared one.
    pub fn translations<'a>(
        &mut self,
        file: &str,
        languages: &[&str],
        texts: impl IntoIterator<Item = &'a Text>,
    ) {
        if languages.is_empty() {
            return;
        }
        for text in texts {
            match text.languages() {
                None if languages.len() > 1 => self.warning(
                    file,
                    text.pos(),
                    format!(
                        "plain text is taken as `{}` only: add {}",
                        languages[0],
                        missing_list(&languages[1..])
                    ),
                ),
                None => {}
                Some(have) => {
                    let missing: Vec<&str> = languages
                        .iter()
                        .copied()
                        .filter(|l| !have.contains(l))
                        .collect();
                    if !missing.is_empty() {
                        self.warning(
                            file,
                            text.pos(),
                            format!("missing translation: add {}", missing_list(&missing)),
                        );
                    }
                    for l in have.iter().filter(|l| !languages.contains(l)) {
                        self.warning(
                            file,
                            text.pos(),
                            format!("language `{l}` is not declared in pack.yaml `languages`, so it is never shown"),
                        );
                    }
                }
            }
        }
    }
}

fn missing_list(langs: &[&str]) -> String {
    langs
        .iter()
        .map(|l| format!("`{l}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
