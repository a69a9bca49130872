use super::*;

fn close(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9
}

#[test]
fn four_axes_point_up_right_down_left() {
    // Readiness 100%, 50%, 25%, 80% on four axes: up, right, down, left.
    let corners = polygon(&[1.0, 0.5, 0.25, 0.8]);
    let expected = [(0.0, 1.0), (0.5, 0.0), (0.0, -0.25), (-0.8, 0.0)];
    for (got, want) in corners.iter().zip(expected) {
        assert!(close(*got, want), "{got:?} != {want:?}");
    }
}

#[test]
fn six_axes_are_sixty_degrees_apart_clockwise_from_the_top() {
    // Axis 1 of 6 is 30° above the horizontal on the right: (cos 30°, sin 30°).
    let half_root3 = 3f64.sqrt() / 2.0;
    assert!(close(point(1, 6, 1.0), (half_root3, 0.5)));
    // Axis 2 at 60%: 30° below the horizontal, scaled by 0.6.
    assert!(close(point(2, 6, 0.6), (0.6 * half_root3, -0.3)));
    // Axis 4 at 50%: lower left.
    assert!(close(point(4, 6, 0.5), (-0.5 * half_root3, -0.25)));
    // Axis 5 at 100%: upper left.
    assert!(close(point(5, 6, 1.0), (-half_root3, 0.5)));
}

#[test]
fn values_outside_zero_to_one_are_clamped() {
    assert!(close(point(0, 4, 1.7), (0.0, 1.0)));
    assert!(close(point(1, 4, -0.3), (0.0, 0.0)));
    assert!(close(point(1, 4, f64::NAN), (0.0, 0.0)));
}

