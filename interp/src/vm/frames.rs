//! Introspection of the Python frame that called a native function:
//! `globals()`, `locals()`, `vars()`, `dir()`, zero-argument `super()`;
//! the frame objects `sys._getframe()` gives.

use super::exceptions::FrameInfoObj;
use super::frame::Frame;
use super::function::cell_of;
use super::{PyResult, Vm};
use crate::bytecode::code::CodeFlags;
use crate::object::str::str_of;
use crate::object::{PyErr, Value};

impl Vm {
    /// The frame object of `self.frames[index]`, with those of the frames
    /// below it as its `f_back` chain: made on first request and kept in
    /// the frame, so asking again gives the same object. While the frame
    /// runs the object reads its line and locals from it.
    pub fn frame_object(&mut self, index: usize) -> Value {
        let mut back = Value::NONE;
        for i in 0..=index.min(self.frames.len().saturating_sub(1)) {
            let frame = &self.frames[i];
            if frame.frame_object.is_none() {
                let info = FrameInfoObj::stopped(frame.code, frame.globals, frame.pc, back);
                info.running.set(Some((i, frame.base)));
                let object = self.heap.alloc(self.heap.types().frame, info).value();
                self.frames[i].frame_object = object;
            }
            back = self.frames[i].frame_object;
        }
        back
    }

    /// Pops the innermost frame. A frame object taken of it keeps the
    /// line it stopped at and its locals, as a finished CPython frame does.
    pub fn pop_frame(&mut self) -> Option<Frame> {
        let index = self.frames.len().checked_sub(1)?;
        let object = self.frames[index].frame_object;
        if let Some(info) = crate::object::Gc::<FrameInfoObj>::from_value(object) {
            let pc = self.frames[index].pc;
            info.lineno.set(info.code.unit.line_of(pc));
            info.lasti.set(pc);
            // Locals that cannot be read (an error from a namespace
            // mapping) are left as they were.
            if let Ok(locals) = self.running_frame_locals(index) {
                info.final_locals.set(locals);
            }
            info.running.set(None);
        }
        self.frames.pop()
    }

    /// The innermost Python frame (the caller of a native function).
    pub fn caller_frame(&self) -> Option<&Frame> {
        self.frames.last()
    }

    /// `locals()` of the caller: its namespace, or for a function the
    /// frame's one locals dict refreshed from its variables (CPython's
    /// `PyFrame_FastToLocals`): `exec` writes into that dict, and what it
    /// adds stays there, while the variables themselves are not changed.
    pub fn caller_locals(&mut self) -> PyResult {
        let Some(frame) = self.frames.last() else {
            return Ok(self.heap.new_dict());
        };
        let flags = frame.code.unit.flags;
        let function = flags.contains(CodeFlags::FUNCTION) && !flags.contains(CodeFlags::NAMESPACE);
        if !frame.locals.is_none() && !function {
            return Ok(frame.locals);
        }
        let (code, base) = (frame.code, frame.base);
        let d = match frame.locals {
            l if l.is_none() => self.heap.new_dict(),
            l => l,
        };
        if let Some(frame) = self.frames.last_mut() {
            frame.locals = d;
        }
        let mut pairs = Vec::new();
        for (i, name) in code.local_names.iter().enumerate() {
            let v = self.stack[base + i];
            if cell_of(v).is_none() {
                pairs.push((*name, v));
            }
        }
        for (name, slot) in code.unit.cells.iter().chain(code.unit.frees.iter()) {
            if let Some(c) = cell_of(self.stack[base + *slot as usize]) {
                pairs.push((self.heap.intern(name), c.value.get()));
            }
        }
        for (k, v) in pairs {
            if v.is_empty() {
                self.dict_del_item(d, k)?;
            } else {
                self.dict_set_item(d, k, v)?;
            }
        }
        Ok(d)
    }

    /// `super()` with no arguments: the `__class__` cell and the first
    /// argument of the calling method.
    pub fn zero_arg_super(&mut self) -> PyResult<(Value, Value)> {
        let Some(frame) = self.frames.last() else {
            return Err(PyErr::runtime_error(&self.heap, "super(): no current frame"));
        };
        let (code, base) = (frame.code, frame.base);
        if code.unit.arg_count == 0
            && !code.unit.flags.contains(crate::bytecode::CodeFlags::VARARGS)
        {
            return Err(PyErr::runtime_error(&self.heap, "super(): no arguments"));
        }
        let mut first = self.stack[base];
        if let Some(c) = cell_of(first) {
            // The first argument is itself a cell variable.
            if code.unit.cells.iter().any(|(_, s)| *s == 0) {
                first = c.value.get();
            }
        }
        if first.is_empty() {
            return Err(PyErr::runtime_error(&self.heap, "super(): arg[0] deleted"));
        }
        let class_cell = code
            .unit
            .frees
            .iter()
            .find(|(n, _)| n == "__class__")
            .map(|(_, slot)| self.stack[base + *slot as usize]);
        let Some(cell) = class_cell.and_then(cell_of) else {
            return Err(PyErr::runtime_error(&self.heap, "super(): __class__ cell not found"));
        };
        let cls = cell.value.get();
        if cls.is_empty() {
            return Err(PyErr::runtime_error(&self.heap, "super(): empty __class__ cell"));
        }
        if str_of(cls).is_some() {
            return Err(PyErr::runtime_error(&self.heap, "super(): __class__ is not a type"));
        }
        Ok((cls, first))
    }
}
