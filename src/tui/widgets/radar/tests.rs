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
fn long_names_are_cut_or_split_to_fit_beside_the_chart() {
    assert_eq!(
        two_lines("Technical depth", "62%", 10),
        ["Technical", "depth 62%"]
    );
    assert_eq!(
        two_lines("System design & architecture", "40%", 10),
        ["System", "desig… 40%"]
    );
    assert_eq!(
        two_lines("技术深度与广度", "62%", 8),
        ["技术深度", "与… 62%"]
    );
    assert_eq!(one_line("Business impact", "7%", 9), "Busin… 7%");
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
