//! The reference evaluator: the meaning of every op, and the oracle the
//! compiled code is tested against. Values are raw 64-bit patterns (floats
//! as their bits, bools as 0 or 1).
//!
//! A NaN result's payload and sign are unspecified: x86 and AArch64 make
//! different default NaNs, and this evaluator uses the host's arithmetic.
//! The interpreter canonicalises NaNs when it boxes a float, and the tests
//! compare NaNs as equal.

use std::collections::HashMap;

use crate::ops::Op;
use crate::trace::{Trace, Val};

/// Why evaluation stopped without an outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EvalError {
    /// A load or store outside the test memory.
    BadAddress { inst: usize, addr: u64 },
    /// A call of a helper address with no closure.
    UnknownHelper { inst: usize, addr: u64 },
    /// An input slot beyond the inputs given.
    MissingInput { inst: usize, slot: usize },
    /// The trace fell off its end (it was not verified).
    NoTerminator,
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A guard (or `exit`) left the trace: its exit number, its snapshot and
    /// the snapshot's values in exit-record order.
    Exit { exit: u32, snap: u32, values: Vec<u64> },
    /// The loop ran the requested number of iterations; the phis' values.
    Looping { phis: Vec<u64> },
}

/// Memory the trace loads from and stores to.
pub trait Memory {
    fn load(&mut self, addr: u64, bytes: usize) -> Option<u64>;
    fn store(&mut self, addr: u64, bytes: usize, value: u64) -> Option<()>;
}

/// A memory area that answers for the addresses `base..base + bytes.len()`.
/// Tests give it the address of a real buffer, so that the same trace runs
/// in the evaluator and as machine code on that buffer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TestMemory {
    pub base: u64,
    pub bytes: Vec<u8>,
}

impl TestMemory {
    fn range(&self, addr: u64, bytes: usize) -> Option<std::ops::Range<usize>> {
        let start = usize::try_from(addr.checked_sub(self.base)?).ok()?;
        let end = start.checked_add(bytes)?;
        (end <= self.bytes.len()).then_some(start..end)
    }
}

impl Memory for TestMemory {
    fn load(&mut self, addr: u64, bytes: usize) -> Option<u64> {
        let r = self.range(addr, bytes)?;
        let mut buf = [0u8; 8];
        buf[..bytes].copy_from_slice(&self.bytes[r]);
        Some(u64::from_le_bytes(buf))
    }

    fn store(&mut self, addr: u64, bytes: usize, value: u64) -> Option<()> {
        let r = self.range(addr, bytes)?;
        self.bytes[r].copy_from_slice(&value.to_le_bytes()[..bytes]);
        Some(())
    }
}

/// A helper's behaviour: raw argument bits in, raw result bits out.
pub type HelperFn = Box<dyn FnMut(&[u64]) -> u64>;

/// What a trace runs against: memory and helpers keyed by address.
pub struct Env<'a> {
    pub memory: &'a mut dyn Memory,
    pub helpers: HashMap<u64, HelperFn>,
}

fn f(bits: u64) -> f64 {
    f64::from_bits(bits)
}

fn b(cond: bool) -> u64 {
    cond as u64
}

/// x86's cvttsd2si: NaN and out-of-range give i64::MIN. Both backends must
/// give this.
pub fn f64_to_i64(x: f64) -> i64 {
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    if (-TWO_63..TWO_63).contains(&x) {
        x as i64
    } else {
        i64::MIN
    }
}

/// The value of a pure, non-guard op on its operands (`None` for other ops).
pub fn eval_pure(op: Op, a: u64, c: u64) -> Option<u64> {
    let (x, y) = (a as i64, c as i64);
    Some(match op {
        Op::Add => x.wrapping_add(y) as u64,
        Op::Sub => x.wrapping_sub(y) as u64,
        Op::Mul => x.wrapping_mul(y) as u64,
        Op::Neg => x.wrapping_neg() as u64,
        Op::And => a & c,
        Op::Or => a | c,
        Op::Xor => a ^ c,
        Op::Shl => a << (c & 63),
        Op::Sar => (x >> (c & 63)) as u64,
        Op::Shr => a >> (c & 63),
        Op::ILt => b(x < y),
        Op::ILe => b(x <= y),
        Op::IGt => b(x > y),
        Op::IGe => b(x >= y),
        Op::ULt => b(a < c),
        Op::ULe => b(a <= c),
        Op::UGt => b(a > c),
        Op::UGe => b(a >= c),
        Op::Eq => b(a == c),
        Op::Ne => b(a != c),
        Op::FAdd => (f(a) + f(c)).to_bits(),
        Op::FSub => (f(a) - f(c)).to_bits(),
        Op::FMul => (f(a) * f(c)).to_bits(),
        Op::FDiv => (f(a) / f(c)).to_bits(),
        Op::FNeg => a ^ (1 << 63),
        Op::FAbs => a & !(1 << 63),
        Op::FSqrt => f(a).sqrt().to_bits(),
        Op::FLt => b(f(a) < f(c)),
        Op::FLe => b(f(a) <= f(c)),
        Op::FGt => b(f(a) > f(c)),
        Op::FGe => b(f(a) >= f(c)),
        Op::FEq => b(f(a) == f(c)),
        Op::FNe => b(f(a) != f(c)),
        Op::IToF => (x as f64).to_bits(),
        Op::FToI => f64_to_i64(f(a)) as u64,
        Op::Cast | Op::FToW | Op::WToF => a,
        _ => return None,
    })
}

