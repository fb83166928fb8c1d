//! `compile`, `exec` and `eval`: source text to code objects, and code
//! objects run in a namespace.

use super::{arg_range, set_builtin, split_kwargs, unexpected_kw};
use crate::object::str::str_of;
use crate::object::Value;
use crate::parse::Mode;
use crate::vm::code::code_of;
use crate::vm::{PyResult, Vm};

use crate::modules::ast::{self, PYCF_ALLOW_TOP_LEVEL_AWAIT, PYCF_ONLY_AST};

/// The flags `compile()` accepts: the `__future__` features, `CO_NESTED`,
/// `PyCF_DONT_IMPLY_DEDENT`, `PyCF_ONLY_AST`, `PyCF_TYPE_COMMENTS`,
/// `PyCF_ALLOW_TOP_LEVEL_AWAIT` (CPython's `PyCF_MASK` and the rest).
const KNOWN_FLAGS: i64 = 0x1fe_0000 | 0x10 | 0x200 | 0x400 | 0x1000 | 0x2000;

pub fn install(vm: &mut Vm) {
    for (name, f) in
        [("compile", compile as crate::vm::function::NativeFn), ("exec", exec), ("eval", eval)]
    {
        let v = super::native(vm, name, f);
        set_builtin(vm, name, v);
    }
}

/// Parses `source` (str or bytes): the tree and the source bytes (which
/// compile errors quote).
fn parse_source(
    vm: &mut Vm,
    fname: &str,
    source: Value,
    filename: &str,
    mode: Mode,
) -> PyResult<(crate::parse::ast::Mod, Vec<u8>)> {
    let (text, parsed) = match (str_of(source), crate::object::bytes::bytes_of(source)) {
        (Some(s), _) => (
            s.as_utf8(&vm.heap)?.as_bytes().to_vec(),
            crate::parse::parse_str(s.as_utf8(&vm.heap)?, filename, mode),
        ),
        (_, Some(b)) => {
            let text = b.as_bytes().to_vec();
            let parsed = crate::parse::parse_bytes_as_string(&text, filename, mode);
            (text, parsed)
        }
        // Any other buffer (bytearray, memoryview, array) reads as bytes.
        _ => {
            let Some(text) = crate::modules::buffer::buffer_bytes(vm, source)? else {
                let what = if fname == "compile" { "AST object" } else { "code object" };
                return Err(
                    vm.type_error(&format!("{fname}() arg 1 must be a string, bytes or {what}"))
                );
            };
            let parsed = crate::parse::parse_bytes_as_string(&text, filename, mode);
            (text, parsed)
        }
    };
    if text.contains(&0) {
        return Err(vm.value_error("source code string cannot contain null bytes"));
    }
    let module = parsed.map_err(|e| vm.syntax_error_value(&e))?;
    Ok((module, text))
}

/// How `compile()` was asked to compile: the `-O` level and its flags.
#[derive(Clone, Copy)]
struct Options {
    optimize: u8,
    flags: i64,
}

/// Compiles a tree to a code object.
fn compile_tree(
    vm: &mut Vm,
    module: &crate::parse::ast::Mod,
    text: &[u8],
    filename: &str,
    options: Options,
) -> PyResult {
    let top_level_await = options.flags & PYCF_ALLOW_TOP_LEVEL_AWAIT != 0;
    let optimize = u32::from(options.optimize);
    let (unit, warnings) =
        crate::compile::compile_with_flags(module, filename, optimize, top_level_await)
            .map_err(|e| vm.compile_error_value(&e, text))?;
    for w in &warnings {
        issue_syntax_warning(vm, w, filename, text)?;
    }
    Ok(crate::vm::code::load_code(&vm.heap, vm.heap.types().code, &unit).value())
}

/// A compiler SyntaxWarning through the `warnings` filters; one the
/// filters turn into an error becomes a SyntaxError at the expression, as
/// CPython's `compiler_warn` does.
fn issue_syntax_warning(
    vm: &mut Vm,
    w: &crate::compile::warnings::SyntaxWarning,
    filename: &str,
    text: &[u8],
) -> PyResult<()> {
    let category = vm.heap.types().syntax_warning;
    match super::warn::warn_explicit(vm, category, &w.message, filename, w.lineno) {
        Err(e) if e.matches(&vm.heap, category) => {
            let err =
                crate::compile::CompileError::syntax(w.message.clone(), filename, w.lineno, w.col);
            Err(vm.compile_error_value(&err, text))
        }
        other => other,
    }
}

