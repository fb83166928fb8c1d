//! The built-in types and singletons, made when a heap starts.
//!
//! `type`, `object` and `str` are made by hand first (each needs the
//! others); every other type, including the full Python 3.8 exception
//! hierarchy, comes from the table in `builtin_types!` in creation order
//! (each base before its subclasses).

use super::gc::Tracer;
use super::header::{ObjKind, Payload};
use super::heap::Heap;
use super::types::TypeFlags;
use super::value::Value;

const BASE: TypeFlags = TypeFlags::BASETYPE;

/// Types of the table that the `builtins` module does not name.
const NOT_IN_BUILTINS: &[&str] = &[
    "NoneType",
    "NotImplementedType",
    "ellipsis",
    "weakref",
    "code",
    "function",
    "cell",
    "module",
    "method",
    "builtin_function_or_method",
    "method_descriptor",
    "wrapper_descriptor",
    "method-wrapper",
    "traceback",
    "frame",
    "generator",
    "coroutine",
    "async_generator",
    "async_generator_asend",
    "async_generator_athrow",
    "coroutine_wrapper",
    "list_iterator",
    "list_reverseiterator",
    "tuple_iterator",
    "str_iterator",
    "bytes_iterator",
    "bytearray_iterator",
    "range_iterator",
    "longrange_iterator",
    "iterator",
    "callable_iterator",
    "dict_keyiterator",
    "dict_reversekeyiterator",
    "dict_reversevalueiterator",
    "dict_reverseitemiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "set_iterator",
    "dict_keys",
    "dict_values",
    "dict_items",
    "mappingproxy",
    "getset_descriptor",
    "member_descriptor",
    "classmethod_descriptor",
];
const FINAL: TypeFlags = TypeFlags::empty();

macro_rules! builtin_types {
    ($($field:ident: $name:literal <- $base:ident, $layout:ident, $flags:ident;)*) => {
        /// Every built-in type as a value (a type object). `type_`,
        /// `object`, `str` first; exceptions by snake_case name
        /// (`zero_division_error`).
        #[derive(Default)]
        pub struct BuiltinTypes {
            pub type_: Value,
            pub object: Value,
            pub str: Value,
            $(pub $field: Value,)*
        }

        impl BuiltinTypes {
            pub(super) fn trace(&self, tracer: &mut Tracer) {
                tracer.mark_all(&[self.type_, self.object, self.str $(, self.$field)*]);
            }

            /// `(name, type)` of every built-in type the `builtins` module
            /// exposes, plus the aliases `EnvironmentError` and `IOError`.
            pub fn builtin_names(&self) -> Vec<(&'static str, Value)> {
                let mut names = vec![("type", self.type_), ("object", self.object), ("str", self.str) $(, ($name, self.$field))*];
                names.retain(|(n, _)| !NOT_IN_BUILTINS.contains(n));
                names.push(("EnvironmentError", self.os_error));
                names.push(("IOError", self.os_error));
                names
            }
        }

        fn create_table_types(heap: &mut Heap) {
            $(
                let name = heap.intern($name);
                heap.types.$field = heap.new_builtin_type(heap.types.type_, name, Some(heap.types.$base), ObjKind::$layout, $flags);
            )*
        }
    };
}

