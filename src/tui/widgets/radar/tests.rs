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
    let placed: Vec<(u16, u16, &str)> = layout
        .labels
        .iter()
        .map(|l| (l.x, l.y, l.text.as_str()))
        .collect();
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
    let placed: Vec<(u16, u16, &str)> = layout
        .labels
        .iter()
        .map(|l| (l.x, l.y, l.text.as_str()))
        .collect();
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
    assert_eq!(
        pieces("System design & architecture"),
        ["System", "design", "&", "architecture"]
    );
    assert_eq!(pieces("系统设计与架构"), ["系统设计与", "架构"]);
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

#[test]
fn names_that_do_not_fit_number_the_axes_with_a_legend_beside() {
    // 40×12: beside an 18-column chart the sides have 10 columns, and
    // `architecture` needs 12, so the spokes are numbered and the legend,
    // right of the chart, names each number whole. The chart is the widest
    // that leaves the legend its rows: at most 2·10 = 20 for the 10 rows
    // between the label rows; at 20, 19 and 18 the legend (16, 17, 18
    // columns) needs more than 12 rows; at 17 it has 40 − (17 + 2·2) − 1 =
    // 18 columns, 16 after the number, and takes two rows per axis.
    let axes = named(&EN);
    let layout = layout(Rect::new(0, 0, 40, 12), &axes).unwrap();
    assert_eq!(layout.canvas.width, 17);
    assert_eq!(layout.labels.len(), 6);
    assert!(
        layout
            .labels
            .iter()
            .all(|l| l.text.parse::<usize>().is_ok()),
        "{layout:?}"
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
    // The legend starts right of the chart and its numbers.
    let right = layout.canvas.right() + NUMBER_ROOM;
    assert!(layout.legend.iter().all(|l| l.x > right), "{layout:?}");
    assert!(layout.labels.iter().all(|l| l.x < layout.legend[0].x));
}

#[test]
fn a_legend_that_does_not_fit_leaves_no_chart() {
    // 36×9 (the radar at 80×24): English names fit neither beside the
    // chart nor in a legend of 9 rows beside the smallest chart.
    let axes = named(&EN);
    assert_eq!(layout(Rect::new(0, 0, 36, 9), &axes), None);
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