/// The value of a guard-carrying arithmetic op, or `None` when it exits.
pub fn eval_checked(op: Op, a: u64, c: u64) -> Option<u64> {
    let (x, y) = (a as i64, c as i64);
    match op {
        Op::AddOv => x.checked_add(y).map(|r| r as u64),
        Op::SubOv => x.checked_sub(y).map(|r| r as u64),
        Op::MulOv => x.checked_mul(y).map(|r| r as u64),
        Op::FToIExact => {
            let i = f64_to_i64(f(a));
            (i as f64 == f(a)).then_some(i as u64)
        }
        Op::GuardTrue => (a == 1).then_some(0),
        Op::GuardFalse => (a == 0).then_some(0),
        _ => None,
    }
}

/// Byte width of a load or store.
pub fn access_bytes(op: Op) -> usize {
    match op {
        Op::LdU8 | Op::StU8 => 1,
        Op::LdU32 | Op::StU32 => 4,
        _ => 8,
    }
}

/// Runs `trace` with `inputs` as its state area until it exits or its loop
/// has run `max_iterations` times (counting the back edges taken).
pub fn eval(
    trace: &Trace,
    inputs: &[u64],
    env: &mut Env,
    max_iterations: u64,
) -> Result<Outcome, EvalError> {
    let n = trace.insts.len();
    let mut vals = vec![0u64; n];
    // State stores go to a copy: inputs read after one see it.
    let mut state = inputs.to_vec();
    let loop_at = trace.loop_start();
    let mut exit_numbers = vec![0u32; n];
    for (e, i) in trace.exits().into_iter().enumerate() {
        exit_numbers[i] = e as u32;
    }
    let mut iterations = 0;
    let mut i = 0;
    while i < n {
        let inst = &trace.insts[i];
        let arg = |k: usize| vals[inst.args[k].index()];
        let exit = |vals: &[u64]| {
            let snap = inst.snap.unwrap_or(0);
            let values = trace.snapshots[snap as usize].values().map(|v| vals[v.index()]).collect();
            Ok(Outcome::Exit { exit: exit_numbers[i], snap, values })
        };
        let address = |vals: &[u64], first: usize| {
            let base = vals[inst.args[first].index()];
            let index = inst.args.get(first + 1).map_or(0, |x| vals[x.index()]);
            base.wrapping_add(index.wrapping_mul(inst.scale as u64)).wrapping_add(inst.imm as u64)
        };
        match inst.op {
            op if op.is_const() => vals[i] = inst.imm as u64,
            Op::Input => {
                let slot = inst.imm as usize;
                vals[i] = *state.get(slot).ok_or(EvalError::MissingInput { inst: i, slot })?;
            }
            Op::StState => {
                let word = inst.imm as usize;
                if state.len() <= word {
                    state.resize(word + 1, 0);
                }
                state[word] = arg(0);
            }
            Op::AddOv | Op::SubOv | Op::MulOv | Op::FToIExact | Op::GuardTrue | Op::GuardFalse => {
                let c = if inst.args.len() > 1 { arg(1) } else { 0 };
                match eval_checked(inst.op, arg(0), c) {
                    Some(r) => vals[i] = r,
                    None => return exit(&vals),
                }
            }
            Op::GuardEq | Op::GuardNe => {
                if (arg(0) == inst.imm as u64) != (inst.op == Op::GuardEq) {
                    return exit(&vals);
                }
            }
            Op::Exit => return exit(&vals),
            Op::LdI64 | Op::LdF64 | Op::LdWord | Op::LdRef | Op::LdU8 | Op::LdU32 => {
                let addr = address(&vals, 0);
                vals[i] = env
                    .memory
                    .load(addr, access_bytes(inst.op))
                    .ok_or(EvalError::BadAddress { inst: i, addr })?;
            }
            Op::StI64 | Op::StF64 | Op::StWord | Op::StU8 | Op::StU32 => {
                let addr = address(&vals, 1);
                env.memory
                    .store(addr, access_bytes(inst.op), arg(0))
                    .ok_or(EvalError::BadAddress { inst: i, addr })?;
            }
            Op::Call => {
                let helper = &trace.helpers[inst.helper.unwrap_or(0) as usize];
                let args: Vec<u64> = inst.args.iter().map(|a| vals[a.index()]).collect();
                let addr = helper.addr;
                let func =
                    env.helpers.get_mut(&addr).ok_or(EvalError::UnknownHelper { inst: i, addr })?;
                vals[i] = func(&args);
            }
            Op::Loop => {}
            Op::Phi => vals[i] = arg(0),
            Op::Jump => {
                let l = loop_at.ok_or(EvalError::NoTerminator)?;
                let next: Vec<u64> = inst.args.iter().map(|a| vals[a.index()]).collect();
                for (k, v) in next.iter().enumerate() {
                    vals[l + 1 + k] = *v;
                }
                iterations += 1;
                if iterations >= max_iterations {
                    return Ok(Outcome::Looping { phis: next });
                }
                i = l + 1 + next.len();
                continue;
            }
            op => {
                let c = if inst.args.len() > 1 { arg(1) } else { 0 };
                vals[i] = eval_pure(op, arg(0), c).ok_or(EvalError::NoTerminator)?;
            }
        }
        i += 1;
    }
    Err(EvalError::NoTerminator)
}

