//! The real binary in a pseudo-terminal: the screens a person sees after
//! each key, a clean exit, and the terminal given back as it was.
#![cfg(unix)]
// Helpers outside the test functions unwrap too: a failure is a failed test.
#![allow(clippy::unwrap_used)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, SlavePty, native_pty_system};
use tempfile::TempDir;

/// How long to wait for the screen to show something before giving up. Only
/// a guard against hanging forever: nothing here measures time.
const PATIENCE: Duration = Duration::from_secs(20);

const ROWS: NonZeroU16 = NonZeroU16::new(24).unwrap();
const COLS: NonZeroU16 = NonZeroU16::new(80).unwrap();

struct App {
    screen: Arc<Mutex<vt100::Parser>>,
    keys: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    // Held open so the terminal outlives the app and can be checked after.
    _master: Box<dyn MasterPty + Send>,
    _slave: Box<dyn SlavePty + Send>,
    _data: TempDir,
}

impl App {
    fn start(lang: &str) -> App {
        let data = TempDir::new().unwrap();
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS.get(),
                cols: COLS.get(),
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_ladder"));
        command.cwd(data.path());
        command.env("LADDER_DATA_DIR", data.path());
        command.env("LADDER_LANG", lang);
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(command).unwrap();

        let screen = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let mut output = pair.master.try_clone_reader().unwrap();
        let feed = Arc::clone(&screen);
        thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = output.read(&mut buf) {
                feed.lock().unwrap().process(&buf[..n]);
            }
        });
        let keys = pair.master.take_writer().unwrap();
        App {
            screen,
            keys,
            child,
            _master: pair.master,
            _slave: pair.slave,
            _data: data,
        }
    }

    fn press(&mut self, keys: &str) {
        self.keys.write_all(keys.as_bytes()).unwrap();
        self.keys.flush().unwrap();
    }

    /// Waits until the screen satisfies `test`; fails showing the screen.
    fn wait_for(&self, what: &str, test: impl Fn(&vt100::Screen) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            {
                let parser = self.screen.lock().unwrap();
                let screen = parser.screen();
                if test(screen) {
                    return screen.contents();
                }
                if Instant::now() > deadline {
                    panic!(
                        "waited for {what}; the screen shows:\n{}",
                        screen.contents()
                    );
                }
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(&format!("`{text}`"), |screen| {
            screen.contents().contains(text)
        })
    }

    fn row(&self, n: u16) -> String {
        row(self.screen.lock().unwrap().screen(), n)
    }

    fn exit_code(&mut self) -> u32 {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            assert!(Instant::now() < deadline, "the app did not exit");
            thread::sleep(Duration::from_millis(20));
        }
    }
}

fn row(screen: &vt100::Screen, row: u16) -> String {
    screen
        .rows(0, COLS.get())
        .nth(usize::from(row))
        .unwrap_or_default()
}

#[test]
fn tab_help_esc_and_q_in_a_real_terminal() {
    let mut app = App::start("en");
    let shown = app.wait_for("the tab bar", |screen| {
        screen.alternate_screen() && row(screen, 0).contains("Library")
    });
    assert!(shown.contains(" ladder   Overview   Assess   Drill   Checklists   Library"));
    assert!(shown.contains("Nothing is rated yet"));
    assert!(shown.contains("q quit   ? keys   Tab next screen"));

    app.press("\t");
    let shown = app.wait_for_text("Here you will rate yourself");
    assert!(!shown.contains("Nothing is rated yet"));
    // The heavy line sits under " Assess ", columns 20 to 27. Rows are
    // drawn top to bottom, so with the text below in place, so is the rule.
    let rule: String = app.row(1).chars().skip(19).take(10).collect();
    assert_eq!(rule, "─━━━━━━━━─");

    app.press("?");
    let shown = app.wait_for_text("This screen · Assess");
    assert!(shown.contains("q / Ctrl-C   quit"));
    assert!(shown.contains("Esc close this window"));

    app.press("\x1b");
    let shown = app.wait_for("the help window to close", |screen| {
        !screen.contents().contains("This screen")
    });
    assert!(shown.contains("Here you will rate yourself"));

    app.press("q");
    assert_eq!(app.exit_code(), 0);
    app.wait_for("the normal screen back", |screen| {
        !screen.alternate_screen()
    });
    let parser = app.screen.lock().unwrap();
    let screen = parser.screen();
    assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    assert!(!screen.hide_cursor(), "the cursor is shown again");
    drop(parser);

    // Out of raw mode the terminal echoes what is typed, as a shell expects.
    app.press("typed after exit");
    app.wait_for_text("typed after exit");
}

#[test]
fn ctrl_c_quits_and_chinese_is_spoken_when_asked_for() {
    let mut app = App::start("zh");
    let shown = app.wait_for("the tab bar", |screen| row(screen, 0).contains("资料库"));
    assert!(shown.contains("总览"));
    assert!(shown.contains("q 退出"));
    app.press("\x03");
    assert_eq!(app.exit_code(), 0);
    app.wait_for("the normal screen back", |screen| {
        !screen.alternate_screen()
    });
}

#[test]
fn without_a_terminal_it_says_so_in_one_line_and_points_to_the_report() {
    let data = TempDir::new().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_ladder"))
        .env("LADDER_DATA_DIR", data.path())
        .env("LADDER_LANG", "en")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("interactive terminal"), "{stderr}");
    assert!(stderr.contains("`ladder report`"), "{stderr}");
}
