//! Random well-typed traces and the differential check every backend runs:
//! the compiled code and the reference evaluator must agree on the exit
//! taken, every exit-record value and the final memory. Enabled by the
//! `testing` feature.
//!
//! A generated trace reads the address of a 512-byte test memory from input
//! slot 0 (as a `ref`) (the input holds [`MEMORY_BASE`], which [`differential`] replaces
//! with the real buffer's address), ints, floats and a bool from the next
//! slots, and calls the helpers of [`standard_helpers`] (real `extern "C"`
//! functions, mirrored by closures for the evaluator).

use std::collections::HashMap;

use quickcheck::{Arbitrary, Gen};

use crate::eval::{eval, Env, HelperFn, Outcome, TestMemory};
use crate::ops::Op;
use crate::trace::{Helper, SnapFrame, SnapValue, Snapshot, Trace, Val, VirtualObject};
use crate::types::Type;

/// Placeholder input value meaning "the address of the test memory".
pub const MEMORY_BASE: u64 = 0x5eed_0000_0000_0000;
/// Words of test memory.
pub const MEMORY_WORDS: usize = 64;
/// The words generated traces use for floats only. A NaN's payload and sign
/// are not specified by the IR (x86 and AArch64 make different default
/// NaNs, and the evaluator's host arithmetic may order operands either
/// way), so float bits must never be read back as integers; values and
/// memory compare NaNs as equal there.
pub const FLOAT_WORDS: std::ops::Range<usize> = 32..64;

extern "C" fn imix(a: i64, b: i64) -> i64 {
    a.wrapping_mul(31).wrapping_add(b)
}
extern "C" fn fmix(a: f64, b: i64) -> f64 {
    a * 0.5 + b as f64
}
extern "C" fn sum6(a: i64, b: i64, c: i64, d: i64, e: i64, f: i64) -> i64 {
    a.wrapping_add(b).wrapping_add(c).wrapping_add(d).wrapping_add(e).wrapping_sub(f)
}
extern "C" fn mixed(a: i64, x: f64, b: i64, y: f64) -> f64 {
    (a.wrapping_sub(b)) as f64 * x - y
}
extern "C" fn isneg(a: i64) -> bool {
    a < 0
}
extern "C" fn touch(a: i64) {
    std::hint::black_box(a);
}

fn fl(bits: u64) -> f64 {
    f64::from_bits(bits)
}

/// The helpers generated traces call: their signature (bound to the real
/// function's address) and the evaluator's closure.
pub fn standard_helpers() -> Vec<(Helper, fn() -> HelperFn)> {
    let h = |name: &str, addr: u64, args: &[Type], ret: Type| Helper {
        name: name.to_string(),
        addr,
        args: args.to_vec(),
        ret,
        may_raise: false,
        may_collect: false,
    };
    use Type::{Float as F, Int as I};
    vec![
        (h("imix", imix as *const () as u64, &[I, I], I), || {
            Box::new(|a| imix(a[0] as i64, a[1] as i64) as u64)
        }),
        (h("fmix", fmix as *const () as u64, &[F, I], F), || {
            Box::new(|a| fmix(fl(a[0]), a[1] as i64).to_bits())
        }),
        (h("sum6", sum6 as *const () as u64, &[I, I, I, I, I, I], I), || {
            Box::new(|a| {
                let x: Vec<i64> = a.iter().map(|v| *v as i64).collect();
                sum6(x[0], x[1], x[2], x[3], x[4], x[5]) as u64
            })
        }),
        (h("mixed", mixed as *const () as u64, &[I, F, I, F], F), || {
            Box::new(|a| mixed(a[0] as i64, fl(a[1]), a[2] as i64, fl(a[3])).to_bits())
        }),
        (h("isneg", isneg as *const () as u64, &[I], Type::Bool), || {
            Box::new(|a| isneg(a[0] as i64) as u64)
        }),
        // Marked as collecting, so generated code publishes its live refs.
        (
            Helper { may_collect: true, ..h("touch", touch as *const () as u64, &[I], Type::Void) },
            || {
                Box::new(|a| {
                    touch(a[0] as i64);
                    0
                })
            },
        ),
    ]
}

