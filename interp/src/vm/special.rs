//! The attributes built-in objects expose without a dict: what CPython's
//! getset and member descriptors give (`f.__name__`, `exc.args`,
//! `C.__mro__`, `m.__dict__`, `obj.__class__`, ...).

use super::code::code_of;
use super::exceptions::TracebackObj;
use super::function::{
    cell_of, function_of, method_of, module_of, native_function_of, ClassMethodObj, FunctionObj,
    NativeFunctionObj, PropertyObj, StaticMethodObj,
};
use super::generator::GenState;
use super::{PyResult, Vm};
use crate::builtins::code_methods::byte_offset;
use crate::object::exception::exception_of;
use crate::object::range::SliceObj;
use crate::object::str::str_of;
use crate::object::types::TypeObj;
use crate::object::Gc;
use crate::object::{PyErr, Value};

impl Vm {
    /// A built-in attribute of `obj` that lives outside any dict, or `None`.
    pub fn special_attr(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        let Some(n) = str_of(name).map(|s| s.to_string_lossy().into_owned()) else {
            return Ok(None);
        };
        if n == "__class__" {
            return Ok(Some(self.heap.type_of(obj)));
        }
        if let Some(f) = function_of(obj) {
            return Ok(self.function_attr(f, &n).or_else(|| f.attrs.get(name)));
        }
        if n == "__isabstractmethod__" {
            if let Some(v) = self.wrapper_is_abstract(obj)? {
                return Ok(Some(v));
            }
        }
        if let Some(v) = self.wrapper_attr(obj, &n) {
            return Ok(Some(v));
        }
        if let Some(g) = super::generator::generator_of(obj) {
            if let Some(v) = generator_attr(g, &n) {
                return Ok(Some(v));
            }
            if matches!(n.as_str(), "gi_frame" | "cr_frame" | "ag_frame") {
                return Ok(Some(self.generator_frame(g)));
            }
        }
        if let Some(sl) = Gc::<SliceObj>::from_value(obj) {
            return Ok(match n.as_str() {
                "start" => Some(sl.start),
                "stop" => Some(sl.stop),
                "step" => Some(sl.step),
                _ => None,
            });
        }
        if let Some(c) = cell_of(obj) {
            if n != "cell_contents" {
                return Ok(None);
            }
            let v = c.value.get();
            if v.is_empty() {
                return Err(self.value_error("Cell is empty"));
            }
            return Ok(Some(v));
        }
        if let Some(m) = method_of(obj) {
            return Ok(match n.as_str() {
                "__self__" => Some(m.receiver),
                "__func__" => Some(m.function),
                "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                    let f = m.function;
                    return self.get_attr(f, name).map(Some);
                }
                // Other attributes are the function's, as in CPython's
                // method_getattro (`__unittest_expecting_failure__`, ...).
                _ => {
                    return match self.get_attr(m.function, name) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if e.matches(&self.heap, self.heap.types().attribute_error) => {
                            Ok(None)
                        }
                        Err(e) => Err(e),
                    }
                }
            });
        }
        if let Some(nf) = native_function_of(obj) {
            return Ok(match n.as_str() {
                "__name__" => Some(self.heap.new_str(nf.name)),
                // A method of a built-in type is qualified by the type that
                // defines it (`True.__add__.__qualname__` is 'int.__add__').
                "__qualname__" => Some(match Gc::<TypeObj>::from_value(nf.owner) {
                    Some(t) => self.heap.new_str(&format!("{}.{}", t.name(), nf.name)),
                    None => self.heap.new_str(nf.name),
                }),
                // A module's function (one written in Python keeps its
                // function as the receiver) answers its module.
                "__self__" if module_of(nf.owner).is_some() => Some(nf.owner),
                "__self__" if !nf.receiver.is_empty() => Some(nf.receiver),
                "__self__" if self.is_builtins_entry(obj, nf.name) => Some(self.builtins_module),
                "__self__" => Some(Value::NONE),
                "__text_signature__" => {
                    let sig =
                        self.native_table_lookup(obj, nf, crate::builtins::text_signature::lookup);
                    Some(sig.map_or(Value::NONE, |s| self.heap.new_str(&s)))
                }
                "__doc__" => {
                    let doc =
                        self.native_table_lookup(obj, nf, crate::builtins::docstrings::lookup);
                    Some(doc.map_or(Value::NONE, |s| self.heap.new_str(&s)))
                }
                "__objclass__" if self.heap.type_of(obj) == self.heap.types().method_wrapper => {
                    Some(nf.owner)
                }
                // A method-wrapper has none (CPython's `wrapper_getsets`).
                "__module__" if self.heap.type_of(obj) == self.heap.types().method_wrapper => None,
                "__module__" => Some(match module_of(nf.owner) {
                    Some(m) => m.name,
                    _ if !nf.receiver.is_empty() => Value::NONE,
                    None => self.heap.intern("builtins"),
                }),
                _ => None,
            });
        }
        if let Some(e) = exception_of(obj) {
            return Ok(match n.as_str() {
                "args" => Some(e.args.get()),
                "__cause__" => Some(e.cause.get()),
                "__context__" => Some(e.context.get()),
                "__traceback__" => Some(e.traceback.get()),
                "__suppress_context__" => Some(Value::from_bool(e.suppress_context.get())),
                _ => None,
            });
        }
        if let Some(m) = module_of(obj) {
            return Ok((n == "__dict__").then_some(m.dict));
        }
        if let Some(tb) = Gc::<TracebackObj>::from_value(obj) {
            return Ok(match n.as_str() {
                "tb_next" => Some(tb.next.get()),
                "tb_lineno" => {
                    Value::from_small_int(tb.given.map_or(tb.lineno as i64, |(_, line)| line))
                }
                "tb_lasti" => Value::from_small_int(tb.given.map_or_else(
                    || i64::from(byte_offset(&tb.code.unit, tb.lasti)),
                    |(lasti, _)| lasti,
                )),
                "tb_frame" => {
                    if let Some(index) = self.running_traceback_frame(&tb) {
                        return Ok(Some(self.frame_object(index)));
                    }
                    if !tb.frame_object.is_none() {
                        return Ok(Some(tb.frame_object));
                    }
                    let info = super::exceptions::FrameInfoObj::stopped(
                        tb.code,
                        tb.globals,
                        tb.lasti,
                        Value::NONE,
                    );
                    info.lineno.set(tb.lineno);
                    Some(self.heap.alloc(self.heap.types().frame, info).value())
                }
                _ => None,
            });
        }
        if let Some(f) = Gc::<super::exceptions::FrameInfoObj>::from_value(obj) {
            let generator = super::generator::generator_of(f.generator.get());
            let running =
                self.running_frame(&f).or_else(|| self.running_generator_frame(generator));
            // A generator's frame running again shows its live state.
            let generator = generator.filter(|_| running.is_none());
            let (lineno, lasti) = match (generator, running) {
                (Some(g), _) => generator_position(g),
                (None, Some(i)) => {
                    let pc = self.frames[i].pc;
                    (f.code.unit.line_of(pc), pc)
                }
                (None, None) => (f.lineno.get(), f.lasti.get()),
            };
            return Ok(match n.as_str() {
                "f_code" => Some(f.code.value()),
                "f_globals" => Some(f.globals),
                "f_locals" => match (generator, running) {
                    (Some(g), _) => Some(self.generator_locals(g)?),
                    (None, Some(i)) => Some(self.running_frame_locals(i)?),
                    (None, None) if !f.final_locals.get().is_none() => Some(f.final_locals.get()),
                    (None, None) => Some(f.globals),
                },
                "f_builtins" => Some(self.builtins),
                "f_lineno" => Value::from_small_int(lineno as i64),
                // -1 before a generator's first instruction (what
                // `inspect.getgeneratorstate` tells GEN_CREATED by).
                "f_lasti" if generator.is_some_and(|g| g.state.get() == GenState::Created) => {
                    Value::from_small_int(-1)
                }
                "f_lasti" => Value::from_small_int(i64::from(byte_offset(&f.code.unit, lasti))),
                "f_back" => Some(f.back),
                "f_trace" => Some(Value::NONE),
                "f_trace_lines" => Some(Value::TRUE),
                "f_trace_opcodes" => Some(Value::FALSE),
                _ => None,
            });
        }
        if let Some(c) = code_of(obj) {
            return Ok(crate::builtins::code_methods::code_attr(self, c, &n));
        }
        if let Some(r) = self.numeric_attr(obj, &n) {
            return Ok(Some(r));
        }
        Ok(None)
    }

    /// `__isabstractmethod__` of property, staticmethod and classmethod:
    /// whether what they wrap is abstract, so that `@property` over
    /// `@abstractmethod` keeps the class abstract.
    fn wrapper_is_abstract(&mut self, obj: Value) -> PyResult<Option<Value>> {
        let wrapped: Vec<Value> = if let Some(p) = Gc::<PropertyObj>::from_value(obj) {
            vec![p.fget.get(), p.fset.get(), p.fdel.get()]
        } else if let Some(s) = Gc::<StaticMethodObj>::from_value(obj) {
            vec![s.callable.get()]
        } else if let Some(c) = Gc::<ClassMethodObj>::from_value(obj) {
            vec![c.callable.get()]
        } else {
            return Ok(None);
        };
        let name = self.heap.intern("__isabstractmethod__");
        for f in wrapped.into_iter().filter(|f| !f.is_none()) {
            let attribute_error = self.heap.types().attribute_error;
            match self.get_attr(f, name) {
                Ok(flag) if self.is_true(flag)? => return Ok(Some(Value::TRUE)),
                Ok(_) => {}
                Err(e) if e.matches(&self.heap, attribute_error) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(Some(Value::FALSE))
    }

    /// Whether `f` is the builtins module's function `name` (whose
    /// `__self__` is that module).
    fn is_builtins_entry(&self, f: Value, name: &str) -> bool {
        let key = self.heap.intern(name);
        self.dict_get_str_fast(self.builtins, key).flatten() == Some(f)
    }

    /// `lookup(owner, name)` in a table of built-in functions' texts for
    /// the native function `obj`: its type's method, a function of the
    /// builtins module, or a class method bound to its class (the first
    /// class on the MRO that has it).
    fn native_table_lookup(
        &self,
        obj: Value,
        nf: Gc<NativeFunctionObj>,
        lookup: fn(&str, &str) -> Option<String>,
    ) -> Option<String> {
        match Gc::<TypeObj>::from_value(nf.owner) {
            Some(t) => lookup(&t.name(), nf.name),
            None if self.is_builtins_entry(obj, nf.name) => lookup("builtins", nf.name),
            None => Gc::<TypeObj>::from_value(nf.receiver).and_then(|t| {
                t.mro()
                    .iter()
                    .filter_map(|c| Gc::<TypeObj>::from_value(*c))
                    .find_map(|c| lookup(&c.name(), nf.name))
            }),
        }
    }

    /// What property, staticmethod and classmethod objects expose.
    fn wrapper_attr(&self, obj: Value, n: &str) -> Option<Value> {
        if let Some(md) = super::function::method_descriptor_of(obj) {
            let owner = Gc::<TypeObj>::from_value(md.owner);
            return match n {
                "__name__" => Some(self.heap.new_str(md.name)),
                "__qualname__" => {
                    let owner = owner.map(|t| t.name()).unwrap_or_default();
                    Some(self.heap.new_str(&format!("{owner}.{}", md.name)))
                }
                "__objclass__" => Some(md.owner),
                "__text_signature__" | "__doc__" => {
                    let owner = owner.map(|t| t.name()).unwrap_or_default();
                    let text = if n == "__doc__" {
                        crate::builtins::docstrings::lookup(&owner, md.name)
                    } else {
                        crate::builtins::text_signature::lookup(&owner, md.name)
                    };
                    Some(text.map_or(Value::NONE, |s| self.heap.new_str(&s)))
                }
                _ => None,
            };
        }
        if let Some(m) = self.member_of(obj) {
            return match n {
                "__name__" => Some(m.name),
                "__objclass__" => Some(m.owner.value()),
                "__qualname__" => {
                    let name = str_of(m.name)
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    // A built-in type has no `__qualname__` entry: its name.
                    let qual = self.heap.lookup(m.owner, self.names.dunder_qualname);
                    let owner = qual.and_then(str_of).map(|s| s.to_string_lossy().into_owned());
                    let owner = owner.unwrap_or_else(|| m.owner.name().to_string());
                    Some(self.heap.new_str(&format!("{owner}.{name}")))
                }
                "__doc__" => Gc::<PropertyObj>::from_value(obj).map(|p| p.doc.get()),
                _ => None,
            };
        }
        if let Some(p) = Gc::<PropertyObj>::from_value(obj) {
            return match n {
                "fget" => Some(p.fget.get()),
                "fset" => Some(p.fset.get()),
                "fdel" => Some(p.fdel.get()),
                // A subclass's instance finds its own or its class's
                // `__doc__`, which shadows the member.
                "__doc__" if self.heap.type_obj(obj).is_heap_type() => None,
                "__doc__" => Some(p.doc.get()),
                _ => None,
            };
        }
        let callable = Gc::<StaticMethodObj>::from_value(obj)
            .map(|s| s.callable.get())
            .or_else(|| Gc::<ClassMethodObj>::from_value(obj).map(|c| c.callable.get()))?;
        (n == "__func__").then_some(callable)
    }

    /// `real`, `imag`, `numerator`, `denominator` of numbers.
    fn numeric_attr(&self, obj: Value, n: &str) -> Option<Value> {
        use crate::number::tower::Num;
        let num = self.as_num(obj)?;
        match (num, n) {
            (Num::Int(i), "real" | "numerator") => Some(self.int_value(i)),
            (Num::Int(_), "imag") => Value::from_small_int(0),
            (Num::Int(_), "denominator") => Value::from_small_int(1),
            (Num::Float(f), "real") => Some(Value::from_f64(f)),
            (Num::Float(_), "imag") => Some(Value::from_f64(0.0)),
            (Num::Complex(c), "real") => Some(Value::from_f64(c.re)),
            (Num::Complex(c), "imag") => Some(Value::from_f64(c.im)),
            _ => None,
        }
    }

    fn function_attr(&mut self, f: Gc<FunctionObj>, n: &str) -> Option<Value> {
        Some(match n {
            "__name__" => f.name.get(),
            "__qualname__" => f.qualname.get(),
            "__doc__" => f.doc.get(),
            "__module__" => f.module.get(),
            "__defaults__" => f.defaults.get(),
            "__kwdefaults__" => f.kwdefaults.get(),
            "__code__" => f.code().value(),
            "__globals__" => f.globals,
            "__closure__" => f.closure,
            "__annotations__" => {
                if f.annotations.get().is_none() {
                    f.annotations.set(self.heap.new_dict());
                }
                f.annotations.get()
            }
            "__dict__" => f.attrs.to_dict_mode(&self.heap),
            _ => return None,
        })
    }

    /// Assigning one of a function's own attributes; false for others.
    pub fn set_function_special(
        &mut self,
        f: Gc<FunctionObj>,
        name: Value,
        value: Option<Value>,
    ) -> PyResult<bool> {
        let n = str_of(name).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let v = value.unwrap_or(Value::NONE);
        match n.as_str() {
            "__name__" | "__qualname__" => {
                if str_of(v).is_none() {
                    return Err(self.type_error(&format!("{n} must be set to a string object")));
                }
                if n == "__name__" {
                    f.name.set(v)
                } else {
                    f.qualname.set(v)
                }
            }
            "__doc__" => f.doc.set(v),
            "__module__" => f.module.set(v),
            "__defaults__" => f.defaults.set(v),
            "__kwdefaults__" => f.kwdefaults.set(v),
            "__annotations__" => f.annotations.set(v),
            "__code__" => self.set_function_code(f, value)?,
            // READONLY members of CPython's function type.
            "__closure__" | "__globals__" => {
                return Err(PyErr::attribute_error(&self.heap, "readonly attribute"));
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// `f.__code__ = code`, with CPython's checks (`func_set_code`): a code
    /// object, with as many free variables as `f` has closure cells.
    fn set_function_code(&mut self, f: Gc<FunctionObj>, value: Option<Value>) -> PyResult<()> {
        let Some(code) = value.and_then(code_of) else {
            return Err(self.type_error("__code__ must be set to a code object"));
        };
        let nfree = code.unit.frees.len();
        let nclosure = crate::object::tuple::tuple_of(f.closure).map_or(0, |t| t.len());
        if nfree != nclosure {
            let name = str_of(f.name.get()).map(|s| s.to_string_lossy().into_owned());
            return Err(self.value_error(&format!(
                "{}() requires a code object with {nclosure} free vars, not {nfree}",
                name.unwrap_or_default()
            )));
        }
        if code.value() == f.code().value() {
            return Ok(());
        }
        // Traces that inline calls of `f` guard on its code.
        f.code.set(code);
        Ok(())
    }

    /// `gen.__name__ = s` / `gen.__qualname__ = s` of generators,
    /// coroutines and async generators; false for other attributes.
    pub fn set_generator_name(
        &mut self,
        obj: Value,
        name: Value,
        value: Option<Value>,
    ) -> PyResult<bool> {
        let Some(g) = super::generator::generator_of(obj) else { return Ok(false) };
        let n = str_of(name).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let field = match n.as_str() {
            "__name__" => &g.name,
            "__qualname__" => &g.qualname,
            _ => return Ok(false),
        };
        match value.filter(|v| str_of(*v).is_some()) {
            Some(v) => field.set(v),
            None => return Err(self.type_error(&format!("{n} must be set to a string object"))),
        }
        Ok(true)
    }

    /// `tb.tb_next = t` (a traceback or None, never one that leads back
    /// to `tb`); false when `obj` is no traceback or `name` another name.
    pub fn set_traceback_next(
        &mut self,
        obj: Value,
        name: Value,
        value: Option<Value>,
    ) -> PyResult<bool> {
        let Some(tb) = Gc::<TracebackObj>::from_value(obj) else { return Ok(false) };
        if str_of(name).is_none_or(|n| n.to_string_lossy() != "tb_next") {
            return Ok(false);
        }
        let Some(new) = value else {
            return Err(self.type_error("can't delete tb_next attribute"));
        };
        if !new.is_none() && Gc::<TracebackObj>::from_value(new).is_none() {
            return Err(self
                .type_error(&format!("expected traceback object, got '{}'", self.type_name(new))));
        }
        let mut cursor = new;
        while let Some(t) = Gc::<TracebackObj>::from_value(cursor) {
            if cursor == obj {
                return Err(self.value_error("traceback loop detected"));
            }
            cursor = t.next.get();
        }
        tb.next.set(new);
        Ok(true)
    }

    /// Assigning `__cause__`, `__context__`, `__traceback__`, `args`.
    pub fn set_exception_special(
        &mut self,
        obj: Value,
        name: Value,
        value: Option<Value>,
    ) -> PyResult<Option<()>> {
        let Some(e) = exception_of(obj) else { return Ok(None) };
        let n = str_of(name).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let v = value.unwrap_or(Value::NONE);
        // CPython's getset setters refuse deletion.
        if value.is_none() {
            match n.as_str() {
                "__cause__" | "__context__" | "__traceback__" | "args" => {
                    return Err(self.type_error(&format!("{n} may not be deleted")));
                }
                "__suppress_context__" => {
                    return Err(self.type_error("can't delete numeric/char attribute"));
                }
                _ => {}
            }
        }
        match n.as_str() {
            "__cause__" => {
                if !v.is_none() && exception_of(v).is_none() {
                    return Err(self
                        .type_error("exception cause must be None or derive from BaseException"));
                }
                e.cause.set(v);
                e.suppress_context.set(true);
            }
            "__context__" => {
                if !v.is_none() && exception_of(v).is_none() {
                    return Err(self.type_error(
                        "exception context must be None or derive from BaseException",
                    ));
                }
                e.context.set(v)
            }
            "__traceback__" => {
                if !v.is_none() && Gc::<TracebackObj>::from_value(v).is_none() {
                    return Err(self.type_error("__traceback__ must be a traceback or None"));
                }
                e.traceback.set(v)
            }
            "__suppress_context__" => {
                // A T_BOOL member: only True and False.
                let Some(t) = v.as_bool() else {
                    return Err(self.type_error("attribute value type must be bool"));
                };
                e.suppress_context.set(t)
            }
            "args" => {
                let items = self.collect_iterable(v)?;
                e.args.set(self.heap.new_tuple(&items));
            }
            _ => return Ok(None),
        }
        Ok(Some(()))
    }

    /// Attributes of a class that are not in its dict.
    pub fn type_special_attr(&mut self, t: Gc<TypeObj>, name: Value) -> PyResult<Option<Value>> {
        let n = str_of(name).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        Ok(match n.as_str() {
            "__name__" => Some(t.name_value()),
            // `type`'s own entries are its getsets, not its values.
            "__qualname__" => Some(
                t.own_attr(self.names.dunder_qualname)
                    .filter(|_| t.value() != self.heap.types().type_)
                    .unwrap_or_else(|| t.name_value()),
            ),
            "__module__" => Some(
                t.own_attr(self.names.dunder_module)
                    .filter(|_| t.value() != self.heap.types().type_)
                    .unwrap_or_else(|| self.heap.intern("builtins")),
            ),
            "__mro__" => Some(self.heap.new_tuple(&t.mro())),
            "__bases__" => Some(self.heap.new_tuple(&t.bases())),
            // CPython's `best_base`: the base that brings the instance
            // layout (a built-in type's), else the first.
            "__base__" => {
                let bases = t.bases();
                let solid = bases.iter().copied().find(|&b| {
                    Gc::<TypeObj>::from_value(b)
                        .is_some_and(|b| b.layout() != crate::object::ObjKind::Instance)
                });
                Some(solid.or_else(|| bases.first().copied()).unwrap_or(Value::NONE))
            }
            "__class__" => Some(self.heap.type_of(t.value())),
            "__dict__" => Some(self.type_dict_proxy(t)),
            "__basicsize__" | "__itemsize__" | "__dictoffset__" | "__weakrefoffset__"
            | "__flags__" | "__text_signature__" => {
                crate::builtins::type_layout::layout_attr(self, t, &n)
            }
            // Set by `abc`; a class without it has none.
            "__abstractmethods__" => {
                return Err(PyErr::attribute_error(&self.heap, "__abstractmethods__"))
            }
            // `type.__doc__`: a built-in type's own doc first (its tp_doc).
            "__doc__" => Some(match t.own_attr(self.heap.intern("__doc__")) {
                _ if !t.is_heap_type() => crate::builtins::docstrings::lookup(&t.name(), "__doc__")
                    .map_or(Value::NONE, |d| self.heap.new_str(&d)),
                Some(doc) => doc,
                None => Value::NONE,
            }),
            _ if t.value() == self.heap.types().function => self.function_type_descriptor(&n),
            _ => None,
        })
    }

    /// `FunctionType.__code__` and the like: what `types.py` takes the
    /// types of. A function's own attributes are read without them (see
    /// [`Vm::special_attr`]), so they hold no getter.
    fn function_type_descriptor(&self, n: &str) -> Option<Value> {
        let t = self.heap.types();
        let ty = match n {
            "__code__" | "__defaults__" | "__kwdefaults__" | "__annotations__" | "__dict__"
            | "__name__" | "__qualname__" => t.getset_descriptor,
            "__globals__" | "__closure__" | "__doc__" | "__module__" => t.member_descriptor,
            _ => return None,
        };
        let p = PropertyObj::new(Value::NONE, Value::NONE, Value::NONE, Value::NONE);
        Some(self.heap.alloc(ty, p).value())
    }

    /// `C.__dict__`: a read-only live view.
    fn type_dict_proxy(&mut self, t: Gc<TypeObj>) -> Value {
        self.new_mapping_proxy(t.value())
    }

    /// `obj.__dict__`: the dict that from now on holds `obj`'s attributes
    /// (see `object::instance`), or `None` when `obj` has no `__dict__`.
    pub fn instance_dict(&mut self, obj: Value) -> Option<Value> {
        if let Some(m) = module_of(obj) {
            return Some(m.dict);
        }
        if let Some(f) = function_of(obj) {
            return Some(f.attrs.to_dict_mode(&self.heap));
        }
        let ty = self.heap.type_obj(obj);
        let own_dict = exception_of(obj).is_some() || self.heap.has_builtin_dict(obj);
        if !own_dict && (!ty.is_heap_type() || self.has_no_dict(ty)) {
            return None;
        }
        let attrs = self.heap.attrs_of(obj, true)?;
        Some(attrs.to_dict_mode(&self.heap))
    }

    /// `obj.__dict__ = d` (`None`: `del obj.__dict__`); false when `obj`
    /// has no `__dict__`.
    pub fn set_instance_dict(&mut self, obj: Value, value: Option<Value>) -> PyResult<bool> {
        // A module's `__dict__` is a READONLY member in CPython, also
        // through a base class's `__dict__` descriptor.
        if module_of(obj).is_some() {
            return Err(PyErr::attribute_error(&self.heap, "readonly attribute"));
        }
        let is_function = function_of(obj).is_some();
        let d = match value {
            Some(d) if crate::object::dict::dict_of(d).is_some() => d,
            Some(d) => {
                return Err(self.type_error(&format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    self.type_name(d)
                )))
            }
            None if is_function => return Err(self.type_error("cannot delete __dict__")),
            None => self.heap.new_dict(),
        };
        if let Some(f) = function_of(obj) {
            f.attrs.use_dict(&self.heap, d);
            return Ok(true);
        }
        let ty = self.heap.type_obj(obj);
        if exception_of(obj).is_none() && (!ty.is_heap_type() || self.has_no_dict(ty)) {
            return Ok(false);
        }
        match self.heap.attrs_of(obj, true) {
            Some(attrs) => {
                attrs.use_dict(&self.heap, d);
                Ok(true)
            }
            None => Ok(false),
        }
    }
}

impl Vm {
    /// `gen.gi_frame`: None once the generator has finished, else its one
    /// frame object (made on first request), which follows the generator:
    /// its line and locals are read from the generator's saved state, or
    /// from its running frame, each time they are asked for.
    fn generator_frame(&mut self, g: Gc<super::generator::GeneratorObj>) -> Value {
        if g.state.get() == super::generator::GenState::Closed {
            return Value::NONE;
        }
        if !g.frame_object.get().is_none() {
            return g.frame_object.get();
        }
        let object = match self.running_generator_frame(Some(g)) {
            Some(index) => self.frame_object(index),
            None => {
                let info = super::exceptions::FrameInfoObj {
                    generator: std::cell::Cell::new(g.value()),
                    ..super::exceptions::FrameInfoObj::stopped(g.code, g.globals, 0, Value::NONE)
                };
                self.heap.alloc(self.heap.types().frame, info).value()
            }
        };
        g.frame_object.set(object);
        object
    }

    /// `f_locals` of a generator's frame: its variables as saved when it
    /// last suspended (unbound ones left out, cells read through).
    fn generator_locals(&mut self, g: Gc<super::generator::GeneratorObj>) -> PyResult {
        self.locals_dict(g.code, |i| g.saved_slot(i))
    }

    /// The index in `frames` of generator `g`'s frame while it runs.
    fn running_generator_frame(
        &self,
        g: Option<Gc<super::generator::GeneratorObj>>,
    ) -> Option<usize> {
        let g = g.filter(|g| g.state.get() == super::generator::GenState::Running)?;
        self.frames.iter().rposition(|f| f.code.value() == g.code.value() && f.globals == g.globals)
    }

    /// The index in `frames` of the frame a traceback entry was made in,
    /// while it runs.
    fn running_traceback_frame(&self, tb: &TracebackObj) -> Option<usize> {
        let (index, base) = tb.frame?;
        let frame = self.frames.get(index)?;
        (frame.base == base && frame.code.value() == tb.code.value()).then_some(index)
    }

    /// The index in `frames` of the frame `f` was taken of, while it runs.
    fn running_frame(&self, f: &super::exceptions::FrameInfoObj) -> Option<usize> {
        let (index, base) = f.running.get()?;
        let frame = self.frames.get(index)?;
        (frame.base == base && frame.code.value() == f.code.value() && frame.globals == f.globals)
            .then_some(index)
    }

    /// `f_locals` of a running frame: the namespace of module and class
    /// bodies, a new dict of the bound locals of a function.
    pub(super) fn running_frame_locals(&mut self, index: usize) -> PyResult {
        let frame = &self.frames[index];
        if !frame.locals.is_none() {
            return Ok(frame.locals);
        }
        let (code, base) = (frame.code, frame.base);
        let slots = self.stack.get(base..).unwrap_or_default().to_vec();
        self.locals_dict(code, |i| slots.get(i).copied())
    }

    /// A dict of the bound locals and cell contents of a frame of `code`
    /// whose slot `i` holds `slot(i)`.
    fn locals_dict(
        &mut self,
        code: Gc<super::code::CodeObj>,
        slot: impl Fn(usize) -> Option<Value>,
    ) -> PyResult {
        let d = self.heap.new_dict();
        let mut pairs = Vec::new();
        for (i, name) in code.local_names.iter().enumerate() {
            let v = slot(i).unwrap_or(Value::EMPTY);
            if cell_of(v).is_none() {
                pairs.push((*name, v));
            }
        }
        for (name, s) in code.unit.cells.iter().chain(code.unit.frees.iter()) {
            if let Some(c) = slot(*s as usize).and_then(cell_of) {
                pairs.push((self.heap.intern(name), c.value.get()));
            }
        }
        self.with_temp(d, |vm| {
            for (k, v) in pairs.into_iter().filter(|(_, v)| !v.is_empty()) {
                vm.dict_set_item(d, k, v)?;
            }
            Ok(d)
        })
    }
}

/// The line a generator will resume at and its resume pc (`f_lineno`,
/// `f_lasti` of `gi_frame`).
fn generator_position(g: Gc<super::generator::GeneratorObj>) -> (u32, u32) {
    let unit = &g.code.unit;
    match g.state.get() {
        GenState::Created => (unit.first_line, 0),
        _ => (unit.line_of(g.pc.get().saturating_sub(1)), g.pc.get()),
    }
}

/// `__name__`, `__qualname__` and the `gi_`/`cr_`/`ag_` state of
/// generators, coroutines and async generators.
fn generator_attr(g: Gc<super::generator::GeneratorObj>, n: &str) -> Option<Value> {
    use super::generator::GenKind;
    let prefix = match g.kind {
        GenKind::Generator => "gi_",
        GenKind::Coroutine => "cr_",
        GenKind::AsyncGenerator => "ag_",
    };
    let delegate = if g.kind == GenKind::Coroutine { "await" } else { "yieldfrom" };
    match n {
        "__name__" => return Some(g.name.get()),
        "__qualname__" => return Some(g.qualname.get()),
        _ => {}
    }
    let field = n.strip_prefix(prefix)?;
    Some(match field {
        "running" => Value::from_bool(g.state.get() == GenState::Running),
        "origin" if g.kind == GenKind::Coroutine => g.origin.get(),
        "code" => g.code.value(),
        _ if field == delegate && g.kind != GenKind::AsyncGenerator => {
            let v = g.yield_from.get();
            // None while the generator runs, even inside its delegate
            // (CPython reads it off a suspended frame's stack).
            if v.is_empty() || g.state.get() == GenState::Running {
                Value::NONE
            } else {
                v
            }
        }
        _ => return None,
    })
}
