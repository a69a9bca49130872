//! Profile names, which become file names and so must never reach outside the store.

use super::ProfileError;

/// The longest profile name accepted, in characters.
pub const MAX_NAME_LEN: usize = 64;

/// Checks that `name` is 1 to 64 of `[A-Za-z0-9._-]`, not starting with `.`.
///
/// That rules out path separators, `..`, hidden files and anything a shell or
/// another file system would treat specially.
pub fn validate_profile_name(name: &str) -> Result<(), ProfileError> {
    let well_formed = !name.is_empty()
        && name.len() <= MAX_NAME_LEN
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    if well_formed {
        Ok(())
    } else {
        Err(ProfileError::BadName {
            name: name.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_names_pass() {
        for name in [
            "default",
            "alice",
            "p7-2026.q2",
            "A_b-C.9",
            "x",
            &"n".repeat(64),
        ] {
            assert!(validate_profile_name(name).is_ok(), "{name}");
        }
    }

    #[test]
    fn names_that_could_escape_or_hide_are_refused() {
        let long = "n".repeat(65);
        for name in [
            "",
            ".",
            "..",
            ".hidden",
            "../etc/passwd",
            "a/b",
            "a\\b",
            "with space",
            "tab\t",
            "nul\0",
            "ünïcode",
            "名前",
            "a:b",
            "*",
            &long,
        ] {
            assert!(
                matches!(
                    validate_profile_name(name),
                    Err(ProfileError::BadName { .. })
                ),
                "{name:?}"
            );
        }
    }

    #[test]
    fn bad_name_message_says_what_is_allowed() {
        let err = validate_profile_name("../x").unwrap_err();
        assert_eq!(
            err.to_string(),
            "`../x` is not a valid profile name: use 1 to 64 letters, digits, `.`, `_` or `-`, \
             not starting with `.`"
        );
    }
}
