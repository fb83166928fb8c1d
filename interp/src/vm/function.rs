//! Callable objects and their companions: Python functions, cells, bound
//! methods, native (Rust) functions and method descriptors, modules.

use std::cell::Cell;

use super::code::CodeObj;
use super::{PyResult, Vm};
use crate::object::gc::Tracer;
use crate::object::instance::Attrs;
use crate::object::Value;
use crate::object::{Gc, ObjKind, Payload};

/// A `def` or `lambda` made at run time.
pub struct FunctionObj {
    /// Read it with [`FunctionObj::code`]; `f.__code__ = c` replaces it.
    pub code: Cell<Gc<CodeObj>>,
    pub globals: Value,
    pub name: Cell<Value>,
    pub qualname: Cell<Value>,
    /// Tuple or None.
    pub defaults: Cell<Value>,
    /// Dict or None.
    pub kwdefaults: Cell<Value>,
    /// Tuple of cells or None.
    pub closure: Value,
    pub annotations: Cell<Value>,
    pub doc: Cell<Value>,
    pub module: Cell<Value>,
    /// `__dict__`: other attributes set on the function.
    pub attrs: Attrs,
}

/// Where compiled code finds a function's code: traces that inline a call
/// guard that it is still the code they recorded.
pub const FUNCTION_CODE_OFFSET: usize =
    std::mem::offset_of!(crate::object::header::HeapObj<FunctionObj>, payload)
        + std::mem::offset_of!(FunctionObj, code);

/// Where compiled code finds a function's positional defaults (a tuple or
/// None): inlined calls that use them guard that they are the same tuple.
pub const FUNCTION_DEFAULTS_OFFSET: usize =
    std::mem::offset_of!(crate::object::header::HeapObj<FunctionObj>, payload)
        + std::mem::offset_of!(FunctionObj, defaults);

impl FunctionObj {
    /// The code the function runs now (`__code__`).
    #[inline]
    pub fn code(&self) -> Gc<CodeObj> {
        self.code.get()
    }
}

// SAFETY: traces every value field and the attributes.
unsafe impl Payload for FunctionObj {
    const KIND: ObjKind = ObjKind::Function;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_gc(self.code.get());
        tracer.mark_all(&[
            self.globals,
            self.name.get(),
            self.qualname.get(),
            self.defaults.get(),
            self.kwdefaults.get(),
            self.closure,
            self.annotations.get(),
            self.doc.get(),
            self.module.get(),
        ]);
        self.attrs.trace(tracer);
    }
    fn extra_bytes(&self) -> usize {
        self.attrs.heap_bytes()
    }
}

pub fn function_of(v: Value) -> Option<Gc<FunctionObj>> {
    Gc::<FunctionObj>::from_value(v)
}

/// A cell: one variable shared between a function and its closures.
/// Holds [`Value::EMPTY`] while unbound.
pub struct CellObj {
    pub value: Cell<Value>,
}

/// Where compiled code finds a cell's value.
pub const CELL_VALUE_OFFSET: usize =
    std::mem::offset_of!(crate::object::header::HeapObj<CellObj>, payload)
        + std::mem::offset_of!(CellObj, value);

// SAFETY: traces its one value.
unsafe impl Payload for CellObj {
    const KIND: ObjKind = ObjKind::Cell;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.value.get())
    }
}

impl Vm {
    /// A new cell holding `v` ([`Value::EMPTY`] for an unbound one).
    pub fn new_cell(&self, v: Value) -> Value {
        self.heap.alloc(self.heap.types().cell, CellObj { value: Cell::new(v) }).value()
    }
}

pub fn cell_of(v: Value) -> Option<Gc<CellObj>> {
    Gc::<CellObj>::from_value(v)
}

/// A function bound to a receiver (`obj.method` for a Python function).
pub struct MethodObj {
    pub function: Value,
    pub receiver: Value,
}

// SAFETY: traces both values.
unsafe impl Payload for MethodObj {
    const KIND: ObjKind = ObjKind::Method;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.function, self.receiver])
    }
}

pub fn method_of(v: Value) -> Option<Gc<MethodObj>> {
    Gc::<MethodObj>::from_value(v)
}

/// The calling convention of functions written in Rust: `args` holds the
/// positional arguments followed by the values of the keyword arguments
/// named by `kwnames` (interned strs), as in CPython's vectorcall. Methods
/// get their receiver as `args[0]`.
pub type NativeFn = fn(&mut Vm, &[Value], &[Value]) -> PyResult;

