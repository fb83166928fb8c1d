//! The opcode table: every IR operation is one row of `for_each_op!`, naming
//! its text mnemonic, operand kinds, immediate kind, result type and flags (as
//! LuaJIT's `IRDEF` in lj_ir.h). Everything else (the verifier, the text
//! format, the evaluator, the backends) reads this table instead of keeping
//! its own list of opcodes.

use crate::types::{Type, TypeSet};

/// What an operand must be. `Gpr` is any value living in a general register
/// (int, word, ref, bool); `Any` is any non-void value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Int,
    Float,
    Bool,
    Gpr,
    Any,
}

impl Kind {
    pub fn accepts(self, ty: Type) -> bool {
        match self {
            Kind::Int => ty == Type::Int,
            Kind::Float => ty == Type::Float,
            Kind::Bool => ty == Type::Bool,
            Kind::Gpr => ty.is_gpr(),
            Kind::Any => ty != Type::Void,
        }
    }
}

/// The operand list of an operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operands {
    /// Exactly these SSA operands.
    Fixed(&'static [Kind]),
    /// A memory address: base (gpr), optional index (int); `imm` is the
    /// byte offset and `scale` the index scale.
    Load,
    /// A stored value of this kind, then a memory address as in `Load`.
    Store(Kind),
    /// The arguments of the helper named by `Inst::helper`.
    Call,
    /// The new values of the loop's phis, in phi order.
    Jump,
}

/// What the `imm` field of an instruction holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Imm {
    None,
    /// A signed integer constant.
    Int,
    /// The bits of an f64 constant.
    Float,
    /// A machine word (printed in hex).
    Word,
    /// An index into the trace's state area.
    Slot,
    /// A byte offset of a memory access.
    Offset,
}

/// The result type of an operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Result {
    Void,
    Fixed(Type),
    /// Chosen by the instruction (`Inst::ty`) among these.
    Given(TypeSet),
    /// The type of the first operand (phi).
    SameAsFirst,
    /// The helper's result type (call).
    Helper,
}

/// Flags of an operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flags(pub u16);

impl Flags {
    pub const NONE: Flags = Flags(0);
    /// No side effect, result depends only on operands: may be CSE'd or removed.
    pub const PURE: Flags = Flags(1);
    /// May leave the trace; carries a snapshot and an exit number.
    pub const GUARD: Flags = Flags(2);
    /// Calls a helper (which may raise or collect, as the helper says).
    pub const CALL: Flags = Flags(4);
    /// Writes memory.
    pub const STORE: Flags = Flags(8);
    /// Reads memory.
    pub const LOAD: Flags = Flags(16);
    /// Ends the trace.
    pub const TERMINATOR: Flags = Flags(32);
    /// A constant: has no operands, needs no register.
    pub const CONST: Flags = Flags(64);

    pub const fn union(self, other: Flags) -> Flags {
        Flags(self.0 | other.0)
    }
    pub fn has(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }
}

/// One row of the opcode table.
#[derive(Clone, Copy, Debug)]
pub struct OpInfo {
    pub name: &'static str,
    pub operands: Operands,
    pub imm: Imm,
    pub result: Result,
    pub flags: Flags,
}

use Kind::{Any, Bool as B, Float as F, Gpr as G, Int as I};

const PURE: Flags = Flags::PURE;
const GUARD: Flags = Flags::GUARD;
const PURE_GUARD: Flags = Flags::PURE.union(Flags::GUARD);
const CONST: Flags = Flags::PURE.union(Flags::CONST);
const INT_RESULT: Result = Result::Fixed(Type::Int);
const FLOAT_RESULT: Result = Result::Fixed(Type::Float);
const BOOL_RESULT: Result = Result::Fixed(Type::Bool);