/// Points a text trace's helpers at the standard helpers of the same name.
pub fn bind_standard_helpers(trace: &mut Trace) {
    for (h, _) in standard_helpers() {
        trace.bind_helper(&h.name, h.addr);
    }
}

/// A trace with its inputs and initial memory.
#[derive(Clone)]
pub struct Case {
    pub trace: Trace,
    pub inputs: Vec<u64>,
    pub memory: Vec<u64>,
}

impl std::fmt::Debug for Case {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "inputs: {:#x?}", self.inputs)?;
        write!(f, "{}", crate::text::print(&self.trace))
    }
}

impl Arbitrary for Case {
    fn arbitrary(g: &mut Gen) -> Case {
        let ops = 4 + below(g, g.size().max(1) as u64) as usize;
        generate(g, ops)
    }

    /// Smaller cases: the trace without one instruction nothing uses
    /// (latest first), so a failure shrinks to the few instructions that
    /// matter.
    fn shrink(&self) -> Box<dyn Iterator<Item = Case>> {
        let case = self.clone();
        let removable: Vec<usize> =
            (0..case.trace.insts.len()).rev().filter(|&i| unused(&case.trace, i)).collect();
        let removed = removable
            .into_iter()
            .map(move |i| Case { trace: without(&case.trace, i), ..case.clone() });
        // Then snapshots emptied, which frees the values they named.
        let case = self.clone();
        let full: Vec<usize> = (0..case.trace.snapshots.len())
            .filter(|&s| case.trace.snapshots[s].values().next().is_some())
            .collect();
        let emptied = full.into_iter().map(move |s| {
            let mut smaller = case.clone();
            smaller.trace.snapshots[s] =
                Snapshot { frames: vec![SnapFrame::default()], virtuals: vec![] };
            smaller
        });
        Box::new(removed.chain(emptied))
    }
}

/// Instruction `i` can go: no operand or snapshot names it and it is not
/// part of the trace's shape.
fn unused(trace: &Trace, i: usize) -> bool {
    let v = Val(i as u32);
    let structural =
        matches!(trace.insts[i].op, Op::Input | Op::Loop | Op::Phi | Op::Jump | Op::Exit);
    let used = trace.insts.iter().any(|inst| inst.args.contains(&v))
        || trace.snapshots.iter().any(|s| s.values().any(|x| x == v));
    !structural && !used
}

/// `trace` without instruction `i` (which nothing uses), renumbered.
fn without(trace: &Trace, i: usize) -> Trace {
    let renumber = |v: &mut Val| {
        if v.index() > i {
            v.0 -= 1;
        }
    };
    let mut t = trace.clone();
    t.insts.remove(i);
    for inst in &mut t.insts {
        inst.args.iter_mut().for_each(renumber);
    }
    for snap in &mut t.snapshots {
        let slots = snap.frames.iter_mut().flat_map(|f| f.slots.iter_mut());
        let fields = snap.virtuals.iter_mut().flat_map(|o| o.fields.iter_mut());
        for (_, value) in slots.chain(fields) {
            if let SnapValue::Val(v) = value {
                renumber(v);
            }
        }
    }
    t
}

