//! The real binary in a pseudo-terminal, read through a terminal emulator:
//! start it, type keys, wait for what the screen shows, wait for its end.
// Helpers unwrap too: a failure is a failed test.
#![allow(clippy::unwrap_used)]

use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{
    Child, CommandBuilder, ExitStatus, MasterPty, PtySize, SlavePty, native_pty_system,
};

/// How long to wait for the screen to show something, or for the app to
/// exit, before giving up. Only a guard against hanging forever: nothing
/// here measures time.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// How long the screen must stay the same to count as drawn.
const SETTLED: Duration = Duration::from_millis(150);

/// How often the screen and the app are looked at while waiting.
const POLL: Duration = Duration::from_millis(20);

/// Rewrites what is typed before the terminal sends it.
type Rewrite = Box<dyn FnMut(&str) -> String + Send>;

/// How to start the app: `Options::default()` is `ladder` with no arguments
/// in an 80×24 terminal, in this process's working directory.
pub struct Options {
    args: Vec<OsString>,
    cwd: Option<PathBuf>,
    /// Variables set (`Some`) or removed (`None`), in this order.
    env: Vec<(OsString, Option<OsString>)>,
    cols: u16,
    rows: u16,
    answer_cursor: bool,
    rewrite: Option<Rewrite>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            args: Vec::new(),
            cwd: None,
            env: Vec::new(),
            cols: 80,
            rows: 24,
            answer_cursor: false,
            rewrite: None,
        }
    }
}

