//! `PyAST_Validate` of CPython 3.8's `Python/ast.c`, over the tree that
//! [`super::from_python`] built: expression contexts (a `Store` target
//! must be a `Name`, `Attribute`, `Subscript`, `Starred`, `List` or
//! `Tuple` saying `Store`), non-empty bodies and name lists, the counts
//! the compiler relies on (`BoolOp` operands, `Compare` operators, `Dict`
//! keys, argument defaults). Errors are CPython's ValueErrors, word for word.

use crate::parse::ast::*;

use super::to_python::{name_in, CONTEXTS};

/// Why a tree cannot be compiled: a `ValueError` (or `TypeError`) message.
#[derive(Debug, PartialEq, Eq)]
pub struct Invalid {
    pub type_error: bool,
    pub msg: String,
}

type Check = Result<(), Invalid>;

fn value_error(msg: impl Into<String>) -> Invalid {
    Invalid { type_error: false, msg: msg.into() }
}

/// Checks a whole tree.
pub fn validate_mod(tree: &Mod) -> Check {
    match tree {
        Mod::Module { body, .. } | Mod::Interactive { body } => stmts(body),
        Mod::Expression { body } => expr(body, ExprContext::Load),
    }
}

fn nonempty<T>(seq: &[T], what: &str, owner: &str) -> Check {
    if seq.is_empty() {
        return Err(value_error(format!("empty {what} on {owner}")));
    }
    Ok(())
}

fn body(seq: &[Stmt], owner: &str) -> Check {
    nonempty(seq, "body", owner)?;
    stmts(seq)
}

fn stmts(seq: &[Stmt]) -> Check {
    seq.iter().try_for_each(stmt)
}

fn exprs(seq: &[Expr], ctx: ExprContext) -> Check {
    seq.iter().try_for_each(|e| expr(e, ctx))
}

fn opt_expr(e: &Option<Box<Expr>>, ctx: ExprContext) -> Check {
    e.as_deref().map_or(Ok(()), |e| expr(e, ctx))
}

fn assign_list(targets: &[Expr], ctx: ExprContext) -> Check {
    nonempty(targets, "targets", if ctx == ExprContext::Del { "Delete" } else { "Assign" })?;
    exprs(targets, ctx)
}

fn keywords(list: &[Keyword]) -> Check {
    list.iter().try_for_each(|k| expr(&k.value, ExprContext::Load))
}

fn args(list: &[Arg]) -> Check {
    list.iter().try_for_each(|a| opt_expr(&a.annotation, ExprContext::Load))
}

fn arguments(a: &Arguments) -> Check {
    let load = ExprContext::Load;
    args(&a.posonlyargs)?;
    args(&a.args)?;
    if let Some(v) = &a.vararg {
        opt_expr(&v.annotation, load)?;
    }
    args(&a.kwonlyargs)?;
    if let Some(k) = &a.kwarg {
        opt_expr(&k.annotation, load)?;
    }
    if a.defaults.len() > a.posonlyargs.len() + a.args.len() {
        return Err(value_error("more positional defaults than args on arguments"));
    }
    if a.kw_defaults.len() != a.kwonlyargs.len() {
        return Err(value_error(
            "length of kwonlyargs is not the same as kw_defaults on arguments",
        ));
    }
    exprs(&a.defaults, load)?;
    a.kw_defaults.iter().flatten().try_for_each(|d| expr(d, load))
}

fn function_def(f: &FunctionDef, owner: &str) -> Check {
    body(&f.body, owner)?;
    arguments(&f.args)?;
    exprs(&f.decorator_list, ExprContext::Load)?;
    opt_expr(&f.returns, ExprContext::Load)
}

fn for_loop(f: &For, owner: &str) -> Check {
    expr(&f.target, ExprContext::Store)?;
    expr(&f.iter, ExprContext::Load)?;
    body(&f.body, owner)?;
    stmts(&f.orelse)
}

fn with(w: &With, owner: &str) -> Check {
    nonempty(&w.items, "items", owner)?;
    for item in &w.items {
        expr(&item.context_expr, ExprContext::Load)?;
        opt_expr(&item.optional_vars, ExprContext::Store)?;
    }
    body(&w.body, owner)
}