/// The values of a run's snapshot entries, for tests that name them.
pub fn snapshot_values(trace: &Trace, snap: u32) -> Vec<Val> {
    trace.snapshots[snap as usize].values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::parse;

    fn run(text: &str, inputs: &[u64], memory: &mut TestMemory, iters: u64) -> Outcome {
        let trace = parse(text).unwrap();
        crate::verify::verify(&trace).unwrap();
        let mut helpers: HashMap<u64, HelperFn> = HashMap::new();
        helpers.insert(1, Box::new(|a: &[u64]| a[0].wrapping_mul(3)));
        let mut env = Env { memory, helpers };
        eval(&trace, inputs, &mut env, iters).unwrap()
    }

    const COUNT: &str = "\
helper triple(int) -> int @0x1
%0:int = input 0
%1:int = input 1
%2:int = kint 1
%3 = loop
%4:int = phi %0
%5:int = phi %2
%6:int = add %4, %2
%7:int = call @triple(%5)
%8:bool = lt %6, %1
snap 0: frame pc=4 base=0 [0=%6 1=%7]
%9 = guard.true %8 snap=0
%10 = jump %6, %7
";

    #[test]
    fn loop_runs_until_guard_fails() {
        let out = run(COUNT, &[0, 5], &mut TestMemory::default(), 100);
        assert_eq!(out, Outcome::Exit { exit: 0, snap: 0, values: vec![5, 243] });
        let out = run(COUNT, &[0, 5], &mut TestMemory::default(), 2);
        assert_eq!(out, Outcome::Looping { phis: vec![2, 9] });
    }

    #[test]
    fn memory_and_overflow() {
        let text = "\
%0:word = input 0
%1:int = input 1
%2:int = ld.u32 [%0 + %1*4 + 4]
%3:int = kint 9223372036854775807
%4 = st.u8 [%0 + 1], %3
snap 0: frame pc=0 base=0 [0=%2]
%5:int = addov %2, %3 snap=0
%6 = exit snap=0
";
        let mut mem = TestMemory { base: 0x1000, bytes: (1..=16).collect() };
        let out = run(text, &[0x1000, 1], &mut mem, 1);
        assert_eq!(out, Outcome::Exit { exit: 0, snap: 0, values: vec![0x0c0b0a09] });
        assert_eq!(mem.bytes[1], 0xff);
    }

    #[test]
    fn conversions() {
        assert_eq!(f64_to_i64(f64::NAN), i64::MIN);
        assert_eq!(f64_to_i64(1e19), i64::MIN);
        assert_eq!(f64_to_i64(-2.5), -2);
        assert_eq!(eval_checked(Op::FToIExact, 2.5f64.to_bits(), 0), None);
        assert_eq!(eval_checked(Op::FToIExact, (-3.0f64).to_bits(), 0), Some(-3i64 as u64));
        assert_eq!(eval_pure(Op::FNe, f64::NAN.to_bits(), 0), Some(1));
        assert_eq!(eval_pure(Op::Sar, -8i64 as u64, 65), Some(-4i64 as u64));
    }
}
