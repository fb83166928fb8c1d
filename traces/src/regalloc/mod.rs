//! The target-independent half of a backend (as LuaJIT's lj_asm.c is to
//! lj_asm_x86.h and lj_asm_arm64.h). A backend describes its register file
//! ([`RegFile`]); this module computes where every value lives and what must
//! be moved, saved or written out, and the backend only encodes.
//!
//! - [`mod@liveness`]: the last use of every value, loop-aware, and which
//!   compares fold into their guard's branch.
//! - [`linear_scan`]: register assignment over a [`RegFile`], spilling whole
//!   intervals to stack slots.
//! - [`parallel_move`]: ordering simultaneous moves (phis at loop entry and
//!   back edge), breaking cycles through a temporary.
//! - [`exits`]: per exit, where each snapshot value lives; per call, which
//!   caller-saved registers to save and restore and which refs to publish
//!   to the GC.

//!
//! # What a backend does with it
//!
//! (The x86-64 backend is the worked example; an AArch64 one does the same.)
//! 1. Describe the allocatable registers in a [`RegFile`], keeping out the
//!    stack pointer, a register for the state pointer, and scratch: at
//!    least three gprs (operands of spilled values, addresses, cycle
//!    breaking) and two float registers.
//! 2. [`allocate`]: every value gets one [`Loc`] for its whole life. A
//!    result never shares a register with a live operand, except that a
//!    result of [`linear_scan::reuses_first_operand`] may take the register
//!    of a first operand that dies there; for `addov`/`subov` the exit stub
//!    must then undo the add/sub before writing the record. Compares with
//!    `live.fused` set have no location: emit them at their guard.
//! 3. At `loop` and `jump`, move the phis' values with [`sequentialize`]
//!    (one class at a time; `Place::Temp` is a scratch register).
//! 4. Around each call, [`call_saves`]: store `save` to a save area, read
//!    arguments held in saved registers from there, call, restore
//!    `restore`; before a collecting call publish `gc_roots`, and clear
//!    the root area's first word at entry and after each collecting call
//!    (see [`exits`]).
//! 5. For each exit of [`exit_map`], write entry `k` to state word `k` and
//!    return the exit number; `testing::differential` checks the
//!    result against the evaluator.

pub mod exits;
pub mod linear_scan;
pub mod liveness;
pub mod parallel_move;

pub use exits::{
    call_saves, exit_map, gc_root_area, gc_root_marker, has_collecting_calls, read_gc_root_marker,
    state_words_with_roots, CallSave, ExitInfo, GC_ROOT_HEADER,
};
pub use linear_scan::{allocate, Allocation};
pub use liveness::{liveness, Liveness};
pub use parallel_move::{sequentialize, Place};

use crate::types::Type;

/// One class of registers (general or float), by hardware number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegClass {
    /// Registers the allocator may use, in order of preference.
    pub allocatable: Vec<u8>,
    /// Bit `r` set: register `r` is not preserved across a call.
    pub caller_saved: u64,
    /// The registers that pass a helper's arguments of this class, in order.
    pub arguments: Vec<u8>,
}

impl RegClass {
    pub fn is_caller_saved(&self, r: u8) -> bool {
        self.caller_saved & (1 << r) != 0
    }
}

/// The registers a target gives the allocator. Registers the backend keeps
/// for itself (stack pointer, state pointer, scratch) are not listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegFile {
    pub gpr: RegClass,
    pub fpr: RegClass,
}

impl RegFile {
    pub fn class(&self, ty: Type) -> &RegClass {
        if ty.is_float() {
            &self.fpr
        } else {
            &self.gpr
        }
    }
}

/// Where a value lives for its whole life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Loc {
    /// No value (void), or a compare folded into its guard.
    None,
    /// A constant instruction: the backend uses its immediate.
    Const,
    /// A register of the value's class.
    Reg(u8),
    /// A spill slot (8 bytes), numbered from 0.
    Slot(u32),
}
