//! Text of values: `repr()`, `str()`, `format()` and f-string fields, with
//! CPython 3.8's output (`%` formatting is [`super::percent`]'s).

use super::function::{function_of, method_of, module_of, native_function_of};
use super::{PyResult, Vm};
use crate::bytecode::instr::Conversion;
use crate::number::float_repr::float_repr;
use crate::number::format_spec::{self, FormatSpec};
use crate::number::tower::Num;
use crate::object::bytes::{bytearray_of, bytes_of};
use crate::object::exception::exception_of;
use crate::object::list::list_of;
use crate::object::range::RangeObj;
use crate::object::str::{str_of, StrObj};
use crate::object::tuple::tuple_of;
use crate::object::types::TypeObj;
use crate::object::{Gc, ObjHeader, ObjKind};
use crate::object::{PyErr, Value};
use crate::unicode::{repr_bytes, wtf8};

impl Vm {
    /// `repr(v)` as a Rust string.
    pub fn repr_of_value(&mut self, v: Value) -> PyResult<String> {
        if let Some(i) = v.as_small_int() {
            return Ok(i.to_string());
        }
        if let Some(f) = v.as_f64() {
            return Ok(float_repr(f));
        }
        if let Some(b) = v.as_bool() {
            return Ok(if b { "True" } else { "False" }.to_string());
        }
        if v.is_none() {
            return Ok("None".to_string());
        }
        // PyObject_Repr's Py_EnterRecursiveCall: nested containers and
        // __repr__ calling repr() share the call depth limit.
        if self.depth >= self.recursion_limit {
            return Err(PyErr::recursion_error(
                &self.heap,
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        self.depth += 1;
        let r = self.repr_of_object(v);
        self.depth -= 1;
        r
    }

    fn repr_of_object(&mut self, v: Value) -> PyResult<String> {
        let ty = self.heap.type_obj(v);
        if ty.is_heap_type()
            || Gc::<TypeObj>::from_value(v).is_none() && self.has_python_dunder(v, "__repr__")
        {
            let name = self.names.dunder_repr;
            if let Some(m) = self.heap.lookup(ty, name) {
                if !self.is_native_slot_method(m) {
                    let r = self.call_method_value(m, v, &[])?;
                    return match str_of(r) {
                        Some(s) => Ok(s.as_utf8(&self.heap)?.to_string()),
                        None => Err(self.type_error(&format!(
                            "__repr__ returned non-string (type {})",
                            self.type_name(r)
                        ))),
                    };
                }
            }
        }
        self.native_repr(v)
    }

    fn has_python_dunder(&self, v: Value, name: &str) -> bool {
        let name = self.heap.intern(name);
        self.heap.lookup_in_type_of(v, name).is_some_and(|m| function_of(m).is_some())
    }

    /// The repr of built-in values (and the default `object.__repr__`).
    pub fn native_repr(&mut self, v: Value) -> PyResult<String> {
        let Some(header) = ObjHeader::of(v) else { return Ok(String::new()) };
        Ok(match header.kind() {
            ObjKind::Str => str_of(v).expect("str layout").repr(),
            ObjKind::WeakRef => crate::modules::weakref::repr(self, v)?,
            ObjKind::Int | ObjKind::Float | ObjKind::Complex => match self.as_num(v) {
                Some(crate::number::tower::Num::Int(i)) => {
                    crate::number::str_digits::check_format(&i).map_err(|e| self.num_error(e))?;
                    i.to_string()
                }
                Some(n) => n.repr(),
                None => String::new(),
            },
            ObjKind::Bytes => repr_bytes(bytes_of(v).expect("bytes layout").as_bytes()),
            ObjKind::ByteArray => {
                let b = bytearray_of(v).expect("bytearray layout");
                let name = self.heap.type_obj(v).name();
                format!("{name}({})", repr_bytes(&b.data.borrow()))
            }
            ObjKind::List => {
                let items = list_of(v).expect("list layout").items.to_vec();
                self.repr_guarded(v, "[...]", |vm| vm.repr_items(&items, "[", "]", false))?
            }
            ObjKind::Tuple => {
                let items = tuple_of(v).expect("tuple layout").items().to_vec();
                self.repr_guarded(v, "(...)", |vm| {
                    vm.repr_items(&items, "(", ")", items.len() == 1)
                })?
            }
            ObjKind::Dict => {
                let items = self.dict_items(v);
                self.repr_guarded(v, "{...}", |vm| {
                    let mut out = String::from("{");
                    let mark = vm.stack.len();
                    for (k, val) in &items {
                        vm.stack.push(*k);
                        vm.stack.push(*val);
                    }
                    let r = (|| {
                        for (i, (k, val)) in items.iter().enumerate() {
                            if i > 0 {
                                out.push_str(", ");
                            }
                            out.push_str(&vm.repr_of_value(*k)?);
                            out.push_str(": ");
                            out.push_str(&vm.repr_of_value(*val)?);
                        }
                        Ok(())
                    })();
                    vm.truncate_temps(mark);
                    r?;
                    out.push('}');
                    Ok(out)
                })?
            }
            ObjKind::Set | ObjKind::FrozenSet => {
                let items = self.set_items(v);
                let frozen = header.kind() == ObjKind::FrozenSet;
                let tname = self.type_name(v);
                if items.is_empty() {
                    return Ok(format!("{tname}()"));
                }
                let guard = format!("{tname}(...)");
                let inner =
                    self.repr_guarded(v, &guard, |vm| vm.repr_items(&items, "{", "}", false))?;
                if frozen || self.heap.type_obj(v).is_heap_type() {
                    format!("{tname}({inner})")
                } else {
                    inner
                }
            }
            ObjKind::Range => {
                let r = Gc::<RangeObj>::from_value(v).expect("range layout");
                let (start, stop, step) = (r.start, r.stop, r.step);
                let (a, b) = (self.repr_of_value(start)?, self.repr_of_value(stop)?);
                if crate::object::boxes::int_to_i64(step) == Some(1) {
                    format!("range({a}, {b})")
                } else {
                    format!("range({a}, {b}, {})", self.repr_of_value(step)?)
                }
            }
            ObjKind::Slice => {
                let s = Gc::<crate::object::range::SliceObj>::from_value(v).expect("slice layout");
                let (a, b, c) = (s.start, s.stop, s.step);
                format!(
                    "slice({}, {}, {})",
                    self.repr_of_value(a)?,
                    self.repr_of_value(b)?,
                    self.repr_of_value(c)?
                )
            }
            ObjKind::Type => {
                let t = Gc::<TypeObj>::from_value(v).expect("type layout");
                let module = t.own_attr(self.names.dunder_module).and_then(str_of);
                match module {
                    Some(m) if m.as_wtf8() != b"builtins" => {
                        let qual = t
                            .own_attr(self.names.dunder_qualname)
                            .and_then(str_of)
                            .map_or_else(|| t.name(), |q| q.to_string_lossy().into_owned());
                        format!("<class '{}.{qual}'>", m.to_string_lossy())
                    }
                    _ => format!("<class '{}'>", t.name()),
                }
            }
            ObjKind::Exception => {
                let e = exception_of(v).expect("exception layout");
                let name = self.type_name(v);
                let args = e.args();
                if args.len() == 1 {
                    format!("{name}({})", self.repr_of_value(args[0])?)
                } else {
                    let args_tuple = e.args.get();
                    format!("{name}{}", self.repr_of_value(args_tuple)?)
                }
            }
            ObjKind::Singleton => {
                if v == self.heap.singletons().ellipsis {
                    "Ellipsis".to_string()
                } else if v == self.heap.singletons().not_implemented {
                    "NotImplemented".to_string()
                } else {
                    self.default_repr(v)
                }
            }
            ObjKind::Function => {
                let f = function_of(v).expect("function layout");
                let q = str_of(f.qualname.get())
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                format!("<function {q} at {}>", address(v))
            }
            ObjKind::NativeFunction => {
                let f = native_function_of(v).expect("native function layout");
                let of_module = module_of(f.receiver).is_some() || module_of(f.owner).is_some();
                if f.receiver.is_empty() || of_module {
                    format!("<built-in function {}>", f.name)
                } else {
                    let owner = self.type_name(f.receiver);
                    let what = if self.heap.type_of(v) == self.heap.types().method_wrapper {
                        "method-wrapper '"
                    } else {
                        "built-in method "
                    };
                    let quote = if what.ends_with('\'') { "'" } else { "" };
                    format!(
                        "<{what}{}{quote} of {owner} object at {}>",
                        f.name,
                        address(f.receiver)
                    )
                }
            }
            ObjKind::MethodDescriptor => {
                let d = super::function::method_descriptor_of(v).expect("descriptor layout");
                let owner =
                    Gc::<TypeObj>::from_value(d.owner).map(|t| t.name()).unwrap_or_default();
                let what = if self.heap.type_of(v) == self.heap.types().wrapper_descriptor {
                    "slot wrapper"
                } else {
                    "method"
                };
                format!("<{what} '{}' of '{owner}' objects>", d.name)
            }
            ObjKind::ClassMethod
                if self.heap.type_of(v) == self.heap.types().classmethod_descriptor =>
            {
                let cm = Gc::<super::function::ClassMethodObj>::from_value(v).expect("layout");
                let f = native_function_of(cm.callable.get()).expect("a native class method");
                let owner =
                    Gc::<TypeObj>::from_value(f.owner).map(|t| t.name()).unwrap_or_default();
                format!("<method '{}' of '{owner}' objects>", f.name)
            }
            ObjKind::Method => {
                let m = method_of(v).expect("method layout");
                let (f, receiver) = (m.function, m.receiver);
                let known = function_of(f)
                    .and_then(|f| str_of(f.qualname.get()))
                    .map(|s| s.to_string_lossy().into_owned())
                    .or_else(|| native_function_of(f).map(|nf| nf.name.to_string()));
                let fname = match known {
                    Some(n) => n,
                    None => self.callable_name(f)?.unwrap_or_else(|| "?".into()),
                };
                format!("<bound method {fname} of {}>", self.repr_of_value(receiver)?)
            }
            ObjKind::Module => crate::builtins::module_methods::module_repr(self, v)?,
            ObjKind::Generator => {
                // `<generator object f at 0x...>`, by the (settable) qualname.
                let g = super::generator::generator_of(v).expect("generator layout");
                let q = str_of(g.qualname.get())
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                format!("<{} object {q} at {}>", self.type_name(v), address(v))
            }
            ObjKind::FrameInfo => self.frame_repr(v)?,
            ObjKind::Wrapper => {
                if let Some(m) = self.proxied_mapping(v) {
                    let inner = self.with_temp(m, |vm| vm.repr_of_value(m))?;
                    return Ok(format!("mappingproxy({inner})"));
                }
                let tname = self.type_name(v);
                let items = self.collect_iterable(v)?;
                let guard = format!("{tname}(...)");
                let inner =
                    self.repr_guarded(v, &guard, |vm| vm.repr_items(&items, "[", "]", false))?;
                format!("{tname}({inner})")
            }
            ObjKind::Property => match self.member_of(v) {
                Some(m) => self.member_repr(m),
                None => self.default_repr(v),
            },
            _ => self.default_repr(v),
        })
    }

    /// A callable's `__qualname__`, else its `__name__`, when that is a
    /// str (`method_repr`); a missing attribute is no error.
    fn callable_name(&mut self, f: Value) -> PyResult<Option<String>> {
        let attribute_error = self.heap.types().attribute_error;
        for attr in ["__qualname__", "__name__"] {
            let name = self.heap.intern(attr);
            match self.get_attr(f, name) {
                Ok(v) => return Ok(str_of(v).map(|s| s.to_string_lossy().into_owned())),
                Err(e) if e.matches(&self.heap, attribute_error) => continue,
                Err(e) => return Err(e),
            }
        }
        Ok(None)
    }

    /// `object.__repr__`: `<module.Class object at 0x...>`.
    /// `<frame at 0x..., file 'x.py', line 3, code f>`.
    fn frame_repr(&mut self, v: Value) -> PyResult<String> {
        let Some(f) = Gc::<super::exceptions::FrameInfoObj>::from_value(v) else {
            return Ok(self.default_repr(v));
        };
        let key = self.heap.intern("f_lineno");
        let line = self.get_attr(v, key)?;
        let unit = &f.code.unit;
        let file = self.repr_of_value(self.heap.new_str(&unit.filename))?;
        let line = self.repr_of_value(line)?;
        Ok(format!("<frame at {}, file {file}, line {line}, code {}>", address(v), unit.name))
    }

    pub fn default_repr(&self, v: Value) -> String {
        let t = self.heap.type_obj(v);
        let module = t.own_attr(self.names.dunder_module).and_then(str_of);
        let qual = t
            .own_attr(self.names.dunder_qualname)
            .and_then(str_of)
            .map_or_else(|| t.name(), |q| q.to_string_lossy().into_owned());
        match module {
            Some(m) if m.as_wtf8() != b"builtins" => {
                format!("<{}.{qual} object at {}>", m.to_string_lossy(), address(v))
            }
            _ => format!("<{qual} object at {}>", address(v)),
        }
    }

    /// Runs `f` unless `v` is already being repr'd further up (a cycle).
    pub(crate) fn repr_guarded(
        &mut self,
        v: Value,
        cycle_text: &str,
        f: impl FnOnce(&mut Vm) -> PyResult<String>,
    ) -> PyResult<String> {
        if self.repr_stack.contains(&v) {
            return Ok(cycle_text.to_string());
        }
        self.repr_stack.push(v);
        let r = f(self);
        self.repr_stack.pop();
        r
    }

    fn repr_items(
        &mut self,
        items: &[Value],
        open: &str,
        close: &str,
        trailing_comma: bool,
    ) -> PyResult<String> {
        let mark = self.stack.len();
        self.stack.extend_from_slice(items);
        let mut out = String::from(open);
        let r = (|| {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&self.repr_of_value(*item)?);
            }
            Ok(())
        })();
        self.truncate_temps(mark);
        r?;
        if trailing_comma {
            out.push(',');
        }
        out.push_str(close);
        Ok(out)
    }

    /// `str(v)` as a Rust string.
    pub fn str_of_value(&mut self, v: Value) -> PyResult<String> {
        if let Some(s) = str_of(v) {
            if !self.heap.type_obj(v).is_heap_type() {
                return Ok(s.as_utf8(&self.heap)?.to_string());
            }
        }
        let ty = self.heap.type_obj(v);
        if v.is_ptr() {
            let name = self.names.dunder_str;
            if let Some(m) = self.heap.lookup(ty, name) {
                if !self.is_native_slot_method(m) {
                    let r = self.call_method_value(m, v, &[])?;
                    return match str_of(r) {
                        Some(s) => Ok(s.as_utf8(&self.heap)?.to_string()),
                        None => Err(self.type_error(&format!(
                            "__str__ returned non-string (type {})",
                            self.type_name(r)
                        ))),
                    };
                }
            }
        }
        if let Some(s) = str_of(v) {
            return Ok(s.as_utf8(&self.heap)?.to_string());
        }
        // bytes.__str__ and bytearray.__str__: the built-in repr, whatever
        // `__repr__` a subclass has.
        if let Some(b) = bytes_of(v) {
            return Ok(repr_bytes(b.as_bytes()));
        }
        if let Some(b) = bytearray_of(v) {
            let name = self.heap.type_obj(v).name();
            return Ok(format!("{name}({})", repr_bytes(&b.data.borrow())));
        }
        if let Some(m) = self.proxied_mapping(v) {
            return self.with_temp(m, |vm| vm.str_of_value(m));
        }
        if self.heap.is_instance(v, self.heap.types().syntax_error) {
            if let Some(text) = self.syntax_error_str(v)? {
                return Ok(text);
            }
        }
        if let Some(text) = crate::builtins::os_error::os_error_str(self, v)? {
            return Ok(text);
        }
        if let Some(text) = self.unicode_error_str(v)? {
            return Ok(text);
        }
        if let Some(e) = exception_of(v) {
            // BaseException.__str__, whatever `__repr__` the class has.
            let args = e.args();
            let is_key_error = self.heap.is_instance(v, self.heap.types().key_error);
            return match args.len() {
                0 => Ok(String::new()),
                1 if is_key_error => self.repr_of_value(args[0]),
                1 => self.str_of_value(args[0]),
                _ => {
                    let t = e.args.get();
                    self.repr_of_value(t)
                }
            };
        }
        self.repr_of_value(v)
    }

    /// `SyntaxError.__str__`: the message with the file's base name and
    /// the line when they are known; `None` when it has no message.
    fn syntax_error_str(&mut self, v: Value) -> PyResult<Option<String>> {
        let msg = self.exception_member(v, "msg")?;
        let filename = str_of(self.exception_member(v, "filename")?);
        let lineno = self.exception_member(v, "lineno")?.as_small_int();
        let msg = self.str_of_value(msg)?;
        let base = filename.map(|f| {
            let f = f.to_string_lossy();
            f.rsplit('/').next().unwrap_or(&f).to_string()
        });
        Ok(Some(match (base, lineno) {
            (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
            (Some(f), None) => format!("{msg} ({f})"),
            (None, Some(l)) => format!("{msg} (line {l})"),
            (None, None) => msg,
        }))
    }

    /// `str(v)` as a value.
    pub fn str_value(&mut self, v: Value) -> PyResult {
        if let Some(i) = v.as_small_int() {
            return Ok(self
                .heap
                .new_ascii_str(crate::number::printf::signed_decimal(i, &mut [0; 64])));
        }
        if str_of(v).is_some() && !self.heap.type_obj(v).is_heap_type() {
            return Ok(v);
        }
        if let Some(message) = self.exception_message_value(v) {
            return Ok(message);
        }
        let s = self.str_of_value(v)?;
        Ok(self.heap.new_str_from_string(s))
    }

    /// A field of a Unicode error (`start`, `reason`, ...) as its `__str__`
    /// reads it; `None` when an error made natively from a message lacks it.
    fn unicode_error_field(&mut self, v: Value, name: &str) -> PyResult<Option<Value>> {
        Ok(self.known_exception_member(v, name))
    }

    /// `str(exc)` of a UnicodeEncodeError or UnicodeDecodeError with its
    /// five fields (encoding, object, start, end, reason), as CPython's
    /// `UnicodeEncodeError.__str__` words it.
    fn unicode_error_str(&mut self, v: Value) -> PyResult<Option<String>> {
        let t = self.heap.types();
        if self.heap.is_instance(v, t.unicode_translate_error) {
            return self.unicode_translate_error_str(v);
        }
        let encoding = self.heap.is_instance(v, t.unicode_encode_error);
        if !encoding && !self.heap.is_instance(v, t.unicode_decode_error) {
            return Ok(None);
        }
        let mut fields = [Value::NONE; 5];
        for (slot, name) in fields.iter_mut().zip(["encoding", "object", "start", "end", "reason"])
        {
            let Some(field) = self.unicode_error_field(v, name)? else { return Ok(None) };
            *slot = field;
        }
        let [codec, object, start, end, reason] = fields;
        let (Some(start), Some(end)) = (start.as_small_int(), end.as_small_int()) else {
            return Ok(None);
        };
        let codec = self.str_of_value(codec)?;
        let reason = self.str_of_value(reason)?;
        let single = end == start + 1;
        let byte = crate::builtins::bytes_methods::bytes_like(object)
            .and_then(|b| usize::try_from(start).ok().and_then(|i| b.get(i).copied()));
        let shown = escaped_code_point(object, start);
        let what = match (encoding, single, shown, byte) {
            (true, true, Some(shown), _) => {
                format!("encode character '{shown}' in position {start}")
            }
            (false, true, _, Some(byte)) => format!("decode byte 0x{byte:02x} in position {start}"),
            (true, ..) => format!("encode characters in position {start}-{}", end - 1),
            (false, ..) => format!("decode bytes in position {start}-{}", end - 1),
        };
        Ok(Some(format!("'{codec}' codec can't {what}: {reason}")))
    }

    /// `UnicodeTranslateError.__str__`: from `(object, start, end, reason)`.
    fn unicode_translate_error_str(&mut self, v: Value) -> PyResult<Option<String>> {
        let mut fields = [Value::NONE; 4];
        for (slot, name) in fields.iter_mut().zip(["object", "start", "end", "reason"]) {
            let Some(field) = self.unicode_error_field(v, name)? else { return Ok(None) };
            *slot = field;
        }
        let [object, start, end, reason] = fields;
        let (Some(start), Some(end)) = (start.as_small_int(), end.as_small_int()) else {
            return Ok(None);
        };
        let reason = self.str_of_value(reason)?;
        let single = escaped_code_point(object, start).filter(|_| end == start + 1);
        Ok(Some(match single {
            Some(shown) => {
                format!("can't translate character '{shown}' in position {start}: {reason}")
            }
            None => format!("can't translate characters in position {start}-{}: {reason}", end - 1),
        }))
    }

    /// `str(exc)` of an exception made with one str argument and no
    /// `__str__` of its own: that very str, which may hold lone surrogates
    /// (text that [`Vm::str_of_value`]'s `String` cannot carry).
    fn exception_message_value(&self, v: Value) -> Option<Value> {
        let e = exception_of(v)?;
        let &[arg] = e.args().as_slice() else { return None };
        let exact_str = str_of(arg).is_some() && !self.heap.type_obj(arg).is_heap_type();
        let own_str = self
            .heap
            .lookup(self.heap.type_obj(v), self.names.dunder_str)
            .is_some_and(|m| !self.is_native_slot_method(m));
        let is_key_error = self.heap.is_instance(v, self.heap.types().key_error);
        (exact_str && !own_str && !is_key_error).then_some(arg)
    }

    pub fn repr_value(&mut self, v: Value) -> PyResult {
        let s = self.repr_of_value(v)?;
        Ok(self.heap.new_str_from_string(s))
    }

    /// `ascii(v)`: the repr with non-ASCII characters escaped.
    pub fn ascii_of_value(&mut self, v: Value) -> PyResult<String> {
        let r = self.repr_of_value(v)?;
        Ok(ascii_escape(&r))
    }

    /// `BuildString`: the concatenation of f-string parts (all strs).
    pub fn concat_strs(&mut self, items: &[Value]) -> PyResult {
        let mut out = Vec::new();
        for v in items {
            match str_of(*v) {
                Some(s) => out.extend_from_slice(s.as_wtf8()),
                None => out.extend_from_slice(self.str_of_value(*v)?.as_bytes()),
            }
        }
        Ok(self.heap.new_str_wtf8(&out))
    }

    /// `FormatValue`: `format(conv(v), spec)`.
    pub fn format_value(&mut self, v: Value, conv: Conversion, spec: Option<Value>) -> PyResult {
        let converted = match conv {
            Conversion::None => v,
            Conversion::Str => self.str_value(v)?,
            Conversion::Repr => self.repr_value(v)?,
            Conversion::Ascii => {
                let s = self.ascii_of_value(v)?;
                self.heap.new_str_from_string(s)
            }
        };
        let spec_text = match spec {
            Some(s) => match str_of(s) {
                Some(s) => s.as_utf8(&self.heap)?.to_string(),
                None => String::new(),
            },
            None => String::new(),
        };
        if spec_text.is_empty()
            && str_of(converted).is_some()
            && !self.heap.type_obj(converted).is_heap_type()
        {
            return Ok(converted);
        }
        let mark = self.push_temp(converted);
        let r = self.format_to_value(converted, &spec_text);
        self.truncate_temps(mark);
        r
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: Value, spec: &str) -> PyResult<String> {
        let ty = self.heap.type_obj(v);
        if ty.is_heap_type() {
            let name = self.names.dunder_format;
            if let Some(m) = self.heap.lookup(ty, name) {
                if !self.is_native_slot_method(m) {
                    let spec_v = self.heap.new_str(spec);
                    let r = self.call_method_value(m, v, &[spec_v])?;
                    return match str_of(r) {
                        Some(s) => Ok(s.as_utf8(&self.heap)?.to_string()),
                        None => Err(self.type_error(&format!(
                            "__format__ must return a str, not {}",
                            self.type_name(r)
                        ))),
                    };
                }
            }
        }
        // The built-ins' `__format__` with an empty spec is `str(v)`, which
        // a subclass's `__str__` or `__repr__` decides.
        if spec.is_empty() && ty.is_heap_type() {
            return self.str_of_value(v);
        }
        let base = self.builtin_base_value(v);
        let tname = self.type_name(v);
        if let Some(n) = self.as_num(base) {
            let r = match &n {
                Num::Int(i) => {
                    if v.as_bool().is_some() && spec.is_empty() {
                        return self.str_of_value(v);
                    }
                    format_spec::format_int(i, spec, &tname)
                }
                Num::Float(f) => format_spec::format_float(*f, spec),
                Num::Complex(c) => format_spec::format_complex(*c, spec),
            };
            return r.map_err(|e| self.num_error(e));
        }
        if let Some(s) = str_of(base) {
            return self.format_str(s.as_utf8(&self.heap)?, spec);
        }
        if spec.is_empty() {
            return self.str_of_value(v);
        }
        Err(self.type_error(&format!("unsupported format string passed to {tname}.__format__")))
    }

    /// `format(str, spec)`: fill, alignment, width, precision.
    fn format_str(&self, s: &str, spec: &str) -> PyResult<String> {
        if spec.is_empty() {
            return Ok(s.to_string());
        }
        let (take, left, right, fill) = self.str_layout(s.chars().count(), spec)?;
        let mut out: String = std::iter::repeat_n(fill, left).collect();
        out.extend(s.chars().take(take));
        out.extend(std::iter::repeat_n(fill, right));
        Ok(out)
    }

    /// `format(s, spec)` of a str that may hold lone surrogates.
    fn format_str_value(&self, s: &StrObj, spec: &str) -> PyResult {
        let (take, left, right, fill) = self.str_layout(s.char_len(), spec)?;
        let (buf, n) = wtf8::encode(fill as u32);
        let mut out = buf[..n].repeat(left);
        out.extend_from_slice(&s.as_wtf8()[..s.byte_offset(take)]);
        out.extend(buf[..n].repeat(right));
        Ok(self.heap.new_str_wtf8(&out))
    }

    /// How `format(s, spec)` lays out a str of `len` code points: how many
    /// of them it keeps, the fill before and after, and the fill character.
    fn str_layout(&self, len: usize, spec: &str) -> PyResult<(usize, usize, usize, char)> {
        if spec.is_empty() {
            return Ok((len, 0, 0, ' '));
        }
        let f = FormatSpec::parse(spec).map_err(|e| self.num_error(e))?;
        match f.ty {
            None | Some('s') => {}
            Some(t) => {
                return Err(self
                    .value_error(&format!("Unknown format code '{t}' for object of type 'str'")))
            }
        }
        if f.sign.is_some() {
            return Err(self.value_error("Sign not allowed in string format specifier"));
        }
        if f.alternate {
            return Err(
                self.value_error("Alternate form (#) not allowed in string format specifier")
            );
        }
        if let Some(g) = f.grouping {
            return Err(self.value_error(&format!("Cannot specify '{g}' with 's'.")));
        }
        // A `0` flag without an alignment also means `=` (3.8 refuses both).
        if f.align == '=' {
            return Err(self.value_error("'=' alignment not allowed in string format specifier"));
        }
        let len = f.precision.map_or(len, |p| p.min(len));
        let pad = f.width.unwrap_or(0).saturating_sub(len);
        let align = if f.fill_given || spec.chars().any(|c| matches!(c, '<' | '>' | '^')) {
            f.align
        } else {
            '<'
        };
        Ok(match align {
            '>' => (len, pad, 0, f.fill),
            '^' => (len, pad / 2, pad - pad / 2, f.fill),
            _ => (len, 0, pad, f.fill),
        })
    }

    /// `format(v, spec)` as a str object: `format` but for strs holding
    /// lone surrogates, which a Rust `String` cannot.
    pub fn format_to_value(&mut self, v: Value, spec: &str) -> PyResult {
        if let Some(s) = str_of(v).filter(|s| s.has_surrogates()) {
            if !self.heap.type_obj(v).is_heap_type() {
                return self.format_str_value(&s, spec);
            }
        }
        if let Some(code) = self.surrogate_char_format(v, spec) {
            return self.format_surrogate_char(code, spec);
        }
        let text = self.format(v, spec)?;
        Ok(self.heap.new_str_from_string(text))
    }

    /// The code point of `format(n, '...c')` when it is a lone surrogate.
    fn surrogate_char_format(&self, v: Value, spec: &str) -> Option<u32> {
        if !spec.ends_with('c') || self.heap.type_obj(v).is_heap_type() {
            return None;
        }
        let n = self.as_int(v)?.to_i64()?;
        u32::try_from(n).ok().filter(|&n| wtf8::is_surrogate(n))
    }

    /// `format(n, spec)` of a surrogate code point: laid out with a
    /// stand-in character (`String` cannot hold a surrogate), which is then
    /// swapped for the surrogate in the WTF-8 text.
    fn format_surrogate_char(&mut self, code: u32, spec: &str) -> PyResult {
        const STAND_IN: char = '\u{E000}';
        if spec.contains(STAND_IN) {
            return Err(self.value_error("format spec holds U+E000 beside a surrogate %c"));
        }
        let stand_in = Value::from_small_int(STAND_IN as i64).expect("a small int");
        let text = self.format(stand_in, spec)?;
        let mut out = Vec::with_capacity(text.len());
        for ch in text.chars() {
            let cp = if ch == STAND_IN { code } else { ch as u32 };
            wtf8::push_code_point(&mut out, cp);
        }
        Ok(self.heap.new_str_wtf8(&out))
    }

    /// `PrintExpr` in interactive mode: calls `sys.displayhook(v)`,
    /// whatever it is now (doctest replaces `sys.stdout`, code may
    /// replace the hook).
    pub fn print_expr(&mut self, v: Value) -> PyResult<()> {
        let name = self.heap.intern("displayhook");
        let hook = match self.get_attr(self.sys_module, name) {
            Ok(hook) => hook,
            Err(_) => {
                let runtime_error = self.heap.types().runtime_error;
                return Err(PyErr::new(&self.heap, runtime_error, "lost sys.displayhook"));
            }
        };
        self.call(hook, &[v]).map(|_| ())
    }

    /// The printed block of an uncaught SyntaxError (file, line, caret).
    pub fn syntax_error_block(&mut self, exc: Value) -> Option<String> {
        if !self.heap.is_instance(exc, self.heap.types().syntax_error) {
            return None;
        }
        let attrs = self.heap.attrs_of(exc, false)?;
        let get = |name: &str| attrs.get(self.heap.intern(name));
        let filename =
            get("filename").and_then(str_of).map(|s| s.to_string_lossy().into_owned())?;
        let lineno = get("lineno").and_then(|v| v.as_small_int())?;
        let offset = get("offset").and_then(|v| v.as_small_int());
        let text = get("text").and_then(str_of).map(|s| s.to_string_lossy().into_owned());
        let msg = get("msg")
            .and_then(str_of)
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let kind = match self.type_name(exc).as_str() {
            "IndentationError" => crate::parse::ErrorKind::IndentationError,
            "TabError" => crate::parse::ErrorKind::TabError,
            _ => crate::parse::ErrorKind::SyntaxError,
        };
        let err = crate::parse::SyntaxError {
            kind,
            msg,
            filename,
            lineno: lineno as u32,
            offset: offset.map(|o| o as u32),
            text,
        };
        Some(format!("{err}\n"))
    }
}

/// A heap address as CPython's `%p` prints it.
pub fn address(v: Value) -> String {
    format!("0x{:x}", v.bits() & crate::object::value::PAYLOAD_MASK)
}

/// Escapes non-ASCII characters as `ascii()` does.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let cp = c as u32;
        if cp < 128 {
            out.push(c);
        } else if cp < 256 {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp < 65536 {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    out
}

/// Code point `index` of str `object` as CPython's Unicode errors show it
/// (`\\xe9`, `\\u20ac`, `\\U0001f600`); `None` past the end or for a non-str.
fn escaped_code_point(object: Value, index: i64) -> Option<String> {
    let cp = str_of(object)?.code_points().nth(usize::try_from(index).ok()?)?;
    Some(match cp {
        0..=0xff => format!("\\x{cp:02x}"),
        0x100..=0xffff => format!("\\u{cp:04x}"),
        _ => format!("\\U{cp:08x}"),
    })
}