impl Options {
    /// Command-line arguments, after those given before.
    pub fn args<S: AsRef<OsStr>>(mut self, args: impl IntoIterator<Item = S>) -> Options {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    /// The working directory.
    pub fn cwd(mut self, dir: impl Into<PathBuf>) -> Options {
        self.cwd = Some(dir.into());
        self
    }

    /// Sets an environment variable.
    pub fn env(mut self, name: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Options {
        self.env
            .push((name.as_ref().to_owned(), Some(value.as_ref().to_owned())));
        self
    }

    /// Removes an environment variable the app would inherit.
    pub fn env_remove(mut self, name: impl AsRef<OsStr>) -> Options {
        self.env.push((name.as_ref().to_owned(), None));
        self
    }

    /// The terminal's size at the start.
    pub fn size(mut self, cols: u16, rows: u16) -> Options {
        self.cols = cols;
        self.rows = rows;
        self
    }

    /// Answers the app's "where is the cursor?" (`ESC [ 6 n`), as a real
    /// terminal does (ratatui asks when it clears the screen after an
    /// external editor).
    pub fn answer_cursor_queries(mut self) -> Options {
        self.answer_cursor = true;
        self
    }

    /// Passes everything sent to the app (keys, and answers to its queries)
    /// through `rewrite`, one write at a time, in the order they are sent.
    pub fn rewrite_keys(mut self, rewrite: impl FnMut(&str) -> String + Send + 'static) -> Options {
        self.rewrite = Some(Box::new(rewrite));
        self
    }
}

/// The terminal's input side.
struct Keys {
    writer: Box<dyn Write + Send>,
    rewrite: Option<Rewrite>,
}

impl Keys {
    fn send(&mut self, keys: &str) {
        let rewritten;
        let keys = match &mut self.rewrite {
            Some(rewrite) => {
                rewritten = rewrite(keys);
                &rewritten
            }
            None => keys,
        };
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }
}

/// `ladder` running in a pseudo-terminal.
pub struct Pty {
    screen: Arc<Mutex<vt100::Parser>>,
    /// Bytes the app has written to the terminal so far.
    drawn: Arc<AtomicU64>,
    keys: Arc<Mutex<Keys>>,
    child: Box<dyn Child + Send + Sync>,
    // Held open so the terminal outlives the app and can be checked after.
    master: Box<dyn MasterPty + Send>,
    _slave: Box<dyn SlavePty + Send>,
}

impl Pty {
    /// Starts the app. Its environment is this process's with `TERM` set to
    /// `xterm-256color`, no `LC_ALL` or `LC_MESSAGES` (the caller's locale
    /// must not choose the language) and no config file of the caller's
    /// (one that rebinds keys would break the tests), then the changes
    /// `options` makes.
    pub fn spawn(options: Options) -> Pty {
        let Options {
            args,
            cwd,
            env,
            cols,
            rows,
            answer_cursor,
            rewrite,
        } = options;
        let pair = native_pty_system().openpty(pty_size(cols, rows)).unwrap();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_ladder"));
        command.args(args);
        if let Some(dir) = cwd {
            command.cwd(dir);
        }
        command.env("TERM", "xterm-256color");
        command.env_remove("LC_ALL");
        command.env_remove("LC_MESSAGES");
        command.env("LADDER_CONFIG", "");
        command.env("XDG_CONFIG_HOME", "/nonexistent-ladder-test-config");
        for (name, value) in env {
            match value {
                Some(value) => command.env(name, value),
                None => command.env_remove(name),
            }
        }
        let child = pair.slave.spawn_command(command).unwrap();

        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            non_zero(rows),
            non_zero(cols),
            0,
        )));
        let drawn = Arc::new(AtomicU64::new(0));
        let keys = Arc::new(Mutex::new(Keys {
            writer: pair.master.take_writer().unwrap(),
            rewrite,
        }));
        let mut output = pair.master.try_clone_reader().unwrap();
        let (feed, count, answer) = (Arc::clone(&screen), Arc::clone(&drawn), Arc::clone(&keys));
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // The end of the output so far, where a query may have begun.
            let mut tail: Vec<u8> = Vec::new();
            while let Ok(n @ 1..) = output.read(&mut buf) {
                let mut parser = feed.lock().unwrap();
                parser.process(&buf[..n]);
                count.fetch_add(n as u64, Ordering::SeqCst);
                if !answer_cursor {
                    continue;
                }
                tail.extend_from_slice(&buf[..n]);
                let asked = tail.windows(4).filter(|w| *w == b"\x1b[6n").count();
                tail.drain(..tail.len().saturating_sub(3));
                for _ in 0..asked {
                    let (row, col) = parser.screen().cursor_position();
                    answer
                        .lock()
                        .unwrap()
                        .send(&format!("\x1b[{};{}R", row + 1, col + 1));
                }
            }
        });
        Pty {
            screen,
            drawn,
            keys,
            child,
            master: pair.master,
            _slave: pair.slave,
        }
    }

    /// Types `keys`, in one write.
    pub fn press(&self, keys: &str) {
        self.keys.lock().unwrap().send(keys);
    }

    /// The text on the screen now.
    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Row `n` of the screen now, from the top (0).
    pub fn row(&self, n: u16) -> String {
        row(self.screen.lock().unwrap().screen(), n)
    }

    /// Looks at the screen as it is now.
    pub fn with_screen<T>(&self, look: impl FnOnce(&vt100::Screen) -> T) -> T {
        look(self.screen.lock().unwrap().screen())
    }

    /// How many bytes the app has written to the terminal so far.
    pub fn drawn(&self) -> u64 {
        self.drawn.load(Ordering::SeqCst)
    }

    /// Waits until the screen shows `text` and has stopped changing; fails
    /// showing the screen.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("`{text}`"), |screen| {
            screen.contents().contains(text)
        })
    }

    /// Waits until the screen satisfies `test` and has stopped changing (a
    /// frame arrives in pieces, top rows first, so a match on one row does
    /// not mean the rows below it are drawn yet), and gives its text; fails
    /// showing the screen, saying it waited for `what`.
    pub fn wait_until(&self, what: &str, test: impl Fn(&vt100::Screen) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        let mut last: Option<(String, Instant)> = None;
        loop {
            let (passed, now) = self.with_screen(|screen| (test(screen), screen.contents()));
            if passed {
                match &last {
                    Some((seen, since)) if *seen == now && since.elapsed() >= SETTLED => {
                        return now;
                    }
                    Some((seen, _)) if *seen == now => {}
                    _ => last = Some((now.clone(), Instant::now())),
                }
            } else {
                last = None;
            }
            // Fails with the screen unlocked, so the reader thread is not poisoned.
            assert!(
                Instant::now() <= deadline,
                "waited for {what}; the screen shows:\n{now}"
            );
            thread::sleep(POLL);
        }
    }

    /// Whether the screen's text satisfies `test` at some moment `within`
    /// from now (at once, without waiting for it to stop changing).
    pub fn shows_within(&self, within: Duration, test: impl Fn(&str) -> bool) -> bool {
        let deadline = Instant::now() + within;
        loop {
            if test(&self.contents()) {
                return true;
            }
            if Instant::now() > deadline {
                return false;
            }
            thread::sleep(Duration::from_millis(15));
        }
    }

    /// Gives the terminal a new size, as a person dragging its window would.
    pub fn resize(&self, cols: u16, rows: u16) {
        self.screen
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(non_zero(rows), non_zero(cols));
        self.master.resize(pty_size(cols, rows)).unwrap();
    }

    /// The app's process id.
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Fails, showing the screen, if the app has ended.
    pub fn assert_running(&mut self) {
        if let Some(status) = self.child.try_wait().unwrap() {
            panic!(
                "the app ended ({status:?}); the screen shows:\n{}",
                self.contents()
            );
        }
    }

    /// Waits for the app to exit and gives how it ended.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "the app did not exit; the screen shows:\n{}",
                self.contents()
            );
            thread::sleep(POLL);
        }
    }
}

impl Drop for Pty {
    /// An app left running by a failed test does not outlive it.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

/// Row `n` of `screen`, from the top (0).
pub fn row(screen: &vt100::Screen, n: u16) -> String {
    let (_, cols) = screen.size();
    screen
        .rows(0, cols.get())
        .nth(usize::from(n))
        .unwrap_or_default()
}

fn non_zero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal is at least 1×1")
}

fn pty_size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}
