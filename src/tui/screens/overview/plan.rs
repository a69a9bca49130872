//! Where the parts of the dashboard go, worked out from the size alone.
//!
//! Parts are given up in order of how little they say when space runs
//! short: blank rows first, then gaps beyond the first, then the trend. The
//! radar is offered only beside the levels, when there is room for a
//! readable chart; rows left under the gaps show the selected gap's advice.

use ratatui::layout::Rect;

use super::TOP_GAPS;
use crate::tui::widgets::radar::{self, Axis};

const HEADER: u16 = 2;
const TREND: u16 = 2;
/// Below this many columns (inside the margins) the radar is not offered.
const WIDE: u16 = 76;
/// Columns between the left part and the radar.
const GUTTER: u16 = 2;

/// Where the parts of the dashboard go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    pub header: Rect,
    pub levels: Rect,
    pub trend: Option<Rect>,
    /// The radar with its title row.
    pub radar: Option<Rect>,
    /// The gaps' title and as many gap rows as fit.
    pub gaps: Rect,
    /// Rows left under the gaps, for the selected gap's advice.
    pub preview: Option<Rect>,
}

/// The fewest rows worth a preview of the advice.
const PREVIEW: u16 = 4;

/// The rows of `inner` under `above`, after a blank one, when there are
/// enough for a preview.
fn below(inner: Rect, above: Rect) -> Option<Rect> {
    let y = above.bottom() + 1;
    let height = inner.bottom().checked_sub(y)?;
    (height >= PREVIEW).then(|| Rect::new(inner.x, y, inner.width, height))
}

/// The parts laid out top to bottom, each cut to what is left of `area`.
fn stack(area: Rect, heights: &[u16]) -> Vec<Rect> {
    let mut y = area.y;
    heights
        .iter()
        .map(|&h| {
            let h = h.min(area.bottom().saturating_sub(y));
            let rect = Rect::new(area.x, y, area.width, h);
            y += h;
            rect
        })
        .collect()
}

