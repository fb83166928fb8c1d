//! The parser's tree ([`crate::parse::ast`]) to `_ast` objects, as
//! CPython's `ast2obj_*` makes them: fields in `_fields` order, then the
//! positions; the field-less classes (`Load`, `Add`, ...) shared.
//!
//! Nothing here runs Python code, so no collection can happen while the
//! new objects are held only in Rust.

use super::classes::Registry;
use crate::object::Value;
use crate::parse::ast::*;
use crate::vm::{PyResult, Vm};

/// The names of the enums' classes: one table each, read both ways.
pub const BOOL_OPS: [(BoolOp, &str); 2] = [(BoolOp::And, "And"), (BoolOp::Or, "Or")];
pub const OPERATORS: [(Operator, &str); 13] = [
    (Operator::Add, "Add"),
    (Operator::Sub, "Sub"),
    (Operator::Mult, "Mult"),
    (Operator::MatMult, "MatMult"),
    (Operator::Div, "Div"),
    (Operator::Mod, "Mod"),
    (Operator::Pow, "Pow"),
    (Operator::LShift, "LShift"),
    (Operator::RShift, "RShift"),
    (Operator::BitOr, "BitOr"),
    (Operator::BitXor, "BitXor"),
    (Operator::BitAnd, "BitAnd"),
    (Operator::FloorDiv, "FloorDiv"),
];
pub const UNARY_OPS: [(UnaryOp, &str); 4] = [
    (UnaryOp::Invert, "Invert"),
    (UnaryOp::Not, "Not"),
    (UnaryOp::UAdd, "UAdd"),
    (UnaryOp::USub, "USub"),
];
pub const CMP_OPS: [(CmpOp, &str); 10] = [
    (CmpOp::Eq, "Eq"),
    (CmpOp::NotEq, "NotEq"),
    (CmpOp::Lt, "Lt"),
    (CmpOp::LtE, "LtE"),
    (CmpOp::Gt, "Gt"),
    (CmpOp::GtE, "GtE"),
    (CmpOp::Is, "Is"),
    (CmpOp::IsNot, "IsNot"),
    (CmpOp::In, "In"),
    (CmpOp::NotIn, "NotIn"),
];
pub const CONTEXTS: [(ExprContext, &str); 6] = [
    (ExprContext::Load, "Load"),
    (ExprContext::Store, "Store"),
    (ExprContext::Del, "Del"),
    (ExprContext::AugLoad, "AugLoad"),
    (ExprContext::AugStore, "AugStore"),
    (ExprContext::Param, "Param"),
];

