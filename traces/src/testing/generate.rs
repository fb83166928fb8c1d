//! The generator of random well-typed traces.

use quickcheck::{Arbitrary, Gen};

use super::helpers::standard_helpers;
use super::{Case, FLOAT_WORDS, MEMORY_BASE, MEMORY_WORDS};
use crate::ops::Op;
use crate::trace::{SnapFrame, SnapValue, Snapshot, Trace, Val, VirtualObject};
use crate::types::Type;

pub(super) fn below(g: &mut Gen, n: u64) -> u64 {
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
