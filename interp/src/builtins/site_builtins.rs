//! `exit`, `quit`, `help`, `copyright`, `credits` and `license`: the names
//! CPython's `site` module adds to builtins (from `_sitebuiltins`). Tachyon
//! imports no `site` at start-up, so they are made here, natively, at no
//! start-up cost worth measuring.

use crate::builtins::{add_method, set_builtin, set_type_attr, split_kwargs};
use crate::object::attrmap::AttrMap;
use crate::object::types::TypeObj;
use crate::object::{Gc, PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

const CREDITS: &str =
    "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n    \
for supporting Python development.  See www.python.org for more information.";
const LICENSE_CALLED: &str = "See https://www.python.org/psf/license/";
const HELP_REPR: &str = "Type help() for interactive help, or help(object) for help about object.";

/// Installs the six names into builtins.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let quitter = new_class(vm, "Quitter", quitter_repr, quitter_call)?;
    for (name, eof) in [("quit", "Ctrl-D (i.e. EOF)"), ("exit", "Ctrl-D (i.e. EOF)")] {
        let text = format!("Use {name}() or {eof} to exit");
        let obj = new_instance(vm, quitter, &text);
        set_builtin(vm, name, obj);
    }
    let printer = new_class(vm, "_Printer", printer_repr, printer_call)?;
    for (name, text) in [("copyright", crate::modules::sys::COPYRIGHT), ("credits", CREDITS)] {
        let obj = new_instance(vm, printer, text);
        set_builtin(vm, name, obj);
    }
    let license = new_instance(vm, printer, "Type license() to see the full license text");
    let called = vm.heap.new_str(LICENSE_CALLED);
    set_attr(vm, license, "_called", called);
    set_builtin(vm, "license", license);
    let helper = new_class(vm, "_Helper", printer_repr, helper_call)?;
    let help = new_instance(vm, helper, HELP_REPR);
    set_builtin(vm, "help", help);
    Ok(())
}

fn new_class(vm: &mut Vm, name: &str, repr: NativeFn, call: NativeFn) -> PyResult {
    let ty = vm.heap.new_class(vm.heap.types().type_, name, &[], AttrMap::new())?;
    vm.heap.add_permanent_root(ty);
    let module = vm.heap.new_str("_sitebuiltins");
    set_type_attr(vm, ty, "__module__", module);
    add_method(vm, ty, "__repr__", repr);
    add_method(vm, ty, "__call__", call);
    Ok(ty)
}

fn new_instance(vm: &mut Vm, ty: Value, text: &str) -> Value {
    let t = Gc::<TypeObj>::from_value(ty).expect("a class");
    let obj = vm.heap.new_instance(t);
    let text = vm.heap.new_str(text);
    set_attr(vm, obj, "_text", text);
    obj
}

fn set_attr(vm: &Vm, obj: Value, name: &str, v: Value) {
    let attrs = vm.heap.attrs_of(obj, true).expect("an instance");
    attrs.set(&vm.heap, vm.heap.intern(name), v);
}

fn attr(vm: &Vm, obj: Value, name: &str) -> Option<Value> {
    vm.heap.attrs_of(obj, false).and_then(|a| a.get(vm.heap.intern(name)))
}

fn text_of(vm: &Vm, obj: Value) -> Value {
    attr(vm, obj, "_text").unwrap_or(Value::NONE)
}

fn quitter_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(text_of(vm, args[0]))
}

/// `exit(code=None)`: closes `sys.stdin` as CPython does, then SystemExit.
fn quitter_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kwargs(args, kw);
    if pos.len() + kws.len() > 2 {
        let n = pos.len() + kws.len() - 1;
        return Err(vm.type_error(&format!(
            "__call__() takes from 1 to 2 positional arguments but {} were given",
            n + 1
        )));
    }
    let code = pos.get(1).copied().or(kws.first().map(|(_, v)| *v)).unwrap_or(Value::NONE);
    if let Ok(stdin) = crate::modules::sys::sys_attr(vm, "stdin") {
        let _ = vm.call_method_by_name(stdin, "close", &[]);
    }
    let exit = vm.heap.types().system_exit;
    Err(PyErr::with_args(&vm.heap, exit, &[code]))
}

fn printer_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(text_of(vm, args[0]))
}

/// `copyright()`, `credits()`, `license()`: print the text.
fn printer_call(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let text = attr(vm, args[0], "_called").unwrap_or_else(|| text_of(vm, args[0]));
    let text = vm.str_of_value(text)?;
    let stdout = crate::modules::sys::stdout_object(vm)?;
    crate::modules::sys::write_to(vm, stdout, &format!("{text}\n"))?;
    Ok(Value::NONE)
}

/// `help(...)`: `pydoc.help(...)`.
fn helper_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let pydoc = vm.import_module("pydoc")?;
    let mark = vm.push_temp(pydoc);
    let result = (|| {
        let key = vm.heap.intern("help");
        let help = vm.get_attr(pydoc, key)?;
        vm.call_kw(help, &args[1..], kw)
    })();
    vm.truncate_temps(mark);
    result
}
