//! Introspection of the Python frame that called a native function:
//! `globals()`, `locals()`, `vars()`, `dir()`, zero-argument `super()`.

use super::frame::Frame;
use super::function::cell_of;
use super::{PyResult, Vm};
use crate::object::str::str_of;
use crate::object::{PyErr, Value};

impl Vm {
    /// The innermost Python frame (the caller of a native function).
    pub fn caller_frame(&self) -> Option<&Frame> {
        self.frames.last()
    }

    /// `locals()` of the caller: its namespace, or a dict of its locals.
    pub fn caller_locals(&mut self) -> PyResult {
        let Some(frame) = self.frames.last() else {
            return Ok(self.heap.new_dict());
        };
        if !frame.locals.is_none() {
            return Ok(frame.locals);
        }
        let (code, base) = (frame.code, frame.base);
        let d = self.heap.new_dict();
        let mark = self.push_temp(d);
        let mut pairs = Vec::new();
        for (i, name) in code.local_names.iter().enumerate() {
            let v = self.stack[base + i];
            if !v.is_empty() && cell_of(v).is_none() {
                pairs.push((*name, v));
            }
        }
        for (name, slot) in code.unit.cells.iter().chain(code.unit.frees.iter()) {
            if let Some(c) = cell_of(self.stack[base + *slot as usize]) {
                let v = c.value.get();
                if !v.is_empty() {
                    pairs.push((self.heap.intern(name), v));
                }
            }
        }
        for (k, v) in pairs {
            if let Err(e) = self.dict_set_item(d, k, v) {
                self.truncate_temps(mark);
                return Err(e);
            }
        }
        self.truncate_temps(mark);
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