/// The opcode table. Columns: variant, mnemonic, operands, immediate, result,
/// flags.
macro_rules! for_each_op {
    ($m:ident) => {
        $m! {
            // Constants and trace inputs.
            KInt, "kint", Operands::Fixed(&[]), Imm::Int, INT_RESULT, CONST;
            KFloat, "kflt", Operands::Fixed(&[]), Imm::Float, FLOAT_RESULT, CONST;
            KWord, "kword", Operands::Fixed(&[]), Imm::Word, Result::Fixed(Type::Word), CONST;
            KRef, "kref", Operands::Fixed(&[]), Imm::Word, Result::Fixed(Type::Ref), CONST;
            KBool, "kbool", Operands::Fixed(&[]), Imm::Int, BOOL_RESULT, CONST;
            Input, "input", Operands::Fixed(&[]), Imm::Slot, Result::Given(TypeSet::VALUES), Flags::NONE;
            // Writes a word of the state area (which inputs read): how a
            // trace hands values to the trace its exit is linked to.
            StState, "st.state", Operands::Fixed(&[G]), Imm::Slot, Result::Void, Flags::NONE;
            // Integer arithmetic (wrapping) and its overflow-guarded forms.
            Add, "add", Operands::Fixed(&[I, I]), Imm::None, INT_RESULT, PURE;
            Sub, "sub", Operands::Fixed(&[I, I]), Imm::None, INT_RESULT, PURE;
            Mul, "mul", Operands::Fixed(&[I, I]), Imm::None, INT_RESULT, PURE;
            AddOv, "addov", Operands::Fixed(&[I, I]), Imm::None, INT_RESULT, PURE_GUARD;
            SubOv, "subov", Operands::Fixed(&[I, I]), Imm::None, INT_RESULT, PURE_GUARD;
            MulOv, "mulov", Operands::Fixed(&[I, I]), Imm::None, INT_RESULT, PURE_GUARD;
            Neg, "neg", Operands::Fixed(&[I]), Imm::None, INT_RESULT, PURE;
            And, "and", Operands::Fixed(&[I, I]), Imm::None, INT_RESULT, PURE;
            Or, "or", Operands::Fixed(&[I, I]), Imm::None, INT_RESULT, PURE;
            Xor, "xor", Operands::Fixed(&[I, I]), Imm::None, INT_RESULT, PURE;
            // Shift counts are taken modulo 64.
            Shl, "shl", Operands::Fixed(&[I, I]), Imm::None, INT_RESULT, PURE;
            Sar, "sar", Operands::Fixed(&[I, I]), Imm::None, INT_RESULT, PURE;
            Shr, "shr", Operands::Fixed(&[I, I]), Imm::None, INT_RESULT, PURE;
            // Integer compares (signed, then unsigned); eq/ne take any gpr values.
            ILt, "lt", Operands::Fixed(&[I, I]), Imm::None, BOOL_RESULT, PURE;
            ILe, "le", Operands::Fixed(&[I, I]), Imm::None, BOOL_RESULT, PURE;
            IGt, "gt", Operands::Fixed(&[I, I]), Imm::None, BOOL_RESULT, PURE;
            IGe, "ge", Operands::Fixed(&[I, I]), Imm::None, BOOL_RESULT, PURE;
            ULt, "ult", Operands::Fixed(&[I, I]), Imm::None, BOOL_RESULT, PURE;
            ULe, "ule", Operands::Fixed(&[I, I]), Imm::None, BOOL_RESULT, PURE;
            UGt, "ugt", Operands::Fixed(&[I, I]), Imm::None, BOOL_RESULT, PURE;
            UGe, "uge", Operands::Fixed(&[I, I]), Imm::None, BOOL_RESULT, PURE;
            Eq, "eq", Operands::Fixed(&[G, G]), Imm::None, BOOL_RESULT, PURE;
            Ne, "ne", Operands::Fixed(&[G, G]), Imm::None, BOOL_RESULT, PURE;
            // Float arithmetic and compares (IEEE: every compare but fne is
            // false on NaN).
            FAdd, "fadd", Operands::Fixed(&[F, F]), Imm::None, FLOAT_RESULT, PURE;
            FSub, "fsub", Operands::Fixed(&[F, F]), Imm::None, FLOAT_RESULT, PURE;
            FMul, "fmul", Operands::Fixed(&[F, F]), Imm::None, FLOAT_RESULT, PURE;
            FDiv, "fdiv", Operands::Fixed(&[F, F]), Imm::None, FLOAT_RESULT, PURE;
            FNeg, "fneg", Operands::Fixed(&[F]), Imm::None, FLOAT_RESULT, PURE;
            FAbs, "fabs", Operands::Fixed(&[F]), Imm::None, FLOAT_RESULT, PURE;
            FSqrt, "fsqrt", Operands::Fixed(&[F]), Imm::None, FLOAT_RESULT, PURE;
            FLt, "flt", Operands::Fixed(&[F, F]), Imm::None, BOOL_RESULT, PURE;
            FLe, "fle", Operands::Fixed(&[F, F]), Imm::None, BOOL_RESULT, PURE;
            FGt, "fgt", Operands::Fixed(&[F, F]), Imm::None, BOOL_RESULT, PURE;
            FGe, "fge", Operands::Fixed(&[F, F]), Imm::None, BOOL_RESULT, PURE;
            FEq, "feq", Operands::Fixed(&[F, F]), Imm::None, BOOL_RESULT, PURE;
            FNe, "fne", Operands::Fixed(&[F, F]), Imm::None, BOOL_RESULT, PURE;
            // Conversions. `f2i` truncates; NaN and out-of-range give i64::MIN.
            // `f2i.exact` exits unless the float is an integer in range.
            IToF, "i2f", Operands::Fixed(&[I]), Imm::None, FLOAT_RESULT, PURE;
            FToI, "f2i", Operands::Fixed(&[F]), Imm::None, INT_RESULT, PURE;
            FToIExact, "f2i.exact", Operands::Fixed(&[F]), Imm::None, INT_RESULT, PURE_GUARD;
            // Bit casts: same bits, another type (bool casts to 0 or 1).
            Cast, "cast", Operands::Fixed(&[G]), Imm::None, Result::Given(TypeSet::WORDS), PURE;
            FToW, "f2w", Operands::Fixed(&[F]), Imm::None, Result::Fixed(Type::Word), PURE;
            WToF, "w2f", Operands::Fixed(&[G]), Imm::None, FLOAT_RESULT, PURE;
            // Memory: [base + index*scale + offset]; narrow loads zero-extend,
            // narrow stores keep the low bits.
            LdI64, "ld.i64", Operands::Load, Imm::Offset, INT_RESULT, Flags::LOAD;
            LdF64, "ld.f64", Operands::Load, Imm::Offset, FLOAT_RESULT, Flags::LOAD;
            LdWord, "ld.word", Operands::Load, Imm::Offset, Result::Fixed(Type::Word), Flags::LOAD;
            LdRef, "ld.ref", Operands::Load, Imm::Offset, Result::Fixed(Type::Ref), Flags::LOAD;
            LdU8, "ld.u8", Operands::Load, Imm::Offset, INT_RESULT, Flags::LOAD;
            LdU32, "ld.u32", Operands::Load, Imm::Offset, INT_RESULT, Flags::LOAD;
            StI64, "st.i64", Operands::Store(I), Imm::Offset, Result::Void, Flags::STORE;
            StF64, "st.f64", Operands::Store(F), Imm::Offset, Result::Void, Flags::STORE;
            StWord, "st.word", Operands::Store(G), Imm::Offset, Result::Void, Flags::STORE;
            StU8, "st.u8", Operands::Store(I), Imm::Offset, Result::Void, Flags::STORE;
            StU32, "st.u32", Operands::Store(I), Imm::Offset, Result::Void, Flags::STORE;
            // Guards: exit through the snapshot unless the condition holds.
            GuardTrue, "guard.true", Operands::Fixed(&[B]), Imm::None, Result::Void, GUARD;
            GuardFalse, "guard.false", Operands::Fixed(&[B]), Imm::None, Result::Void, GUARD;
            GuardEq, "guard.eq", Operands::Fixed(&[G]), Imm::Word, Result::Void, GUARD;
            GuardNe, "guard.ne", Operands::Fixed(&[G]), Imm::Word, Result::Void, GUARD;
            // Helper call by address.
            Call, "call", Operands::Call, Imm::None, Result::Helper, Flags::CALL.union(Flags::STORE);
            // Loop structure: preamble, `loop`, phis, body, `jump`.
            Loop, "loop", Operands::Fixed(&[]), Imm::None, Result::Void, Flags::NONE;
            Phi, "phi", Operands::Fixed(&[Any]), Imm::None, Result::SameAsFirst, Flags::NONE;
            Jump, "jump", Operands::Jump, Imm::None, Result::Void, Flags::TERMINATOR;
            // Unconditional exit through a snapshot.
            Exit, "exit", Operands::Fixed(&[]), Imm::None, Result::Void, GUARD.union(Flags::TERMINATOR);
        }
    };
}