fn stmt(s: &Stmt) -> Check {
    let load = ExprContext::Load;
    match &s.kind {
        StmtKind::FunctionDef(f) => function_def(f, "FunctionDef"),
        StmtKind::AsyncFunctionDef(f) => function_def(f, "AsyncFunctionDef"),
        StmtKind::ClassDef { bases, keywords: kws, body: b, decorator_list, .. } => {
            body(b, "ClassDef")?;
            exprs(bases, load)?;
            keywords(kws)?;
            exprs(decorator_list, load)
        }
        StmtKind::Return { value } => opt_expr(value, load),
        StmtKind::Delete { targets } => assign_list(targets, ExprContext::Del),
        StmtKind::Assign { targets, value, .. } => {
            assign_list(targets, ExprContext::Store)?;
            expr(value, load)
        }
        StmtKind::AugAssign { target, value, .. } => {
            expr(target, ExprContext::Store)?;
            expr(value, load)
        }
        StmtKind::AnnAssign { target, annotation, value, simple } => {
            if *simple && !matches!(target.kind, ExprKind::Name { .. }) {
                return Err(Invalid {
                    type_error: true,
                    msg: "AnnAssign with simple non-Name target".into(),
                });
            }
            expr(target, ExprContext::Store)?;
            opt_expr(value, load)?;
            expr(annotation, load)
        }
        StmtKind::For(f) => for_loop(f, "For"),
        StmtKind::AsyncFor(f) => for_loop(f, "AsyncFor"),
        StmtKind::While { test, body: b, orelse } => {
            expr(test, load)?;
            body(b, "While")?;
            stmts(orelse)
        }
        StmtKind::If { test, body: b, orelse } => {
            expr(test, load)?;
            body(b, "If")?;
            stmts(orelse)
        }
        StmtKind::With(w) => with(w, "With"),
        StmtKind::AsyncWith(w) => with(w, "AsyncWith"),
        StmtKind::Raise { exc, cause } => match exc {
            Some(exc) => {
                expr(exc, load)?;
                opt_expr(cause, load)
            }
            None if cause.is_some() => Err(value_error("Raise with cause but no exception")),
            None => Ok(()),
        },
        StmtKind::Try { body: b, handlers, orelse, finalbody } => {
            body(b, "Try")?;
            if handlers.is_empty() && finalbody.is_empty() {
                return Err(value_error("Try has neither except handlers nor finalbody"));
            }
            if handlers.is_empty() && !orelse.is_empty() {
                return Err(value_error("Try has orelse but no except handlers"));
            }
            for h in handlers {
                opt_expr(&h.type_, load)?;
                body(&h.body, "ExceptHandler")?;
            }
            stmts(finalbody)?;
            stmts(orelse)
        }
        StmtKind::Assert { test, msg } => {
            expr(test, load)?;
            opt_expr(msg, load)
        }
        StmtKind::Import { names } => nonempty(names, "names", "Import"),
        StmtKind::ImportFrom { names, .. } => nonempty(names, "names", "ImportFrom"),
        StmtKind::Global { names } => nonempty(names, "names", "Global"),
        StmtKind::Nonlocal { names } => nonempty(names, "names", "Nonlocal"),
        StmtKind::Expr { value } => expr(value, load),
        StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
    }
}

fn comprehension(generators: &[Comprehension]) -> Check {
    if generators.is_empty() {
        return Err(value_error("comprehension with no generators"));
    }
    for g in generators {
        expr(&g.target, ExprContext::Store)?;
        expr(&g.iter, ExprContext::Load)?;
        exprs(&g.ifs, ExprContext::Load)?;
    }
    Ok(())
}

fn slice(s: &Slice) -> Check {
    let load = ExprContext::Load;
    match s {
        Slice::Slice { lower, upper, step } => {
            opt_expr(lower, load)?;
            opt_expr(upper, load)?;
            opt_expr(step, load)
        }
        Slice::ExtSlice { dims } => {
            nonempty(dims, "dims", "ExtSlice")?;
            dims.iter().try_for_each(slice)
        }
        Slice::Index { value } => expr(value, load),
    }
}

/// The context an expression says it has, for those that have one.
fn context_of(e: &Expr) -> Option<ExprContext> {
    match &e.kind {
        ExprKind::Attribute { ctx, .. }
        | ExprKind::Subscript { ctx, .. }
        | ExprKind::Starred { ctx, .. }
        | ExprKind::Name { ctx, .. }
        | ExprKind::List { ctx, .. }
        | ExprKind::Tuple { ctx, .. } => Some(*ctx),
        _ => None,
    }
}

