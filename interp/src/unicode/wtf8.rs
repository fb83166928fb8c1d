//! The bytes of a `str`: UTF-8, generalised so that lone surrogates
//! (U+D800..U+DFFF, legal in Python text) are encoded like any other code
//! point of the BMP, as three bytes `ED A0..BF 80..BF`. Each surrogate is
//! encoded on its own, also when a high one is followed by a low one:
//! Python's `'\ud83d\udc0d'` is two code points, not `'🐍'`.
//!
//! Text without surrogates is plain UTF-8, so it can be handed to Rust's
//! `&str` APIs as it is; only text with surrogates needs another path. The
//! encoding keeps what byte-level code relies on: it is self-synchronising
//! (a byte search finds matches only at code point boundaries), and byte
//! order is code point order, so comparing bytes compares strings.

/// The first lone surrogate of a text that is not valid UTF-8: its index
/// in code points and its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Surrogate {
    pub index: usize,
    pub code_point: u32,
}

/// Is `cp` a surrogate code point?
#[inline]
pub fn is_surrogate(cp: u32) -> bool {
    (0xD800..=0xDFFF).contains(&cp)
}

/// The encoding of `cp` (any code point up to U+10FFFF, surrogates
/// included): a buffer and how many of its bytes are used.
pub fn encode(cp: u32) -> ([u8; 4], usize) {
    let cont = |shift: u32| 0x80 | ((cp >> shift) & 0x3F) as u8;
    match cp {
        0..=0x7F => ([cp as u8, 0, 0, 0], 1),
        0x80..=0x7FF => ([0xC0 | (cp >> 6) as u8, cont(0), 0, 0], 2),
        0x800..=0xFFFF => ([0xE0 | (cp >> 12) as u8, cont(6), cont(0), 0], 3),
        _ => ([0xF0 | (cp >> 18) as u8, cont(12), cont(6), cont(0)], 4),
    }
}

/// Appends the encoding of `cp` (see [`encode`]).
pub fn push_code_point(out: &mut Vec<u8>, cp: u32) {
    let (buf, n) = encode(cp);
    out.extend_from_slice(&buf[..n]);
}

/// The encoding of a sequence of code points (each at most U+10FFFF).
pub fn from_code_points(cps: impl IntoIterator<Item = u32>) -> Vec<u8> {
    let mut out = Vec::new();
    for cp in cps {
        push_code_point(&mut out, cp);
    }
    out
}

/// The length in bytes of the sequence a lead byte starts.
#[inline]
fn sequence_len(lead: u8) -> usize {
    match lead {
        0..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// The code points of well-formed text (as [`check`] accepts).
pub fn code_points(text: &[u8]) -> CodePoints<'_> {
    CodePoints { rest: text }
}

#[derive(Clone)]
pub struct CodePoints<'a> {
    rest: &'a [u8],
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        let (&lead, _) = self.rest.split_first()?;
        let n = sequence_len(lead).min(self.rest.len());
        let cont = |i: usize| (self.rest[i] & 0x3F) as u32;
        let cp = match n {
            1 => lead as u32,
            2 => ((lead as u32 & 0x1F) << 6) | cont(1),
            3 => ((lead as u32 & 0x0F) << 12) | (cont(1) << 6) | cont(2),
            _ => ((lead as u32 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
        };
        self.rest = &self.rest[n..];
        Some(cp)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.rest.len().div_ceil(4), Some(self.rest.len()))
    }
}

/// Number of code points of well-formed text.
pub fn count_code_points(text: &[u8]) -> usize {
    text.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// Byte offsets of the code point boundaries of well-formed text, in order
/// (each code point's start).
pub fn char_starts(text: &[u8]) -> impl Iterator<Item = usize> + '_ {
    text.iter().enumerate().filter(|(_, &b)| (b as i8) >= -0x40).map(|(i, _)| i)
}

/// Both texts as `&str` when neither holds a surrogate, so that Rust's
/// string searching does the work.
fn both_utf8<'a, 'b>(hay: &'a [u8], needle: &'b [u8]) -> Option<(&'a str, &'b str)> {
    Some((std::str::from_utf8(hay).ok()?, std::str::from_utf8(needle).ok()?))
}

/// Byte offset of the first occurrence of `needle` in `hay` (both well
/// formed, so a match starts and ends at code point boundaries).
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match both_utf8(hay, needle) {
        Some((h, n)) => h.find(n),
        None => naive_find(hay, needle),
    }
}

fn naive_find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Byte offset of the last occurrence of `needle` in `hay`.
pub fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match both_utf8(hay, needle) {
        Some((h, n)) => h.rfind(n),
        None => naive_rfind(hay, needle),
    }
}

