//! The import system: `import`, `from ... import`, relative imports,
//! packages, native modules, and running a module's source; plus reading
//! source lines for tracebacks.
//!
//! Modules are found by name in `sys.modules`, then among the native
//! modules (`crate::modules`), then as `NAME.py` or `NAME/__init__.py` on
//! `sys.path` (a package's `__path__` for submodules). A source module's
//! compiled code is kept in the code cache ([`cache`]).

pub mod cache;

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::atomic::{AtomicU8, Ordering};

use super::eval::frame_for;
use super::function::{module_of, ModuleObj};
use super::{PyResult, Vm};
use crate::bytecode::serialize::Stamp;
use crate::bytecode::CodeUnit;
use crate::object::list::list_of;
use crate::object::str::str_of;
use crate::object::{PyErr, Value};

/// The `-O` level of this process (`sys.flags.optimize`): what imported
/// modules, `exec`, `eval` and `compile(..., optimize=-1)` compile at. The
/// code cache keys its files on it, so code of different levels never mixes.
static OPTIMIZE: AtomicU8 = AtomicU8::new(0);

/// Sets the process's `-O` level; done once, before the first `Vm` is made.
pub fn set_optimize_level(level: u8) {
    OPTIMIZE.store(level, Ordering::Relaxed);
}

/// The process's `-O` level: 0, 1 (`-O`) or 2 (`-OO`).
pub fn optimize_level() -> u8 {
    OPTIMIZE.load(Ordering::Relaxed)
}

thread_local! {
    /// Source lines of files shown in tracebacks.
    static SOURCE_CACHE: RefCell<HashMap<String, Option<Vec<String>>>> = RefCell::new(HashMap::new());
}

/// Line `lineno` of file `filename`, for tracebacks.
pub fn source_line(filename: &str, lineno: u32) -> Option<String> {
    SOURCE_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let lines = cache.entry(filename.to_string()).or_insert_with(|| {
            let bytes = std::fs::read(filename).ok()?;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            Some(text.split_inclusive('\n').map(str::to_string).collect())
        });
        lines.as_ref()?.get(lineno.checked_sub(1)? as usize).cloned()
    })
}

/// Remembers a source text (for `-c` and stdin programs' tracebacks).
pub fn remember_source(filename: &str, text: &str) {
    SOURCE_CACHE.with(|cache| {
        cache.borrow_mut().insert(
            filename.to_string(),
            Some(text.split_inclusive('\n').map(str::to_string).collect()),
        );
    });
}

