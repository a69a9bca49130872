//! A radar chart: one axis per dimension, a value in [0, 1] along each, drawn
//! with braille dots on a ratatui `Canvas`, with the axes' names around it.
//!
//! The chart is drawn only when the area leaves room for a readable polygon
//! and for labels beside it; otherwise nothing is drawn at all, so a small
//! terminal never shows a smudge of dots.

use std::f64::consts::{FRAC_PI_2, TAU};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Context, Line};

use crate::core::report::percent;
use crate::tui::text::{display_width, truncate, wrap};

/// Fewer axes than this make no polygon.
pub const MIN_AXES: usize = 3;
/// The columns kept for labels on each side of the chart, at least.
const SIDE: u16 = 10;
/// The most columns given to labels on each side when the chart can spare them.
const WIDE_SIDE: u16 = 16;
/// Axes whose end is at least this far left or right get their label
/// beside the chart; the others go above or below it.
const SIDEWAYS: f64 = 0.3;
/// The narrowest chart, in columns, still worth drawing.
const MIN_CHART_WIDTH: u16 = 12;
/// Canvas bounds a little past the unit circle, so the outer ring is not cut.
const BOUND: f64 = 1.05;

/// One axis: its name and its value (clamped to [0, 1] when drawn).
#[derive(Debug, Clone, PartialEq)]
pub struct Axis<'a> {
    pub name: &'a str,
    pub value: f64,
}

/// How the parts of the chart look.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RadarStyles {
    /// Spokes and the outer (100%) ring.
    pub grid: Style,
    /// The ring at the threshold.
    pub threshold: Style,
    /// The polygon of the values.
    pub value: Style,
    /// The axes' names and values.
    pub label: Style,
}

/// A radar chart of `axes`, with a ring at `threshold`.
#[derive(Debug, Clone, PartialEq)]
pub struct Radar<'a> {
    pub axes: &'a [Axis<'a>],
    pub threshold: f64,
    pub styles: RadarStyles,
}

/// The point of axis `i` of `n` at `value`, in the unit circle: the first
/// axis points straight up and the others follow clockwise. The value is
/// clamped to [0, 1]; one that is not a number counts as 0.
pub fn point(i: usize, n: usize, value: f64) -> (f64, f64) {
    let r = if value.is_nan() {
        0.0
    } else {
        value.clamp(0.0, 1.0)
    };
    let n = n.max(1) as f64;
    let angle = FRAC_PI_2 - TAU * i as f64 / n;
    (r * angle.cos(), r * angle.sin())
}

/// The corners of the polygon of `values`, one per axis, in axis order.
pub fn polygon(values: &[f64]) -> Vec<(f64, f64)> {
    values
        .iter()
        .enumerate()
        .map(|(i, &v)| point(i, values.len(), v))
        .collect()
}

/// A label's place: its first cell and its text, already cut to fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub x: u16,
    pub y: u16,
    pub text: String,
}

/// Where the chart and its labels go in an area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RadarLayout {
    /// The canvas of the polygon.
    pub canvas: Rect,
    pub labels: Vec<Label>,
}

