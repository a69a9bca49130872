use super::*;
use proptest::prelude::*;
use ratatui::style::{Modifier, Style};

fn lines(text: &str, width: usize) -> Vec<String> {
    wrap(text, width)
}

#[test]
fn widths_count_cells_not_chars() {
    assert_eq!(display_width("abc"), 3);
    assert_eq!(display_width("晋升"), 4);
    assert_eq!(display_width("P7晋升"), 6);
    assert_eq!(display_width(""), 0);
}

#[test]
fn chinese_breaks_between_ideographs_without_crossing_the_edge() {
    // Each ideograph is two cells: width 5 holds two of them, not two and a half.
    assert_eq!(lines("晋升答辩准备", 5), ["晋升", "答辩", "准备"]);
    assert_eq!(lines("晋升答辩准备", 4), ["晋升", "答辩", "准备"]);
    assert_eq!(lines("晋升答辩准备", 6), ["晋升答", "辩准备"]);
    assert_eq!(lines("晋升答辩准备", 12), ["晋升答辩准备"]);
}

#[test]
fn closing_punctuation_never_starts_a_line() {
    // UAX #14 forbids a break before ，and 。, so they stay with the
    // ideograph before them even when that leaves the line short.
    assert_eq!(lines("你好，世界。好的", 6), ["你好，", "世界。", "好的"]);
    assert_eq!(
        lines("你好，世界。好的", 4),
        ["你", "好，", "世", "界。", "好的"]
    );
}

#[test]
fn english_breaks_at_spaces_and_drops_them() {
    assert_eq!(
        lines("The quick brown fox jumps", 10),
        ["The quick", "brown fox", "jumps"]
    );
    assert_eq!(lines("aaa   bbb", 4), ["aaa", "bbb"]);
    assert_eq!(lines("well-known", 7), ["well-", "known"]);
}

#[test]
fn a_range_with_an_en_dash_stays_on_one_line() {
    // "rate 0–4 now" at 7: UAX #14 allows "rate 0–" / "4 now"; the range
    // moves down whole instead.
    assert_eq!(lines("rate 0–4 now", 7), ["rate", "0–4 now"]);
    assert_eq!(lines("levels P6–P9", 9), ["levels", "P6–P9"]);
    // A dash between words with spaces is still a place to break.
    assert_eq!(lines("ab – cd", 4), ["ab –", "cd"]);
    // A no-break space holds a value to its label.
    assert_eq!(lines("x 1\u{a0}Done", 6), ["x", "1\u{a0}Done"]);
}

#[test]
fn mixed_chinese_and_english_break_at_script_boundaries() {
    assert_eq!(
        lines("用Go写goroutine很简单", 10),
        ["用Go写", "goroutine", "很简单"]
    );
}

#[test]
fn a_url_breaks_after_slashes_then_by_width() {
    assert_eq!(
        lines("see https://example.com/path/to/page for details", 16),
        [
            "see https://",
            "example.com/",
            "path/to/page for",
            "details"
        ]
    );
    // No break opportunity at all: cut by width.
    assert_eq!(
        lines("abcdefghijklmnopqrstuvwxyz", 10),
        ["abcdefghij", "klmnopqrst", "uvwxyz"]
    );
    assert_eq!(lines("go abcdefghijkl", 5), ["go", "abcde", "fghij", "kl"]);
}

#[test]
fn a_cut_word_never_splits_a_wide_character_at_an_odd_width() {
    // No break is allowed before 。, so this is one word of 10 cells.
    assert_eq!(lines("中。。。。", 5), ["中。", "。。", "。"]);
}

#[test]
fn width_zero_gives_nothing_and_width_one_puts_wide_characters_alone() {
    assert!(lines("abc", 0).is_empty());
    assert_eq!(lines("ab", 1), ["a", "b"]);
    assert_eq!(lines("中文", 1), ["中", "文"]);
    assert_eq!(lines("a中", 1), ["a", "中"]);
    assert_eq!(lines("a b", 1), ["a", "b"]);
}

#[test]
fn newlines_are_honoured_and_indentation_kept_when_it_fits() {
    assert_eq!(lines("a\n\nb", 10), ["a", "", "b"]);
    assert_eq!(lines("a \r\nb", 10), ["a", "b"]);
    assert_eq!(lines("", 10), [""]);
    assert_eq!(lines("  ab cd", 5), ["  ab", "cd"]);
    assert_eq!(lines("a\tb", 10), ["a b"]);
}