macro_rules! define_ops {
    ($($variant:ident, $name:literal, $operands:expr, $imm:expr, $result:expr, $flags:expr;)*) => {
        /// An IR operation; its properties are in [`OP_TABLE`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Op {
            $($variant),*
        }

        /// One row per [`Op`], in declaration order.
        pub const OP_TABLE: &[OpInfo] = &[
            $(OpInfo { name: $name, operands: $operands, imm: $imm, result: $result, flags: $flags }),*
        ];

        /// Every op, in table order.
        pub const ALL_OPS: &[Op] = &[$(Op::$variant),*];
    };
}

for_each_op!(define_ops);

impl Op {
    pub fn info(self) -> &'static OpInfo {
        &OP_TABLE[self as usize]
    }
    pub fn name(self) -> &'static str {
        self.info().name
    }
    pub fn flags(self) -> Flags {
        self.info().flags
    }
    pub fn is_guard(self) -> bool {
        self.flags().has(Flags::GUARD)
    }
    pub fn is_const(self) -> bool {
        self.flags().has(Flags::CONST)
    }
    pub fn from_name(name: &str) -> Option<Op> {
        ALL_OPS.iter().copied().find(|op| op.name() == name)
    }
    /// A compare producing a bool: a backend may fuse it into the branch
    /// of the guard that uses it.
    pub fn is_compare(self) -> bool {
        self.info().result == BOOL_RESULT && self.flags().has(Flags::PURE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_match_variants() {
        assert_eq!(OP_TABLE.len(), ALL_OPS.len());
        for (i, op) in ALL_OPS.iter().enumerate() {
            assert_eq!(*op as usize, i);
            assert_eq!(Op::from_name(op.name()), Some(*op));
        }
    }

    #[test]
    fn guards_and_pure_ops() {
        assert!(Op::AddOv.is_guard() && !Op::Add.is_guard());
        assert!(Op::FLt.is_compare() && Op::Eq.is_compare() && !Op::Add.is_compare());
        assert!(Op::KInt.is_const());
    }
}
