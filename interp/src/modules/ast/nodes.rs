//! The node classes of `_ast`: CPython 3.8's `Parser/Python.asdl` as one
//! table. Each row is a class: its base, its `_fields`, and its own
//! `_attributes` when it declares them (the abstract classes and `arg`;
//! constructors inherit theirs). `_ast`'s classes are made from this table
//! in this order, so a base always comes before the classes derived from it.

/// Which `_attributes` a class declares in its own dict.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Attributes {
    /// None of its own: inherited from the base.
    Inherited,
    /// `()`.
    Empty,
    /// `('lineno', 'col_offset', 'end_lineno', 'end_col_offset')`.
    Positions,
}

/// One class of `_ast`.
#[derive(Debug)]
pub struct NodeClass {
    pub name: &'static str,
    pub base: &'static str,
    pub fields: &'static [&'static str],
    pub attributes: Attributes,
}

/// The names of the position attributes, in CPython's order.
pub const POSITIONS: [&str; 4] = ["lineno", "col_offset", "end_lineno", "end_col_offset"];

const fn abstract_class(name: &'static str, attributes: Attributes) -> NodeClass {
    NodeClass { name, base: "AST", fields: &[], attributes }
}

const fn product(
    name: &'static str,
    fields: &'static [&'static str],
    attributes: Attributes,
) -> NodeClass {
    NodeClass { name, base: "AST", fields, attributes }
}

const fn constructor(
    name: &'static str,
    base: &'static str,
    fields: &'static [&'static str],
) -> NodeClass {
    NodeClass { name, base, fields, attributes: Attributes::Inherited }
}

use Attributes::{Empty, Positions};

