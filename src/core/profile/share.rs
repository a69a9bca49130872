//! Readiness values in a profile's history: shares from 0 to 1.
//!
//! A hand-edited file could hold `.nan`, `.inf` or `1e308`; such a value would
//! print as `NaN%` or distort every trend, so it is refused on load, where the
//! parser can still say at which line and column it stands.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};

/// One readiness value, checked as it is read.
struct Share(f64);

impl<'de> Deserialize<'de> for Share {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let x = f64::deserialize(d)?;
        if x.is_finite() && (0.0..=1.0).contains(&x) {
            Ok(Share(x))
        } else {
            let shown = if x.abs() >= 1e6 {
                format!("{x:e}")
            } else {
                x.to_string()
            };
            Err(serde::de::Error::custom(format!(
                "a readiness of {shown} is not a share from 0 to 1; correct it (0.75 is 75%) or remove the line"
            )))
        }
    }
}

/// `levels:` of a snapshot: level id → share.
pub(super) fn levels<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, f64>, D::Error> {
    let raw = BTreeMap::<String, Share>::deserialize(d)?;
    Ok(raw.into_iter().map(|(k, v)| (k, v.0)).collect())
}

/// `dimensions:` of a snapshot: dimension id → level id → share.
pub(super) fn dimensions<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, BTreeMap<String, f64>>, D::Error> {
    let raw = BTreeMap::<String, BTreeMap<String, Share>>::deserialize(d)?;
    Ok(raw
        .into_iter()
        .map(|(k, m)| (k, m.into_iter().map(|(l, v)| (l, v.0)).collect()))
        .collect())
}
