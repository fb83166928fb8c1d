//! Character names as CPython 3.8's `unicodedata` has them: `name()` of a
//! code point, `lookup()` of a name (aliases and named sequences too) and
//! the `\N{NAME}` escapes of string literals (aliases, no sequences).
//! Names match without regard to ASCII case, except that the algorithmic
//! ones (`HANGUL SYLLABLE GA`, `CJK UNIFIED IDEOGRAPH-4E00`) must be
//! spelled in capitals, as CPython compares those prefixes exactly.

use super::tables;
use super::ucd::{self, Version};
use std::collections::HashMap;
use std::sync::OnceLock;

const HANGUL_BASE: u32 = 0xAC00;
const HANGUL_COUNT: u32 = 19 * 21 * 28;
const JAMO_L: [&str; 19] = [
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P",
    "H",
];
const JAMO_V: [&str; 21] = [
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE",
    "WI", "YU", "EU", "YI", "I",
];
const JAMO_T: [&str; 28] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M",
    "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
];
const CJK_PREFIX: &str = "CJK UNIFIED IDEOGRAPH-";
const HANGUL_PREFIX: &str = "HANGUL SYLLABLE ";

/// What a name stands for.
#[derive(Clone, Copy)]
enum Named {
    Char(u32),
    Alias(u32),
    /// The code points of a named sequence, as hex separated by spaces.
    Sequence(&'static str),
}

/// `HEX[ HEX...];NAME` lines as (code points, name).
fn entries(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    table.lines().filter_map(|line| line.split_once(';'))
}

fn hex(text: &str) -> u32 {
    u32::from_str_radix(text, 16).unwrap_or(0)
}

/// Every name, alias and named sequence by name.
fn by_name() -> &'static HashMap<&'static str, Named> {
    static TABLE: OnceLock<HashMap<&'static str, Named>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let names = entries(tables::NAMES).map(|(cp, name)| (name, Named::Char(hex(cp))));
        let aliases = entries(tables::NAME_ALIASES).map(|(cp, name)| (name, Named::Alias(hex(cp))));
        let sequences =
            entries(tables::NAMED_SEQUENCES).map(|(cps, name)| (name, Named::Sequence(cps)));
        names.chain(aliases).chain(sequences).collect()
    })
}

/// The names of the code points that have one in `tables::NAMES`, sorted.
fn by_code_point() -> &'static [(u32, &'static str)] {
    static TABLE: OnceLock<Vec<(u32, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| entries(tables::NAMES).map(|(cp, name)| (hex(cp), name)).collect())
}

fn is_unified_ideograph(cp: u32) -> bool {
    super::in_ranges(tables::CJK_UNIFIED_IDEOGRAPHS, cp)
}

/// `unicodedata.name(chr)` without the default.
pub fn name_of(cp: u32, version: Version) -> Option<String> {
    if ucd::newer_than_3_2_0(cp, version) {
        return None;
    }
    if (HANGUL_BASE..HANGUL_BASE + HANGUL_COUNT).contains(&cp) {
        let index = (cp - HANGUL_BASE) as usize;
        let (l, v, t) = (index / (21 * 28), index % (21 * 28) / 28, index % 28);
        return Some(format!("{HANGUL_PREFIX}{}{}{}", JAMO_L[l], JAMO_V[v], JAMO_T[t]));
    }
    if is_unified_ideograph(cp) {
        return Some(format!("{CJK_PREFIX}{cp:X}"));
    }
    let table = by_code_point();
    let i = table.binary_search_by_key(&cp, |&(k, _)| k).ok()?;
    Some(table[i].1.to_string())
}

