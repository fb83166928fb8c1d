//! Random recorded iterations, optimized by `optimize_recording`, must exit
//! in the interpreter state that running the recording iteration by
//! iteration reaches: same resume pc, same frame slots (virtual boxes
//! materialised). This checks peeling, carried values, unboxed phis and the
//! snapshot merging of the loop copy together.

use quickcheck::{Arbitrary, Gen};
use tracer::{optimize_recording, BoxLayout, Recording, TraceBuilder};
use traces::eval::{eval, Env, Outcome, TestMemory};
use traces::{Op, SnapFrame, SnapValue, Snapshot, Trace, Type, Val};

const LAYOUT: BoxLayout = BoxLayout {
    tag_shift: 48,
    int_tag: 0xFFF9,
    payload_mask: (1 << 48) - 1,
    first_tag: 0xFFF9 << 48,
    int_kind: Some(1),
    float_kind: Some(2),
};
const END_PC: u32 = 999;

fn boxed(x: u64) -> u64 {
    (x & LAYOUT.payload_mask) | (LAYOUT.int_tag << 48)
}

fn below(g: &mut Gen, n: u64) -> u64 {
    u64::arbitrary(g) % n
}

fn snapshot(pc: u32, written: &[(u32, Val)]) -> Snapshot {
    let slots = written.iter().map(|&(s, v)| (s, SnapValue::Val(v))).collect();
    Snapshot { frames: vec![SnapFrame { pc, base: 0, slots }], virtuals: vec![] }
}

/// A random iteration over `slots` boxed int slots; slot 0 counts up to a
/// limit so that most runs end.
fn record(g: &mut Gen, slots: u32) -> Recording {
    let mut b = TraceBuilder::with_layout("random", LAYOUT);
    let words: Vec<Val> = (0..slots).map(|s| b.input(Type::Word, s)).collect();
    let entry = b.snapshot(snapshot(0, &[]));
    let mut pool = Vec::new();
    for &w in &words {
        b.guard_int(w, entry).unwrap();
        pool.push(b.unbox_int(w).unwrap());
    }
    let one = b.kint(1);
    let limit = b.kint(2 + below(g, 20) as i64);
    let i1 = b.guard(Op::AddOv, &[pool[0], one], 0, entry).unwrap();
    let more = b.op(Op::ILt, Type::Bool, &[i1, limit]);
    b.guard(Op::GuardTrue, &[more], 0, entry);
    b.guard_small_int(i1, entry).unwrap();
    let mut written = vec![(0, b.box_int(i1).unwrap())];
    pool.push(i1);
    for step in 1..4 + below(g, 12) as u32 {
        let snap = b.snapshot(snapshot(step, &written));
        let pick = |g: &mut Gen, pool: &[Val]| pool[below(g, pool.len() as u64) as usize];
        let (x, y) = (pick(g, &pool), pick(g, &pool));
        let k = b.kint(below(g, 7) as i64 - 3);
        let y = if bool::arbitrary(g) { y } else { k };
        match below(g, 9) {
            0..=5 => {
                let op = [Op::Add, Op::Sub, Op::Mul, Op::And, Op::AddOv, Op::SubOv]
                    [below(g, 6) as usize];
                let v = if op.is_guard() {
                    b.guard(op, &[x, y], 0, snap)
                } else {
                    Some(b.op(op, Type::Int, &[x, y]))
                };
                pool.extend(v);
            }
            6 => {
                let c = b.op(Op::ILe, Type::Bool, &[x, y]);
                let op = if bool::arbitrary(g) { Op::GuardTrue } else { Op::GuardFalse };
                b.guard(op, &[c], 0, snap);
            }
            _ => {
                let slot = 1 + below(g, slots as u64 - 1) as u32;
                b.guard_small_int(x, snap).unwrap();
                let w = b.box_int(x).unwrap();
                written.retain(|(s, _)| *s != slot);
                written.push((slot, w));
            }
        }
    }
    b.close_loop(written)
}

