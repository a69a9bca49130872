//! The Overview in small windows: the welcome scrolls and says when there
//! is more below; snapshots at 60×18 and 80×24 in both languages.

use super::*;

/// The welcome's rows of text, without the shell's tab bar and footer.
fn body(data: Data, lang: Lang, w: u16, h: u16, actions: &[Action]) -> Vec<String> {
    let screen = draw(data, lang, w, h, actions);
    let buffer = screen.buffer();
    (2..h - 1)
        .map(|y| {
            // A wide character covers two cells; the second is not text.
            let mut line = String::new();
            let mut skip = false;
            for x in 0..w {
                let symbol = buffer[(x, y)].symbol();
                if !std::mem::take(&mut skip) {
                    line.push_str(symbol);
                    skip = crate::tui::text::display_width(symbol) == 2;
                }
            }
            line.trim_end().to_owned()
        })
        .collect()
}

#[test]
fn snapshots_of_the_welcome_in_small_windows() {
    for lang in Lang::ALL {
        for (w, h) in [(60, 18), (80, 24)] {
            let name = format!("welcome_small_{lang}_{w}x{h}");
            insta::assert_snapshot!(name, draw(empty_data(), lang, w, h, &[]));
        }
        let name = format!("welcome_scrolled_{lang}_60x18");
        insta::assert_snapshot!(name, draw(empty_data(), lang, 60, 18, &[Action::End]));
    }
}

#[test]
fn the_welcome_at_60_by_18_says_there_is_more_and_scrolls_to_it() {
    for lang in Lang::ALL {
        let more = Msg::HelpMoreBelow.text(lang);
        let top = body(empty_data(), lang, 60, 18, &[]);
        assert!(top.last().unwrap().ends_with(more), "{top:#?}");
        // The last sentence is below at first, and shows after scrolling
        // to the end, where nothing is below any more.
        let last_words = lang.pick("进步趋势。", "how you progress.");
        assert!(!top.iter().any(|l| l.ends_with(last_words)), "{top:#?}");
        let end = body(empty_data(), lang, 60, 18, &[Action::End]);
        assert!(end.iter().any(|l| l.ends_with(last_words)), "{end:#?}");
        assert!(!end.iter().any(|l| l.ends_with(more)), "{end:#?}");
    }
}

#[test]
fn down_scrolls_the_welcome_one_line_and_stops_at_the_end() {
    let mut data = empty_data();
    let mut screen = Overview::default();
    // 60×18: a body of 15 rows; inside the margin 14, 13 for text and the
    // mark. Measured from the same function the screen draws with.
    let body = Rect::new(0, 2, 60, 15);
    let last = welcome::last_scroll(body, Lang::En, &data);
    assert!(last > 0);
    let ctx = Ctx {
        lang: Lang::En,
        body,
    };
    assert_eq!(screen.update(Action::Down, &ctx, &mut data), Some(vec![]));
    assert_eq!(screen.welcome_scroll, 1);
    screen.update(Action::Up, &ctx, &mut data);
    screen.update(Action::Up, &ctx, &mut data);
    assert_eq!(screen.welcome_scroll, 0);
    for _ in 0..last + 5 {
        screen.update(Action::Down, &ctx, &mut data);
    }
    assert_eq!(screen.welcome_scroll, last);
    screen.update(Action::Home, &ctx, &mut data);
    assert_eq!(screen.welcome_scroll, 0);
    screen.update(Action::PageDown, &ctx, &mut data);
    assert_eq!(screen.welcome_scroll, 13.min(last));
}

#[test]
fn a_welcome_that_fits_does_not_scroll() {
    let mut data = empty_data();
    let mut screen = Overview::default();
    let ctx = ctx(78, 37);
    assert_eq!(welcome::last_scroll(ctx.body, Lang::En, &data), 0);
    screen.update(Action::Down, &ctx, &mut data);
    assert_eq!(screen.welcome_scroll, 0);
    let whole = body(empty_data(), Lang::En, 120, 40, &[]);
    assert!(
        !whole.iter().any(|l| l.contains("more below")),
        "{whole:#?}"
    );
}

#[test]
fn snapshots_of_the_demo_profile_at_60_by_18() {
    for lang in Lang::ALL {
        let name = format!("demo_{lang}_60x18");
        insta::assert_snapshot!(name, draw(demo_data(), lang, 60, 18, &[]));
    }
}
