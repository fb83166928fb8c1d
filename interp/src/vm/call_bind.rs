//! Argument binding in place: the parameter slots of a call that binds
//! cleanly (keywords naming parameters, defaults filling the rest, `*args`
//! and `**kwargs` collecting what is left) are written straight onto the
//! value stack, with no allocation but the `*args` tuple and `**kwargs`
//! dict. A call this does not bind (anything that is a TypeError, or a
//! keyword default it cannot read without running code) is left to the
//! general binder in `vm::call`, which also words the error.

use super::code::CodeObj;
use super::function::FunctionObj;
use super::{PyResult, Vm};
use crate::bytecode::CodeFlags;
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::{Gc, Value};

impl Vm {
    /// Pushes the parameter values of `func` for the `argc` arguments at
    /// `args_at` (the last `kwnames.len()` of them keywords). `Ok(false)`,
    /// with the stack as it was, when the general binder must do it.
    pub(super) fn bind_in_place(
        &mut self,
        func: Gc<FunctionObj>,
        code: Gc<CodeObj>,
        args_at: usize,
        argc: usize,
        kwnames: &[Value],
    ) -> PyResult<bool> {
        let unit = &*code.unit;
        let has_varargs = unit.flags.contains(CodeFlags::VARARGS);
        let has_varkw = unit.flags.contains(CodeFlags::VARKEYWORDS);
        let nargs = unit.arg_count as usize;
        let total = nargs + unit.kwonly_count as usize;
        let posonly = unit.posonly_count as usize;
        let npos = argc - kwnames.len();
        if npos > nargs && !has_varargs {
            return Ok(false);
        }
        let base = self.stack.len();
        let n = npos.min(nargs);
        self.stack.extend_from_within(args_at..args_at + n);
        self.stack.resize(base + total, Value::EMPTY);
        let mut unmatched = false;
        for (i, &key) in kwnames.iter().enumerate() {
            match param_slot(&code, posonly..total, key) {
                Some(j) if self.stack[base + j].is_empty() => {
                    self.stack[base + j] = self.stack[args_at + npos + i];
                }
                None if has_varkw => unmatched = true,
                _ => return Ok(self.unbind(base)),
            }
        }
        if n < nargs {
            let defaults = tuple_of(func.defaults.get());
            let defaults = defaults.as_ref().map_or(&[][..], |t| t.items());
            let first_default = nargs - defaults.len().min(nargs);
            for i in n..nargs {
                if self.stack[base + i].is_empty() {
                    if i < first_default {
                        return Ok(self.unbind(base));
                    }
                    self.stack[base + i] = defaults[i - first_default];
                }
            }
        }
        for j in nargs..total {
            if self.stack[base + j].is_empty() {
                match self.dict_get_str_fast(func.kwdefaults.get(), code.local_names[j]) {
                    Some(Some(v)) => self.stack[base + j] = v,
                    _ => return Ok(self.unbind(base)),
                }
            }
        }
        if has_varargs {
            let extra = args_at + n..args_at + npos;
            let t = self.heap.new_tuple(&self.stack[extra]);
            self.stack.push(t);
        }
        if has_varkw {
            let d = self.heap.new_dict();
            self.stack.push(d);
            if unmatched {
                for (i, &key) in kwnames.iter().enumerate() {
                    if param_slot(&code, posonly..total, key).is_none() {
                        self.dict_set_item(d, key, self.stack[args_at + npos + i])?;
                    }
                }
            }
        }
        Ok(true)
    }

    /// Drops the slots pushed so far: `false`, for the general binder.
    fn unbind(&mut self, base: usize) -> bool {
        self.stack.truncate(base);
        false
    }
}

/// The slot among `range` of the parameter that keyword `key` names:
/// parameter names are interned, as are the keywords a call site spells
/// out, so identity almost always decides; a key built at run time
/// (`f(**{'a': 1})`) is compared by text.
fn param_slot(code: &CodeObj, range: std::ops::Range<usize>, key: Value) -> Option<usize> {
    let start = range.start;
    let names = code.local_names.get(range)?;
    if let Some(i) = names.iter().position(|&name| name == key) {
        return Some(start + i);
    }
    let key = str_of(key)?;
    names
        .iter()
        .position(|&name| str_of(name).is_some_and(|s| s.as_wtf8() == key.as_wtf8()))
        .map(|i| start + i)
}