/// The slot values after an exit through `snap`, over `state`.
fn resume(trace: &Trace, snap: u32, values: &[u64], state: &[u64]) -> (u32, Vec<u64>) {
    let s = &trace.snapshots[snap as usize];
    let at: std::collections::HashMap<Val, u64> = s.values().zip(values.iter().copied()).collect();
    let mut state = state.to_vec();
    for (slot, v) in &s.frames[0].slots {
        state[*slot as usize] = match v {
            SnapValue::Val(v) => at[v],
            SnapValue::Virtual(o) => {
                let object = &s.virtuals[*o as usize];
                assert_eq!(object.kind, 1);
                match object.fields[0].1 {
                    SnapValue::Val(v) => boxed(at[&v]),
                    SnapValue::Virtual(_) => panic!("nested virtual"),
                }
            }
        };
    }
    (s.frames[0].pc, state)
}

fn run(trace: &Trace, state: &[u64], budget: u64) -> Option<(u32, Vec<u64>)> {
    let mut memory = TestMemory::default();
    let mut env = Env { memory: &mut memory, helpers: Default::default() };
    match eval(trace, state, &mut env, budget) {
        Ok(Outcome::Exit { snap, values, .. }) => Some(resume(trace, snap, &values, state)),
        _ => None,
    }
}

/// Runs the compiled trace (it must exit: the loops here are bounded).
#[cfg(target_arch = "x86_64")]
fn run_compiled(trace: &Trace, state: &[u64]) -> Option<(u32, Vec<u64>)> {
    if tracer::backend::doomed_guard(trace).is_err() {
        return run(trace, state, 100);
    }
    let code = tracer::compile(trace).unwrap_or_else(|e| panic!("{e}"));
    let mut area = vec![0u64; code.state_words().max(state.len())];
    area[..state.len()].copy_from_slice(state);
    // SAFETY: these traces touch no memory and call no helpers.
    let exit = unsafe { code.run(&mut area) };
    let snap = trace.insts[trace.exits()[exit as usize]].snap?;
    let values = trace.unpack_record(&trace.snapshots[snap as usize], &area);
    Some(resume(trace, snap, &values, state))
}

/// Runs the recording iteration by iteration, as the interpreter would.
fn reference(rec: &Recording, state: &[u64]) -> Option<(u32, Vec<u64>)> {
    let mut once = rec.trace.clone();
    let end = once.add_snapshot(snapshot(END_PC, &rec.end));
    once.guard(Op::Exit, &[], 0, end);
    let mut state = state.to_vec();
    for _ in 0..40 {
        let (pc, next) = run(&once, &state, 1)?;
        if pc != END_PC {
            return Some((pc, next));
        }
        state = next;
    }
    None
}

#[test]
fn optimized_recordings_exit_in_the_reference_state() {
    let mut g = Gen::from_size_and_seed(30, 3);
    let cases = if cfg!(debug_assertions) { 300 } else { 3000 };
    let mut compared = 0;
    for _ in 0..cases {
        let slots = 2 + below(&mut g, 4) as u32;
        let rec = record(&mut g, slots);
        let state: Vec<u64> = (0..slots).map(|_| boxed(below(&mut g, 9))).collect();
        let opt = optimize_recording(&rec).unwrap_or_else(|e| panic!("{e}"));
        let Some(want) = reference(&rec, &state) else { continue };
        let got = run(&opt, &state, 100);
        #[cfg(target_arch = "x86_64")]
        assert_eq!(run_compiled(&opt, &state), got, "compiled\n{}", traces::text::print(&opt));
        let show = || {
            format!(
                "{}\noptimized:\n{}",
                traces::text::print(&rec.trace),
                traces::text::print(&opt)
            )
        };
        assert_eq!(got, Some(want), "state {state:x?} end {:?}\n{}", rec.end, show());
        compared += 1;
    }
    assert!(compared > cases / 2, "{compared}");
}
