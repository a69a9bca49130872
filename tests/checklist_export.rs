//! A checklist run exported as Markdown, checked as the reviewer sees it:
//! rendered by a CommonMark parser and compared with hand-written HTML.

mod common;

use std::path::Path;

use ladder::core::checklist::{Run, parse_run, to_markdown};
use ladder::core::lang::Lang;

fn sample_run() -> Run {
    let path = common::fixtures().join("runs/2026-12-04-pr-482-order-sync.yaml");
    let text = std::fs::read_to_string(&path).expect("fixture run");
    parse_run(&text, &path).expect("the fixture run parses")
}

fn html(markdown: &str) -> String {
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, pulldown_cmark::Parser::new(markdown));
    out
}

/// Lines without the blank ones: where a renderer puts newlines between
/// block tags is not what a reader sees.
fn lines(html: &str) -> Vec<String> {
    html.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The export of the fixture run in `lang`, rendered, against the golden
/// HTML written by hand for that language.
fn assert_golden(lang: Lang) {
    let pack = common::fixture_pack("review-runs");
    let markdown = to_markdown(&pack, &sample_run(), lang);
    let golden = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/golden/checklist-review.{}.html", lang.tag()));
    let expected = std::fs::read_to_string(golden).expect("golden file");
    assert_eq!(
        lines(&html(&markdown)),
        lines(&expected),
        "the Markdown was:\n{markdown}"
    );
}

#[test]
fn the_markdown_export_reads_as_a_review_comment() {
    assert_golden(Lang::En);
}

#[test]
fn the_chinese_export_names_severities_in_chinese() {
    assert_golden(Lang::Zh);
    // Not one severity is left in English, in the failed items, the
    // summary or the collapsed rest.
    let pack = common::fixture_pack("review-runs");
    let markdown = to_markdown(&pack, &sample_run(), Lang::Zh);
    for english in ["must", "should", "nice"] {
        assert!(!markdown.contains(english), "{english} in:\n{markdown}");
    }
}

#[test]
fn failed_musts_come_before_other_failures_in_chinese_too() {
    let pack = common::fixture_pack("review-runs");
    let markdown = to_markdown(&pack, &sample_run(), Lang::Zh);
    let rendered = html(&markdown);
    let must = rendered
        .find("锁只保护共享状态。")
        .expect("the failed must");
    let nice = rendered
        .find("导出的名字都有文档注释。")
        .expect("the failed nice");
    assert!(must < nice);
    assert!(
        rendered.contains("<p><strong>如何验证：</strong></p>"),
        "{rendered}"
    );
    assert!(
        rendered.contains("<summary>其余各项：满足 2，不适用 1，未检查 1</summary>"),
        "{rendered}"
    );
}

#[test]
fn a_name_with_markdown_in_it_reads_as_typed() {
    let pack = common::fixture_pack("review-runs");
    let mut run = sample_run();
    run.name = "fix *all* <b>the</b> [bugs](x)".into();
    let rendered = html(&to_markdown(&pack, &run, Lang::En));
    assert!(
        rendered.contains("<h3>Service review: fix *all* &lt;b&gt;the&lt;/b&gt; [bugs](x)</h3>"),
        "{rendered}"
    );
}

/// The levels of the headings of `markdown`, in order.
fn heading_levels(markdown: &str) -> Vec<pulldown_cmark::HeadingLevel> {
    pulldown_cmark::Parser::new(markdown)
        .filter_map(|event| match event {
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Heading { level, .. }) => Some(level),
            _ => None,
        })
        .collect()
}

#[test]
fn headings_start_at_level_three_and_skip_none() {
    use pulldown_cmark::HeadingLevel::{H3, H4};
    let pack = common::fixture_pack("review-runs");
    for lang in Lang::ALL {
        // The title, then the failed items a level under it.
        let markdown = to_markdown(&pack, &sample_run(), lang);
        assert_eq!(heading_levels(&markdown), [H3, H4], "{markdown}");
        // Nothing failed: the title alone.
        let mut run = sample_run();
        run.results
            .retain(|_, r| r.result != Some(ladder::core::checklist::Verdict::Fail));
        let markdown = to_markdown(&pack, &run, lang);
        assert_eq!(heading_levels(&markdown), [H3], "{markdown}");
    }
}
