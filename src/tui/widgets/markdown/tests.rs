use std::rc::Rc;

use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use super::*;
use crate::tui::text::{line_text, line_width};

fn plain_lines(source: &str, width: usize) -> Vec<String> {
    render(source, width, &MarkdownStyles::default())
        .iter()
        .map(line_text)
        .collect()
}

/// The style of the span whose text is exactly `text`.
fn style_of(lines: &[Line<'_>], text: &str) -> Style {
    lines
        .iter()
        .flat_map(|line| &line.spans)
        .find(|span| span.content == text)
        .map(|span| span.style)
        .unwrap_or_else(|| panic!("no span {text:?} in {lines:?}"))
}

#[test]
fn headings_differ_by_modifier_without_source_marks() {
    let styles = MarkdownStyles::default();
    let source = "# 晋升答辩\n\n## Second level\n\n### Third";
    assert_eq!(
        plain_lines(source, 40),
        ["晋升答辩", "", "Second level", "", "Third"]
    );
    let lines = render(source, 40, &styles);
    let h1 = style_of(&lines, "晋升答辩");
    assert_eq!(h1, styles.h1);
    assert!(
        h1.add_modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED)
    );
    assert_eq!(style_of(&lines, "Second level"), styles.h2);
    assert_eq!(style_of(&lines, "Third"), styles.h3);
    assert!(styles.h3.add_modifier.contains(Modifier::ITALIC));
}

#[test]
fn a_long_heading_wraps() {
    assert_eq!(
        plain_lines("## A long heading here", 12),
        ["A long", "heading here"]
    );
}

#[test]
fn paragraphs_wrap_and_are_separated_by_a_blank_line() {
    assert_eq!(
        plain_lines("Prepare the defense early and often.", 20),
        ["Prepare the defense", "early and often."]
    );
    assert_eq!(plain_lines("one\n\ntwo", 20), ["one", "", "two"]);
    assert_eq!(
        plain_lines("晋升答辩需要准备充分的材料。", 10),
        ["晋升答辩需", "要准备充分", "的材料。"]
    );
}

#[test]
fn a_soft_break_between_chinese_characters_adds_no_space() {
    assert_eq!(plain_lines("第一行\n第二行", 40), ["第一行第二行"]);
    assert_eq!(plain_lines("line one\nline two", 40), ["line one line two"]);
    assert_eq!(plain_lines("中文\nEnglish", 40), ["中文 English"]);
}

#[test]
fn hard_breaks_start_a_new_line() {
    assert_eq!(
        plain_lines("line one  \nline two\\\nline three", 40),
        ["line one", "line two", "line three"]
    );
}

#[test]
fn inline_styles_are_applied_and_combined() {
    let styles = MarkdownStyles::default();
    let lines = render("*em* **strong** ~~gone~~ `code`", 40, &styles);
    assert_eq!(
        lines.iter().map(line_text).collect::<Vec<_>>(),
        ["em strong gone code"]
    );
    assert_eq!(style_of(&lines, "em"), styles.emphasis);
    assert_eq!(style_of(&lines, "strong"), styles.strong);
    assert_eq!(style_of(&lines, "gone"), styles.strikethrough);
    assert_eq!(style_of(&lines, "code"), styles.inline_code);

    let both = style_of(&render("***both***", 40, &MarkdownStyles::plain()), "both");
    assert!(
        both.add_modifier
            .contains(Modifier::BOLD | Modifier::ITALIC)
    );
}

#[test]
fn nested_lists_hang_continuation_lines_under_the_text() {
    let source = "- one\n- two has a long text that wraps\n  - nested\n  - items\n- three";
    assert_eq!(
        plain_lines(source, 20),
        [
            "• one",
            "• two has a long",
            "  text that wraps",
            "  ◦ nested",
            "  ◦ items",
            "• three",
        ]
    );
    let styles = MarkdownStyles::default();
    assert_eq!(
        style_of(&render(source, 20, &styles), "• "),
        styles.list_bullet
    );
}

#[test]
fn ordered_lists_right_align_their_numbers() {
    assert_eq!(
        plain_lines("9. nine\n10. ten\n11. eleven", 40),
        [" 9. nine", "10. ten", "11. eleven"]
    );
    assert_eq!(
        plain_lines("1. alpha beta gamma", 12),
        ["1. alpha", "   beta", "   gamma"]
    );
}

#[test]
fn loose_list_items_are_separated_by_a_blank_line() {
    assert_eq!(plain_lines("- a\n\n- b", 20), ["• a", "", "• b"]);
    assert_eq!(
        plain_lines("intro\n\n- a\n- b\n\nafter", 20),
        ["intro", "", "• a", "• b", "", "after"]
    );
}

