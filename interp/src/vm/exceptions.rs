//! Exceptions: `raise` (with `from`), implicit chaining, traceback
//! entries, `except` matching, the `with` protocol, and printing an
//! uncaught exception in CPython 3.8's format.

use std::cell::Cell;

use super::code::CodeObj;
use super::{PyResult, Vm};
use crate::object::exception::exception_of;
use crate::object::gc::Tracer;
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::types::TypeObj;
use crate::object::{Gc, ObjKind, Payload};
use crate::object::{PyErr, Value};

/// One traceback entry: a frame's code and the line it was at.
pub struct TracebackObj {
    /// `tb_next`: the entry of the frame it called, or None; assignable.
    pub next: Cell<Value>,
    pub code: Gc<CodeObj>,
    pub lineno: u32,
    pub lasti: u32,
    /// The frame's globals (for `tb_frame.f_globals`).
    pub globals: Value,
    /// The frame's index in `Vm::frames` and its stack base: while it runs,
    /// `tb_frame` is its frame object.
    pub frame: Option<(usize, usize)>,
    /// The frame's object if Python code had taken one when this entry
    /// was made (None otherwise): `tb_frame` after the frame returned.
    pub frame_object: Value,
    /// `tb_lasti` and `tb_lineno` as given to `types.TracebackType(...)`
    /// (an entry the VM made reports `lasti` and `lineno`).
    pub given: Option<(i64, i64)>,
}

/// What `tb.tb_frame` shows of a frame that raised: its code, globals and
/// line. (Frames live on the value stack; this is made on request.)
pub struct FrameInfoObj {
    pub code: Gc<CodeObj>,
    pub globals: Value,
    /// The line and instruction shown when the frame is not running: where
    /// it was when taken, then where it was when it returned.
    pub lineno: Cell<u32>,
    pub lasti: Cell<u32>,
    /// `f_locals` of a frame that has returned (None before).
    pub final_locals: Cell<Value>,
    /// `f_back`: the calling frame's snapshot, or None.
    pub back: Value,
    /// For `gen.gi_frame`: the generator, whose line and locals the frame
    /// shows as it runs (`lineno` and `lasti` are then unused); else None.
    pub generator: Cell<Value>,
    /// For `sys._getframe()`: where the frame runs (its index in
    /// `Vm::frames` and its stack base); while a frame with this code is
    /// there, line and locals are read from it, live.
    pub running: Cell<Option<(usize, usize)>>,
}

impl FrameInfoObj {
    /// A frame object that shows `code` stopped at instruction `lasti`.
    pub fn stopped(code: Gc<CodeObj>, globals: Value, lasti: u32, back: Value) -> Self {
        FrameInfoObj {
            code,
            globals,
            lineno: Cell::new(code.unit.line_of(lasti)),
            lasti: Cell::new(lasti),
            final_locals: Cell::new(Value::NONE),
            back,
            generator: Cell::new(Value::NONE),
            running: Cell::new(None),
        }
    }
}

// SAFETY: traces its code, globals and calling frame.
unsafe impl Payload for FrameInfoObj {
    const KIND: ObjKind = ObjKind::FrameInfo;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_gc(self.code);
        tracer.mark(self.globals);
        tracer.mark(self.back);
        tracer.mark(self.generator.get());
        tracer.mark(self.final_locals.get());
    }
}

// SAFETY: traces the next entry and the code.
unsafe impl Payload for TracebackObj {
    const KIND: ObjKind = ObjKind::Traceback;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.next.get(), self.globals, self.frame_object]);
        tracer.mark_gc(self.code);
    }
}

impl Vm {
    fn is_exception_class(&self, v: Value) -> bool {
        let base = self.heap.types().base_exception;
        Gc::<TypeObj>::from_value(v)
            .zip(Gc::<TypeObj>::from_value(base))
            .is_some_and(|(t, b)| t.is_subtype(b))
    }

