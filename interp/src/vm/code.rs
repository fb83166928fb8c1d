//! Code objects: a compiled [`CodeUnit`] with its constants and names made
//! into values, its inline caches, and its loop counters.

use std::cell::Cell;
use std::rc::Rc;

use crate::bytecode::instr::CacheIdx;
use crate::bytecode::{CodeFlags, CodeUnit, Const};
use crate::object::gc::Tracer;
use crate::object::Value;
use crate::object::{Gc, Heap, ObjKind, Payload};

/// One inline cache entry: what a site last saw, keyed by a type version
/// or shape (see `vm::attr` and `vm::eval` for how each site kind uses it).
#[derive(Clone, Copy)]
pub struct CacheEntry {
    pub key: u64,
    pub value: Value,
    pub extra: u64,
}

impl Default for CacheEntry {
    fn default() -> CacheEntry {
        CacheEntry { key: 0, value: Value::NONE, extra: 0 }
    }
}

pub struct CodeObj {
    pub unit: Rc<CodeUnit>,
    /// `unit.consts` as values (nested code units become code objects).
    pub consts: Box<[Value]>,
    /// `unit.names`, interned.
    pub names: Box<[Value]>,
    /// `unit.local_names`, interned (for keyword binding and errors).
    pub local_names: Box<[Value]>,
    pub name: Value,
    pub qualname: Value,
    pub filename: Value,
    /// Written through [`CodeObj::set_cache`] only, which notes in
    /// `caches_used` that a collection has cached values to trace.
    caches: Box<[Cell<CacheEntry>]>,
    caches_used: Cell<bool>,
    /// Per instruction: the iteration counter of the loop headed there
    /// (or a `jit::HAS_TRACE`-style state).
    pub loop_counters: Box<[Cell<u32>]>,
    /// Calls of the function that started running in the interpreter (or
    /// a `jit::HAS_TRACE`-style state of its function trace).
    pub entry_counter: Cell<u32>,
    /// CO_ITERABLE_COROUTINE, set by `types.coroutine`: its generators may
    /// be awaited.
    pub iterable_coroutine: Cell<bool>,
}

// SAFETY: traces constants, names and cached values, its only references
// (`names` and `local_names` are interned strings, which the heap keeps
// alive itself; caches never written hold no values).
unsafe impl Payload for CodeObj {
    const KIND: ObjKind = ObjKind::Code;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&self.consts);
        tracer.mark_all(&[self.name, self.qualname, self.filename]);
        // Most code loaded never runs (a module's unused functions): its
        // caches are skipped without being read.
        if self.caches_used.get() {
            for c in self.caches.iter() {
                tracer.mark(c.get().value);
            }
        }
    }
    fn extra_bytes(&self) -> usize {
        (self.consts.len() + self.names.len()) * 8 + self.caches.len() * 24
    }
}

impl CodeObj {
    pub fn const_value(&self, idx: u32) -> Value {
        self.consts[idx as usize]
    }

    pub fn name_value(&self, idx: u16) -> Value {
        self.names[idx as usize]
    }

    /// What inline cache `index` holds.
    #[inline]
    pub fn cache(&self, index: CacheIdx) -> CacheEntry {
        self.caches[index as usize].get()
    }

    /// Fills inline cache `index`.
    #[inline]
    pub fn set_cache(&self, index: CacheIdx, entry: CacheEntry) {
        self.caches_used.set(true);
        self.caches[index as usize].set(entry);
    }
}

pub fn code_of(v: Value) -> Option<Gc<CodeObj>> {
    Gc::<CodeObj>::from_value(v)
}

/// Makes the code object of `unit` and, recursively, of the code units
/// among its constants. `code_type` is the `code` type object.
pub fn load_code(heap: &Heap, code_type: Value, unit: &Rc<CodeUnit>) -> Gc<CodeObj> {
    let parts = CodeParts {
        unit: unit.clone(),
        consts: unit.consts.iter().map(|c| const_value(heap, code_type, c)).collect(),
        names: unit.names.iter().map(|n| heap.intern(n)).collect(),
        local_names: unit.local_names.iter().map(|n| heap.intern(n)).collect(),
        name: heap.intern(&unit.name),
        qualname: heap.new_str(&unit.qualname),
        filename: heap.new_str(&unit.filename),
    };
    new_code(heap, code_type, parts)
}

/// What a code object is made of besides its caches and counters (which
/// start empty): `load_code` and `code.replace` fill it in.
pub struct CodeParts {
    pub unit: Rc<CodeUnit>,
    pub consts: Vec<Value>,
    pub names: Vec<Value>,
    pub local_names: Vec<Value>,
    pub name: Value,
    pub qualname: Value,
    pub filename: Value,
}

/// A new code object of `parts`, with empty caches and loop counters.
pub fn new_code(heap: &Heap, code_type: Value, parts: CodeParts) -> Gc<CodeObj> {
    let unit = parts.unit;
    let caches: Vec<Cell<CacheEntry>> =
        (0..unit.cache_count).map(|_| Cell::new(CacheEntry::default())).collect();
    let code = CodeObj {
        consts: parts.consts.into(),
        names: parts.names.into(),
        local_names: parts.local_names.into(),
        name: parts.name,
        qualname: parts.qualname,
        filename: parts.filename,
        caches: caches.into(),
        caches_used: Cell::new(false),
        loop_counters: (0..unit.instrs.len()).map(|_| Cell::new(0)).collect(),
        entry_counter: Cell::new(if may_get_function_trace(&unit) {
            0
        } else {
            crate::jit::BLACKLISTED
        }),
        iterable_coroutine: Cell::new(false),
        unit,
    };
    heap.alloc(code_type, code)
}

/// Whether calls of `unit` may be traced from its entry: a plain function
/// body (not module or class code, not a generator's).
fn may_get_function_trace(unit: &CodeUnit) -> bool {
    unit.flags.contains(CodeFlags::FUNCTION) && !unit.is_generator_like()
}

/// The value of one constant.
pub fn const_value(heap: &Heap, code_type: Value, c: &Const) -> Value {
    match c {
        Const::None => Value::NONE,
        Const::Bool(b) => Value::from_bool(*b),
        Const::Int(i) => heap.new_int_i64(*i),
        Const::BigInt(b) => heap.new_int(b.clone()),
        Const::Float(f) => Value::from_f64(*f),
        Const::Complex { real, imag } => heap.new_complex(*real, *imag),
        Const::Str(s) => {
            // Identifier-like constants are interned, as CPython does.
            if s.len() <= 40 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                heap.intern(s)
            } else {
                heap.new_str(s)
            }
        }
        Const::StrSurrogates(s) => heap.new_str_wtf8(s),
        Const::Bytes(b) => heap.new_bytes(b),
        Const::Ellipsis => heap.singletons().ellipsis,
        Const::Tuple(items) => {
            let values: Vec<Value> =
                items.iter().map(|c| const_value(heap, code_type, c)).collect();
            heap.new_tuple(&values)
        }
        Const::FrozenSet(items) => {
            // Only sets of hashable literal constants are folded; built by the VM on load.
            let values: Vec<Value> =
                items.iter().map(|c| const_value(heap, code_type, c)).collect();
            heap.new_tuple(&values)
        }
        Const::Code(unit) => load_code(heap, code_type, unit).value(),
    }
}
