//! The fold engine's rules (LuaJIT's lj_opt_fold.c): what an instruction
//! about to be emitted reduces to, given what its operands are. Constant
//! operands are evaluated with the reference evaluator's own arithmetic, so
//! a fold can never disagree with `traces::eval`.

use traces::eval::{eval_checked, eval_pure};
use traces::ops::Flags;
use traces::{Args, Inst, Op, Type, Val};

/// What the fold engine made of an instruction.
#[derive(Clone, Debug, PartialEq)]
pub enum Folded {
    /// Emit this (possibly rewritten) instruction.
    Emit(Inst),
    /// The instruction's value is this existing value.
    Same(Val),
    /// The instruction is this constant: (constant op, bits).
    Const(Op, i64),
    /// A guard that always holds: emit nothing.
    Drop,
    /// `x + k` with the constant `k` still to be made (a folded chain).
    Rebase(Val, i64),
}

/// What the fold rules may ask about operands.
pub trait Operands {
    /// The defining instruction of `v`.
    fn def(&self, v: Val) -> &Inst;
}

/// The constant op holding a value of type `ty`.
pub fn const_op(ty: Type) -> Option<Op> {
    Some(match ty {
        Type::Int => Op::KInt,
        Type::Float => Op::KFloat,
        Type::Word => Op::KWord,
        Type::Ref => Op::KRef,
        Type::Bool => Op::KBool,
        Type::Void => return None,
    })
}

fn constant(ops: &dyn Operands, v: Val) -> Option<u64> {
    let d = ops.def(v);
    d.op.is_const().then_some(d.imm as u64)
}

fn commutative(op: Op) -> bool {
    matches!(
        op,
        Op::Add
            | Op::Mul
            | Op::And
            | Op::Or
            | Op::Xor
            | Op::AddOv
            | Op::MulOv
            | Op::Eq
            | Op::Ne
            | Op::FAdd
            | Op::FMul
            | Op::FEq
            | Op::FNe
    )
}

/// Folds `inst` (whose operands are already emitted).
pub fn fold(ops: &dyn Operands, mut inst: Inst) -> Folded {
    let op = inst.op;
    if op.is_const() || !(op.flags().has(Flags::PURE) || op.is_guard()) || op == Op::Exit {
        return Folded::Emit(inst);
    }
    // Constants to the right, then operands in a fixed order: CSE sees
    // `a + b` and `b + a` as one.
    if commutative(op) && inst.args.len() == 2 {
        let (a, b) = (inst.args[0], inst.args[1]);
        let (ka, kb) = (constant(ops, a).is_some(), constant(ops, b).is_some());
        if (ka && !kb) || (ka == kb && a > b) {
            inst.args.swap(0, 1);
        }
    }
    let k: Vec<Option<u64>> = inst.args.iter().map(|&a| constant(ops, a)).collect();
    let all_const = k.iter().all(Option::is_some) && !inst.args.is_empty();
    if all_const {
        let a = k[0].unwrap_or(0);
        let c = k.get(1).copied().flatten().unwrap_or(0);
        if let Some(folded) = fold_constants(&inst, a, c) {
            return folded;
        }
    }
    if let Some(folded) = fold_identity(ops, &inst, &k) {
        return folded;
    }
    Folded::Emit(inst)
}

fn fold_constants(inst: &Inst, a: u64, c: u64) -> Option<Folded> {
    let op = inst.op;
    let result = |bits: u64| const_op(inst.ty).map(|k| Folded::Const(k, bits as i64));
    match op {
        Op::GuardTrue | Op::GuardFalse => eval_checked(op, a, c).map(|_| Folded::Drop),
        Op::GuardEq => (a == inst.imm as u64).then_some(Folded::Drop),
        Op::GuardNe => (a != inst.imm as u64).then_some(Folded::Drop),
        // A guarded op that would exit stays: the trace exits there.
        Op::AddOv | Op::SubOv | Op::MulOv | Op::FToIExact => {
            eval_checked(op, a, c).and_then(result)
        }
        _ => eval_pure(op, a, c).and_then(result),
    }
}