fn naive_rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// How many non-overlapping occurrences of `needle` (not empty) `hay`
/// holds.
pub fn count_matches(hay: &[u8], needle: &[u8]) -> usize {
    if needle.is_empty() {
        return 0;
    }
    if let Some((h, n)) = both_utf8(hay, needle) {
        return h.matches(n).count();
    }
    let mut count = 0;
    let mut rest = hay;
    while let Some(at) = naive_find(rest, needle) {
        count += 1;
        rest = &rest[at + needle.len()..];
    }
    count
}

/// `hay.split(sep, limit)`: at most `limit` splits from the left (none
/// for an empty `sep`, which Python refuses before getting here).
pub fn splitn<'a>(hay: &'a [u8], sep: &[u8], limit: usize) -> Vec<&'a [u8]> {
    if sep.is_empty() {
        return vec![hay];
    }
    if let Some((h, n)) = both_utf8(hay, sep) {
        return h.splitn(limit.saturating_add(1), n).map(str::as_bytes).collect();
    }
    let mut parts = Vec::new();
    let mut rest = hay;
    while parts.len() < limit {
        let Some(at) = naive_find(rest, sep) else { break };
        parts.push(&rest[..at]);
        rest = &rest[at + sep.len()..];
    }
    parts.push(rest);
    parts
}

/// `hay.rsplit(sep, limit)`: at most `limit` splits from the right, parts
/// in text order.
pub fn rsplitn<'a>(hay: &'a [u8], sep: &[u8], limit: usize) -> Vec<&'a [u8]> {
    if sep.is_empty() {
        return vec![hay];
    }
    let mut parts: Vec<&[u8]> = match both_utf8(hay, sep) {
        Some((h, n)) => h.rsplitn(limit.saturating_add(1), n).map(str::as_bytes).collect(),
        None => {
            let mut parts = Vec::new();
            let mut rest = hay;
            while parts.len() < limit {
                let Some(at) = naive_rfind(rest, sep) else { break };
                parts.push(&rest[at + sep.len()..]);
                rest = &rest[..at];
            }
            parts.push(rest);
            parts
        }
    };
    parts.reverse();
    parts
}

/// `hay.replace(old, new, limit)`; an empty `old` matches before every
/// code point and at the end, as in Python.
pub fn replacen(hay: &[u8], old: &[u8], new: &[u8], limit: usize) -> Vec<u8> {
    if let (Some((h, o)), Ok(n)) = (both_utf8(hay, old), std::str::from_utf8(new)) {
        if !old.is_empty() {
            return h.replacen(o, n, limit).into_bytes();
        }
    }
    let mut out = Vec::with_capacity(hay.len());
    let mut count = 0;
    if old.is_empty() {
        let mut last = 0;
        for at in char_starts(hay).chain([hay.len()]) {
            out.extend_from_slice(&hay[last..at]);
            last = at;
            if count < limit {
                out.extend_from_slice(new);
                count += 1;
            }
        }
        return out;
    }
    let mut rest = hay;
    while count < limit {
        let Some(at) = naive_find(rest, old) else { break };
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(new);
        rest = &rest[at + old.len()..];
        count += 1;
    }
    out.extend_from_slice(rest);
    out
}

/// Is `text` well formed (UTF-8 with lone surrogates allowed)? Returns its
/// length in code points and whether it holds a surrogate.
pub fn check(text: &[u8]) -> Option<(usize, bool)> {
    let mut rest = text;
    let mut chars = 0;
    let mut surrogates = false;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => return Some((chars + s.chars().count(), surrogates)),
            Err(e) => {
                let good = e.valid_up_to();
                chars += std::str::from_utf8(&rest[..good]).map_or(0, |s| s.chars().count());
                let bad = &rest[good..];
                if bad.len() >= 3
                    && bad[0] == 0xED
                    && (0xA0..=0xBF).contains(&bad[1])
                    && (0x80..=0xBF).contains(&bad[2])
                {
                    chars += 1;
                    surrogates = true;
                    rest = &bad[3..];
                } else {
                    return None;
                }
            }
        }
    }
}

/// Does well-formed `text` hold a surrogate?
pub fn has_surrogates(text: &[u8]) -> bool {
    text.windows(2).any(|w| w[0] == 0xED && w[1] >= 0xA0)
}

/// The first surrogate of well-formed `text`, if any.
pub fn first_surrogate(text: &[u8]) -> Option<Surrogate> {
    code_points(text)
        .enumerate()
        .find(|&(_, cp)| is_surrogate(cp))
        .map(|(index, code_point)| Surrogate { index, code_point })
}