/// Parses and compiles `source` (str or bytes) to a code object.
fn compile_source(
    vm: &mut Vm,
    fname: &str,
    source: Value,
    filename: &str,
    mode: Mode,
    options: Options,
) -> PyResult {
    let (module, text) = parse_source(vm, fname, source, filename, mode)?;
    compile_tree(vm, &module, &text, filename, options)
}

/// `compile()` of an `_ast.AST` tree: CPython's checks of the tree, then
/// the compiler.
fn compile_ast(vm: &mut Vm, tree: Value, filename: &str, mode: Mode, options: Options) -> PyResult {
    let module = ast::from_python::mod_from_python(vm, tree, mode)?;
    if let Err(invalid) = ast::validate::validate_mod(&module) {
        return Err(if invalid.type_error {
            vm.type_error(&invalid.msg)
        } else {
            vm.value_error(&invalid.msg)
        });
    }
    compile_tree(vm, &module, b"", filename, options)
}

/// A file name as CPython's `PyUnicode_FSDecoder` takes it: str, bytes,
/// an `os.PathLike`, or (deprecated) another buffer such as a bytearray.
fn fs_decode(vm: &mut Vm, name: Value) -> PyResult<String> {
    let is_text = |v: Value| str_of(v).is_some() || crate::object::bytes::bytes_of(v).is_some();
    let path = match is_text(name) {
        true => name,
        false => match crate::modules::posix::call_fspath(vm, name)? {
            Some(path) => path,
            None => {
                let Some(b) = crate::modules::buffer::buffer_bytes(vm, name)? else {
                    return Err(vm.type_error(&format!(
                        "expected str, bytes or os.PathLike object, not {}",
                        vm.type_name(name)
                    )));
                };
                let msg = format!(
                    "path should be string, bytes, or os.PathLike, not {}",
                    vm.type_name(name)
                );
                let category = vm.heap.types().deprecation_warning;
                super::warn::warn(vm, category, &msg, 1)?;
                vm.heap.new_bytes(&b)
            }
        },
    };
    // `call_fspath` gives str or bytes.
    let text = match str_of(path) {
        Some(s) => s.as_utf8(&vm.heap)?.to_string(),
        None => crate::object::bytes::bytes_of(path)
            .map(|b| String::from_utf8_lossy(b.as_bytes()).into_owned())
            .unwrap_or_default(),
    };
    if text.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    Ok(text)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
fn compile(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    const NAMES: [&str; 7] =
        ["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"];
    let (positional, keywords) = split_kwargs(args, kwnames);
    if positional.len() > 6 {
        return Err(vm.type_error(&format!(
            "compile() takes at most 6 arguments ({} given)",
            positional.len()
        )));
    }
    let mut slots: [Option<Value>; 7] = [None; 7];
    for (i, &v) in positional.iter().enumerate() {
        slots[i] = Some(v);
    }
    // `_PyArg_UnpackKeywords` reports a missing argument before an
    // unknown keyword.
    let mut unknown = None;
    for (name, v) in keywords {
        let Some(i) = NAMES.iter().position(|n| *n == name) else {
            unknown.get_or_insert(name);
            continue;
        };
        if slots[i].is_some() {
            return Err(vm.type_error(&format!(
                "argument for compile() given by name ('{name}') and position ({})",
                i + 1
            )));
        }
        slots[i] = Some(v);
    }
    for (i, name) in NAMES.iter().enumerate().take(3) {
        if slots[i].is_none() {
            return Err(vm.type_error(&format!(
                "compile() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
    }
    if let Some(name) = unknown {
        return Err(unexpected_kw(vm, "compile", &name));
    }
    let (source, filename, mode) = (slots[0].unwrap_or(Value::NONE), slots[1], slots[2]);
    let filename = fs_decode(vm, filename.unwrap_or(Value::NONE))?;
    let Some(mode) = mode.and_then(str_of) else {
        return Err(vm.type_error(&format!(
            "compile() argument 'mode' must be str, not {}",
            crate::builtins::str_methods::bad_argument_name(vm, mode.unwrap_or(Value::NONE))
        )));
    };
    let flags = match slots[3] {
        Some(f) => match vm.as_int(f).and_then(|i| i.to_i64()) {
            Some(n) => n,
            None => return Err(crate::builtins::int_required(vm, f)),
        },
        None => 0,
    };
    if flags & !KNOWN_FLAGS != 0 {
        return Err(vm.value_error("compile(): unrecognised flags"));
    }
    let only_ast = flags & PYCF_ONLY_AST != 0;
    let optimize = match slots[5] {
        None => -1,
        Some(v) => match vm.as_int(v).and_then(|i| i.to_i64()) {
            Some(n) => n,
            None => return Err(crate::builtins::int_required(vm, v)),
        },
    };
    let optimize = match optimize {
        -1 => crate::vm::import::optimize_level(),
        0..=2 => optimize as u8,
        _ => return Err(vm.value_error("compile(): invalid optimize value")),
    };
    let mode = match mode.as_utf8(&vm.heap)? {
        "exec" => Mode::Module,
        "eval" => Mode::Expression,
        "single" => Mode::Interactive,
        "func_type" if only_ast => return Err(vm.value_error(
            "compile() mode 'func_type' (function type comments) is not supported by tachyon yet",
        )),
        "func_type" => {
            return Err(vm.value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST"))
        }
        _ if only_ast => {
            return Err(
                vm.value_error("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")
            )
        }
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    if let Some(code) = code_of(source) {
        return Ok(code.value());
    }
    if ast::is_ast(vm, source)? {
        if only_ast {
            return Ok(source);
        }
        return compile_ast(vm, source, &filename, mode, Options { optimize, flags });
    }
    if only_ast {
        let (module, _) = parse_source(vm, "compile", source, &filename, mode)?;
        return ast::to_python::mod_to_python(vm, &module);
    }
    compile_source(vm, "compile", source, &filename, mode, Options { optimize, flags })
}

/// `exec(source, globals=None, locals=None)` and `eval(...)`.
fn exec_or_eval(vm: &mut Vm, args: &[Value], kwnames: &[Value], is_eval: bool) -> PyResult {
    let fname = if is_eval { "eval" } else { "exec" };
    let args = arg_range(vm, fname, args, kwnames, 1, 3)?;
    let caller = vm.caller_frame().map(|f| f.globals);
    let (mut globals, mut locals) = match caller {
        Some(g) => (g, vm.caller_locals()?),
        None => (vm.heap.new_dict(), Value::NONE),
    };
    if let Some(&g) = args.get(1) {
        if !g.is_none() {
            if !vm.is_dict(g) {
                let getitem = vm.names.dunder_getitem;
                return Err(vm.type_error(&match fname {
                    "eval" if vm.heap.lookup_in_type_of(g, getitem).is_some() => {
                        "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
                    }
                    "eval" => "globals must be a dict".to_string(),
                    _ => format!("{fname}() globals must be a dict, not {}", vm.type_name(g)),
                }));
            }
            globals = g;
            locals = g;
        }
    }
    if let Some(&l) = args.get(2) {
        if !l.is_none() {
            locals = l;
        }
    }
    let source = args[0];
    let code = match code_of(source) {
        // Nothing would fill the cells of its free variables (CPython 3.8
        // has no `closure` argument yet).
        Some(code) if !code.unit.frees.is_empty() => {
            return Err(vm.type_error(&format!(
                "code object passed to {fname}() may not contain free variables"
            )));
        }
        Some(code) => code.value(),
        None => {
            let mode = if is_eval { Mode::Expression } else { Mode::Module };
            // eval() ignores leading blanks (CPython strips them first).
            let stripped;
            let source = match str_of(source) {
                Some(s) if is_eval && s.as_utf8(&vm.heap)?.starts_with([' ', '\t']) => {
                    stripped =
                        vm.heap.new_str(s.as_utf8(&vm.heap)?.trim_start_matches([' ', '\t']));
                    stripped
                }
                _ => source,
            };
            compile_source(
                vm,
                fname,
                source,
                "<string>",
                mode,
                Options { optimize: crate::vm::import::optimize_level(), flags: 0 },
            )?
        }
    };
    if vm.dict_get_item(globals, vm.names.dunder_builtins)?.is_none() {
        // CPython puts the caller's builtins dict there.
        let builtins = match caller {
            Some(g) => vm.builtins_of(g)?,
            None => vm.builtins,
        };
        vm.dict_set_item(globals, vm.names.dunder_builtins, builtins)?;
    }
    let r = vm.with_temp(code, |vm| vm.run_code(code, globals, locals))?;
    Ok(if is_eval { r } else { Value::NONE })
}

fn exec(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    exec_or_eval(vm, args, kwnames, false)
}

fn eval(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    exec_or_eval(vm, args, kwnames, true)
}