fn fold_identity(ops: &dyn Operands, inst: &Inst, k: &[Option<u64>]) -> Option<Folded> {
    let op = inst.op;
    let a = *inst.args.first()?;
    let b = inst.args.get(1).copied();
    let kb = k.get(1).copied().flatten().map(|x| x as i64);
    let same = b == Some(a);
    let zero = |ty: Type| const_op(ty).map(|k| Folded::Const(k, 0));
    let def_a = ops.def(a);
    match op {
        Op::Add
        | Op::Sub
        | Op::Or
        | Op::Xor
        | Op::Shl
        | Op::Sar
        | Op::Shr
        | Op::AddOv
        | Op::SubOv
            if kb == Some(0) =>
        {
            Some(Folded::Same(a))
        }
        Op::Mul | Op::MulOv if kb == Some(1) => Some(Folded::Same(a)),
        Op::Mul | Op::And if kb == Some(0) => zero(Type::Int),
        Op::And if kb == Some(-1) => Some(Folded::Same(a)),
        Op::And | Op::Or if same => Some(Folded::Same(a)),
        Op::Sub | Op::Xor | Op::SubOv if same => zero(Type::Int),
        Op::Eq | Op::ILe | Op::IGe | Op::ULe | Op::UGe if same => Some(Folded::Const(Op::KBool, 1)),
        Op::Ne | Op::ILt | Op::IGt | Op::ULt | Op::UGt if same => Some(Folded::Const(Op::KBool, 0)),
        // x + -0.0 and x - 0.0 are x for every x, signed zeros and NaNs too;
        // x + 0.0 is not (-0.0 + 0.0 is 0.0).
        Op::FAdd if kb == Some((-0.0f64).to_bits() as i64) => Some(Folded::Same(a)),
        Op::FSub if kb == Some(0) => Some(Folded::Same(a)),
        Op::FMul | Op::FDiv if kb == Some(1.0f64.to_bits() as i64) => Some(Folded::Same(a)),
        // Involutions and casts that undo each other.
        Op::Neg | Op::FNeg if def_a.op == op => Some(Folded::Same(def_a.args[0])),
        Op::WToF if def_a.op == Op::FToW => Some(Folded::Same(def_a.args[0])),
        Op::FToW if def_a.op == Op::WToF && ops.def(def_a.args[0]).ty == Type::Word => {
            Some(Folded::Same(def_a.args[0]))
        }
        Op::Cast if def_a.ty == inst.ty => Some(Folded::Same(a)),
        Op::Cast if def_a.op == Op::Cast => {
            let inner = def_a.args[0];
            if ops.def(inner).ty == inst.ty {
                Some(Folded::Same(inner))
            } else {
                let mut i = inst.clone();
                i.args = Args::from([inner]);
                Some(Folded::Emit(i))
            }
        }
        // Constant chains: (x + k1) + k2 is x + (k1 + k2) (wrapping, so exact).
        Op::Add | Op::Sub if kb.is_some() && matches!(def_a.op, Op::Add | Op::Sub) => {
            let inner_k = constant(ops, def_a.args[1])? as i64;
            let inner = if def_a.op == Op::Add { inner_k } else { inner_k.wrapping_neg() };
            let outer = if op == Op::Add { kb? } else { kb?.wrapping_neg() };
            Some(Folded::Rebase(def_a.args[0], inner.wrapping_add(outer)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::opt::check::optimizes_to;

    #[test]
    fn constants_fold() {
        optimizes_to(
            "%0:int = input 0
             %1:int = kint 2
             %2:int = kint 3
             %3:int = mul %1, %2
             %4:float = i2f %3
             %5:bool = flt %4, %4
             snap 0: frame pc=1 base=0 [0=%0]
             %6:int = addov %3, %1 snap=0
             snap 1: frame pc=1 base=0 [0=%3 1=%4 2=%5 3=%6]
             %7 = exit snap=1",
            "%0:int = kint 6
             %1:float = kflt 6.0
             %2:bool = kbool 0
             %3:int = kint 8
             snap 0: frame pc=1 base=0 [0=%0 1=%1 2=%2 3=%3]
             %4 = exit snap=0",
        );
    }

    #[test]
    fn identities_fold() {
        optimizes_to(
            "%0:int = input 0
             %1:float = input 1
             %2:int = kint 0
             %3:int = add %0, %2
             %4:int = sub %3, %0
             %5:int = neg %0
             %6:int = neg %5
             %7:word = f2w %1
             %8:float = w2f %7
             %9:float = kflt -0.0
             %10:float = fadd %8, %9
             %11:int = kint 5
             %12:int = add %0, %11
             %13:int = sub %12, %11
             snap 0: frame pc=1 base=0 [0=%3 1=%4 2=%6 3=%10 4=%13]
             %14 = exit snap=0",
            "%0:int = input 0
             %1:float = input 1
             %2:int = kint 0
             snap 0: frame pc=1 base=0 [0=%0 1=%2 2=%0 3=%1 4=%0]
             %3 = exit snap=0",
        );
    }

    #[test]
    fn guards_on_constants_vanish() {
        optimizes_to(
            "%0:int = input 0
             %1:int = kint 1
             %2:int = kint 2
             %3:bool = lt %1, %2
             snap 0: frame pc=1 base=0 [0=%0]
             %4 = guard.true %3 snap=0
             %5 = guard.eq %1, 0x1 snap=0
             %6:bool = lt %0, %2
             %7 = guard.false %6 snap=0
             %8 = exit snap=0",
            "%0:int = input 0
             %1:int = kint 2
             %2:bool = lt %0, %1
             snap 0: frame pc=1 base=0 [0=%0]
             %3 = guard.false %2 snap=0
             %4 = exit snap=0",
        );
    }
}
