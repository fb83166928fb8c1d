//! Type objects. Built-in types and classes made at run time are the same
//! kind of heap object: a name, bases, the MRO, an attribute dict, flags,
//! the layout of instances, the native slot table and a version tag.
//!
//! The version tag changes whenever the type's dict or bases change, or
//! those of any type in its MRO (a change walks down to all subclasses).
//! Inline caches and traces guard on it: `type.version == V` proves every
//! lookup through the MRO gives what it gave when `V` was read.

use std::cell::{Cell, RefCell};
use std::mem::offset_of;

use bitflags::bitflags;

use super::attrmap::AttrMap;
use super::err::PyErr;
use super::gc::Tracer;
use super::header::{Gc, HeapObj, ObjHeader, ObjKind, Payload};
use super::heap::Heap;
use super::mro::c3_linearize;
use super::slots::NativeSlots;
use super::str::str_of;
use super::value::Value;

bitflags! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct TypeFlags: u32 {
        /// May be subclassed (not bool, NoneType, range, slice, ...).
        const BASETYPE = 1;
        /// Made by a class statement or `type(name, bases, dict)`: mutable.
        const HEAPTYPE = 2;
    }
}

pub struct TypeObj {
    /// Bumped on every change of this type's dict or bases or a base's.
    /// First field: the JIT loads it at [`TYPE_VERSION_OFFSET`].
    version: Cell<u64>,
    name: Cell<Value>,
    bases: RefCell<Vec<Value>>,
    mro: RefCell<Vec<Value>>,
    dict: RefCell<AttrMap>,
    flags: Cell<TypeFlags>,
    /// Payload kind of instances (`Instance` for plain classes; a built-in
    /// base's kind for its subclasses).
    layout: ObjKind,
    pub slots: NativeSlots,
    /// Direct subclasses, for version and slot invalidation. Weak, as in
    /// CPython: not traced; the heap drops dead ones after marking.
    subclasses: RefCell<Vec<Value>>,
    /// Empty shape of instances, made on first use ([`super::shape`]).
    pub(super) root_shape: Cell<Value>,
    /// Shape marking instances in dictionary mode.
    pub(super) dict_shape: Cell<Value>,
}

pub const TYPE_VERSION_OFFSET: usize =
    offset_of!(HeapObj<TypeObj>, payload) + offset_of!(TypeObj, version);

// SAFETY: traces every Value held: name, bases, mro, dict, subclasses, shapes.
unsafe impl Payload for TypeObj {
    const KIND: ObjKind = ObjKind::Type;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.name.get());
        tracer.mark_all(&self.bases.borrow());
        tracer.mark_all(&self.mro.borrow());
        self.dict.borrow().trace(tracer);
        tracer.mark(self.root_shape.get());
        tracer.mark(self.dict_shape.get());
    }
    fn extra_bytes(&self) -> usize {
        self.dict.borrow().heap_bytes() + (self.bases.borrow().len() + self.mro.borrow().len()) * 8
    }
}

impl TypeObj {
    pub(super) fn new(layout: ObjKind, flags: TypeFlags, version: u64) -> TypeObj {
        TypeObj {
            version: Cell::new(version),
            name: Cell::new(Value::NONE),
            bases: RefCell::new(Vec::new()),
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(AttrMap::new()),
            flags: Cell::new(flags),
            layout,
            slots: NativeSlots::default(),
            subclasses: RefCell::new(Vec::new()),
            root_shape: Cell::new(Value::NONE),
            dict_shape: Cell::new(Value::NONE),
        }
    }

    #[inline(always)]
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    /// `__name__`, a str value.
    pub fn name_value(&self) -> Value {
        self.name.get()
    }

    /// `__name__` as Rust text ("?" only during bootstrap).
    pub fn name(&self) -> String {
        str_of(self.name.get())
            .map_or_else(|| "?".to_string(), |s| s.to_string_lossy().into_owned())
    }

    pub fn bases(&self) -> Vec<Value> {
        self.bases.borrow().clone()
    }

    pub fn mro(&self) -> Vec<Value> {
        self.mro.borrow().clone()
    }

    pub fn flags(&self) -> TypeFlags {
        self.flags.get()
    }

    pub fn layout(&self) -> ObjKind {
        self.layout
    }

    pub fn is_heap_type(&self) -> bool {
        self.flags.get().contains(TypeFlags::HEAPTYPE)
    }

