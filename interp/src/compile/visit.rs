//! Small walkers over the AST for the questions the code generator asks
//! about a body before compiling it. They do not enter nested scopes
//! (lambdas, comprehensions, defs, classes): those are compiled apart.

use crate::parse::ast::*;

/// Calls `f` on `e` and every sub-expression of it in the same scope.
pub fn each_subexpr(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    f(e);
    let mut go = |x: &Expr| each_subexpr(x, f);
    match &e.kind {
        ExprKind::BoolOp { values, .. } => values.iter().for_each(&mut go),
        ExprKind::NamedExpr { target, value } => {
            go(target);
            go(value);
        }
        ExprKind::BinOp { left, right, .. } => {
            go(left);
            go(right);
        }
        ExprKind::UnaryOp { operand, .. } => go(operand),
        ExprKind::Lambda { args, .. } => {
            args.defaults.iter().for_each(&mut go);
            args.kw_defaults.iter().flatten().for_each(&mut go);
        }
        ExprKind::IfExp { test, body, orelse } => {
            go(test);
            go(body);
            go(orelse);
        }
        ExprKind::Dict { keys, values } => {
            keys.iter().flatten().for_each(&mut go);
            values.iter().for_each(&mut go);
        }
        ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().for_each(&mut go)
        }
        ExprKind::ListComp { generators, .. }
        | ExprKind::SetComp { generators, .. }
        | ExprKind::DictComp { generators, .. }
        | ExprKind::GeneratorExp { generators, .. } => go(&generators[0].iter),
        ExprKind::Await { value } | ExprKind::YieldFrom { value } => go(value),
        ExprKind::Yield { value } => value.iter().for_each(|v| go(v)),
        ExprKind::Compare { left, comparators, .. } => {
            go(left);
            comparators.iter().for_each(&mut go);
        }
        ExprKind::Call { func, args, keywords } => {
            go(func);
            args.iter().for_each(&mut go);
            keywords.iter().for_each(|k| go(&k.value));
        }
        ExprKind::FormattedValue { value, format_spec, .. } => {
            go(value);
            format_spec.iter().for_each(|s| go(s));
        }
        ExprKind::JoinedStr { values } => values.iter().for_each(&mut go),
        ExprKind::Constant { .. } | ExprKind::Name { .. } => {}
        ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => go(value),
        ExprKind::Subscript { value, slice, .. } => {
            go(value);
            each_slice_expr(slice, &mut go);
        }
    }
}

fn each_slice_expr(slice: &Slice, f: &mut dyn FnMut(&Expr)) {
    match slice {
        Slice::Slice { lower, upper, step } => {
            for part in [lower, upper, step].into_iter().flatten() {
                f(part);
            }
        }
        Slice::ExtSlice { dims } => dims.iter().for_each(|d| each_slice_expr(d, f)),
        Slice::Index { value } => f(value),
    }
}

/// Calls `f` on every top-level expression of the statements in `body`,
/// descending into compound statements but not into nested scopes.
pub fn each_stmt_expr(body: &[Stmt], f: &mut dyn FnMut(&Expr)) {
    for stmt in body {
        match &stmt.kind {
            StmtKind::FunctionDef(def) | StmtKind::AsyncFunctionDef(def) => {
                def.decorator_list.iter().for_each(&mut *f);
                def.args.defaults.iter().for_each(&mut *f);
                def.args.kw_defaults.iter().flatten().for_each(&mut *f);
            }
            StmtKind::ClassDef { bases, keywords, decorator_list, .. } => {
                bases.iter().for_each(&mut *f);
                keywords.iter().for_each(|k| f(&k.value));
                decorator_list.iter().for_each(&mut *f);
            }
            StmtKind::Return { value } => value.iter().for_each(|v| f(v)),
            StmtKind::Delete { targets } => targets.iter().for_each(&mut *f),
            StmtKind::Assign { targets, value, .. } => {
                targets.iter().for_each(&mut *f);
                f(value);
            }
            StmtKind::AugAssign { target, value, .. } => {
                f(target);
                f(value);
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                f(target);
                f(annotation);
                value.iter().for_each(|v| f(v));
            }
            StmtKind::For(fr) | StmtKind::AsyncFor(fr) => {
                f(&fr.target);
                f(&fr.iter);
                each_stmt_expr(&fr.body, f);
                each_stmt_expr(&fr.orelse, f);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                f(test);
                each_stmt_expr(body, f);
                each_stmt_expr(orelse, f);
            }
            StmtKind::With(w) | StmtKind::AsyncWith(w) => {
                for item in &w.items {
                    f(&item.context_expr);
                    item.optional_vars.iter().for_each(|v| f(v));
                }
                each_stmt_expr(&w.body, f);
            }
            StmtKind::Raise { exc, cause } => {
                exc.iter().for_each(|v| f(v));
                cause.iter().for_each(|v| f(v));
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                each_stmt_expr(body, f);
                for h in handlers {
                    h.type_.iter().for_each(|v| f(v));
                    each_stmt_expr(&h.body, f);
                }
                each_stmt_expr(orelse, f);
                each_stmt_expr(finalbody, f);
            }
            StmtKind::Assert { test, msg } => {
                f(test);
                msg.iter().for_each(|v| f(v));
            }
            StmtKind::Expr { value } => f(value),
            StmtKind::Import { .. }
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global { .. }
            | StmtKind::Nonlocal { .. }
            | StmtKind::Pass
            | StmtKind::Break
            | StmtKind::Continue => {}
        }
    }
}
