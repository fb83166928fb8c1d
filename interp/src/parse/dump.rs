//! `ast.dump(tree)` of CPython 3.8 with default arguments: every field by
//! name, `None` for absent optional fields, Python reprs for values.

use super::ast::*;
use crate::number::float_repr::{float_repr, float_repr_bare};
use crate::unicode::{repr_bytes, repr_code_points, repr_str};

/// The text `ast.dump(ast.parse(source))` prints for `tree`.
pub fn dump(tree: &Mod) -> String {
    super::on_big_stack(|| dump_on_this_stack(tree, false))
}

/// `ast.dump(tree, include_attributes=True)`: with every node's position.
pub fn dump_with_positions(tree: &Mod) -> String {
    super::on_big_stack(|| dump_on_this_stack(tree, true))
}

fn dump_on_this_stack(tree: &Mod, positions: bool) -> String {
    let mut d = Dumper { out: String::new(), positions };
    match tree {
        Mod::Module { body, type_ignores } => {
            d.out.push_str("Module(body=");
            d.stmts(body);
            d.out.push_str(", type_ignores=[");
            for (i, t) in type_ignores.iter().enumerate() {
                d.sep(i);
                d.out.push_str(&format!(
                    "TypeIgnore(lineno={}, tag={})",
                    t.lineno,
                    repr_str(&t.tag)
                ));
            }
            d.out.push_str("])");
        }
        Mod::Interactive { body } => {
            d.out.push_str("Interactive(body=");
            d.stmts(body);
            d.out.push(')');
        }
        Mod::Expression { body } => {
            d.out.push_str("Expression(body=");
            d.expr(body);
            d.out.push(')');
        }
    }
    d.out
}

/// `repr()` of a constant value.
pub fn constant_repr(value: &Constant) -> String {
    match value {
        Constant::None => "None".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Int(Int::Small(i)) => i.to_string(),
        Constant::Int(Int::Big(b)) => b.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { imag } => format!("{}j", float_repr_bare(*imag)),
        Constant::Str(s) => repr_str(s),
        Constant::StrCodePoints(cps) => repr_code_points(cps),
        Constant::Bytes(b) => repr_bytes(b),
        Constant::Ellipsis => "Ellipsis".into(),
    }
}

struct Dumper {
    out: String,
    /// Append `lineno=..., col_offset=..., end_lineno=..., end_col_offset=...`.
    positions: bool,
}

impl Dumper {
    fn sep(&mut self, i: usize) {
        if i > 0 {
            self.out.push_str(", ");
        }
    }

    /// `, name=` (or `name=` for the first field).
    fn field(&mut self, name: &str) {
        if !self.out.ends_with('(') {
            self.out.push_str(", ");
        }
        self.out.push_str(name);
        self.out.push('=');
    }

    fn open(&mut self, name: &str) {
        self.out.push_str(name);
        self.out.push('(');
    }

    fn close(&mut self) {
        self.out.push(')');
    }

    /// The position attributes of the node just written (before its `)`).
    fn attributes(&mut self, loc: &Loc) {
        if !self.positions {
            return;
        }
        self.out.pop();
        if !self.out.ends_with('(') {
            self.out.push_str(", ");
        }
        self.out.push_str(&format!(
            "lineno={}, col_offset={}, end_lineno={}, end_col_offset={})",
            loc.lineno, loc.col_offset, loc.end_lineno, loc.end_col_offset
        ));
    }

    fn stmts(&mut self, body: &[Stmt]) {
        self.out.push('[');
        for (i, s) in body.iter().enumerate() {
            self.sep(i);
            self.stmt(s);
        }
        self.out.push(']');
    }

    fn exprs(&mut self, list: &[Expr]) {
        self.out.push('[');
        for (i, e) in list.iter().enumerate() {
            self.sep(i);
            self.expr(e);
        }
        self.out.push(']');
    }

    fn opt_expr(&mut self, e: &Option<Box<Expr>>) {
        match e {
            Some(e) => self.expr(e),
            None => self.out.push_str("None"),
        }
    }

    fn ident(&mut self, name: &str) {
        self.out.push_str(&repr_str(name));
    }

