//! NFKC normalisation, which CPython applies to every non-ASCII identifier:
//! compatibility decomposition, canonical ordering by combining class, then
//! canonical composition (Unicode Standard Annex #15), with Hangul syllables
//! decomposed and composed by algorithm. The decomposition table covers the
//! characters that can appear in identifiers.

use super::tables;

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const S_COUNT: u32 = L_COUNT * V_COUNT * T_COUNT;

fn combining_class(cp: u32) -> u8 {
    let table = tables::COMBINING_CLASS;
    super::range_index(table, cp, |&(lo, hi, _)| (lo, hi)).map_or(0, |i| table[i].2)
}

fn decompose(c: char, out: &mut Vec<u32>) {
    let cp = c as u32;
    if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
        let index = cp - S_BASE;
        out.push(L_BASE + index / (V_COUNT * T_COUNT));
        out.push(V_BASE + (index % (V_COUNT * T_COUNT)) / T_COUNT);
        if !index.is_multiple_of(T_COUNT) {
            out.push(T_BASE + index % T_COUNT);
        }
        return;
    }
    match tables::NFKD_IDENTIFIER.binary_search_by_key(&cp, |&(k, _)| k) {
        Ok(i) => out.extend(tables::NFKD_IDENTIFIER[i].1.chars().map(|c| c as u32)),
        Err(_) => out.push(cp),
    }
}

fn compose_pair(first: u32, second: u32) -> Option<u32> {
    if (L_BASE..L_BASE + L_COUNT).contains(&first) && (V_BASE..V_BASE + V_COUNT).contains(&second) {
        return Some(S_BASE + ((first - L_BASE) * V_COUNT + (second - V_BASE)) * T_COUNT);
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&first)
        && (first - S_BASE).is_multiple_of(T_COUNT)
        && (T_BASE + 1..T_BASE + T_COUNT).contains(&second)
    {
        return Some(first + (second - T_BASE));
    }
    tables::COMPOSITIONS
        .binary_search_by(|&(a, b, _)| (a, b).cmp(&(first, second)))
        .ok()
        .map(|i| tables::COMPOSITIONS[i].2)
}

/// `unicodedata.normalize('NFKC', text)` for identifier text.
pub fn nfkc(text: &str) -> String {
    let mut cps = Vec::with_capacity(text.len());
    for c in text.chars() {
        decompose(c, &mut cps);
    }
    // Canonical ordering: a stable sort of each run of non-starters.
    let mut i = 0;
    while i < cps.len() {
        if combining_class(cps[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < cps.len() && combining_class(cps[i]) != 0 {
            i += 1;
        }
        cps[start..i].sort_by_key(|&cp| combining_class(cp));
    }
    // Canonical composition: a character joins the last starter unless a
    // character between them has a class of 0 or at least its own.
    let mut out: Vec<u32> = Vec::with_capacity(cps.len());
    let mut starter: Option<usize> = None;
    let mut last_class = 0u8;
    for cp in cps {
        let class = combining_class(cp);
        if let Some(s) = starter {
            let adjacent = out.len() - 1 == s;
            if adjacent || (last_class != 0 && last_class < class) {
                if let Some(composite) = compose_pair(out[s], cp) {
                    out[s] = composite;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(out.len());
        }
        last_class = class;
        out.push(cp);
    }
    out.into_iter().filter_map(char::from_u32).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfkc_as_cpython() {
        assert_eq!(nfkc("\u{b5}"), "\u{3bc}");
        assert_eq!(nfkc("\u{fb01}x"), "fix");
        assert_eq!(nfkc("e\u{301}"), "\u{e9}");
        assert_eq!(nfkc("\u{e9}"), "\u{e9}");
        assert_eq!(nfkc("\u{1e9b}\u{323}"), "\u{1e69}");
        assert_eq!(nfkc("\u{1100}\u{1161}\u{11a8}"), "\u{ac01}");
        assert_eq!(nfkc("\u{ac01}"), "\u{ac01}");
        assert_eq!(nfkc("\u{212b}"), "\u{c5}");
        assert_eq!(nfkc("a\u{323}\u{302}"), "\u{1ead}");
    }
}