/// Runs `case` in the evaluator and through `run` (which executes the
/// compiled trace on a state area and returns the exit number), and
/// compares. `Ok(false)`: the evaluator's loop did not exit within its
/// iteration budget, so nothing was compared.
pub fn differential(
    case: &Case,
    run: &mut dyn FnMut(&Trace, &mut [u64]) -> u32,
) -> Result<bool, String> {
    let trace = &case.trace;
    let mut buffer = case.memory.clone();
    let base = buffer.as_mut_ptr() as u64;
    let inputs: Vec<u64> =
        case.inputs.iter().map(|&v| if v == MEMORY_BASE { base } else { v }).collect();
    let bytes = case.memory.iter().flat_map(|w| w.to_le_bytes()).collect();
    let mut memory = TestMemory { base, bytes };
    let helpers: HashMap<u64, HelperFn> =
        standard_helpers().into_iter().map(|(h, f)| (h.addr, f())).collect();
    let mut env = Env { memory: &mut memory, helpers };
    let outcome =
        eval(trace, &inputs, &mut env, 100_000).map_err(|e| format!("evaluator: {e:?}"))?;
    let Outcome::Exit { exit, snap, values } = outcome else { return Ok(false) };
    // Room for the GC root area past the exit records, if the code uses one.
    let mut state = vec![0u64; trace.state_words().max(inputs.len()) + 1 + trace.insts.len()];
    state[..inputs.len()].copy_from_slice(&inputs);
    let got_exit = run(trace, &mut state);
    if got_exit != exit {
        return Err(format!("exit {got_exit}, evaluator says {exit}"));
    }
    let snap_vals: Vec<Val> = trace.snapshots[snap as usize].values().collect();
    for (k, (want, v)) in values.iter().zip(&snap_vals).enumerate() {
        let got = state[k];
        let same =
            got == *want || (trace.ty(*v).is_float() && fl(got).is_nan() && fl(*want).is_nan());
        if !same {
            return Err(format!("exit {exit} entry {k} (%{}): got {got:#x}, want {want:#x}", v.0));
        }
    }
    for (k, got) in buffer.iter().enumerate() {
        let want =
            u64::from_le_bytes(memory.bytes[8 * k..8 * k + 8].try_into().unwrap_or_default());
        let nans = FLOAT_WORDS.contains(&k) && fl(*got).is_nan() && fl(want).is_nan();
        if *got != want && !nans {
            return Err(format!("memory word {k}: got {got:#x}, want {want:#x}"));
        }
    }
    Ok(true)
}

fn below(g: &mut Gen, n: u64) -> u64 {
    u64::arbitrary(g) % n.max(1)
}

fn chance(g: &mut Gen, percent: u64) -> bool {
    below(g, 100) < percent
}

fn random_int(g: &mut Gen) -> i64 {
    match below(g, 8) {
        0 => *g.choose(&[0, 1, -1, i64::MAX, i64::MIN, 1 << 32, i64::MAX / 3]).unwrap_or(&0),
        1 => i64::arbitrary(g),
        2 => below(g, 1 << 40) as i64 - (1 << 39),
        _ => below(g, 200) as i64 - 100,
    }
}

fn random_float(g: &mut Gen) -> f64 {
    match below(g, 8) {
        0 => *g
            .choose(&[0.0, -0.0, 1.0, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 1e300, 0.5])
            .unwrap_or(&0.0),
        1 => (below(g, 1 << 20) as f64) * 4.0 - 2e6,
        _ => (below(g, 2000) as f64 - 1000.0) / 8.0,
    }
}

/// The values available to new instructions, by type.
struct Pool {
    ints: Vec<Val>,
    floats: Vec<Val>,
    bools: Vec<Val>,
    words: Vec<Val>,
}

impl Pool {
    fn add(&mut self, trace: &Trace, v: Val) {
        match trace.ty(v) {
            Type::Int => self.ints.push(v),
            Type::Float => self.floats.push(v),
            Type::Bool => self.bools.push(v),
            Type::Word | Type::Ref => self.words.push(v),
            Type::Void => {}
        }
    }

    fn of(&self, ty: Type) -> &Vec<Val> {
        match ty {
            Type::Int => &self.ints,
            Type::Float => &self.floats,
            Type::Bool => &self.bools,
            _ => &self.words,
        }
    }

    /// A value of type `ty`, biased to recent ones but reaching far back
    /// (long live ranges make register pressure).
    fn pick(&self, g: &mut Gen, ty: Type) -> Val {
        let vs = self.of(ty);
        let n = vs.len() as u64;
        if chance(g, 60) {
            vs[(n - 1 - below(g, n.min(6))) as usize]
        } else {
            vs[below(g, n) as usize]
        }
    }

    fn all(&self) -> Vec<Val> {
        let mut v: Vec<Val> = [&self.ints, &self.floats, &self.bools, &self.words]
            .into_iter()
            .flatten()
            .copied()
            .collect();
        v.sort();
        v
    }
}

struct Generator<'g> {
    g: &'g mut Gen,
    trace: Trace,
    pool: Pool,
    mem: Val,
    /// The bool input and the value the case gives it.
    input_bool: (Val, bool),
}

