//! Numbers in a pack as the JSON Schema has them: plain YAML numbers.
//!
//! serde-saphyr turns a quoted `"2"` into a number when a number is
//! expected; the schema (and so an editor checking the file) rejects it. The
//! loader reads numbers through [`located`] so that both say the same thing.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use serde_saphyr::Spanned;

use super::text::{Located, Pos};

/// A number type a pack field holds.
pub trait PlainNumber: Sized {
    /// What the field expects, in a person's words.
    const EXPECTED: &'static str;
    fn from_u64(v: u64) -> Option<Self>;
    fn from_i64(v: i64) -> Option<Self>;
    fn from_f64(v: f64) -> Option<Self>;
}

impl PlainNumber for u32 {
    const EXPECTED: &'static str = "a whole number, 0 or more";
    fn from_u64(v: u64) -> Option<Self> {
        u32::try_from(v).ok()
    }
    fn from_i64(v: i64) -> Option<Self> {
        u32::try_from(v).ok()
    }
    fn from_f64(_: f64) -> Option<Self> {
        None
    }
}

impl PlainNumber for f64 {
    const EXPECTED: &'static str = "a number";
    #[allow(clippy::cast_precision_loss)]
    fn from_u64(v: u64) -> Option<Self> {
        Some(v as f64)
    }
    #[allow(clippy::cast_precision_loss)]
    fn from_i64(v: i64) -> Option<Self> {
        Some(v as f64)
    }
    fn from_f64(v: f64) -> Option<Self> {
        Some(v)
    }
}

/// A number written as a YAML number; text (quoted or not) is refused.
struct Plain<T>(T);

impl<'de, T: PlainNumber> Deserialize<'de> for Plain<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(PlainVisitor(PhantomData))
    }
}

struct PlainVisitor<T>(PhantomData<T>);

impl<T: PlainNumber> PlainVisitor<T> {
    fn wrong<E: de::Error>(found: impl fmt::Display) -> E {
        E::custom(format!("expected {} here, found {found}", T::EXPECTED))
    }
}

impl<T: PlainNumber> Visitor<'_> for PlainVisitor<T> {
    type Value = Plain<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTED)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        T::from_u64(v).map(Plain).ok_or_else(|| Self::wrong(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        T::from_i64(v).map(Plain).ok_or_else(|| Self::wrong(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        T::from_f64(v).map(Plain).ok_or_else(|| Self::wrong(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let looks_numeric = v.trim().parse::<f64>().is_ok();
        Err(if looks_numeric {
            E::custom(format!(
                "expected {} here, found the text \"{v}\": write it without quotes",
                T::EXPECTED
            ))
        } else {
            Self::wrong(format_args!("\"{v}\""))
        })
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Err(Self::wrong(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Err(Self::wrong("nothing"))
    }
}

/// Reads a required number field with its position.
pub fn located<'de, D: Deserializer<'de>, T: PlainNumber>(
    deserializer: D,
) -> Result<Located<T>, D::Error> {
    let spanned = Spanned::<Plain<T>>::deserialize(deserializer)?;
    Ok(Located {
        pos: Pos::from_location(&spanned.referenced),
        value: spanned.value.0,
    })
}

/// Reads an optional number field with its position.
pub fn located_opt<'de, D: Deserializer<'de>, T: PlainNumber>(
    deserializer: D,
) -> Result<Option<Located<T>>, D::Error> {
    let spanned = Option::<Spanned<Plain<T>>>::deserialize(deserializer)?;
    Ok(spanned.map(|s| Located {
        pos: Pos::from_location(&s.referenced),
        value: s.value.0,
    }))
}
