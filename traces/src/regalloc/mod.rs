//! The target-independent half of a backend (as LuaJIT's lj_asm.c is to
//! lj_asm_x86.h and lj_asm_arm64.h). A backend describes its register file
//! ([`RegFile`]); this module computes where every value lives and what must
//! be moved, saved or written out, and the backend only encodes.
//!
//! - [`liveness`]: the last use of every value, loop-aware, and which
//!   compares fold into their guard's branch.
//! - [`linear_scan`]: register assignment over a [`RegFile`], spilling whole
//!   intervals to stack slots.
//! - [`parallel_move`]: ordering simultaneous moves (phis at loop entry and
//!   back edge), breaking cycles through a temporary.
//! - [`exits`]: per exit, where each snapshot value lives; per call, which
//!   caller-saved registers to save and restore and which refs to publish
//!   to the GC.

pub mod exits;
pub mod linear_scan;
pub mod liveness;
pub mod parallel_move;

pub use exits::{call_saves, exit_map, gc_root_area, state_words_with_roots, CallSave, ExitInfo};
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