    /// `raise exc from cause` (`exc` None: re-raise the handled exception).
    /// Returns the exception to propagate.
    pub fn do_raise(&mut self, exc: Option<Value>, cause: Option<Value>) -> PyResult<PyErr> {
        let Some(exc) = exc else {
            let handled = self.current_handled();
            if handled.is_none() {
                return Err(PyErr::runtime_error(&self.heap, "No active exception to reraise"));
            }
            return Ok(PyErr::from_exception(handled));
        };
        let instance = self.make_exception(exc, "exceptions must derive from BaseException")?;
        if let Some(cause) = cause {
            let cause_value = if cause.is_none() {
                Value::NONE
            } else if self.is_exception_class(cause) {
                self.call(cause, &[])?
            } else if exception_of(cause).is_some() {
                cause
            } else {
                return Err(self.type_error("exception causes must derive from BaseException"));
            };
            if let Some(e) = exception_of(instance) {
                e.cause.set(cause_value);
                e.suppress_context.set(true);
            }
        }
        Ok(PyErr::from_exception(instance))
    }

    /// An exception instance from a class (called with no arguments) or an instance.
    pub fn make_exception(&mut self, exc: Value, msg: &str) -> PyResult {
        if self.is_exception_class(exc) {
            let instance = self.call(exc, &[])?;
            if exception_of(instance).is_none() {
                return Err(self.type_error(&format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    self.type_name_of_class(exc),
                    self.type_name(instance)
                )));
            }
            return Ok(instance);
        }
        if exception_of(exc).is_some() {
            return Ok(exc);
        }
        Err(self.type_error(msg))
    }

    fn type_name_of_class(&self, t: Value) -> String {
        Gc::<TypeObj>::from_value(t).map_or_else(String::new, |t| t.name())
    }

    /// The exception `sys.exc_info()` gives: the running frame's, else the
    /// nearest caller's a generator was resumed from
    /// (`_PyErr_GetTopmostException`).
    pub fn current_handled(&self) -> Value {
        if !self.handled.is_none() {
            return self.handled;
        }
        self.outer_handled.iter().rev().copied().find(|h| !h.is_none()).unwrap_or(Value::NONE)
    }

    /// Sets `__context__` of a new exception to the one being handled, as
    /// CPython's `_PyErr_SetObject` does (breaking cycles).
    pub fn chain_context(&mut self, exc: Value) {
        let handled = self.current_handled();
        if handled.is_none() || handled == exc {
            return;
        }
        let Some(e) = exception_of(exc) else { return };
        if !e.context.get().is_none() && e.context.get() == handled {
            return;
        }
        // Avoid a cycle: cut `exc` out of the handled exception's context chain.
        let mut cur = handled;
        while let Some(c) = exception_of(cur) {
            let next = c.context.get();
            if next == exc {
                c.context.set(Value::NONE);
                break;
            }
            cur = next;
        }
        e.context.set(handled);
    }

    /// Prepends this frame's entry to the exception's traceback. Frames of
    /// the modules tachyon writes in Python (`<tachyon zlib>`...) stand for
    /// CPython's C code, which leaves no traceback entry, so they leave none.
    pub fn add_traceback(&mut self, exc: Value, code: &Gc<CodeObj>, pc: u32, globals: Value) {
        if super::import::is_embedded_source(&code.unit.filename) {
            return;
        }
        let Some(e) = exception_of(exc) else { return };
        let lineno = code.unit.line_of(pc);
        let innermost = self.frames.len().checked_sub(1).and_then(|i| {
            let f = &self.frames[i];
            (f.code.value() == code.value() && f.globals == globals).then_some((i, f))
        });
        let frame = innermost.map(|(i, f)| (i, f.base));
        let frame_object = innermost.map_or(Value::NONE, |(_, f)| f.frame_object);
        let next = Cell::new(e.traceback.get());
        let tb = TracebackObj {
            next,
            code: *code,
            lineno,
            lasti: pc,
            globals,
            frame,
            frame_object,
            given: None,
        };
        let tb = self.heap.alloc(self.heap.types().traceback, tb).value();
        e.traceback.set(tb);
    }

    /// `except typ:` — is `exc` an instance of `typ` (a class or tuple)?
    pub fn exception_matches(&mut self, exc: Value, typ: Value) -> PyResult<bool> {
        let types = match tuple_of(typ) {
            Some(t) => t.items().to_vec(),
            None => vec![typ],
        };
        for t in &types {
            if let Some(inner) = tuple_of(*t) {
                if self.exception_matches(exc, inner.value())? {
                    return Ok(true);
                }
                continue;
            }
            if !self.is_exception_class(*t) {
                return Err(self.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
        }
        Ok(types.iter().any(|t| tuple_of(*t).is_none() && self.heap.is_instance(exc, *t)))
    }

    /// `with mgr:` entry: the bound `__exit__` and the value of `__enter__()`.
    pub fn with_enter(&mut self, mgr: Value) -> PyResult<(Value, Value)> {
        let (enter_name, exit_name) = (self.names.dunder_enter, self.names.dunder_exit);
        let Some(enter) = self.heap.lookup_in_type_of(mgr, enter_name) else {
            return Err(PyErr::attribute_error(&self.heap, "__enter__"));
        };
        let Some(exit) = self.heap.lookup_in_type_of(mgr, exit_name) else {
            return Err(PyErr::attribute_error(&self.heap, "__exit__"));
        };
        let owner = self.heap.type_of(mgr);
        let exit = self.descr_get(exit, mgr, owner)?;
        let mark = self.push_temp(exit);
        let value = self.call_method_value(enter, mgr, &[]);
        self.truncate_temps(mark);
        Ok((exit, value?))
    }

    /// `exit(type(exc), exc, exc.__traceback__)` on the exceptional way out.
    pub fn with_except_exit(&mut self, exit: Value, exc: Value) -> PyResult {
        let ty = self.heap.type_of(exc);
        let tb = exception_of(exc).map_or(Value::NONE, |e| e.traceback.get());
        self.call(exit, &[ty, exc, tb])
    }

    /// The built-in value inside an instance of a user subclass of a
    /// built-in type (`class Meters(float)`), or `v` itself.
    pub fn builtin_base_value(&self, v: Value) -> Value {
        use crate::object::ObjHeader;
        let Some(h) = ObjHeader::of(v) else { return v };
        if !self.heap.type_obj(v).is_heap_type() {
            return v;
        }
        match h.kind() {
            ObjKind::Int => crate::object::boxes::int_value(v).map_or(v, |b| self.heap.new_int(b)),
            ObjKind::Float => crate::object::boxes::float_value(v).map_or(v, Value::from_f64),
            ObjKind::Complex => match crate::object::boxes::num_of(v) {
                Some(crate::number::tower::Num::Complex(c)) => self.heap.new_complex(c.re, c.im),
                _ => v,
            },
            ObjKind::Str => str_of(v).map_or(v, |s| self.heap.new_str_wtf8(s.as_wtf8())),
            ObjKind::Tuple => tuple_of(v).map_or(v, |t| self.heap.new_tuple(t.items())),
            ObjKind::Bytes => {
                crate::object::bytes::bytes_of(v).map_or(v, |b| self.heap.new_bytes(b.as_bytes()))
            }
            ObjKind::ByteArray => crate::object::bytes::bytearray_of(v)
                .map_or(v, |b| self.heap.new_bytearray(b.data.borrow().clone())),
            ObjKind::Set => crate::object::set::set_of(v)
                .map_or(v, |s| self.heap.new_set(s.table.borrow().copy())),
            ObjKind::FrozenSet => crate::object::set::frozenset_of(v)
                .map_or(v, |s| self.heap.new_frozenset(s.table.borrow().copy())),
            ObjKind::List => {
                crate::object::list::list_of(v).map_or(v, |l| self.heap.new_list(&l.items.to_vec()))
            }
            _ => v,
        }
    }

    /// Prints an uncaught exception with its chain, as CPython 3.8's
    /// `traceback.print_exception` does, to standard error.
    pub fn print_exception(&mut self, exc: Value) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_exception_chain(exc, &mut out, &mut seen);
        out
    }

    fn format_exception_chain(&mut self, exc: Value, out: &mut String, seen: &mut Vec<Value>) {
        seen.push(exc);
        if let Some(e) = exception_of(exc) {
            let cause = e.cause.get();
            let context = e.context.get();
            if !cause.is_none() && !seen.contains(&cause) {
                self.format_exception_chain(cause, out, seen);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            } else if !context.is_none() && !e.suppress_context.get() && !seen.contains(&context) {
                self.format_exception_chain(context, out, seen);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
            let tb = e.traceback.get();
            if !tb.is_none() {
                out.push_str("Traceback (most recent call last):\n");
                self.format_traceback(tb, out);
            }
        }
        out.push_str(&self.format_exception_only(exc));
    }

    fn format_traceback(&mut self, tb: Value, out: &mut String) {
        let mut entries = Vec::new();
        let mut cur = tb;
        while let Some(t) = Gc::<TracebackObj>::from_value(cur) {
            entries.push((t.code, t.lineno));
            cur = t.next.get();
        }
        // CPython collapses runs of more than 3 identical entries.
        const CUTOFF: usize = 3;
        let repeated = |out: &mut String, cnt: usize| {
            let n = cnt - CUTOFF;
            out.push_str(&format!(
                "  [Previous line repeated {n} more time{}]\n",
                if n > 1 { "s" } else { "" }
            ));
        };
        // sys.tracebacklimit's default: the last 1000 entries.
        let skip = entries.len().saturating_sub(1000);
        let mut last: Option<(Value, u32, Value)> = None;
        let mut cnt = 0;
        for (code, lineno) in entries.into_iter().skip(skip) {
            let key = (code.filename, lineno, code.name);
            if last != Some(key) {
                if cnt > CUTOFF {
                    repeated(out, cnt);
                }
                last = Some(key);
                cnt = 0;
            }
            cnt += 1;
            if cnt > CUTOFF {
                continue;
            }
            let filename =
                str_of(code.filename).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let name =
                str_of(code.name).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            out.push_str(&format!("  File \"{filename}\", line {lineno}, in {name}\n"));
            if let Some(line) = crate::vm::import::source_line(&filename, lineno) {
                let shown =
                    line.trim_start_matches([' ', '\t', '\x0c']).trim_end_matches(['\n', '\r']);
                if !shown.is_empty() {
                    out.push_str(&format!("    {shown}\n"));
                }
            }
        }
        if cnt > CUTOFF {
            repeated(out, cnt);
        }
    }

    /// The last line(s): `TypeError: message`, or SyntaxError's block.
    pub fn format_exception_only(&mut self, exc: Value) -> String {
        let ty = self.heap.type_obj(exc);
        let mut name = ty.name();
        let module = ty.own_attr(self.names.dunder_module).and_then(str_of);
        if let Some(m) = module {
            // CPython 3.8's C printer names every module but builtins,
            // `__main__` included.
            if m.as_wtf8() != b"builtins" {
                name = format!("{}.{}", m.to_string_lossy(), name);
            }
        }
        if let Some(text) = self.syntax_error_block(exc) {
            return text;
        }
        let message = match self.str_of_value(exc) {
            Ok(s) => s,
            // stderr writes lone surrogates as `\udXXX` (backslashreplace).
            Err(e) if e.matches(&self.heap, self.heap.types().unicode_encode_error) => {
                match exception_of(exc).map(|e| e.args()).as_deref() {
                    Some(&[arg]) => str_of(arg).map(|s| s.to_string_backslashed()),
                    _ => None,
                }
                .unwrap_or_else(|| "<exception str() failed>".to_string())
            }
            // A `__str__` that raises.
            Err(_) => "<exception str() failed>".to_string(),
        };
        if message.is_empty() {
            format!("{name}\n")
        } else {
            format!("{name}: {message}\n")
        }
    }
}
