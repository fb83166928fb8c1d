//! Running a program: the `__main__` module, uncaught exceptions printed
//! as CPython prints them, `SystemExit`, and exit statuses.

use super::function::module_of;
use super::{PyResult, Vm};
use crate::object::exception::exception_of;
use crate::object::str::str_of;
use crate::object::{PyErr, Value};

impl Vm {
    /// A VM whose `sys.argv` is `argv`.
    pub fn with_argv(argv: Vec<String>) -> Vm {
        let mut vm = Vm::new();
        let values: Vec<Value> = argv.iter().map(|a| vm.heap.new_str(a)).collect();
        let list = vm.heap.new_list(&values);
        let key = vm.heap.intern("argv");
        if let Some(m) = module_of(vm.sys_module) {
            let _ = vm.dict_set_item(m.dict, key, list);
        }
        vm.argv = argv;
        vm
    }

    /// `sys.path`: the script's folder first, then the standard library.
    pub fn set_path0(&mut self, path0: &str) {
        let mut entries = vec![self.heap.new_str(path0)];
        if let Ok(extra) = std::env::var("PYTHONPATH") {
            for p in extra.split(':').filter(|p| !p.is_empty()) {
                entries.push(self.heap.new_str(p));
            }
        }
        if let Some(lib) = self.stdlib.clone() {
            entries.push(self.heap.new_str(&lib.display().to_string()));
        }
        if let Some(l) = crate::object::list::list_of(self.sys_path) {
            l.items.replace(&entries);
        }
    }

    /// Runs `source` as the `__main__` module; returns the exit status.
    pub fn run_main(&mut self, source: &[u8], filename: &str) -> i32 {
        let result = self.run_main_inner(source, filename, None);
        self.finish(result)
    }

