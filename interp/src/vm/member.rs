//! `member_descriptor`: what a name in `__slots__` becomes in its class's
//! dict (CPython's `PyMemberDescrObject`). Instances keep slot values in
//! their shape-described attribute storage like any attribute (apart from
//! the instance dict once there is one: see `object::instance`), so a
//! member reads and writes that storage by name; what it adds is CPython's face:
//! `C.x` is `<member 'x' of 'C' objects>`, `__get__`/`__set__`/`__delete__`
//! check the instance's type, and an unset slot is `AttributeError('x')`.
//!
//! A member is a `PropertyObj` of type `member_descriptor` whose `fget`
//! holds the slot name and `fset` the owning class (a `member_descriptor`
//! with a `None` name is the placeholder `types.MemberDescriptorType` is
//! taken from).
//!
//! A built-in type's read-only attributes (`complex.real`, `int.real`,
//! `slice.start`) are members or getsets too, with a native getter.
//!
//! The `__dict__` and `__weakref__` entries a class gets when it adds an
//! instance dict or weak references (CPython's `subtype_getsets`) are the
//! same object with type `getset_descriptor`: `<attribute '__dict__' of
//! 'C' objects>`, reading and replacing the instance's dict.

use super::function::PropertyObj;
use super::{PyResult, Vm};
use crate::object::str::str_of;
use crate::object::types::TypeObj;
use crate::object::{Gc, PyErr, Value};

/// A slot's member descriptor: its name and the class that declared it.
#[derive(Clone, Copy)]
pub struct Member {
    pub name: Value,
    pub owner: Gc<TypeObj>,
    /// A `getset_descriptor` for `__dict__` or `__weakref__`, not a slot.
    pub is_getset: bool,
    /// A built-in type's read-only attribute (`complex.real`, `int.real`):
    /// the native getter that computes it, not a slot.
    pub getter: Option<Value>,
}

impl Vm {
    /// The member descriptor `d` is, if it is one.
    pub fn member_of(&self, d: Value) -> Option<Member> {
        let p = Gc::<PropertyObj>::from_value(d)?;
        let ty = self.heap.type_of(d);
        let types = self.heap.types();
        if ty != types.member_descriptor && ty != types.getset_descriptor {
            return None;
        }
        str_of(p.fget.get())?;
        let owner = Gc::<TypeObj>::from_value(p.fset.get())?;
        let getter = Some(p.fdel.get()).filter(|g| !g.is_none());
        Some(Member { name: p.fget.get(), owner, is_getset: ty == types.getset_descriptor, getter })
    }

    /// A read-only attribute `name` of built-in type `owner`, computed by
    /// `getter`: a `member_descriptor` (`getset` false) or a
    /// `getset_descriptor`, as CPython's type has it. It keeps the name
    /// and owner where a slot's member does, and the getter as `fdel`.
    pub fn new_native_attr(&self, getset: bool, name: &str, owner: Value, getter: Value) -> Value {
        let types = self.heap.types();
        let ty = if getset { types.getset_descriptor } else { types.member_descriptor };
        let p = PropertyObj::new(self.heap.intern(name), owner, getter, Value::NONE);
        self.heap.alloc(ty, p).value()
    }

    /// A member descriptor for slot `name` of class `owner`.
    pub fn new_member(&self, name: Value, owner: Value) -> Value {
        self.new_descriptor(self.heap.types().member_descriptor, name, owner)
    }

    /// A `getset_descriptor` named `name` of class `owner`.
    pub fn new_getset(&self, name: Value, owner: Value) -> Value {
        self.new_descriptor(self.heap.types().getset_descriptor, name, owner)
    }

    /// The `__dict__` or `__weakref__` descriptor of class `owner`.
    pub fn new_instance_getset(&self, name: Value, owner: Value) -> Value {
        let d = self.new_getset(name, owner);
        let doc = if name == self.names.dunder_dict {
            "dictionary for instance variables (if defined)"
        } else {
            "list of weak references to the object (if defined)"
        };
        if let Some(p) = Gc::<PropertyObj>::from_value(d) {
            p.doc.set(self.heap.new_str(doc));
        }
        d
    }

    fn new_descriptor(&self, ty: Value, name: Value, owner: Value) -> Value {
        let p = PropertyObj::new(name, owner, Value::NONE, Value::NONE);
        self.heap.alloc(ty, p).value()
    }

    /// Is an attribute `name` of instances of `ty` kept in their own
    /// storage with nothing on the class to consult (absent there, or a
    /// slot's member, which reads that same storage)? Inline caches and
    /// traces may then load and store the slot directly.
    pub fn is_plain_instance_attr(&self, ty: Gc<TypeObj>, name: Value) -> bool {
        match self.heap.lookup(ty, name) {
            None => true,
            Some(d) => self
                .member_of(d)
                .is_some_and(|m| !m.is_getset && m.getter.is_none() && !self.is_exception_field(m)),
        }
    }

