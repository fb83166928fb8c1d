//! `_ast` objects to the parser's tree ([`crate::parse::ast`]), as
//! CPython's `obj2ast_*` reads them: a missing field is "required field
//! "x" missing from Owner", a field of the wrong type names what it
//! expected, and `None` in a required field is "field x is required for
//! Owner". [`super::validate`] then checks what the compiler relies on.
//!
//! Two checks CPython makes in its later validation pass are made here,
//! because the Rust tree cannot hold what they reject: `None` inside a
//! statement or expression list, and a `Constant` of a type that is not a
//! constant.

use super::classes::Registry;
use super::nodes::NODE_CLASSES;
use super::to_python::{BOOL_OPS, CMP_OPS, CONTEXTS, OPERATORS, UNARY_OPS};
use crate::object::bytes::bytes_of;
use crate::object::list::list_of;
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::{Gc, PyErr, Value};
use crate::parse::ast::*;
use crate::parse::Mode;
use crate::vm::{PyResult, Vm};

/// How deep a tree may nest: as deep as the parser lets source nest.
const MAX_DEPTH: usize = crate::parse::parser::MAX_DEPTH;

/// `obj` as a tree for `mode`, or CPython's error for a malformed one.
pub fn mod_from_python(vm: &mut Vm, obj: Value, mode: Mode) -> PyResult<Mod> {
    let registry = Registry::load(vm)?;
    let mut c = FromPython { vm, registry, depth: 0 };
    let wanted = match mode {
        Mode::Module => "Module",
        Mode::Expression => "Expression",
        Mode::Interactive => "Interactive",
    };
    if !c.is(obj, wanted) {
        let got = c.vm.type_name(obj);
        return Err(c.vm.type_error(&format!("expected {wanted} node, got {got}")));
    }
    let mark = c.vm.stack.len();
    let tree = c.module(obj);
    c.vm.truncate_temps(mark);
    tree
}

struct FromPython<'a> {
    vm: &'a mut Vm,
    registry: Registry,
    depth: usize,
}

