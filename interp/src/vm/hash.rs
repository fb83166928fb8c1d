//! `hash()` and the equality dicts and sets use to compare keys.

use super::{PyResult, Vm};
use crate::bytecode::instr::CmpOp;
use crate::number::hash as numhash;
use crate::number::int::Int;
use crate::object::boxes::{float_value, int_value, IntObj};
use crate::object::bytes::bytes_of;
use crate::object::set::frozenset_of;
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::types::TypeObj;
use crate::object::Value;
use crate::object::{Gc, ObjHeader, ObjKind};

/// CPython's `_Py_HashPointer`: the address rotated by 4 bits.
/// -1 is no hash (CPython's error return): -2 stands for it.
fn rehash(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_pointer(v: Value) -> i64 {
    let addr = v.bits() & crate::object::value::PAYLOAD_MASK;
    let h = addr.rotate_right(4) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython hashes None by address (rotated right by 4 bits): ASLR moves
/// it by whole pages, so its low 8 bits are those of `_Py_NoneStruct`'s
/// page offset in CPython 3.8.18's x86-64 build, and sets holding None
/// iterate in the oracle's order.
const NONE_HASH: i64 = 0x5f5f_4e6f_6222;

/// The hash of a value held in the word itself (small int, float, bool,
/// None), or None for a heap object.
#[inline(always)]
fn hash_unboxed(v: Value) -> Option<i64> {
    if let Some(i) = v.as_small_int() {
        return Some(numhash::hash_int(&Int::Small(i)));
    }
    if let Some(f) = v.as_f64() {
        return Some(numhash::hash_float(f));
    }
    if let Some(b) = v.as_bool() {
        return Some(b as i64);
    }
    v.is_none().then_some(NONE_HASH)
}

/// Tuples nested deeper than this take the general path.
const MAX_NATIVE_TUPLE_DEPTH: u32 = 8;

impl Vm {
    /// The hash of a value whose hashing runs no Python code and needs no
    /// allocation: numbers, None, str and bytes, and tuples of them (the
    /// dict keys batch programs build); None for anything else.
    fn hash_without_calls(&self, v: Value, depth: u32) -> Option<i64> {
        if let Some(h) = hash_unboxed(v) {
            return Some(h);
        }
        let header = ObjHeader::of(v)?;
        if self.heap.type_obj(v).is_heap_type() {
            return None;
        }
        match header.kind() {
            ObjKind::Str => str_of(v).map(|s| s.hash()),
            ObjKind::Bytes => bytes_of(v).map(|b| b.hash()),
            ObjKind::Tuple if depth < MAX_NATIVE_TUPLE_DEPTH => {
                let mut hasher = numhash::TupleHasher::new();
                for &item in tuple_of(v)?.items() {
                    hasher.push(self.hash_without_calls(item, depth + 1)?);
                }
                Some(hasher.finish())
            }
            _ => None,
        }
    }

    /// `hash(v)`.
    pub fn hash_value(&mut self, v: Value) -> PyResult<i64> {
        if let Some(h) = hash_unboxed(v) {
            return Ok(h);
        }
        let ty = self.heap.type_obj(v);
        if ty.is_heap_type() {
            return self.hash_by_dunder(v, ty);
        }
        let Some(header) = ObjHeader::of(v) else {
            return Err(self.unhashable(v));
        };
        match header.kind() {
            ObjKind::Str => Ok(str_of(v).map_or(0, |s| s.hash())),
            ObjKind::Int => {
                Ok(Gc::<IntObj>::from_value(v).map_or(0, |i| numhash::hash_bigint(&i.value)))
            }
            ObjKind::Float => Ok(numhash::hash_float(float_value(v).unwrap_or(0.0))),
            ObjKind::Complex => {
                let c = Gc::<crate::object::boxes::ComplexObj>::from_value(v).expect("complex");
                Ok(numhash::hash_complex(c.re, c.im))
            }
            ObjKind::Bytes => Ok(bytes_of(v).map_or(0, |b| b.hash())),
            ObjKind::Tuple => {
                if let Some(h) = self.hash_without_calls(v, 0) {
                    return Ok(h);
                }
                let items = tuple_of(v).map(|t| t.items().to_vec()).unwrap_or_default();
                let mark = self.stack.len();
                self.stack.extend_from_slice(&items);
                let mut hashes = Vec::with_capacity(items.len());
                for i in 0..items.len() {
                    let item = self.stack[mark + i];
                    match self.hash_value(item) {
                        Ok(h) => hashes.push(h),
                        Err(e) => {
                            self.truncate_temps(mark);
                            return Err(e);
                        }
                    }
                }
                self.truncate_temps(mark);
                Ok(numhash::hash_tuple(hashes.into_iter()))
            }
            ObjKind::Range => {
                let r = Gc::<crate::object::range::RangeObj>::from_value(v).expect("range");
                self.range_hash(r)
            }
            ObjKind::FrozenSet => {
                let fs = frozenset_of(v).expect("frozenset");
                if let Some(h) = fs.hash.get() {
                    return Ok(h);
                }
                let h = fs.table.borrow().frozenset_hash();
                fs.hash.set(Some(h));
                Ok(h)
            }
            ObjKind::List | ObjKind::Dict | ObjKind::Set | ObjKind::ByteArray | ObjKind::Slice => {
                Err(self.unhashable(v))
            }
            ObjKind::Wrapper if is_set_like_view(v) => Err(self.unhashable(v)),
            ObjKind::WeakRef => crate::modules::weakref::hash(self, v),
            // Equal bound methods hash alike (`method_hash`, `meth_hash`):
            // by the receiver's identity and the function.
            ObjKind::Method => {
                let m = crate::vm::function::method_of(v).expect("method");
                Ok(rehash(hash_pointer(m.receiver) ^ self.hash_value(m.function)?))
            }
            ObjKind::NativeFunction => {
                let f = Gc::<crate::vm::function::NativeFunctionObj>::from_value(v)
                    .expect("native function");
                let name = str_of(self.heap.intern(f.name)).map_or(0, |s| s.hash());
                Ok(rehash(hash_pointer(f.receiver) ^ hash_pointer(f.owner) ^ name))
            }
            _ => Ok(hash_pointer(v)),
        }
    }

    fn hash_by_dunder(&mut self, v: Value, ty: Gc<TypeObj>) -> PyResult<i64> {
        let hash_name = self.names.dunder_hash;
        match self.heap.lookup(ty, hash_name) {
            Some(h) if h.is_none() => Err(self.unhashable(v)),
            Some(h) if !self.is_native_slot_method(h) => {
                let result = self.call_method_value(h, v, &[])?;
                self.hash_result(result)
            }
            _ => {
                // Inherited from a built-in base: hash by its layout.
                match ObjHeader::of(v).map(|h| h.kind()) {
                    Some(ObjKind::Instance | ObjKind::Exception | ObjKind::Type) | None => {
                        Ok(hash_pointer(v))
                    }
                    Some(_) => {
                        let base = self.builtin_base_value(v);
                        if base == v {
                            // No built-in value inside: hash by identity
                            // rather than asking the same question again.
                            return Ok(hash_pointer(v));
                        }
                        self.hash_value(base)
                    }
                }
            }
        }
    }

    /// What `__hash__` returned, reduced as CPython reduces it.
    fn hash_result(&mut self, result: Value) -> PyResult<i64> {
        if let Some(i) = result.as_small_int() {
            return Ok(if i == -1 { -2 } else { i });
        }
        // An int that fits a machine word is the hash as it is; only a
        // wider one is hashed (`slot_tp_hash`).
        match int_value(result) {
            Some(big) => Ok(match i64::try_from(&big) {
                Ok(-1) => -2,
                Ok(h) => h,
                Err(_) => numhash::hash_int(&Int::from_big(big)),
            }),
            None => Err(self.type_error("__hash__ method should return an integer")),
        }
    }

    pub fn unhashable(&self, v: Value) -> crate::object::PyErr {
        self.type_error(&format!("unhashable type: '{}'", self.type_name(v)))
    }

    /// `a == b` as dict and set lookups test it: identity first.
    pub fn keys_equal(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a == b {
            return Ok(true);
        }
        if let (Some(x), Some(y)) = (str_of(a), str_of(b)) {
            if !self.heap.type_obj(a).is_heap_type() && !self.heap.type_obj(b).is_heap_type() {
                return Ok(x.as_wtf8() == y.as_wtf8());
            }
        }
        let r = self.compare_op(CmpOp::Eq, a, b)?;
        self.is_true(r)
    }
}

/// `dict_keys` and `dict_items`: views that compare as sets (`dict_values`
/// and `mappingproxy` hash by identity, as in CPython).
fn is_set_like_view(v: Value) -> bool {
    use crate::vm::containers::{WrapperKind, WrapperObj};
    Gc::<WrapperObj>::from_value(v)
        .is_some_and(|w| matches!(w.kind, WrapperKind::DictKeys | WrapperKind::DictItems))
}
