//! `_pickle`: CPython's pickle accelerator. `pickle.py` (`_pickle`'s
//! Python half) defines the classes and functions pickle.py imports;
//! `_tachyon_pickle` (this module) does their work in Rust.
//!
//! | file | owns |
//! |---|---|
//! | [`opcodes`] | the opcode bytes and framing constants |
//! | [`pickler`] | writing: atoms, containers, memo, frames, batches |
//! | [`globals`] | writing: globals by name and the reduce protocol |
//! | [`scratch`] | writing: the memo table and output buffer, reused |
//! | [`unpickler`] | reading: the opcode machine, stack, marks and memo |

pub mod globals;
pub mod opcodes;
pub mod pickler;
mod scratch;
pub mod unpickler;

use std::borrow::Cow;

use crate::object::bytes::{bytearray_of, bytes_of};
use crate::object::dict::dict_of;
use crate::object::list::list_of;
use crate::object::str::str_of;
use crate::object::{PyErr, Value};
use crate::vm::{PyResult, Vm};
use pickler::Pickler;
use unpickler::Unpickler;

/// The native half, `_tachyon_pickle`.
pub fn create(vm: &mut Vm) -> PyResult {
    super::native_module(vm, "_tachyon_pickle", |vm, module| {
        super::add_functions(
            vm,
            module,
            &[("dumps", dumps), ("dump", dump), ("loads", loads), ("load", load)],
        )
    })
}

/// The Python half, `_pickle`.
pub fn create_python_half(vm: &mut Vm) -> PyResult {
    let module = super::python_module(vm, "_pickle", include_str!("pickle.py"))?;
    // `dumps`, `loads`, ... are builtin functions in CPython.
    super::as_builtin_functions(vm, module)?;
    Ok(module)
}

/// `getattr(obj, name)`, `None` on AttributeError.
pub(crate) fn attr_opt(vm: &mut Vm, obj: Value, name: &str) -> PyResult<Option<Value>> {
    let key = vm.heap.intern(name);
    match vm.get_attr(obj, key) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&vm.heap, vm.heap.types().attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `module.name`, importing `module`.
pub(crate) fn support_attr(vm: &mut Vm, module: &str, name: &str) -> PyResult {
    super::support::module_attr(vm, module, name)
}

pub(crate) fn pickling_error(vm: &mut Vm, msg: &str) -> PyErr {
    super::support::module_error(vm, "_pickle", "PicklingError", msg)
}

pub(crate) fn unpickling_error(vm: &mut Vm, msg: &str) -> PyErr {
    super::support::module_error(vm, "_pickle", "UnpicklingError", msg)
}

fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).copied().unwrap_or(Value::NONE)
}

fn proto_of(vm: &mut Vm, v: Value) -> PyResult<u8> {
    match crate::object::boxes::int_to_i64(v) {
        Some(p) if (0..=opcodes::HIGHEST_PROTOCOL as i64).contains(&p) => Ok(p as u8),
        _ => Err(vm.value_error("pickle protocol must be <= 5")),
    }
}

/// `dumps(obj, proto, fix_imports, buffer_callback)`: the bytes.
fn dumps(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let obj = arg(args, 0);
    let proto = proto_of(vm, arg(args, 1))?;
    let fix_imports = vm.is_true(arg(args, 2))?;
    let memo = vm.heap.new_list(&[]);
    let mark = vm.push_temp(memo);
    let r = Pickler::new(vm, proto, fix_imports, false, memo).dump(vm, obj);
    vm.truncate_temps(mark);
    r
}

/// `dump(pickler, obj)`: the bytes of `obj` pickled with the settings,
/// hooks and memo of the Python `Pickler` object.
fn dump(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let (pickler, obj) = (arg(args, 0), arg(args, 1));
    let mark = vm.push_temp(pickler);
    let r = dump_with(vm, pickler, obj);
    vm.truncate_temps(mark);
    r
}

