//! The pickler's references and reductions: classes and functions saved
//! by module and qualified name (`save_global`, with `whichmodule`, the
//! extension registry and the Python 2 names of `fix_imports`), and the
//! tuples `__reduce__` returns (`save_reduce`, with `NEWOBJ`/`NEWOBJ_EX`).

use super::opcodes::*;
use super::pickler::Pickler;
use super::{attr_opt, pickling_error, support_attr};
use crate::builtins::functions::is_callable;
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::types::TypeObj;
use crate::object::{Gc, PyErr, Value};
use crate::vm::{PyResult, Vm};

/// `obj.a.b.c` for `path` `[a, b, c]`, with the object the last name was
/// read from; `None` when a lookup fails (any error, as `_pickle.c`).
fn deep_attribute(vm: &mut Vm, obj: Value, path: &[&str]) -> Option<(Value, Value)> {
    let mut cur = obj;
    let mut parent = obj;
    for name in path {
        parent = cur;
        let key = vm.heap.intern(name);
        cur = match vm.get_attr(parent, key) {
            Ok(v) => v,
            Err(_) => return None,
        };
        vm.push_temp(cur);
    }
    Some((cur, parent))
}

/// `whichmodule`: `obj.__module__`, else the first module in
/// `sys.modules` that has `obj` at `path`, else `__main__`.
fn which_module(vm: &mut Vm, obj: Value, path: &[&str]) -> PyResult<Value> {
    if let Some(m) = attr_opt(vm, obj, "__module__")? {
        if !m.is_none() {
            return Ok(m);
        }
    }
    for (name, module) in vm.dict_items(vm.modules) {
        if module.is_none() || str_of(name).is_some_and(|s| s.as_wtf8() == b"__main__") {
            continue;
        }
        let mark = vm.push_temp(name);
        vm.push_temp(module);
        let found = deep_attribute(vm, module, path);
        vm.truncate_temps(mark);
        if found.is_some_and(|(v, _)| v == obj) {
            return Ok(name);
        }
    }
    Ok(vm.heap.intern("__main__"))
}

