//! The Unicode character database behind `unicodedata`: per code point
//! properties of Unicode 12.1.0, and of 3.2.0 (`ucd_3_2_0`) as CPython 3.8
//! derives them: today's data where a character was already assigned,
//! with the few properties that differed then, and the defaults for the
//! characters assigned since. The tables are `ucd_tables.rs`, generated
//! by `tools/gen_unicodedata.py`.

use super::ucd_tables as t;

/// Which database: `unicodedata` itself or its `ucd_3_2_0`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Version {
    Current,
    V3_2_0,
}

/// One entry of `t::RECORDS`.
struct Record {
    category: u8,
    bidirectional: u8,
    combining: u8,
    east_asian_width: u8,
    mirrored: bool,
    quick_check: u8,
}

/// `table[cp]` of a two-level table: the block of `cp`'s high bits, then
/// the entry within it.
fn two_level<A: Copy + Into<u32>, B: Copy + Into<u32>>(
    index1: &[A],
    index2: &[B],
    shift: u32,
    cp: u32,
) -> u32 {
    let Some(&block) = index1.get((cp >> shift) as usize) else { return 0 };
    let at = ((block.into() as usize) << shift) + (cp & ((1 << shift) - 1)) as usize;
    index2.get(at).map_or(0, |&v| v.into())
}

fn record(cp: u32) -> Record {
    let i = two_level(&t::RECORD_INDEX1, &t::RECORD_INDEX2, t::RECORD_SHIFT, cp);
    let (category, bidirectional, combining, east_asian_width, mirrored, quick_check) =
        t::RECORDS[i as usize];
    Record { category, bidirectional, combining, east_asian_width, mirrored, quick_check }
}

/// Was `cp` assigned after Unicode 3.2.0, asked of 3.2.0 (which then
/// gives the defaults: no name, no decomposition, category "Cn")?
pub fn newer_than_3_2_0(cp: u32, version: Version) -> bool {
    version == Version::V3_2_0 && super::in_ranges(&t::NEWER_THAN_3_2_0, cp)
}

/// What a 3.2.0 change list says of `cp`, if it differs from today.
fn change_3_2_0(table: &[(u32, u32, u8)], cp: u32, version: Version) -> Option<u8> {
    if version != Version::V3_2_0 {
        return None;
    }
    super::range_index(table, cp, |&(lo, hi, _)| (lo, hi)).map(|i| table[i].2)
}

/// A property of `cp`: index 0 when assigned after 3.2.0 (asked of
/// 3.2.0), else a 3.2.0 change, else today's record's.
fn property(cp: u32, version: Version, changes: &[(u32, u32, u8)], today: u8) -> usize {
    if newer_than_3_2_0(cp, version) {
        return 0;
    }
    change_3_2_0(changes, cp, version).unwrap_or(today) as usize
}

/// `unicodedata.category`: the general category ("Lu", "Cn", ...).
pub fn category(cp: u32, version: Version) -> &'static str {
    let i = property(cp, version, &t::CATEGORY_3_2_0, record(cp).category);
    t::CATEGORY_NAMES[i]
}

/// `unicodedata.bidirectional`: the bidirectional class, "" if none.
pub fn bidirectional(cp: u32, version: Version) -> &'static str {
    let i = property(cp, version, &t::BIDIRECTIONAL_3_2_0, record(cp).bidirectional);
    t::BIDIRECTIONAL_NAMES[i]
}

/// `unicodedata.east_asian_width`: "F", "H", "W", "Na", "A" or "N".
pub fn east_asian_width(cp: u32, version: Version) -> &'static str {
    let i = property(cp, version, &t::EAST_ASIAN_WIDTH_3_2_0, record(cp).east_asian_width);
    t::EAST_ASIAN_WIDTH_NAMES[i]
}

/// `unicodedata.mirrored`.
pub fn mirrored(cp: u32, version: Version) -> bool {
    property(cp, version, &t::MIRRORED_3_2_0, record(cp).mirrored as u8) != 0
}

/// `unicodedata.combining`: the canonical combining class.
pub fn combining(cp: u32, version: Version) -> u8 {
    if newer_than_3_2_0(cp, version) {
        return 0;
    }
    record(cp).combining
}

/// The canonical combining class the normalizer orders by: today's, in
/// either version (as CPython's normalizer has it).
pub fn combining_class(cp: u32) -> u8 {
    record(cp).combining
}

/// The quick-check bits of `cp` (2 per form: NFD, NFKD, NFC, NFKC).
pub fn quick_check(cp: u32) -> u8 {
    record(cp).quick_check
}

