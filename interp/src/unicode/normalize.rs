//! Unicode normalization (NFC, NFD, NFKC, NFKD) step for step as CPython
//! 3.8's `unicodedata` does it, quirks included: decomposition by a
//! stack (Hangul syllables by algorithm, 3.2.0's corrections first), a
//! stable reordering of each run of non-starters, then composition that
//! starts only at characters that begin a primary composite and joins
//! the next unblocked characters, and the quick checks that let
//! `normalize` hand its input back and `is_normalized` answer early.
//! Identifiers are NFKC-normalised with the same code.

use super::tables::COMPOSITIONS;
use super::ucd::{self, Version};

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

/// A normalization form.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Form {
    Nfc,
    Nfd,
    Nfkc,
    Nfkd,
}

impl Form {
    /// The form named exactly `name` ("NFC", ...).
    pub fn from_name(name: &[u8]) -> Option<Form> {
        match name {
            b"NFC" => Some(Form::Nfc),
            b"NFD" => Some(Form::Nfd),
            b"NFKC" => Some(Form::Nfkc),
            b"NFKD" => Some(Form::Nfkd),
            _ => None,
        }
    }

    fn composes(self) -> bool {
        matches!(self, Form::Nfc | Form::Nfkc)
    }

    fn compatibility(self) -> bool {
        matches!(self, Form::Nfkc | Form::Nfkd)
    }

    /// Where the form's two quick-check bits sit in a record's byte.
    fn quick_check_shift(self) -> u32 {
        (if self.composes() { 4 } else { 0 }) + (if self.compatibility() { 2 } else { 0 })
    }
}

/// A quick check's verdict.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum QuickCheck {
    Yes,
    Maybe,
    No,
}

/// CPython's `is_normalized_quickcheck`: `yes_only` stops at the first
/// character that is not a certain YES. 3.2.0 never answers YES.
fn quick_check(cps: &[u32], form: Form, version: Version, yes_only: bool) -> QuickCheck {
    if version == Version::V3_2_0 {
        return QuickCheck::No;
    }
    let shift = form.quick_check_shift();
    let mut result = QuickCheck::Yes;
    let mut prev_class = 0;
    for &cp in cps {
        let class = ucd::combining_class(cp);
        if class != 0 && prev_class > class {
            return QuickCheck::No;
        }
        prev_class = class;
        match (ucd::quick_check(cp) >> shift) & 3 {
            0 => {}
            _ if yes_only => return QuickCheck::Maybe,
            1 => result = QuickCheck::Maybe,
            _ => return QuickCheck::No,
        }
    }
    result
}

/// `unicodedata.normalize(form, text)`: `None` when the text is already
/// normalized by the quick check (CPython then returns its argument).
pub fn normalize(form: Form, cps: &[u32], version: Version) -> Option<Vec<u32>> {
    if cps.is_empty() || quick_check(cps, form, version, true) == QuickCheck::Yes {
        return None;
    }
    Some(normalized(form, cps, version))
}

/// `unicodedata.is_normalized(form, text)`.
pub fn is_normalized(form: Form, cps: &[u32], version: Version) -> bool {
    if cps.is_empty() {
        return true;
    }
    match quick_check(cps, form, version, false) {
        QuickCheck::Yes => true,
        QuickCheck::No => false,
        QuickCheck::Maybe => normalized(form, cps, version) == cps,
    }
}

/// The text in `form`, computed in full.
fn normalized(form: Form, cps: &[u32], version: Version) -> Vec<u32> {
    let decomposed = decompose(cps, form.compatibility(), version);
    if form.composes() {
        compose(&decomposed)
    } else {
        decomposed
    }
}

/// An identifier as CPython stores it: `unicodedata.normalize('NFKC', name)`.
pub fn nfkc(text: &str) -> String {
    let cps: Vec<u32> = text.chars().map(|c| c as u32).collect();
    match normalize(Form::Nfkc, &cps, Version::Current) {
        Some(out) => out.into_iter().filter_map(char::from_u32).collect(),
        None => text.to_string(),
    }
}

/// Full canonical (or compatibility) decomposition, canonically ordered.
fn decompose(cps: &[u32], compatibility: bool, version: Version) -> Vec<u32> {
    let mut out = Vec::with_capacity(cps.len());
    let mut stack = Vec::new();
    for &cp in cps {
        stack.push(cp);
        while let Some(code) = stack.pop() {
            if (S_BASE..S_BASE + S_COUNT).contains(&code) {
                let index = code - S_BASE;
                out.push(L_BASE + index / N_COUNT);
                out.push(V_BASE + (index % N_COUNT) / T_COUNT);
                if !index.is_multiple_of(T_COUNT) {
                    out.push(T_BASE + index % T_COUNT);
                }
                continue;
            }
            if version == Version::V3_2_0 {
                if let Some(old) = ucd::correction_3_2_0(code) {
                    stack.push(old);
                    continue;
                }
            }
            match ucd::decomposition_mapping(code, version) {
                Some((prefix, parts)) if prefix.is_empty() || compatibility => {
                    stack.extend(parts.iter().rev());
                }
                _ => out.push(code),
            }
        }
    }
    reorder(&mut out);
    out
}

