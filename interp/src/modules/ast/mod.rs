//! `_ast`: the node classes under CPython 3.8's pure-Python `Lib/ast.py`,
//! and the two conversions `compile()` needs: parser tree to Python
//! objects (`PyCF_ONLY_AST`), and Python objects back to a parser tree
//! (`compile(tree, ...)`), with CPython's checks of malformed trees.
//!
//! | module | owns |
//! |---|---|
//! | [`nodes`] | the table of node classes (`Python.asdl`): bases, `_fields`, `_attributes` |
//! | [`classes`] | the classes made from the table; `AST`'s constructor and `__reduce__` |
//! | [`to_python`] | `crate::parse::ast` to `_ast` objects, with CPython's positions |
//! | [`from_python`] | `_ast` objects to `crate::parse::ast`: required fields and types |
//! | [`validate`] | `PyAST_Validate` of `Python/ast.c`: contexts, empty bodies, counts |

pub mod classes;
pub mod from_python;
pub mod nodes;
pub mod to_python;
pub mod validate;

#[cfg(test)]
mod round_trip_tests;

use crate::object::Value;
use crate::vm::{PyResult, Vm};

/// `compile()` flag: return the tree instead of a code object.
pub const PYCF_ONLY_AST: i64 = 0x400;
/// `compile()` flag: keep `# type:` comments (`ast.parse(type_comments=True)`).
pub const PYCF_TYPE_COMMENTS: i64 = 0x1000;
/// `compile()` flag: allow `await` and `async for/with` at the top level.
pub const PYCF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;

/// Makes `_ast`: every node class and the `PyCF_*` flags.
pub fn create(vm: &mut Vm) -> PyResult {
    super::native_module(vm, "_ast", |vm, module| {
        classes::make_classes(vm, module)?;
        for (name, flag) in [
            ("PyCF_ONLY_AST", PYCF_ONLY_AST),
            ("PyCF_TYPE_COMMENTS", PYCF_TYPE_COMMENTS),
            ("PyCF_ALLOW_TOP_LEVEL_AWAIT", PYCF_ALLOW_TOP_LEVEL_AWAIT),
        ] {
            let v = vm.heap.new_int_i64(flag);
            super::module_set(vm, module, name, v)?;
        }
        Ok(())
    })
}

/// Whether `v` is an instance of `_ast.AST` (what `compile()` accepts as a
/// tree). Until `_ast` is imported there are none, and `compile()` of
/// source text does not make the module.
pub fn is_ast(vm: &mut Vm, v: Value) -> PyResult<bool> {
    let key = vm.heap.intern("_ast");
    let modules = vm.modules;
    if vm.dict_get_item(modules, key)?.is_none() {
        return Ok(false);
    }
    let ast = classes::ast_class(vm)?;
    Ok(vm.heap.is_instance(v, ast))
}