/// The decomposition mapping of `cp`: its tag ("" when canonical, else
/// "<compat>" and the like) and code points.
pub fn decomposition_mapping(cp: u32, version: Version) -> Option<(&'static str, &'static [u32])> {
    if newer_than_3_2_0(cp, version) {
        return None;
    }
    let at =
        two_level(&t::DECOMPOSITION_INDEX1, &t::DECOMPOSITION_INDEX2, t::DECOMPOSITION_SHIFT, cp)
            as usize;
    if at == 0 {
        return None;
    }
    let header = t::DECOMPOSITION_DATA[at];
    let count = (header >> 8) as usize;
    let prefix = t::DECOMPOSITION_PREFIXES[(header & 0xFF) as usize];
    Some((prefix, &t::DECOMPOSITION_DATA[at + 1..at + 1 + count]))
}

/// The decomposition 3.2.0 had where a later Unicode corrected it.
pub fn correction_3_2_0(cp: u32) -> Option<u32> {
    let i = t::CORRECTIONS_3_2_0.binary_search_by_key(&cp, |&(k, _)| k).ok()?;
    Some(t::CORRECTIONS_3_2_0[i].1)
}

/// `unicodedata.decomposition`: "<tag> XXXX XXXX" or "".
pub fn decomposition(cp: u32, version: Version) -> String {
    let Some((prefix, cps)) = decomposition_mapping(cp, version) else {
        return String::new();
    };
    let mut parts: Vec<String> = Vec::with_capacity(cps.len() + 1);
    if !prefix.is_empty() {
        parts.push(prefix.to_string());
    }
    parts.extend(cps.iter().map(|cp| format!("{cp:04X}")));
    parts.join(" ")
}

/// The numeric entry of `cp`: (value index, decimal or 255, digit or 255).
fn numeric_entry(cp: u32) -> Option<(u8, u8, u8)> {
    let i = t::NUMERICS.binary_search_by_key(&cp, |&(k, ..)| k).ok()?;
    let (_, value, decimal, digit) = t::NUMERICS[i];
    Some((value, decimal, digit))
}

/// `unicodedata.decimal` without the default: the decimal digit value.
pub fn decimal(cp: u32, version: Version) -> Option<u32> {
    if newer_than_3_2_0(cp, version) {
        return None;
    }
    let today = numeric_entry(cp).map_or(255, |(_, decimal, _)| decimal);
    let value = change_3_2_0(&t::DECIMAL_3_2_0, cp, version).unwrap_or(today);
    (value != 255).then_some(value as u32)
}

/// `unicodedata.digit` (the same in both versions, as in CPython).
pub fn digit(cp: u32) -> Option<u32> {
    let (_, _, digit) = numeric_entry(cp)?;
    (digit != 255).then_some(digit as u32)
}

/// `unicodedata.numeric`: the numeric value (½ is 0.5).
pub fn numeric(cp: u32, version: Version) -> Option<f64> {
    if newer_than_3_2_0(cp, version) {
        return None;
    }
    numeric_entry(cp).map(|(value, ..)| t::NUMERIC_VALUES[value as usize])
}

#[cfg(test)]
mod tests {
    use super::Version::{Current, V3_2_0};
    use super::*;

    #[test]
    fn properties() {
        assert_eq!(category('A' as u32, Current), "Lu");
        assert_eq!(category(0x1F600, Current), "So");
        assert_eq!(category(0x1F600, V3_2_0), "Cn");
        assert_eq!(category(0xA7, Current), "Po");
        assert_eq!(category(0xA7, V3_2_0), "So");
        assert_eq!(category(0xD800, Current), "Cs");
        assert_eq!(category(0x10FFFF, Current), "Cn");
        assert_eq!(bidirectional('+' as u32, Current), "ES");
        assert_eq!(bidirectional('+' as u32, V3_2_0), "ET");
        assert_eq!(bidirectional(0x1F600, V3_2_0), "");
        assert_eq!(east_asian_width(0x1F600, Current), "W");
        assert_eq!(east_asian_width(0x1F600, V3_2_0), "F");
        assert_eq!(east_asian_width('a' as u32, Current), "Na");
        assert!(mirrored('(' as u32, Current) && !mirrored('a' as u32, Current));
        assert_eq!(combining(0x301, Current), 230);
    }

    #[test]
    fn decompositions_and_numbers() {
        assert_eq!(decomposition(0xE9, Current), "0065 0301");
        assert_eq!(decomposition(0xBD, Current), "<fraction> 0031 2044 0032");
        assert_eq!(decomposition(0xAC00, Current), "");
        assert_eq!(correction_3_2_0(0x2F868), Some(0x2136A));
        assert_eq!(decimal('7' as u32, Current), Some(7));
        assert_eq!(decimal(0xB2, Current), None);
        assert_eq!(decimal(0xB2, V3_2_0), Some(2));
        assert_eq!(digit(0xB2), Some(2));
        assert_eq!(numeric(0xBD, Current), Some(0.5));
        assert_eq!(numeric(0x4E07, Current), Some(10000.0));
        assert_eq!(numeric('x' as u32, Current), None);
    }
}
