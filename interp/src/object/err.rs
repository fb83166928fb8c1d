//! `PyErr`: a raised Python exception on its way through Rust. Native code
//! returns `Result<Value, PyErr>`.
//!
//! A `PyErr` holds the exception object. It is not a root: code that keeps
//! one across a safepoint (an `except` handler calling back into Python)
//! stores the exception in the VM's state or a [`super::RootScope`] first.

use std::fmt;

use super::exception::exception_of;
use super::header::{Gc, ObjHeader};
use super::heap::Heap;
use super::types::TypeObj;
use super::value::Value;

#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PyErr {
    exc: Value,
}

macro_rules! error_constructors {
    ($($fn_name:ident => $field:ident,)*) => {
        impl PyErr {
            $(
                #[doc = concat!("A new `", stringify!($field), "` exception with message `msg`.")]
                pub fn $fn_name(heap: &Heap, msg: &str) -> PyErr {
                    PyErr::new(heap, heap.types.$field, msg)
                }
            )*
        }
    };
}

error_constructors! {
    type_error => type_error,
    value_error => value_error,
    index_error => index_error,
    attribute_error => attribute_error,
    name_error => name_error,
    unbound_local_error => unbound_local_error,
    zero_division_error => zero_division_error,
    overflow_error => overflow_error,
    runtime_error => runtime_error,
    recursion_error => recursion_error,
    not_implemented_error => not_implemented_error,
    memory_error => memory_error,
    system_error => system_error,
    assertion_error => assertion_error,
    import_error => import_error,
    module_not_found_error => module_not_found_error,
    lookup_error => lookup_error,
    os_error => os_error,
    eof_error => eof_error,
    unicode_error => unicode_error,
    syntax_error => syntax_error,
}

impl PyErr {
    /// Raises an existing exception object.
    pub fn from_exception(exc: Value) -> PyErr {
        PyErr { exc }
    }

    /// An exception of type `ty` with one str argument `msg`.
    pub fn new(heap: &Heap, ty: Value, msg: &str) -> PyErr {
        let ty = Gc::<TypeObj>::from_value(ty).expect("exception types are types");
        let msg = heap.new_str(msg);
        PyErr { exc: heap.new_exception(ty, &[msg]) }
    }

    /// An exception of type `ty` with `args`.
    pub fn with_args(heap: &Heap, ty: Value, args: &[Value]) -> PyErr {
        let ty = Gc::<TypeObj>::from_value(ty).expect("exception types are types");
        PyErr { exc: heap.new_exception(ty, args) }
    }

    /// `KeyError(key)`: the key itself is the argument.
    pub fn key_error(heap: &Heap, key: Value) -> PyErr {
        Self::with_args(heap, heap.types.key_error, &[key])
    }

    /// `StopIteration(value)`, with `.value` set.
    pub fn stop_iteration(heap: &Heap, value: Value) -> PyErr {
        let err = Self::with_args(heap, heap.types.stop_iteration, &[value]);
        let exc = exception_of(err.exc).expect("just made an exception");
        exc.attrs.set_member(heap, heap.intern("value"), value);
        err
    }

    /// This error with `cause` as its `__cause__` and `__context__`
    /// (CPython's `_PyErr_FormatFromCause`: `raise self from cause`).
    pub fn caused_by(self, cause: &PyErr) -> PyErr {
        if let Some(e) = exception_of(self.exc) {
            e.cause.set(cause.exc);
            e.context.set(cause.exc);
            e.suppress_context.set(true);
        }
        self
    }

    /// The exception object.
    pub fn exception(&self) -> Value {
        self.exc
    }

    /// The exception's type.
    pub fn type_value(&self) -> Value {
        ObjHeader::of(self.exc).map_or(Value::NONE, |h| h.type_value())
    }

    /// Whether the exception is an instance of `ty` (`except ty:`).
    pub fn matches(&self, heap: &Heap, ty: Value) -> bool {
        heap.is_instance(self.exc, ty)
    }

    /// The type's name, e.g. `"TypeError"`.
    pub fn type_name(&self) -> String {
        Gc::<TypeObj>::from_value(self.type_value()).map_or_else(|| "?".to_string(), |t| t.name())
    }

    /// `str(exc)` for exceptions whose args are empty or one str; the
    /// `repr` of the args otherwise is the VM's job, so this gives a marker.
    pub fn message(&self) -> String {
        exception_of(self.exc)
            .and_then(|e| e.simple_str())
            .unwrap_or_else(|| "<args not a single str>".to_string())
    }
}

impl fmt::Debug for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.type_name(), self.message())
    }
}

impl fmt::Display for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}