    /// Lets the VM dispatch to the Python-coded dunders a built-in type
    /// was given (`memoryview`, whose methods are written in Python): its
    /// instances are then treated as a class statement's are.
    pub fn set_heap_type(&self) {
        self.flags.set(self.flags.get() | TypeFlags::HEAPTYPE);
    }

    /// The type's own dict entry (not the MRO's).
    pub fn own_attr(&self, name: Value) -> Option<Value> {
        self.dict.borrow().get(name)
    }

    /// The own dict, in definition order.
    pub fn own_attrs(&self) -> Vec<(Value, Value)> {
        self.dict.borrow().entries().to_vec()
    }

    pub fn subclasses(&self) -> Vec<Value> {
        self.subclasses.borrow().clone()
    }

    pub(super) fn retain_subclasses(&self, live: impl Fn(Value) -> bool) {
        self.subclasses.borrow_mut().retain(|&s| live(s))
    }
}

/// A type object handle.
pub type TypeRef = Gc<TypeObj>;

impl Gc<TypeObj> {
    /// Looks `name` (interned) up along the MRO: CPython's `_PyType_Lookup`.
    pub fn lookup(self, name: Value) -> Option<Value> {
        let mro = self.mro.borrow();
        mro.iter().find_map(|&t| Gc::<TypeObj>::from_value(t).and_then(|t| t.own_attr(name)))
    }

    /// `issubclass(self, other)` by MRO.
    pub fn is_subtype(self, other: Gc<TypeObj>) -> bool {
        self == other || self.mro.borrow().contains(&other.value())
    }
}

impl Heap {
    pub(super) fn next_type_version(&self) -> u64 {
        let v = self.type_versions.get() + 1;
        self.type_versions.set(v);
        v
    }

    /// The type of any value: one compare for each immediate kind, one load
    /// for heap objects.
    #[inline]
    pub fn type_of(&self, v: Value) -> Value {
        if let Some(header) = ObjHeader::of(v) {
            header.type_value()
        } else if v.is_float() {
            self.types.float
        } else if v.is_small_int() {
            self.types.int
        } else if v.is_bool() {
            self.types.bool
        } else {
            self.types.none_type
        }
    }

    /// The type object of `v`.
    #[inline]
    pub fn type_obj(&self, v: Value) -> Gc<TypeObj> {
        Gc::<TypeObj>::from_value(self.type_of(v)).expect("every value's type is a type object")
    }

    /// `isinstance(v, ty)` by MRO (no `__instancecheck__`).
    pub fn is_instance(&self, v: Value, ty: Value) -> bool {
        match Gc::<TypeObj>::from_value(ty) {
            Some(t) => self.type_obj(v).is_subtype(t),
            None => false,
        }
    }

    /// Makes a built-in type (the bootstrap's helper).
    pub(super) fn new_builtin_type(
        &self,
        meta: Value,
        name: Value,
        base: Option<Value>,
        layout: ObjKind,
        flags: TypeFlags,
    ) -> Value {
        let t = self.alloc(meta, TypeObj::new(layout, flags, self.next_type_version()));
        t.name.set(name);
        let mut mro = vec![t.value()];
        if let Some(base) = base {
            let b = Gc::<TypeObj>::from_value(base).expect("base of a built-in type is a type");
            mro.extend(b.mro());
            t.bases.borrow_mut().push(base);
            b.subclasses.borrow_mut().push(t.value());
            t.slots.inherit(&b.slots, &|_| false);
        }
        *t.mro.borrow_mut() = mro;
        self.register_weak_holder(t.value());
        t.value()
    }

    /// Bootstrap: `type`'s base is `object`, made after it.
    pub(super) fn set_builtin_base(&self, t: Value, base: Value) {
        let (t, b) = (self.type_obj_of_type(t), self.type_obj_of_type(base));
        *t.bases.borrow_mut() = vec![base];
        *t.mro.borrow_mut() = vec![t.value(), base];
        b.subclasses.borrow_mut().push(t.value());
    }

    /// Bootstrap: names made once `str` exists.
    pub(super) fn set_builtin_name(&self, t: Value, name: Value) {
        self.type_obj_of_type(t).name.set(name);
    }

