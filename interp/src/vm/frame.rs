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
