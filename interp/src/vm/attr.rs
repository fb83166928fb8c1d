//! Attribute access: CPython's `PyObject_GenericGetAttr` and
//! `GenericSetAttr` with data and non-data descriptors, instance
//! attributes in shapes, class attributes through the MRO and metaclass,
//! module namespaces, `__getattr__` fallback, and the `LoadMethod` fast
//! path that skips making bound methods.

use super::code::{CacheEntry, CodeObj};
use super::function::{
    function_of, method_descriptor_of, module_of, native_function_of, ClassMethodObj, MethodObj,
    NativeFunctionObj, PropertyObj, StaticMethodObj,
};
use super::{PyResult, Vm};
use crate::builtins::constructors::SuperObj;
use crate::object::instance::Attrs;
use crate::object::str::str_of;
use crate::object::types::TypeObj;
use crate::object::{Gc, ObjHeader, ObjKind};
use crate::object::{PyErr, Value};

impl Vm {
    /// `LoadAttr` with its inline cache: for instances, a hit is a shape
    /// compare and a slot load.
    pub fn load_attr_cached(
        &mut self,
        code: Gc<CodeObj>,
        obj: Value,
        name: u16,
        cache: u16,
    ) -> PyResult {
        let name_v = code.name_value(name);
        if let Some(inst) = crate::object::instance::instance_of(obj) {
            let entry = code.cache(cache);
            let shape = inst.attrs.shape();
            let shape_bits = shape.value().bits();
            if entry.key == shape_bits && entry.extra == self.type_version(obj) {
                if let Some(v) = inst.attrs.slot(entry.value.as_small_int().unwrap_or(0) as usize) {
                    return Ok(v);
                }
            }
            let ty = self.heap.type_obj(obj);
            // Cacheable: plain instance attribute, no data descriptor or
            // custom __getattribute__ on the class.
            if !self.has_custom_getattribute(ty) && self.is_plain_instance_attr(ty, name_v) {
                if let Some(slot) = shape.slot_of(name_v) {
                    if let Some(v) = inst.attrs.slot(slot) {
                        code.set_cache(
                            cache,
                            CacheEntry {
                                key: shape_bits,
                                value: Value::from_small_int(slot as i64).unwrap_or(Value::NONE),
                                extra: ty.version(),
                            },
                        );
                        return Ok(v);
                    }
                }
            }
        }
        self.get_attr(obj, name_v)
    }

    /// `LoadMethod` with its inline cache: keyed on the instance's shape
    /// (which proves the type and that no instance attribute shadows the
    /// method) or, for other objects, on the type, both with the type's
    /// version.
    pub fn load_method_cached(
        &mut self,
        code: Gc<CodeObj>,
        obj: Value,
        name: u16,
        cache: u16,
    ) -> PyResult<(Value, Value)> {
        let name_v = code.name_value(name);
        let inst = crate::object::instance::instance_of(obj);
        let key = match inst {
            Some(i) => i.attrs.shape_value().bits(),
            None if obj.is_ptr() => self.heap.type_obj(obj).value().bits(),
            None => 0,
        };
        let entry = code.cache(cache);
        if key != 0 && entry.key == key && entry.extra == self.type_version(obj) {
            return Ok((entry.value, obj));
        }
        let (f, receiver) = self.load_method(obj, name_v)?;
        let no_own_attrs = match inst {
            Some(i) => !i.attrs.shape().is_dict_mode(),
            None => {
                !self.heap.type_obj(obj).is_heap_type() && self.heap.attrs_of(obj, false).is_none()
            }
        };
        let cacheable = key != 0
            && !receiver.is_empty()
            && Gc::<TypeObj>::from_value(obj).is_none()
            && crate::vm::function::module_of(obj).is_none()
            && no_own_attrs;
        if cacheable {
            let version = self.type_version(obj);
            code.set_cache(cache, CacheEntry { key, value: f, extra: version });
        }
        Ok((f, receiver))
    }

