//! Class creation: `__build_class__` (metaclass choice, `__prepare__`, the
//! class body run with the namespace as its locals) and `type.__new__`
//! (the type object, `__set_name__`, `__init_subclass__`, `__class__` cell).

use super::eval::frame_for;
use super::function::{cell_of, function_of, ClassMethodObj, FunctionObj};
use super::{PyResult, Vm};
use crate::object::attrmap::AttrMap;
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::types::TypeObj;
use crate::object::Gc;
use crate::object::{PyErr, Value};

impl Vm {
    /// CPython's RuntimeError around an exception from `__set_name__`, with
    /// the original as its cause and context.
    fn set_name_error(
        &mut self,
        cause: PyErr,
        attr: Value,
        name: Value,
        cls: Gc<TypeObj>,
    ) -> PyErr {
        let name = str_of(name).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let err = PyErr::runtime_error(
            &self.heap,
            &format!(
                "Error calling __set_name__ on '{}' instance '{name}' in '{}'",
                self.type_name(attr),
                cls.name()
            ),
        );
        err.caused_by(&cause)
    }

    /// The `__build_class__` builtin.
    pub fn build_class_function(&self) -> Value {
        self.build_class
    }

    /// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
    pub fn build_class(&mut self, args: &[Value], kwnames: &[Value]) -> PyResult {
        let npos = args.len() - kwnames.len();
        if npos < 2 {
            return Err(self.type_error("__build_class__: not enough arguments"));
        }
        let Some(func) = function_of(args[0]) else {
            return Err(self.type_error("__build_class__: func must be a function"));
        };
        let name = args[1];
        if str_of(name).is_none() {
            return Err(self.type_error("__build_class__: name is not a string"));
        }
        let orig_bases = args[2..npos].to_vec();
        let bases = self.resolve_mro_entries(&orig_bases)?;
        let mut meta: Option<Value> = None;
        let mut kw_names = Vec::new();
        let mut kw_values = Vec::new();
        for (k, v) in kwnames.iter().zip(&args[npos..]) {
            if str_of(*k).is_some_and(|s| s.as_wtf8() == b"metaclass") {
                meta = Some(*v);
            } else {
                kw_names.push(*k);
                kw_values.push(*v);
            }
        }
        let is_class = |v: Value| Gc::<TypeObj>::from_value(v).is_some();
        let mut meta = meta.unwrap_or_else(|| {
            bases.first().map_or(self.heap.types().type_, |b| self.heap.type_of(*b))
        });
        if is_class(meta) {
            meta = self.calculate_metaclass(meta, &bases)?;
        }
        let bases_tuple = self.heap.new_tuple(&bases);
        let mark = self.push_temp(bases_tuple);
        self.push_temp(meta);
        let result = (|| {
            let prepare = self.heap.intern("__prepare__");
            let ns = match self.get_attr(meta, prepare) {
                Ok(p) => {
                    let mut pargs = vec![name, bases_tuple];
                    pargs.extend_from_slice(&kw_values);
                    let ns = self.call_kw(p, &pargs, &kw_names)?;
                    let getitem = self.names.dunder_getitem;
                    if self.heap.lookup_in_type_of(ns, getitem).is_none() {
                        let meta_name = Gc::<TypeObj>::from_value(meta)
                            .map_or_else(|| "<metaclass>".to_string(), |t| t.name());
                        return Err(self.type_error(&format!(
                            "{meta_name}.__prepare__() must return a mapping, not {}",
                            self.type_name(ns)
                        )));
                    }
                    ns
                }
                Err(e) if e.matches(&self.heap, self.heap.types().attribute_error) => {
                    self.heap.new_dict()
                }
                Err(e) => return Err(e),
            };
            self.push_temp(ns);
            let cell = self.run_class_body(func, ns)?;
            if bases != orig_bases {
                let orig = self.heap.new_tuple(&orig_bases);
                let key = self.heap.intern("__orig_bases__");
                self.store_subscr_mapping(ns, key, orig)?;
            }
            let mut margs = vec![name, bases_tuple, ns];
            margs.extend_from_slice(&kw_values);
            let cls = self.call_kw(meta, &margs, &kw_names)?;
            self.check_class_cell(cell, name, cls)?;
            Ok(cls)
        })();
        self.truncate_temps(mark);
        result
    }

