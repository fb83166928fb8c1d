//! Assignment and deletion targets: ast.c's `set_context`, which gives
//! names, attributes, subscripts, starred items and their lists/tuples a
//! `Store` or `Del` context and rejects everything else with CPython's
//! message ("cannot assign to literal", ...).

use super::{bx, Parser};
use crate::parse::ast::*;

impl Parser<'_> {
    /// `get_expr_name` of ast.c: how messages name an expression kind.
    pub(super) fn expr_name(e: &Expr) -> &'static str {
        match &e.kind {
            ExprKind::Attribute { .. } => "attribute",
            ExprKind::Subscript { .. } => "subscript",
            ExprKind::Starred { .. } => "starred",
            ExprKind::Name { .. } => "name",
            ExprKind::List { .. } => "list",
            ExprKind::Tuple { .. } => "tuple",
            ExprKind::Lambda { .. } => "lambda",
            ExprKind::Call { .. } => "function call",
            ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => {
                "operator"
            }
            ExprKind::GeneratorExp { .. } => "generator expression",
            ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
            ExprKind::Await { .. } => "await expression",
            ExprKind::ListComp { .. } => "list comprehension",
            ExprKind::SetComp { .. } => "set comprehension",
            ExprKind::DictComp { .. } => "dict comprehension",
            ExprKind::Dict { .. } => "dict display",
            ExprKind::Set { .. } => "set display",
            ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
            ExprKind::Constant { value, .. } => match value {
                Constant::None => "None",
                Constant::Bool(true) => "True",
                Constant::Bool(false) => "False",
                Constant::Ellipsis => "Ellipsis",
                _ => "literal",
            },
            ExprKind::Compare { .. } => "comparison",
            ExprKind::IfExp { .. } => "conditional expression",
            ExprKind::NamedExpr { .. } => "named expression",
        }
    }

    /// Gives `e` the context `ctx`, or records CPython's error at `at` (the
    /// whole target, as ast.c reports it).
    pub(super) fn set_context(&mut self, e: &mut Expr, ctx: ExprContext, at: Loc) {
        let verb = if ctx == ExprContext::Del { "delete" } else { "assign to" };
        // Iterative over nested lists and tuples, so deep targets cannot recurse.
        let mut work: Vec<&mut Expr> = vec![e];
        while let Some(e) = work.pop() {
            let name = Self::expr_name(e);
            match &mut e.kind {
                ExprKind::Name { id, ctx: c } => {
                    if ctx == ExprContext::Store && id == "__debug__" {
                        self.ast_error("cannot assign to __debug__", at);
                    }
                    *c = ctx;
                }
                ExprKind::Attribute { attr, ctx: c, .. } => {
                    if ctx == ExprContext::Store && attr == "__debug__" {
                        self.ast_error("cannot assign to __debug__", at);
                    }
                    *c = ctx;
                }
                ExprKind::Subscript { ctx: c, .. } => *c = ctx,
                ExprKind::Starred { value, ctx: c } => {
                    *c = ctx;
                    work.push(value);
                }
                ExprKind::List { elts, ctx: c } | ExprKind::Tuple { elts, ctx: c } => {
                    *c = ctx;
                    work.extend(elts.iter_mut().rev());
                }
                _ => {
                    let msg = format!("cannot {verb} {name}");
                    self.ast_error(&msg, at);
                }
            }
        }
    }

    /// `target := value`, with ast.c's check that the target is a name.
    pub(super) fn named_expr(&mut self, mut target: Expr, value: Expr, loc: Loc) -> Expr {
        if let ExprKind::Name { .. } = target.kind {
            self.set_context(&mut target, ExprContext::Store, loc);
        } else {
            let msg =
                format!("cannot use assignment expressions with {}", Self::expr_name(&target));
            self.ast_error(&msg, loc);
        }
        Expr { kind: ExprKind::NamedExpr { target: bx(target), value: bx(value) }, loc }
    }
}