/// Where the parts go in `area` for a pack of `levels` levels, with `gaps`
/// rows under the gaps' title (the gaps and the note on unrated ones) and
/// the radar's `axes`.
pub fn plan(area: Rect, levels: usize, gaps: usize, axes: &[Axis<'_>]) -> Plan {
    let inner = Rect::new(
        area.x.saturating_add(1),
        area.y,
        area.width.saturating_sub(2),
        area.height,
    );
    // The title, a row per level, and the line on how readiness is computed.
    let levels_h = 2 + u16::try_from(levels).unwrap_or(u16::MAX - 2);
    let gaps_h = 1 + u16::try_from(gaps.clamp(1, TOP_GAPS + 1)).unwrap_or(1);
    wide_plan(inner, levels_h, gaps_h, axes).unwrap_or_else(|| narrow_plan(inner, levels_h, gaps_h))
}

/// The radar to the right of the levels and the trend, the gaps below
/// across the whole width; `None` when that does not fit.
fn wide_plan(inner: Rect, levels_h: u16, gaps_h: u16, axes: &[Axis<'_>]) -> Option<Plan> {
    if axes.len() < radar::MIN_AXES || inner.width < WIDE {
        return None;
    }
    let radar_w = (inner.width * 47 / 100).clamp(radar::min_size().0, 60);
    let left_w = inner.width - radar_w - GUTTER;
    let left_h = levels_h + 1 + TREND;
    let fixed = HEADER + 1 + 1 + gaps_h;
    let room = inner.height.checked_sub(fixed)?;
    let band = (1 + radar::preferred_height(radar_w, axes)?)
        .max(left_h)
        .min(room);
    if band < left_h || band < 1 + radar::min_size().1 {
        return None;
    }
    let top = u16::from(room > band);
    let rows = stack(inner, &[top, HEADER, 1, band, 1, gaps_h]);
    let band_rect = rows[3];
    let left = Rect {
        width: left_w,
        ..band_rect
    };
    // The trend takes the rest of the band: what moved wraps into it.
    let parts = stack(left, &[levels_h, 1, band - levels_h - 1]);
    Some(Plan {
        header: rows[1],
        levels: parts[0],
        trend: Some(parts[2]),
        radar: Some(Rect::new(
            left.right() + GUTTER,
            band_rect.y,
            radar_w,
            band_rect.height,
        )),
        gaps: rows[5],
        preview: below(inner, rows[5]),
    })
}

/// Everything in one column: header, levels, trend, gaps.
fn narrow_plan(inner: Rect, levels_h: u16, gaps_h: u16) -> Plan {
    let core = HEADER + levels_h + 2;
    let mut spare = inner.height.saturating_sub(core);
    let trend = spare >= TREND;
    if trend {
        spare -= TREND;
    }
    let more_gaps = (gaps_h - 2).min(spare);
    spare -= more_gaps;
    let blanks = spare.min(if trend { 3 } else { 2 });
    spare -= blanks;
    let top = u16::from(spare > 0);
    let blank = |k: u16| u16::from(blanks >= k);
    let rows = stack(
        inner,
        &[
            top,
            HEADER,
            blank(1),
            levels_h,
            blank(3) * u16::from(trend),
            if trend { TREND } else { 0 },
            blank(2),
            2 + more_gaps,
        ],
    );
    Plan {
        header: rows[1],
        levels: rows[3],
        trend: trend.then_some(rows[5]),
        radar: None,
        gaps: rows[7],
        preview: below(inner, rows[7]),
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn six_axes() -> Vec<Axis<'static>> {
        ["a", "b", "c", "d", "e", "f"]
            .into_iter()
            .map(|name| Axis { name, value: 0.5 })
            .collect()
    }

    #[test]
    fn at_80_by_24_the_radar_sits_beside_the_levels_and_the_trend() {
        // The body of an 80×24 window: 80×21 from row 2; 78 columns inside
        // the margins. The radar takes 47% (36 columns), the gutter 2, the
        // left part 40. Its chart is 36 − 2·11 = 14 wide and 7 tall, so it
        // wants 1 + 7 + 2 = 10 rows. Header 2, blanks 2 and gaps 1 + 5 leave
        // 21 − 10 = 11: the band is 10 rows and one is left for the top.
        // The levels take 1 + 4 + 1 rows (title, levels, the rule), a blank
        // row follows and the trend has the other 3.
        let plan = plan(Rect::new(0, 2, 80, 21), 4, 5, &six_axes());
        assert_eq!(plan.header, Rect::new(1, 3, 78, 2));
        assert_eq!(plan.levels, Rect::new(1, 6, 40, 6));
        assert_eq!(plan.trend, Some(Rect::new(1, 13, 40, 3)));
        assert_eq!(plan.radar, Some(Rect::new(43, 6, 36, 10)));
        assert_eq!(plan.gaps, Rect::new(1, 17, 78, 6));
        assert_eq!(plan.preview, None);
    }

    #[test]
    fn the_note_on_unrated_gaps_takes_the_top_row() {
        // Five gaps and the note: the gaps take 7 rows, leaving 21 − 11 = 10
        // for the band and none for the top; seven rows still count as six.
        for rows in [6, 7] {
            let plan = plan(Rect::new(0, 2, 80, 21), 4, rows, &six_axes());
            assert_eq!(plan.header, Rect::new(1, 2, 78, 2));
            assert_eq!(plan.radar, Some(Rect::new(43, 5, 36, 10)));
            assert_eq!(plan.gaps, Rect::new(1, 16, 78, 7));
        }
    }

    #[test]
    fn the_smallest_shell_drops_the_radar_and_some_gaps() {
        // 60×16 gives a 60×13 body: too narrow for the radar. Header 2,
        // levels 6 (title, 4 levels, the rule) and the gaps' title with one
        // gap make 10; the trend takes 2 of the 3 left and one more gap the
        // last.
        let plan = plan(Rect::new(0, 2, 60, 13), 4, 5, &six_axes());
        assert_eq!(plan.radar, None);
        assert_eq!(plan.header, Rect::new(1, 2, 58, 2));
        assert_eq!(plan.levels, Rect::new(1, 4, 58, 6));
        assert_eq!(plan.trend, Some(Rect::new(1, 10, 58, 2)));
        assert_eq!(plan.gaps, Rect::new(1, 12, 58, 3));
    }
}