    /// `class name(*bases): dict` with metaclass `meta`: checks the bases,
    /// computes the MRO (C3), picks the instance layout and inherits slots.
    /// `dict` keys are interned strs.
    pub fn new_class(
        &self,
        meta: Value,
        name: &str,
        bases: &[Value],
        dict: AttrMap,
    ) -> Result<Value, PyErr> {
        let bases: Vec<Value> =
            if bases.is_empty() { vec![self.types.object] } else { bases.to_vec() };
        let base_types =
            self.check_bases(&bases, None, |_| PyErr::type_error(self, "bases must be types"))?;
        let layout = solid_layout(self, &base_types)?;
        let t = self.alloc(
            meta,
            TypeObj::new(
                layout,
                TypeFlags::BASETYPE | TypeFlags::HEAPTYPE,
                self.next_type_version(),
            ),
        );
        t.name.set(self.intern(name));
        *t.dict.borrow_mut() = dict;
        *t.bases.borrow_mut() = bases.clone();
        match c3_linearize(t.value(), &base_types) {
            Ok(mro) => *t.mro.borrow_mut() = mro,
            Err(heads) => return Err(self.mro_error(&heads)),
        }
        self.inherit_slots(t);
        for bt in base_types {
            bt.subclasses.borrow_mut().push(t.value());
        }
        self.register_weak_holder(t.value());
        Ok(t.value())
    }

    fn type_obj_of_type(&self, t: Value) -> Gc<TypeObj> {
        Gc::<TypeObj>::from_value(t).expect("MRO entries are types")
    }

    fn inherit_slots(&self, t: Gc<TypeObj>) {
        let own_dunders: Vec<String> = t
            .dict
            .borrow()
            .keys()
            .filter_map(|k| str_of(k).map(|s| s.to_string_lossy().into_owned()))
            .filter(|k| NativeSlots::is_slot_name(k))
            .collect();
        let defines = |dunder: &str| own_dunders.iter().any(|d| d == dunder);
        for &m in t.mro().iter().skip(1) {
            t.slots.inherit(&self.type_obj_of_type(m).slots, &defines);
        }
    }

    /// `setattr(type, name, value)` / `del` (`value = None`): updates the
    /// dict, empties the slot a dunder overrides, and bumps the version of
    /// the type and all its subclasses. Built-in types refuse it as CPython
    /// does.
    pub fn type_set_attr(
        &self,
        t: Gc<TypeObj>,
        name: Value,
        value: Option<Value>,
    ) -> Result<(), PyErr> {
        if !t.is_heap_type() {
            return Err(PyErr::type_error(
                self,
                &format!("can't set attributes of built-in/extension type '{}'", t.name()),
            ));
        }
        let name = self
            .intern_value(name)
            .ok_or_else(|| PyErr::type_error(self, "attribute name must be string"))?;
        match value {
            Some(v) => {
                t.dict.borrow_mut().insert(name, v);
            }
            None => {
                if t.dict.borrow_mut().remove(name).is_none() {
                    let attr =
                        str_of(name).map_or_else(String::new, |s| s.to_string_lossy().into_owned());
                    let msg = format!("type object '{}' has no attribute '{}'", t.name(), attr);
                    return Err(PyErr::attribute_error(self, &msg));
                }
            }
        }
        let dunder = str_of(name).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let is_slot = NativeSlots::is_slot_name(&dunder);
        self.for_type_and_subclasses(t, |sub| {
            sub.version.set(self.next_type_version());
            if is_slot && sub.is_heap_type() {
                sub.slots.clear_for(&dunder);
                if value.is_none() {
                    // Deleting an override may re-expose a native slot.
                    self.inherit_slots(sub);
                }
            }
        });
        Ok(())
    }