builtin_types! {
    none_type: "NoneType" <- object, Singleton, FINAL;
    not_implemented_type: "NotImplementedType" <- object, Singleton, FINAL;
    ellipsis_type: "ellipsis" <- object, Singleton, FINAL;
    int: "int" <- object, Int, BASE;
    bool: "bool" <- int, Int, FINAL;
    float: "float" <- object, Float, BASE;
    complex: "complex" <- object, Complex, BASE;
    bytes: "bytes" <- object, Bytes, BASE;
    bytearray: "bytearray" <- object, ByteArray, BASE;
    tuple: "tuple" <- object, Tuple, BASE;
    list: "list" <- object, List, BASE;
    dict: "dict" <- object, Dict, BASE;
    set: "set" <- object, Set, BASE;
    frozenset: "frozenset" <- object, FrozenSet, BASE;
    range: "range" <- object, Range, FINAL;
    slice: "slice" <- object, Slice, FINAL;
    weakref: "weakref" <- object, WeakRef, BASE;

    // The VM's own types.
    code: "code" <- object, Code, FINAL;
    function: "function" <- object, Function, FINAL;
    cell: "cell" <- object, Cell, FINAL;
    module: "module" <- object, Module, BASE;
    method: "method" <- object, Method, FINAL;
    builtin_function: "builtin_function_or_method" <- object, NativeFunction, FINAL;
    method_descriptor: "method_descriptor" <- object, MethodDescriptor, FINAL;
    wrapper_descriptor: "wrapper_descriptor" <- object, MethodDescriptor, FINAL;
    method_wrapper: "method-wrapper" <- object, NativeFunction, FINAL;
    traceback: "traceback" <- object, Traceback, FINAL;
    frame: "frame" <- object, FrameInfo, FINAL;
    memoryview: "memoryview" <- object, Wrapper, FINAL;
    generator: "generator" <- object, Generator, FINAL;
    coroutine: "coroutine" <- object, Generator, FINAL;
    async_generator: "async_generator" <- object, Generator, FINAL;
    async_generator_asend: "async_generator_asend" <- object, AsyncGenAwaitable, FINAL;
    async_generator_athrow: "async_generator_athrow" <- object, AsyncGenAwaitable, FINAL;
    coroutine_wrapper: "coroutine_wrapper" <- object, CoroWrapper, FINAL;
    property: "property" <- object, Property, BASE;
    getset_descriptor: "getset_descriptor" <- object, Property, FINAL;
    member_descriptor: "member_descriptor" <- object, Property, FINAL;
    classmethod: "classmethod" <- object, ClassMethod, BASE;
    // A built-in type's class method (`dict.__dict__['fromkeys']`): no
    // `classmethod` instance, so `isinstance(d, classmethod)` is false.
    classmethod_descriptor: "classmethod_descriptor" <- object, ClassMethod, FINAL;
    staticmethod: "staticmethod" <- object, StaticMethod, BASE;
    super_: "super" <- object, Super, BASE;
    list_iterator: "list_iterator" <- object, SeqIter, FINAL;
    list_reverseiterator: "list_reverseiterator" <- object, SeqIter, FINAL;
    tuple_iterator: "tuple_iterator" <- object, SeqIter, FINAL;
    str_iterator: "str_iterator" <- object, SeqIter, FINAL;
    bytes_iterator: "bytes_iterator" <- object, SeqIter, FINAL;
    bytearray_iterator: "bytearray_iterator" <- object, SeqIter, FINAL;
    range_iterator: "range_iterator" <- object, SeqIter, FINAL;
    longrange_iterator: "longrange_iterator" <- object, SeqIter, FINAL;
    iterator: "iterator" <- object, SeqIter, FINAL;
    callable_iterator: "callable_iterator" <- object, SeqIter, FINAL;
    dict_keyiterator: "dict_keyiterator" <- object, TableIter, FINAL;
    dict_reversekeyiterator: "dict_reversekeyiterator" <- object, SeqIter, FINAL;
    dict_reversevalueiterator: "dict_reversevalueiterator" <- object, SeqIter, FINAL;
    dict_reverseitemiterator: "dict_reverseitemiterator" <- object, SeqIter, FINAL;
    dict_valueiterator: "dict_valueiterator" <- object, TableIter, FINAL;
    dict_itemiterator: "dict_itemiterator" <- object, TableIter, FINAL;
    set_iterator: "set_iterator" <- object, TableIter, FINAL;
    dict_keys: "dict_keys" <- object, Wrapper, FINAL;
    dict_values: "dict_values" <- object, Wrapper, FINAL;
    dict_items: "dict_items" <- object, Wrapper, FINAL;
    mappingproxy: "mappingproxy" <- object, Wrapper, FINAL;
    enumerate: "enumerate" <- object, BuiltinIter, BASE;
    zip: "zip" <- object, BuiltinIter, BASE;
    map: "map" <- object, BuiltinIter, BASE;
    filter: "filter" <- object, BuiltinIter, BASE;
    reversed: "reversed" <- object, BuiltinIter, BASE;

    base_exception: "BaseException" <- object, Exception, BASE;
    system_exit: "SystemExit" <- base_exception, Exception, BASE;
    keyboard_interrupt: "KeyboardInterrupt" <- base_exception, Exception, BASE;
    generator_exit: "GeneratorExit" <- base_exception, Exception, BASE;
    exception: "Exception" <- base_exception, Exception, BASE;
    stop_iteration: "StopIteration" <- exception, Exception, BASE;
    stop_async_iteration: "StopAsyncIteration" <- exception, Exception, BASE;
    arithmetic_error: "ArithmeticError" <- exception, Exception, BASE;
    floating_point_error: "FloatingPointError" <- arithmetic_error, Exception, BASE;
    overflow_error: "OverflowError" <- arithmetic_error, Exception, BASE;
    zero_division_error: "ZeroDivisionError" <- arithmetic_error, Exception, BASE;
    assertion_error: "AssertionError" <- exception, Exception, BASE;
    attribute_error: "AttributeError" <- exception, Exception, BASE;
    buffer_error: "BufferError" <- exception, Exception, BASE;
    eof_error: "EOFError" <- exception, Exception, BASE;
    import_error: "ImportError" <- exception, Exception, BASE;
    module_not_found_error: "ModuleNotFoundError" <- import_error, Exception, BASE;
    lookup_error: "LookupError" <- exception, Exception, BASE;
    index_error: "IndexError" <- lookup_error, Exception, BASE;
    key_error: "KeyError" <- lookup_error, Exception, BASE;
    memory_error: "MemoryError" <- exception, Exception, BASE;
    name_error: "NameError" <- exception, Exception, BASE;
    unbound_local_error: "UnboundLocalError" <- name_error, Exception, BASE;
    os_error: "OSError" <- exception, Exception, BASE;
    blocking_io_error: "BlockingIOError" <- os_error, Exception, BASE;
    child_process_error: "ChildProcessError" <- os_error, Exception, BASE;
    connection_error: "ConnectionError" <- os_error, Exception, BASE;
    broken_pipe_error: "BrokenPipeError" <- connection_error, Exception, BASE;
    connection_aborted_error: "ConnectionAbortedError" <- connection_error, Exception, BASE;
    connection_refused_error: "ConnectionRefusedError" <- connection_error, Exception, BASE;
    connection_reset_error: "ConnectionResetError" <- connection_error, Exception, BASE;
    file_exists_error: "FileExistsError" <- os_error, Exception, BASE;
    file_not_found_error: "FileNotFoundError" <- os_error, Exception, BASE;
    interrupted_error: "InterruptedError" <- os_error, Exception, BASE;
    is_a_directory_error: "IsADirectoryError" <- os_error, Exception, BASE;
    not_a_directory_error: "NotADirectoryError" <- os_error, Exception, BASE;
    permission_error: "PermissionError" <- os_error, Exception, BASE;
    process_lookup_error: "ProcessLookupError" <- os_error, Exception, BASE;
    timeout_error: "TimeoutError" <- os_error, Exception, BASE;
    reference_error: "ReferenceError" <- exception, Exception, BASE;
    runtime_error: "RuntimeError" <- exception, Exception, BASE;
    not_implemented_error: "NotImplementedError" <- runtime_error, Exception, BASE;
    recursion_error: "RecursionError" <- runtime_error, Exception, BASE;
    syntax_error: "SyntaxError" <- exception, Exception, BASE;
    indentation_error: "IndentationError" <- syntax_error, Exception, BASE;
    tab_error: "TabError" <- indentation_error, Exception, BASE;
    system_error: "SystemError" <- exception, Exception, BASE;
    type_error: "TypeError" <- exception, Exception, BASE;
    value_error: "ValueError" <- exception, Exception, BASE;
    unicode_error: "UnicodeError" <- value_error, Exception, BASE;
    unicode_decode_error: "UnicodeDecodeError" <- unicode_error, Exception, BASE;
    unicode_encode_error: "UnicodeEncodeError" <- unicode_error, Exception, BASE;
    unicode_translate_error: "UnicodeTranslateError" <- unicode_error, Exception, BASE;
    warning: "Warning" <- exception, Exception, BASE;
    deprecation_warning: "DeprecationWarning" <- warning, Exception, BASE;
    pending_deprecation_warning: "PendingDeprecationWarning" <- warning, Exception, BASE;
    runtime_warning: "RuntimeWarning" <- warning, Exception, BASE;
    syntax_warning: "SyntaxWarning" <- warning, Exception, BASE;
    user_warning: "UserWarning" <- warning, Exception, BASE;
    future_warning: "FutureWarning" <- warning, Exception, BASE;
    import_warning: "ImportWarning" <- warning, Exception, BASE;
    unicode_warning: "UnicodeWarning" <- warning, Exception, BASE;
    bytes_warning: "BytesWarning" <- warning, Exception, BASE;
    resource_warning: "ResourceWarning" <- warning, Exception, BASE;
}

