//! The optimizer must not change what a trace does: random traces from
//! `traces::testing` run in the reference evaluator before and after the
//! pipeline must leave through a snapshot that rebuilds the same state, with
//! the same memory. Exit numbers may differ (guards go away), the state
//! they resume in may not.

use std::collections::HashMap;

use quickcheck::{Arbitrary, Gen};
use traces::eval::{eval, Env, HelperFn, Outcome, TestMemory};
use traces::testing::{standard_helpers, Case, FLOAT_WORDS, MEMORY_BASE};
use traces::{SnapValue, Trace, Type, Val};

/// A snapshot entry resolved to what deopt would write.
#[derive(Debug, PartialEq)]
enum Resumed {
    Bits(u64),
    Object(u32, Vec<(u32, Resumed)>),
}

/// Frames (pc, base, slots) and the final memory of a run.
type RunResult = (Vec<(u32, u32, Vec<(u32, Resumed)>)>, Vec<u64>);

fn resolve(trace: &Trace, snap: u32, v: &SnapValue, at: &HashMap<Val, u64>) -> Resumed {
    match v {
        SnapValue::Val(x) => {
            let bits = at[x];
            let nan = trace.ty(*x) == Type::Float && f64::from_bits(bits).is_nan();
            Resumed::Bits(if nan { u64::MAX } else { bits })
        }
        SnapValue::Virtual(n) => {
            let o = &trace.snapshots[snap as usize].virtuals[*n as usize];
            let fields = o.fields.iter().map(|(k, f)| (*k, resolve(trace, snap, f, at))).collect();
            Resumed::Object(o.kind, fields)
        }
    }
}

/// Runs `case` with `trace`; `None` when the evaluator cannot (bad address).
fn run(case: &Case, trace: &Trace) -> Option<RunResult> {
    // The evaluator's memory needs no real buffer: the placeholder address
    // is the base, so runs are comparable word for word.
    let (base, inputs) = (MEMORY_BASE, &case.inputs);
    let bytes = case.memory.iter().flat_map(|w| w.to_le_bytes()).collect();
    let mut memory = TestMemory { base, bytes };
    let helpers: HashMap<u64, HelperFn> =
        standard_helpers().into_iter().map(|(h, f)| (h.addr, f())).collect();
    let mut env = Env { memory: &mut memory, helpers };
    let Ok(Outcome::Exit { snap, values, .. }) = eval(trace, inputs, &mut env, 10_000) else {
        return None;
    };
    let s = &trace.snapshots[snap as usize];
    let at: HashMap<Val, u64> = s.values().zip(values.iter().copied()).collect();
    let frames = s
        .frames
        .iter()
        .map(|f| {
            let slots = f.slots.iter().map(|(k, v)| (*k, resolve(trace, snap, v, &at))).collect();
            (f.pc, f.base, slots)
        })
        .collect();
    let words = memory
        .bytes
        .chunks(8)
        .enumerate()
        .map(|(k, w)| {
            let w = u64::from_le_bytes(w.try_into().unwrap_or_default());
            let nan = FLOAT_WORDS.contains(&k) && f64::from_bits(w).is_nan();
            if nan {
                u64::MAX
            } else {
                w
            }
        })
        .collect();
    Some((frames, words))
}

fn cases() -> usize {
    if cfg!(debug_assertions) {
        300
    } else {
        4000
    }
}

#[test]
fn optimized_random_traces_behave_the_same() {
    let mut g = Gen::from_size_and_seed(60, 11);
    let (mut compared, mut shrunk) = (0, 0usize);
    for _ in 0..cases() {
        let case = Case::arbitrary(&mut g);
        let opt = tracer::optimize(&case.trace, None).unwrap_or_else(|e| panic!("{e}\n{case:?}"));
        shrunk += case.trace.insts.len().saturating_sub(opt.insts.len());
        let Some(want) = run(&case, &case.trace) else { continue };
        let got = run(&case, &opt).unwrap_or_else(|| {
            panic!("optimized trace failed\n{case:?}\n{}", traces::text::print(&opt))
        });
        assert_eq!(got, want, "\n{case:?}\noptimized:\n{}", traces::text::print(&opt));
        compared += 1;
    }
    assert!(compared > cases() / 2, "{compared}");
    assert!(shrunk > 0);
}

/// The optimized traces also compile, and the compiled code agrees with
/// the evaluator on them.
#[cfg(target_arch = "x86_64")]
#[test]
fn optimized_random_traces_compile_and_agree() {
    let mut run_compiled = |trace: &Trace, state: &mut [u64]| {
        let code = tracer::compile(trace).unwrap_or_else(|e| panic!("{e}"));
        // SAFETY: generated traces only touch the test memory and the
        // standard helpers.
        unsafe { code.run(state) }
    };
    let mut g = Gen::from_size_and_seed(60, 12);
    for _ in 0..cases() / 4 {
        let case = Case::arbitrary(&mut g);
        let opt = tracer::optimize(&case.trace, None).unwrap_or_else(|e| panic!("{e}\n{case:?}"));
        if tracer::backend::doomed_guard(&opt).is_err() {
            continue;
        }
        let case = Case { trace: opt, ..case };
        if let Err(e) = traces::testing::differential(&case, &mut run_compiled) {
            if !e.starts_with("evaluator") {
                panic!("{e}\n{case:?}");
            }
        }
    }
}