    /// `t.__bases__ = bases` with CPython's checks: recomputes the MRO of
    /// `t` and of every subclass, moves `t` between its bases' subclass
    /// lists, re-inherits slots and bumps versions. On any error nothing
    /// changes.
    pub fn type_set_bases(&self, t: Gc<TypeObj>, bases: Value) -> Result<(), PyErr> {
        let name = t.name();
        if !t.is_heap_type() {
            return Err(PyErr::type_error(
                self,
                &format!("can't set attributes of built-in/extension type '{name}'"),
            ));
        }
        let Some(tuple) = super::tuple::tuple_of(bases) else {
            let msg = format!(
                "can only assign tuple to {name}.__bases__, not {}",
                self.type_obj(bases).name()
            );
            return Err(PyErr::type_error(self, &msg));
        };
        if tuple.is_empty() {
            return Err(PyErr::type_error(
                self,
                &format!("can only assign non-empty tuple to {name}.__bases__, not ()"),
            ));
        }
        let new_bases = tuple.items().to_vec();
        let base_types = self.check_bases(&new_bases, Some(t), |b| {
            let msg = format!(
                "{name}.__bases__ must be tuple of classes, not '{}'",
                self.type_obj(b).name()
            );
            PyErr::type_error(self, &msg)
        })?;
        let old_bases: Vec<Gc<TypeObj>> =
            t.bases().into_iter().map(|b| self.type_obj_of_type(b)).collect();
        let (new_layout, old_layout) =
            (solid_layout(self, &base_types)?, solid_layout(self, &old_bases)?);
        let best = |bases: &[Gc<TypeObj>], layout| {
            *bases.iter().find(|b| b.layout() == layout).unwrap_or(&bases[0])
        };
        let (new_best, old_best) = (best(&base_types, new_layout), best(&old_bases, old_layout));
        // CPython compares the deallocators of the best bases: a built-in
        // type's own differs from the one every class statement gets.
        if new_layout != old_layout || new_best.is_heap_type() != old_best.is_heap_type() {
            let msg = format!(
                "__bases__ assignment: '{}' deallocator differs from '{}'",
                new_best.name(),
                old_best.name()
            );
            return Err(PyErr::type_error(self, &msg));
        }
        // Recompute the MROs of `t` and everything below it, keeping the
        // old state to restore if one of them has none.
        let saved_bases = t.bases();
        *t.bases.borrow_mut() = new_bases.clone();
        let mut saved_mros = Vec::new();
        let mut work = vec![t];
        while let Some(cur) = work.pop() {
            let cur_bases: Vec<Gc<TypeObj>> =
                cur.bases().into_iter().map(|b| self.type_obj_of_type(b)).collect();
            match c3_linearize(cur.value(), &cur_bases) {
                Ok(mro) => {
                    saved_mros.push((cur, std::mem::replace(&mut *cur.mro.borrow_mut(), mro)))
                }
                Err(heads) => {
                    for (ty, mro) in saved_mros.into_iter().rev() {
                        *ty.mro.borrow_mut() = mro;
                    }
                    *t.bases.borrow_mut() = saved_bases;
                    return Err(self.mro_error(&heads));
                }
            }
            work.extend(cur.subclasses().into_iter().map(|s| self.type_obj_of_type(s)));
        }
        for old in &old_bases {
            old.subclasses.borrow_mut().retain(|&s| s != t.value());
        }
        for new in &base_types {
            new.subclasses.borrow_mut().push(t.value());
        }
        self.for_type_and_subclasses(t, |sub| {
            sub.version.set(self.next_type_version());
            sub.slots.clear_all();
            self.inherit_slots(sub);
        });
        Ok(())
    }

    /// `type.mro(t)`: the C3 linearization of `t`'s current bases (what
    /// a metaclass's own `mro()` usually starts from).
    pub fn c3_mro(&self, t: Gc<TypeObj>) -> Result<Vec<Value>, PyErr> {
        let bases: Vec<Gc<TypeObj>> =
            t.bases().into_iter().map(|b| self.type_obj_of_type(b)).collect();
        c3_linearize(t.value(), &bases).map_err(|heads| self.mro_error(&heads))
    }

    /// `t` and every class below it, each once, `t` first and parents
    /// before their subclasses (the order MROs are recomputed in).
    pub fn type_and_subclasses(&self, t: Gc<TypeObj>) -> Vec<Gc<TypeObj>> {
        let mut out = Vec::new();
        self.for_type_and_subclasses(t, |sub| out.push(sub));
        out
    }

    /// Installs an MRO a metaclass's `mro()` computed (the caller checked
    /// that every entry is a type): new versions and re-inherited native
    /// slots for `t` and its subclasses.
    pub fn type_set_mro(&self, t: Gc<TypeObj>, mro: Vec<Value>) {
        *t.mro.borrow_mut() = mro;
        self.for_type_and_subclasses(t, |sub| {
            sub.version.set(self.next_type_version());
            if sub.is_heap_type() {
                sub.slots.clear_all();
                self.inherit_slots(sub);
            }
        });
    }

    /// The types of `bases`, checked as bases of a class (`for_class`
    /// when assigning `__bases__` of an existing class).
    fn check_bases(
        &self,
        bases: &[Value],
        for_class: Option<Gc<TypeObj>>,
        not_a_type: impl Fn(Value) -> PyErr,
    ) -> Result<Vec<Gc<TypeObj>>, PyErr> {
        let mut base_types = Vec::with_capacity(bases.len());
        for (i, &b) in bases.iter().enumerate() {
            let bt = Gc::<TypeObj>::from_value(b).ok_or_else(|| not_a_type(b))?;
            if !bt.flags().contains(TypeFlags::BASETYPE) {
                return Err(PyErr::type_error(
                    self,
                    &format!("type '{}' is not an acceptable base type", bt.name()),
                ));
            }
            if for_class.is_some_and(|t| bt.is_subtype(t)) {
                return Err(PyErr::type_error(
                    self,
                    "a __bases__ item causes an inheritance cycle",
                ));
            }
            if bases[..i].contains(&b) {
                return Err(PyErr::type_error(
                    self,
                    &format!("duplicate base class {}", bt.name()),
                ));
            }
            base_types.push(bt);
        }
        Ok(base_types)
    }