/// Canonical ordering: a stable sort of each run of non-starters by
/// combining class.
fn reorder(cps: &mut [u32]) {
    let mut i = 0;
    while i < cps.len() {
        if ucd::combining_class(cps[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < cps.len() && ucd::combining_class(cps[i]) != 0 {
            i += 1;
        }
        cps[start..i].sort_by_key(|&cp| ucd::combining_class(cp));
    }
}

/// Does `cp` begin a primary composite?
fn is_first(cp: u32) -> bool {
    let i = COMPOSITIONS.partition_point(|&(first, _, _)| first < cp);
    COMPOSITIONS.get(i).is_some_and(|&(first, _, _)| first == cp)
}

fn compose_pair(first: u32, second: u32) -> Option<u32> {
    COMPOSITIONS
        .binary_search_by(|&(a, b, _)| (a, b).cmp(&(first, second)))
        .ok()
        .map(|i| COMPOSITIONS[i].2)
}

/// CPython's `nfc_nfkc` over decomposed text: each character that begins
/// a composite takes in the following characters it composes with, up to
/// the next starter, skipping those blocked by a class at least their own;
/// Hangul jamo compose by algorithm.
fn compose(data: &[u32]) -> Vec<u32> {
    let len = data.len();
    let mut out = Vec::with_capacity(len);
    let mut skipped: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < len {
        if let Some(k) = skipped.iter().position(|&s| s == i) {
            skipped.swap_remove(k);
            i += 1;
            continue;
        }
        let code = data[i];
        let vowel = data.get(i + 1).copied().unwrap_or(0);
        if (L_BASE..L_BASE + L_COUNT).contains(&code) && (V_BASE..V_BASE + V_COUNT).contains(&vowel)
        {
            let mut syllable = S_BASE + ((code - L_BASE) * V_COUNT + (vowel - V_BASE)) * T_COUNT;
            i += 2;
            if let Some(&trail) = data.get(i) {
                if T_BASE < trail && trail < T_BASE + T_COUNT {
                    syllable += trail - T_BASE;
                    i += 1;
                }
            }
            out.push(syllable);
            continue;
        }
        let mut current = code;
        if is_first(code) {
            let mut i1 = i + 1;
            let mut blocking_class = 0;
            while i1 < len {
                let code1 = data[i1];
                let class1 = ucd::combining_class(code1);
                if blocking_class != 0 {
                    if class1 == 0 {
                        break;
                    }
                    if blocking_class >= class1 {
                        i1 += 1;
                        continue;
                    }
                }
                match compose_pair(current, code1) {
                    Some(composite) => {
                        current = composite;
                        skipped.push(i1);
                        i1 += 1;
                        if !is_first(current) {
                            break;
                        }
                    }
                    None => {
                        if class1 == 0 {
                            break;
                        }
                        blocking_class = class1;
                        i1 += 1;
                    }
                }
            }
        }
        out.push(current);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(form: Form, text: &str) -> String {
        let cps: Vec<u32> = text.chars().map(|c| c as u32).collect();
        let out = normalize(form, &cps, Version::Current).unwrap_or(cps);
        out.into_iter().filter_map(char::from_u32).collect()
    }

    #[test]
    fn four_forms() {
        assert_eq!(norm(Form::Nfd, "\u{e9}"), "e\u{301}");
        assert_eq!(norm(Form::Nfc, "e\u{301}"), "\u{e9}");
        assert_eq!(norm(Form::Nfkd, "\u{fb01}"), "fi");
        assert_eq!(norm(Form::Nfd, "\u{fb01}"), "\u{fb01}");
        assert_eq!(norm(Form::Nfkc, "\u{bd}"), "1\u{2044}2");
        assert_eq!(norm(Form::Nfc, "\u{212b}"), "\u{c5}");
        assert_eq!(norm(Form::Nfc, "a\u{323}\u{302}"), "\u{1ead}");
        assert_eq!(norm(Form::Nfc, "a\u{302}\u{323}"), "\u{1ead}");
        assert_eq!(norm(Form::Nfd, "\u{1e9b}\u{323}"), "\u{17f}\u{323}\u{307}");
        assert_eq!(norm(Form::Nfkc, "\u{1e9b}\u{323}"), "\u{1e69}");
    }

    #[test]
    fn hangul_and_exclusions() {
        assert_eq!(norm(Form::Nfd, "\u{ac01}"), "\u{1100}\u{1161}\u{11a8}");
        assert_eq!(norm(Form::Nfc, "\u{1100}\u{1161}\u{11a8}"), "\u{ac01}");
        assert_eq!(norm(Form::Nfc, "\u{1100}\u{1161}\u{11a7}"), "\u{ac00}\u{11a7}");
        assert_eq!(norm(Form::Nfc, "\u{958}"), "\u{915}\u{93c}");
        assert_eq!(norm(Form::Nfc, "\u{344}"), "\u{308}\u{301}");
        assert_eq!(norm(Form::Nfc, "\u{f73}"), "\u{f71}\u{f72}");
    }

    #[test]
    fn quick_checks_and_versions() {
        assert_eq!(normalize(Form::Nfc, &[0x61, 0x62], Version::Current), None);
        assert_eq!(normalize(Form::Nfc, &[], Version::V3_2_0), None);
        assert_eq!(normalize(Form::Nfc, &[0x61], Version::V3_2_0), Some(vec![0x61]));
        assert!(is_normalized(Form::Nfc, &[0xe9], Version::Current));
        assert!(!is_normalized(Form::Nfd, &[0xe9], Version::Current));
        assert!(!is_normalized(Form::Nfc, &[0x61], Version::V3_2_0));
        assert!(!is_normalized(Form::Nfd, &[0x61, 0x302, 0x323], Version::Current));
        assert_eq!(normalize(Form::Nfd, &[0x2f868], Version::V3_2_0), Some(vec![0x2136a]));
        assert_eq!(normalize(Form::Nfd, &[0x2f868], Version::Current), Some(vec![0x36fc]));
        assert_eq!(nfkc("\u{b5}"), "\u{3bc}");
    }
}