#[test]
fn spans_keep_their_styles_across_a_break() {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let spans = [Span::raw("hello "), Span::styled("big world", bold)];
    let wrapped = wrap_spans(&spans, 9);
    assert_eq!(
        wrapped,
        [
            Line::from(vec![Span::raw("hello "), Span::styled("big", bold)]),
            Line::from(vec![Span::styled("world", bold)]),
        ]
    );
}

#[test]
fn truncate_marks_a_cut_with_an_ellipsis() {
    assert_eq!(truncate("hello world", 8), "hello w…");
    assert_eq!(truncate("晋升答辩", 5), "晋升…");
    assert_eq!(truncate("晋升答辩", 4), "晋…");
    assert_eq!(truncate("abc", 3), "abc");
    assert_eq!(truncate("abcd", 1), "…");
    assert_eq!(truncate("abc", 0), "");
}

#[test]
fn pad_to_fills_exactly_the_width() {
    assert_eq!(pad_to("ab", 4), "ab  ");
    assert_eq!(pad_to("晋升答", 5), "晋升…");
    assert_eq!(pad_to("晋升答辩", 4), "晋… ");
    assert_eq!(pad_to("", 2), "  ");
}

#[test]
fn truncate_line_cuts_inside_the_span_that_overflows() {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let italic = Style::new().add_modifier(Modifier::ITALIC);
    let line = Line::from(vec![Span::styled("ab", bold), Span::styled("cdef", italic)]);
    assert_eq!(
        truncate_line(&line, 4),
        Line::from(vec![
            Span::styled("ab", bold),
            Span::styled("c", italic),
            Span::styled("…", italic),
        ])
    );
    assert_eq!(line_text(&truncate_line(&line, 6)), "abcdef");
    assert_eq!(line_text(&truncate_line(&line, 0)), "");
}

#[test]
fn truncate_line_keeps_the_alignment() {
    let line = Line::from("abcdef").right_aligned();
    let right = Some(ratatui::layout::Alignment::Right);
    assert_eq!(truncate_line(&line, 6).alignment, right);
    assert_eq!(truncate_line(&line, 3).alignment, right);
}

/// The characters wrapping must keep, in order: everything but the spaces it
/// may drop at a break and the line ends it turns into separate lines.
fn kept(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, ' ' | '\t' | '\n' | '\r'))
        .collect()
}

fn text_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z ,.\\-/\n晋升答辩准备中文，。、（）「」]{0,120}",
    ]
}

proptest! {
    #[test]
    fn wrapped_lines_fit_and_keep_every_character(text in text_strategy(), width in 1usize..80) {
        let wrapped = wrap(&text, width);
        for line in &wrapped {
            let too_wide = display_width(line) > width;
            let visible = line.chars().filter(|c| c.width() != Some(0)).count();
            prop_assert!(!too_wide || visible == 1, "line {line:?} is wider than {width}");
        }
        prop_assert_eq!(kept(&wrapped.concat()), kept(&text));
    }
}

fn pieces(spans: &[Span<'_>]) -> Vec<(String, Style)> {
    spans
        .iter()
        .map(|s| (s.content.to_string(), s.style))
        .collect()
}

#[test]
fn inline_code_loses_its_backticks_and_gets_the_code_style() {
    let base = Style::new().add_modifier(Modifier::BOLD);
    let code = Style::new().add_modifier(Modifier::REVERSED);
    let both = Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED);
    assert_eq!(
        pieces(&inline_spans(
            "Wraps with `%w`; uses `errors.Is`.",
            base,
            code
        )),
        [
            ("Wraps with ".to_owned(), base),
            ("%w".to_owned(), both),
            ("; uses ".to_owned(), base),
            ("errors.Is".to_owned(), both),
            (".".to_owned(), base),
        ]
    );
    // Double backticks hold a single one; one space each side is trimmed.
    assert_eq!(
        pieces(&inline_spans("a `` ` `` b", base, code)),
        [
            ("a ".to_owned(), base),
            ("`".to_owned(), both),
            (" b".to_owned(), base)
        ]
    );
    // A backtick with no match stays as written, and so does the text.
    assert_eq!(
        pieces(&inline_spans("it`s fine, ``x", base, code)),
        [("it`s fine, ``x".to_owned(), base)]
    );
    assert_eq!(pieces(&inline_spans("", base, code)), []);
}