/// A function written in Rust (`builtin_function_or_method`), possibly
/// bound to a receiver (`[].append`) or a module.
pub struct NativeFunctionObj {
    pub name: &'static str,
    pub func: NativeFn,
    /// The bound receiver, or [`Value::EMPTY`] for a plain function.
    pub receiver: Value,
    /// The type that defines it (its qualname prefix), the native module
    /// it belongs to (its `__module__` and `__self__`), or None.
    pub owner: Value,
}

// SAFETY: traces the receiver and owner.
unsafe impl Payload for NativeFunctionObj {
    const KIND: ObjKind = ObjKind::NativeFunction;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.receiver, self.owner])
    }
}

pub fn native_function_of(v: Value) -> Option<Gc<NativeFunctionObj>> {
    Gc::<NativeFunctionObj>::from_value(v)
}

/// A method of a built-in type as found in the type's dict
/// (`method_descriptor`): binds to an instance of `owner` on access.
pub struct MethodDescriptorObj {
    pub name: &'static str,
    pub func: NativeFn,
    /// The type that defines it.
    pub owner: Value,
}

// SAFETY: traces the owner type.
unsafe impl Payload for MethodDescriptorObj {
    const KIND: ObjKind = ObjKind::MethodDescriptor;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.owner)
    }
}

pub fn method_descriptor_of(v: Value) -> Option<Gc<MethodDescriptorObj>> {
    Gc::<MethodDescriptorObj>::from_value(v)
}

/// A module: its namespace dict and name.
pub struct ModuleObj {
    pub dict: Value,
    pub name: Value,
    /// Made by the import system for one of the interpreter's own modules
    /// or a source file, rather than by `types.ModuleType(...)`: without a
    /// loader or a file, its repr says "(built-in)" as CPython's
    /// `BuiltinImporter.module_repr` does for the C modules these stand for.
    pub imported: bool,
}

// SAFETY: traces its dict and name.
unsafe impl Payload for ModuleObj {
    const KIND: ObjKind = ObjKind::Module;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.dict, self.name])
    }
}

pub fn module_of(v: Value) -> Option<Gc<ModuleObj>> {
    Gc::<ModuleObj>::from_value(v)
}

/// `property`, `classmethod` and `staticmethod` objects.
pub struct PropertyObj {
    pub fget: Cell<Value>,
    pub fset: Cell<Value>,
    pub fdel: Cell<Value>,
    pub doc: Cell<Value>,
    /// The doc was taken from the getter (CPython's `getter_doc`): a copy
    /// with a new getter takes the new getter's.
    pub getter_doc: Cell<bool>,
}

impl PropertyObj {
    pub fn new(fget: Value, fset: Value, fdel: Value, doc: Value) -> PropertyObj {
        PropertyObj {
            fget: Cell::new(fget),
            fset: Cell::new(fset),
            fdel: Cell::new(fdel),
            doc: Cell::new(doc),
            getter_doc: Cell::new(false),
        }
    }
}

// SAFETY: traces its four values.
unsafe impl Payload for PropertyObj {
    const KIND: ObjKind = ObjKind::Property;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.fget.get(), self.fset.get(), self.fdel.get(), self.doc.get()])
    }
}

/// `classmethod(f)` / `staticmethod(f)`: a wrapped callable. Their
/// `__dict__` lives in the heap's side table (`Heap::has_builtin_dict`).
pub struct WrappedCallableObj<const KIND_CLASS: bool> {
    pub callable: Cell<Value>,
}

// SAFETY: traces the callable, its only reference.
unsafe impl Payload for WrappedCallableObj<true> {
    const KIND: ObjKind = ObjKind::ClassMethod;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.callable.get());
    }
}

// SAFETY: traces the callable, its only reference.
unsafe impl Payload for WrappedCallableObj<false> {
    const KIND: ObjKind = ObjKind::StaticMethod;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.callable.get());
    }
}

pub type ClassMethodObj = WrappedCallableObj<true>;
pub type StaticMethodObj = WrappedCallableObj<false>;

impl Vm {
    /// `a == b` for two built-in functions or methods (`meth_richcompare`,
    /// `wrapper_richcompare`): the same function bound to the very same
    /// receiver. `None` when they are not both of one such type.
    pub fn native_methods_same(&self, a: Value, b: Value) -> Option<bool> {
        let x = Gc::<NativeFunctionObj>::from_value(a)?;
        let y = Gc::<NativeFunctionObj>::from_value(b)?;
        if self.heap.type_of(a) != self.heap.type_of(b) {
            return None;
        }
        // The entry point tells apart functions that share a name and an
        // owner (the `__new__` of built-in types).
        let same_entry = x.func as usize == y.func as usize;
        Some(same_entry && x.name == y.name && x.owner == y.owner && x.receiver == y.receiver)
    }
}
