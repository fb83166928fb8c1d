//! The classes of `_ast`, made from [`super::nodes::NODE_CLASSES`]: `AST`
//! with CPython's constructor (positional arguments fill `_fields` in
//! order, keywords set any attribute) and `__reduce__`, every node class
//! under it, and the one instance of each field-less class that trees
//! share. The conversions find them through a [`Registry`].

use std::collections::HashMap;

use super::nodes::{self, Attributes, NodeClass, NODE_CLASSES, POSITIONS};
use crate::builtins::{method_no_args, set_type_attr};
use crate::modules::{module_set, support};
use crate::object::attrmap::AttrMap;
use crate::object::list::list_of;
use crate::object::tuple::tuple_of;
use crate::object::types::TypeObj;
use crate::object::{Gc, Value};
use crate::vm::function::module_of;
use crate::vm::{PyResult, Vm};

/// Hidden names of `_ast` under which the conversions find the classes
/// and the shared instances, whatever a program rebinds in the module.
const CLASSES_KEY: &str = "_tachyon_classes";
const SINGLETONS_KEY: &str = "_tachyon_singletons";

/// Makes `AST`, the classes of the table and the shared instances in `module`.
pub fn make_classes(vm: &mut Vm, module: Value) -> PyResult<()> {
    let ast = support::new_class(
        vm,
        module,
        "_ast",
        "AST",
        &[("__init__", init), ("__reduce__", reduce)],
    )?;
    let empty = vm.heap.singletons().empty_tuple;
    set_type_attr(vm, ast, "_fields", empty);
    set_type_attr(vm, ast, "_attributes", empty);
    let positions = name_tuple(vm, &POSITIONS);
    let module_name = vm.heap.intern("_ast");
    let mut made: Vec<(&str, Value)> = vec![("AST", ast)];
    for class in NODE_CLASSES {
        let base = made.iter().find(|(name, _)| *name == class.base).map(|(_, v)| *v).ok_or_else(
            || vm.type_error(&format!("_ast: no base {} for {}", class.base, class.name)),
        )?;
        let mut dict = AttrMap::new();
        dict.insert(vm.heap.intern("_fields"), name_tuple(vm, class.fields));
        dict.insert(vm.heap.intern("__module__"), module_name);
        dict.insert(vm.heap.intern("__doc__"), Value::NONE);
        match class.attributes {
            Attributes::Inherited => {}
            Attributes::Empty => {
                dict.insert(vm.heap.intern("_attributes"), empty);
            }
            Attributes::Positions => {
                dict.insert(vm.heap.intern("_attributes"), positions);
            }
        }
        let cls = vm.heap.new_class(vm.heap.types().type_, class.name, &[base], dict)?;
        module_set(vm, module, class.name, cls)?;
        made.push((class.name, cls));
    }
    let classes: Vec<Value> = made.iter().map(|(_, v)| *v).collect();
    let singletons: Vec<Value> = NODE_CLASSES
        .iter()
        .zip(&classes[1..])
        .filter(|(class, _)| nodes::is_singleton(class))
        .filter_map(|(_, cls)| Gc::<TypeObj>::from_value(*cls))
        .map(|t| vm.heap.new_instance(t))
        .collect();
    let classes = vm.heap.new_tuple(&classes);
    module_set(vm, module, CLASSES_KEY, classes)?;
    let singletons = vm.heap.new_tuple(&singletons);
    module_set(vm, module, SINGLETONS_KEY, singletons)
}

fn name_tuple(vm: &Vm, names: &[&str]) -> Value {
    let items: Vec<Value> = names.iter().map(|n| vm.heap.intern(n)).collect();
    vm.heap.new_tuple(&items)
}

/// `AST.__init__(self, *args, **kwargs)` (`ast_type_init`).
fn init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let npos = args.len() - kwnames.len();
    let Some((&this, positional)) = args[..npos].split_first() else {
        return Err(vm.type_error("descriptor '__init__' of '_ast.AST' object needs an argument"));
    };
    let ty = vm.heap.type_of(this);
    let fields_name = vm.heap.intern("_fields");
    let mark = vm.stack.len();
    let result = init_fields(vm, this, ty, fields_name, positional, kwnames, &args[npos..]);
    vm.truncate_temps(mark);
    result
}