    fn check_member_applies(&self, m: Member, obj: Value) -> PyResult<()> {
        if self.heap.type_obj(obj).is_subtype(m.owner) {
            return Ok(());
        }
        Err(self.type_error(&format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            member_name(m),
            m.owner.name(),
            self.type_name(obj)
        )))
    }

    /// `m.__get__(obj)`: the slot's value.
    pub fn member_get(&mut self, m: Member, obj: Value) -> PyResult {
        self.check_member_applies(m, obj)?;
        if let Some(getter) = m.getter {
            return self.call(getter, &[obj]);
        }
        if self.is_exception_field(m) {
            return self.exception_field_get(m, obj);
        }
        if let Some(t) = self.type_getset_target(m, obj) {
            let found = self.type_special_attr(t, m.name)?;
            let found = found.ok_or_else(|| PyErr::attribute_error(&self.heap, &member_name(m)))?;
            // CPython's `type_get_doc`: a class's `__doc__` descriptor is
            // asked for its value.
            let is_function = crate::vm::function::function_of(found).is_some();
            if m.name == self.heap.intern("__doc__") && t.is_heap_type() && !is_function {
                return self.descr_get(found, Value::NONE, t.value());
            }
            return Ok(found);
        }
        if m.is_getset {
            // `__weakref__`: no weak reference is kept on the object itself.
            let dict = (m.name == self.names.dunder_dict).then(|| self.instance_dict(obj));
            return Ok(dict.flatten().unwrap_or(Value::NONE));
        }
        let found = self.heap.attrs_of(obj, false).and_then(|attrs| attrs.member(m.name));
        found.ok_or_else(|| PyErr::attribute_error(&self.heap, &member_name(m)))
    }

    /// `m.__set__(obj, v)` (`Some`) and `m.__delete__(obj)` (`None`).
    pub fn member_set(&mut self, m: Member, obj: Value, value: Option<Value>) -> PyResult<()> {
        self.check_member_applies(m, obj)?;
        if m.getter.is_some() && !m.is_getset {
            return Err(PyErr::attribute_error(&self.heap, "readonly attribute"));
        }
        if self.is_exception_field(m) {
            return self.exception_field_set(m, obj, value);
        }
        if let Some(t) = self.type_getset_target(m, obj) {
            // CPython's `check_set_special_type_attr`.
            if !t.is_heap_type() || value.is_none() {
                let verb = if t.is_heap_type() { "delete" } else { "set" };
                let msg = format!("can't {verb} {}.{}", t.name(), member_name(m));
                return Err(self.type_error(&msg));
            }
            return self.type_set_attr(t, m.name, value);
        }
        if m.is_getset {
            if m.name == self.names.dunder_dict && self.set_instance_dict(obj, value)? {
                return Ok(());
            }
            return Err(PyErr::attribute_error(
                &self.heap,
                &format!(
                    "attribute '{}' of '{}' objects is not writable",
                    member_name(m),
                    m.owner.name()
                ),
            ));
        }
        let Some(attrs) = self.heap.attrs_of(obj, true) else {
            return Err(PyErr::attribute_error(&self.heap, &member_name(m)));
        };
        let done = match value {
            Some(v) => {
                attrs.set_member(&self.heap, m.name, v);
                true
            }
            None => attrs.delete_member(&self.heap, m.name),
        };
        if done {
            Ok(())
        } else {
            Err(PyErr::attribute_error(&self.heap, &member_name(m)))
        }
    }

    /// The class `obj` when `m` is one of `type`'s own getsets
    /// (`type.__dict__['__qualname__']`, ...), which read and write a
    /// class's attribute as `C.__qualname__` does.
    fn type_getset_target(&self, m: Member, obj: Value) -> Option<Gc<TypeObj>> {
        let is_type_getset = m.is_getset
            && m.owner.value() == self.heap.types().type_
            && m.name != self.names.dunder_dict;
        is_type_getset.then(|| Gc::<TypeObj>::from_value(obj)).flatten()
    }

    /// `repr(m)`.
    pub fn member_repr(&self, m: Member) -> String {
        let what = if m.is_getset { "attribute" } else { "member" };
        format!("<{what} '{}' of '{}' objects>", member_name(m), m.owner.name())
    }
}

fn member_name(m: Member) -> String {
    str_of(m.name).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// `member_descriptor.__get__`, `__set__`, `__delete__`.
pub fn install(vm: &Vm) {
    let types = vm.heap.types();
    for ty in [types.member_descriptor, types.getset_descriptor] {
        crate::builtins::add_method(vm, ty, "__get__", member_get_method);
        crate::builtins::add_method(vm, ty, "__set__", member_set_method);
        crate::builtins::add_method(vm, ty, "__delete__", member_delete_method);
    }
    // CPython's `type_getsets` that classes read through their metatype.
    for name in ["__qualname__", "__doc__"] {
        let d = vm.new_getset(vm.heap.intern(name), types.type_);
        crate::builtins::set_type_attr(vm, types.type_, name, d);
    }
}

fn member_arg(vm: &Vm, d: Value, method: &str) -> PyResult<Member> {
    vm.member_of(d).ok_or_else(|| {
        vm.type_error(&format!(
            "descriptor '{method}' requires a 'member_descriptor' object but received a '{}'",
            vm.type_name(d)
        ))
    })
}

fn member_get_method(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (d, obj) = match args {
        [d, obj] | [d, obj, _] => (*d, *obj),
        _ => return Err(vm.type_error("expected 1 or 2 arguments")),
    };
    let m = member_arg(vm, d, "__get__")?;
    if obj.is_none() {
        return Ok(d);
    }
    vm.member_get(m, obj)
}

fn member_set_method(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let [d, obj, value] = args else {
        return Err(
            vm.type_error(&format!("expected 2 arguments, got {}", args.len().saturating_sub(1)))
        );
    };
    let m = member_arg(vm, *d, "__set__")?;
    vm.member_set(m, *obj, Some(*value)).map(|_| Value::NONE)
}

fn member_delete_method(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let [d, obj] = args else {
        return Err(
            vm.type_error(&format!("expected 1 argument, got {}", args.len().saturating_sub(1)))
        );
    };
    let m = member_arg(vm, *d, "__delete__")?;
    vm.member_set(m, *obj, None).map(|_| Value::NONE)
}