impl FromPython<'_> {
    fn is(&self, obj: Value, class: &str) -> bool {
        self.vm.heap.is_instance(obj, self.registry.class(class))
    }

    /// The first constructor of abstract class `base` that `obj` is an instance of.
    fn constructor_of(&self, obj: Value, base: &str) -> Option<&'static str> {
        // Nearly every node is an instance of a class of the table itself.
        if let Some(row) = self.registry.row_of_class(self.vm.heap.type_of(obj)) {
            if row.base == base {
                return Some(row.name);
            }
        }
        NODE_CLASSES
            .iter()
            .filter(|c| c.base == base)
            .map(|c| c.name)
            .find(|name| self.is(obj, name))
    }

    fn expected(&mut self, what: &str, obj: Value) -> PyErr {
        match self.vm.repr_of_value(obj) {
            Ok(repr) => {
                self.vm.type_error(&format!("expected some sort of {what}, but got {repr}"))
            }
            Err(e) => e,
        }
    }

    /// `obj.name`, or `None` when it has no such attribute. The value is
    /// kept rooted until the conversion ends: a property may have made it,
    /// and reading the next field may run Python code that collects.
    fn lookup(&mut self, obj: Value, name: &str) -> PyResult<Option<Value>> {
        let key = self.vm.heap.intern(name);
        match self.vm.get_attr(obj, key) {
            Ok(v) => {
                self.vm.push_temp(v);
                Ok(Some(v))
            }
            Err(e) if e.matches(&self.vm.heap, self.vm.heap.types().attribute_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn required(&mut self, obj: Value, name: &str, owner: &str) -> PyResult<Value> {
        match self.lookup(obj, name)? {
            Some(v) => Ok(v),
            None => {
                Err(self.vm.type_error(&format!("required field \"{name}\" missing from {owner}")))
            }
        }
    }

    /// An optional field: absent and `None` are the same.
    fn optional(&mut self, obj: Value, name: &str) -> PyResult<Option<Value>> {
        Ok(self.lookup(obj, name)?.filter(|v| !v.is_none()))
    }

    fn is_required(&self, name: &str, owner: &str) -> PyErr {
        self.vm.value_error(&format!("field {name} is required for {owner}"))
    }

    /// A list field, each item converted by `item`.
    fn list<T>(
        &mut self,
        obj: Value,
        name: &str,
        owner: &str,
        mut item: impl FnMut(&mut Self, Value) -> PyResult<T>,
    ) -> PyResult<Vec<T>> {
        let v = self.required(obj, name, owner)?;
        let Some(list) = list_of(v) else {
            let got = self.vm.type_name(v);
            return Err(self
                .vm
                .type_error(&format!("{owner} field \"{name}\" must be a list, not a {got}")));
        };
        let len = list.items.len();
        let mut out = Vec::with_capacity(len);
        for i in 0..len {
            let Some(x) = list.items.get(i) else { break };
            out.push(item(self, x)?);
            if list.items.len() != len {
                return Err(PyErr::runtime_error(
                    &self.vm.heap,
                    &format!("{owner} field \"{name}\" changed size during iteration"),
                ));
            }
        }
        Ok(out)
    }

    fn int(&mut self, v: Value) -> PyResult<i64> {
        if let Some(i) = crate::object::boxes::int_of(v) {
            return match i {
                crate::number::int::Int::Small(i) => Ok(i),
                crate::number::int::Int::Big(_) => Err(PyErr::overflow_error(
                    &self.vm.heap,
                    "Python int too large to convert to C long",
                )),
            };
        }
        let repr = self.vm.repr_of_value(v)?;
        Err(self.vm.value_error(&format!("invalid integer value: {repr}")))
    }

    fn int_field(&mut self, obj: Value, name: &str, owner: &str) -> PyResult<i64> {
        let v = self.required(obj, name, owner)?;
        self.int(v)
    }

    fn opt_int_field(&mut self, obj: Value, name: &str) -> PyResult<Option<i64>> {
        match self.optional(obj, name)? {
            Some(v) => self.int(v).map(Some),
            None => Ok(None),
        }
    }

    /// An `identifier`: an exact str, or `None` (which only optional fields allow).
    fn identifier(&mut self, v: Value) -> PyResult<Option<String>> {
        if v.is_none() {
            return Ok(None);
        }
        match str_of(v) {
            Some(s) if self.vm.heap.type_of(v) == self.vm.heap.types().str => {
                Ok(Some(s.as_utf8(&self.vm.heap)?.to_string()))
            }
            _ => Err(self.vm.type_error("AST identifier must be of type str")),
        }
    }

    fn identifier_field(&mut self, obj: Value, name: &str, owner: &str) -> PyResult<String> {
        let v = self.required(obj, name, owner)?;
        self.identifier(v)?.ok_or_else(|| self.is_required(name, owner))
    }

    fn opt_identifier_field(&mut self, obj: Value, name: &str) -> PyResult<Option<String>> {
        match self.optional(obj, name)? {
            Some(v) => self.identifier(v),
            None => Ok(None),
        }
    }

    /// A `string` (type comments, `Constant.kind`, `TypeIgnore.tag`).
    fn string(&mut self, v: Value) -> PyResult<String> {
        let ty = self.vm.heap.type_of(v);
        let types = self.vm.heap.types();
        if ty == types.str {
            if let Some(s) = str_of(v) {
                return Ok(s.to_string_lossy().into_owned());
            }
        }
        if ty == types.bytes {
            if let Some(b) = bytes_of(v) {
                return Ok(String::from_utf8_lossy(b.as_bytes()).into_owned());
            }
        }
        Err(self.vm.type_error("AST string must be of type str"))
    }

    fn opt_string_field(&mut self, obj: Value, name: &str) -> PyResult<Option<String>> {
        match self.optional(obj, name)? {
            Some(v) => self.string(v).map(Some),
            None => Ok(None),
        }
    }

    /// The positions of a `stmt`, `expr`, `excepthandler` or `arg`.
    fn loc(&mut self, obj: Value, owner: &str) -> PyResult<Loc> {
        let lineno = self.int_field(obj, "lineno", owner)?;
        let col_offset = self.int_field(obj, "col_offset", owner)?;
        let end_lineno = self.opt_int_field(obj, "end_lineno")?.unwrap_or(0);
        let end_col_offset = self.opt_int_field(obj, "end_col_offset")?.unwrap_or(0);
        let clamp = |i: i64| u32::try_from(i.max(0)).unwrap_or(u32::MAX);
        Ok(Loc {
            lineno: clamp(lineno),
            col_offset: clamp(col_offset),
            end_lineno: clamp(end_lineno),
            end_col_offset: clamp(end_col_offset),
        })
    }

    fn enter(&mut self) -> PyResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(PyErr::recursion_error(
                &self.vm.heap,
                "maximum recursion depth exceeded during compilation",
            ));
        }
        Ok(())
    }

    fn module(&mut self, obj: Value) -> PyResult<Mod> {
        match self.constructor_of(obj, "mod") {
            Some("Module") => Ok(Mod::Module {
                body: self.stmts(obj, "body", "Module")?,
                type_ignores: self.list(obj, "type_ignores", "Module", Self::type_ignore)?,
            }),
            Some("Interactive") => {
                Ok(Mod::Interactive { body: self.stmts(obj, "body", "Interactive")? })
            }
            Some("Expression") => {
                Ok(Mod::Expression { body: self.expr_field(obj, "body", "Expression")? })
            }
            Some(other) => Err(self
                .vm
                .type_error(&format!("compile() of a {other} node is not supported by tachyon"))),
            None => Err(self.expected("mod", obj)),
        }
    }

    fn type_ignore(&mut self, obj: Value) -> PyResult<TypeIgnore> {
        if !self.is(obj, "TypeIgnore") {
            return Err(self.expected("type_ignore", obj));
        }
        let lineno = self.int_field(obj, "lineno", "TypeIgnore")?;
        let tag = self.required(obj, "tag", "TypeIgnore")?;
        let tag = self.string(tag)?;
        Ok(TypeIgnore { lineno: u32::try_from(lineno.max(0)).unwrap_or(u32::MAX), tag })
    }

    fn stmts(&mut self, obj: Value, name: &str, owner: &str) -> PyResult<Vec<Stmt>> {
        self.list(obj, name, owner, |c, v| {
            if v.is_none() {
                return Err(c.vm.value_error("None disallowed in statement list"));
            }
            c.stmt(v)
        })
    }

    fn exprs(&mut self, obj: Value, name: &str, owner: &str) -> PyResult<Vec<Expr>> {
        self.list(obj, name, owner, |c, v| {
            if v.is_none() {
                return Err(c.vm.value_error("None disallowed in expression list"));
            }
            c.expr(v)
        })
    }

    /// A list of expressions in which `None` is allowed (`Dict.keys`, `kw_defaults`).
    fn opt_exprs(&mut self, obj: Value, name: &str, owner: &str) -> PyResult<Vec<Option<Expr>>> {
        self.list(obj, name, owner, |c, v| if v.is_none() { Ok(None) } else { c.expr(v).map(Some) })
    }

    fn expr_field(&mut self, obj: Value, name: &str, owner: &str) -> PyResult<Box<Expr>> {
        let v = self.required(obj, name, owner)?;
        if v.is_none() {
            return Err(self.is_required(name, owner));
        }
        self.expr(v).map(Box::new)
    }

    fn opt_expr_field(&mut self, obj: Value, name: &str) -> PyResult<Option<Box<Expr>>> {
        match self.optional(obj, name)? {
            Some(v) => self.expr(v).map(|e| Some(Box::new(e))),
            None => Ok(None),
        }
    }

    /// A field holding one of the field-less classes of `table` (`op`, `ctx`).
    fn enum_field<T: Copy>(
        &mut self,
        obj: Value,
        name: &str,
        owner: &str,
        what: &str,
        table: &[(T, &'static str)],
    ) -> PyResult<T> {
        let v = self.required(obj, name, owner)?;
        self.enum_value(v, what, table)
    }

    fn enum_value<T: Copy>(
        &mut self,
        v: Value,
        what: &str,
        table: &[(T, &'static str)],
    ) -> PyResult<T> {
        match table.iter().find(|(_, class)| self.is(v, class)) {
            Some((t, _)) => Ok(*t),
            None => Err(self.expected(what, v)),
        }
    }

    fn ctx(&mut self, obj: Value, owner: &str) -> PyResult<ExprContext> {
        self.enum_field(obj, "ctx", owner, "expr_context", &CONTEXTS)
    }

    fn stmt(&mut self, obj: Value) -> PyResult<Stmt> {
        let loc = self.loc(obj, "stmt")?;
        let Some(class) = self.constructor_of(obj, "stmt") else {
            return Err(self.expected("stmt", obj));
        };
        self.enter()?;
        let kind = self.stmt_kind(obj, class);
        self.depth -= 1;
        Ok(Stmt { kind: kind?, loc })
    }

    fn stmt_kind(&mut self, obj: Value, class: &'static str) -> PyResult<StmtKind> {
        Ok(match class {
            "FunctionDef" => StmtKind::FunctionDef(self.function_def(obj, class)?),
            "AsyncFunctionDef" => StmtKind::AsyncFunctionDef(self.function_def(obj, class)?),
            "ClassDef" => StmtKind::ClassDef {
                name: self.identifier_field(obj, "name", class)?,
                bases: self.exprs(obj, "bases", class)?,
                keywords: self.list(obj, "keywords", class, Self::keyword)?,
                body: self.stmts(obj, "body", class)?,
                decorator_list: self.exprs(obj, "decorator_list", class)?,
            },
            "Return" => StmtKind::Return { value: self.opt_expr_field(obj, "value")? },
            "Delete" => StmtKind::Delete { targets: self.exprs(obj, "targets", class)? },
            "Assign" => StmtKind::Assign {
                targets: self.exprs(obj, "targets", class)?,
                value: self.expr_field(obj, "value", class)?,
                type_comment: self.opt_string_field(obj, "type_comment")?,
            },
            "AugAssign" => StmtKind::AugAssign {
                target: self.expr_field(obj, "target", class)?,
                op: self.enum_field(obj, "op", class, "operator", &OPERATORS)?,
                value: self.expr_field(obj, "value", class)?,
            },
            "AnnAssign" => StmtKind::AnnAssign {
                target: self.expr_field(obj, "target", class)?,
                annotation: self.expr_field(obj, "annotation", class)?,
                value: self.opt_expr_field(obj, "value")?,
                simple: self.int_field(obj, "simple", class)? != 0,
            },
            "For" => StmtKind::For(self.for_loop(obj, class)?),
            "AsyncFor" => StmtKind::AsyncFor(self.for_loop(obj, class)?),
            "While" => StmtKind::While {
                test: self.expr_field(obj, "test", class)?,
                body: self.stmts(obj, "body", class)?,
                orelse: self.stmts(obj, "orelse", class)?,
            },
            "If" => StmtKind::If {
                test: self.expr_field(obj, "test", class)?,
                body: self.stmts(obj, "body", class)?,
                orelse: self.stmts(obj, "orelse", class)?,
            },
            "With" => StmtKind::With(self.with(obj, class)?),
            "AsyncWith" => StmtKind::AsyncWith(self.with(obj, class)?),
            "Raise" => StmtKind::Raise {
                exc: self.opt_expr_field(obj, "exc")?,
                cause: self.opt_expr_field(obj, "cause")?,
            },
            "Try" => StmtKind::Try {
                body: self.stmts(obj, "body", class)?,
                handlers: self.list(obj, "handlers", class, Self::handler)?,
                orelse: self.stmts(obj, "orelse", class)?,
                finalbody: self.stmts(obj, "finalbody", class)?,
            },
            "Assert" => StmtKind::Assert {
                test: self.expr_field(obj, "test", class)?,
                msg: self.opt_expr_field(obj, "msg")?,
            },
            "Import" => StmtKind::Import { names: self.list(obj, "names", class, Self::alias)? },
            "ImportFrom" => {
                let module = self.opt_identifier_field(obj, "module")?;
                let names = self.list(obj, "names", class, Self::alias)?;
                let level = self.opt_int_field(obj, "level")?.unwrap_or(0);
                if level < 0 {
                    return Err(self.vm.value_error("Negative ImportFrom level"));
                }
                StmtKind::ImportFrom {
                    module,
                    names,
                    level: u32::try_from(level).unwrap_or(u32::MAX),
                }
            }
            "Global" => StmtKind::Global { names: self.names(obj, class)? },
            "Nonlocal" => StmtKind::Nonlocal { names: self.names(obj, class)? },
            "Expr" => StmtKind::Expr { value: self.expr_field(obj, "value", class)? },
            "Pass" => StmtKind::Pass,
            "Break" => StmtKind::Break,
            "Continue" => StmtKind::Continue,
            _ => return Err(self.expected("stmt", obj)),
        })
    }

    fn names(&mut self, obj: Value, owner: &str) -> PyResult<Vec<Identifier>> {
        self.list(obj, "names", owner, |c, v| {
            c.identifier(v)?.ok_or_else(|| c.is_required("names", owner))
        })
    }

    fn function_def(&mut self, obj: Value, class: &str) -> PyResult<FunctionDef> {
        Ok(FunctionDef {
            name: self.identifier_field(obj, "name", class)?,
            args: Box::new(self.arguments_field(obj, "args", class)?),
            body: self.stmts(obj, "body", class)?,
            decorator_list: self.exprs(obj, "decorator_list", class)?,
            returns: self.opt_expr_field(obj, "returns")?,
            type_comment: self.opt_string_field(obj, "type_comment")?,
        })
    }

    fn for_loop(&mut self, obj: Value, class: &str) -> PyResult<For> {
        Ok(For {
            target: self.expr_field(obj, "target", class)?,
            iter: self.expr_field(obj, "iter", class)?,
            body: self.stmts(obj, "body", class)?,
            orelse: self.stmts(obj, "orelse", class)?,
            type_comment: self.opt_string_field(obj, "type_comment")?,
        })
    }

    fn with(&mut self, obj: Value, class: &str) -> PyResult<With> {
        Ok(With {
            items: self.list(obj, "items", class, |c, item| {
                Ok(WithItem {
                    context_expr: *c.expr_field(item, "context_expr", "withitem")?,
                    optional_vars: c.opt_expr_field(item, "optional_vars")?,
                })
            })?,
            body: self.stmts(obj, "body", class)?,
            type_comment: self.opt_string_field(obj, "type_comment")?,
        })
    }

    fn handler(&mut self, obj: Value) -> PyResult<ExceptHandler> {
        let loc = self.loc(obj, "excepthandler")?;
        if !self.is(obj, "ExceptHandler") {
            return Err(self.expected("excepthandler", obj));
        }
        Ok(ExceptHandler {
            type_: self.opt_expr_field(obj, "type")?,
            name: self.opt_identifier_field(obj, "name")?,
            body: self.stmts(obj, "body", "ExceptHandler")?,
            loc,
        })
    }

    fn alias(&mut self, obj: Value) -> PyResult<Alias> {
        Ok(Alias {
            name: self.identifier_field(obj, "name", "alias")?,
            asname: self.opt_identifier_field(obj, "asname")?,
        })
    }

    fn keyword(&mut self, obj: Value) -> PyResult<Keyword> {
        Ok(Keyword {
            arg: self.opt_identifier_field(obj, "arg")?,
            value: *self.expr_field(obj, "value", "keyword")?,
        })
    }

    fn arg(&mut self, obj: Value) -> PyResult<Arg> {
        let arg = self.identifier_field(obj, "arg", "arg")?;
        let annotation = self.opt_expr_field(obj, "annotation")?;
        let type_comment = self.opt_string_field(obj, "type_comment")?;
        let loc = self.loc(obj, "arg")?;
        Ok(Arg { arg, annotation, type_comment, loc })
    }

    fn opt_arg_field(&mut self, obj: Value, name: &str) -> PyResult<Option<Arg>> {
        match self.optional(obj, name)? {
            Some(v) => self.arg(v).map(Some),
            None => Ok(None),
        }
    }

    fn arguments_field(&mut self, obj: Value, name: &str, owner: &str) -> PyResult<Arguments> {
        let a = self.required(obj, name, owner)?;
        let owner = "arguments";
        Ok(Arguments {
            posonlyargs: self.list(a, "posonlyargs", owner, Self::arg)?,
            args: self.list(a, "args", owner, Self::arg)?,
            vararg: self.opt_arg_field(a, "vararg")?,
            kwonlyargs: self.list(a, "kwonlyargs", owner, Self::arg)?,
            kw_defaults: self.opt_exprs(a, "kw_defaults", owner)?,
            kwarg: self.opt_arg_field(a, "kwarg")?,
            defaults: self.exprs(a, "defaults", owner)?,
        })
    }

    fn comprehensions(&mut self, obj: Value, owner: &str) -> PyResult<Vec<Comprehension>> {
        self.list(obj, "generators", owner, |c, g| {
            let owner = "comprehension";
            Ok(Comprehension {
                target: *c.expr_field(g, "target", owner)?,
                iter: *c.expr_field(g, "iter", owner)?,
                ifs: c.exprs(g, "ifs", owner)?,
                is_async: c.int_field(g, "is_async", owner)? != 0,
            })
        })
    }

    fn expr(&mut self, obj: Value) -> PyResult<Expr> {
        let loc = self.loc(obj, "expr")?;
        let Some(class) = self.constructor_of(obj, "expr") else {
            return Err(self.expected("expr", obj));
        };
        self.enter()?;
        let kind = self.expr_kind(obj, class, &loc);
        self.depth -= 1;
        Ok(Expr { kind: kind?, loc })
    }

    fn expr_kind(&mut self, obj: Value, class: &'static str, loc: &Loc) -> PyResult<ExprKind> {
        Ok(match class {
            "BoolOp" => ExprKind::BoolOp {
                op: self.enum_field(obj, "op", class, "boolop", &BOOL_OPS)?,
                values: self.exprs(obj, "values", class)?,
            },
            "NamedExpr" => ExprKind::NamedExpr {
                target: self.expr_field(obj, "target", class)?,
                value: self.expr_field(obj, "value", class)?,
            },
            "BinOp" => ExprKind::BinOp {
                left: self.expr_field(obj, "left", class)?,
                op: self.enum_field(obj, "op", class, "operator", &OPERATORS)?,
                right: self.expr_field(obj, "right", class)?,
            },
            "UnaryOp" => ExprKind::UnaryOp {
                op: self.enum_field(obj, "op", class, "unaryop", &UNARY_OPS)?,
                operand: self.expr_field(obj, "operand", class)?,
            },
            "Lambda" => ExprKind::Lambda {
                args: Box::new(self.arguments_field(obj, "args", class)?),
                body: self.expr_field(obj, "body", class)?,
            },
            "IfExp" => ExprKind::IfExp {
                test: self.expr_field(obj, "test", class)?,
                body: self.expr_field(obj, "body", class)?,
                orelse: self.expr_field(obj, "orelse", class)?,
            },
            "Dict" => ExprKind::Dict {
                keys: self.opt_exprs(obj, "keys", class)?,
                values: self.exprs(obj, "values", class)?,
            },
            "Set" => ExprKind::Set { elts: self.exprs(obj, "elts", class)? },
            "ListComp" => ExprKind::ListComp {
                elt: self.expr_field(obj, "elt", class)?,
                generators: self.comprehensions(obj, class)?,
            },
            "SetComp" => ExprKind::SetComp {
                elt: self.expr_field(obj, "elt", class)?,
                generators: self.comprehensions(obj, class)?,
            },
            "DictComp" => ExprKind::DictComp {
                key: self.expr_field(obj, "key", class)?,
                value: self.expr_field(obj, "value", class)?,
                generators: self.comprehensions(obj, class)?,
            },
            "GeneratorExp" => ExprKind::GeneratorExp {
                elt: self.expr_field(obj, "elt", class)?,
                generators: self.comprehensions(obj, class)?,
            },
            "Await" => ExprKind::Await { value: self.expr_field(obj, "value", class)? },
            "Yield" => ExprKind::Yield { value: self.opt_expr_field(obj, "value")? },
            "YieldFrom" => ExprKind::YieldFrom { value: self.expr_field(obj, "value", class)? },
            "Compare" => ExprKind::Compare {
                left: self.expr_field(obj, "left", class)?,
                ops: self.list(obj, "ops", class, |c, v| c.enum_value(v, "cmpop", &CMP_OPS))?,
                comparators: self.exprs(obj, "comparators", class)?,
            },
            "Call" => ExprKind::Call {
                func: self.expr_field(obj, "func", class)?,
                args: self.exprs(obj, "args", class)?,
                keywords: self.list(obj, "keywords", class, Self::keyword)?,
            },
            "FormattedValue" => ExprKind::FormattedValue {
                value: self.expr_field(obj, "value", class)?,
                conversion: self
                    .opt_int_field(obj, "conversion")?
                    .map_or(-1, |c| i32::try_from(c).unwrap_or(-1)),
                format_spec: self.opt_expr_field(obj, "format_spec")?,
            },
            "JoinedStr" => ExprKind::JoinedStr { values: self.exprs(obj, "values", class)? },
            "Constant" => {
                let value = self.required(obj, "value", class)?;
                let kind = self.opt_string_field(obj, "kind")?;
                return self.constant(value, kind, loc);
            }
            "Attribute" => ExprKind::Attribute {
                value: self.expr_field(obj, "value", class)?,
                attr: self.identifier_field(obj, "attr", class)?,
                ctx: self.ctx(obj, class)?,
            },
            "Subscript" => ExprKind::Subscript {
                value: self.expr_field(obj, "value", class)?,
                slice: Box::new(self.slice_field(obj, "slice", class)?),
                ctx: self.ctx(obj, class)?,
            },
            "Starred" => ExprKind::Starred {
                value: self.expr_field(obj, "value", class)?,
                ctx: self.ctx(obj, class)?,
            },
            "Name" => ExprKind::Name {
                id: self.identifier_field(obj, "id", class)?,
                ctx: self.ctx(obj, class)?,
            },
            "List" => {
                ExprKind::List { elts: self.exprs(obj, "elts", class)?, ctx: self.ctx(obj, class)? }
            }
            "Tuple" => ExprKind::Tuple {
                elts: self.exprs(obj, "elts", class)?,
                ctx: self.ctx(obj, class)?,
            },
            _ => return Err(self.expected("expr", obj)),
        })
    }

    fn slice_field(&mut self, obj: Value, name: &str, owner: &str) -> PyResult<Slice> {
        let v = self.required(obj, name, owner)?;
        if v.is_none() {
            return Err(self.is_required(name, owner));
        }
        self.slice(v)
    }

    fn slice(&mut self, obj: Value) -> PyResult<Slice> {
        match self.constructor_of(obj, "slice") {
            Some("Slice") => Ok(Slice::Slice {
                lower: self.opt_expr_field(obj, "lower")?,
                upper: self.opt_expr_field(obj, "upper")?,
                step: self.opt_expr_field(obj, "step")?,
            }),
            Some("ExtSlice") => Ok(Slice::ExtSlice {
                dims: self.list(obj, "dims", "ExtSlice", |c, d| {
                    if d.is_none() {
                        return Err(c.vm.value_error("None disallowed in expression list"));
                    }
                    c.slice(d)
                })?,
            }),
            Some("Index") => Ok(Slice::Index { value: self.expr_field(obj, "value", "Index")? }),
            _ => Err(self.expected("slice", obj)),
        }
    }

    /// `Constant(value)`: the value types `validate_constant` accepts. A
    /// tuple becomes a `Tuple` of constants and a complex with a real part
    /// a sum, which evaluate to the same value.
    fn constant(&mut self, v: Value, kind: Option<String>, loc: &Loc) -> PyResult<ExprKind> {
        let constant = |value| ExprKind::Constant { value, kind: kind.clone() };
        let heap = &self.vm.heap;
        let types = heap.types();
        let ty = heap.type_of(v);
        if v.is_none() {
            return Ok(constant(Constant::None));
        }
        if v == heap.singletons().ellipsis {
            return Ok(constant(Constant::Ellipsis));
        }
        if let Some(b) = v.as_bool() {
            return Ok(constant(Constant::Bool(b)));
        }
        if ty == types.int {
            if let Some(i) = crate::object::boxes::int_of(v) {
                return Ok(constant(Constant::Int(match i {
                    crate::number::int::Int::Small(i) => Int::Small(i),
                    crate::number::int::Int::Big(b) => Int::Big(b),
                })));
            }
        }
        if ty == types.float {
            if let Some(f) = crate::object::boxes::float_value(v) {
                return Ok(constant(Constant::Float(f)));
            }
        }
        if ty == types.complex {
            if let Some(c) = Gc::<crate::object::boxes::ComplexObj>::from_value(v) {
                let imag = constant(Constant::Complex { imag: c.im });
                if c.re == 0.0 && c.re.is_sign_positive() {
                    return Ok(imag);
                }
                let re = Expr { kind: constant(Constant::Float(c.re)), loc: *loc };
                return Ok(ExprKind::BinOp {
                    left: Box::new(re),
                    op: Operator::Add,
                    right: Box::new(Expr { kind: imag, loc: *loc }),
                });
            }
        }
        if ty == types.str {
            if let Some(s) = str_of(v) {
                return Ok(constant(match s.to_str() {
                    Ok(text) => Constant::Str(text.to_string()),
                    Err(_) => Constant::StrCodePoints(s.code_points().collect()),
                }));
            }
        }
        if ty == types.bytes {
            if let Some(b) = bytes_of(v) {
                return Ok(constant(Constant::Bytes(b.as_bytes().to_vec())));
            }
        }
        if ty == types.tuple {
            if let Some(t) = tuple_of(v) {
                let items = t.items().to_vec();
                let mut elts = Vec::with_capacity(items.len());
                for item in items {
                    match self.constant(item, None, loc) {
                        Ok(kind) => elts.push(Expr { kind, loc: *loc }),
                        // CPython names the outermost type of an invalid constant.
                        Err(e) if e.matches(&self.vm.heap, self.vm.heap.types().type_error) => {
                            return Err(self
                                .vm
                                .type_error("got an invalid type in Constant: tuple"))
                        }
                        Err(e) => return Err(e),
                    }
                }
                return Ok(ExprKind::Tuple { elts, ctx: ExprContext::Load });
            }
        }
        if ty == types.frozenset {
            return Err(self
                .vm
                .type_error("frozenset constants in an AST are not supported by tachyon yet"));
        }
        let name = self.vm.type_name(v);
        Err(self.vm.type_error(&format!("got an invalid type in Constant: {name}")))
    }
}
