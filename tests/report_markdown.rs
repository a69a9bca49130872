//! The Markdown report read as a CommonMark renderer reads it (with GFM
//! tables, as on GitHub): headings, tables and lists where they belong, and
//! every piece of evidence a block of its own, never run on into the
//! indicator's sentence, whatever the evidence holds (a list, code, `|`).

// clippy.toml allows unwrap in #[test] functions; the helpers here are test code too.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use ladder::core::content::{self, Pack, PackSource};
use ladder::core::lang::Lang;
use ladder::core::profile::{Profile, Rating};
use ladder::core::report;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A block of the rendered document: its kind, its own text (inline text
/// only, as the renderer would show it), and the blocks inside it.
#[derive(Debug, Default)]
struct Block {
    kind: String,
    text: String,
    children: Vec<Block>,
}

impl Block {
    /// Every block under this one, depth first.
    fn all(&self) -> Vec<&Block> {
        let mut out = Vec::new();
        for c in &self.children {
            out.push(c);
            out.extend(c.all());
        }
        out
    }

    fn of_kind(&self, kind: &str) -> Vec<&Block> {
        self.all().into_iter().filter(|b| b.kind == kind).collect()
    }
}

fn kind(tag: &Tag<'_>) -> Option<String> {
    Some(match tag {
        Tag::Paragraph => "p".into(),
        Tag::Heading { level, .. } => match level {
            HeadingLevel::H1 => "h1",
            HeadingLevel::H2 => "h2",
            HeadingLevel::H3 => "h3",
            _ => "h4+",
        }
        .into(),
        Tag::List(_) => "list".into(),
        Tag::Item => "item".into(),
        Tag::CodeBlock(_) => "code".into(),
        Tag::Table(_) => "table".into(),
        Tag::TableHead => "thead".into(),
        Tag::TableRow => "tr".into(),
        Tag::TableCell => "td".into(),
        Tag::BlockQuote(_) => "quote".into(),
        _ => return None,
    })
}

/// The document as a tree of blocks.
fn render(md: &str) -> Block {
    let mut stack = vec![Block::default()];
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(tag) => {
                if let Some(k) = kind(&tag) {
                    stack.push(Block {
                        kind: k,
                        ..Block::default()
                    });
                }
            }
            Event::End(end) => {
                let block_end = !matches!(
                    end,
                    TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link | TagEnd::Strikethrough
                );
                if block_end && stack.len() > 1 {
                    let done = stack.pop().unwrap();
                    stack.last_mut().unwrap().children.push(done);
                }
            }
            Event::Text(t) | Event::Code(t) => stack.last_mut().unwrap().text.push_str(&t),
            Event::SoftBreak => stack.last_mut().unwrap().text.push(' '),
            Event::HardBreak => stack.last_mut().unwrap().text.push('\n'),
            _ => {}
        }
    }
    stack.pop().unwrap()
}

const PROFILING: &str = "tech-depth.p6.profiling";
const ERRORS: &str = "tech-depth.p6.idiomatic-errors-context";
const GOROUTINES: &str = "tech-depth.p6.goroutine-lifecycle";

/// Evidence with a list in it.
const WITH_LIST: &str =
    "Found the leak in order-sync:\n- heap profile every 10 min\n- fixed the unbounded cache";
/// Evidence with fenced code in it.
const WITH_CODE: &str = "Wrapped every error with context:\n\n```go\nreturn fmt.Errorf(\"load order %d: %w\", id, err)\n```\nReviewed in PR 482.";
/// Evidence with a pipe, on two lines.
const WITH_PIPE: &str = "p99 before | after: 180 ms | 60 ms\nMeasured over a week";

fn pack() -> Pack {
    content::load(&PackSource::BuiltIn).unwrap().pack
}

fn rating(score: u32, evidence: &str) -> Rating {
    Rating {
        score,
        evidence: Some(evidence.to_owned()),
        updated: Some(time::macros::date!(2026 - 10 - 12)),
    }
}

/// Two strengths (with a list, with code) and a gap (with a pipe), at P6.
/// The built-in pack has 25 indicators at P6, so 22 are left unrated: the
/// "Not rated yet" list under the gaps.
fn profile() -> Profile {
    let mut ratings = BTreeMap::new();
    ratings.insert(PROFILING.into(), rating(4, WITH_LIST));
    ratings.insert(ERRORS.into(), rating(3, WITH_CODE));
    ratings.insert(GOROUTINES.into(), rating(1, WITH_PIPE));
    let mut profile = Profile::new("md");
    profile.target_level = Some("P6".into());
    profile.ratings = ratings;
    profile
}

fn markdown(lang: Lang) -> String {
    let pack = pack();
    let profile = profile();
    let a = ladder::core::score::assess(&pack, &profile);
    report::to_markdown(
        &pack,
        &profile,
        &a,
        lang,
        time::macros::datetime!(2026-12-04 09:00:00 +08:00),
    )
}