fn text_of(v: Value) -> String {
    str_of(v).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

impl Pickler {
    /// `save_global`: `obj` by reference, under `name` or its
    /// `__qualname__`.
    pub(super) fn save_global(
        &mut self,
        vm: &mut Vm,
        obj: Value,
        name: Option<Value>,
    ) -> PyResult<()> {
        self.with_temps(vm, |p, vm| p.save_global_inner(vm, obj, name))
    }

    fn save_global_inner(&mut self, vm: &mut Vm, obj: Value, name: Option<Value>) -> PyResult<()> {
        let global_name = match name {
            Some(n) => n,
            None => match attr_opt(vm, obj, "__qualname__")? {
                Some(q) => q,
                None => {
                    let key = vm.heap.intern("__name__");
                    vm.get_attr(obj, key)?
                }
            },
        };
        vm.push_temp(global_name);
        let Some(gname) = str_of(global_name).map(|s| s.to_string_lossy().into_owned()) else {
            return Err(vm.type_error(&format!("must be str, not {}", vm.type_name(global_name))));
        };
        let path: Vec<&str> = gname.split('.').collect();
        if path.contains(&"<locals>") {
            let msg = format!("Can't pickle local object {}", vm.repr_of_value(global_name)?);
            return Err(PyErr::attribute_error(&vm.heap, &msg));
        }
        let mut module_name = which_module(vm, obj, &path)?;
        if str_of(module_name).is_some_and(|s| s.as_wtf8() == b"builtins") {
            // CPython's built-in types all give one interned "builtins"
            // (the key `whichmodule` finds in `sys.modules` too), so a
            // second global of `builtins` refers to the memoized first.
            module_name = vm.heap.intern("builtins");
        }
        vm.push_temp(module_name);
        let mname = text_of(module_name);
        let module = match str_of(module_name) {
            Some(_) => vm.import_module(&mname).ok(),
            None => None,
        };
        let Some(module) = module else {
            let msg = format!(
                "Can't pickle {}: import of module {} failed",
                vm.repr_of_value(obj)?,
                vm.repr_of_value(module_name)?
            );
            return Err(pickling_error(vm, &msg));
        };
        vm.push_temp(module);
        let Some((found, parent)) = deep_attribute(vm, module, &path) else {
            let msg = format!(
                "Can't pickle {}: attribute lookup {gname} on {mname} failed",
                vm.repr_of_value(obj)?
            );
            return Err(pickling_error(vm, &msg));
        };
        if found != obj {
            let msg = format!(
                "Can't pickle {}: it's not the same object as {mname}.{gname}",
                vm.repr_of_value(obj)?
            );
            return Err(pickling_error(vm, &msg));
        }
        if self.proto >= 2 && self.save_extension(vm, obj, module_name, global_name)? {
            return Ok(());
        }
        let lastname = path.last().copied().unwrap_or("");
        let global_name = if parent == module && path.len() > 1 {
            vm.heap.new_str(lastname)
        } else {
            global_name
        };
        vm.push_temp(global_name);
        if self.proto >= 4 {
            self.save(vm, module_name, false)?;
            self.save(vm, global_name, false)?;
            self.write(&[STACK_GLOBAL]);
        } else if parent != module {
            let getattr = support_attr(vm, "builtins", "getattr")?;
            let last = vm.heap.new_str(lastname);
            vm.push_temp(last);
            let args = vm.heap.new_tuple(&[parent, last]);
            vm.push_temp(args);
            let reduce_value = vm.heap.new_tuple(&[getattr, args]);
            vm.push_temp(reduce_value);
            self.save_reduce(vm, reduce_value, None)?;
        } else {
            let (m, g) = if self.fix_imports {
                self.python2_names(vm, module_name, global_name)?
            } else {
                (module_name, global_name)
            };
            let (m, g) = (text_of(m), text_of(g));
            let ascii = self.proto != 3;
            if ascii && !m.is_ascii() {
                let msg = format!(
                    "can't pickle module identifier '{m}' using pickle protocol {}",
                    self.proto
                );
                return Err(pickling_error(vm, &msg));
            }
            if ascii && !g.is_ascii() {
                let msg = format!(
                    "can't pickle global identifier '{g}' using pickle protocol {}",
                    self.proto
                );
                return Err(pickling_error(vm, &msg));
            }
            self.write(&[GLOBAL]);
            self.write(m.as_bytes());
            self.write(b"\n");
            self.write(g.as_bytes());
            self.write(b"\n");
        }
        self.memo_put(obj);
        Ok(())
    }

    /// An `EXT1`/`EXT2`/`EXT4` for a global in `copyreg`'s extension
    /// registry; false when it is not there.
    fn save_extension(
        &mut self,
        vm: &mut Vm,
        obj: Value,
        module_name: Value,
        global_name: Value,
    ) -> PyResult<bool> {
        let registry = support_attr(vm, "copyreg", "_extension_registry")?;
        if crate::object::dict::dict_of(registry).is_none() {
            return Ok(false);
        }
        let key = vm.heap.new_tuple(&[module_name, global_name]);
        let code = vm.with_temp(key, |vm| vm.dict_get_item(registry, key))?;
        let Some(code) = code else { return Ok(false) };
        let Some(code) = crate::object::boxes::int_to_i64(code)
            .filter(|_| vm.heap.type_of(code) == vm.heap.types().int || code.as_bool().is_some())
        else {
            let msg = format!(
                "Can't pickle {}: extension code {} isn't an integer",
                vm.repr_of_value(obj)?,
                vm.repr_of_value(code)?
            );
            return Err(pickling_error(vm, &msg));
        };
        if code <= 0 || code > 0x7fff_ffff {
            let msg = format!(
                "Can't pickle {}: extension code {code} is out of range",
                vm.repr_of_value(obj)?
            );
            return Err(pickling_error(vm, &msg));
        }
        let b = (code as u32).to_le_bytes();
        if code <= 0xff {
            self.write(&[EXT1, b[0]]);
        } else if code <= 0xffff {
            self.write(&[EXT2, b[0], b[1]]);
        } else {
            self.write(&[EXT4, b[0], b[1], b[2], b[3]]);
        }
        Ok(true)
    }

    /// The Python 2 module and name of a global (`_compat_pickle`'s
    /// reverse mappings), for protocols below 3 with `fix_imports`.
    fn python2_names(
        &mut self,
        vm: &mut Vm,
        module_name: Value,
        global_name: Value,
    ) -> PyResult<(Value, Value)> {
        let names = support_attr(vm, "_compat_pickle", "REVERSE_NAME_MAPPING")?;
        let key = vm.heap.new_tuple(&[module_name, global_name]);
        let item = vm.with_temp(key, |vm| vm.get_item(names, key));
        match item {
            Ok(item) => {
                return match tuple_of(item) {
                    Some(t) if t.len() == 2 && t.items().iter().all(|v| str_of(*v).is_some()) => {
                        Ok((t.items()[0], t.items()[1]))
                    }
                    _ => Err(PyErr::runtime_error(
                        &vm.heap,
                        &format!(
                            "_compat_pickle.REVERSE_NAME_MAPPING values should be 2-tuples, not {}",
                            vm.type_name(item)
                        ),
                    )),
                };
            }
            Err(e) if e.matches(&vm.heap, vm.heap.types().key_error) => {}
            Err(e) => return Err(e),
        }
        let imports = support_attr(vm, "_compat_pickle", "REVERSE_IMPORT_MAPPING")?;
        match vm.get_item(imports, module_name) {
            Ok(m) if str_of(m).is_some() => Ok((m, global_name)),
            Ok(m) => Err(PyErr::runtime_error(
                &vm.heap,
                &format!(
                    "_compat_pickle.REVERSE_IMPORT_MAPPING values should be strings, not {}",
                    vm.type_name(m)
                ),
            )),
            Err(e) if e.matches(&vm.heap, vm.heap.types().key_error) => {
                Ok((module_name, global_name))
            }
            Err(e) => Err(e),
        }
    }

    /// `save_reduce`: the 2- to 6-tuple `args` a reduce function returned
    /// for `obj` (`None`: do not memoize).
    pub(super) fn save_reduce(
        &mut self,
        vm: &mut Vm,
        args: Value,
        obj: Option<Value>,
    ) -> PyResult<()> {
        self.with_temps(vm, |p, vm| p.save_reduce_inner(vm, args, obj))
    }

    fn save_reduce_inner(&mut self, vm: &mut Vm, args: Value, obj: Option<Value>) -> PyResult<()> {
        let Some(t) = tuple_of(args) else {
            return Err(pickling_error(vm, "__reduce__ must return a string or tuple"));
        };
        let items = t.items();
        if items.len() < 2 || items.len() > 6 {
            return Err(pickling_error(
                vm,
                "tuple returned by __reduce__ must contain 2 through 6 elements",
            ));
        }
        let get = |i: usize| items.get(i).copied().filter(|v| !v.is_none());
        let callable = items[0];
        let argtup = items[1];
        let state = get(2);
        let listitems = get(3);
        let dictitems = get(4);
        let state_setter = get(5);
        if !is_callable(vm, callable) {
            return Err(pickling_error(
                vm,
                "first item of the tuple returned by __reduce__ must be callable",
            ));
        }
        let Some(argt) = tuple_of(argtup) else {
            return Err(pickling_error(
                vm,
                "second item of the tuple returned by __reduce__ must be a tuple",
            ));
        };
        let next = vm.heap.intern("__next__");
        for (items, which) in [(listitems, "fourth"), (dictitems, "fifth")] {
            if let Some(it) = items {
                if vm.heap.lookup_in_type_of(it, next).is_none() {
                    let msg = format!(
                        "{which} element of the tuple returned by __reduce__ must be an iterator, not {}",
                        vm.type_name(it)
                    );
                    return Err(pickling_error(vm, &msg));
                }
            }
        }
        if let Some(setter) = state_setter {
            if !is_callable(vm, setter) {
                let msg = format!(
                    "sixth element of the tuple returned by __reduce__ must be a function, not {}",
                    vm.type_name(setter)
                );
                return Err(pickling_error(vm, &msg));
            }
        }
        let (mut use_newobj, mut use_newobj_ex) = (false, false);
        if self.proto >= 2 {
            if let Some(name) = attr_opt(vm, callable, "__name__")? {
                if let Some(s) = str_of(name) {
                    use_newobj_ex = s.as_wtf8() == b"__newobj_ex__";
                    use_newobj = s.as_wtf8() == b"__newobj__";
                }
            }
        }
        let argv = argt.items();
        if use_newobj_ex {
            if argv.len() != 3 {
                let msg = format!(
                    "length of the NEWOBJ_EX argument tuple must be exactly 3, not {}",
                    argv.len()
                );
                return Err(pickling_error(vm, &msg));
            }
            let (cls, cargs, kwargs) = (argv[0], argv[1], argv[2]);
            if Gc::<TypeObj>::from_value(cls).is_none() {
                let msg = format!(
                    "first item from NEWOBJ_EX argument tuple must be a class, not {}",
                    vm.type_name(cls)
                );
                return Err(pickling_error(vm, &msg));
            }
            if tuple_of(cargs).is_none() {
                let msg = format!(
                    "second item from NEWOBJ_EX argument tuple must be a tuple, not {}",
                    vm.type_name(cargs)
                );
                return Err(pickling_error(vm, &msg));
            }
            if crate::object::dict::dict_of(kwargs).is_none() {
                let msg = format!(
                    "third item from NEWOBJ_EX argument tuple must be a dict, not {}",
                    vm.type_name(kwargs)
                );
                return Err(pickling_error(vm, &msg));
            }
            if self.proto >= 4 {
                self.save(vm, cls, false)?;
                self.save(vm, cargs, false)?;
                self.save(vm, kwargs, false)?;
                self.write(&[NEWOBJ_EX]);
            } else {
                // `partial(cls.__new__, cls, *args, **kwargs)()`.
                let new_name = vm.heap.intern("__new__");
                let cls_new = vm.get_attr(cls, new_name)?;
                vm.push_temp(cls_new);
                let mut call_args = vec![cls_new, cls];
                if let Some(t) = tuple_of(cargs) {
                    call_args.extend_from_slice(t.items());
                }
                let mut kwnames = Vec::new();
                for (k, v) in vm.dict_items(kwargs) {
                    call_args.push(v);
                    kwnames.push(k);
                }
                let partial = support_attr(vm, "functools", "partial")?;
                let callable = vm.call_kw(partial, &call_args, &kwnames)?;
                vm.push_temp(callable);
                self.save(vm, callable, false)?;
                let empty = vm.heap.singletons().empty_tuple;
                self.save(vm, empty, false)?;
                self.write(&[REDUCE]);
            }
        } else if use_newobj {
            let Some(&cls) = argv.first() else {
                return Err(pickling_error(vm, "__newobj__ arglist is empty"));
            };
            if Gc::<TypeObj>::from_value(cls).is_none() {
                return Err(pickling_error(vm, "args[0] from __newobj__ args is not a type"));
            }
            if let Some(obj) = obj {
                let class = match attr_opt(vm, obj, "__class__")? {
                    Some(c) => c,
                    None => vm.heap.type_of(obj),
                };
                if class != cls {
                    return Err(pickling_error(
                        vm,
                        "args[0] from __newobj__ args has the wrong class",
                    ));
                }
            }
            self.save(vm, cls, false)?;
            let rest = vm.heap.new_tuple(&argv[1..]);
            vm.push_temp(rest);
            self.save(vm, rest, false)?;
            self.write(&[NEWOBJ]);
        } else {
            self.save(vm, callable, false)?;
            self.save(vm, argtup, false)?;
            self.write(&[REDUCE]);
        }
        if let Some(obj) = obj {
            if self.in_memo(obj) {
                // Recursive: `obj` was pickled while its arguments were.
                self.write(&[POP]);
                self.memo_get(obj);
                return Ok(());
            }
            self.memo_put(obj);
        }
        if let Some(it) = listitems {
            self.batch_list(vm, it)?;
        }
        if let Some(it) = dictitems {
            self.batch_dict(vm, it)?;
        }
        if let Some(state) = state {
            match state_setter {
                None => {
                    self.save(vm, state, false)?;
                    self.write(&[BUILD]);
                }
                Some(setter) => {
                    self.save(vm, setter, false)?;
                    self.save(vm, obj.unwrap_or(Value::NONE), false)?;
                    self.save(vm, state, false)?;
                    self.write(&[TUPLE2, REDUCE, POP]);
                }
            }
        }
        Ok(())
    }
}