#[test]
fn inline_code_wraps_with_its_style_across_lines() {
    let code = Style::new().add_modifier(Modifier::REVERSED);
    let spans = inline_spans("用 `errors.Is` 判断", Style::new(), code);
    let lines = wrap_spans(&spans, 12);
    let texts: Vec<String> = lines.iter().map(line_text).collect();
    // "用 errors.Is" is 2 + 1 + 9 = 12 cells; "判断" goes to the next line.
    assert_eq!(texts, ["用 errors.Is", "判断"]);
    assert_eq!(lines[0].spans[1].style, code);
}

#[test]
fn names_are_cut_after_a_word_or_in_chinese_between_characters() {
    assert_eq!(cut_name("Technical depth", 15).unwrap(), "Technical depth");
    assert_eq!(cut_name("Technical depth", 14).unwrap(), "Technical…");
    assert_eq!(cut_name("Technical depth", 10).unwrap(), "Technical…");
    // Never mid-word: no `Technic…`.
    assert_eq!(cut_name("Technical depth", 9), None);
    let sda = "System design & architecture";
    assert_eq!(cut_name(sda, 15).unwrap(), "System design…");
    assert_eq!(cut_name(sda, 13).unwrap(), "System…");
    // A cut does not end on a joining sign.
    assert_eq!(
        cut_name("Operations & reliability", 13).unwrap(),
        "Operations…"
    );
    // Chinese: at a phrase, leaving off its 与, else between characters.
    assert_eq!(cut_name("影响力与领导力", 14).unwrap(), "影响力与领导力");
    assert_eq!(cut_name("影响力与领导力", 13).unwrap(), "影响力…");
    assert_eq!(cut_name("系统设计与架构", 9).unwrap(), "系统设计…");
    assert_eq!(cut_name("系统设计与架构", 8).unwrap(), "系统设…");
    assert_eq!(cut_name("技术深度", 7).unwrap(), "技术深…");
    assert_eq!(cut_name("技术深度", 3).unwrap(), "技…");
    assert_eq!(cut_name("技术深度", 2), None);
    assert_eq!(cut_name("x", 0), None);
}

#[test]
fn a_name_breaks_into_words_and_chinese_phrases() {
    assert_eq!(
        name_pieces("System design & architecture"),
        ["System", "design", "&", "architecture"]
    );
    assert_eq!(name_pieces("系统设计与架构"), ["系统设计与", "架构"]);
}

#[test]
fn a_column_fits_a_name_cut_after_a_word_and_mid_word_only_when_it_must() {
    // The Overview's gaps at 80×24 give the dimension 12 columns.
    assert_eq!(fit_name("Business impact", 12), "Business…");
    assert_eq!(fit_name("Operations & reliability", 12), "Operations…");
    assert_eq!(fit_name("Delivery & quality", 12), "Delivery…");
    assert_eq!(fit_name("稳定性与运维", 12), "稳定性与运维");
    // Only a first word longer than the column is cut inside it.
    assert_eq!(fit_name("Internationalisation", 12), "Internation…");
}

#[test]
fn an_item_wraps_onto_lines_that_hang_under_its_text() {
    let text = |lines: Vec<Line<'static>>| -> Vec<String> { lines.iter().map(line_text).collect() };
    let bullet = || vec![Span::raw("   "), Span::raw("- ")];
    // 20 cells, the lead and the hang 5: 15 for the text on every line.
    // "Was there a time" is 16, so the first line ends at "a"; "time you
    // would" is 14, "do it differently" 17.
    let spans = [Span::raw("Was there a time you would do it differently")];
    assert_eq!(
        text(wrap_hanging(bullet(), 5, &spans, 20)),
        [
            "   - Was there a",
            "     time you would",
            "     do it",
            "     differently"
        ]
    );
    // A hang deeper than the lead: 38 cells on the first line, 36 after.
    let spans = [Span::raw(
        "Technical depth: on balance the same (+0.0 on average over 2)",
    )];
    assert_eq!(
        text(wrap_hanging(vec![Span::raw("  ")], 4, &spans, 40)),
        [
            "  Technical depth: on balance the same",
            "    (+0.0 on average over 2)"
        ]
    );
    // The marker keeps its style; the text after it keeps its own.
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let lines = wrap_hanging(vec![Span::styled("1. ", bold)], 3, &[Span::raw("ab")], 10);
    assert_eq!(lines[0].spans[0].style, bold);
    assert_eq!(lines[0].spans[1].style, Style::new());
    // A lead and a hang that leave no room for a wide character are left
    // out: at 5 cells, 4 + 2 > 5.
    let spans = [Span::raw("ab cd")];
    assert_eq!(
        text(wrap_hanging(vec![Span::raw("1234")], 4, &spans, 5)),
        ["ab cd"]
    );
}