/// The columns kept for labels on each side: enough for the longest side
/// label on one line, from [`SIDE`] up to [`WIDE_SIDE`] (a longer one takes
/// two lines).
fn side_room(axes: &[Axis<'_>]) -> u16 {
    let n = axes.len();
    let longest = axes
        .iter()
        .enumerate()
        .filter(|(i, _)| point(*i, n, 1.0).0.abs() >= SIDEWAYS)
        .map(|(_, axis)| display_width(axis.name) + 4)
        .max()
        .unwrap_or(0);
    u16::try_from(longest)
        .unwrap_or(u16::MAX)
        .clamp(SIDE, WIDE_SIDE)
}

/// The chart's width in `width` columns: as wide as the labels leave, but
/// never so wide that they are cut when a narrower chart would spare them.
fn chart_width(width: u16, axes: &[Axis<'_>]) -> Option<u16> {
    let roomy = width.checked_sub(2 * (side_room(axes) + 1));
    match roomy {
        Some(chart) if chart >= MIN_CHART_WIDTH => Some(chart),
        _ => width
            .checked_sub(2 * (SIDE + 1))
            .filter(|chart| *chart >= MIN_CHART_WIDTH),
    }
}

/// The rows a chart of `axes` `width` columns wide wants to be round (a
/// terminal cell is about twice as tall as it is wide), with a row for
/// labels above and below; `None` when `width` is too narrow for a chart.
pub fn preferred_height(width: u16, axes: &[Axis<'_>]) -> Option<u16> {
    chart_width(width, axes).map(|chart| chart.div_ceil(2) + 2)
}

/// The smallest area a chart is drawn in.
pub fn min_size() -> (u16, u16) {
    let width = MIN_CHART_WIDTH + 2 * (SIDE + 1);
    (width, MIN_CHART_WIDTH / 2 + 2)
}

/// Where the chart goes in `area`, or `None` when it would not be readable.
pub fn layout(area: Rect, axes: &[Axis<'_>]) -> Option<RadarLayout> {
    let (min_width, min_height) = min_size();
    if axes.len() < MIN_AXES || area.width < min_width || area.height < min_height {
        return None;
    }
    let rows = area.height - 2;
    let width = (2 * rows).min(chart_width(area.width, axes)?);
    let height = rows.min(width.div_ceil(2));
    let canvas = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + 1 + (rows - height) / 2,
        width,
        height,
    );
    Some(RadarLayout {
        canvas,
        labels: labels(area, canvas, axes),
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Top,
    Bottom,
    Left,
    Right,
}

/// Each axis's name and value beside the end of its spoke: above or below
/// the chart for axes that point (nearly) up or down, else to the left or
/// right, on the row of the spoke's end. A label that would land on a row
/// already taken on its side moves one row away, or is left out.
fn labels(area: Rect, canvas: Rect, axes: &[Axis<'_>]) -> Vec<Label> {
    let n = axes.len();
    let left_width = canvas.x.saturating_sub(area.x + 1);
    let right_x = canvas.right() + 1;
    let right_width = area.right().saturating_sub(right_x);
    let mut taken: Vec<(Side, u16)> = Vec::new();
    let mut out = Vec::new();
    for (i, axis) in axes.iter().enumerate() {
        let (cx, cy) = point(i, n, 1.0);
        let value = percent(axis.value.clamp(0.0, 1.0));
        if cx.abs() < SIDEWAYS {
            let (side, y) = if cy > 0.0 {
                (Side::Top, canvas.y - 1)
            } else {
                (Side::Bottom, canvas.bottom())
            };
            if taken.contains(&(side, y)) {
                continue;
            }
            taken.push((side, y));
            let text = one_line(axis.name, &value, usize::from(area.width));
            let w = u16::try_from(display_width(&text)).unwrap_or(area.width);
            let x = area.x + (area.width - w.min(area.width)) / 2;
            out.push(Label { x, y, text });
            continue;
        }
        let (side, width) = if cx < 0.0 {
            (Side::Left, left_width)
        } else {
            (Side::Right, right_width)
        };
        let span = f64::from(canvas.height.saturating_sub(1));
        let row = canvas.y + ((1.0 - cy) / 2.0 * span).round() as u16;
        let lines = two_lines(axis.name, &value, usize::from(width));
        let height = u16::try_from(lines.len()).unwrap_or(1);
        // The rows the label would take, first as placed, then moved
        // outwards by one, then inwards by one.
        let outwards: i32 = if cy > 0.0 { -1 } else { 1 };
        let start = [0, outwards, -outwards]
            .into_iter()
            .filter_map(|shift| {
                let top = i32::from(row) + shift;
                let top = u16::try_from(top).ok()?;
                let fits = top >= canvas.y && top + height <= canvas.bottom();
                let free = (top..top + height).all(|y| !taken.contains(&(side, y)));
                (fits && free).then_some(top)
            })
            .next();
        let Some(top) = start else { continue };
        for (k, text) in lines.into_iter().enumerate() {
            let y = top + u16::try_from(k).unwrap_or(0);
            taken.push((side, y));
            let w = u16::try_from(display_width(&text)).unwrap_or(width);
            let x = match side {
                Side::Left => canvas.x.saturating_sub(1 + w),
                _ => right_x,
            };
            out.push(Label { x, y, text });
        }
    }
    out
}

/// `name value` on one line of `width` cells, the name cut first.
fn one_line(name: &str, value: &str, width: usize) -> String {
    let whole = format!("{name} {value}");
    if display_width(&whole) <= width {
        return whole;
    }
    let room = width.saturating_sub(display_width(value) + 1);
    if room >= 2 {
        format!("{} {value}", truncate(name, room))
    } else {
        truncate(name, width)
    }
}

/// `name value` in at most two lines of `width` cells: the name's first
/// line, then the rest of it cut to leave room for the value.
fn two_lines(name: &str, value: &str, width: usize) -> Vec<String> {
    let whole = format!("{name} {value}");
    if display_width(&whole) <= width {
        return vec![whole];
    }
    let first_pass = wrap(name, width);
    let Some(first) = first_pass.first().cloned() else {
        return Vec::new();
    };
    let rest = name[name
        .find(first.trim())
        .map_or(0, |at| at + first.trim().len())..]
        .trim();
    let second = if rest.is_empty() {
        value.to_owned()
    } else {
        one_line(rest, value, width)
    };
    vec![first, second]
}

fn color(style: Style) -> Color {
    style.fg.unwrap_or(Color::Reset)
}

fn ring(ctx: &mut Context<'_>, n: usize, radius: f64, color: Color) {
    for i in 0..n {
        let (x1, y1) = point(i, n, radius);
        let (x2, y2) = point((i + 1) % n, n, radius);
        ctx.draw(&Line::new(x1, y1, x2, y2, color));
    }
}

impl Widget for &Radar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let Some(layout) = layout(area, self.axes) else {
            return;
        };
        let n = self.axes.len();
        let values: Vec<f64> = self.axes.iter().map(|a| a.value).collect();
        let corners = polygon(&values);
        let styles = self.styles;
        // One layer: braille dots of the rings and the polygon merge in a
        // cell instead of the later shape wiping out the earlier one.
        Canvas::default()
            .marker(Marker::Braille)
            .x_bounds([-BOUND, BOUND])
            .y_bounds([-BOUND, BOUND])
            .paint(|ctx| {
                for i in 0..n {
                    let (x, y) = point(i, n, 1.0);
                    ctx.draw(&Line::new(0.0, 0.0, x, y, color(styles.grid)));
                }
                ring(ctx, n, 1.0, color(styles.grid));
                ring(ctx, n, self.threshold, color(styles.threshold));
                for (i, &(x1, y1)) in corners.iter().enumerate() {
                    let (x2, y2) = corners[(i + 1) % n];
                    ctx.draw(&Line::new(x1, y1, x2, y2, color(styles.value)));
                }
            })
            .render(layout.canvas, buf);
        for label in layout.labels {
            if label.x < area.right() && label.y < area.bottom() {
                let room = usize::from(area.right() - label.x);
                buf.set_stringn(label.x, label.y, &label.text, room, styles.label);
            }
        }
    }
}

#[cfg(test)]
mod tests;