/// Objects that exist once: `()`, `frozenset()`, `NotImplemented`, `Ellipsis`, and the
/// empty and one-character ASCII strs (CPython keeps such strs once too, so `s[i]`
/// and iterating over text allocate nothing for them).
#[derive(Default)]
pub struct Singletons {
    pub empty_tuple: Value,
    pub empty_frozenset: Value,
    pub not_implemented: Value,
    pub ellipsis: Value,
    pub ascii_chars: Vec<Value>,
    pub empty_str: Value,
    /// The shared bytes of length 0 (index 0) and of each single byte
    /// `b` (index `b + 1`), as CPython shares them: `read(1)` and
    /// indexing make many.
    pub short_bytes: Vec<Value>,
}

impl Singletons {
    pub(super) fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.empty_tuple, self.empty_frozenset]);
        tracer.mark_all(&[self.not_implemented, self.ellipsis]);
        tracer.mark_all(&self.ascii_chars);
        tracer.mark(self.empty_str);
        tracer.mark_all(&self.short_bytes);
    }
}

/// Payload of objects that are nothing but their identity.
pub struct UnitObj;

// SAFETY: no references.
unsafe impl Payload for UnitObj {
    const KIND: ObjKind = ObjKind::Singleton;
    fn trace(&self, _tracer: &mut Tracer) {}
}