    /// `StoreAttr` with its inline cache: for instances whose attribute
    /// already has a slot, a hit is a shape compare and a slot store.
    pub fn store_attr_cached(
        &mut self,
        code: Gc<CodeObj>,
        obj: Value,
        name: u16,
        cache: u16,
        value: Value,
    ) -> PyResult<()> {
        let name_v = code.name_value(name);
        let Some(inst) = crate::object::instance::instance_of(obj) else {
            return self.set_attr(obj, name_v, value);
        };
        let entry = code.cache(cache);
        let shape_bits = inst.attrs.shape_value().bits();
        if entry.key == shape_bits && entry.extra == self.type_version(obj) {
            if let Some(slot) = entry.value.as_small_int() {
                if inst.attrs.set_slot(slot as usize, value) {
                    return Ok(());
                }
            } else {
                // A new attribute: the cached shape transition.
                inst.attrs.extend_to(entry.value, value);
                return Ok(());
            }
        }
        let ty = self.heap.type_obj(obj);
        let custom_setattr = self.heap.lookup(ty, self.names.dunder_setattr);
        let plain = self.is_plain_instance_attr(ty, name_v)
            && custom_setattr.is_none_or(|m| function_of(m).is_none());
        let slot = inst.attrs.shape().slot_of(name_v);
        self.set_attr(obj, name_v, value)?;
        let after = inst.attrs.shape();
        let cached = match slot {
            Some(slot) if after.value().bits() == shape_bits => {
                Value::from_small_int(slot as i64).unwrap_or(Value::NONE)
            }
            // A new attribute that moved the instance one step down the
            // transition tree.
            None if !after.is_dict_mode()
                && after.parent().is_some_and(|p| p.value().bits() == shape_bits) =>
            {
                after.value()
            }
            _ => Value::NONE,
        };
        if plain && !cached.is_none() {
            code.set_cache(
                cache,
                CacheEntry { key: shape_bits, value: cached, extra: ty.version() },
            );
        }
        Ok(())
    }

    fn type_version(&self, obj: Value) -> u64 {
        self.heap.type_obj(obj).version()
    }

    /// Does `ty` replace `object.__getattribute__`? Anything but a built-in
    /// method there is a hook (CPython's `slot_tp_getattr_hook` binds a
    /// descriptor through its `__get__` and calls what that gives).
    pub(crate) fn has_custom_getattribute(&self, ty: Gc<TypeObj>) -> bool {
        self.getattribute_hook(ty).is_some()
    }

    fn getattribute_hook(&self, ty: Gc<TypeObj>) -> Option<Value> {
        let name = self.names.dunder_getattribute;
        self.heap.lookup(ty, name).filter(|&m| method_descriptor_of(m).is_none())
    }

    /// `getattr(obj, name)`.
    pub fn get_attr(&mut self, obj: Value, name: Value) -> PyResult {
        let ty = self.heap.type_obj(obj);
        if ty.is_heap_type() {
            if let Some(m) = self.getattribute_hook(ty) {
                let r = self.call_method_value(m, obj, &[name]);
                return self.getattr_fallback(obj, name, r);
            }
        }
        let mut r = self.generic_get_attr(obj, name);
        if let Some(m) = module_of(obj) {
            r = self.module_getattr_fallback(m.dict, name, r);
        }
        if ty.is_heap_type() {
            return self.getattr_fallback(obj, name, r);
        }
        r
    }

    /// PEP 562: on AttributeError, the module's own `__getattr__`.
    fn module_getattr_fallback(&mut self, dict: Value, name: Value, r: PyResult) -> PyResult {
        match r {
            Err(e) if e.matches(&self.heap, self.heap.types().attribute_error) => {
                let hook = self.names.dunder_getattr;
                match self.dict_get_item(dict, hook)? {
                    Some(f) => self.call(f, &[name]),
                    None => Err(e),
                }
            }
            other => other,
        }
    }