/// The list item whose first paragraph holds the text of indicator `id`,
/// up to its first code span (which the renderer shows without backticks).
fn item_for<'a>(doc: &'a Block, id: &str, lang: Lang) -> &'a Block {
    let pack = pack();
    let (_, ind) = pack.indicator(id).unwrap();
    let text = ind.text.get(lang.code(), pack.default_language());
    let needle = text.split('`').next().unwrap();
    item_with(doc, needle)
}

/// The list item whose first paragraph holds `needle`.
fn item_with<'a>(doc: &'a Block, needle: &str) -> &'a Block {
    doc.of_kind("item")
        .into_iter()
        .find(|i| {
            i.children
                .first()
                .is_some_and(|p| p.kind == "p" && p.text.contains(needle))
        })
        .unwrap_or_else(|| panic!("no list item starts with `{needle}`"))
}

fn check(lang: Lang, headings: &[(&str, &str)], level_header: &[&str], score: &str) {
    let md = markdown(lang);
    let doc = render(&md);

    let got: Vec<(String, String)> = doc
        .children
        .iter()
        .filter(|b| b.kind.starts_with('h'))
        .map(|b| (b.kind.clone(), b.text.clone()))
        .collect();
    let want: Vec<(String, String)> = headings
        .iter()
        .map(|(k, t)| ((*k).to_owned(), (*t).to_owned()))
        .collect();
    assert_eq!(got, want, "{md}");

    // Two tables: levels and dimensions, both at the top of the document.
    let tables: Vec<&Block> = doc.children.iter().filter(|b| b.kind == "table").collect();
    assert_eq!(tables.len(), 2, "{md}");
    assert_eq!(
        doc.of_kind("table").len(),
        2,
        "no table anywhere else:\n{md}"
    );
    let header: Vec<&str> = tables[0].children[0]
        .children
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(header, level_header);
    // P6 P7 P8 P9 rows.
    assert_eq!(tables[0].children.len(), 1 + 4);

    // The line on how readiness is computed is a paragraph of its own.
    assert!(
        doc.children
            .iter()
            .any(|b| b.kind == "p" && b.text.contains("Σ") && b.text.contains('0')),
        "{md}"
    );

    // Strength with a list: the indicator's sentence ends at its score; the
    // evidence is a paragraph and a list of two, both inside the item.
    let item = item_for(&doc, PROFILING, lang);
    assert!(
        item.children[0].text.ends_with(&format!("{score}4)")),
        "{:?}",
        item.children[0].text
    );
    assert_eq!(item.children[1].kind, "p");
    assert_eq!(item.children[1].text, "Found the leak in order-sync:");
    assert_eq!(item.children[2].kind, "list");
    let points: Vec<&str> = item.children[2]
        .children
        .iter()
        // A tight list: the items' text is theirs, with no paragraph.
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(
        points,
        ["heap profile every 10 min", "fixed the unbounded cache"]
    );

    // Strength with code: the code is a code block, whole.
    let item = item_for(&doc, ERRORS, lang);
    assert!(
        item.children[0].text.ends_with(&format!("{score}3)")),
        "{:?}",
        item.children[0].text
    );
    let kinds: Vec<&str> = item.children.iter().map(|b| b.kind.as_str()).collect();
    assert_eq!(kinds, ["p", "p", "code", "p"], "{md}");
    assert_eq!(
        item.children[2].text,
        "return fmt.Errorf(\"load order %d: %w\", id, err)\n"
    );
    assert_eq!(item.children[3].text, "Reviewed in PR 482.");

    // The gap with a pipe: the evidence is its own paragraph under "Evidence
    // so far", the pipe kept as text and the line break kept.
    let item = item_for(&doc, GOROUTINES, lang);
    assert!(
        item.children[0].text.ends_with(')'),
        "{:?}",
        item.children[0].text
    );
    let evidence = item
        .all()
        .into_iter()
        .find(|b| b.kind == "p" && b.text.contains("180 ms"))
        .unwrap();
    assert_eq!(
        evidence.text,
        "p99 before | after: 180 ms | 60 ms\nMeasured over a week"
    );
    // Every paragraph that states a score ends there: no evidence ran on.
    for p in doc.of_kind("p") {
        if p.text.contains(score) {
            assert!(p.text.ends_with(')'), "run-on paragraph: {:?}", p.text);
        }
    }
}

#[test]
fn the_english_report_renders_as_blocks() {
    check(
        Lang::En,
        &[
            (
                "h1",
                "Promotion readiness: md · Go Backend Engineer Ladder P6–P9",
            ),
            ("h2", "Readiness by level"),
            ("h2", "Readiness by dimension"),
            ("h2", "Strengths, with evidence"),
            ("h2", "Gaps on the way to P6"),
            ("h3", "Not rated yet (22)"),
        ],
        &["Level", "Readiness", "Coverage (rated)", "Status"],
        "(score: ",
    );
}