/// Makes the built-in types and singletons of a fresh heap.
pub(super) fn bootstrap(heap: &mut Heap) {
    // `type` is its own type: made with none, then patched.
    let type_ = heap.new_builtin_type(Value::NONE, Value::NONE, None, ObjKind::Type, BASE);
    super::header::ObjHeader::of(type_).expect("a heap object").set_type(type_);
    let object = heap.new_builtin_type(type_, Value::NONE, None, ObjKind::Instance, BASE);
    heap.set_builtin_base(type_, object);
    let str = heap.new_builtin_type(type_, Value::NONE, Some(object), ObjKind::Str, BASE);
    heap.types.type_ = type_;
    heap.types.object = object;
    heap.types.str = str;
    for (t, name) in [(type_, "type"), (object, "object"), (str, "str")] {
        let name = heap.intern(name);
        heap.set_builtin_name(t, name);
    }
    create_table_types(heap);
    heap.singletons.empty_tuple = heap.new_tuple(&[]);
    heap.singletons.empty_frozenset = heap.new_frozenset(Default::default());
    heap.singletons.not_implemented = heap.alloc(heap.types.not_implemented_type, UnitObj).value();
    heap.singletons.ellipsis = heap.alloc(heap.types.ellipsis_type, UnitObj).value();
    heap.singletons.empty_str = heap.intern("");
    heap.singletons.ascii_chars =
        (0..128u8).map(|b| heap.intern(&char::from(b).to_string())).collect();
    heap.singletons.short_bytes = std::iter::once(heap.new_bytes(&[]))
        .chain((0..=255u8).map(|b| heap.new_bytes(&[b])))
        .collect();
    super::number_slots::install(heap);
    super::sequence_slots::install(heap);
}

