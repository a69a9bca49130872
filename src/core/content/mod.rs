//! Content packs (SPEC §2): the schema, loading from a directory or the
//! built-in pack, and validation that reports every problem at once.

pub mod diag;
pub mod json_schema;
pub mod model;
pub mod number;
pub mod parse;
pub mod recover;
pub mod schema;
pub mod source;
pub mod text;
pub mod texts;
pub mod validate;

pub use diag::{Diagnostic, Level as DiagnosticLevel};
pub use model::Pack;
pub use schema::*;
pub use source::PackSource;
pub use text::{Located, Pos, Text};

use parse::parse_yaml;
use validate::Checker;

/// A pack that loaded, with the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The usable pack.
    pub pack: Pack,
    /// Warnings (e.g. missing translations); never errors.
    pub warnings: Vec<Diagnostic>,
}

/// A pack that could not be loaded: every problem found, errors and warnings.
#[derive(Debug, Clone)]
pub struct PackError {
    /// What was being loaded.
    pub source: PackSource,
    /// All problems, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl PackError {
    /// Only the errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.errors().count();
        write!(
            f,
            "{} is not a valid content pack ({n} error{}): run `ladder validate` on it for details",
            self.source.describe(),
            if n == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for PackError {}

/// Loads and validates a pack; `Err` carries every problem found.
pub fn load(source: &PackSource) -> Result<Loaded, PackError> {
    let (files, mut diagnostics) = source::read_files(source);

    let mut meta = None;
    let mut levels = None;
    let mut competencies = None;
    let mut checklists = Vec::new();
    let mut question_files = Vec::new();
    let mut articles = Vec::new();
    let mut checker = Checker {
        diagnostics: Vec::new(),
    };
    let mut displays: Vec<(String, String)> = Vec::new();
    // A question file that failed may have declared categories other files
    // use: then "unknown category" would be a false alarm.
    let mut questions_failed = false;

    for f in &files {
        let file = f.display.as_str();
        displays.push((f.rel.clone(), f.display.clone()));
        let result =
            match f.rel.as_str() {
                "pack.yaml" => parse_yaml(&f.text, file).map(|m| meta = Some(m)),
                "levels.yaml" => parse_yaml(&f.text, file).map(|l| levels = Some(l)),
                "competencies.yaml" => parse_yaml(&f.text, file).map(|c| competencies = Some(c)),
                rel if rel.starts_with("checklists/") => parse_yaml::<Checklist>(&f.text, file)
                    .map(|mut c| {
                        c.file = file.to_owned();
                        checklists.push(c);
                    }),
                rel if rel.starts_with("questions/") => parse_yaml::<QuestionsFile>(&f.text, file)
                    .map(|mut q| {
                        for question in &mut q.questions {
                            question.file = file.to_owned();
                        }
                        question_files.push((file.to_owned(), q));
                    }),
                rel if rel.starts_with("articles/") => {
                    parse_yaml::<Article>(&f.text, file).map(|mut a| {
                        a.file = file.to_owned();
                        articles.push(a);
                    })
                }
                _ => Ok(()),
            };
        if let Err(first) = result {
            if f.rel.starts_with("questions/") {
                questions_failed = true;
            }
            let more = more_errors(&f.rel, &f.text, file);
            diagnostics.extend(recover::merge(first, more, &f.text));
        }
    }
    let display_of = |rel: &str| -> String {
        displays
            .iter()
            .find(|(r, _)| r == rel)
            .map_or_else(|| rel.to_owned(), |(_, d)| d.clone())
    };

    let languages: Vec<String> = meta
        .as_ref()
        .map(|m: &PackMeta| m.languages.iter().map(|l| l.value.clone()).collect())
        .unwrap_or_default();
    // A language listed twice is reported once by the checker; translations
    // are checked against each language once.
    let mut langs: Vec<&str> = Vec::new();
    for l in &languages {
        if !langs.contains(&l.as_str()) {
            langs.push(l);
        }
    }

    if let Some(m) = &meta {
        let file = display_of("pack.yaml");
        checker.meta(&file, m);
        checker.translations(&file, &langs, texts::meta(m));
    }
    // With no levels at all, every reference to one would be "unknown": the
    // one error about the empty list says it all.
    let level_ids: Option<Vec<String>> = levels
        .as_ref()
        .map(|l: &LevelsFile| l.levels.value.iter().map(|l| l.id.value.clone()).collect())
        .filter(|ids: &Vec<String>| !ids.is_empty());
    let level_refs: Option<Vec<&str>> = level_ids
        .as_ref()
        .map(|v| v.iter().map(String::as_str).collect());
    if let Some(l) = &levels {
        let file = display_of("levels.yaml");
        checker.levels(&file, l);
        checker.translations(&file, &langs, texts::levels(l));
    }
    let indicator_ids: Option<Vec<String>> = competencies.as_ref().map(|c: &CompetenciesFile| {
        c.dimensions
            .iter()
            .flat_map(|d| d.indicators.iter().map(|i| i.id.value.clone()))
            .collect()
    });
    let indicator_refs: Option<Vec<&str>> = indicator_ids
        .as_ref()
        .map(|v| v.iter().map(String::as_str).collect());
    if let Some(c) = &competencies {
        let file = display_of("competencies.yaml");
        checker.competencies(&file, c, level_refs.as_deref());
        checker.translations(&file, &langs, texts::competencies(c));
    }
    checker.checklists(&checklists);
    for c in &checklists {
        checker.translations(&c.file, &langs, texts::checklist(c));
    }
    checker.questions(
        &question_files,
        level_refs.as_deref(),
        indicator_refs.as_deref(),
        !questions_failed,
    );
    for (file, q) in &question_files {
        checker.translations(file, &langs, texts::questions(q));
    }
    checker.articles(&articles);
    for a in &articles {
        checker.translations(&a.file, &langs, texts::article(a));
    }

    let question_count: usize = question_files.iter().map(|(_, q)| q.questions.len()).sum();
    let indicator_count = indicator_ids.as_ref().map_or(0, Vec::len);
    if meta.is_some()
        && indicator_count == 0
        && checklists.is_empty()
        && question_count == 0
        && articles.is_empty()
        && diagnostics.is_empty()
    {
        checker.diagnostics.push(Diagnostic::error(
            &display_of("competencies.yaml"),
            Pos::default(),
            "the pack is empty: add indicators to competencies.yaml, or checklists, questions or articles",
        ));
    }

    // Snippets for the cross-file checks, from each file's text.
    for d in &mut checker.diagnostics {
        if d.snippet.is_none()
            && let Some(f) = files.iter().find(|f| f.display == d.file)
        {
            {
                *d = d.clone().with_snippet_from(&f.text);
            }
        }
    }
    diagnostics.extend(checker.diagnostics);

    let failed = diagnostics.iter().any(Diagnostic::is_error);
    match (meta, levels, competencies) {
        (Some(meta), Some(levels), Some(competencies)) if !failed => {
            let LevelsFile {
                scale,
                meets,
                threshold,
                levels,
            } = levels;
            let mut categories = Vec::new();
            let mut questions = Vec::new();
            for (_, q) in question_files {
                categories.extend(q.categories);
                questions.extend(q.questions);
            }
            let pack = Pack::assemble(
                meta,
                scale.value,
                meets.value,
                threshold.value,
                levels.value,
                competencies.dimensions,
                checklists,
                categories,
                questions,
                articles,
                source.clone(),
            );
            Ok(Loaded {
                pack,
                warnings: diagnostics,
            })
        }
        _ => Err(PackError {
            source: source.clone(),
            diagnostics,
        }),
    }
}

/// After a file failed to parse: the errors of each item of its lists.
fn more_errors(rel: &str, text: &str, file: &str) -> Vec<Diagnostic> {
    use recover::list_errors;
    match rel {
        "levels.yaml" => {
            let mut v = list_errors::<ScaleStep, ScaleStep>(text, file, "scale", 0, None);
            v.extend(list_errors::<Level, Level>(text, file, "levels", 0, None));
            v
        }
        "competencies.yaml" => {
            list_errors::<Dimension, Indicator>(text, file, "dimensions", 0, Some("indicators"))
        }
        rel if rel.starts_with("checklists/") => {
            list_errors::<ChecklistSection, ChecklistItem>(text, file, "sections", 0, Some("items"))
        }
        rel if rel.starts_with("questions/") => {
            let mut v = list_errors::<Category, Category>(text, file, "categories", 0, None);
            v.extend(list_errors::<Question, Question>(
                text,
                file,
                "questions",
                0,
                None,
            ));
            v
        }
        _ => Vec::new(),
    }
}

/// Loads the built-in pack, which is checked by the test suite to be valid.
pub fn built_in() -> Result<Loaded, PackError> {
    load(&PackSource::BuiltIn)
}