    /// `-m name`, with runpy's semantics: the module's file runs as
    /// `__main__` (a package's `__main__` submodule), `sys.argv[0]` is
    /// that file's path and parent packages are imported first. A module
    /// that cannot be found is reported as CPython reports it (status 1).
    pub fn run_module_main(&mut self, name: &str) -> i32 {
        let found = match self.find_main_module(name) {
            Ok(found) => found,
            Err(err) => return self.finish(Err(err)),
        };
        let (path, package) = match found {
            Ok(found) => found,
            Err(message) => {
                let exe = std::env::current_exe()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|_| "tachyon".to_string());
                self.write_stderr(&format!("{exe}: {message}\n"));
                return 1;
            }
        };
        let filename = path.display().to_string();
        let source = match std::fs::read(&path) {
            Ok(source) => source,
            Err(e) => {
                self.write_stderr(&format!("tachyon: can't read {filename}: {e}\n"));
                return 1;
            }
        };
        let argv0 = self.heap.new_str(&filename);
        if let Some(argv) = module_of(self.sys_module).and_then(|m| {
            let key = self.heap.intern("argv");
            self.dict_get_item(m.dict, key).ok().flatten()
        }) {
            if let Some(l) = crate::object::list::list_of(argv) {
                if !l.items.is_empty() {
                    l.items.set(0, argv0);
                }
            }
        }
        let result = self.run_main_inner(&source, &filename, Some(&package));
        self.finish(result)
    }

    /// The file `-m name` runs and its package, or the message CPython
    /// gives when there is none.
    fn find_main_module(
        &mut self,
        name: &str,
    ) -> PyResult<Result<(std::path::PathBuf, String), String>> {
        let (package, short) = match name.rsplit_once('.') {
            Some((package, short)) => (package.to_string(), short),
            None => (String::new(), name),
        };
        let dirs = if package.is_empty() {
            self.path_entries(self.sys_path)
        } else {
            let parent = self.import_module(&package)?;
            let path = module_of(parent)
                .and_then(|m| self.dict_get_str_fast(m.dict, self.names.dunder_path).flatten());
            match path {
                Some(path) => self.path_entries(path),
                None => {
                    return Ok(Err(format!(
                        "Error while finding module specification for '{name}' \
                         (ModuleNotFoundError: __path__ attribute not found on '{package}' \
                         while trying to find '{name}')"
                    )))
                }
            }
        };
        for dir in dirs {
            if dir.join(short).join("__init__.py").is_file() {
                if let Some(package) = name.strip_suffix(".__main__") {
                    return Ok(Err(format!(
                        "Cannot use package as __main__ module; '{package}' is a package \
                         and cannot be directly executed"
                    )));
                }
                self.import_module(name)?;
                return self.find_main_module(&format!("{name}.__main__")).map(|found| {
                    found.map_err(|message| {
                        if message.starts_with("No module named") {
                            format!(
                                "No module named {name}.__main__; '{name}' is a package and \
                                 cannot be directly executed"
                            )
                        } else {
                            message
                        }
                    })
                });
            }
            let file = dir.join(format!("{short}.py"));
            if file.is_file() {
                let file = std::fs::canonicalize(&file).unwrap_or(file);
                return Ok(Ok((file, package)));
            }
        }
        Ok(Err(format!("No module named {name}")))
    }

    /// The exit status of a finished program, after the exit handlers.
    fn finish(&mut self, result: PyResult<()>) -> i32 {
        let interrupted = matches!(&result, Err(e)
            if e.matches(&self.heap, self.heap.types().keyboard_interrupt));
        let status = match result {
            Ok(()) => 0,
            Err(err) => self.report_uncaught(err),
        };
        self.run_exit_handlers();
        self.flush_open_files();
        self.flush_stdout();
        self.write_trace_dump();
        if interrupted {
            // As CPython: die of SIGINT so that the parent (a shell) knows.
            super::signals::die_of_sigint();
        }
        status
    }

    /// Runs the `atexit` handlers, if the program imported `atexit`: last
    /// registered first, each error reported as CPython reports it.
    pub fn run_exit_handlers(&mut self) {
        let key = self.heap.new_str("atexit");
        let Ok(Some(module)) = self.dict_get_item(self.modules, key) else { return };
        let mark = self.push_temp(module);
        while let Ok(handler) = self.call_method_by_name(module, "_pop", &[]) {
            if handler.is_none() {
                break;
            }
            self.push_temp(handler);
            let parts = crate::object::tuple::tuple_of(handler).map(|t| t.items().to_vec());
            let Some(&[func, args, kwargs]) = parts.as_deref() else { break };
            if let Err(err) = self.call_ex(func, args, Some(kwargs)) {
                let exc = err.exception();
                if !self.heap.is_instance(exc, self.heap.types().system_exit) {
                    self.flush_stdout();
                    let text = self.print_exception(exc);
                    self.write_stderr(&format!("Error in atexit._run_exitfuncs:\n{text}"));
                }
            }
            self.truncate_temps(mark + 1);
        }
        self.truncate_temps(mark);
    }

    /// Writes out what files opened by `_io` still buffer (CPython closes
    /// each when its last reference goes, at the latest at exit).
    pub fn flush_open_files(&mut self) {
        let key = self.heap.intern("_io");
        let Ok(Some(module)) = self.dict_get_item(self.modules, key) else { return };
        let Some(namespace) = module_of(module).and_then(|m| crate::object::dict::dict_of(m.dict))
        else {
            return;
        };
        let pending = namespace.get_str(self.heap.intern("_unflushed"));
        if pending
            .and_then(crate::object::dict::dict_of)
            .is_some_and(|d| d.table.borrow().is_empty())
        {
            return;
        }
        let mark = self.push_temp(module);
        let _ = self.call_method_by_name(module, "_flush_unflushed", &[]);
        self.truncate_temps(mark);
    }

    fn run_main_inner(
        &mut self,
        source: &[u8],
        filename: &str,
        package: Option<&str>,
    ) -> PyResult<()> {
        let module = self.new_module("__main__")?;
        self.heap.add_permanent_root(module);
        let dict = module_of(module).expect("a module").dict;
        let key = self.heap.new_str("__main__");
        let modules = self.modules;
        self.dict_set_item(modules, key, module)?;
        let builtins = self.builtins_module;
        self.dict_set_item(dict, self.names.dunder_builtins, builtins)?;
        if !filename.starts_with('<') {
            let file = self.heap.new_str(filename);
            self.dict_set_item(dict, self.names.dunder_file, file)?;
        }
        if let Some(package) = package {
            let package = self.heap.new_str(package);
            self.dict_set_item(dict, self.names.dunder_package, package)?;
        }
        // As CPython: `-m`'s module names its cache file, a script or stdin
        // has None, and `-c` has no `__cached__` at all.
        if filename != "<string>" {
            let cache_path = package.and_then(|_| {
                super::import::cache::cache_path(
                    std::path::Path::new(filename),
                    super::import::optimize_level(),
                )
            });
            let cached =
                cache_path.map_or(Value::NONE, |p| self.heap.new_str(&p.display().to_string()));
            let key = self.heap.intern("__cached__");
            self.dict_set_item(dict, key, cached)?;
        }
        self.exec_source_in(source, filename, dict, dict).map(|_| ())
    }

    /// Prints an exception that reached the top and gives the exit status
    /// (`SystemExit` decides its own).
    pub fn report_uncaught(&mut self, err: PyErr) -> i32 {
        self.flush_stdout();
        let exc = err.exception();
        if self.heap.is_instance(exc, self.heap.types().system_exit) {
            return self.system_exit_status(exc);
        }
        let text = self.print_exception(exc);
        self.write_stderr(&text);
        1
    }

    fn system_exit_status(&mut self, exc: Value) -> i32 {
        let args = exception_of(exc).map(|e| e.args()).unwrap_or_default();
        let code = match args.len() {
            0 => Value::NONE,
            1 => args[0],
            _ => exception_of(exc).map_or(Value::NONE, |e| e.args.get()),
        };
        if code.is_none() {
            return 0;
        }
        if let Some(i) = self.as_int(code) {
            return i.to_i64().map_or(-1, |n| n as i32);
        }
        let text = match str_of(code) {
            Some(s) => s.to_string_lossy().into_owned(),
            None => self.str_of_value(code).unwrap_or_default(),
        };
        self.write_stderr(&format!("{text}\n"));
        1
    }
}