#[cfg(test)]
mod tests {
    use super::super::header::Gc;
    use super::super::types::TypeObj;
    use super::*;
    use std::process::Command;

    /// `name: mro names` for every built-in type, as Tachyon has them.
    fn our_hierarchy(heap: &Heap) -> Vec<String> {
        let mut lines: Vec<String> = heap
            .types()
            .builtin_names()
            .into_iter()
            .filter(|(n, _)| !matches!(*n, "EnvironmentError" | "IOError"))
            .map(|(n, t)| {
                let t = Gc::<TypeObj>::from_value(t).unwrap();
                let mro: Vec<String> =
                    t.mro().iter().map(|&m| Gc::<TypeObj>::from_value(m).unwrap().name()).collect();
                format!("{n}: {}", mro.join(" "))
            })
            .collect();
        lines.sort();
        lines
    }

    #[test]
    fn hierarchy_matches_python38() {
        let heap = Heap::new();
        let ours = our_hierarchy(&heap);
        let names: Vec<String> =
            ours.iter().map(|l| l.split(':').next().unwrap().to_string()).collect();
        let python = crate::pythonpath::find_python38().expect("python3.8 is needed for this test");
        let script = format!(
            "import builtins\nfor n in sorted({names:?}):\n    t = getattr(builtins, n)\n    print(n + ': ' + ' '.join(c.__name__ for c in t.__mro__))"
        );
        let out = Command::new(python).args(["-c", &script]).output().expect("python3.8 runs");
        let theirs: Vec<String> =
            String::from_utf8(out.stdout).unwrap().lines().map(String::from).collect();
        assert_eq!(ours, theirs);
        // Every exception class builtins has is here.
        let script = "import builtins\nprint(sorted(n for n in dir(builtins) if isinstance(getattr(builtins, n), type) and issubclass(getattr(builtins, n), BaseException)))";
        let out = Command::new(crate::pythonpath::find_python38().unwrap())
            .args(["-c", script])
            .output()
            .unwrap();
        let all = String::from_utf8(out.stdout).unwrap();
        let listed: Vec<&str> = heap.types().builtin_names().iter().map(|(n, _)| *n).collect();
        for name in all.trim().trim_matches(['[', ']']).split(", ") {
            assert!(listed.contains(&name.trim_matches('\'')), "missing {name}");
        }
    }

    #[test]
    fn immediates_have_their_types() {
        let heap = Heap::new();
        let t = heap.types();
        assert_eq!(heap.type_of(Value::from_small_int(1).unwrap()), t.int);
        assert_eq!(heap.type_of(Value::from_f64(1.5)), t.float);
        assert_eq!(heap.type_of(Value::TRUE), t.bool);
        assert_eq!(heap.type_of(Value::NONE), t.none_type);
        assert_eq!(heap.type_of(t.int), t.type_);
        assert_eq!(heap.type_of(t.type_), t.type_);
        assert!(heap.is_instance(Value::TRUE, t.int));
        assert!(!heap.is_instance(Value::NONE, t.int));
        assert_eq!(heap.type_of(heap.singletons().not_implemented), t.not_implemented_type);
        assert!(heap.is_instance(heap.new_str("x"), t.object));
    }
}