impl Generator<'_> {
    fn snapshot(&mut self) -> u32 {
        if !self.trace.snapshots.is_empty() && chance(self.g, 20) {
            return self.trace.snapshots.len() as u32 - 1;
        }
        let all = self.pool.all();
        let mut frames = Vec::new();
        for f in 0..1 + below(self.g, 2) {
            let slots = (0..below(self.g, 7))
                .map(|k| (k as u32, SnapValue::Val(all[below(self.g, all.len() as u64) as usize])))
                .collect();
            frames.push(SnapFrame { pc: f as u32 * 10 + 3, base: f as u32 * 8, slots });
        }
        let mut virtuals = Vec::new();
        if chance(self.g, 20) {
            let fields = (0..below(self.g, 4))
                .map(|k| {
                    (8 * k as u32, SnapValue::Val(all[below(self.g, all.len() as u64) as usize]))
                })
                .collect();
            virtuals.push(VirtualObject { kind: 1, fields });
            frames[0].slots.push((99, SnapValue::Virtual(0)));
        }
        self.trace.add_snapshot(Snapshot { frames, virtuals })
    }

    fn add(&mut self, v: Val) -> Val {
        self.pool.add(&self.trace, v);
        v
    }

    fn int(&mut self) -> Val {
        self.pool.pick(self.g, Type::Int)
    }

    fn float(&mut self) -> Val {
        self.pool.pick(self.g, Type::Float)
    }

    /// A memory operand: (index and scale, offset) for an access of `bytes`
    /// bytes, in the float half of the test memory or the other half.
    fn address(&mut self, bytes: u64, float: bool) -> (Option<(Val, u8)>, i32) {
        let region = if float { FLOAT_WORDS.start } else { 0 } as u64 * 8;
        let size = (MEMORY_WORDS - FLOAT_WORDS.start) as u64 * 8;
        if chance(self.g, 50) {
            let seven = self.trace.kint(7);
            let x = self.int();
            let index = self.trace.op(Op::And, Type::Int, &[x, seven]);
            let off = region + below(self.g, (size - 64) / bytes) * bytes;
            (Some((index, 8)), off as i32)
        } else {
            (None, (region + below(self.g, size / bytes) * bytes) as i32)
        }
    }

    /// Emits one random instruction (or a short group).
    fn step(&mut self) {
        use Op::*;
        let t = Type::Int;
        match below(self.g, 20) {
            0..=3 => {
                let op =
                    *self.g.choose(&[Add, Sub, Mul, And, Or, Xor, Shl, Sar, Shr]).unwrap_or(&Add);
                let (a, b) = (self.int(), self.int());
                let b = if chance(self.g, 30) { self.trace.kint(random_int(self.g)) } else { b };
                let v = self.trace.op(op, t, &[a, b]);
                self.add(v);
            }
            4 => {
                let op = *self.g.choose(&[AddOv, SubOv, MulOv]).unwrap_or(&AddOv);
                let (mut a, mut b) = (self.int(), self.int());
                if chance(self.g, 60) {
                    // Mostly small operands, so most overflow guards pass.
                    let mask = self.trace.kint(0xfff);
                    a = self.trace.op(And, t, &[a, mask]);
                    b = self.trace.op(And, t, &[b, mask]);
                }
                let s = self.snapshot();
                let v = self.trace.guard(op, &[a, b], 0, s);
                self.add(v);
            }
            5 => {
                let a = self.int();
                let v = self.trace.op(Neg, t, &[a]);
                self.add(v);
            }
            6 | 7 => {
                let float = chance(self.g, 40);
                let ops: &[Op] = if float {
                    &[FLt, FLe, FGt, FGe, FEq, FNe]
                } else {
                    &[ILt, ILe, IGt, IGe, ULt, ULe, UGt, UGe, Eq, Ne]
                };
                let mut op = *self.g.choose(ops).unwrap_or(&ILt);
                let (a, mut b) =
                    if float { (self.float(), self.float()) } else { (self.int(), self.int()) };
                let guarded = chance(self.g, 40);
                // Most guards should pass, or few traces would reach their
                // loops: `a <= a`, `a != b` and `a == b` are nearly certain.
                let mut expect = None;
                if guarded && chance(self.g, 70) {
                    (op, expect) = match below(self.g, 3) {
                        0 if !float => {
                            b = a;
                            (ILe, Some(GuardTrue))
                        }
                        1 if a != b => (if float { FNe } else { Ne }, Some(GuardTrue)),
                        _ if a != b => (if float { FEq } else { Eq }, Some(GuardFalse)),
                        _ => (op, None),
                    };
                }
                let c = self.trace.op(op, Type::Bool, &[a, b]);
                if guarded {
                    let s = self.snapshot();
                    let random = if chance(self.g, 50) { GuardTrue } else { GuardFalse };
                    self.trace.guard(expect.unwrap_or(random), &[c], 0, s);
                } else {
                    self.add(c);
                }
            }
            8 | 9 => {
                let op =
                    *self.g.choose(&[FAdd, FSub, FMul, FDiv, FNeg, FAbs, FSqrt]).unwrap_or(&FAdd);
                let a = self.float();
                let args =
                    if matches!(op, FNeg | FAbs | FSqrt) { vec![a] } else { vec![a, self.float()] };
                let v = self.trace.op(op, Type::Float, &args);
                self.add(v);
            }
            10 => {
                let v = match below(self.g, 5) {
                    0 => {
                        let a = self.int();
                        self.trace.op(IToF, Type::Float, &[a])
                    }
                    1 => {
                        let a = self.float();
                        self.trace.op(FToI, t, &[a])
                    }
                    2 => {
                        let i = self.int();
                        let integral = self.trace.op(IToF, Type::Float, &[i]);
                        let a = if chance(self.g, 85) { integral } else { self.float() };
                        let s = self.snapshot();
                        self.trace.guard(FToIExact, &[a], 0, s)
                    }
                    3 => {
                        let a = self.int();
                        let w = self.trace.op(Cast, Type::Word, &[a]);
                        self.add(w);
                        self.trace.op(WToF, Type::Float, &[w])
                    }
                    _ => {
                        let a = self.pool.pick(self.g, Type::Bool);
                        self.trace.op(Cast, t, &[a])
                    }
                };
                self.add(v);
            }
            11 | 12 => {
                let op = *self.g.choose(&[LdI64, LdF64, LdWord, LdU8, LdU32]).unwrap_or(&LdI64);
                let (index, off) = self.address(crate::eval::access_bytes(op) as u64, op == LdF64);
                let v = self.trace.load(op, self.mem, index, off);
                self.add(v);
            }
            13 => {
                let op = *self.g.choose(&[StI64, StF64, StWord, StU8, StU32]).unwrap_or(&StI64);
                let value = match op {
                    StF64 => self.float(),
                    StWord => self.pool.pick(self.g, Type::Word),
                    _ => self.int(),
                };
                let (index, off) = self.address(crate::eval::access_bytes(op) as u64, op == StF64);
                self.trace.store(op, value, self.mem, index, off);
            }
            14 => {
                let a = self.int();
                let s = self.snapshot();
                let known = self.trace.insts[a.index()].op == KInt;
                if known && chance(self.g, 70) {
                    let imm = self.trace.insts[a.index()].imm;
                    self.trace.guard(GuardEq, &[a], imm, s);
                } else {
                    let imm = random_int(self.g);
                    self.trace.guard(GuardNe, &[a], imm, s);
                }
            }
            15 | 16 => {
                let h = below(self.g, self.trace.helpers.len() as u64) as u32;
                let sig = self.trace.helpers[h as usize].args.clone();
                let args: Vec<Val> = sig.iter().map(|ty| self.pool.pick(self.g, *ty)).collect();
                let v = self.trace.call(h, &args);
                self.add(v);
            }
            17 if chance(self.g, 40) => {
                let c = self.pool.pick(self.g, Type::Bool);
                let s = self.snapshot();
                // The bool input's value is known: guard it to pass, mostly.
                let passes = match self.input_bool {
                    (v, value) if v == c && chance(self.g, 80) => Some(value),
                    _ => None,
                };
                let expect_true = passes.unwrap_or_else(|| chance(self.g, 50));
                let g = if expect_true { GuardTrue } else { GuardFalse };
                self.trace.guard(g, &[c], 0, s);
            }
            _ => {
                let v = if chance(self.g, 50) {
                    let k = random_int(self.g);
                    self.trace.kint(k)
                } else {
                    let k = random_float(self.g);
                    self.trace.kflt(k)
                };
                self.add(v);
            }
        }
    }
}