    fn mro_error(&self, heads: &[Value]) -> PyErr {
        let names: Vec<String> = heads.iter().map(|&h| self.type_obj_of_type(h).name()).collect();
        let msg = format!(
            "Cannot create a consistent method resolution\norder (MRO) for bases {}",
            names.join(", ")
        );
        PyErr::type_error(self, &msg)
    }

    /// Marks `t` as changed without a dict update (e.g. `__bases__`
    /// assignment done elsewhere): new versions for it and its subclasses.
    pub fn type_modified(&self, t: Gc<TypeObj>) {
        self.for_type_and_subclasses(t, |sub| sub.version.set(self.next_type_version()));
    }

    fn for_type_and_subclasses(&self, t: Gc<TypeObj>, mut f: impl FnMut(Gc<TypeObj>)) {
        let mut work = vec![t];
        let mut seen = Vec::new();
        while let Some(cur) = work.pop() {
            if seen.contains(&cur) {
                continue; // diamond: reached twice
            }
            seen.push(cur);
            f(cur);
            work.extend(cur.subclasses().into_iter().map(|s| self.type_obj_of_type(s)));
        }
    }

    /// `name` looked up on the type of `v` along its MRO (cached).
    pub fn lookup_in_type_of(&self, v: Value, name: Value) -> Option<Value> {
        self.lookup(self.type_obj(v), name)
    }

    /// [`Gc::<TypeObj>::lookup`] through a global cache keyed by (type
    /// version, interned name), as CPython's method cache: a hit is a hash
    /// of two words and one compare. Versions are never reused, so a
    /// changed type can never hit an old entry.
    #[inline]
    pub fn lookup(&self, t: Gc<TypeObj>, name: Value) -> Option<Value> {
        let version = t.version();
        let slot = method_cache_slot(version, name);
        let entry = self.method_cache[slot].get();
        if entry.version == version && entry.name == name {
            return entry.found;
        }
        let found = t.lookup(name);
        self.method_cache[slot].set(MethodCacheEntry { version, name, found });
        found
    }

    pub(super) fn clear_method_cache(&self) {
        for e in self.method_cache.iter() {
            e.set(MethodCacheEntry::EMPTY);
        }
    }

    /// Sets an attribute of a built-in type while the runtime starts
    /// (native methods of `list`, `str`, ...); Python code cannot, see
    /// [`Heap::type_set_attr`].
    pub fn type_set_builtin_attr(&self, t: Gc<TypeObj>, name: &str, value: Value) {
        t.dict.borrow_mut().insert(self.intern(name), value);
        self.type_modified(t);
    }
}

pub(super) const METHOD_CACHE_SIZE: usize = 4096;

#[derive(Clone, Copy)]
pub(super) struct MethodCacheEntry {
    version: u64,
    name: Value,
    found: Option<Value>,
}

impl MethodCacheEntry {
    /// Version 0 is never given to a type.
    pub(super) const EMPTY: MethodCacheEntry =
        MethodCacheEntry { version: 0, name: Value::NONE, found: None };
}

#[inline(always)]
fn method_cache_slot(version: u64, name: Value) -> usize {
    ((version.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (name.bits() >> 3)) as usize)
        & (METHOD_CACHE_SIZE - 1)
}

/// The instance layout of a class with these bases: all built-in layouts
/// among them must agree (CPython's "solid base").
fn solid_layout(heap: &Heap, bases: &[Gc<TypeObj>]) -> Result<ObjKind, PyErr> {
    let mut layout = ObjKind::Instance;
    for b in bases {
        match (layout, b.layout()) {
            (_, ObjKind::Instance) => {}
            (ObjKind::Instance, l) => layout = l,
            (a, l) if a == l => {}
            _ => {
                return Err(PyErr::type_error(
                    heap,
                    "multiple bases have instance lay-out conflict",
                ))
            }
        }
    }
    Ok(layout)
}