#[test]
fn the_chinese_report_renders_as_blocks() {
    check(
        Lang::Zh,
        &[
            ("h1", "晋升准备报告：md · Go 后端工程师晋升阶梯 P6–P9"),
            ("h2", "各职级准备度"),
            ("h2", "各维度准备度"),
            ("h2", "优势与证据"),
            ("h2", "差距：通往 P6"),
            ("h3", "尚未评分 (22)"),
        ],
        &["职级", "准备度", "已评覆盖率", "状态"],
        "(得分：",
    );
}

/// Every table of the document: its rows, each the texts of its cells.
fn tables(doc: &Block) -> Vec<Vec<Vec<String>>> {
    doc.of_kind("table")
        .into_iter()
        .map(|t| {
            t.all()
                .into_iter()
                .filter(|b| b.kind == "tr" || b.kind == "thead")
                .map(|r| r.children.iter().map(|c| c.text.clone()).collect())
                .collect()
        })
        .collect()
}

#[test]
fn values_from_a_shared_file_cannot_forge_the_report() {
    use ladder::core::profile::{MentorRating, MentorReview, Snapshot};
    let mut profile = profile();
    profile.ratings.get_mut(PROFILING).unwrap().evidence =
        Some("<iframe src=x></iframe>\n# Approved\nok\n===".into());
    profile.mentor = Some(MentorReview {
        name: "Dana\n# I approve this promotion".into(),
        date: None,
        ratings: BTreeMap::from([(
            PROFILING.into(),
            MentorRating {
                score: 2,
                comment: Some("<script>alert(1)</script> | forged |".into()),
            },
        )]),
        notes: Some("<b>bold</b>\n## Verdict: promote".into()),
        plan: Vec::new(),
    });
    profile.history.push(Snapshot {
        date: time::macros::date!(2026 - 01 - 01),
        current_level: Some("P|X".into()),
        target_level: None,
        levels: BTreeMap::from([
            ("P6".into(), f64::NAN),
            ("P7".into(), f64::INFINITY),
            ("P|X".into(), 0.5),
        ]),
        dimensions: BTreeMap::new(),
    });
    let pack = pack();
    let a = ladder::core::score::assess(&pack, &profile);
    let md = report::to_markdown(
        &pack,
        &profile,
        &a,
        Lang::En,
        time::macros::datetime!(2026-12-04 09:00:00 +08:00),
    );
    let doc = render(&md);

    // One title; the mentor's name stays inside the calibration heading.
    let headings: Vec<(String, String)> = doc
        .all()
        .into_iter()
        .filter(|b| b.kind.starts_with('h'))
        .map(|b| (b.kind.clone(), b.text.clone()))
        .collect();
    assert_eq!(
        headings.iter().filter(|(k, _)| k == "h1").count(),
        1,
        "{headings:?}"
    );
    assert!(
        headings.contains(&(
            "h2".into(),
            "Mentor calibration (Dana # I approve this promotion)".into()
        )),
        "{headings:?}"
    );
    for (_, text) in &headings {
        assert!(
            !text.starts_with("I approve") && !text.starts_with("Approved"),
            "{text}"
        );
        assert!(!text.starts_with("Verdict"), "{text}");
    }

    // Every row of every table has as many cells as its header.
    for table in tables(&doc) {
        let width = table[0].len();
        for row in &table {
            assert_eq!(row.len(), width, "{table:?}");
        }
    }
    let trend = tables(&doc)
        .into_iter()
        .find(|t| t[0].first().is_some_and(|c| c == "Date"))
        .unwrap();
    // Date, Current, the pack's four levels, then `P|X` from the history.
    assert_eq!(trend[0].len(), 7, "{trend:?}");
    assert_eq!(trend[0][6], "P|X");
    assert_eq!(trend[1][1], "P|X");
    assert_eq!(trend[1][2], "—", "NaN shows as no value");
    assert_eq!(trend[1][3], "—", "inf shows as no value");
    assert_eq!(trend[1][6], "50%");
    let calibration = tables(&doc)
        .into_iter()
        .find(|t| t[0].first().is_some_and(|c| c == "Indicator"))
        .unwrap();
    assert_eq!(calibration[1][4], "<script>alert(1)</script> | forged |");

    // No HTML reaches a renderer as HTML; it is all text.
    let html: Vec<String> = Parser::new_ext(&md, Options::ENABLE_TABLES)
        .filter_map(|e| match e {
            Event::Html(h) | Event::InlineHtml(h) => Some(h.into_string()),
            _ => None,
        })
        .collect();
    assert!(html.is_empty(), "{html:?}");
    assert!(md.contains("&lt;iframe"), "{md}");
    assert!(!md.contains("NaN") && !md.contains("inf%"), "{md}");
}
