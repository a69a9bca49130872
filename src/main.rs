use std::process::ExitCode;

// --- terminal app entry (tui-shell) -------------------------------------
// Until the command line is parsed here, `ladder` opens the terminal app
// with its language and colours taken from the environment.
fn main() -> ExitCode {
    let options = ladder::tui::Options::from_env(None);
    match ladder::tui::run(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("ladder: {err}");
            ExitCode::FAILURE
        }
    }
}
// --- end terminal app entry ---------------------------------------------