#[test]
fn task_lists_show_their_box_in_place_of_the_bullet() {
    assert_eq!(
        plain_lines("- [x] done\n- [ ] todo that wraps here", 14),
        ["[x] done", "[ ] todo that", "    wraps here"]
    );
    assert_eq!(plain_lines("1. [x] shipped", 40), ["1. [x] shipped"]);
}

#[test]
fn block_quotes_put_a_bar_on_every_line() {
    let source = "> quoted text that wraps around\n>\n> > nested";
    assert_eq!(
        plain_lines(source, 16),
        [
            "│ quoted text",
            "│ that wraps",
            "│ around",
            "│",
            "│ │ nested"
        ]
    );
    let styles = MarkdownStyles::default();
    assert_eq!(
        render(source, 16, &styles)[0].spans[0].style,
        styles.quote_bar
    );
    assert_eq!(plain_lines("> q\n\nafter", 16), ["│ q", "", "after"]);
}

#[test]
fn a_go_code_block_keeps_its_lines_and_cuts_long_ones() {
    let source = "```go\npackage main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tfmt.Println(\"第\", i, \"次: this line is long enough to be cut\")\n\t}\n}\n```";
    // 40 columns: a 2-cell gutter leaves 38, so the long line keeps 37 cells
    // (8 of tab, 29 of text) and ends in `…`.
    assert_eq!(
        plain_lines(source, 40),
        [
            "── go ──",
            "  package main",
            "",
            "  import \"fmt\"",
            "",
            "  func main() {",
            "      for i := 0; i < 3; i++ {",
            "          fmt.Println(\"第\", i, \"次: thi…",
            "      }",
            "  }",
        ]
    );
    let styles = MarkdownStyles::default();
    let lines = render(source, 40, &styles);
    assert_eq!(style_of(&lines, "── go ──"), styles.code_language);
    assert_eq!(style_of(&lines, "package main"), styles.code_block);
}

#[test]
fn a_code_block_without_language_keeps_its_indentation() {
    assert_eq!(
        plain_lines("```\n  indented\nx\ty\n```", 40),
        ["    indented", "  x   y"]
    );
}

#[test]
fn a_chinese_table_shrinks_its_widest_column_and_wraps_inside_cells() {
    let source = "| 方案 | 一致性 | 适用场景 |\n| --- | --- | --- |\n\
                  | 两阶段提交 | 强一致 | 跨库事务，要求严格一致 |\n\
                  | TCC | 最终一致 | 资金类业务，需要补偿逻辑 |\n\
                  | 本地消息表 | 最终一致 | 异步解耦，允许短暂延迟 |";
    // Natural widths 10, 8 and 24 cells; 40 columns minus 10 of borders
    // leaves 30, so the last column gets 12 cells (six ideographs).
    let rule = |l: &str, fill: &str, m: &str, r: &str| {
        format!(
            "{l}{}{m}{}{m}{}{r}",
            fill.repeat(12),
            fill.repeat(10),
            fill.repeat(14)
        )
    };
    let expected = [
        rule("┌", "─", "┬", "┐"),
        "│ 方案       │ 一致性   │ 适用场景     │".to_string(),
        rule("╞", "═", "╪", "╡"),
        "│ 两阶段提交 │ 强一致   │ 跨库事务，要 │".to_string(),
        "│            │          │ 求严格一致   │".to_string(),
        rule("├", "─", "┼", "┤"),
        "│ TCC        │ 最终一致 │ 资金类业务， │".to_string(),
        "│            │          │ 需要补偿逻辑 │".to_string(),
        rule("├", "─", "┼", "┤"),
        "│ 本地消息表 │ 最终一致 │ 异步解耦，允 │".to_string(),
        "│            │          │ 许短暂延迟   │".to_string(),
        rule("└", "─", "┴", "┘"),
    ];
    let styles = MarkdownStyles::default();
    let lines = render(source, 40, &styles);
    assert_eq!(lines.iter().map(line_text).collect::<Vec<_>>(), expected);
    assert!(lines.iter().all(|line| line_width(line) == 40));
    assert_eq!(style_of(&lines, "方案"), styles.table_header);
    assert_eq!(style_of(&lines, "TCC"), Style::new());
}

#[test]
fn table_columns_follow_their_alignment() {
    let source = "| a | bb | c |\n|:--|:--:|--:|\n| 1 | 2 | 333 |";
    assert_eq!(
        plain_lines(source, 40),
        [
            "┌───┬────┬─────┐",
            "│ a │ bb │   c │",
            "╞═══╪════╪═════╡",
            "│ 1 │ 2  │ 333 │",
            "└───┴────┴─────┘",
        ]
    );
}

