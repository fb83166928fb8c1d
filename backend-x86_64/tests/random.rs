//! Random traces: compiled code and the reference evaluator must agree.

use backend_x86_64::compile;
use quickcheck::{Gen, QuickCheck, TestResult};
use traces::testing::{differential, Case};
use traces::Trace;

fn run_compiled(trace: &Trace, state: &mut [u64]) -> u32 {
    let code = compile(trace).unwrap_or_else(|e| panic!("{e}"));
    // SAFETY: generated traces only touch the test memory whose address is
    // their input 0 and call the standard helpers.
    unsafe { code.run(state) }
}

fn agrees(case: Case) -> TestResult {
    match differential(&case, &mut run_compiled) {
        Ok(true) => TestResult::passed(),
        Ok(false) => TestResult::discard(),
        Err(e) => TestResult::error(format!("{e}\n{case:?}")),
    }
}

#[test]
fn compiled_code_agrees_with_evaluator() {
    let cases = if cfg!(debug_assertions) { 1_000 } else { 10_000 };
    QuickCheck::new()
        .rng(Gen::new(80))
        .tests(cases)
        .max_tests(cases * 2)
        .quickcheck(agrees as fn(Case) -> TestResult);
}

/// Long traces: hundreds of values live at once force spills.
#[test]
fn high_register_pressure() {
    let mut g = Gen::from_size_and_seed(400, 7);
    for _ in 0..50 {
        let case = traces::testing::generate(&mut g, 400);
        if let Err(e) = differential(&case, &mut run_compiled) {
            panic!("{e}\n{case:?}");
        }
    }
}
