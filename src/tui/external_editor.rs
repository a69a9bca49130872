//! Writing text in the person's own editor: the terminal is handed over
//! for as long as the editor runs, then taken back.

use std::io::{self, Write, stdout};
use std::path::{Path, PathBuf};
use std::process::ExitStatus;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use super::app::TuiError;
use super::i18n::Lang;

/// Why nothing came back from the person's editor. Kept as data so that
/// the screen says it in the interface language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EditorFailure {
    /// The temporary file for the editor could not be written in `dir`.
    TempFile { dir: PathBuf, error: String },
    /// The file at `path` could not be read once the editor had closed.
    ReadBack { path: PathBuf, error: String },
    /// `VISUAL` / `EDITOR` name no program.
    NoEditor,
    /// The editor `command` could not be started.
    Start { command: String, error: String },
    /// The editor `command` ended with exit code `code`, or `None` when a
    /// signal ended it.
    Exit { command: String, code: Option<i32> },
}

impl EditorFailure {
    /// The sentence for the person, in `lang`: what went wrong, then what
    /// to do. The system's own error text is quoted as it came.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (EditorFailure::TempFile { dir, error }, Lang::Zh) => format!(
                "无法在 {} 写入给编辑器用的临时文件：{error}；请把 TMPDIR 设为可写的目录",
                dir.display()
            ),
            (EditorFailure::TempFile { dir, error }, Lang::En) => format!(
                "could not write a temporary file in {} for the editor: {error}; set TMPDIR to a writable directory",
                dir.display()
            ),
            (EditorFailure::ReadBack { path, error }, Lang::Zh) => {
                format!("无法读回 {}：{error}；证据没有改动", path.display())
            }
            (EditorFailure::ReadBack { path, error }, Lang::En) => format!(
                "could not read back {}: {error}; the evidence is unchanged",
                path.display()
            ),
            (EditorFailure::NoEditor, Lang::Zh) => {
                "没有设置编辑器：请设置 VISUAL 或 EDITOR".to_owned()
            }
            (EditorFailure::NoEditor, Lang::En) => {
                "no editor is set: set VISUAL or EDITOR".to_owned()
            }
            (EditorFailure::Start { command, error }, Lang::Zh) => format!(
                "无法启动编辑器 `{command}`：{error}；请把 VISUAL 或 EDITOR 设为已安装的编辑器"
            ),
            (EditorFailure::Start { command, error }, Lang::En) => format!(
                "could not start the editor `{command}`: {error}; set VISUAL or EDITOR to one that is installed"
            ),
            (EditorFailure::Exit { command, code }, Lang::Zh) => {
                let how = code.map_or_else(|| "被信号终止".to_owned(), |c| format!("退出码 {c}"));
                format!("编辑器 `{command}` 出错结束（{how}）；证据没有改动")
            }
            (EditorFailure::Exit { command, code }, Lang::En) => {
                let how = code.map_or_else(
                    || "ended by a signal".to_owned(),
                    |c| format!("exit code {c}"),
                );
                format!(
                    "the editor `{command}` ended with an error ({how}); the evidence is unchanged"
                )
            }
        }
    }
}

/// Hands the terminal to the person's editor (`$VISUAL`, else `$EDITOR`,
/// else `vi`) on a temporary file holding `text`, and returns what they
/// wrote, or why nothing came back. The terminal is set up again either
/// way; only a terminal that cannot be set up again is an error for the
/// loop.
pub fn edit(
    terminal: &mut DefaultTerminal,
    text: &str,
) -> Result<Result<String, EditorFailure>, TuiError> {
    let written = write_temp(text).and_then(|file| {
        leave_screen();
        let outcome = run_editor(file.path());
        enter_screen()?;
        terminal.clear()?;
        Ok(outcome.and_then(|()| {
            std::fs::read_to_string(file.path())
                // Whatever the editor left in the file is shown and saved:
                // neutralised like text read from any other file.
                .map(crate::core::sanitize::neutralize_owned)
                .map_err(|e| EditorFailure::ReadBack {
                    path: file.path().to_owned(),
                    error: e.to_string(),
                })
        }))
    });
    match written {
        Ok(result) => Ok(result),
        Err(WriteOrTerminal::Terminal(e)) => Err(TuiError::Terminal(e)),
        Err(WriteOrTerminal::Write(message)) => Ok(Err(message)),
    }
}

enum WriteOrTerminal {
    Write(EditorFailure),
    Terminal(io::Error),
}

