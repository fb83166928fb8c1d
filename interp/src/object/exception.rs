//! Exception instances: `args`, `__cause__`, `__context__`,
//! `__traceback__`, `__suppress_context__`, and attributes like any
//! instance (subclass fields such as `OSError.errno` or
//! `StopIteration.value` are attributes set by their constructors).

use std::cell::Cell;

use super::gc::Tracer;
use super::header::{Gc, ObjKind, Payload};
use super::heap::Heap;
use super::instance::Attrs;
use super::str::str_of;
use super::tuple::tuple_of;
use super::types::TypeObj;
use super::value::Value;

#[repr(C)]
pub struct ExceptionObj {
    /// A tuple.
    pub args: Cell<Value>,
    pub cause: Cell<Value>,
    pub context: Cell<Value>,
    pub traceback: Cell<Value>,
    pub suppress_context: Cell<bool>,
    pub attrs: Attrs,
}

// SAFETY: traces args, cause, context, traceback and the attributes.
unsafe impl Payload for ExceptionObj {
    const KIND: ObjKind = ObjKind::Exception;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[
            self.args.get(),
            self.cause.get(),
            self.context.get(),
            self.traceback.get(),
        ]);
        self.attrs.trace(tracer);
    }
    fn extra_bytes(&self) -> usize {
        self.attrs.heap_bytes()
    }
}

impl ExceptionObj {
    pub fn args(&self) -> Vec<Value> {
        tuple_of(self.args.get()).map_or_else(Vec::new, |t| t.items().to_vec())
    }

    /// `str(exc)` when it does not need to call Python: no args gives "",
    /// one str arg gives it; `None` otherwise (the VM formats those).
    pub fn simple_str(&self) -> Option<String> {
        match self.args()[..] {
            [] => Some(String::new()),
            [a] => str_of(a).map(|s| s.to_string_lossy().into_owned()),
            _ => None,
        }
    }
}

impl Heap {
    /// An exception of type `ty` (a BaseException subclass) with `args`.
    pub fn new_exception(&self, ty: Gc<TypeObj>, args: &[Value]) -> Value {
        let args = self.new_tuple(args);
        let exc = ExceptionObj {
            args: Cell::new(args),
            cause: Cell::new(Value::NONE),
            context: Cell::new(Value::NONE),
            traceback: Cell::new(Value::NONE),
            suppress_context: Cell::new(false),
            attrs: Attrs::new(self.root_shape(ty)),
        };
        self.alloc(ty.value(), exc).value()
    }
}

pub fn exception_of(v: Value) -> Option<Gc<ExceptionObj>> {
    Gc::<ExceptionObj>::from_value(v)
}