/// Every class but `AST` itself, in `Python.asdl` order.
pub const NODE_CLASSES: &[NodeClass] = &[
    abstract_class("mod", Empty),
    constructor("Module", "mod", &["body", "type_ignores"]),
    constructor("Interactive", "mod", &["body"]),
    constructor("Expression", "mod", &["body"]),
    constructor("FunctionType", "mod", &["argtypes", "returns"]),
    constructor("Suite", "mod", &["body"]),
    abstract_class("stmt", Positions),
    constructor(
        "FunctionDef",
        "stmt",
        &["name", "args", "body", "decorator_list", "returns", "type_comment"],
    ),
    constructor(
        "AsyncFunctionDef",
        "stmt",
        &["name", "args", "body", "decorator_list", "returns", "type_comment"],
    ),
    constructor("ClassDef", "stmt", &["name", "bases", "keywords", "body", "decorator_list"]),
    constructor("Return", "stmt", &["value"]),
    constructor("Delete", "stmt", &["targets"]),
    constructor("Assign", "stmt", &["targets", "value", "type_comment"]),
    constructor("AugAssign", "stmt", &["target", "op", "value"]),
    constructor("AnnAssign", "stmt", &["target", "annotation", "value", "simple"]),
    constructor("For", "stmt", &["target", "iter", "body", "orelse", "type_comment"]),
    constructor("AsyncFor", "stmt", &["target", "iter", "body", "orelse", "type_comment"]),
    constructor("While", "stmt", &["test", "body", "orelse"]),
    constructor("If", "stmt", &["test", "body", "orelse"]),
    constructor("With", "stmt", &["items", "body", "type_comment"]),
    constructor("AsyncWith", "stmt", &["items", "body", "type_comment"]),
    constructor("Raise", "stmt", &["exc", "cause"]),
    constructor("Try", "stmt", &["body", "handlers", "orelse", "finalbody"]),
    constructor("Assert", "stmt", &["test", "msg"]),
    constructor("Import", "stmt", &["names"]),
    constructor("ImportFrom", "stmt", &["module", "names", "level"]),
    constructor("Global", "stmt", &["names"]),
    constructor("Nonlocal", "stmt", &["names"]),
    constructor("Expr", "stmt", &["value"]),
    constructor("Pass", "stmt", &[]),
    constructor("Break", "stmt", &[]),
    constructor("Continue", "stmt", &[]),
    abstract_class("expr", Positions),
    constructor("BoolOp", "expr", &["op", "values"]),
    constructor("NamedExpr", "expr", &["target", "value"]),
    constructor("BinOp", "expr", &["left", "op", "right"]),
    constructor("UnaryOp", "expr", &["op", "operand"]),
    constructor("Lambda", "expr", &["args", "body"]),
    constructor("IfExp", "expr", &["test", "body", "orelse"]),
    constructor("Dict", "expr", &["keys", "values"]),
    constructor("Set", "expr", &["elts"]),
    constructor("ListComp", "expr", &["elt", "generators"]),
    constructor("SetComp", "expr", &["elt", "generators"]),
    constructor("DictComp", "expr", &["key", "value", "generators"]),
    constructor("GeneratorExp", "expr", &["elt", "generators"]),
    constructor("Await", "expr", &["value"]),
    constructor("Yield", "expr", &["value"]),
    constructor("YieldFrom", "expr", &["value"]),
    constructor("Compare", "expr", &["left", "ops", "comparators"]),
    constructor("Call", "expr", &["func", "args", "keywords"]),
    constructor("FormattedValue", "expr", &["value", "conversion", "format_spec"]),
    constructor("JoinedStr", "expr", &["values"]),
    constructor("Constant", "expr", &["value", "kind"]),
    constructor("Attribute", "expr", &["value", "attr", "ctx"]),
    constructor("Subscript", "expr", &["value", "slice", "ctx"]),
    constructor("Starred", "expr", &["value", "ctx"]),
    constructor("Name", "expr", &["id", "ctx"]),
    constructor("List", "expr", &["elts", "ctx"]),
    constructor("Tuple", "expr", &["elts", "ctx"]),
    abstract_class("expr_context", Empty),
    constructor("Load", "expr_context", &[]),
    constructor("Store", "expr_context", &[]),
    constructor("Del", "expr_context", &[]),
    constructor("AugLoad", "expr_context", &[]),
    constructor("AugStore", "expr_context", &[]),
    constructor("Param", "expr_context", &[]),
    abstract_class("slice", Empty),
    constructor("Slice", "slice", &["lower", "upper", "step"]),
    constructor("ExtSlice", "slice", &["dims"]),
    constructor("Index", "slice", &["value"]),
    abstract_class("boolop", Empty),
    constructor("And", "boolop", &[]),
    constructor("Or", "boolop", &[]),
    abstract_class("operator", Empty),
    constructor("Add", "operator", &[]),
    constructor("Sub", "operator", &[]),
    constructor("Mult", "operator", &[]),
    constructor("MatMult", "operator", &[]),
    constructor("Div", "operator", &[]),
    constructor("Mod", "operator", &[]),
    constructor("Pow", "operator", &[]),
    constructor("LShift", "operator", &[]),
    constructor("RShift", "operator", &[]),
    constructor("BitOr", "operator", &[]),
    constructor("BitXor", "operator", &[]),
    constructor("BitAnd", "operator", &[]),
    constructor("FloorDiv", "operator", &[]),
    abstract_class("unaryop", Empty),
    constructor("Invert", "unaryop", &[]),
    constructor("Not", "unaryop", &[]),
    constructor("UAdd", "unaryop", &[]),
    constructor("USub", "unaryop", &[]),
    abstract_class("cmpop", Empty),
    constructor("Eq", "cmpop", &[]),
    constructor("NotEq", "cmpop", &[]),
    constructor("Lt", "cmpop", &[]),
    constructor("LtE", "cmpop", &[]),
    constructor("Gt", "cmpop", &[]),
    constructor("GtE", "cmpop", &[]),
    constructor("Is", "cmpop", &[]),
    constructor("IsNot", "cmpop", &[]),
    constructor("In", "cmpop", &[]),
    constructor("NotIn", "cmpop", &[]),
    product("comprehension", &["target", "iter", "ifs", "is_async"], Empty),
    abstract_class("excepthandler", Positions),
    constructor("ExceptHandler", "excepthandler", &["type", "name", "body"]),
    product(
        "arguments",
        &["posonlyargs", "args", "vararg", "kwonlyargs", "kw_defaults", "kwarg", "defaults"],
        Empty,
    ),
    product("arg", &["arg", "annotation", "type_comment"], Positions),
    product("keyword", &["arg", "value"], Empty),
    product("alias", &["name", "asname"], Empty),
    product("withitem", &["context_expr", "optional_vars"], Empty),
    abstract_class("type_ignore", Empty),
    constructor("TypeIgnore", "type_ignore", &["lineno", "tag"]),
];

/// The classes whose instances carry no fields: `ast.parse` gives the same
/// instance of each every time (CPython's `Load_singleton` and the like).
pub fn is_singleton(class: &NodeClass) -> bool {
    matches!(class.base, "expr_context" | "boolop" | "operator" | "unaryop" | "cmpop")
}

/// The row of class `name`.
pub fn find(name: &str) -> Option<&'static NodeClass> {
    NODE_CLASSES.iter().find(|c| c.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_come_first_and_names_are_unique() {
        let mut seen = vec!["AST"];
        for class in NODE_CLASSES {
            assert!(seen.contains(&class.base), "{} before its base", class.name);
            assert!(!seen.contains(&class.name), "{} twice", class.name);
            seen.push(class.name);
        }
        assert_eq!(seen.len(), 114, "AST and the 113 classes of `_ast`");
    }

    #[test]
    fn constructors_inherit_positions() {
        assert_eq!(find("Name").map(|c| c.attributes), Some(Attributes::Inherited));
        assert_eq!(find("arg").map(|c| c.attributes), Some(Attributes::Positions));
        assert!(find("Load").is_some_and(is_singleton));
        assert!(!find("Name").is_some_and(is_singleton));
    }
}
