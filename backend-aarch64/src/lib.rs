//! Instruction selection and encoding of trace IR for AArch64 (AAPCS64). The
//! parts of code generation that do not depend on the instruction set
//! (liveness, register allocation, parallel moves, exit bookkeeping) live in
//! `traces::regalloc`. The backend emits code on any host; only
//! [`CompiledTrace::run`] needs an AArch64 one (the tests run the code under
//! qemu through a small C harness, `harness/`).
//!
//! # Entry ABI
//!
//! A compiled trace is `extern "C" fn(state: *mut u64) -> u64`.
//! - `state` is the trace's state area of [`CompiledTrace::state_words`]
//!   words. `input k` reads word `k` (floats as their bits, bools as 0/1).
//! - The trace runs until a guard fails (or it reaches `exit`). The exit
//!   stub then writes the guard's snapshot values into the same area, in the
//!   order of `Snapshot::values` (word `k` = the `k`-th value), and returns
//!   the exit number (guards are numbered in trace order, `Trace::exits`).
//! - Before calling a helper that may collect, the live refs are published
//!   past the exit records (`traces::regalloc::exits` describes the root
//!   area), which is why `state_words` may exceed `Trace::state_words`.
//! - An exit linked to another trace ([`CompiledTrace::link_exit`]) writes
//!   its record and then enters that trace with the same state area, whose
//!   exit number is what the caller finally sees.
//!
//! Inside, x19 holds the state pointer, x14-x17 and d30/d31 are scratch,
//! x18 (the platform register) and x29/x30 are left alone, the other
//! registers are allocated; spill slots and a save area for caller-saved
//! registers around helper calls sit below the pushed callee-saved
//! registers, with sp 16-byte aligned throughout.
//!
//! # Code layout
//!
//! An [`Assembly`] is position independent but for one 8-byte literal, the
//! address of the exit-target table, written when the code is loaded
//! ([`CompiledTrace::load`], or the test harness): the exit stubs load it
//! and jump through the exit's entry.
//!
//! - [`regs`]: the register file given to the allocator.
//! - [`asm`]: condition codes, immediates, memory access forms, frame
//!   layout, moves between locations.
//! - [`lower`]: instruction selection per op, the entry, loops.
//! - `calls`: helper calls (saves, arguments, GC roots).
//! - `stubs`: exit stubs, the shared epilogue, the table literal.
//! - [`code`]: W^X code memory, the compiled trace, exit linking.

pub mod asm;
mod calls;
pub mod code;
pub mod lower;
pub mod regs;
mod stubs;

use traces::regalloc::{
    allocate, call_saves, exit_map, gc_root_area, has_collecting_calls, state_words_with_roots,
};
use traces::Trace;

pub use code::{CodeMemory, CompiledTrace, Entry};

/// Why a trace could not be compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError(pub String);

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "aarch64 backend: {}", self.0)
    }
}

impl std::error::Error for CompileError {}

/// A trace's machine code before it is loaded anywhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assembly {
    pub code: Vec<u8>,
    /// Offset of the 8-byte word to fill with the exit table's address.
    pub table_literal: usize,
    /// Offset of the code an unlinked exit jumps to (it returns the exit
    /// number): every table entry starts as the code's address plus this.
    pub return_offset: usize,
    /// Entries of the exit table.
    pub exits: usize,
    /// Words of state the trace needs (inputs, exit records, GC roots).
    pub state_words: usize,
    /// Where its GC root area starts, if it calls helpers that may collect.
    pub gc_root_area: Option<usize>,
}

/// Compiles `trace` into executable memory.
pub fn compile(trace: &Trace) -> Result<CompiledTrace, CompileError> {
    let assembly = assemble(trace)?;
    CompiledTrace::load(&assembly).map_err(|e| CompileError(format!("code memory: {e}")))
}

/// Compiles `trace` to code bytes. The trace is verified first, in every
/// build: code generation relies on its invariants.
pub fn assemble(trace: &Trace) -> Result<Assembly, CompileError> {
    traces::verify::verify(trace).map_err(|e| CompileError(format!("invalid trace: {e}")))?;
    let file = regs::reg_file();
    for h in &trace.helpers {
        let gprs = h.args.iter().filter(|t| t.is_gpr()).count();
        let fprs = h.args.iter().filter(|t| t.is_float()).count();
        if gprs > file.gpr.arguments.len() || fprs > file.fpr.arguments.len() {
            return Err(CompileError(format!("helper {} passes arguments on the stack", h.name)));
        }
    }
    let alloc = allocate(trace, &file);
    let exits = exit_map(trace, &alloc);
    let calls = call_saves(trace, &alloc, &file);
    let state_words = state_words_with_roots(trace, &calls).map_err(CompileError)?;

    let mut asm = asm::Asm::new(0);
    let exit_labels = (0..exits.len()).map(|_| asm.new_dynamic_label()).collect();
    let loop_label = asm.new_dynamic_label();
    let mut exit_of = vec![0u32; trace.insts.len()];
    for (n, e) in exits.iter().enumerate() {
        exit_of[e.inst] = n as u32;
    }
    let frame = asm::Frame::new(alloc.slots);
    let e = asm::Emitter { asm, trace, alloc: &alloc, frame };
    let mut lowering = lower::Lowering {
        e,
        exit_labels,
        exit_of,
        calls: calls.into_iter(),
        loop_label,
        loop_closed: false,
        gc_root_area: gc_root_area(trace),
        has_root_area: has_collecting_calls(trace),
        file,
    };
    lowering.entry()?;
    for i in 0..trace.insts.len() {
        lowering.inst(i)?;
    }
    let stubs = lowering.exits(&exits);
    let code = lowering.e.asm.finalize().map_err(|e| CompileError(format!("assembler: {e:?}")))?;
    Ok(Assembly {
        code,
        table_literal: stubs.table_literal,
        return_offset: stubs.ret,
        exits: exits.len(),
        state_words,
        gc_root_area: has_collecting_calls(trace).then(|| gc_root_area(trace)),
    })
}