fn dump_with(vm: &mut Vm, pickler: Value, obj: Value) -> PyResult {
    let setting = |vm: &mut Vm, name: &str| -> PyResult {
        attr_opt(vm, pickler, name)?.ok_or_else(|| {
            let msg = format!(
                "Pickler.__init__() was not called by {}.__init__()",
                vm.type_name(pickler)
            );
            pickling_error(vm, &msg)
        })
    };
    let proto = setting(vm, "_tachyon_proto")?;
    let proto = proto_of(vm, proto)?;
    let fix_imports = setting(vm, "_tachyon_fix_imports")?;
    let fix_imports = vm.is_true(fix_imports)?;
    let fast = match attr_opt(vm, pickler, "fast")? {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let memo = setting(vm, "_tachyon_memo")?;
    if list_of(memo).is_none() || vm.heap.type_of(memo) != vm.heap.types().list {
        return Err(vm.type_error("the pickler's memo must be a list"));
    }
    vm.push_temp(memo);
    let mut p = Pickler::new(vm, proto, fix_imports, fast, memo);
    for (name, slot) in [
        ("persistent_id", &mut p.persistent_id),
        ("reducer_override", &mut p.reducer_override),
        ("dispatch_table", &mut p.dispatch_table),
    ] {
        if let Some(v) = attr_opt(vm, pickler, name)? {
            vm.push_temp(v);
            *slot = Some(v);
        }
    }
    p.dump(vm, obj)
}

/// `loads(data, fix_imports, encoding, errors, buffers)`.
fn loads(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let data = arg(args, 0);
    let mut u = Unpickler::new(None, None);
    match (bytes_of(data), bytearray_of(data)) {
        (Some(b), _) => u.input.data.extend_from_slice(b.as_bytes()),
        (None, Some(b)) => u.input.data.extend_from_slice(&b.data.borrow()),
        _ => return Err(vm.type_error("a bytes-like object is required")),
    }
    u.fix_imports = vm.is_true(arg(args, 1))?;
    u.encoding = text_arg(arg(args, 2), "ASCII");
    u.errors = text_arg(arg(args, 3), "strict");
    let buffers = arg(args, 4);
    u.buffers = (!buffers.is_none()).then_some(buffers);
    let mark = vm.push_temp(buffers);
    let r = u.load(vm);
    vm.truncate_temps(mark);
    r
}

/// The text of `v`, else `default` (borrowed when equal, as it usually is).
fn text_arg(v: Value, default: &'static str) -> Cow<'static, str> {
    match str_of(v) {
        Some(s) if s.as_wtf8() != default.as_bytes() => {
            Cow::Owned(s.to_string_lossy().into_owned())
        }
        _ => Cow::Borrowed(default),
    }
}

/// `load(unpickler)`: one object from the Python `Unpickler`'s file.
fn load(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let obj = arg(args, 0);
    let mark = vm.push_temp(obj);
    let r = load_with(vm, obj);
    vm.truncate_temps(mark);
    r
}

fn load_with(vm: &mut Vm, obj: Value) -> PyResult {
    let read = attr_opt(vm, obj, "_tachyon_read")?;
    let readline = attr_opt(vm, obj, "_tachyon_readline")?;
    for v in [read, readline].into_iter().flatten() {
        vm.push_temp(v);
    }
    let mut u = Unpickler::new(read, readline);
    u.obj = Some(obj);
    if let Some(v) = attr_opt(vm, obj, "_tachyon_fix_imports")? {
        u.fix_imports = vm.is_true(v)?;
    }
    if let Some(v) = attr_opt(vm, obj, "_tachyon_encoding")? {
        u.encoding = text_arg(v, "ASCII");
    }
    if let Some(v) = attr_opt(vm, obj, "_tachyon_errors")? {
        u.errors = text_arg(v, "strict");
    }
    if let Some(v) = attr_opt(vm, obj, "_tachyon_buffers")? {
        vm.push_temp(v);
        u.buffers = (!v.is_none()).then_some(v);
    }
    let memo = attr_opt(vm, obj, "memo")?.filter(|m| dict_of(*m).is_some());
    if let Some(memo) = memo {
        vm.push_temp(memo);
        for (k, v) in vm.dict_items(memo) {
            if let Some(i) = crate::object::boxes::int_to_i64(k).filter(|i| *i >= 0) {
                u.memo_set(vm, i as usize, v);
            }
        }
    }
    let result = u.load(vm)?;
    vm.push_temp(result);
    if let Some(memo) = memo {
        for (i, v) in u.memo.iter().enumerate() {
            if let Some(v) = *v {
                let k = vm.heap.new_int_i64(i as i64);
                vm.dict_set_item(memo, k, v)?;
            }
        }
    }
    Ok(result)
}
