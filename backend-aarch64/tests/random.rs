//! Random traces (the generator the x86-64 backend's property test uses):
//! AArch64 code under qemu and the reference evaluator must agree. Cases
//! run in batches, a few qemu processes for thousands of traces; a failing
//! case is shrunk (one qemu run per candidate) before it is reported.

mod support;

use quickcheck::{Arbitrary, Gen};
use support::{differential_batch, harness, Harness};
use traces::testing::{generate, Case};

const BATCH: usize = 1_000;

/// The smallest failing case reachable from `case` by shrinking steps that
/// keep it failing, and its error.
fn shrink(h: &Harness, mut case: Case, mut error: String) -> (Case, String) {
    'smaller: for _ in 0..200 {
        for smaller in case.shrink() {
            if let Err(e) = &differential_batch(h, std::slice::from_ref(&smaller))[0] {
                (case, error) = (smaller, e.clone());
                continue 'smaller;
            }
        }
        break;
    }
    (case, error)
}

/// Runs `cases` in batches on both cores; panics with the first failure,
/// shrunk. Returns how many cases were compared.
fn check_all(h: &Harness, cases: Vec<Case>) -> usize {
    let batches: Vec<&[Case]> = cases.chunks(BATCH).collect();
    let results: Vec<Vec<Result<bool, String>>> = std::thread::scope(|s| {
        let (even, odd): (Vec<_>, Vec<_>) =
            batches.iter().enumerate().partition(|(k, _)| k % 2 == 0);
        let run = |part: Vec<(usize, &&[Case])>| {
            part.into_iter().map(|(k, b)| (k, differential_batch(h, b))).collect::<Vec<_>>()
        };
        let other = s.spawn(move || run(odd));
        let mut all = run(even);
        all.extend(other.join().expect("batch thread"));
        all.sort_by_key(|(k, _)| *k);
        all.into_iter().map(|(_, r)| r).collect()
    });
    let mut compared = 0;
    for (case, result) in cases.iter().zip(results.into_iter().flatten()) {
        match result {
            Ok(true) => compared += 1,
            Ok(false) => {}
            Err(e) => {
                let (case, e) = shrink(h, case.clone(), e);
                panic!("{e}\n{case:?}");
            }
        }
    }
    compared
}

#[test]
fn compiled_code_agrees_with_evaluator() {
    let Some(h) = harness() else { return };
    let cases = if cfg!(debug_assertions) { 1_000 } else { 10_000 };
    let mut g = Gen::new(80);
    let all: Vec<Case> = (0..cases).map(|_| Case::arbitrary(&mut g)).collect();
    let compared = check_all(h, all);
    assert!(compared > cases * 9 / 10, "only {compared} of {cases} cases compared");
    eprintln!("{compared} random traces agree");
}

/// Long traces: hundreds of values live at once force spills.
#[test]
fn high_register_pressure() {
    let Some(h) = harness() else { return };
    let mut g = Gen::from_size_and_seed(400, 7);
    let cases: Vec<Case> = (0..50).map(|_| generate(&mut g, 400)).collect();
    check_all(h, cases);
}