/// `init` after the receiver is known; the caller releases the temporaries it roots.
fn init_fields(
    vm: &mut Vm,
    this: Value,
    ty: Value,
    fields_name: Value,
    positional: &[Value],
    kwnames: &[Value],
    kwvalues: &[Value],
) -> PyResult {
    let fields = match vm.get_attr(ty, fields_name) {
        Ok(f) => match (tuple_of(f), list_of(f)) {
            (Some(t), _) => t.items().to_vec(),
            (_, Some(l)) => l.items.to_vec(),
            _ => {
                return Err(
                    vm.type_error(&format!("object of type '{}' has no len()", vm.type_name(f)))
                )
            }
        },
        Err(e) if e.matches(&vm.heap, vm.heap.types().attribute_error) => Vec::new(),
        Err(e) => return Err(e),
    };
    // Rooted: a `__setattr__` below may run Python code that collects.
    for &name in &fields {
        vm.push_temp(name);
    }
    if positional.len() > fields.len() {
        let n = fields.len();
        // CPython's `tp_name`: the module is part of it for the static `AST` only.
        let name = match vm.type_name(this) {
            name if name == "AST" && support_is_base(vm, ty) => "_ast.AST".to_string(),
            name => name,
        };
        return Err(vm.type_error(&format!(
            "{name} constructor takes at most {n} positional argument{}",
            if n == 1 { "" } else { "s" }
        )));
    }
    let names = fields.iter().zip(positional).chain(kwnames.iter().zip(kwvalues));
    for (&name, &v) in names {
        // Attributes are found by interned name; `**kwargs` keys need not be.
        let Some(name) = vm.heap.intern_value(name) else {
            return Err(vm.type_error(&format!(
                "attribute name must be string, not '{}'",
                vm.type_name(name)
            )));
        };
        vm.set_attr(this, name, v)?;
    }
    Ok(Value::NONE)
}

/// Whether `ty` is `_ast.AST` itself (not a class of that name derived from it).
fn support_is_base(vm: &Vm, ty: Value) -> bool {
    Gc::<TypeObj>::from_value(ty)
        .is_some_and(|t| t.bases().first() == Some(&vm.heap.types().object))
}

/// `AST.__reduce__()`: `(type(self), (), self.__dict__)`, so `copy` and
/// `pickle` rebuild a node from its attributes.
fn reduce(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__reduce__")?;
    let this = args[0];
    let ty = vm.heap.type_of(this);
    let empty = vm.heap.singletons().empty_tuple;
    let dict_name = vm.names.dunder_dict;
    match vm.get_attr(this, dict_name) {
        Ok(dict) => Ok(vm.heap.new_tuple(&[ty, empty, dict])),
        Err(e) if e.matches(&vm.heap, vm.heap.types().attribute_error) => {
            Ok(vm.heap.new_tuple(&[ty, empty]))
        }
        Err(e) => Err(e),
    }
}

/// `_ast.AST`, whatever a program rebinds in the module.
pub fn ast_class(vm: &mut Vm) -> PyResult {
    let classes = hidden_tuple(vm, CLASSES_KEY)?;
    classes.first().copied().ok_or_else(|| lost_classes(vm))
}

fn lost_classes(vm: &Vm) -> crate::object::PyErr {
    vm.type_error("_ast has lost its node classes")
}

/// One of the tuples `make_classes` keeps in `_ast` (made on first use).
fn hidden_tuple(vm: &mut Vm, key: &str) -> PyResult<Vec<Value>> {
    let module = vm.import_module("_ast")?;
    let dict =
        module_of(module).map(|m| m.dict).ok_or_else(|| vm.type_error("_ast is not a module"))?;
    let key = vm.heap.intern(key);
    let v = vm.dict_get_item(dict, key)?;
    v.and_then(tuple_of).map(|t| t.items().to_vec()).ok_or_else(|| lost_classes(vm))
}

/// The classes and shared instances of `_ast`, by class name, for one
/// conversion.
pub struct Registry {
    classes: HashMap<&'static str, Gc<TypeObj>>,
    singletons: HashMap<&'static str, Value>,
    /// The row of each class of the table, by the class's identity.
    rows: HashMap<u64, &'static NodeClass>,
}

impl Registry {
    /// Reads them from `_ast` (made on first use).
    pub fn load(vm: &mut Vm) -> PyResult<Registry> {
        let classes = hidden_tuple(vm, CLASSES_KEY)?;
        let singletons = hidden_tuple(vm, SINGLETONS_KEY)?;
        let names = std::iter::once("AST").chain(NODE_CLASSES.iter().map(|c| c.name));
        let classes: HashMap<&'static str, Gc<TypeObj>> = names
            .zip(classes)
            .filter_map(|(n, c)| Some((n, Gc::<TypeObj>::from_value(c)?)))
            .collect();
        let singleton_names =
            NODE_CLASSES.iter().filter(|c| nodes::is_singleton(c)).map(|c| c.name);
        let singletons = singleton_names.zip(singletons).collect();
        if classes.len() != NODE_CLASSES.len() + 1 {
            return Err(lost_classes(vm));
        }
        let rows = NODE_CLASSES
            .iter()
            .filter_map(|c| Some((classes.get(c.name)?.value().bits(), c)))
            .collect();
        Ok(Registry { classes, singletons, rows })
    }

    /// Class `name` of the table (or `AST`).
    pub fn class(&self, name: &str) -> Value {
        self.type_obj(name).value()
    }

    pub fn type_obj(&self, name: &str) -> Gc<TypeObj> {
        // Every name the conversions ask for is in the table, checked by
        // the test below; `load` checked that every class is there.
        self.classes[name]
    }

    /// The row of `ty` when it is one of the table's classes itself (not
    /// a class derived from one).
    pub fn row_of_class(&self, ty: Value) -> Option<&'static NodeClass> {
        self.rows.get(&ty.bits()).copied()
    }

    /// The shared instance of field-less class `name` (`Load`, `Add`, ...).
    pub fn singleton(&self, name: &str) -> Value {
        self.singletons[name]
    }
}