impl From<io::Error> for WriteOrTerminal {
    fn from(e: io::Error) -> Self {
        WriteOrTerminal::Terminal(e)
    }
}

fn write_temp(text: &str) -> Result<tempfile::NamedTempFile, WriteOrTerminal> {
    let dir = std::env::temp_dir();
    let failed = |e: io::Error| {
        WriteOrTerminal::Write(EditorFailure::TempFile {
            dir: dir.clone(),
            error: e.to_string(),
        })
    };
    let mut file = tempfile::Builder::new()
        .prefix("ladder-evidence-")
        .suffix(".md")
        .tempfile_in(&dir)
        .map_err(failed)?;
    file.write_all(text.as_bytes()).map_err(failed)?;
    file.flush().map_err(failed)?;
    Ok(file)
}

/// Runs the editor and waits for it.
fn run_editor(path: &Path) -> Result<(), EditorFailure> {
    let command = std::env::var("VISUAL")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|v| !v.trim().is_empty())
        })
        .unwrap_or_else(|| "vi".to_owned());
    // `code --wait` and the like: the first word is the program.
    let mut words = command.split_whitespace();
    let Some(program) = words.next() else {
        return Err(EditorFailure::NoEditor);
    };
    let status = std::process::Command::new(program)
        .args(words)
        .arg(path)
        .status()
        .map_err(|e| EditorFailure::Start {
            command: command.clone(),
            error: e.to_string(),
        })?;
    exited(&command, status)
}

fn exited(command: &str, status: ExitStatus) -> Result<(), EditorFailure> {
    if status.success() {
        Ok(())
    } else {
        Err(EditorFailure::Exit {
            command: command.to_owned(),
            code: status.code(),
        })
    }
}

/// Gives the terminal back as the shell had it, for another program.
fn leave_screen() {
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
}

/// Takes the terminal again after [`leave_screen`].
fn enter_screen() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_failure_is_said_in_the_interface_language() {
        let start = EditorFailure::Start {
            command: "nano -w".into(),
            error: "No such file or directory (os error 2)".into(),
        };
        assert_eq!(
            start.text(Lang::Zh),
            "无法启动编辑器 `nano -w`：No such file or directory (os error 2)；请把 VISUAL 或 EDITOR 设为已安装的编辑器"
        );
        assert_eq!(
            start.text(Lang::En),
            "could not start the editor `nano -w`: No such file or directory (os error 2); set VISUAL or EDITOR to one that is installed"
        );
        let exit = EditorFailure::Exit {
            command: "vi".into(),
            code: Some(1),
        };
        assert_eq!(
            exit.text(Lang::Zh),
            "编辑器 `vi` 出错结束（退出码 1）；证据没有改动"
        );
        assert_eq!(
            exit.text(Lang::En),
            "the editor `vi` ended with an error (exit code 1); the evidence is unchanged"
        );
        let killed = EditorFailure::Exit {
            command: "vi".into(),
            code: None,
        };
        assert_eq!(
            killed.text(Lang::Zh),
            "编辑器 `vi` 出错结束（被信号终止）；证据没有改动"
        );
        let temp = EditorFailure::TempFile {
            dir: PathBuf::from("/tmp/x"),
            error: "disk full".into(),
        };
        assert_eq!(
            temp.text(Lang::Zh),
            "无法在 /tmp/x 写入给编辑器用的临时文件：disk full；请把 TMPDIR 设为可写的目录"
        );
        let read = EditorFailure::ReadBack {
            path: PathBuf::from("/tmp/x/e.md"),
            error: "gone".into(),
        };
        assert_eq!(
            read.text(Lang::Zh),
            "无法读回 /tmp/x/e.md：gone；证据没有改动"
        );
        assert_eq!(
            read.text(Lang::En),
            "could not read back /tmp/x/e.md: gone; the evidence is unchanged"
        );
        assert_eq!(
            EditorFailure::NoEditor.text(Lang::Zh),
            "没有设置编辑器：请设置 VISUAL 或 EDITOR"
        );
    }

    #[cfg(unix)]
    #[test]
    fn an_editor_that_fails_is_reported_with_its_exit_code() {
        use std::os::unix::process::ExitStatusExt;
        // A wait status holds the exit code in its second byte.
        let failed = exited("vi", ExitStatus::from_raw(3 << 8));
        assert_eq!(
            failed,
            Err(EditorFailure::Exit {
                command: "vi".into(),
                code: Some(3)
            })
        );
        assert_eq!(exited("vi", ExitStatus::from_raw(0)), Ok(()));
    }
}
