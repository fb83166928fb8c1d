//! Frame records and the VM's GC roots.

use super::code::CodeObj;
use super::Vm;
use crate::object::gc::{RootSet, Tracer};
use crate::object::Gc;
use crate::object::Value;

/// One active Python frame: its code, where its slots start in the value
/// stack, and the namespaces its name lookups use.
pub struct Frame {
    pub code: Gc<CodeObj>,
    /// Index of slot 0 in [`Vm::stack`].
    pub base: usize,
    /// The instruction running (for line numbers and handlers).
    pub pc: u32,
    pub globals: Value,
    /// The locals mapping of module and class bodies; None in functions.
    pub locals: Value,
    /// The function being run, or None for module code.
    pub function: Value,
    /// The frame object Python code took of this frame (`sys._getframe()`),
    /// or None: made once, so that `f.f_back is f.f_back`, and told the
    /// frame's last line when the frame returns.
    pub frame_object: Value,
}

/// Everything the VM holds that the collector must keep alive.
pub struct VmRoots<'a> {
    pub vm: &'a Vm,
}

impl RootSet for VmRoots<'_> {
    fn trace_roots(&self, tracer: &mut Tracer) {
        let vm = self.vm;
        tracer.mark_all(&vm.stack);
        for frame in &vm.frames {
            tracer.mark_gc(frame.code);
            tracer.mark_all(&[frame.globals, frame.locals, frame.function, frame.frame_object]);
        }
        tracer.mark_all(&[
            vm.builtins,
            vm.modules,
            vm.handled,
            vm.propagating,
            vm.sys_path,
            vm.builtins_module,
            vm.build_class,
        ]);
        tracer.mark_all(&vm.repr_stack);
        tracer.mark_all(&vm.outer_handled);
        vm.jit.trace_roots(tracer);
    }
}

impl Vm {
    /// Before an explicit `gc.collect()`: clears the slots no bytecode will
    /// read again in each frame waiting in a call, so that what a finished
    /// expression left in its temporaries (`o` in `print(o.m())`) does not
    /// outlive `o = None; gc.collect()` as it would not in CPython.
    ///
    /// The compiler hands out temporaries in stack order and gives each
    /// call a fresh run of them, so while a frame waits in a call every
    /// slot above that run is free: a later instruction writes it before
    /// reading it. Frames stopped elsewhere (in an operator's special
    /// method, say) keep all their slots.
    pub fn clear_dead_call_temps(&mut self) {
        use crate::bytecode::instr::Instr;
        for i in 0..self.frames.len() {
            let frame = &self.frames[i];
            let unit = &*frame.code.unit;
            let Some(instr) = unit.instrs.get(frame.pc as usize) else { continue };
            let end = match *instr {
                Instr::Call { func, argc, .. } | Instr::CallKw { func, argc, .. } => {
                    func as usize + 1 + argc as usize
                }
                Instr::CallMethod { base, argc, .. } | Instr::CallMethodKw { base, argc, .. } => {
                    base as usize + 2 + argc as usize
                }
                _ => continue,
            };
            let mut top = frame.base + unit.slot_count as usize;
            if let Some(next) = self.frames.get(i + 1) {
                top = top.min(next.base);
            }
            let (from, top) = (frame.base + end, top.min(self.stack.len()));
            if let Some(dead) = self.stack.get_mut(from..top) {
                dead.fill(Value::NONE);
            }
        }
    }
}
