use super::*;
use crate::table::cpython_data::{load, parse_int};
use quickcheck::QuickCheck;

/// The generator's `Counted.__lt__`: counts calls, fails at call number
/// `fail_after`, and in random mode answers from a 64-bit LCG.
struct Counted {
    calls: i64,
    fail_after: i64,
    random: bool,
    lcg: u64,
}

impl Counted {
    fn lt(&mut self, a: &(i64, usize), b: &(i64, usize)) -> Result<bool, String> {
        self.calls += 1;
        if self.calls == self.fail_after {
            return Err(format!("comparison {} fails", self.calls));
        }
        if self.random {
            self.lcg = self.lcg.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            return Ok((self.lcg >> 33) & 1 == 1);
        }
        Ok(a.0 < b.0)
    }
}

#[test]
fn matches_cpython_results_and_comparison_counts() {
    let cases = load("sorts.txt");
    for case in &cases {
        let name = &case.name;
        let params = case.ints("params");
        let values = case.ints("values");
        let mut items: Vec<(i64, usize)> =
            values.iter().enumerate().map(|(i, &v)| (v, i)).collect();
        let mut counted =
            Counted { calls: 0, fail_after: params[2], random: params[0] == 1, lcg: 1 };
        let result = sort(&mut items, params[1] == 1, |a, b| counted.lt(a, b));
        assert_eq!(i64::from(result.is_err()), params[3], "case {name}: failed");
        assert_eq!(counted.calls, parse_int(case.field("calls"), name), "case {name}: comparisons");
        let order: Vec<i64> = items.iter().map(|&(_, i)| i as i64).collect();
        assert_eq!(order, case.ints("order"), "case {name}: resulting order");
    }
    assert!(cases.len() >= 400);
}

#[test]
fn matches_cpython_key_function_sorts() {
    for case in &load("keyed_sorts.txt") {
        let name = &case.name;
        let records: Vec<(i64, i64)> = case
            .words("records")
            .iter()
            .map(|w| {
                let (x, y) =
                    w.split_once(',').unwrap_or_else(|| panic!("case {name}: bad record {w}"));
                (parse_int(x, name), parse_int(y, name))
            })
            .collect();
        // As list.sort with key=: the keys sorted with the items beside them.
        let mut keyed: Vec<((i64, i64), usize)> =
            records.iter().enumerate().map(|(i, &(x, y))| ((y, x.rem_euclid(4)), i)).collect();
        let reverse = parse_int(case.field("reverse"), name) == 1;
        let ok: Result<(), ()> = sort(&mut keyed, reverse, |a, b| Ok(a.0 < b.0));
        assert!(ok.is_ok());
        let order: Vec<i64> = keyed.iter().map(|&(_, i)| i as i64).collect();
        assert_eq!(order, case.ints("order"), "case {name}");
    }
}

fn sorts_like_std(v: Vec<i16>, reverse: bool) -> bool {
    let mut items: Vec<(i16, usize)> = v.iter().enumerate().map(|(i, &x)| (x / 4, i)).collect();
    let mut expected = items.clone();
    if reverse {
        expected.sort_by_key(|a| std::cmp::Reverse(a.0));
    } else {
        expected.sort_by_key(|a| a.0);
    }
    let ok: Result<(), ()> = sort(&mut items, reverse, |a, b| Ok(a.0 < b.0));
    ok.is_ok() && items == expected
}

#[test]
fn quickcheck_stable_like_std_sort() {
    QuickCheck::new().tests(300).quickcheck(sorts_like_std as fn(Vec<i16>, bool) -> bool);
}

/// Whatever comparison fails, every element is still there exactly once.
fn failure_keeps_a_permutation(v: Vec<u16>, fail_at: u16) -> bool {
    let mut items: Vec<(u16, usize)> = v.iter().enumerate().map(|(i, &x)| (x % 64, i)).collect();
    let mut calls = 0;
    let _ = sort(&mut items, false, |a, b| {
        calls += 1;
        if calls == usize::from(fail_at) {
            Err(())
        } else {
            Ok(a.0 < b.0)
        }
    });
    let mut seen: Vec<usize> = items.iter().map(|&(_, i)| i).collect();
    seen.sort_unstable();
    seen == (0..v.len()).collect::<Vec<_>>()
}

#[test]
fn quickcheck_failure_keeps_a_permutation() {
    QuickCheck::new()
        .tests(300)
        .quickcheck(failure_keeps_a_permutation as fn(Vec<u16>, u16) -> bool);
}

#[test]
fn panicking_comparison_keeps_a_permutation() {
    for fail_at in [1, 50, 500, 1500, 3000] {
        let mut items: Vec<(u32, usize)> =
            (0..1000).map(|i| ((i as u32).wrapping_mul(2654435761) % 977, i)).collect();
        let mut calls = 0;
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _ = sort(&mut items, false, |a, b| -> Result<bool, ()> {
                calls += 1;
                assert!(calls != fail_at, "comparison {calls} panics");
                Ok(a.0 < b.0)
            });
        }));
        assert!(outcome.is_err(), "comparison {fail_at} should have panicked");
        let mut seen: Vec<usize> = items.iter().map(|&(_, i)| i).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..1000).collect::<Vec<_>>(), "after a panic at comparison {fail_at}");
    }
}

#[test]
fn minrun_matches_cpython() {
    let cases =
        [(0, 0), (63, 63), (64, 32), (65, 33), (127, 64), (128, 32), (2112, 33), (1 << 20, 32)];
    for (n, minrun) in cases {
        assert_eq!(compute_minrun(n), minrun, "n = {n}");
    }
}
