//! Attribute names that CPython's built-in types hold in their dicts as
//! getset or member descriptors (`function.__code__`, `frame.f_lineno`,
//! `object.__class__`) but that Tachyon computes on lookup instead
//! (`vm::special`), so nothing in the type's dict names them: `dir()`
//! adds them from this table, type by type along the MRO, as CPython's
//! `dir()` finds them.
//!
//! The table came from comparing each type's `vars()` under CPython 3.8
//! with what Tachyon's lookups answer; `tests/lang/builtins_dir/` checks it.

const SPECIAL_NAMES: &[(&str, &[&str])] = &[
    ("object", &["__class__", "__doc__"]),
    (
        "type",
        &[
            "__abstractmethods__",
            "__base__",
            "__bases__",
            "__basicsize__",
            "__dict__",
            "__dictoffset__",
            "__flags__",
            "__itemsize__",
            "__module__",
            "__mro__",
            "__name__",
            "__qualname__",
            "__text_signature__",
            "__weakrefoffset__",
        ],
    ),
    ("property", &["__isabstractmethod__", "fdel", "fget", "fset"]),
    ("classmethod", &["__dict__", "__func__", "__isabstractmethod__"]),
    ("staticmethod", &["__dict__", "__func__", "__isabstractmethod__"]),
    ("super", &["__self__", "__self_class__", "__thisclass__"]),
    (
        "function",
        &[
            "__annotations__",
            "__call__",
            "__closure__",
            "__code__",
            "__defaults__",
            "__dict__",
            "__globals__",
            "__kwdefaults__",
            "__module__",
            "__name__",
            "__qualname__",
        ],
    ),
    (
        "generator",
        &["__name__", "__qualname__", "gi_code", "gi_frame", "gi_running", "gi_yieldfrom"],
    ),
    ("coroutine", &["__name__", "__qualname__", "cr_await", "cr_code", "cr_frame", "cr_running"]),
    ("async_generator", &["__name__", "__qualname__", "ag_code", "ag_frame", "ag_running"]),
    (
        "code",
        &[
            "co_argcount",
            "co_cellvars",
            "co_consts",
            "co_filename",
            "co_firstlineno",
            "co_flags",
            "co_freevars",
            "co_kwonlyargcount",
            "co_name",
            "co_names",
            "co_nlocals",
            "co_posonlyargcount",
            "co_stacksize",
            "co_varnames",
        ],
    ),
    (
        "frame",
        &[
            "f_back",
            "f_builtins",
            "f_code",
            "f_globals",
            "f_lasti",
            "f_lineno",
            "f_locals",
            "f_trace",
            "f_trace_lines",
            "f_trace_opcodes",
        ],
    ),
    ("traceback", &["tb_frame", "tb_lasti", "tb_lineno", "tb_next"]),
    ("module", &["__dict__"]),
    ("cell", &["cell_contents"]),
    ("method", &["__call__", "__func__", "__get__", "__self__"]),
    ("builtin_function_or_method", &["__module__", "__name__", "__qualname__", "__self__"]),
    (
        "BaseException",
        &["__cause__", "__context__", "__dict__", "__suppress_context__", "__traceback__", "args"],
    ),
    ("SimpleNamespace", &["__dict__"]),
];

/// The computed attribute names of built-in type `name`.
pub fn special_names(name: &str) -> &'static [&'static str] {
    SPECIAL_NAMES.iter().find(|(t, _)| *t == name).map_or(&[], |(_, names)| names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_types_have_their_names() {
        assert!(special_names("function").contains(&"__code__"));
        assert!(special_names("list").is_empty());
    }
}
