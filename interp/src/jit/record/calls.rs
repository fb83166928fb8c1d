//! Calls: a Python function with a plain signature is followed into (its
//! frame becomes a virtual frame of the trace, guarded on the function's
//! identity); any other callee runs through the interpreter's `call_at`.

use std::collections::HashMap;

use traces::Val;

use super::{abort, RecFrame, RecResult, Recorder, MAX_INLINE_DEPTH};
use crate::bytecode::instr::Reg;
use crate::bytecode::CodeFlags;
use crate::jit::helpers::HelperKind;
use crate::object::Value;
use crate::vm::function::{function_of, FunctionObj};
use crate::vm::Vm;

/// Whether a call of `f` with `argc` positional arguments can be inlined:
/// they bind one to one to its parameters, its frame needs nothing the
/// trace does not model (cells, generators), and it has no loop (which
/// gets a trace of its own; the call goes through a helper).
fn inlinable(f: &FunctionObj, argc: usize) -> bool {
    let unit = &f.code.unit;
    !unit.is_generator_like()
        && !unit.flags.intersects(CodeFlags::VARARGS | CodeFlags::VARKEYWORDS)
        && unit.kwonly_count == 0
        && unit.arg_count as usize == argc
        && unit.cells.is_empty()
        && unit.frees.is_empty()
        && !unit.instrs.iter().any(|i| matches!(i, crate::bytecode::Instr::Loop { .. }))
}

impl Recorder {
    /// `dst = callee(receiver?, *args)`.
    pub(super) fn call(
        &mut self,
        vm: &Vm,
        dst: Reg,
        (w, callee): (Val, Value),
        receiver: Option<Val>,
        args: &[Reg],
    ) -> RecResult {
        let mut words: Vec<Val> = receiver.into_iter().collect();
        for &a in args {
            words.push(self.read(a));
        }
        if let Some(f) = function_of(callee).filter(|f| inlinable(f, words.len())) {
            if self.depth() + 1 > MAX_INLINE_DEPTH {
                return abort("calls nested too deeply to inline");
            }
            self.guard_identity(w, callee);
            let slots: HashMap<Reg, Val> =
                words.iter().enumerate().map(|(i, v)| (i as Reg, *v)).collect();
            self.roots.push(f.code.value());
            self.frames.push(RecFrame {
                code: f.code,
                function: callee,
                globals: f.globals,
                slots,
                pc: 0,
                ret_dst: dst,
            });
            return Ok(());
        }
        let mut scratch = vec![w];
        scratch.extend(words.iter().copied());
        self.store_scratch(vm, &scratch)?;
        let argc = self.b.kword(words.len() as u64);
        let no_names = self.b.kword(Value::NONE.bits());
        let r = self.call_helper(HelperKind::Call, &[argc, no_names])?;
        self.write(dst, r);
        Ok(())
    }

    /// `Return` from an inlined frame: the value goes to the caller's
    /// destination slot.
    pub(super) fn ret(&mut self, src: Reg) -> RecResult {
        if self.depth() == 0 {
            return abort("return from the loop's frame");
        }
        let v = self.read(src);
        let frame = self.frames.pop().expect("depth > 0");
        self.write(frame.ret_dst, v);
        Ok(())
    }
}
