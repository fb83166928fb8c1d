//! Unicode data as CPython 3.8 sees it (Unicode 12.1.0): identifier
//! characters, character classes and case mappings, printability,
//! character names, the character database and normalization behind
//! `unicodedata`, and `repr` of str and bytes.
//! The tables are generated from python3.8's `unicodedata` by
//! `tools/gen_unicode.py` and `tools/gen_unicodedata.py`.
//!
//! | module | owns |
//! |---|---|
//! | `tables` | generated range tables, case mappings, compositions and the name lists |
//! | `ucd_tables` | generated character database: property records, decompositions, numeric values, 3.2.0 deltas |
//! | [`chars`] | character classes and case mappings of `str` methods |
//! | [`names`] | names of code points, `lookup` and `\N{NAME}`: aliases, named sequences, CJK and Hangul names |
//! | [`ucd`] | the properties of `unicodedata` and its `ucd_3_2_0` |
//! | [`normalize`] | NFC/NFD/NFKC/NFKD and their quick checks, as CPython computes them |
//! | `repr` | `repr()` of str and bytes, CPython's quoting and escapes |
//! | [`wtf8`] | the bytes of a str: UTF-8 that also encodes lone surrogates |

pub mod chars;
pub mod names;
pub mod normalize;
mod repr;
#[rustfmt::skip]
mod tables;
pub mod ucd;
#[rustfmt::skip]
mod ucd_tables;
pub mod wtf8;

pub use names::lookup_name;
pub use repr::{repr_bytes, repr_code_points, repr_str};

/// The index of the entry of a sorted table of disjoint ranges that
/// contains `cp`; `bounds` gives an entry's first and last code point.
fn range_index<T>(table: &[T], cp: u32, bounds: impl Fn(&T) -> (u32, u32)) -> Option<usize> {
    table
        .binary_search_by(|entry| {
            let (lo, hi) = bounds(entry);
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .ok()
}

fn in_ranges(ranges: &[(u32, u32)], cp: u32) -> bool {
    range_index(ranges, cp, |&range| range).is_some()
}

/// May `c` start a Python identifier (XID_Start or `_`)?
pub fn is_identifier_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    in_ranges(tables::IDENTIFIER_START, c as u32)
}

/// May `c` continue a Python identifier (XID_Continue)?
pub fn is_identifier_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    in_ranges(tables::IDENTIFIER_CONTINUE, c as u32)
}

/// `str.isprintable()` of the one-character string `chr(cp)`.
pub fn is_printable(cp: u32) -> bool {
    if cp < 0x80 {
        return (0x20..0x7f).contains(&cp);
    }
    in_ranges(tables::PRINTABLE, cp)
}

/// An identifier as CPython stores it: NFKC-normalised when not ASCII.
pub fn normalize_identifier(name: &str) -> std::borrow::Cow<'_, str> {
    if name.is_ascii() {
        std::borrow::Cow::Borrowed(name)
    } else {
        std::borrow::Cow::Owned(normalize::nfkc(name))
    }
}

/// The upper half (bytes 0x80..=0xFF) of a single-byte source encoding,
/// looked up as Python's codec registry does (lower case, runs of other
/// characters than letters, digits and `.` made `_`, then the aliases).
pub fn single_byte_decoder(encoding: &str) -> Option<&'static [char; 128]> {
    let mut normal = String::new();
    for c in encoding.to_ascii_lowercase().chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            normal.push(c);
        } else if !normal.is_empty() && !normal.ends_with('_') {
            normal.push('_');
        }
    }
    let normal = normal.trim_end_matches('_');
    let codec = tables::CODEC_ALIASES
        .binary_search_by(|(alias, _)| alias.cmp(&normal))
        .map(|i| tables::CODEC_ALIASES[i].1)
        .unwrap_or(normal);
    tables::SINGLE_BYTE_CODECS.iter().find(|(name, _)| *name == codec).map(|(_, table)| table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifier_characters() {
        assert!(is_identifier_start('é') && is_identifier_start('_') && is_identifier_start('ℕ'));
        assert!(!is_identifier_start('1') && !is_identifier_start('∞'));
        assert!(is_identifier_continue('1') && is_identifier_continue('\u{0301}'));
        assert!(!is_identifier_continue('-'));
    }

    #[test]
    fn identifiers_are_nfkc_normalised() {
        assert_eq!(normalize_identifier("abc"), "abc");
        assert_eq!(normalize_identifier("\u{b5}"), "\u{3bc}");
        assert_eq!(normalize_identifier("\u{fb01}x"), "fix");
        assert_eq!(normalize_identifier("e\u{301}"), "\u{e9}");
    }

    #[test]
    fn single_byte_codecs_by_any_alias() {
        assert_eq!(single_byte_decoder("koi8-r").map(|t| t[0x41]), Some('\u{430}'));
        assert_eq!(single_byte_decoder("Latin2").map(|t| t[0x21]), Some('\u{104}'));
        assert_eq!(single_byte_decoder("Windows-1252").map(|t| t[0]), Some('\u{20ac}'));
        assert!(single_byte_decoder("no-such-codec").is_none());
    }

    #[test]
    fn printable() {
        assert!(is_printable('a' as u32) && is_printable(' ' as u32) && is_printable(0xe9));
        assert!(!is_printable(0x7f) && !is_printable(0xa0) && !is_printable(0x200b));
        assert!(!is_printable(0xd800) && !is_printable(0x10ffff));
    }
}