    /// On AttributeError, `__getattr__` if the class has one.
    fn getattr_fallback(&mut self, obj: Value, name: Value, r: PyResult) -> PyResult {
        match r {
            Err(e) if e.matches(&self.heap, self.heap.types().attribute_error) => {
                let ga = self.names.dunder_getattr;
                match self.heap.lookup_in_type_of(obj, ga) {
                    Some(m) => self.call_method_value(m, obj, &[name]),
                    None => Err(e),
                }
            }
            other => other,
        }
    }

    /// `object.__getattribute__(obj, name)`.
    pub fn generic_get_attr(&mut self, obj: Value, name: Value) -> PyResult {
        match self.generic_find_attr(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    /// `obj.name` where a miss is `None` rather than an AttributeError
    /// (`hasattr`, `getattr` with a default): the common miss, on an
    /// object whose class has no `__getattr__` or Python
    /// `__getattribute__`, builds no exception. An AttributeError raised
    /// on the way (a property's getter) is a miss too.
    pub fn get_attr_opt(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        let ty = self.heap.type_obj(obj);
        let hooked = module_of(obj).is_some()
            || ty.is_heap_type()
                && (self.has_custom_getattribute(ty)
                    || self.heap.lookup(ty, self.names.dunder_getattr).is_some());
        let r = if hooked {
            self.get_attr(obj, name).map(Some)
        } else {
            self.generic_find_attr(obj, name)
        };
        match r {
            Err(e) if e.matches(&self.heap, self.heap.types().attribute_error) => Ok(None),
            r => r,
        }
    }

    /// [`Vm::generic_get_attr`], with `None` for a plain miss.
    fn generic_find_attr(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        if let Some(t) = Gc::<TypeObj>::from_value(obj) {
            return self.type_find_attr(t, name);
        }
        if let Some(s) = Gc::<SuperObj>::from_value(obj) {
            if let Some(v) = self.super_get_attr(s, name)? {
                return Ok(Some(v));
            }
        }
        let ty = self.heap.type_obj(obj);
        // A class keeps its `__qualname__` in its dict, where CPython's
        // type_new takes it out: instances do not see it.
        let descr =
            if name == self.names.dunder_qualname { None } else { self.heap.lookup(ty, name) };
        if let Some(d) = descr {
            // A data descriptor without `__get__` (only `__set__`) lets the
            // instance dict answer first, as CPython's generic getattr.
            if self.is_data_descriptor(d) && self.has_descr_get(d) {
                return self.descr_get(d, obj, ty.value()).map(Some);
            }
        }
        if name == self.names.dunder_dict && module_of(obj).is_none() {
            if let Some(d) = self.instance_dict(obj) {
                return Ok(Some(d));
            }
        }
        if let Some(attrs) = self.heap.attrs_of(obj, false) {
            let found = match attrs.dict() {
                Some(d) => self.dict_get_item(d, name)?,
                None => attrs.get(name),
            };
            if found.is_some() {
                return Ok(found);
            }
        }
        if let Some(m) = module_of(obj) {
            if let Some(v) = self.dict_get_item(m.dict, name)? {
                return Ok(Some(v));
            }
        }
        // A class attribute `__class__` shadows the type, as it shadows
        // `object.__class__`'s descriptor in CPython (unittest.mock's spec).
        let class_shadowed = descr.is_some() && name == self.names.dunder_class;
        if !class_shadowed {
            if let Some(v) = self.special_attr(obj, name)? {
                return Ok(Some(v));
            }
        }
        if let Some(d) = descr {
            return self.descr_get(d, obj, ty.value()).map(Some);
        }
        if ty.is_heap_type() && self.is_declared_slot(ty, name) {
            return Err(self.attribute_error_of_name(name));
        }
        if name == self.names.dunder_doc {
            // Every CPython type has `__doc__` (its tp_doc, None when it
            // has none); built-in types here keep no docstrings.
            return Ok(Some(Value::NONE));
        }
        Ok(None)
    }

    /// `super(thisclass, obj).name`: the MRO of `obj`'s type after
    /// `thisclass`, bound to `obj` (or to the class when `obj` is the
    /// start type itself); `None` falls back to the super object's own
    /// attributes.
    fn super_get_attr(&mut self, s: Gc<SuperObj>, name: Value) -> PyResult<Option<Value>> {
        if let Some(s_name) = crate::object::str::str_of(name) {
            // The super object's own attributes (`typeobject.c`'s super_members).
            match s_name.to_str().unwrap_or_default() {
                "__thisclass__" => return Ok(Some(s.thisclass.get())),
                "__self__" => return Ok(Some(s.obj.get())),
                "__self_class__" => return Ok(Some(s.obj_type.get())),
                _ => {}
            }
        }
        let Some(start) = Gc::<TypeObj>::from_value(s.obj_type.get()) else { return Ok(None) };
        if name == self.heap.intern("__class__") {
            return Ok(None);
        }
        let mro = start.mro();
        let Some(pos) = mro.iter().position(|&t| t == s.thisclass.get()) else { return Ok(None) };
        for &t in &mro[pos + 1..] {
            let Some(v) = Gc::<TypeObj>::from_value(t).and_then(|t| t.own_attr(name)) else {
                continue;
            };
            return if s.obj.get() == s.obj_type.get() {
                self.descr_get_for_class(v, start.value()).map(Some)
            } else {
                self.descr_get(v, s.obj.get(), start.value()).map(Some)
            };
        }
        Ok(None)
    }

    /// Attribute of a class: its MRO (descriptors bound to the class), then
    /// the metaclass; `None` when none has it.
    fn type_find_attr(&mut self, t: Gc<TypeObj>, name: Value) -> PyResult<Option<Value>> {
        if name == self.names.dunder_dict {
            // `type.__dict__` is a data descriptor: it answers before the
            // `__dict__` entry a class keeps for its instances.
            if let Some(v) = self.type_special_attr(t, name)? {
                return Ok(Some(v));
            }
        }
        let meta = self.heap.type_obj(t.value());
        let meta_attr = self.heap.lookup(meta, name);
        if let Some(d) = meta_attr {
            // Without `__get__` the class's own MRO answers first
            // (`type_getattro`).
            if self.is_data_descriptor(d) && self.has_descr_get(d) {
                return self.descr_get(d, t.value(), meta.value()).map(Some);
            }
        }
        if let Some(v) = self.heap.lookup(t, name) {
            return self.descr_get_for_class(v, t.value()).map(Some);
        }
        if let Some(v) = self.type_special_attr(t, name)? {
            return Ok(Some(v));
        }
        if let Some(d) = meta_attr {
            return self.descr_get(d, t.value(), meta.value()).map(Some);
        }
        Ok(None)
    }

    /// A class attribute read through the class itself (`C.f`): functions
    /// stay plain, classmethods bind to the class, descriptors get `None`.
    fn descr_get_for_class(&mut self, v: Value, cls: Value) -> PyResult {
        if function_of(v).is_some() || method_descriptor_of(v).is_some() {
            return Ok(v);
        }
        if let Some(cm) = Gc::<ClassMethodObj>::from_value(v) {
            return Ok(self.bind_class_method(cm, cls));
        }
        if let Some(sm) = Gc::<StaticMethodObj>::from_value(v) {
            return Ok(sm.callable.get());
        }
        if Gc::<PropertyObj>::from_value(v).is_some() {
            return Ok(v);
        }
        let get = self.names.dunder_get;
        if v.is_ptr() && self.heap.type_obj(v).is_heap_type() {
            if let Some(g) = self.heap.lookup_in_type_of(v, get) {
                return self.call_method_value(g, v, &[Value::NONE, cls]);
            }
        }
        Ok(v)
    }

    /// Does `d`'s type define `__set__` or `__delete__`?
    fn has_descr_get(&self, d: Value) -> bool {
        if !d.is_ptr() || !self.heap.type_obj(d).is_heap_type() {
            return true;
        }
        self.heap.lookup_in_type_of(d, self.names.dunder_get).is_some()
    }

    fn is_data_descriptor(&self, d: Value) -> bool {
        if Gc::<PropertyObj>::from_value(d).is_some() {
            return true;
        }
        if !d.is_ptr() || !self.heap.type_obj(d).is_heap_type() {
            return false;
        }
        let (set, del) = (self.names.dunder_set, self.names.dunder_delete);
        self.heap.lookup_in_type_of(d, set).is_some()
            || self.heap.lookup_in_type_of(d, del).is_some()
    }

    /// `d.__get__(obj, owner)` for an attribute found on the type.
    pub fn descr_get(&mut self, d: Value, obj: Value, owner: Value) -> PyResult {
        if function_of(d).is_some() {
            return Ok(self.new_method(d, obj));
        }
        if let Some(md) = method_descriptor_of(d) {
            let f =
                NativeFunctionObj { name: md.name, func: md.func, receiver: obj, owner: md.owner };
            // A slot wrapper binds to a `method-wrapper`, of the same layout.
            let t = self.heap.types();
            let ty = if self.heap.type_of(d) == t.wrapper_descriptor {
                t.method_wrapper
            } else {
                t.builtin_function
            };
            return Ok(self.heap.alloc(ty, f).value());
        }
        if let Some(cm) = Gc::<ClassMethodObj>::from_value(d) {
            return Ok(self.bind_class_method(cm, owner));
        }
        if let Some(sm) = Gc::<StaticMethodObj>::from_value(d) {
            return Ok(sm.callable.get());
        }
        if let Some(m) = self.member_of(d) {
            return self.member_get(m, obj);
        }
        if let Some(p) = Gc::<PropertyObj>::from_value(d) {
            let fget = p.fget.get();
            if fget.is_none() {
                return Err(PyErr::attribute_error(&self.heap, "unreadable attribute"));
            }
            return self.call(fget, &[obj]);
        }
        if self.heap.type_of(d) == self.heap.types().super_ {
            return crate::builtins::constructors::super_get(self, &[d, obj, owner], &[]);
        }
        if d.is_ptr() && self.heap.type_obj(d).is_heap_type() {
            let get = self.names.dunder_get;
            if let Some(g) = self.heap.lookup_in_type_of(d, get) {
                return self.call_method_value(g, d, &[obj, owner]);
            }
        }
        Ok(d)
    }

    /// A class method bound to class `cls`. A built-in type's class method
    /// binds as CPython's `classmethod_descriptor` does: to a built-in
    /// method of the class (`<built-in method fromkeys of type object>`).
    fn bind_class_method(&self, cm: Gc<ClassMethodObj>, cls: Value) -> Value {
        let callable = cm.callable.get();
        match native_function_of(callable)
            .filter(|nf| nf.receiver.is_empty() && Gc::<TypeObj>::from_value(nf.owner).is_some())
        {
            Some(nf) => self.bind_native(nf.name, nf.func, cls, nf.owner),
            None => self.new_method(callable, cls),
        }
    }

    pub fn new_method(&self, function: Value, receiver: Value) -> Value {
        self.heap.alloc(self.heap.types().method, MethodObj { function, receiver }).value()
    }

    pub fn bind_native(
        &self,
        name: &'static str,
        func: super::function::NativeFn,
        receiver: Value,
        owner: Value,
    ) -> Value {
        let f = NativeFunctionObj { name, func, receiver, owner };
        self.heap.alloc(self.heap.types().builtin_function, f).value()
    }

    /// `LoadMethod`: `(function, receiver)` when the attribute is a plain
    /// method on the type (no bound method made), else `(attribute, EMPTY)`.
    pub fn load_method(&mut self, obj: Value, name: Value) -> PyResult<(Value, Value)> {
        let ty = self.heap.type_obj(obj);
        let plain_lookup = Gc::<TypeObj>::from_value(obj).is_none()
            && Gc::<SuperObj>::from_value(obj).is_none()
            && !self.has_custom_getattribute(ty);
        if plain_lookup {
            if let Some(d) = self.heap.lookup(ty, name) {
                let plain = function_of(d).is_some() || method_descriptor_of(d).is_some();
                if plain {
                    let shadowed =
                        self.heap.attrs_of(obj, false).is_some_and(|a| a.get(name).is_some());
                    if !shadowed {
                        return Ok((d, obj));
                    }
                }
            }
        }
        Ok((self.get_attr(obj, name)?, Value::EMPTY))
    }

    /// `setattr(obj, name, value)`.
    pub fn set_attr(&mut self, obj: Value, name: Value, value: Value) -> PyResult<()> {
        let ty = self.heap.type_obj(obj);
        if ty.is_heap_type() {
            let sa = self.names.dunder_setattr;
            if let Some(m) = self.heap.lookup(ty, sa) {
                // Besides a Python `__setattr__`, any other callable put
                // there (`__setattr__ = dict.__setitem__`) is called; a
                // built-in `__setattr__` is the generic store below.
                if !self.is_builtin_method_named(m, "__setattr__") {
                    self.call_method_value(m, obj, &[name, value])?;
                    return Ok(());
                }
            }
        }
        self.generic_set_attr(obj, name, Some(value))
    }

    /// `delattr(obj, name)`.
    pub fn del_attr(&mut self, obj: Value, name: Value) -> PyResult<()> {
        let ty = self.heap.type_obj(obj);
        if ty.is_heap_type() {
            let da = self.names.dunder_delattr;
            if let Some(m) = self.heap.lookup(ty, da) {
                if !self.is_builtin_method_named(m, "__delattr__") {
                    self.call_method_value(m, obj, &[name])?;
                    return Ok(());
                }
            }
        }
        self.generic_set_attr(obj, name, None)
    }

    /// `object.__setattr__` (`value` given) and `object.__delattr__`.
    /// `obj.__class__ = new`: besides the heap's checks, CPython's layout
    /// rule (`compatible_for_assignment`) between two classes.
    fn assign_class(&mut self, obj: Value, new: Value) -> PyResult<()> {
        let old = self.heap.type_obj(obj);
        if let Some(new_t) = Gc::<TypeObj>::from_value(new) {
            if old.is_heap_type()
                && new_t.is_heap_type()
                && !crate::builtins::type_layout::compatible_for_assignment(self, old, new_t)
            {
                return Err(self.type_error(&format!(
                    "__class__ assignment: '{}' object layout differs from '{}'",
                    new_t.name(),
                    old.name()
                )));
            }
        }
        self.heap.set_class(obj, new)
    }

    pub fn generic_set_attr(
        &mut self,
        obj: Value,
        name: Value,
        value: Option<Value>,
    ) -> PyResult<()> {
        if let Some(t) = Gc::<TypeObj>::from_value(obj) {
            return self.type_set_attr(t, name, value);
        }
        if name == self.names.dunder_class {
            return match value {
                Some(v) => self.assign_class(obj, v),
                None => Err(self.type_error("can't delete __class__ attribute")),
            };
        }
        if name == self.names.dunder_dict
            && module_of(obj).is_none()
            && self.set_instance_dict(obj, value)?
        {
            return Ok(());
        }
        let ty = self.heap.type_obj(obj);
        if let Some(d) = self.heap.lookup(ty, name) {
            if let Some(m) = self.member_of(d) {
                return self.member_set(m, obj, value);
            }
            if let Some(p) = Gc::<PropertyObj>::from_value(d) {
                let f = if value.is_some() { p.fset.get() } else { p.fdel.get() };
                if f.is_none() {
                    let what = if value.is_some() {
                        "can't set attribute"
                    } else {
                        "can't delete attribute"
                    };
                    return Err(PyErr::attribute_error(&self.heap, what));
                }
                match value {
                    Some(v) => self.call(f, &[obj, v])?,
                    None => self.call(f, &[obj])?,
                };
                return Ok(());
            }
            if d.is_ptr() && self.heap.type_obj(d).is_heap_type() {
                let hook =
                    if value.is_some() { self.names.dunder_set } else { self.names.dunder_delete };
                if let Some(m) = self.heap.lookup_in_type_of(d, hook) {
                    match value {
                        Some(v) => self.call_method_value(m, d, &[obj, v])?,
                        None => self.call_method_value(m, d, &[obj])?,
                    };
                    return Ok(());
                }
                if self.is_data_descriptor(d) {
                    // A descriptor with only one of __set__/__delete__
                    // still owns the attribute (slot_tp_descr_set).
                    return Err(self.attribute_error_of_name(hook));
                }
            }
        }
        if let Some(m) = module_of(obj) {
            return match value {
                Some(v) => self.dict_set_item(m.dict, name, v),
                None => {
                    if self.dict_del_item(m.dict, name)? {
                        Ok(())
                    } else {
                        Err(self.no_attribute(obj, name))
                    }
                }
            };
        }
        if let Some(c) = super::function::cell_of(obj) {
            if str_of(name).is_some_and(|s| s.to_str() == Ok("cell_contents")) {
                // Deleting empties the cell (CPython's cell_set_contents).
                c.value.set(value.unwrap_or(Value::EMPTY));
                return Ok(());
            }
        }
        if let Some(p) = Gc::<PropertyObj>::from_value(obj) {
            // A property's `__doc__` is writable (namedtuple fields set it);
            // a subclass's instance keeps it in its dict.
            if name == self.names.dunder_doc && !self.heap.type_obj(obj).is_heap_type() {
                p.doc.set(value.unwrap_or(Value::NONE));
                return Ok(());
            }
            // Its accessors are READONLY members.
            let accessor =
                str_of(name).is_some_and(|s| matches!(s.to_str(), Ok("fget" | "fset" | "fdel")));
            if accessor && self.heap.is_instance(obj, self.heap.types().property) {
                return Err(PyErr::attribute_error(&self.heap, "readonly attribute"));
            }
        }
        if let Some(f) = function_of(obj) {
            if self.set_function_special(f, name, value)? {
                return Ok(());
            }
            return match self.store_in_attrs(&f.attrs, name, value)? {
                true => Ok(()),
                false => Err(self.no_attribute(obj, name)),
            };
        }
        if self.set_generator_name(obj, name, value)?
            || self.set_traceback_next(obj, name, value)?
        {
            return Ok(());
        }
        if let Some(done) = self.set_exception_special(obj, name, value)? {
            return Ok(done);
        }
        let instance = crate::object::instance::instance_of(obj).is_some();
        // Instances of classes derived from built-ins obey `__slots__` too.
        let slotted = instance || ty.is_heap_type();
        if slotted && value.is_some() && !self.slot_allows(ty, name)? {
            return Err(self.no_attribute(obj, name));
        }
        let plain_object = !ty.is_heap_type() && instance;
        let attrs = if plain_object { None } else { self.heap.attrs_of(obj, true) };
        match attrs {
            Some(attrs) => match self.store_in_attrs(&attrs, name, value)? {
                true => Ok(()),
                // CPython's KeyError from the instance dict, turned into an
                // AttributeError that is just the name.
                false => Err(self.attribute_error_of_name(name)),
            },
            None if self.heap.lookup(ty, name).is_some() => Err(PyErr::attribute_error(
                &self.heap,
                &format!(
                    "'{}' object attribute '{}' is read-only",
                    ty.name(),
                    str_of(name).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
                ),
            )),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    /// Stores (`Some`) or deletes `name` in an attribute storage; false
    /// when deleting a name that is absent. In dictionary mode the dict's
    /// own rules apply (keys with their own `__eq__`).
    fn store_in_attrs(
        &mut self,
        attrs: &Attrs,
        name: Value,
        value: Option<Value>,
    ) -> PyResult<bool> {
        match (attrs.dict(), value) {
            (Some(d), Some(v)) => self.dict_set_item(d, name, v).map(|_| true),
            (Some(d), None) => self.dict_del_item(d, name),
            (None, Some(v)) => {
                attrs.set(&self.heap, name, v);
                Ok(true)
            }
            (None, None) => Ok(attrs.delete(&self.heap, name)),
        }
    }

    pub(crate) fn type_set_attr(
        &mut self,
        t: Gc<TypeObj>,
        name: Value,
        value: Option<Value>,
    ) -> PyResult<()> {
        if !t.is_heap_type() {
            return Err(self.type_error(&format!(
                "can't set attributes of built-in/extension type '{}'",
                t.name()
            )));
        }
        if name == self.names.dunder_dict {
            return Err(PyErr::attribute_error(
                &self.heap,
                &format!(
                    "attribute '__dict__' of '{}' objects is not writable",
                    self.type_name(t.value())
                ),
            ));
        }
        if name == self.heap.intern("__bases__") {
            let Some(bases) = value else {
                return Err(self.type_error(&format!("can't delete {}.__bases__", t.name())));
            };
            return self.set_class_bases(t, bases);
        }
        if name == self.names.dunder_name || name == self.names.dunder_qualname {
            let attr = if name == self.names.dunder_name { "__name__" } else { "__qualname__" };
            let Some(v) = value else {
                return Err(self.type_error(&format!("can't delete {}.{attr}", t.name())));
            };
            let Some(text) = str_of(v) else {
                return Err(self.type_error(&format!(
                    "can only assign string to {}.{attr}, not '{}'",
                    t.name(),
                    self.type_name(v)
                )));
            };
            if name == self.names.dunder_name && text.as_utf8(&self.heap)?.contains('\0') {
                return Err(self.value_error("type name must not contain null characters"));
            }
        }
        if value.is_none() && t.own_attr(name).is_none() {
            return Err(self.attribute_error_of_name(name));
        }
        self.heap.type_set_attr(t, name, value)
    }

    /// `AttributeError(name)`, as `del obj.name` raises for an instance
    /// without that attribute.
    fn attribute_error_of_name(&self, name: Value) -> PyErr {
        let n = str_of(name).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        PyErr::attribute_error(&self.heap, &n)
    }

    /// The AttributeError CPython raises for a missing attribute.
    pub fn no_attribute(&self, obj: Value, name: Value) -> PyErr {
        let n = str_of(name).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let msg = if let Some(t) = Gc::<TypeObj>::from_value(obj) {
            format!("type object '{}' has no attribute '{n}'", t.name())
        } else if let Some(m) = module_of(obj) {
            let module =
                str_of(m.name).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            format!("module '{module}' has no attribute '{n}'")
        } else {
            format!("'{}' object has no attribute '{n}'", self.type_name(obj))
        };
        PyErr::attribute_error(&self.heap, &msg)
    }

    /// Is the special method found on a type the built-in one (so the VM
    /// may take its native path instead of calling it)?
    /// A native method of a class made at run time (a native module's
    /// class, e.g. `array.array.__getitem__`) is not: it must be called.
    /// Is `m` a built-in type's method `name` (`object.__setattr__`,
    /// `type.__setattr__`, ...), which the generic paths stand for?
    fn is_builtin_method_named(&self, m: Value, name: &str) -> bool {
        method_descriptor_of(m).is_some_and(|d| {
            d.name == name && !Gc::<TypeObj>::from_value(d.owner).is_some_and(|t| t.is_heap_type())
        })
    }

    pub fn is_native_slot_method(&self, m: Value) -> bool {
        if let Some(d) = method_descriptor_of(m) {
            return !Gc::<TypeObj>::from_value(d.owner).is_some_and(|t| t.is_heap_type());
        }
        ObjHeader::of(m).is_some_and(|h| h.kind() == ObjKind::NativeFunction)
    }

    /// `obj.name(*args)` by name (native code calling a Python protocol).
    pub fn call_method_by_name(&mut self, obj: Value, name: &str, args: &[Value]) -> PyResult {
        let name = self.heap.intern(name);
        let (f, receiver) = self.load_method(obj, name)?;
        if receiver.is_empty() {
            self.call(f, args)
        } else {
            self.call_method_value(f, receiver, args)
        }
    }
}
