//! The backend of the host architecture. Nothing outside this module names
//! an instruction set: the rest of the tracer and the interpreter call
//! [`compile`] and hold a [`CompiledTrace`].

use traces::{Op, Trace};

/// Why a trace could not be compiled (the loop then stays interpreted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError(pub String);

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CompileError {}

#[cfg(target_arch = "x86_64")]
pub use backend_x86_64::CompiledTrace;

/// Compiles `trace` for the host.
#[cfg(target_arch = "x86_64")]
pub fn compile(trace: &Trace) -> Result<CompiledTrace, CompileError> {
    doomed_guard(trace)?;
    backend_x86_64::compile(trace).map_err(|e| CompileError(e.to_string()))
}

/// A guard on a constant bool that fails (the fold engine drops the ones
/// that hold) always exits: such a trace is not worth compiling, and the
/// backends fuse a guard with its operand's compare, which a constant is
/// not.
pub fn doomed_guard(trace: &Trace) -> Result<(), CompileError> {
    for (i, inst) in trace.insts.iter().enumerate() {
        let conditional = matches!(inst.op, Op::GuardTrue | Op::GuardFalse);
        if conditional && trace.inst(inst.args[0]).op.is_const() {
            return Err(CompileError(format!("guard %{i} always fails")));
        }
    }
    Ok(())
}

/// A compiled trace; no backend exists for this architecture yet (the
/// aarch64 backend plugs in here when its crate exposes `compile`).
#[cfg(not(target_arch = "x86_64"))]
#[derive(Debug)]
pub struct CompiledTrace {
    _none: (),
}

#[cfg(not(target_arch = "x86_64"))]
pub fn compile(_trace: &Trace) -> Result<CompiledTrace, CompileError> {
    Err(CompileError(format!("no JIT backend for {}", std::env::consts::ARCH)))
}