fn axes<'a>(names: &'a [&'a str]) -> Vec<Axis<'a>> {
    names.iter().map(|name| Axis { name, value: 0.5 }).collect()
}

#[test]
fn the_chart_is_round_and_centred_with_labels_beside_it() {
    let names = ["a", "b", "c", "d", "e", "f"];
    let layout = layout(Rect::new(0, 0, 40, 14), &axes(&names)).unwrap();
    // 12 rows between the label rows; 40 − 2·11 = 18 columns, so the
    // chart is 18 wide and 9 tall, centred: x = 11, y = 1 + (12 − 9)/2 = 2.
    assert_eq!(layout.canvas, Rect::new(11, 2, 18, 9));
    let placed = placed(&layout.labels);
    // "a 50%" (5 wide) centred on the top row; "d 50%" on the row under
    // the chart. b and c on the right from column 30, e and f on the
    // left ending at column 9: rows 2 + round(0.25·8) = 4 and
    // 2 + round(0.75·8) = 8.
    assert_eq!(
        placed,
        [
            (17, 1, "a 50%"),
            (30, 4, "b 50%"),
            (30, 8, "c 50%"),
            (17, 11, "d 50%"),
            (5, 8, "e 50%"),
            (5, 4, "f 50%"),
        ]
    );
}

#[test]
fn mirrored_spokes_get_their_labels_on_the_same_row() {
    // 36×9: 7 rows between the label rows; 36 − 2·11 = 14 columns, so the
    // chart is 14 wide and 7 tall at x = 11, y = 1. The side spokes end a
    // quarter of the way from the top and the bottom of the 6 rows below
    // the chart's first: 1 + 1.5 and 1 + 4.5, both rounded up, to rows 3
    // and 6 on the left as on the right (their sines differ in the last
    // bit, which once put the left labels a row higher).
    let names = ["a", "b", "c", "d", "e", "f"];
    let layout = layout(Rect::new(0, 0, 36, 9), &axes(&names)).unwrap();
    assert_eq!(layout.canvas, Rect::new(11, 1, 14, 7));
    let placed = placed(&layout.labels);
    assert_eq!(
        placed,
        [
            (15, 0, "a 50%"),
            (26, 3, "b 50%"),
            (26, 6, "c 50%"),
            (15, 8, "d 50%"),
            (5, 6, "e 50%"),
            (5, 3, "f 50%"),
        ]
    );
}

#[test]
fn names_break_only_between_words_and_phrases() {
    assert_eq!(
        name_lines("Technical depth", "62%", 10, 2),
        Some(vec!["Technical".to_owned(), "depth 62%".to_owned()])
    );
    // A Chinese name breaks after 与, never inside 领导力 or 运维.
    assert_eq!(
        name_lines("影响力与领导力", "64%", 10, 2),
        Some(vec!["影响力与".to_owned(), "领导力 64%".to_owned()])
    );
    assert_eq!(
        name_lines("稳定性与运维", "35%", 10, 2),
        Some(vec!["稳定性与".to_owned(), "运维 35%".to_owned()])
    );
    assert_eq!(
        name_lines("技术深度", "75%", 10, 2),
        Some(vec!["技术深度".to_owned(), "75%".to_owned()])
    );
    // A word wider than the room, or more lines than allowed: no fit,
    // rather than `desig…` or `System / design / & / …`.
    assert_eq!(
        name_lines("System design & architecture", "40%", 10, 2),
        None
    );
    assert_eq!(name_lines("Business impact", "7%", 7, 2), None);
}

fn named<'a>(names: &'a [&'a str]) -> Vec<Axis<'a>> {
    names
        .iter()
        .enumerate()
        .map(|(i, name)| Axis {
            name,
            value: [0.75, 0.7, 0.35, 0.65, 0.6, 0.64][i],
        })
        .collect()
}

const EN: [&str; 6] = [
    "Technical depth",
    "System design & architecture",
    "Operations & reliability",
    "Delivery & quality",
    "Business impact",
    "Influence & leadership",
];

const ZH: [&str; 6] = [
    "技术深度",
    "系统设计与架构",
    "稳定性与运维",
    "交付与质量",
    "业务影响",
    "影响力与领导力",
];

/// Each label as (x, y, text).
fn placed(labels: &[Label]) -> Vec<(u16, u16, &str)> {
    labels.iter().map(|l| (l.x, l.y, l.text.as_str())).collect()
}

#[test]
fn at_80_by_24_chinese_names_fit_beside_the_chart_broken_after_与() {
    // 36×9 is the radar's chart at 80×24. 7 rows between the label rows;
    // the side names want 16 columns a side, which leaves 36 − 34 = 2 for
    // the chart, so it takes 36 − 2·11 = 14 columns and 7 rows at x = 11,
    // y = 1, with 10 columns a side for the names: 系统设计与 (10) / 架构
    // 70%, 稳定性与 / 运维 35%, 业务影响 / 60%, 影响力与 / 领导力 64%, at
    // rows 3–4 and 6–7, the left ones ending at column 9.
    let axes = named(&ZH);
    let layout = layout(Rect::new(0, 0, 36, 9), &axes).unwrap();
    assert_eq!(layout.canvas, Rect::new(11, 1, 14, 7));
    assert_eq!(
        placed(&layout.labels),
        [
            (12, 0, "技术深度 75%"),
            (26, 3, "系统设计与"),
            (26, 4, "架构 70%"),
            (26, 6, "稳定性与"),
            (26, 7, "运维 35%"),
            (11, 8, "交付与质量 65%"),
            (2, 6, "业务影响"),
            (7, 7, "60%"),
            (2, 3, "影响力与"),
            (0, 4, "领导力 64%"),
        ]
    );
    assert!(layout.legend.is_empty());
}

#[test]
fn names_that_do_not_fit_number_the_axes_with_a_legend_beside() {
    // 40×12: beside an 18-column chart the sides have 10 columns, and
    // `architecture` needs 12, so the spokes are numbered and the legend,
    // right of the chart, names each number whole. The chart is the widest
    // that leaves the legend its rows: at most 2·10 = 20 for the 10 rows
    // between the label rows. The legend starts 2 (numbers) + 2 (gap)
    // columns after the chart; at 20, 19, 18 and 17 it has 14, 15, 16 and
    // 17 columns and needs 16, 16, 14 and 13 rows; at 16 it has 18 columns,
    // 16 after the number, and takes two rows per axis: 12.
    let axes = named(&EN);
    let layout = layout(Rect::new(0, 0, 40, 12), &axes).unwrap();
    // 16 wide, 8 tall, centred in the 10 rows: y = 1 + 1.
    assert_eq!(layout.canvas, Rect::new(2, 2, 16, 8));
    // The side spokes end at 2 + round(0.25·7) = 4 and 2 + round(0.75·7)
    // = 7; the numbers go just outside the chart.
    assert_eq!(
        placed(&layout.labels),
        [
            (9, 1, "1"),
            (19, 4, "2"),
            (19, 7, "3"),
            (9, 10, "4"),
            (0, 7, "5"),
            (0, 4, "6"),
        ]
    );
    let legend: Vec<&str> = layout.legend.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        legend,
        [
            "1 Technical depth",
            "  75%",
            "2 System design &",
            "  architecture 70%",
            "3 Operations &",
            "  reliability 35%",
            "4 Delivery &",
            "  quality 65%",
            "5 Business impact",
            "  60%",
            "6 Influence &",
            "  leadership 64%",
        ]
    );
    assert!(layout.legend.iter().all(|l| l.x == 22));
    let rows: Vec<u16> = layout.legend.iter().map(|l| l.y).collect();
    assert_eq!(rows, (0..12).collect::<Vec<_>>());
}

#[test]
fn at_80_by_24_english_names_are_cut_at_a_word_in_a_legend_beside() {
    // 36×9, the radar's chart at 80×24. Whole names fit neither beside the
    // spokes (architecture needs 12 of 10 columns), nor in a legend beside
    // (two rows for most names, 12 > 9), nor below (6 rows leave 1 for the
    // chart). So each legend row is cut at a word. Beside the narrowest
    // chart (12) the legend has 36 − 12 − 4 − 2 = 18 columns; "1 ", a space
    // and the value's 3 leave 12 for a name, 11 before the `…`: Technical…,
    // System… (System design is 13), Operations… (not Operations &…),
    // Delivery…, Business…, Influence…. A 13-wide chart leaves 11, 10
    // before the `…`: the same words; at 14, Operations (10) no longer
    // fits. So the chart is 13 wide and 7 tall, the legend at 13 + 4 + 2
    // = 19, its values in a column.
    let axes = named(&EN);
    let layout = layout(Rect::new(0, 0, 36, 9), &axes).unwrap();
    assert_eq!(layout.canvas, Rect::new(2, 1, 13, 7));
    assert_eq!(
        placed(&layout.labels),
        [
            (8, 0, "1"),
            (16, 3, "2"),
            (16, 6, "3"),
            (8, 8, "4"),
            (0, 6, "5"),
            (0, 3, "6"),
        ]
    );
    assert_eq!(
        placed(&layout.legend),
        [
            (19, 0, "1 Technical…  75%"),
            (19, 1, "2 System…     70%"),
            (19, 2, "3 Operations… 35%"),
            (19, 3, "4 Delivery…   65%"),
            (19, 4, "5 Business…   60%"),
            (19, 5, "6 Influence…  64%"),
        ]
    );
}

/// Names with a word too long for a legend beside a chart 34 wide.
const LONG: [&str; 6] = [
    "Observability",
    "Internationalisation",
    "Accessibility",
    "Maintainability",
    "Interoperability",
    "Documentation",
];

#[test]
fn a_legend_goes_below_the_chart_when_it_fits_only_there() {
    // 34×16: beside a chart the legend has at most 34 − 12 − 4 − 2 = 16
    // columns, too few for Internationalisation (20) whole or cut at a
    // word. Below, a row each: "2 Internationalisation 50%" is 26 wide, the
    // names padded to 20 so the values line up. Its 6 rows leave 16 − 6 =
    // 10 for the chart and its label rows: 8 rows, so 16 columns, centred:
    // the block of 16 + 2·2 is at x = (34 − 20)/2 = 7, the chart at 9, 1.
    // The legend, centred under it, starts at (34 − 26)/2 = 4, row 10.
    let axes = axes(&LONG);
    let layout = layout(Rect::new(0, 0, 34, 16), &axes).unwrap();
    assert_eq!(layout.canvas, Rect::new(9, 1, 16, 8));
    assert_eq!(
        placed(&layout.labels),
        [
            (16, 0, "1"),
            (26, 3, "2"),
            (26, 6, "3"),
            (16, 9, "4"),
            (7, 6, "5"),
            (7, 3, "6"),
        ]
    );
    assert_eq!(
        placed(&layout.legend),
        [
            (4, 10, "1 Observability        50%"),
            (4, 11, "2 Internationalisation 50%"),
            (4, 12, "3 Accessibility        50%"),
            (4, 13, "4 Maintainability      50%"),
            (4, 14, "5 Interoperability     50%"),
            (4, 15, "6 Documentation        50%"),
        ]
    );
}

#[test]
fn no_chart_when_no_legend_fits() {
    // 34×8, the smallest chart: the long names fit neither beside (16
    // columns, no cut at a word) nor below (6 rows leave none).
    let axes = axes(&LONG);
    assert_eq!(layout(Rect::new(0, 0, 34, 8), &axes), None);
}

#[test]
fn no_chart_when_there_is_no_room_or_too_few_axes() {
    let six = axes(&["a", "b", "c", "d", "e", "f"]);
    let (w, h) = min_size();
    assert!(layout(Rect::new(0, 0, w, h), &six).is_some());
    assert!(layout(Rect::new(0, 0, w - 1, 40), &six).is_none());
    assert!(layout(Rect::new(0, 0, 80, h - 1), &six).is_none());
    assert!(layout(Rect::new(0, 0, 80, 40), &six[..2]).is_none());
}

#[test]
fn a_grid_line_visits_every_dot_between_its_ends() {
    assert_eq!(grid_line((0, 0), (3, 0)), [(0, 0), (1, 0), (2, 0), (3, 0)]);
    // Two across for each one down: Bresenham steps down at the 2nd and
    // the 4th dot.
    assert_eq!(
        grid_line((0, 0), (4, 2)),
        [(0, 0), (1, 1), (2, 1), (3, 2), (4, 2)]
    );
    // Backwards, up and left.
    assert_eq!(grid_line((2, 2), (0, 0)), [(2, 2), (1, 1), (0, 0)]);
}

/// The braille cells of one row of a canvas 3 cells wide (6 dots across,
/// x from 0 to 5) and one tall (4 dots, y from 0 to 3), with `shape` on it.
fn one_row(shape: &dyn Fn(&mut Context<'_>)) -> String {
    let area = Rect::new(0, 0, 3, 1);
    let mut buf = Buffer::empty(area);
    Canvas::default()
        .marker(Marker::Braille)
        .x_bounds([0.0, 5.0])
        .y_bounds([0.0, 3.0])
        .paint(|ctx| shape(ctx))
        .render(area, &mut buf);
    (0..3).map(|x| buf[(x, 0)].symbol().to_owned()).collect()
}

#[test]
fn the_second_polygon_is_dotted_so_it_shows_without_colour() {
    // Along the top row from x = 0 to 4: solid, every dot (⠉ is a cell's
    // two top dots, ⠁ its left one); dotted, the dots at 0, 2 and 4.
    let solid = one_row(&|ctx| ctx.draw(&Line::new(0.0, 3.0, 4.0, 3.0, Color::Reset)));
    assert_eq!(solid, "⠉⠉⠁");
    let dotted = one_row(&|ctx| {
        ctx.draw(&Dotted {
            from: (0.0, 3.0),
            to: (4.0, 3.0),
            color: Color::Reset,
        })
    });
    assert_eq!(dotted, "⠁⠁⠁");
    // An odd number of steps still ends on its corner: 0, 2 and 3 (a cell
    // with no dot is left blank).
    let dotted = one_row(&|ctx| {
        ctx.draw(&Dotted {
            from: (0.0, 3.0),
            to: (3.0, 3.0),
            color: Color::Reset,
        })
    });
    assert_eq!(dotted, "⠁⠉ ");
}

#[test]
fn a_compared_legend_gives_both_values_under_their_marks() {
    // 35×15, the calibration view's radar at 80×24. As at 36×9, the names
    // fit neither beside the spokes nor, with two values (8 columns),
    // beside the chart: 35 − 12 − 4 − 2 = 17 columns leave 17 − 2 − 1 − 8
    // = 6 for a name. Below, 35 leave 24: System design & architecture
    // (28) is cut after `design`, Operations & reliability (24) is whole.
    // The legend's 7 rows (a header and 6) leave 15 − 7 − 2 = 6 rows for
    // the chart: 12 wide, the block of 12 + 2·2 at x = (35 − 16)/2 = 9.
    let en = named(&EN);
    let other = [0.75, 0.5, 0.35, 0.65, 0.6, 0.5];
    let compared = layout_compared(Rect::new(0, 0, 35, 15), &en, &other).unwrap();
    assert_eq!(compared.canvas, Rect::new(11, 1, 12, 6));
    // The side spokes end at 1 + round(0.25·5) = 2 and 1 + round(0.75·5)
    // = 5.
    assert_eq!(
        placed(&compared.labels),
        [
            (16, 0, "1"),
            (24, 2, "2"),
            (24, 5, "3"),
            (16, 7, "4"),
            (9, 5, "5"),
            (9, 2, "6"),
        ]
    );
    // Each mark centred over its column of values; the names padded to
    // 24, so each row is 2 + 24 + 1 + 8 = 35, from column 0, row 8.
    let header = format!("{} ━    ┄", " ".repeat(27));
    assert_eq!(
        placed(&compared.legend),
        [
            (0, 8, header.as_str()),
            (0, 9, "1 Technical depth          75%  75%"),
            (0, 10, "2 System design…           70%  50%"),
            (0, 11, "3 Operations & reliability 35%  35%"),
            (0, 12, "4 Delivery & quality       65%  65%"),
            (0, 13, "5 Business impact          60%  60%"),
            (0, 14, "6 Influence & leadership   64%  50%"),
        ]
    );
    // Names beside the spokes give the radar's own values, as before.
    let names = ["a", "b", "c", "d", "e", "f"];
    let short = axes(&names);
    assert_eq!(
        layout_compared(Rect::new(0, 0, 40, 14), &short, &other),
        layout(Rect::new(0, 0, 40, 14), &short)
    );
}

#[test]
fn without_room_for_both_values_the_legend_gives_the_radars_own() {
    // 36×9, the Overview's radar at 80×24: two values leave a name 7
    // columns beside the chart (Technical is 9) and no rows below it, so
    // the legend is the one without a second polygon (see
    // at_80_by_24_english_names_are_cut_at_a_word_in_a_legend_beside).
    let en = named(&EN);
    let other = [0.5; 6];
    let area = Rect::new(0, 0, 36, 9);
    assert_eq!(layout_compared(area, &en, &other), layout(area, &en));
    // A second polygon with a value short is left out.
    assert_eq!(
        layout_compared(Rect::new(0, 0, 35, 15), &en, &other[..5]),
        layout(Rect::new(0, 0, 35, 15), &en)
    );
}
