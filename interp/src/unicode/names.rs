//! `\N{NAME}` lookup as CPython 3.8's `unicodedata` does it for string
//! literals: case-insensitive, character names and aliases (not named
//! sequences), with CJK unified ideographs and Hangul syllables named by
//! algorithm.

use super::tables;
use std::collections::HashMap;
use std::sync::OnceLock;

const HANGUL_BASE: u32 = 0xAC00;
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

fn name_table() -> &'static HashMap<&'static str, u32> {
    static TABLE: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        tables::NAMES
            .lines()
            .filter_map(|line| {
                let (hex, name) = line.split_once(' ')?;
                Some((name, u32::from_str_radix(hex, 16).ok()?))
            })
            .collect()
    })
}

/// The character named `name` (any case), if Unicode 12.1 has one.
pub fn lookup_name(name: &str) -> Option<char> {
    let upper = name.to_ascii_uppercase();
    if let Some(hex) = upper.strip_prefix("CJK UNIFIED IDEOGRAPH-") {
        if !(4..=5).contains(&hex.len()) || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let cp = u32::from_str_radix(hex, 16).ok()?;
        let named = tables::CJK_UNIFIED_IDEOGRAPHS.iter().any(|&(lo, hi)| (lo..=hi).contains(&cp));
        return if named { char::from_u32(cp) } else { None };
    }
    if let Some(jamo) = upper.strip_prefix("HANGUL SYLLABLE ") {
        return hangul_syllable(jamo);
    }
    name_table().get(upper.as_str()).and_then(|&cp| char::from_u32(cp))
}

fn hangul_syllable(jamo: &str) -> Option<char> {
    for (l, lead) in JAMO_L.iter().enumerate() {
        let Some(rest) = jamo.strip_prefix(lead) else { continue };
        for (v, vowel) in JAMO_V.iter().enumerate() {
            let Some(rest) = rest.strip_prefix(vowel) else { continue };
            if let Some(t) = JAMO_T.iter().position(|tail| *tail == rest) {
                let cp = HANGUL_BASE + ((l as u32 * 21) + v as u32) * 28 + t as u32;
                return char::from_u32(cp);
            }
        }
    }
    None
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
        assert_eq!(lookup_name("CJK UNIFIED IDEOGRAPH-0041"), None);
        assert_eq!(lookup_name("HANGUL SYLLABLE GAG"), Some('\u{ac01}'));
        assert_eq!(lookup_name("HANGUL SYLLABLE HIH"), Some('\u{d7a3}'));
        assert_eq!(lookup_name("GRINNING FACE"), Some('\u{1f600}'));
        assert_eq!(lookup_name("NO SUCH THING"), None);
    }
}
