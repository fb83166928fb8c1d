//! The x86-64 register file as the allocator sees it, and the registers the
//! backend keeps for itself.

use traces::regalloc::{RegClass, RegFile};

pub const RAX: u8 = 0;
pub const RCX: u8 = 1;
pub const RDX: u8 = 2;
pub const RBX: u8 = 3;
pub const RSP: u8 = 4;
pub const RBP: u8 = 5;
pub const RSI: u8 = 6;
pub const RDI: u8 = 7;
pub const R8: u8 = 8;
pub const R9: u8 = 9;
pub const R10: u8 = 10;
pub const R11: u8 = 11;
pub const R12: u8 = 12;
pub const R13: u8 = 13;
pub const R14: u8 = 14;
pub const R15: u8 = 15;

/// Holds the state pointer for the whole trace (callee-saved, so calls keep it).
pub const STATE: u8 = RBX;
/// Scratch: results of spilled values, constants, cycle breaking.
pub const SCRATCH_A: u8 = RAX;
/// Scratch: second operands, shift counts, address bases.
pub const SCRATCH_B: u8 = RCX;
/// Scratch: first operands of compares, indexed addresses.
pub const SCRATCH_C: u8 = RDX;
/// Float scratch: results of spilled values, cycle breaking.
pub const XSCRATCH_A: u8 = 15;
/// Float scratch: second operands, masks.
pub const XSCRATCH_B: u8 = 14;

const GPR_CALLER_SAVED: u64 = (1 << RAX)
    | (1 << RCX)
    | (1 << RDX)
    | (1 << RSI)
    | (1 << RDI)
    | (1 << R8)
    | (1 << R9)
    | (1 << R10)
    | (1 << R11);

/// What the allocator may use: every gpr but rsp, the state pointer and
/// the three scratch registers; xmm0-xmm13.
pub fn reg_file() -> RegFile {
    RegFile {
        gpr: RegClass {
            allocatable: vec![RSI, RDI, R8, R9, R10, R11, RBP, R12, R13, R14, R15],
            caller_saved: GPR_CALLER_SAVED,
            // System V.
            arguments: vec![RDI, RSI, RDX, RCX, R8, R9],
        },
        fpr: RegClass {
            allocatable: (0..14).collect(),
            caller_saved: 0xffff,
            arguments: (0..8).collect(),
        },
    }
}