/// `unicodedata.lookup(name)`: the character or named sequence (when
/// `sequences`) called `name`. Unicode 3.2.0 has no aliases or sequences,
/// and names only the characters it had (though any Hangul syllable or
/// CJK ideograph name is found, as in CPython).
pub fn lookup(name: &[u8], version: Version, sequences: bool) -> Option<Vec<u32>> {
    if let Some(jamo) = name.strip_prefix(HANGUL_PREFIX.as_bytes()) {
        return hangul_syllable(jamo).map(|cp| vec![cp]);
    }
    if let Some(digits) = name.strip_prefix(CJK_PREFIX.as_bytes()) {
        let upper_hex = |b: &u8| b.is_ascii_digit() || (b'A'..=b'F').contains(b);
        if !(4..=5).contains(&digits.len()) || !digits.iter().all(upper_hex) {
            return None;
        }
        let cp = hex(std::str::from_utf8(digits).ok()?);
        return is_unified_ideograph(cp).then(|| vec![cp]);
    }
    let upper = std::str::from_utf8(name).ok()?.to_ascii_uppercase();
    match *by_name().get(upper.as_str())? {
        Named::Char(cp) if !ucd::newer_than_3_2_0(cp, version) => Some(vec![cp]),
        Named::Alias(cp) if version == Version::Current => Some(vec![cp]),
        Named::Sequence(cps) if version == Version::Current && sequences => {
            Some(cps.split(' ').map(hex).collect())
        }
        _ => None,
    }
}

/// The character `\N{name}` stands for in a string literal.
pub fn lookup_name(name: &str) -> Option<char> {
    let cps = lookup(name.as_bytes(), Version::Current, false)?;
    char::from_u32(cps[0])
}

/// A Hangul syllable's code point from its jamo, each the longest that
/// matches (CPython's `find_syllable`).
fn hangul_syllable(jamo: &[u8]) -> Option<u32> {
    fn longest(text: &[u8], column: &[&str]) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for (i, part) in column.iter().enumerate() {
            if text.starts_with(part.as_bytes()) && best.is_none_or(|(_, len)| part.len() > len) {
                best = Some((i, part.len()));
            }
        }
        best
    }
    let (l, len) = longest(jamo, &JAMO_L)?;
    let rest = &jamo[len..];
    let (v, len) = longest(rest, &JAMO_V)?;
    let rest = &rest[len..];
    let (t, len) = longest(rest, &JAMO_T)?;
    (len == rest.len()).then(|| HANGUL_BASE + ((l as u32 * 21) + v as u32) * 28 + t as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_aliases_and_algorithmic_names() {
        assert_eq!(lookup_name("LATIN SMALL LETTER A"), Some('a'));
        assert_eq!(lookup_name("latin small letter e with acute"), Some('é'));
        assert_eq!(lookup_name("BYTE ORDER MARK"), Some('\u{feff}'));
        assert_eq!(lookup_name("LINE FEED"), Some('\n'));
        assert_eq!(lookup_name("CJK UNIFIED IDEOGRAPH-4E00"), Some('\u{4e00}'));
        assert_eq!(lookup_name("CJK UNIFIED IDEOGRAPH-4e00"), None);
        assert_eq!(lookup_name("CJK UNIFIED IDEOGRAPH-0041"), None);
        assert_eq!(lookup_name("HANGUL SYLLABLE GAG"), Some('\u{ac01}'));
        assert_eq!(lookup_name("HANGUL SYLLABLE HIH"), Some('\u{d7a3}'));
        assert_eq!(lookup_name("hangul syllable ga"), None);
        assert_eq!(lookup_name("GRINNING FACE"), Some('\u{1f600}'));
        assert_eq!(lookup_name("NO SUCH THING"), None);
        assert_eq!(lookup_name("KEYCAP NUMBER SIGN"), None);
    }

    #[test]
    fn sequences_versions_and_names() {
        let seq = lookup(b"LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", Version::Current, true);
        assert_eq!(seq, Some(vec![0x100, 0x300]));
        assert_eq!(lookup(b"GRINNING FACE", Version::V3_2_0, true), None);
        assert_eq!(lookup(b"BYTE ORDER MARK", Version::V3_2_0, true), None);
        assert_eq!(
            lookup(b"CJK UNIFIED IDEOGRAPH-9FA6", Version::V3_2_0, true),
            Some(vec![0x9fa6])
        );
        assert_eq!(name_of(0xfeff, Version::Current).as_deref(), Some("ZERO WIDTH NO-BREAK SPACE"));
        assert_eq!(name_of(0xac00, Version::Current).as_deref(), Some("HANGUL SYLLABLE GA"));
        assert_eq!(
            name_of(0x20000, Version::Current).as_deref(),
            Some("CJK UNIFIED IDEOGRAPH-20000")
        );
        assert_eq!(name_of(0x9fa6, Version::V3_2_0), None);
        assert_eq!(name_of(0x1f600, Version::V3_2_0), None);
        assert_eq!(name_of(0x0, Version::Current), None);
    }
}