/// The name of `value`'s class in `table`.
pub fn name_in<T: PartialEq + Copy>(table: &[(T, &'static str)], value: T) -> &'static str {
    table.iter().find(|(v, _)| *v == value).map_or("", |(_, n)| n)
}

/// `tree` as `_ast` objects.
pub fn mod_to_python(vm: &mut Vm, tree: &Mod) -> PyResult {
    let registry = Registry::load(vm)?;
    let mut c = ToPython { vm, registry };
    Ok(c.module(tree))
}

struct ToPython<'a> {
    vm: &'a mut Vm,
    registry: Registry,
}

/// A field's value, made before its node.
type Fields<'f> = &'f [(&'static str, Value)];

impl ToPython<'_> {
    /// A new instance of class `name` with `fields`, then `loc`'s positions.
    fn node(&mut self, name: &str, fields: Fields, loc: Option<&Loc>) -> Value {
        let heap = &self.vm.heap;
        let obj = heap.new_instance(self.registry.type_obj(name));
        if let Some(attrs) = heap.attrs_of(obj, true) {
            for (field, v) in fields {
                attrs.set(heap, heap.intern(field), *v);
            }
            if let Some(loc) = loc {
                let values = [loc.lineno, loc.col_offset, loc.end_lineno, loc.end_col_offset];
                for (field, v) in super::nodes::POSITIONS.iter().zip(values) {
                    attrs.set(
                        heap,
                        heap.intern(field),
                        Value::from_small_int(v.into()).unwrap_or(Value::NONE),
                    );
                }
            }
        }
        obj
    }

    fn list<T>(&mut self, items: &[T], mut f: impl FnMut(&mut Self, &T) -> Value) -> Value {
        let values: Vec<Value> = items.iter().map(|x| f(self, x)).collect();
        self.vm.heap.new_list(&values)
    }

    fn str(&self, s: &str) -> Value {
        self.vm.heap.new_str(s)
    }

    fn opt_str(&self, s: &Option<String>) -> Value {
        s.as_deref().map_or(Value::NONE, |s| self.str(s))
    }

    fn int(&self, i: i64) -> Value {
        self.vm.heap.new_int_i64(i)
    }

    fn module(&mut self, tree: &Mod) -> Value {
        match tree {
            Mod::Module { body, type_ignores } => {
                let body = self.stmts(body);
                let ignores = self.list(type_ignores, |c, t| {
                    let lineno = c.int(t.lineno.into());
                    let tag = c.str(&t.tag);
                    c.node("TypeIgnore", &[("lineno", lineno), ("tag", tag)], None)
                });
                self.node("Module", &[("body", body), ("type_ignores", ignores)], None)
            }
            Mod::Interactive { body } => {
                let body = self.stmts(body);
                self.node("Interactive", &[("body", body)], None)
            }
            Mod::Expression { body } => {
                let body = self.expr(body);
                self.node("Expression", &[("body", body)], None)
            }
        }
    }

    fn stmts(&mut self, body: &[Stmt]) -> Value {
        self.list(body, Self::stmt)
    }

    fn exprs(&mut self, list: &[Expr]) -> Value {
        self.list(list, Self::expr)
    }

    fn opt_expr(&mut self, e: &Option<Box<Expr>>) -> Value {
        e.as_ref().map_or(Value::NONE, |e| self.expr(e))
    }

    fn stmt(&mut self, s: &Stmt) -> Value {
        let loc = Some(&s.loc);
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function_def("FunctionDef", f, loc),
            StmtKind::AsyncFunctionDef(f) => self.function_def("AsyncFunctionDef", f, loc),
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list } => {
                let fields = [
                    ("name", self.str(name)),
                    ("bases", self.exprs(bases)),
                    ("keywords", self.keywords(keywords)),
                    ("body", self.stmts(body)),
                    ("decorator_list", self.exprs(decorator_list)),
                ];
                self.node("ClassDef", &fields, loc)
            }
            StmtKind::Return { value } => {
                let value = self.opt_expr(value);
                self.node("Return", &[("value", value)], loc)
            }
            StmtKind::Delete { targets } => {
                let targets = self.exprs(targets);
                self.node("Delete", &[("targets", targets)], loc)
            }
            StmtKind::Assign { targets, value, type_comment } => {
                let fields = [
                    ("targets", self.exprs(targets)),
                    ("value", self.expr(value)),
                    ("type_comment", self.opt_str(type_comment)),
                ];
                self.node("Assign", &fields, loc)
            }
            StmtKind::AugAssign { target, op, value } => {
                let fields = [
                    ("target", self.expr(target)),
                    ("op", self.singleton(&OPERATORS, *op)),
                    ("value", self.expr(value)),
                ];
                self.node("AugAssign", &fields, loc)
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                let fields = [
                    ("target", self.expr(target)),
                    ("annotation", self.expr(annotation)),
                    ("value", self.opt_expr(value)),
                    ("simple", self.int(i64::from(*simple))),
                ];
                self.node("AnnAssign", &fields, loc)
            }
            StmtKind::For(f) => self.for_loop("For", f, loc),
            StmtKind::AsyncFor(f) => self.for_loop("AsyncFor", f, loc),
            StmtKind::While { test, body, orelse } => {
                let fields = [
                    ("test", self.expr(test)),
                    ("body", self.stmts(body)),
                    ("orelse", self.stmts(orelse)),
                ];
                self.node("While", &fields, loc)
            }
            StmtKind::If { test, body, orelse } => {
                let fields = [
                    ("test", self.expr(test)),
                    ("body", self.stmts(body)),
                    ("orelse", self.stmts(orelse)),
                ];
                self.node("If", &fields, loc)
            }
            StmtKind::With(w) => self.with("With", w, loc),
            StmtKind::AsyncWith(w) => self.with("AsyncWith", w, loc),
            StmtKind::Raise { exc, cause } => {
                let fields = [("exc", self.opt_expr(exc)), ("cause", self.opt_expr(cause))];
                self.node("Raise", &fields, loc)
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                let fields = [
                    ("body", self.stmts(body)),
                    ("handlers", self.list(handlers, Self::handler)),
                    ("orelse", self.stmts(orelse)),
                    ("finalbody", self.stmts(finalbody)),
                ];
                self.node("Try", &fields, loc)
            }
            StmtKind::Assert { test, msg } => {
                let fields = [("test", self.expr(test)), ("msg", self.opt_expr(msg))];
                self.node("Assert", &fields, loc)
            }
            StmtKind::Import { names } => {
                let names = self.aliases(names);
                self.node("Import", &[("names", names)], loc)
            }
            StmtKind::ImportFrom { module, names, level } => {
                let fields = [
                    ("module", self.opt_str(module)),
                    ("names", self.aliases(names)),
                    ("level", self.int((*level).into())),
                ];
                self.node("ImportFrom", &fields, loc)
            }
            StmtKind::Global { names } => {
                let names = self.list(names, |c, n| c.str(n));
                self.node("Global", &[("names", names)], loc)
            }
            StmtKind::Nonlocal { names } => {
                let names = self.list(names, |c, n| c.str(n));
                self.node("Nonlocal", &[("names", names)], loc)
            }
            StmtKind::Expr { value } => {
                let value = self.expr(value);
                self.node("Expr", &[("value", value)], loc)
            }
            StmtKind::Pass => self.node("Pass", &[], loc),
            StmtKind::Break => self.node("Break", &[], loc),
            StmtKind::Continue => self.node("Continue", &[], loc),
        }
    }

    fn function_def(&mut self, class: &str, f: &FunctionDef, loc: Option<&Loc>) -> Value {
        let fields = [
            ("name", self.str(&f.name)),
            ("args", self.arguments(&f.args)),
            ("body", self.stmts(&f.body)),
            ("decorator_list", self.exprs(&f.decorator_list)),
            ("returns", self.opt_expr(&f.returns)),
            ("type_comment", self.opt_str(&f.type_comment)),
        ];
        self.node(class, &fields, loc)
    }

    fn for_loop(&mut self, class: &str, f: &For, loc: Option<&Loc>) -> Value {
        let fields = [
            ("target", self.expr(&f.target)),
            ("iter", self.expr(&f.iter)),
            ("body", self.stmts(&f.body)),
            ("orelse", self.stmts(&f.orelse)),
            ("type_comment", self.opt_str(&f.type_comment)),
        ];
        self.node(class, &fields, loc)
    }

    fn with(&mut self, class: &str, w: &With, loc: Option<&Loc>) -> Value {
        let items = self.list(&w.items, |c, item| {
            let fields = [
                ("context_expr", c.expr(&item.context_expr)),
                ("optional_vars", c.opt_expr(&item.optional_vars)),
            ];
            c.node("withitem", &fields, None)
        });
        let fields = [
            ("items", items),
            ("body", self.stmts(&w.body)),
            ("type_comment", self.opt_str(&w.type_comment)),
        ];
        self.node(class, &fields, loc)
    }

    fn handler(&mut self, h: &ExceptHandler) -> Value {
        let fields = [
            ("type", self.opt_expr(&h.type_)),
            ("name", self.opt_str(&h.name)),
            ("body", self.stmts(&h.body)),
        ];
        self.node("ExceptHandler", &fields, Some(&h.loc))
    }

    fn aliases(&mut self, names: &[Alias]) -> Value {
        self.list(names, |c, a| {
            let fields = [("name", c.str(&a.name)), ("asname", c.opt_str(&a.asname))];
            c.node("alias", &fields, None)
        })
    }

    fn keywords(&mut self, keywords: &[Keyword]) -> Value {
        self.list(keywords, |c, k| {
            let fields = [("arg", c.opt_str(&k.arg)), ("value", c.expr(&k.value))];
            c.node("keyword", &fields, None)
        })
    }

    fn arg(&mut self, a: &Arg) -> Value {
        let fields = [
            ("arg", self.str(&a.arg)),
            ("annotation", self.opt_expr(&a.annotation)),
            ("type_comment", self.opt_str(&a.type_comment)),
        ];
        self.node("arg", &fields, Some(&a.loc))
    }

    fn opt_arg(&mut self, a: &Option<Arg>) -> Value {
        a.as_ref().map_or(Value::NONE, |a| self.arg(a))
    }

    fn arguments(&mut self, a: &Arguments) -> Value {
        let fields = [
            ("posonlyargs", self.list(&a.posonlyargs, Self::arg)),
            ("args", self.list(&a.args, Self::arg)),
            ("vararg", self.opt_arg(&a.vararg)),
            ("kwonlyargs", self.list(&a.kwonlyargs, Self::arg)),
            (
                "kw_defaults",
                self.list(&a.kw_defaults, |c, d| d.as_ref().map_or(Value::NONE, |d| c.expr(d))),
            ),
            ("kwarg", self.opt_arg(&a.kwarg)),
            ("defaults", self.exprs(&a.defaults)),
        ];
        self.node("arguments", &fields, None)
    }

    fn singleton<T: PartialEq + Copy>(&self, table: &[(T, &'static str)], value: T) -> Value {
        self.registry.singleton(name_in(table, value))
    }

    fn comprehensions(&mut self, generators: &[Comprehension]) -> Value {
        self.list(generators, |c, g| {
            let fields = [
                ("target", c.expr(&g.target)),
                ("iter", c.expr(&g.iter)),
                ("ifs", c.exprs(&g.ifs)),
                ("is_async", c.int(i64::from(g.is_async))),
            ];
            c.node("comprehension", &fields, None)
        })
    }

    fn expr(&mut self, e: &Expr) -> Value {
        let loc = Some(&e.loc);
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let fields =
                    [("op", self.singleton(&BOOL_OPS, *op)), ("values", self.exprs(values))];
                self.node("BoolOp", &fields, loc)
            }
            ExprKind::NamedExpr { target, value } => {
                let fields = [("target", self.expr(target)), ("value", self.expr(value))];
                self.node("NamedExpr", &fields, loc)
            }
            ExprKind::BinOp { left, op, right } => {
                let fields = [
                    ("left", self.expr(left)),
                    ("op", self.singleton(&OPERATORS, *op)),
                    ("right", self.expr(right)),
                ];
                self.node("BinOp", &fields, loc)
            }
            ExprKind::UnaryOp { op, operand } => {
                let fields =
                    [("op", self.singleton(&UNARY_OPS, *op)), ("operand", self.expr(operand))];
                self.node("UnaryOp", &fields, loc)
            }
            ExprKind::Lambda { args, body } => {
                let fields = [("args", self.arguments(args)), ("body", self.expr(body))];
                self.node("Lambda", &fields, loc)
            }
            ExprKind::IfExp { test, body, orelse } => {
                let fields = [
                    ("test", self.expr(test)),
                    ("body", self.expr(body)),
                    ("orelse", self.expr(orelse)),
                ];
                self.node("IfExp", &fields, loc)
            }
            ExprKind::Dict { keys, values } => {
                let keys = self.list(keys, |c, k| k.as_ref().map_or(Value::NONE, |k| c.expr(k)));
                let fields = [("keys", keys), ("values", self.exprs(values))];
                self.node("Dict", &fields, loc)
            }
            ExprKind::Set { elts } => {
                let elts = self.exprs(elts);
                self.node("Set", &[("elts", elts)], loc)
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension("ListComp", elt, generators, loc)
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension("SetComp", elt, generators, loc)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension("GeneratorExp", elt, generators, loc)
            }
            ExprKind::DictComp { key, value, generators } => {
                let fields = [
                    ("key", self.expr(key)),
                    ("value", self.expr(value)),
                    ("generators", self.comprehensions(generators)),
                ];
                self.node("DictComp", &fields, loc)
            }
            ExprKind::Await { value } => {
                let value = self.expr(value);
                self.node("Await", &[("value", value)], loc)
            }
            ExprKind::Yield { value } => {
                let value = self.opt_expr(value);
                self.node("Yield", &[("value", value)], loc)
            }
            ExprKind::YieldFrom { value } => {
                let value = self.expr(value);
                self.node("YieldFrom", &[("value", value)], loc)
            }
            ExprKind::Compare { left, ops, comparators } => {
                let fields = [
                    ("left", self.expr(left)),
                    ("ops", self.list(ops, |c, op| c.singleton(&CMP_OPS, *op))),
                    ("comparators", self.exprs(comparators)),
                ];
                self.node("Compare", &fields, loc)
            }
            ExprKind::Call { func, args, keywords } => {
                let fields = [
                    ("func", self.expr(func)),
                    ("args", self.exprs(args)),
                    ("keywords", self.keywords(keywords)),
                ];
                self.node("Call", &fields, loc)
            }
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                let fields = [
                    ("value", self.expr(value)),
                    ("conversion", self.int((*conversion).into())),
                    ("format_spec", self.opt_expr(format_spec)),
                ];
                self.node("FormattedValue", &fields, loc)
            }
            ExprKind::JoinedStr { values } => {
                let values = self.exprs(values);
                self.node("JoinedStr", &[("values", values)], loc)
            }
            ExprKind::Constant { value, kind } => {
                let fields = [("value", self.constant(value)), ("kind", self.opt_str(kind))];
                self.node("Constant", &fields, loc)
            }
            ExprKind::Attribute { value, attr, ctx } => {
                let fields = [
                    ("value", self.expr(value)),
                    ("attr", self.str(attr)),
                    ("ctx", self.singleton(&CONTEXTS, *ctx)),
                ];
                self.node("Attribute", &fields, loc)
            }
            ExprKind::Subscript { value, slice, ctx } => {
                let fields = [
                    ("value", self.expr(value)),
                    ("slice", self.slice(slice)),
                    ("ctx", self.singleton(&CONTEXTS, *ctx)),
                ];
                self.node("Subscript", &fields, loc)
            }
            ExprKind::Starred { value, ctx } => {
                let fields =
                    [("value", self.expr(value)), ("ctx", self.singleton(&CONTEXTS, *ctx))];
                self.node("Starred", &fields, loc)
            }
            ExprKind::Name { id, ctx } => {
                let fields = [("id", self.str(id)), ("ctx", self.singleton(&CONTEXTS, *ctx))];
                self.node("Name", &fields, loc)
            }
            ExprKind::List { elts, ctx } => {
                let fields = [("elts", self.exprs(elts)), ("ctx", self.singleton(&CONTEXTS, *ctx))];
                self.node("List", &fields, loc)
            }
            ExprKind::Tuple { elts, ctx } => {
                let fields = [("elts", self.exprs(elts)), ("ctx", self.singleton(&CONTEXTS, *ctx))];
                self.node("Tuple", &fields, loc)
            }
        }
    }

    fn comprehension(
        &mut self,
        class: &str,
        elt: &Expr,
        generators: &[Comprehension],
        loc: Option<&Loc>,
    ) -> Value {
        let fields = [("elt", self.expr(elt)), ("generators", self.comprehensions(generators))];
        self.node(class, &fields, loc)
    }

    fn slice(&mut self, s: &Slice) -> Value {
        match s {
            Slice::Slice { lower, upper, step } => {
                let fields = [
                    ("lower", self.opt_expr(lower)),
                    ("upper", self.opt_expr(upper)),
                    ("step", self.opt_expr(step)),
                ];
                self.node("Slice", &fields, None)
            }
            Slice::ExtSlice { dims } => {
                let dims = self.list(dims, Self::slice);
                self.node("ExtSlice", &[("dims", dims)], None)
            }
            Slice::Index { value } => {
                let value = self.expr(value);
                self.node("Index", &[("value", value)], None)
            }
        }
    }

    fn constant(&self, value: &Constant) -> Value {
        let heap = &self.vm.heap;
        match value {
            Constant::None => Value::NONE,
            Constant::Bool(b) => Value::from_bool(*b),
            Constant::Int(Int::Small(i)) => heap.new_int_i64(*i),
            Constant::Int(Int::Big(b)) => heap.new_int(b.clone()),
            Constant::Float(f) => Value::from_f64(*f),
            Constant::Complex { imag } => heap.new_complex(0.0, *imag),
            Constant::Str(s) => heap.new_str(s),
            Constant::StrCodePoints(cps) => heap.new_str_from_code_points(cps),
            Constant::Bytes(b) => heap.new_bytes(b),
            Constant::Ellipsis => heap.singletons().ellipsis,
        }
    }
}
