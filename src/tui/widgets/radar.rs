//! A radar chart: one axis per dimension, a value in [0, 1] along each, drawn
//! with braille dots on a ratatui `Canvas`, with the axes' names around it,
//! or, when they do not fit there, numbered spokes and a legend beside or
//! below the chart. A second polygon (a mentor's view beside one's own) is
//! dotted, so the two are told apart without colour.
//!
//! The chart is drawn only when the area leaves room for a readable polygon
//! and for its names or legend; otherwise nothing is drawn at all, so a
//! small terminal never shows a smudge of dots.

use std::f64::consts::{FRAC_PI_2, TAU};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Context, Line, Painter, Shape};

use crate::core::report::percent;
use crate::tui::text::{cut_name, display_width, name_pieces, piece_separator};

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
/// The mark of the radar's own polygon, solid, for a legend.
pub const OWN_MARK: &str = "━";
/// The mark of the second polygon, dotted, for a legend.
pub const OTHER_MARK: &str = "┄";

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
    /// The axes' labels: their names and values, or only their numbers when
    /// the names do not fit beside the chart.
    pub labels: Vec<Label>,
    /// With numbered axes, the numbers' names and values beside the chart.
    pub legend: Vec<Label>,
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
///
/// The axes' names go beside their spokes when each fits, broken only where
/// a reader accepts a break (see [`name_lines`]); when one does not, the
/// spokes are numbered and a legend beside or below the chart gives each
/// number's name and value, whole if it can, else cut at a word (see
/// [`cut_name`]); when no legend fits either, there is no chart.
pub fn layout(area: Rect, axes: &[Axis<'_>]) -> Option<RadarLayout> {
    layout_with(area, axes, None)
}

/// Where a chart of `axes` and a second polygon of `other` values goes in
/// `area`: as [`layout`], except that a numbered legend gives both values
/// of each axis under a header of [`OWN_MARK`] and [`OTHER_MARK`] when it
/// has room for them, and only the radar's own where it has not. Names
/// beside the spokes give the radar's own values.
pub fn layout_compared(area: Rect, axes: &[Axis<'_>], other: &[f64]) -> Option<RadarLayout> {
    layout_with(area, axes, Some(other))
}

fn layout_with(area: Rect, axes: &[Axis<'_>], other: Option<&[f64]>) -> Option<RadarLayout> {
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
    match labels(area, canvas, axes, Naming::Names) {
        Some(labels) => Some(RadarLayout {
            canvas,
            labels,
            legend: Vec::new(),
        }),
        None => other
            .filter(|other| other.len() == axes.len())
            .and_then(|other| numbered(area, axes, &Values::compared(axes, other)))
            .or_else(|| numbered(area, axes, &Values::own(axes))),
    }
}

/// What a legend gives for each axis after its name, in a column: the
/// radar's own value, or its own and a second polygon's, under a header of
/// the marks that draw them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Values {
    /// One per axis, all as wide.
    cells: Vec<String>,
    /// The row above the values, as wide as a cell.
    header: Option<String>,
}

impl Values {
    fn own(axes: &[Axis<'_>]) -> Values {
        let cells: Vec<String> = axes.iter().map(|axis| percent_of(axis.value)).collect();
        let width = cells.iter().map(|c| display_width(c)).max().unwrap_or(0);
        Values {
            cells: cells.iter().map(|c| align_right(c, width)).collect(),
            header: None,
        }
    }

    /// `75%  60%`: each column right-aligned, two spaces between them, and
    /// each mark centred over its column.
    fn compared(axes: &[Axis<'_>], other: &[f64]) -> Values {
        let own: Vec<String> = axes.iter().map(|axis| percent_of(axis.value)).collect();
        let theirs: Vec<String> = other.iter().map(|&v| percent_of(v)).collect();
        let column = |values: &[String], mark: &str| {
            values
                .iter()
                .map(|v| display_width(v))
                .chain([display_width(mark)])
                .max()
                .unwrap_or(0)
        };
        let (a, b) = (column(&own, OWN_MARK), column(&theirs, OTHER_MARK));
        let cells = own
            .iter()
            .zip(&theirs)
            .map(|(x, y)| format!("{}  {}", align_right(x, a), align_right(y, b)))
            .collect();
        let header = format!("{}  {}", centre(OWN_MARK, a), centre(OTHER_MARK, b));
        Values {
            cells,
            header: Some(header.trim_end().to_owned()),
        }
    }

    fn width(&self) -> usize {
        self.cells
            .iter()
            .map(|c| display_width(c))
            .max()
            .unwrap_or(0)
    }
}

/// A value as a legend gives it: a whole percentage of [0, 1].
fn percent_of(value: f64) -> String {
    percent(value.clamp(0.0, 1.0))
}

/// `text` after as many spaces as make it `width` cells.
fn align_right(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(display_width(text));
    format!("{}{text}", " ".repeat(pad))
}

/// `text` in the middle of `width` cells (a cell further left when the
/// spaces do not split evenly).
fn centre(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(display_width(text));
    let left = pad / 2;
    format!("{}{text}{}", " ".repeat(left), " ".repeat(pad - left))
}

/// Columns between a numbered chart (with the numbers on its right) and a
/// legend beside it, so that a spoke's number does not read as part of the
/// legend's first column.
const LEGEND_GAP: u16 = 2;

/// Where a numbered chart's legend goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// To the right of the chart, from the top.
    Beside,
    /// Under the chart, centred.
    Below,
}

/// How a legend gives the names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// Whole: a row per axis when every name fits one, else each broken
    /// only where a reader accepts it.
    Whole,
    /// A row per axis, a name cut after its last whole word (or, in Chinese,
    /// between characters) with `…` when it does not fit.
    Cut,
}

/// The columns beside a numbered chart on each side: a gap and the widest
/// number.
fn number_room(n: usize) -> u16 {
    1 + u16::try_from(n.to_string().len()).unwrap_or(u16::MAX - 1)
}

/// The chart with numbered spokes and a legend of their names and values.
/// Whole names are tried first, beside the chart and then below it; then
/// names cut at a word, beside and then below. `None` when none fits.
fn numbered(area: Rect, axes: &[Axis<'_>], values: &Values) -> Option<RadarLayout> {
    [
        (Place::Beside, Fit::Whole),
        (Place::Below, Fit::Whole),
        (Place::Beside, Fit::Cut),
        (Place::Below, Fit::Cut),
    ]
    .into_iter()
    .find_map(|(place, fit)| numbered_as(area, axes, values, place, fit))
}

/// The numbered chart with its legend at `place`: with whole names, the
/// widest chart that leaves the legend its rows; with cut names, the
/// widest chart whose legend loses no more words than beside the narrowest
/// chart.
fn numbered_as(
    area: Rect,
    axes: &[Axis<'_>],
    values: &Values,
    place: Place,
    fit: Fit,
) -> Option<RadarLayout> {
    let at = |width| numbered_at(area, axes, values, place, fit, width);
    let widest = match place {
        Place::Beside => area
            .height
            .checked_sub(2)?
            .saturating_mul(2)
            .min(area.width),
        Place::Below => area.width,
    };
    let mut widths = (MIN_CHART_WIDTH..=widest).rev();
    match fit {
        Fit::Whole => widths.find_map(at),
        Fit::Cut => {
            let best = at(MIN_CHART_WIDTH)?;
            let words = |l: &RadarLayout| -> Vec<String> {
                l.legend.iter().map(|label| label.text.clone()).collect()
            };
            let best_words = words(&best);
            widths.find_map(|width| at(width).filter(|l| words(l) == best_words))
        }
    }
}

/// The numbered chart `width` columns wide with its legend at `place`, or
/// `None` when they do not both fit in `area`.
fn numbered_at(
    area: Rect,
    axes: &[Axis<'_>],
    values: &Values,
    place: Place,
    fit: Fit,
    width: u16,
) -> Option<RadarLayout> {
    let room = number_room(axes.len());
    let block_w = width.checked_add(2 * room)?;
    let height = width.div_ceil(2);
    let (block, legend) = match place {
        Place::Beside => {
            let legend_x = area.x.checked_add(block_w)?.checked_add(LEGEND_GAP)?;
            let legend_w = area.right().checked_sub(legend_x)?;
            let lines = legend_lines(legend_w, area.height, axes, values, fit)?;
            let rows = area.height.checked_sub(2)?;
            if height > rows {
                return None;
            }
            let block = Rect::new(area.x, area.y + (rows - height) / 2, block_w, height + 2);
            (block, place_lines(lines, legend_x, area.y))
        }
        Place::Below => {
            let lines = legend_lines(area.width, area.height, axes, values, fit)?;
            let legend_h = u16::try_from(lines.len()).ok()?;
            let rows = area.height.checked_sub(legend_h)?.checked_sub(2)?;
            if height > rows || block_w > area.width {
                return None;
            }
            let block = Rect::new(
                area.x + (area.width - block_w) / 2,
                area.y,
                block_w,
                height + 2,
            );
            let legend_w = lines.iter().map(|l| display_width(l)).max().unwrap_or(0);
            let legend_w = u16::try_from(legend_w).ok()?;
            let legend_x = area.x + (area.width - legend_w.min(area.width)) / 2;
            (block, place_lines(lines, legend_x, block.bottom()))
        }
    };
    let canvas = Rect::new(block.x + room, block.y + 1, width, height);
    let labels = labels(block, canvas, axes, Naming::Numbers)?;
    Some(RadarLayout {
        canvas,
        labels,
        legend,
    })
}

/// `lines` one under the other from (`x`, `y`).
fn place_lines(lines: Vec<String>, x: u16, y: u16) -> Vec<Label> {
    (y..)
        .zip(lines)
        .map(|(y, text)| Label { x, y, text })
        .collect()
}

/// The rows of a legend `width` columns wide and at most `height` rows:
/// "1 name value" per axis, the numbers right-aligned. When each axis has
/// a row, the values are right-aligned in a column after the names, under
/// their header if they have one; whole names that do not fit a row go on,
/// indented, under their number, broken as [`name_lines`] does (only for
/// values without a header, which could not stand over them). `None` when
/// the legend does not fit.
fn legend_lines(
    width: u16,
    height: u16,
    axes: &[Axis<'_>],
    values: &Values,
    fit: Fit,
) -> Option<Vec<String>> {
    let digits = axes.len().to_string().len();
    let indent = digits + 1;
    let width = usize::from(width);
    let value_w = values.width();
    let number = |i: usize| format!("{:>digits$} ", i + 1);
    // One row per axis: number, name, the value in its column.
    let name_room = width.checked_sub(indent + 1 + value_w);
    let names: Option<Vec<String>> = name_room.and_then(|room| {
        axes.iter()
            .map(|axis| match fit {
                Fit::Whole => (display_width(axis.name) <= room).then(|| axis.name.to_owned()),
                Fit::Cut => cut_name(axis.name, room),
            })
            .collect()
    });
    let header_rows = usize::from(values.header.is_some());
    if let Some(names) = names {
        if axes.len() + header_rows > usize::from(height) {
            return None;
        }
        let name_w = names.iter().map(|n| display_width(n)).max().unwrap_or(0);
        let header = values
            .header
            .iter()
            .map(|header| format!("{}{header}", " ".repeat(indent + name_w + 1)));
        let rows = names
            .iter()
            .zip(&values.cells)
            .enumerate()
            .map(|(i, (name, value))| {
                let pad = name_w - display_width(name) + value_w - display_width(value);
                format!("{}{name} {}{value}", number(i), " ".repeat(pad))
            });
        return Some(header.chain(rows).collect());
    }
    if fit == Fit::Cut || values.header.is_some() {
        return None;
    }
    // Whole names over more rows.
    let room = width.checked_sub(indent)?;
    let mut out = Vec::new();
    for (i, (axis, value)) in axes.iter().zip(&values.cells).enumerate() {
        let lines = name_lines(axis.name, value.trim_start(), room, usize::from(height))?;
        for (k, line) in lines.into_iter().enumerate() {
            let lead = if k == 0 {
                number(i)
            } else {
                " ".repeat(indent)
            };
            out.push(format!("{lead}{line}"));
        }
    }
    (out.len() <= usize::from(height)).then_some(out)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Top,
    Bottom,
    Left,
    Right,
}

/// What a label says of its axis.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Naming {
    /// Its name and value.
    Names,
    /// Its number, for the legend.
    Numbers,
}

/// Each axis's label beside the end of its spoke: above or below the chart
/// for axes that point (nearly) up or down, else to the left or right, on
/// the row of the spoke's end. A label that would land on a row already
/// taken on its side moves one row away, or is left out. `None` when a
/// name does not fit where it goes without a break a reader would not
/// accept.
fn labels(area: Rect, canvas: Rect, axes: &[Axis<'_>], naming: Naming) -> Option<Vec<Label>> {
    let n = axes.len();
    let left_width = canvas.x.saturating_sub(area.x + 1);
    let right_x = canvas.right() + 1;
    let right_width = area.right().saturating_sub(right_x);
    let mut taken: Vec<(Side, u16)> = Vec::new();
    let mut out = Vec::new();
    for (i, axis) in axes.iter().enumerate() {
        let (cx, cy) = point(i, n, 1.0);
        let value = percent(axis.value.clamp(0.0, 1.0));
        let text_in = |width: usize, max_lines: usize| match naming {
            Naming::Names => name_lines(axis.name, &value, width, max_lines),
            Naming::Numbers => {
                let number = (i + 1).to_string();
                (display_width(&number) <= width).then(|| vec![number])
            }
        };
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
            let text = text_in(usize::from(area.width), 1)?.pop()?;
            let w = u16::try_from(display_width(&text)).unwrap_or(area.width);
            let x = match naming {
                Naming::Names => area.x + (area.width - w.min(area.width)) / 2,
                Naming::Numbers => canvas.x + (canvas.width - w.min(canvas.width)) / 2,
            };
            out.push(Label { x, y, text });
            continue;
        }
        let (side, width) = if cx < 0.0 {
            (Side::Left, left_width)
        } else {
            (Side::Right, right_width)
        };
        let span = f64::from(canvas.height.saturating_sub(1));
        // Spokes mirrored left and right end at the same height, but their
        // sines can differ in the last bit; a hair added before rounding
        // keeps a label that lands halfway between rows from going up on
        // one side and down on the other.
        let row = canvas.y + ((1.0 - cy) / 2.0 * span + 1e-9).round() as u16;
        let lines = text_in(usize::from(width), 2)?;
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
        // A label with no free rows would leave its axis unnamed.
        let top = start?;
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
    Some(out)
}

/// `name value` in at most `max_lines` lines of `width` cells, broken only
/// between [`name_pieces`] and never cut; the value ends the last line, or takes
/// a line of its own. `None` when it does not fit so.
fn name_lines(name: &str, value: &str, width: usize, max_lines: usize) -> Option<Vec<String>> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in name_pieces(name).into_iter().chain([value.to_owned()]) {
        if display_width(&piece) > width {
            return None;
        }
        let sep = piece_separator(&line, &piece);
        if display_width(&line) + display_width(sep) + display_width(&piece) <= width {
            line.push_str(sep);
            line.push_str(&piece);
        } else {
            lines.push(std::mem::replace(&mut line, piece));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    (lines.len() <= max_lines).then_some(lines)
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
        draw(self, None, area, buf);
    }
}

/// Draws `radar` with a second polygon of `other` values (one per axis,
/// in the axes' order), dotted and in `style`: a mentor's view beside
/// one's own. Where there is a numbered legend, it gives both values when
/// it has room (see [`layout_compared`]).
pub fn render_compared(
    radar: &Radar<'_>,
    other: &[f64],
    style: Style,
    area: Rect,
    buf: &mut Buffer,
) {
    draw(radar, Some((other, style)), area, buf);
}

/// A line drawn with every other dot of the grid left out: the second
/// polygon's edges, which read as dotted next to the solid first one
/// without colour. Both ends are drawn, so the corners show.
struct Dotted {
    from: (f64, f64),
    to: (f64, f64),
    color: Color,
}

impl Shape for Dotted {
    fn draw(&self, painter: &mut Painter<'_, '_>) {
        let (Some(from), Some(to)) = (
            painter.get_point(self.from.0, self.from.1),
            painter.get_point(self.to.0, self.to.1),
        ) else {
            return;
        };
        let dots = grid_line(from, to);
        let last = dots.len().saturating_sub(1);
        for (k, (x, y)) in dots.into_iter().enumerate() {
            if k % 2 == 0 || k == last {
                painter.paint(x, y, self.color);
            }
        }
    }
}

/// The dots of the grid on the line from `from` to `to`, in order, both
/// ends included (Bresenham).
fn grid_line(from: (usize, usize), to: (usize, usize)) -> Vec<(usize, usize)> {
    let signed = |v: usize| i64::try_from(v).unwrap_or(i64::MAX);
    let (mut x, mut y) = (signed(from.0), signed(from.1));
    let (x2, y2) = (signed(to.0), signed(to.1));
    let (dx, dy) = ((x2 - x).abs(), -(y2 - y).abs());
    let (sx, sy) = ((x2 - x).signum(), (y2 - y).signum());
    let mut err = dx + dy;
    let mut out = Vec::new();
    loop {
        if let (Ok(px), Ok(py)) = (usize::try_from(x), usize::try_from(y)) {
            out.push((px, py));
        }
        if x == x2 && y == y2 {
            return out;
        }
        let twice = 2 * err;
        if twice >= dy {
            err += dy;
            x += sx;
        }
        if twice <= dx {
            err += dx;
            y += sy;
        }
    }
}

fn draw(radar: &Radar<'_>, other: Option<(&[f64], Style)>, area: Rect, buf: &mut Buffer) {
    let this = radar;
    let area = area.intersection(buf.area);
    let n = this.axes.len();
    let second = other.filter(|(v, _)| v.len() == n);
    let Some(layout) = layout_with(area, this.axes, second.map(|(v, _)| v)) else {
        return;
    };
    let values: Vec<f64> = this.axes.iter().map(|a| a.value).collect();
    let corners = polygon(&values);
    let second = second.map(|(v, style)| (polygon(v), style));
    let styles = this.styles;
    // One layer: braille dots of the rings and the polygons merge in a
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
            ring(ctx, n, this.threshold, color(styles.threshold));
            if let Some((points, style)) = &second {
                for (i, &from) in points.iter().enumerate() {
                    ctx.draw(&Dotted {
                        from,
                        to: points[(i + 1) % n],
                        color: color(*style),
                    });
                }
            }
            for (i, &(x1, y1)) in corners.iter().enumerate() {
                let (x2, y2) = corners[(i + 1) % n];
                ctx.draw(&Line::new(x1, y1, x2, y2, color(styles.value)));
            }
        })
        .render(layout.canvas, buf);
    for label in layout.labels.into_iter().chain(layout.legend) {
        if label.x < area.right() && label.y < area.bottom() {
            let room = usize::from(area.right() - label.x);
            buf.set_stringn(label.x, label.y, &label.text, room, styles.label);
        }
    }
}

#[cfg(test)]
mod tests;