#[test]
fn a_table_too_narrow_for_borders_is_stacked() {
    // Two columns need 7 cells of borders and 2 per column: more than 8.
    assert_eq!(
        plain_lines("| a | b |\n|---|---|\n| 1 | 2 |", 8),
        ["a", "b", "────────", "1", "2"]
    );
}

#[test]
fn links_show_their_url_after_the_text_unless_it_is_the_text() {
    let styles = MarkdownStyles::default();
    let source = "[文档](https://go.dev/doc) and <https://go.dev>";
    let lines = render(source, 60, &styles);
    assert_eq!(
        lines.iter().map(line_text).collect::<Vec<_>>(),
        ["文档 (https://go.dev/doc) and https://go.dev"]
    );
    assert_eq!(style_of(&lines, "文档"), styles.link_text);
    assert_eq!(style_of(&lines, " (https://go.dev/doc)"), styles.link_url);
}

#[test]
fn a_rule_spans_the_width() {
    assert_eq!(
        plain_lines("a\n\n---\n\nb", 10),
        ["a", "", "──────────", "", "b"]
    );
    assert_eq!(plain_lines("> ---", 6), ["│ ────"]);
}

#[test]
fn html_is_shown_as_written() {
    assert_eq!(
        plain_lines("<div>hi</div>\n\ntext with <b>tag</b>", 40),
        ["<div>hi</div>", "", "text with <b>tag</b>"]
    );
}

#[test]
fn width_zero_renders_nothing_and_width_one_stays_inside() {
    let source = "# 标题\n\n> 引用 **粗体**\n\n- 列表\n  1. 嵌套\n\n```go\n\tx := 1\n```\n\n| 列 | 列 |\n|---|---|\n| 中 | 文 |";
    assert!(render(source, 0, &MarkdownStyles::default()).is_empty());
    let lines = render(source, 1, &MarkdownStyles::default());
    assert!(!lines.is_empty());
    assert!(lines.iter().all(|line| line_width(line) <= 1));
}

#[test]
fn a_view_renders_once_per_width() {
    let view = MarkdownView::new("# 标题\n\nsome text", MarkdownStyles::plain());
    let first = view.lines(40);
    assert!(Rc::ptr_eq(&first, &view.lines(40)));
    let narrower = view.lines(4);
    assert!(!Rc::ptr_eq(&first, &narrower));
    assert_eq!(
        narrower.iter().map(line_text).collect::<Vec<_>>(),
        ["标题", "", "some", "text"]
    );
}

#[test]
fn lines_are_drawn_from_the_scroll_offset() {
    let lines = [Line::from("one"), Line::from("two"), Line::from("three")];
    let mut buffer = Buffer::empty(Rect::new(0, 0, 5, 2));
    render_lines(&lines, 1, buffer.area, &mut buffer);
    assert_eq!(buffer, Buffer::with_lines(["two  ", "three"]));
    assert_eq!(max_scroll(10, 4), 6);
    assert_eq!(max_scroll(3, 4), 0);
}

fn markdown_strategy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "# 标题\n",
        "## heading\n",
        "- item\n",
        "  - nested\n",
        "1. one\n",
        "10. ten\n",
        "- [x] done\n",
        "> quote\n",
        "> > deeper\n",
        "```go\n\tfunc main() {}\n```\n",
        "```\n",
        "| a | 中文 |\n|:-|-:|\n| 很长的单元格内容需要换行 | x |\n",
        "|---|\n",
        "[link](https://example.com/a/very/long/path)",
        "**bold** ",
        "*em*",
        "`code`",
        "~~gone~~",
        "---\n",
        "\n",
        "\n\n",
        "  ",
        "\t",
        "晋升答辩准备充分",
        "word ",
        "<b>html</b>",
        "<div>\n",
        "\\\n",
        "。，、",
        "https://example.com/abcdefghijklmnop",
    ]);
    prop_oneof![
        prop::collection::vec(pieces, 0..40).prop_map(|pieces| pieces.concat()),
        any::<String>(),
    ]
}

proptest! {
    #[test]
    fn any_markdown_renders_inside_the_width(source in markdown_strategy(), width in 0usize..120) {
        let lines = render(&source, width, &MarkdownStyles::default());
        if width == 0 {
            prop_assert!(lines.is_empty());
        }
        for line in &lines {
            prop_assert!(line_width(line) <= width, "{:?} is wider than {}", line_text(line), width);
        }
    }
}