/// Well-formed `text` with every surrogate replaced by U+FFFD, for
/// diagnostics that must be UTF-8.
pub fn to_string_lossy(text: &[u8]) -> String {
    code_points(text).map(|cp| char::from_u32(cp).unwrap_or('\u{FFFD}')).collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use quickcheck::{quickcheck, Arbitrary, Gen};

    /// A random code point sequence, surrogates (and adjacent high-low
    /// pairs) well represented.
    #[derive(Clone, Debug)]
    pub(crate) struct Cps(pub Vec<u32>);

    impl Arbitrary for Cps {
        fn arbitrary(g: &mut Gen) -> Cps {
            let len = usize::arbitrary(g) % 24;
            Cps((0..len)
                .map(|_| match u8::arbitrary(g) % 6 {
                    0 => u32::arbitrary(g) % 0x80,
                    1 => 0xD800 + u32::arbitrary(g) % 0x400,
                    2 => 0xDC00 + u32::arbitrary(g) % 0x400,
                    3 => 0x80 + u32::arbitrary(g) % 0x780,
                    4 => u32::arbitrary(g) % 0x1_0000,
                    _ => u32::arbitrary(g) % 0x11_0000,
                })
                .collect())
        }
        fn shrink(&self) -> Box<dyn Iterator<Item = Cps>> {
            Box::new(self.0.shrink().map(Cps))
        }
    }

    quickcheck! {
        fn round_trips(cps: Cps) -> bool {
            let text = from_code_points(cps.0.iter().copied());
            let surrogates = cps.0.iter().any(|&c| is_surrogate(c));
            code_points(&text).collect::<Vec<_>>() == cps.0
                && check(&text) == Some((cps.0.len(), surrogates))
                && count_code_points(&text) == cps.0.len()
                && has_surrogates(&text) == surrogates
                && char_starts(&text).count() == cps.0.len()
                && (surrogates || std::str::from_utf8(&text).is_ok())
        }

        fn byte_order_is_code_point_order(a: Cps, b: Cps) -> bool {
            from_code_points(a.0.iter().copied()).cmp(&from_code_points(b.0.iter().copied()))
                == a.0.cmp(&b.0)
        }

        fn searches_agree_with_the_naive_ones(hay: Cps, cut: usize, len: usize) -> bool {
            let text = from_code_points(hay.0.iter().copied());
            let starts: Vec<usize> = char_starts(&text).chain([text.len()]).collect();
            let a = starts[cut % starts.len()];
            let b = starts[(cut % starts.len() + len % 3).min(starts.len() - 1)];
            let needle = &text[a..b];
            let mut joined = Vec::new();
            for (i, part) in splitn(&text, needle, usize::MAX).iter().enumerate() {
                if i > 0 {
                    joined.extend_from_slice(needle);
                }
                joined.extend_from_slice(part);
            }
            let parts = splitn(&text, needle, 2);
            let rparts = rsplitn(&text, needle, 2);
            (needle.is_empty() || joined == text)
                && find(&text, needle) == naive_find(&text, needle)
                && rfind(&text, needle) == naive_rfind(&text, needle)
                && find(&text, needle).is_some_and(|at| at <= a)
                && (needle.is_empty() || parts.len() <= 3 && rparts.len() <= 3)
                && (needle.is_empty()
                    || replacen(&text, needle, b"", usize::MAX).len()
                        == text.len() - needle.len() * count_matches(&text, needle))
        }

        fn valid_utf8_is_itself(s: String) -> bool {
            from_code_points(s.chars().map(|c| c as u32)) == s.as_bytes()
        }
    }

    #[test]
    fn surrogates_are_three_bytes_each() {
        assert_eq!(from_code_points([0xD83D, 0xDC0D]), [0xED, 0xA0, 0xBD, 0xED, 0xB0, 0x8D]);
        assert_eq!(
            first_surrogate(&from_code_points([0x61, 0xDCFF])),
            Some(Surrogate { index: 1, code_point: 0xDCFF })
        );
        assert_eq!(to_string_lossy(&from_code_points([0x61, 0xD800])), "a\u{FFFD}");
    }

    #[test]
    fn rejects_malformed_bytes() {
        assert_eq!(check(b"\xff"), None);
        assert_eq!(check(b"\xed\xa0"), None);
        assert_eq!(check(b"\xf0\xed\xa0\x80"), None);
        assert_eq!(check(b"a\xed\xa0\x80b"), Some((3, true)));
    }
}