fn text_of(v: Value) -> String {
    str_of(v).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

impl Vm {
    /// A new module object named `name` with a fresh namespace.
    pub fn new_module(&mut self, name: &str) -> PyResult {
        let dict = self.heap.new_dict();
        let name_v = self.heap.new_str(name);
        let m = self
            .heap
            .alloc(self.heap.types().module, ModuleObj { dict, name: name_v, imported: true })
            .value();
        let mark = self.push_temp(m);
        let r = (|| {
            self.dict_set_item(dict, self.names.dunder_name, name_v)?;
            self.dict_set_item(dict, self.names.dunder_doc, Value::NONE)?;
            self.dict_set_item(dict, self.names.dunder_package, Value::NONE)?;
            self.dict_set_item(dict, self.names.dunder_loader, Value::NONE)?;
            self.dict_set_item(dict, self.names.dunder_spec, Value::NONE)
        })();
        self.truncate_temps(mark);
        r.map(|_| m)
    }

    /// Compiles `source` and runs it in module `module`'s namespace.
    pub fn exec_source_in(
        &mut self,
        source: &[u8],
        filename: &str,
        globals: Value,
        locals: Value,
    ) -> PyResult {
        let unit = if is_embedded_source(filename) {
            self.embedded_module_code(source, filename)?
        } else {
            self.compile_module_source(source, filename, optimize_level())?
        };
        let code = super::code::load_code(&self.heap, self.heap.types().code, &unit);
        self.run_code(code.value(), globals, locals)
    }

    /// The compiled code of one of the interpreter's own Python sources
    /// (named `<tachyon ...>`): from the code cache when it holds this text.
    fn embedded_module_code(&mut self, source: &[u8], filename: &str) -> PyResult<Rc<CodeUnit>> {
        // The interpreter's own modules stand for CPython's C modules, which
        // `-O` does not change: always compiled at level 0.
        let cache = cache::embedded_cache_path(filename, source, 0);
        let cache = cache.as_ref().map(|(path, stamp)| (path.as_path(), *stamp));
        self.cached_code(cache, filename, 0, |_| Ok(source.to_vec()))
    }

    /// Parses and compiles module source; a SyntaxError when it is not valid.
    fn compile_module_source(
        &mut self,
        source: &[u8],
        filename: &str,
        optimize: u8,
    ) -> PyResult<Rc<CodeUnit>> {
        let module = crate::parse::parse_bytes(source, filename, crate::parse::Mode::Module)
            .map_err(|e| self.syntax_error_value(&e))?;
        crate::compile::compile(&module, filename, u32::from(optimize))
            .map_err(|e| self.compile_error_value(&e, source))
    }

    /// Runs module-level code with the given namespaces.
    pub fn run_code(&mut self, code: Value, globals: Value, locals: Value) -> PyResult {
        let Some(code) = super::code::code_of(code) else {
            return Err(self.type_error("exec() arg 1 must be a string, bytes or code object"));
        };
        if self.dict_get_item(globals, self.names.dunder_builtins)?.is_none() {
            let b = self.builtins_module;
            self.dict_set_item(globals, self.names.dunder_builtins, b)?;
        }
        // Code that suspends (top-level await, or a generator function's
        // code) gives its generator or coroutine, unstarted, as CPython's
        // `PyEval_EvalCode` does.
        use crate::bytecode::CodeFlags;
        let suspends = CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR;
        if code.unit.flags.intersects(suspends) {
            return Ok(self.new_code_coroutine(code, globals, locals));
        }
        let base = self.stack.len();
        self.stack.resize(base + code.unit.slot_count as usize, Value::EMPTY);
        self.frames.push(frame_for(code, base, globals, locals, Value::NONE));
        self.depth += 1;
        let r = self.eval_frame();
        self.depth -= 1;
        self.pop_frame();
        self.stack.truncate(base);
        r
    }

    /// A SyntaxError exception from a parse error.
    pub fn syntax_error_value(&mut self, e: &crate::parse::SyntaxError) -> PyErr {
        let t = self.heap.types();
        let ty = match e.kind {
            crate::parse::ErrorKind::SyntaxError => t.syntax_error,
            crate::parse::ErrorKind::IndentationError => t.indentation_error,
            crate::parse::ErrorKind::TabError => t.tab_error,
        };
        let err = PyErr::new(&self.heap, ty, &e.msg);
        let exc = err.exception();
        if let Some(attrs) = self.heap.attrs_of(exc, true) {
            let set = |vm: &Vm, name: &str, v: Value| attrs.set(&vm.heap, vm.heap.intern(name), v);
            set(self, "msg", self.heap.new_str(&e.msg));
            set(self, "filename", self.heap.new_str(&e.filename));
            set(self, "lineno", Value::from_small_int(e.lineno as i64).unwrap_or(Value::NONE));
            set(
                self,
                "offset",
                e.offset.map_or(Value::NONE, |o| {
                    Value::from_small_int(o as i64).unwrap_or(Value::NONE)
                }),
            );
            set(self, "text", e.text.as_deref().map_or(Value::NONE, |t| self.heap.new_str(t)));
            set(self, "print_file_and_line", Value::NONE);
        }
        // CPython's args: (msg, (filename, lineno, offset, text)).
        if let Some(x) = crate::object::exception::exception_of(exc) {
            let attr = |vm: &Vm, name: &str| {
                vm.heap.attrs_of(exc, false).and_then(|a| a.get(vm.heap.intern(name)))
            };
            let details: Vec<Value> = ["filename", "lineno", "offset", "text"]
                .iter()
                .map(|n| attr(self, n).unwrap_or(Value::NONE))
                .collect();
            let details = self.heap.new_tuple(&details);
            let msg = self.heap.new_str(&e.msg);
            x.args.set(self.heap.new_tuple(&[msg, details]));
        }
        err
    }

    /// A SyntaxError exception from a compile error.
    pub fn compile_error_value(
        &mut self,
        e: &crate::compile::CompileError,
        source: &[u8],
    ) -> PyErr {
        let text = String::from_utf8_lossy(source);
        let mut se = crate::parse::SyntaxError::at(
            crate::parse::ErrorKind::SyntaxError,
            e.msg.clone(),
            &e.filename,
            &text,
            e.lineno,
            e.col,
        );
        if e.caret_one_left {
            se.offset = se.offset.map(|o| o.saturating_sub(1));
        }
        // CPython reads the text of a compiler (not parser) error back from
        // the file named: source compiled from a string has none, nor has
        // line 0.
        if e.lineno == 0 || !std::path::Path::new(&e.filename).is_file() {
            se.text = None;
        }
        self.syntax_error_value(&se)
    }

    /// `ImportName`: `__import__(name, globals, None, fromlist, level)`.
    pub fn import_name(
        &mut self,
        name: Value,
        globals: Value,
        fromlist: Value,
        level: u16,
    ) -> PyResult {
        let name_text = text_of(name);
        let absolute = self.resolve_name(&name_text, globals, level)?;
        let module = self.import_module(&absolute)?;
        let has_fromlist = !fromlist.is_none()
            && crate::object::tuple::tuple_of(fromlist).is_some_and(|t| !t.is_empty());
        if has_fromlist {
            // Submodules named in the fromlist are imported too.
            if self.module_is_package(module) {
                let mut items = crate::object::tuple::tuple_of(fromlist)
                    .map(|t| t.items().to_vec())
                    .unwrap_or_default();
                // `from pkg import *` imports the submodules `__all__` names.
                if items.iter().any(|&i| text_of(i) == "*") {
                    let all = module_of(module)
                        .map(|m| self.dict_get_item(m.dict, self.names.dunder_all))
                        .transpose()?
                        .flatten();
                    if let Some(all) = all {
                        items.extend(self.collect_iterable(all)?);
                    }
                }
                for item in items {
                    let sub = text_of(item);
                    if sub == "*" || self.module_has_attr(module, item)? {
                        continue;
                    }
                    match self.import_module(&format!("{absolute}.{sub}")) {
                        Ok(_) => {}
                        Err(e)
                            if e.matches(&self.heap, self.heap.types().module_not_found_error) => {}
                        Err(e) => return Err(e),
                    }
                }
            }
            return Ok(module);
        }
        if level == 0 {
            let top = absolute.split('.').next().unwrap_or("");
            return self.sys_module(top).map(|m| m.unwrap_or(module));
        }
        // `from . import x` handled above; `import .x` is not Python.
        Ok(module)
    }

    fn module_has_attr(&mut self, module: Value, name: Value) -> PyResult<bool> {
        match self.get_attr(module, name) {
            Ok(_) => Ok(true),
            Err(e) if e.matches(&self.heap, self.heap.types().attribute_error) => Ok(false),
            Err(e) => Err(e),
        }
    }

    fn module_is_package(&mut self, module: Value) -> bool {
        module_of(module).is_some_and(|m| {
            self.dict_get_str_fast(m.dict, self.names.dunder_path).flatten().is_some()
        })
    }

    /// The absolute module name of a (possibly relative) import: CPython
    /// 3.8's `resolve_name`, which takes the package from `__package__`,
    /// else `__spec__.parent`, else (with an ImportWarning) `__name__` and
    /// `__path__`. `globals` is empty when `__import__` was given none.
    fn resolve_name(&mut self, name: &str, globals: Value, level: u16) -> PyResult<String> {
        if level == 0 {
            if name.is_empty() {
                return Err(self.value_error("Empty module name"));
            }
            return Ok(name.to_string());
        }
        if globals.is_empty() {
            let key = self.heap.new_str("'__name__' not in globals");
            return Err(PyErr::key_error(&self.heap, key));
        }
        if !self.is_dict(globals) {
            return Err(self.type_error("globals must be a dict"));
        }
        let package = self.package_of_globals(globals)?;
        let no_parent = |vm: &Vm| {
            PyErr::import_error(&vm.heap, "attempted relative import with no known parent package")
        };
        let Some(package) = package.filter(|p| !p.is_empty()) else {
            return Err(no_parent(self));
        };
        let mut parts: Vec<&str> = package.split('.').collect();
        if (level as usize) > parts.len() {
            return Err(self.value_error("attempted relative import beyond top-level package"));
        }
        parts.truncate(parts.len() + 1 - level as usize);
        let base = parts.join(".");
        Ok(if name.is_empty() { base } else { format!("{base}.{name}") })
    }

    /// The package a relative import in a module with namespace `globals`
    /// is relative to; None when `__name__` has no parent.
    fn package_of_globals(&mut self, globals: Value) -> PyResult<Option<String>> {
        let import_warning = self.heap.types().import_warning;
        let package =
            self.dict_get_item(globals, self.names.dunder_package)?.filter(|v| !v.is_none());
        let spec_key = self.heap.intern("__spec__");
        let spec = self.dict_get_item(globals, spec_key)?.filter(|v| !v.is_none());
        let parent_key = self.heap.intern("parent");
        if let Some(p) = package {
            let Some(text) = str_of(p) else {
                return Err(self.type_error("package must be a string"));
            };
            let text = text.to_string_lossy().into_owned();
            if let Some(spec) = spec {
                let parent = self.get_attr(spec, parent_key)?;
                if !self.keys_equal(p, parent)? {
                    let msg = "__package__ != __spec__.parent";
                    crate::builtins::warn::warn(self, import_warning, msg, 1)?;
                }
            }
            return Ok(Some(text));
        }
        if let Some(spec) = spec {
            let parent = self.get_attr(spec, parent_key)?;
            return match str_of(parent) {
                Some(t) => Ok(Some(t.to_string_lossy().into_owned())),
                None => Err(self.type_error("__spec__.parent must be a string")),
            };
        }
        let msg = "can't resolve package from __spec__ or __package__, falling back on __name__ and __path__";
        crate::builtins::warn::warn(self, import_warning, msg, 1)?;
        let Some(module_name) = self.dict_get_item(globals, self.names.dunder_name)? else {
            let key = self.heap.new_str("'__name__' not in globals");
            return Err(PyErr::key_error(&self.heap, key));
        };
        let Some(module_name) = str_of(module_name) else {
            return Err(self.type_error("__name__ must be a string"));
        };
        let module_name = module_name.to_string_lossy().into_owned();
        if self.dict_get_item(globals, self.names.dunder_path)?.is_some() {
            return Ok(Some(module_name));
        }
        Ok(module_name.rsplit_once('.').map(|(p, _)| p.to_string()))
    }

    fn sys_module(&mut self, name: &str) -> PyResult<Option<Value>> {
        let key = self.heap.new_str(name);
        let found = self.dict_get_item(self.modules, key)?;
        Ok(found.filter(|v| !v.is_none()))
    }

    /// Imports `name` (absolute, dotted) and returns that module.
    pub fn import_module(&mut self, name: &str) -> PyResult {
        let key = self.heap.new_str(name);
        match self.dict_get_item(self.modules, key)? {
            Some(m) if m.is_none() => {
                return Err(self.module_not_found(
                    name,
                    &format!("import of {name} halted; None in sys.modules"),
                ))
            }
            Some(m) => return Ok(m),
            None => {}
        }
        let (parent, search_path) = match name.rsplit_once('.') {
            Some((parent_name, _)) => {
                let parent = self.import_module(parent_name)?;
                if let Some(m) = self.sys_module(name)? {
                    return Ok(m);
                }
                let path = module_of(parent)
                    .and_then(|m| self.dict_get_str_fast(m.dict, self.names.dunder_path).flatten());
                let Some(path) = path else {
                    return Err(self.module_not_found(
                        name,
                        &format!("No module named '{name}'; '{parent_name}' is not a package"),
                    ));
                };
                (Some(parent), self.path_entries(path))
            }
            None => {
                if let Some(m) = crate::modules::create(self, name)? {
                    return Ok(m);
                }
                if let Some(m) = self.import_through_os(name)? {
                    return Ok(m);
                }
                (None, self.path_entries(self.sys_path))
            }
        };
        let short = name.rsplit('.').next().unwrap_or(name);
        for dir in &search_path {
            let package_init = dir.join(short).join("__init__.py");
            if package_init.is_file() {
                let module =
                    self.load_source_module(name, &package_init, Some(&dir.join(short)))?;
                self.bind_submodule(parent, short, module)?;
                return Ok(module);
            }
            let file = dir.join(format!("{short}.py"));
            if file.is_file() {
                let module = self.load_source_module(name, &file, None)?;
                self.bind_submodule(parent, short, module)?;
                return Ok(module);
            }
        }
        if crate::modules::is_known_c_module(name) {
            return Err(self.module_not_found(
                name,
                &format!(
                    "No module named '{name}' (a C extension module tachyon does not provide yet)"
                ),
            ));
        }
        Err(self.module_not_found(name, &format!("No module named '{name}'")))
    }

    /// `genericpath` and `posixpath` form a cycle with `os` that CPython
    /// never meets, since its `site` imports `os` at start-up: imported
    /// first, `genericpath` would be half made when `posixpath` reads it.
    /// Tachyon loads nothing at start-up, so they go through `os`, as there.
    fn import_through_os(&mut self, name: &str) -> PyResult<Option<Value>> {
        if !matches!(name, "genericpath" | "posixpath") || self.import_module("os").is_err() {
            return Ok(None);
        }
        self.sys_module(name)
    }

    fn bind_submodule(
        &mut self,
        parent: Option<Value>,
        short: &str,
        module: Value,
    ) -> PyResult<()> {
        if let Some(p) = parent {
            let key = self.heap.intern(short);
            self.set_attr(p, key, module)?;
        }
        Ok(())
    }

    fn module_not_found(&mut self, name: &str, msg: &str) -> PyErr {
        let err = PyErr::module_not_found_error(&self.heap, msg);
        let exc = err.exception();
        self.store_exception_field(exc, "name", self.heap.new_str(name));
        self.store_exception_field(exc, "path", Value::NONE);
        self.store_exception_field(exc, "msg", self.heap.new_str(msg));
        err
    }

    /// The directories of a path list value.
    pub(crate) fn path_entries(&self, path: Value) -> Vec<PathBuf> {
        list_of(path)
            .map(|l| l.items.to_vec())
            .unwrap_or_default()
            .into_iter()
            .filter_map(|v| {
                str_of(v).and_then(|s| {
                    s.to_str().ok().map(|s| PathBuf::from(if s.is_empty() { "." } else { s }))
                })
            })
            .collect()
    }

    /// Creates, registers and runs a module from a source file.
    fn load_source_module(
        &mut self,
        name: &str,
        file: &Path,
        package_dir: Option<&Path>,
    ) -> PyResult {
        let filename = file.display().to_string();
        let cache_path = cache::cache_path(file, optimize_level());
        let unit = self.module_code(file, &filename, cache_path.as_deref())?;
        let module = self.new_module(name)?;
        let mark = self.push_temp(module);
        let r = (|| {
            let dict = module_of(module).expect("a module").dict;
            let file_v = self.heap.new_str(&filename);
            self.dict_set_item(dict, self.names.dunder_file, file_v)?;
            // As CPython: where the cache file is (or would be), even when none is written.
            let cached = cache_path
                .as_ref()
                .map_or(Value::NONE, |p| self.heap.new_str(&p.display().to_string()));
            self.dict_set_item(dict, self.heap.intern("__cached__"), cached)?;
            let package = match package_dir {
                Some(dir) => {
                    let path = self.heap.new_str(&dir.display().to_string());
                    let list = self.heap.new_list(&[path]);
                    self.dict_set_item(dict, self.names.dunder_path, list)?;
                    name.to_string()
                }
                None => name.rsplit_once('.').map_or(String::new(), |(p, _)| p.to_string()),
            };
            let package_v = self.heap.new_str(&package);
            self.dict_set_item(dict, self.names.dunder_package, package_v)?;
            let key = self.heap.new_str(name);
            self.dict_set_item(self.modules, key, module)?;
            let code = super::code::load_code(&self.heap, self.heap.types().code, &unit);
            self.jit.importing += 1;
            let ran = self.run_code(code.value(), dict, dict);
            self.jit.importing -= 1;
            if let Err(e) = ran {
                let key = self.heap.new_str(name);
                let _ = self.dict_del_item(self.modules, key);
                return Err(e);
            }
            // The module may have replaced itself in sys.modules.
            Ok(self.sys_module(name)?.unwrap_or(module))
        })();
        self.truncate_temps(mark);
        r
    }

    /// The compiled code of the module source `file`.
    fn module_code(
        &mut self,
        file: &Path,
        filename: &str,
        cache_path: Option<&Path>,
    ) -> PyResult<Rc<CodeUnit>> {
        // Stamped before reading, so that an edit made meanwhile leaves a
        // stale entry, never a wrong one.
        let optimize = optimize_level();
        let cache = cache_path.zip(cache::stamp_of(file, optimize));
        self.cached_code(cache, filename, optimize, |vm| {
            std::fs::read(file).map_err(|e| {
                PyErr::import_error(&vm.heap, &format!("cannot read {}: {e}", file.display()))
            })
        })
    }

    /// Code from the code cache file `cache` when it holds code for its
    /// stamp, else compiled at `-O` level `optimize` from the source
    /// `read_source` gives (and cached unless `sys.dont_write_bytecode`).
    fn cached_code(
        &mut self,
        cache: Option<(&Path, Stamp)>,
        filename: &str,
        optimize: u8,
        read_source: impl FnOnce(&mut Vm) -> PyResult<Vec<u8>>,
    ) -> PyResult<Rc<CodeUnit>> {
        let shared_name: Rc<str> = Rc::from(filename);
        if let Some(unit) = cache.and_then(|(path, stamp)| cache::load(path, stamp, &shared_name)) {
            return Ok(unit);
        }
        let source = read_source(self)?;
        let unit = self.compile_module_source(&source, filename, optimize)?;
        if let Some((path, stamp)) = cache {
            if !self.dont_write_bytecode() {
                cache::store(path, stamp, &unit);
            }
        }
        Ok(unit)
    }

    /// `sys.dont_write_bytecode`, read at each write as CPython does.
    fn dont_write_bytecode(&mut self) -> bool {
        let Some(sys) = module_of(self.sys_module) else { return true };
        let key = self.heap.intern("dont_write_bytecode");
        match self.dict_get_str_fast(sys.dict, key).flatten() {
            Some(v) => self.is_true(v).unwrap_or(true),
            None => false,
        }
    }

    /// `ImportFrom`: `module.name`, or the submodule `module.name`.
    pub fn import_from(&mut self, module: Value, name: Value) -> PyResult {
        match self.get_attr(module, name) {
            Ok(v) => Ok(v),
            Err(e) if e.matches(&self.heap, self.heap.types().attribute_error) => {
                let module_name = module_of(module).map(|m| text_of(m.name)).unwrap_or_default();
                let full = format!("{module_name}.{}", text_of(name));
                if let Some(m) = self.sys_module(&full)? {
                    return Ok(m);
                }
                let file = module_of(module)
                    .and_then(|m| self.dict_get_str_fast(m.dict, self.names.dunder_file).flatten())
                    .map(text_of);
                let location = file.unwrap_or_else(|| "unknown location".to_string());
                Err(PyErr::import_error(
                    &self.heap,
                    &format!(
                        "cannot import name '{}' from '{module_name}' ({location})",
                        text_of(name)
                    ),
                ))
            }
            Err(e) => Err(e),
        }
    }

    /// `from module import *` into `locals`.
    pub fn import_star(&mut self, module: Value, locals: Value) -> PyResult<()> {
        let Some(m) = module_of(module) else {
            return Err(self.type_error("import * needs a module"));
        };
        let all = self.dict_get_item(m.dict, self.names.dunder_all)?;
        let names: Vec<Value> = match all {
            Some(a) => self.collect_iterable(a)?,
            None => self
                .dict_items(m.dict)
                .into_iter()
                .map(|(k, _)| k)
                .filter(|k| !text_of(*k).starts_with('_'))
                .collect(),
        };
        for n in names {
            let v = self.get_attr(module, n)?;
            self.store_subscr_mapping(locals, n, v)?;
        }
        Ok(())
    }
}

/// Whether `filename` names one of the interpreter's own Python sources
/// (`<tachyon zlib>`...), the stand-ins for CPython's C modules.
pub(crate) fn is_embedded_source(filename: &str) -> bool {
    filename.starts_with("<tachyon")
}