/// A random well-typed trace of about `ops` instructions: half of them loop
/// (a counter phi bounds the iterations, more phis carry random values).
pub fn generate(g: &mut Gen, ops: usize) -> Case {
    let mut trace = Trace::new("random");
    for (h, _) in standard_helpers() {
        trace.add_helper(h);
    }
    let mem = trace.input(Type::Ref, 0);
    let mut inputs = vec![MEMORY_BASE];
    let pool = Pool { ints: vec![], floats: vec![], bools: vec![], words: vec![mem] };
    let mut gen = Generator { g, trace, pool, mem, input_bool: (Val(0), false) };
    for _ in 0..2 + below(gen.g, 3) {
        let v = gen.trace.input(Type::Int, inputs.len() as u32);
        inputs.push(random_int(gen.g) as u64);
        gen.add(v);
    }
    for _ in 0..1 + below(gen.g, 3) {
        let v = gen.trace.input(Type::Float, inputs.len() as u32);
        inputs.push(random_float(gen.g).to_bits());
        gen.add(v);
    }
    let b = gen.trace.input(Type::Bool, inputs.len() as u32);
    let value = chance(gen.g, 50);
    inputs.push(value as u64);
    gen.input_bool = (b, value);
    gen.add(b);
    let looping = chance(gen.g, 50);
    let preamble = if looping { ops / 3 } else { ops };
    while gen.trace.insts.len() < preamble {
        gen.step();
    }
    if looping {
        let zero = gen.trace.kint(0);
        let one = gen.trace.kint(1);
        let limit = gen.trace.kint(1 + below(gen.g, 8) as i64);
        let carried: Vec<Val> = (0..below(gen.g, 5))
            .map(|_| {
                let ty = *gen
                    .g
                    .choose(&[Type::Int, Type::Int, Type::Float, Type::Bool])
                    .unwrap_or(&Type::Int);
                gen.pool.pick(gen.g, ty)
            })
            .collect();
        gen.trace.op(Op::Loop, Type::Void, &[]);
        let counter = gen.trace.op(Op::Phi, Type::Int, &[zero]);
        let phis: Vec<Val> = carried
            .iter()
            .map(|&init| {
                let ty = gen.trace.ty(init);
                gen.trace.op(Op::Phi, ty, &[init])
            })
            .collect();
        for &p in &phis {
            gen.add(p);
        }
        gen.add(counter);
        while gen.trace.insts.len() < ops {
            gen.step();
        }
        let next = gen.trace.op(Op::Add, Type::Int, &[counter, one]);
        let more = gen.trace.op(Op::ILt, Type::Bool, &[next, limit]);
        let s = gen.snapshot();
        gen.trace.guard(Op::GuardTrue, &[more], 0, s);
        let mut args = vec![next];
        for &p in &phis {
            let ty = gen.trace.ty(p);
            args.push(gen.pool.pick(gen.g, ty));
        }
        gen.trace.op(Op::Jump, Type::Void, &args);
    } else {
        let s = gen.snapshot();
        gen.trace.guard(Op::Exit, &[], 0, s);
    }
    let memory = (0..MEMORY_WORDS).map(|_| random_int(gen.g) as u64).collect();
    Case { trace: gen.trace, inputs, memory }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::verify;

    #[test]
    fn shrinking_keeps_traces_valid() {
        let mut g = Gen::from_size_and_seed(40, 5);
        for _ in 0..30 {
            let case = Case::arbitrary(&mut g);
            for smaller in case.shrink().take(20) {
                verify(&smaller.trace).unwrap_or_else(|e| panic!("{e}\n{smaller:?}"));
            }
        }
    }

    #[test]
    fn generated_traces_verify_and_evaluate() {
        let mut g = Gen::from_size_and_seed(60, 1);
        let mut exits = 0;
        for _ in 0..300 {
            let case = Case::arbitrary(&mut g);
            verify(&case.trace).unwrap_or_else(|e| panic!("{e}\n{case:?}"));
            let text = crate::text::print(&case.trace);
            assert_eq!(crate::text::parse(&text).unwrap(), case.trace);
            // No compiled code here: every case must reach the comparison.
            let mut no_code = |_: &Trace, _: &mut [u64]| u32::MAX;
            match differential(&case, &mut no_code) {
                Ok(_) => {}
                Err(e) if e.starts_with("exit") => exits += 1,
                Err(e) => panic!("{e}\n{case:?}"),
            }
        }
        assert!(exits > 250, "{exits}");
    }
}