    fn opt_ident(&mut self, name: &Option<String>) {
        match name {
            Some(n) => self.ident(n),
            None => self.out.push_str("None"),
        }
    }

    fn idents(&mut self, names: &[String]) {
        self.out.push('[');
        for (i, n) in names.iter().enumerate() {
            self.sep(i);
            self.ident(n);
        }
        self.out.push(']');
    }

    fn ctx(&mut self, ctx: ExprContext) {
        self.out.push_str(match ctx {
            ExprContext::Load => "Load()",
            ExprContext::Store => "Store()",
            ExprContext::Del => "Del()",
            ExprContext::AugLoad => "AugLoad()",
            ExprContext::AugStore => "AugStore()",
            ExprContext::Param => "Param()",
        });
    }

    fn operator(&mut self, op: Operator) {
        self.out.push_str(match op {
            Operator::Add => "Add()",
            Operator::Sub => "Sub()",
            Operator::Mult => "Mult()",
            Operator::MatMult => "MatMult()",
            Operator::Div => "Div()",
            Operator::Mod => "Mod()",
            Operator::Pow => "Pow()",
            Operator::LShift => "LShift()",
            Operator::RShift => "RShift()",
            Operator::BitOr => "BitOr()",
            Operator::BitXor => "BitXor()",
            Operator::BitAnd => "BitAnd()",
            Operator::FloorDiv => "FloorDiv()",
        });
    }

    fn type_comment(&mut self, tc: &Option<String>) {
        self.field("type_comment");
        self.opt_ident(tc);
    }

    fn function(&mut self, name: &str, f: &FunctionDef) {
        self.open(name);
        self.field("name");
        self.ident(&f.name);
        self.field("args");
        self.arguments(&f.args);
        self.field("body");
        self.stmts(&f.body);
        self.field("decorator_list");
        self.exprs(&f.decorator_list);
        self.field("returns");
        self.opt_expr(&f.returns);
        self.type_comment(&f.type_comment);
        self.close();
    }

    fn for_loop(&mut self, name: &str, f: &For) {
        self.open(name);
        self.field("target");
        self.expr(&f.target);
        self.field("iter");
        self.expr(&f.iter);
        self.field("body");
        self.stmts(&f.body);
        self.field("orelse");
        self.stmts(&f.orelse);
        self.type_comment(&f.type_comment);
        self.close();
    }

    fn with(&mut self, name: &str, w: &With) {
        self.open(name);
        self.field("items");
        self.out.push('[');
        for (i, item) in w.items.iter().enumerate() {
            self.sep(i);
            self.open("withitem");
            self.field("context_expr");
            self.expr(&item.context_expr);
            self.field("optional_vars");
            self.opt_expr(&item.optional_vars);
            self.close();
        }
        self.out.push(']');
        self.field("body");
        self.stmts(&w.body);
        self.type_comment(&w.type_comment);
        self.close();
    }

    fn aliases(&mut self, names: &[Alias]) {
        self.out.push('[');
        for (i, a) in names.iter().enumerate() {
            self.sep(i);
            self.open("alias");
            self.field("name");
            self.ident(&a.name);
            self.field("asname");
            self.opt_ident(&a.asname);
            self.close();
        }
        self.out.push(']');
    }

    fn stmt(&mut self, s: &Stmt) {
        self.stmt_fields(s);
        self.attributes(&s.loc);
    }

