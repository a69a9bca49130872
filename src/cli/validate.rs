//! `ladder validate`: every problem of a pack, as text or JSON.

use super::{Failure, ValidateFormat, emit, print_diagnostics, say};
use crate::core::content::{self, PackSource};
use crate::core::sanitize::escape_json_controls;

/// Loads the pack and prints what is wrong with it; Ok(false) when it fails.
pub fn validate(
    source: &PackSource,
    strict: bool,
    format: ValidateFormat,
) -> Result<bool, Failure> {
    let (pack, diagnostics) = match content::load(source) {
        Ok(l) => (Some(l.pack), l.warnings),
        Err(e) => (None, e.diagnostics),
    };
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let ok = errors == 0 && !(strict && warnings > 0);
    match format {
        ValidateFormat::Json => {
            let value = serde_json::json!({
                "pack": pack.as_ref().map(|p| p.id().to_owned()),
                "source": source.describe(),
                "ok": ok,
                "errors": errors,
                "warnings": warnings,
                "diagnostics": diagnostics,
            });
            emit(
                None,
                &(escape_json_controls(serde_json::to_string_pretty(&value).unwrap_or_default())
                    + "\n"),
            )?;
        }
        ValidateFormat::Text => {
            print_diagnostics(&diagnostics);
            let counts = format!(
                "{errors} error{}, {warnings} warning{}",
                if errors == 1 { "" } else { "s" },
                if warnings == 1 { "" } else { "s" }
            );
            match (&pack, ok) {
                (Some(p), true) => emit(
                    None,
                    &format!(
                        "{}: ok ({counts}); levels {}, indicators {}, dimensions {}, checklists {}, questions {}, articles {}\n",
                        source.describe(),
                        p.levels.len(),
                        p.indicator_count(),
                        p.dimensions.len(),
                        p.checklists.len(),
                        p.questions.len(),
                        p.articles.len()
                    ),
                )?,
                (Some(_), false) => say(&format!(
                    "{}: {counts}; --strict fails on warnings",
                    source.describe()
                )),
                (None, _) => say(&format!(
                    "{}: not a valid pack: {counts}",
                    source.describe()
                )),
            }
        }
    }
    Ok(ok)
}
