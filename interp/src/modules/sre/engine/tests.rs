//! The code lists below are what python3.8's `sre_compile._code` makes for
//! each pattern (flags 0, or UNICODE where a `\b`/`\d` needs it).

use super::*;

const MAX: u32 = MAXREPEAT;

fn search_bytes(code: &[u32], text: &str) -> Option<(usize, usize, Vec<isize>)> {
    let text = text.as_bytes();
    let mut st = State::new(0, text.len());
    let filter = StartFilter::for_code(code);
    let found = search(&mut st, code, filter.as_ref(), text).unwrap();
    // The start filter only saves work: without it the answer is the same.
    let mut plain = State::new(0, text.len());
    assert_eq!(search(&mut plain, code, None, text).unwrap(), found);
    found.then(|| (st.start, st.ptr, st.marks.clone()))
}

fn span(code: &[u32], text: &str) -> Option<(usize, usize)> {
    search_bytes(code, text).map(|(a, b, _)| (a, b))
}

#[test]
fn literals_and_repeats() {
    let ab_plus_c = [15, 8, 1, 3, MAX, 1, 1, 97, 0, 17, 97, 25, 6, 1, MAX, 17, 98, 1, 17, 99, 1];
    assert_eq!(span(&ab_plus_c, "xxabbbc"), Some((2, 7)));
    assert_eq!(span(&ab_plus_c, "xxac"), None);
    let lazy = [15, 4, 0, 1, MAX, 27, 6, 0, MAX, 17, 120, 1, 17, 121, 1];
    assert_eq!(span(&lazy, "axxxy"), Some((1, 5)));
    let bounded = [15, 4, 0, 4, 6, 24, 7, 2, 3, 17, 97, 17, 98, 19, 1];
    assert_eq!(span(&bounded, "ababababab"), Some((0, 6)));
    assert_eq!(span(&bounded, "abx"), None);
    let lazy_group = [15, 4, 0, 1, MAX, 24, 7, 0, MAX, 17, 97, 17, 98, 20, 17, 99, 1];
    assert_eq!(span(&lazy_group, "xababc"), Some((1, 6)));
    let lazy_set = [15, 4, 0, 1, MAX, 27, 10, 0, MAX, 14, 5, 23, 120, 121, 0, 1, 17, 122, 1];
    assert_eq!(span(&lazy_set, "xyxyz"), Some((0, 5)));
}

#[test]
fn groups_alternation_and_backrefs() {
    let star_group =
        [15, 4, 0, 1, MAX, 24, 13, 0, MAX, 18, 0, 14, 5, 23, 97, 98, 0, 18, 1, 19, 17, 99, 1];
    let (a, b, marks) = search_bytes(&star_group, "abbac").unwrap();
    assert_eq!((a, b), (0, 5));
    assert_eq!(&marks[..2], &[3, 4]);
    let backref = [15, 4, 0, 2, MAX, 18, 0, 25, 6, 1, MAX, 17, 97, 1, 18, 1, 12, 0, 1];
    assert_eq!(span(&backref, "xaaaa"), Some((1, 5)));
    assert_eq!(span(&backref, "xaaa"), Some((1, 3)));
    let branch = [
        15, 4, 0, 1, MAX, 24, 17, 0, MAX, 7, 5, 17, 97, 16, 9, 7, 17, 98, 17, 99, 16, 2, 0, 19, 17,
        100, 1,
    ];
    assert_eq!(span(&branch, "zabcabd"), Some((6, 7)));
    assert_eq!(span(&branch, "zabcad"), Some((1, 6)));
    let group_or = [15, 4, 0, 1, 1, 7, 9, 18, 0, 17, 97, 18, 1, 16, 7, 5, 17, 98, 16, 2, 0, 1];
    let mut st = State::new(0, 1);
    assert!(search(&mut st, &group_or, None, "b".as_bytes()).unwrap());
    assert_eq!(st.group_span(1), None);
}

#[test]
fn assertions_and_positions() {
    let lookbehind = [15, 4, 0, 1, 1, 4, 5, 1, 17, 120, 1, 17, 121, 1];
    assert_eq!(span(&lookbehind, "yaxy"), Some((3, 4)));
    let negative = [15, 4, 0, 2, 2, 5, 7, 0, 17, 97, 17, 98, 1, 17, 97, 2, 1];
    assert_eq!(span(&negative, "abac"), Some((2, 4)));
    let word = [15, 4, 0, 3, 3, 6, 10, 17, 102, 17, 111, 17, 111, 6, 10, 1];
    let text: Vec<u32> = "éfoo foo".chars().map(|c| c as u32).collect();
    let mut st = State::new(0, text.len());
    assert!(search(&mut st, &word, None, &text[..]).unwrap());
    assert_eq!((st.start, st.ptr), (5, 8));
    let digits_line = [15, 4, 0, 1, MAX, 6, 1, 25, 9, 1, MAX, 14, 4, 9, 10, 0, 1, 6, 6, 1];
    assert_eq!(span(&digits_line, "ab\n123\nx"), Some((3, 6)));
    let prefix = [
        15, 14, 1, 4, 4, 4, 3, 120, 121, 122, 113, 0, 0, 0, 0, 17, 120, 17, 121, 17, 122, 18, 0,
        17, 113, 18, 1, 1,
    ];
    assert_eq!(span(&prefix, "xyxyzqxyzq"), Some((2, 6)));
}

#[test]
fn long_inputs_do_not_recurse() {
    let branch = [
        15, 4, 0, 1, MAX, 24, 17, 0, MAX, 7, 5, 17, 97, 16, 9, 7, 17, 98, 17, 99, 16, 2, 0, 19, 17,
        100, 1,
    ];
    let text = "a".repeat(200_000) + "d";
    assert_eq!(span(&branch, &text), Some((0, 200_001)));
}

#[test]
fn bad_code_does_not_panic() {
    for code in [&[][..], &[24, 100, 0][..], &[19][..], &[7, 3][..], &[25, 2, 1, 5][..], &[99][..]]
    {
        let mut st = State::new(0, 3);
        let _ = search(&mut st, code, None, "abc".as_bytes());
    }
}