    fn stmt_fields(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function("FunctionDef", f),
            StmtKind::AsyncFunctionDef(f) => self.function("AsyncFunctionDef", f),
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list } => {
                self.open("ClassDef");
                self.field("name");
                self.ident(name);
                self.field("bases");
                self.exprs(bases);
                self.field("keywords");
                self.keywords(keywords);
                self.field("body");
                self.stmts(body);
                self.field("decorator_list");
                self.exprs(decorator_list);
                self.close();
            }
            StmtKind::Return { value } => {
                self.open("Return");
                self.field("value");
                self.opt_expr(value);
                self.close();
            }
            StmtKind::Delete { targets } => {
                self.open("Delete");
                self.field("targets");
                self.exprs(targets);
                self.close();
            }
            StmtKind::Assign { targets, value, type_comment } => {
                self.open("Assign");
                self.field("targets");
                self.exprs(targets);
                self.field("value");
                self.expr(value);
                self.type_comment(type_comment);
                self.close();
            }
            StmtKind::AugAssign { target, op, value } => {
                self.open("AugAssign");
                self.field("target");
                self.expr(target);
                self.field("op");
                self.operator(*op);
                self.field("value");
                self.expr(value);
                self.close();
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.open("AnnAssign");
                self.field("target");
                self.expr(target);
                self.field("annotation");
                self.expr(annotation);
                self.field("value");
                self.opt_expr(value);
                self.field("simple");
                self.out.push_str(if *simple { "1" } else { "0" });
                self.close();
            }
            StmtKind::For(f) => self.for_loop("For", f),
            StmtKind::AsyncFor(f) => self.for_loop("AsyncFor", f),
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.open(if matches!(s.kind, StmtKind::While { .. }) { "While" } else { "If" });
                self.field("test");
                self.expr(test);
                self.field("body");
                self.stmts(body);
                self.field("orelse");
                self.stmts(orelse);
                self.close();
            }
            StmtKind::With(w) => self.with("With", w),
            StmtKind::AsyncWith(w) => self.with("AsyncWith", w),
            StmtKind::Raise { exc, cause } => {
                self.open("Raise");
                self.field("exc");
                self.opt_expr(exc);
                self.field("cause");
                self.opt_expr(cause);
                self.close();
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.open("Try");
                self.field("body");
                self.stmts(body);
                self.field("handlers");
                self.out.push('[');
                for (i, h) in handlers.iter().enumerate() {
                    self.sep(i);
                    self.open("ExceptHandler");
                    self.field("type");
                    self.opt_expr(&h.type_);
                    self.field("name");
                    self.opt_ident(&h.name);
                    self.field("body");
                    self.stmts(&h.body);
                    self.close();
                    self.attributes(&h.loc);
                }
                self.out.push(']');
                self.field("orelse");
                self.stmts(orelse);
                self.field("finalbody");
                self.stmts(finalbody);
                self.close();
            }
            StmtKind::Assert { test, msg } => {
                self.open("Assert");
                self.field("test");
                self.expr(test);
                self.field("msg");
                self.opt_expr(msg);
                self.close();
            }
            StmtKind::Import { names } => {
                self.open("Import");
                self.field("names");
                self.aliases(names);
                self.close();
            }
            StmtKind::ImportFrom { module, names, level } => {
                self.open("ImportFrom");
                self.field("module");
                self.opt_ident(module);
                self.field("names");
                self.aliases(names);
                self.field("level");
                self.out.push_str(&level.to_string());
                self.close();
            }
            StmtKind::Global { names } | StmtKind::Nonlocal { names } => {
                self.open(if matches!(s.kind, StmtKind::Global { .. }) {
                    "Global"
                } else {
                    "Nonlocal"
                });
                self.field("names");
                self.idents(names);
                self.close();
            }
            StmtKind::Expr { value } => {
                self.open("Expr");
                self.field("value");
                self.expr(value);
                self.close();
            }
            StmtKind::Pass => self.out.push_str("Pass()"),
            StmtKind::Break => self.out.push_str("Break()"),
            StmtKind::Continue => self.out.push_str("Continue()"),
        }
    }

    fn keywords(&mut self, keywords: &[Keyword]) {
        self.out.push('[');
        for (i, k) in keywords.iter().enumerate() {
            self.sep(i);
            self.open("keyword");
            self.field("arg");
            self.opt_ident(&k.arg);
            self.field("value");
            self.expr(&k.value);
            self.close();
        }
        self.out.push(']');
    }

    fn arg(&mut self, a: &Arg) {
        self.open("arg");
        self.field("arg");
        self.ident(&a.arg);
        self.field("annotation");
        self.opt_expr(&a.annotation);
        self.type_comment(&a.type_comment);
        self.close();
        self.attributes(&a.loc);
    }

    fn opt_arg(&mut self, a: &Option<Arg>) {
        match a {
            Some(a) => self.arg(a),
            None => self.out.push_str("None"),
        }
    }

    fn arg_list(&mut self, args: &[Arg]) {
        self.out.push('[');
        for (i, a) in args.iter().enumerate() {
            self.sep(i);
            self.arg(a);
        }
        self.out.push(']');
    }

    fn arguments(&mut self, a: &Arguments) {
        self.open("arguments");
        self.field("posonlyargs");
        self.arg_list(&a.posonlyargs);
        self.field("args");
        self.arg_list(&a.args);
        self.field("vararg");
        self.opt_arg(&a.vararg);
        self.field("kwonlyargs");
        self.arg_list(&a.kwonlyargs);
        self.field("kw_defaults");
        self.out.push('[');
        for (i, d) in a.kw_defaults.iter().enumerate() {
            self.sep(i);
            match d {
                Some(e) => self.expr(e),
                None => self.out.push_str("None"),
            }
        }
        self.out.push(']');
        self.field("kwarg");
        self.opt_arg(&a.kwarg);
        self.field("defaults");
        self.exprs(&a.defaults);
        self.close();
    }

    fn comprehensions(&mut self, generators: &[Comprehension]) {
        self.out.push('[');
        for (i, c) in generators.iter().enumerate() {
            self.sep(i);
            self.open("comprehension");
            self.field("target");
            self.expr(&c.target);
            self.field("iter");
            self.expr(&c.iter);
            self.field("ifs");
            self.exprs(&c.ifs);
            self.field("is_async");
            self.out.push_str(if c.is_async { "1" } else { "0" });
            self.close();
        }
        self.out.push(']');
    }

    fn slice(&mut self, s: &Slice) {
        match s {
            Slice::Slice { lower, upper, step } => {
                self.open("Slice");
                self.field("lower");
                self.opt_expr(lower);
                self.field("upper");
                self.opt_expr(upper);
                self.field("step");
                self.opt_expr(step);
                self.close();
            }
            Slice::ExtSlice { dims } => {
                self.open("ExtSlice");
                self.field("dims");
                self.out.push('[');
                for (i, d) in dims.iter().enumerate() {
                    self.sep(i);
                    self.slice(d);
                }
                self.out.push(']');
                self.close();
            }
            Slice::Index { value } => {
                self.open("Index");
                self.field("value");
                self.expr(value);
                self.close();
            }
        }
    }

    fn elt_generators(&mut self, name: &str, elt: &Expr, generators: &[Comprehension]) {
        self.open(name);
        self.field("elt");
        self.expr(elt);
        self.field("generators");
        self.comprehensions(generators);
        self.close();
    }

    fn expr(&mut self, e: &Expr) {
        self.expr_fields(e);
        self.attributes(&e.loc);
    }

    fn expr_fields(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                self.open("BoolOp");
                self.field("op");
                self.out.push_str(if *op == BoolOp::And { "And()" } else { "Or()" });
                self.field("values");
                self.exprs(values);
                self.close();
            }
            ExprKind::NamedExpr { target, value } => {
                self.open("NamedExpr");
                self.field("target");
                self.expr(target);
                self.field("value");
                self.expr(value);
                self.close();
            }
            ExprKind::BinOp { left, op, right } => {
                self.open("BinOp");
                self.field("left");
                self.expr(left);
                self.field("op");
                self.operator(*op);
                self.field("right");
                self.expr(right);
                self.close();
            }
            ExprKind::UnaryOp { op, operand } => {
                self.open("UnaryOp");
                self.field("op");
                self.out.push_str(match op {
                    UnaryOp::Invert => "Invert()",
                    UnaryOp::Not => "Not()",
                    UnaryOp::UAdd => "UAdd()",
                    UnaryOp::USub => "USub()",
                });
                self.field("operand");
                self.expr(operand);
                self.close();
            }
            ExprKind::Lambda { args, body } => {
                self.open("Lambda");
                self.field("args");
                self.arguments(args);
                self.field("body");
                self.expr(body);
                self.close();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.open("IfExp");
                self.field("test");
                self.expr(test);
                self.field("body");
                self.expr(body);
                self.field("orelse");
                self.expr(orelse);
                self.close();
            }
            ExprKind::Dict { keys, values } => {
                self.open("Dict");
                self.field("keys");
                self.out.push('[');
                for (i, k) in keys.iter().enumerate() {
                    self.sep(i);
                    match k {
                        Some(k) => self.expr(k),
                        None => self.out.push_str("None"),
                    }
                }
                self.out.push(']');
                self.field("values");
                self.exprs(values);
                self.close();
            }
            ExprKind::Set { elts } => {
                self.open("Set");
                self.field("elts");
                self.exprs(elts);
                self.close();
            }
            ExprKind::ListComp { elt, generators } => {
                self.elt_generators("ListComp", elt, generators)
            }
            ExprKind::SetComp { elt, generators } => {
                self.elt_generators("SetComp", elt, generators)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.elt_generators("GeneratorExp", elt, generators)
            }
            ExprKind::DictComp { key, value, generators } => {
                self.open("DictComp");
                self.field("key");
                self.expr(key);
                self.field("value");
                self.expr(value);
                self.field("generators");
                self.comprehensions(generators);
                self.close();
            }
            ExprKind::Await { value } => {
                self.open("Await");
                self.field("value");
                self.expr(value);
                self.close();
            }
            ExprKind::Yield { value } => {
                self.open("Yield");
                self.field("value");
                self.opt_expr(value);
                self.close();
            }
            ExprKind::YieldFrom { value } => {
                self.open("YieldFrom");
                self.field("value");
                self.expr(value);
                self.close();
            }
            ExprKind::Compare { left, ops, comparators } => {
                self.open("Compare");
                self.field("left");
                self.expr(left);
                self.field("ops");
                self.out.push('[');
                for (i, op) in ops.iter().enumerate() {
                    self.sep(i);
                    self.out.push_str(match op {
                        CmpOp::Eq => "Eq()",
                        CmpOp::NotEq => "NotEq()",
                        CmpOp::Lt => "Lt()",
                        CmpOp::LtE => "LtE()",
                        CmpOp::Gt => "Gt()",
                        CmpOp::GtE => "GtE()",
                        CmpOp::Is => "Is()",
                        CmpOp::IsNot => "IsNot()",
                        CmpOp::In => "In()",
                        CmpOp::NotIn => "NotIn()",
                    });
                }
                self.out.push(']');
                self.field("comparators");
                self.exprs(comparators);
                self.close();
            }
            ExprKind::Call { func, args, keywords } => {
                self.open("Call");
                self.field("func");
                self.expr(func);
                self.field("args");
                self.exprs(args);
                self.field("keywords");
                self.keywords(keywords);
                self.close();
            }
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.open("FormattedValue");
                self.field("value");
                self.expr(value);
                self.field("conversion");
                self.out.push_str(&conversion.to_string());
                self.field("format_spec");
                self.opt_expr(format_spec);
                self.close();
            }
            ExprKind::JoinedStr { values } => {
                self.open("JoinedStr");
                self.field("values");
                self.exprs(values);
                self.close();
            }
            ExprKind::Constant { value, kind } => {
                self.open("Constant");
                self.field("value");
                self.out.push_str(&constant_repr(value));
                self.field("kind");
                self.opt_ident(kind);
                self.close();
            }
            ExprKind::Attribute { value, attr, ctx } => {
                self.open("Attribute");
                self.field("value");
                self.expr(value);
                self.field("attr");
                self.ident(attr);
                self.field("ctx");
                self.ctx(*ctx);
                self.close();
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.open("Subscript");
                self.field("value");
                self.expr(value);
                self.field("slice");
                self.slice(slice);
                self.field("ctx");
                self.ctx(*ctx);
                self.close();
            }
            ExprKind::Starred { value, ctx } => {
                self.open("Starred");
                self.field("value");
                self.expr(value);
                self.field("ctx");
                self.ctx(*ctx);
                self.close();
            }
            ExprKind::Name { id, ctx } => {
                self.open("Name");
                self.field("id");
                self.ident(id);
                self.field("ctx");
                self.ctx(*ctx);
                self.close();
            }
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => {
                self.open(if matches!(e.kind, ExprKind::List { .. }) { "List" } else { "Tuple" });
                self.field("elts");
                self.exprs(elts);
                self.field("ctx");
                self.ctx(*ctx);
                self.close();
            }
        }
    }
}