fn expr(e: &Expr, ctx: ExprContext) -> Check {
    let load = ExprContext::Load;
    match context_of(e) {
        Some(actual) if actual != ctx => {
            return Err(value_error(format!(
                "expression must have {} context but has {} instead",
                name_in(&CONTEXTS, ctx),
                name_in(&CONTEXTS, actual)
            )))
        }
        None if ctx != load => {
            return Err(value_error(format!(
                "expression which can't be assigned to in {} context",
                name_in(&CONTEXTS, ctx)
            )))
        }
        _ => {}
    }
    match &e.kind {
        ExprKind::BoolOp { values, .. } => {
            if values.len() < 2 {
                return Err(value_error("BoolOp with less than 2 values"));
            }
            exprs(values, load)
        }
        ExprKind::BinOp { left, right, .. } => {
            expr(left, load)?;
            expr(right, load)
        }
        ExprKind::UnaryOp { operand, .. } => expr(operand, load),
        ExprKind::Lambda { args, body } => {
            arguments(args)?;
            expr(body, load)
        }
        ExprKind::IfExp { test, body, orelse } => {
            expr(test, load)?;
            expr(body, load)?;
            expr(orelse, load)
        }
        ExprKind::Dict { keys, values } => {
            if keys.len() != values.len() {
                return Err(value_error("Dict doesn't have the same number of keys as values"));
            }
            keys.iter().flatten().try_for_each(|k| expr(k, load))?;
            exprs(values, load)
        }
        ExprKind::Set { elts } => exprs(elts, load),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            comprehension(generators)?;
            expr(elt, load)
        }
        ExprKind::DictComp { key, value, generators } => {
            comprehension(generators)?;
            expr(key, load)?;
            expr(value, load)
        }
        ExprKind::Yield { value } => opt_expr(value, load),
        ExprKind::YieldFrom { value } | ExprKind::Await { value } => expr(value, load),
        ExprKind::Compare { left, ops, comparators } => {
            if comparators.is_empty() {
                return Err(value_error("Compare with no comparators"));
            }
            if comparators.len() != ops.len() {
                return Err(value_error(
                    "Compare has a different number of comparators and operands",
                ));
            }
            exprs(comparators, load)?;
            expr(left, load)
        }
        ExprKind::Call { func, args, keywords: kws } => {
            expr(func, load)?;
            exprs(args, load)?;
            keywords(kws)
        }
        ExprKind::Constant { .. } => Ok(()),
        ExprKind::JoinedStr { values } => exprs(values, load),
        ExprKind::FormattedValue { value, format_spec, .. } => {
            expr(value, load)?;
            opt_expr(format_spec, load)
        }
        ExprKind::Attribute { value, .. } => expr(value, load),
        ExprKind::Subscript { value, slice: s, .. } => {
            slice(s)?;
            expr(value, load)
        }
        ExprKind::Starred { value, .. } => expr(value, ctx),
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => exprs(elts, ctx),
        ExprKind::NamedExpr { value, .. } => expr(value, load),
        ExprKind::Name { .. } => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_str, Mode};

    fn check(src: &str) -> Check {
        validate_mod(&parse_str(src, "<test>", Mode::Module).expect("parses"))
    }

    #[test]
    fn parsed_trees_are_valid() {
        for src in [
            "x = 1",
            "a, *b = c",
            "del a[1:2, 3]",
            "f(*a, **k)",
            "{**a, 1: 2}",
            "[x for x in y if x]",
        ] {
            assert_eq!(check(src), Ok(()), "{src}");
        }
    }

    #[test]
    fn wrong_context_is_reported() {
        let mut tree = parse_str("x = 1", "<test>", Mode::Module).expect("parses");
        if let Mod::Module { body, .. } = &mut tree {
            if let StmtKind::Assign { targets, .. } = &mut body[0].kind {
                if let ExprKind::Name { ctx, .. } = &mut targets[0].kind {
                    *ctx = ExprContext::Load;
                }
            }
        }
        assert_eq!(
            validate_mod(&tree),
            Err(value_error("expression must have Store context but has Load instead"))
        );
    }
}