    fn resolve_mro_entries(&mut self, bases: &[Value]) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(bases.len());
        let name = self.names.dunder_mro_entries;
        for &b in bases {
            if Gc::<TypeObj>::from_value(b).is_some() {
                out.push(b);
                continue;
            }
            match self.get_attr(b, name) {
                Ok(m) => {
                    let t = self.heap.new_tuple(bases);
                    let entries = self.call(m, &[t])?;
                    match tuple_of(entries) {
                        Some(t) => out.extend_from_slice(t.items()),
                        None => return Err(self.type_error("__mro_entries__ must return a tuple")),
                    }
                }
                Err(_) => out.push(b),
            }
        }
        Ok(out)
    }

    /// The most derived metaclass among `meta` and the bases' types.
    fn calculate_metaclass(&mut self, meta: Value, bases: &[Value]) -> PyResult {
        let mut winner = meta;
        for &b in bases {
            let bt = self.heap.type_of(b);
            let (Some(w), Some(t)) =
                (Gc::<TypeObj>::from_value(winner), Gc::<TypeObj>::from_value(bt))
            else {
                continue;
            };
            if w.is_subtype(t) {
                continue;
            }
            if t.is_subtype(w) {
                winner = bt;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }

    /// Runs a class body with `ns` as its locals; returns the `__class__`
    /// cell or None.
    /// The `__class__` cell of a class body must hold the class the
    /// metaclass made: `type.__new__` fills it from `__classcell__`, which a
    /// metaclass may have dropped or given to another class.
    fn check_class_cell(&mut self, cell: Value, name: Value, cls: Value) -> PyResult<()> {
        let Some(c) = cell_of(cell) else { return Ok(()) };
        let held = c.value.get();
        if held == cls || Gc::<TypeObj>::from_value(cls).is_none() {
            return Ok(());
        }
        let (name, cls_repr) = (self.repr_of_value(name)?, self.repr_of_value(cls)?);
        if held.is_empty() {
            return Err(PyErr::runtime_error(
                &self.heap,
                &format!(
                    "__class__ not set defining {name} as {cls_repr}. \
                     Was __classcell__ propagated to type.__new__?"
                ),
            ));
        }
        let held_repr = self.repr_of_value(held)?;
        Err(self.type_error(&format!("__class__ set to {held_repr} defining {name} as {cls_repr}")))
    }

    fn run_class_body(&mut self, func: Gc<FunctionObj>, ns: Value) -> PyResult {
        if self.depth >= self.recursion_limit {
            return Err(PyErr::recursion_error(&self.heap, "maximum recursion depth exceeded"));
        }
        let code = func.code();
        let unit = code.unit.clone();
        let base = self.stack.len();
        self.stack.resize(base + unit.slot_count as usize, Value::EMPTY);
        if let Some(closure) = tuple_of(func.closure) {
            for ((_, slot), cell) in unit.frees.iter().zip(closure.items()) {
                self.stack[base + *slot as usize] = *cell;
            }
        }
        self.frames.push(frame_for(code, base, func.globals, ns, func.value()));
        self.depth += 1;
        let r = self.eval_frame();
        self.depth -= 1;
        self.pop_frame();
        self.stack.truncate(base);
        r
    }

    /// `type.__new__(meta, name, bases, ns, **kwds)`.
    pub fn type_new(
        &mut self,
        meta: Value,
        name: Value,
        bases: Value,
        ns: Value,
        kw_names: &[Value],
        kw_values: &[Value],
    ) -> PyResult {
        let Some(name_s) = str_of(name) else {
            return Err(self.type_error(&format!(
                "type.__new__() argument 1 must be str, not {}",
                crate::builtins::str_methods::bad_argument_name(self, name)
            )));
        };
        let name_text = name_s.as_utf8(&self.heap)?.to_string();
        if name_text.contains('\0') {
            return Err(self.value_error("type name must not contain null characters"));
        }
        let Some(bases_t) = tuple_of(bases) else {
            return Err(self.type_error(&format!(
                "type.__new__() argument 2 must be tuple, not {}",
                crate::builtins::str_methods::bad_argument_name(self, bases)
            )));
        };
        let bases_v = bases_t.items().to_vec();
        if !self.is_dict(ns) {
            return Err(self.type_error(&format!(
                "type.__new__() argument 3 must be dict, not {}",
                crate::builtins::str_methods::bad_argument_name(self, ns)
            )));
        }
        let mut attrs = AttrMap::new();
        let mut classcell = Value::NONE;
        let mut qualname = None;
        // A namespace that orders its items otherwise (an OrderedDict)
        // is copied in its own order, as CPython's PyDict_Copy does.
        let items = if self.dict_iterates_own_table(ns) {
            self.dict_items(ns)
        } else {
            let copy = self.heap.new_dict();
            self.with_temp(copy, |vm| vm.dict_update_display(copy, ns))?;
            self.dict_items(copy)
        };
        for (k, v) in items {
            let Some(ks) = str_of(k) else { continue };
            let key = self.heap.intern_value(k).unwrap_or(k);
            if key == self.names.dunder_classcell {
                if cell_of(v).is_none() {
                    let ty = self.heap.type_of(v);
                    let shown = self.repr_of_value(ty)?;
                    return Err(self.type_error(&format!(
                        "__classcell__ must be a nonlocal cell, not {shown}"
                    )));
                }
                classcell = v;
                continue;
            }
            if key == self.names.dunder_qualname {
                if str_of(v).is_none() {
                    return Err(self.type_error(&format!(
                        "type __qualname__ must be a str, not {}",
                        self.type_name(v)
                    )));
                }
                qualname = Some(v);
            }
            // `__new__`, `__init_subclass__` and `__class_getitem__` are
            // implicitly static or class methods.
            let v = if function_of(v).is_some() {
                match ks.to_str().unwrap_or_default() {
                    "__new__" => self.new_static_method(v),
                    "__init_subclass__" | "__class_getitem__" => self.new_class_method(v),
                    _ => v,
                }
            } else {
                v
            };
            attrs.insert(key, v);
        }
        let Ok(best_base) = crate::builtins::type_layout::best_base(self, &bases_v) else {
            return Err(self.type_error("multiple bases have instance lay-out conflict"));
        };
        let declared = self.declared_slots(&attrs, &name_text, best_base)?;
        let mut getsets = self.instance_getsets_added(&declared, &bases_v);
        // A class's own `__dict__`/`__weakref__` stays (`PyDict_SetDefault`).
        getsets.retain(|&name| attrs.get(name).is_none());
        let slot_names = declared.names;
        for &slot in slot_names.iter().chain(&getsets) {
            // A placeholder that keeps CPython's dict order; the member
            // needs the class, made below.
            attrs.insert(slot, Value::NONE);
        }
        if attrs.get(self.names.dunder_module).is_none() {
            if let Some(frame) = self.frames.last() {
                let globals = frame.globals;
                if let Some(m) = self.dict_get_str_fast(globals, self.names.dunder_name).flatten() {
                    attrs.insert(self.names.dunder_module, m);
                }
            }
        }
        match attrs.get(self.names.dunder_doc) {
            // CPython copies a str docstring to UTF-8 (`tp_doc`).
            Some(doc) => {
                if let Some(text) = str_of(doc) {
                    text.as_utf8(&self.heap)?;
                }
            }
            None => {
                attrs.insert(self.names.dunder_doc, Value::NONE);
            }
        }
        if attrs.get(self.names.dunder_eq).is_some() && attrs.get(self.names.dunder_hash).is_none()
        {
            attrs.insert(self.names.dunder_hash, Value::NONE);
        }
        if attrs.get(self.names.dunder_qualname).is_none() {
            attrs.insert(self.names.dunder_qualname, qualname.unwrap_or(name));
        }
        self.calculate_metaclass(meta, &bases_v)?;
        let cls = self.heap.new_class(meta, &name_text, &bases_v, attrs)?;
        let cls_t = Gc::<TypeObj>::from_value(cls).expect("new_class makes a type");
        for slot in slot_names {
            let member = self.new_member(slot, cls);
            self.heap.type_set_attr(cls_t, slot, Some(member))?;
        }
        for name in getsets {
            let getset = self.new_instance_getset(name, cls);
            self.heap.type_set_attr(cls_t, name, Some(getset))?;
        }
        if let Some(c) = cell_of(classcell) {
            c.value.set(cls);
        }
        let mark = self.push_temp(cls);
        let result = (|| {
            self.apply_metaclass_mro(cls_t)?;
            // __set_name__ on every attribute that has one.
            let set_name = self.names.dunder_set_name;
            for (k, v) in cls_t.own_attrs() {
                if v.is_ptr() && self.heap.type_obj(v).is_heap_type() {
                    if let Some(m) = self.heap.lookup_in_type_of(v, set_name) {
                        if let Err(cause) = self.call_method_value(m, v, &[cls, k]) {
                            return Err(self.set_name_error(cause, v, k, cls_t));
                        }
                    }
                }
            }
            // super(cls, cls).__init_subclass__(**kwds)
            let init_subclass = self.names.dunder_init_subclass;
            let mro = cls_t.mro();
            for &t in mro.iter().skip(1) {
                let Some(tt) = Gc::<TypeObj>::from_value(t) else { continue };
                if let Some(m) = tt.own_attr(init_subclass) {
                    let f = match Gc::<ClassMethodObj>::from_value(m) {
                        Some(cm) => cm.callable.get(),
                        None => m,
                    };
                    if self.is_native_slot_method(f) {
                        if !kw_names.is_empty() {
                            return Err(
                                self.type_error("__init_subclass__() takes no keyword arguments")
                            );
                        }
                        break;
                    }
                    let mut args = vec![cls];
                    args.extend_from_slice(kw_values);
                    self.call_kw(f, &args, kw_names)?;
                    break;
                }
            }
            Ok(cls)
        })();
        self.truncate_temps(mark);
        result
    }

    pub fn new_static_method(&self, f: Value) -> Value {
        let obj = super::function::StaticMethodObj { callable: std::cell::Cell::new(f) };
        self.heap.alloc(self.heap.types().staticmethod, obj).value()
    }

    pub fn new_class_method(&self, f: Value) -> Value {
        self.new_class_method_of(self.heap.types().classmethod, f)
    }

    /// A class method of type `ty`: `classmethod`, or the
    /// `classmethod_descriptor` of a built-in type's class method.
    pub fn new_class_method_of(&self, ty: Value, f: Value) -> Value {
        let obj = ClassMethodObj { callable: std::cell::Cell::new(f) };
        self.heap.alloc(ty, obj).value()
    }
}

impl Vm {
    /// The names `__slots__` declares, mangled and sorted as CPython's
    /// `type_new` lays them out (without `__dict__` and `__weakref__`),
    /// after CPython's checks: strings, identifiers, no repeated
    /// `__dict__`/`__weakref__`, no slots on variable-size bases, no clash
    /// with a class variable.
    /// `__dict__` and `__weakref__`, for those the new class adds to its
    /// instances (none of its bases gives them, and `__slots__` is absent
    /// or lists them): CPython puts a descriptor for each in the class.
    fn instance_getsets_added(&self, declared: &DeclaredSlots, bases: &[Value]) -> Vec<Value> {
        let t = self.heap.types();
        let inherits = |name: Value, native: &[Value]| {
            bases.iter().any(|&b| {
                Gc::<TypeObj>::from_value(b).is_some_and(|b| {
                    native
                        .iter()
                        .any(|&n| Gc::<TypeObj>::from_value(n).is_some_and(|n| b.is_subtype(n)))
                        || self
                            .heap
                            .lookup(b, name)
                            .is_some_and(|d| self.member_of(d).is_some_and(|m| m.is_getset))
                })
            })
        };
        let (dict, weakref) = (self.names.dunder_dict, self.heap.intern("__weakref__"));
        let mut added = Vec::new();
        if (!declared.present || declared.dict) && !inherits(dict, &[t.base_exception, t.type_]) {
            added.push(dict);
        }
        // Variable-size layouts (int, tuple, bytes) take no weak references.
        let no_weakref = [t.type_, t.int, t.tuple, t.bytes];
        if (!declared.present || declared.weakref) && !inherits(weakref, &no_weakref) {
            added.push(weakref);
        }
        added
    }

    fn declared_slots(
        &mut self,
        attrs: &AttrMap,
        class_name: &str,
        best_base: Option<Gc<TypeObj>>,
    ) -> PyResult<DeclaredSlots> {
        let Some(slots) = attrs.get(self.names.dunder_slots) else {
            return Ok(DeclaredSlots::default());
        };
        let items =
            if str_of(slots).is_some() { vec![slots] } else { self.collect_iterable(slots)? };
        let variable_size =
            best_base.filter(|&b| crate::builtins::type_layout::item_size(self, b) != 0);
        if let (false, Some(v)) = (items.is_empty(), variable_size) {
            return Err(self.type_error(&format!(
                "nonempty __slots__ not supported for subtype of '{}'",
                v.name()
            )));
        }
        let (may_add_dict, may_add_weakref) = best_base.map_or((true, true), |b| {
            crate::builtins::type_layout::may_add_dict_and_weakref(self, b)
        });
        let (mut seen_dict, mut seen_weakref) = (false, false);
        let mut names = Vec::new();
        for item in items {
            let Some(s) = str_of(item) else {
                return Err(self.type_error(&format!(
                    "__slots__ items must be strings, not '{}'",
                    self.type_name(item)
                )));
            };
            // A lone surrogate reads as U+FFFD, which is no identifier.
            let text = s.to_string_lossy();
            let text = text.as_ref();
            if !is_identifier(text) {
                return Err(self.type_error("__slots__ must be identifiers"));
            }
            match text {
                "__dict__" => {
                    if !may_add_dict || seen_dict {
                        return Err(self.type_error("__dict__ slot disallowed: we already got one"));
                    }
                    seen_dict = true;
                }
                "__weakref__" => {
                    if !may_add_weakref || seen_weakref {
                        return Err(self.type_error(
                            "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0",
                        ));
                    }
                    seen_weakref = true;
                }
                _ => {
                    let mangled = crate::compile::symtable::mangle(Some(class_name), text);
                    let key = self.heap.intern(&mangled);
                    if attrs.get(key).is_some() {
                        return Err(PyErr::new(
                            &self.heap,
                            self.heap.types().value_error,
                            &format!("'{mangled}' in __slots__ conflicts with class variable"),
                        ));
                    }
                    names.push((mangled, key));
                }
            }
        }
        names.sort_by(|a, b| a.0.cmp(&b.0));
        names.dedup_by(|a, b| a.0 == b.0);
        Ok(DeclaredSlots {
            present: true,
            names: names.into_iter().map(|(_, key)| key).collect(),
            dict: seen_dict,
            weakref: seen_weakref,
        })
    }
}

/// What a class body's `__slots__` declares.
#[derive(Default)]
struct DeclaredSlots {
    /// Is there a `__slots__` at all?
    present: bool,
    /// The slot names (mangled, sorted), without `__dict__`/`__weakref__`.
    names: Vec<Value>,
    /// Are `__dict__` and `__weakref__` listed?
    dict: bool,
    weakref: bool,
}

fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(crate::unicode::is_identifier_start)
        && chars.all(crate::unicode::is_identifier_continue)
}
