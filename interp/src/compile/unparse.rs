//! Expressions back to source text, as CPython 3.8's `ast_unparse.c` writes
//! them: what `from __future__ import annotations` (PEP 563) stores in
//! `__annotations__` instead of evaluating the annotation.

use crate::parse::ast::{BoolOp, CmpOp, Constant, Expr, ExprKind, Operator, Slice, UnaryOp};

/// Binding strength, weakest first (`ast_unparse.c`'s `PR_*`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Prec {
    Tuple,
    Test,
    Or,
    And,
    Not,
    Cmp,
    BitOr,
    BitXor,
    BitAnd,
    Shift,
    Arith,
    Term,
    Factor,
    Power,
    Await,
    Atom,
}

impl Prec {
    fn next(self) -> Prec {
        use Prec::*;
        match self {
            Tuple => Test,
            Test => Or,
            Or => And,
            And => Not,
            Not => Cmp,
            Cmp => BitOr,
            BitOr => BitXor,
            BitXor => BitAnd,
            BitAnd => Shift,
            Shift => Arith,
            Arith => Term,
            Term => Factor,
            Factor => Power,
            Power => Await,
            Await | Atom => Atom,
        }
    }
}

/// The source text of `e`, as an annotation string.
pub fn unparse(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, Prec::Test);
    out
}

fn binop(op: Operator) -> (&'static str, Prec) {
    use Operator::*;
    match op {
        Add => ("+", Prec::Arith),
        Sub => ("-", Prec::Arith),
        Mult => ("*", Prec::Term),
        MatMult => ("@", Prec::Term),
        Div => ("/", Prec::Term),
        Mod => ("%", Prec::Term),
        FloorDiv => ("//", Prec::Term),
        Pow => ("**", Prec::Power),
        LShift => ("<<", Prec::Shift),
        RShift => (">>", Prec::Shift),
        BitOr => ("|", Prec::BitOr),
        BitXor => ("^", Prec::BitXor),
        BitAnd => ("&", Prec::BitAnd),
    }
}

fn cmpop(op: CmpOp) -> &'static str {
    use CmpOp::*;
    match op {
        Eq => "==",
        NotEq => "!=",
        Lt => "<",
        LtE => "<=",
        Gt => ">",
        GtE => ">=",
        Is => "is",
        IsNot => "is not",
        In => "in",
        NotIn => "not in",
    }
}

fn list(out: &mut String, items: &[Expr]) {
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, e, Prec::Test);
    }
}

fn constant(out: &mut String, c: &Constant) {
    match c {
        Constant::None => out.push_str("None"),
        Constant::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
        Constant::Int(crate::parse::ast::Int::Small(i)) => out.push_str(&i.to_string()),
        Constant::Int(crate::parse::ast::Int::Big(i)) => out.push_str(&i.to_string()),
        Constant::Float(x) => out.push_str(&crate::number::float_repr::float_repr(*x)),
        Constant::Complex { imag } => {
            out.push_str(&crate::number::float_repr::float_repr_bare(*imag));
            out.push('j');
        }
        Constant::Str(s) => out.push_str(&crate::unicode::repr_str(s)),
        Constant::StrCodePoints(cps) => out.push_str(&crate::unicode::repr_code_points(cps)),
        Constant::Bytes(b) => out.push_str(&crate::unicode::repr_bytes(b)),
        Constant::Ellipsis => out.push_str("..."),
    }
}

fn slice(out: &mut String, s: &Slice) {
    match s {
        Slice::Index { value } => expr(out, value, Prec::Tuple),
        Slice::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(out, l, Prec::Test);
            }
            out.push(':');
            if let Some(u) = upper {
                expr(out, u, Prec::Test);
            }
            if let Some(st) = step {
                out.push(':');
                expr(out, st, Prec::Test);
            }
        }
        Slice::ExtSlice { dims } => {
            for (i, d) in dims.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                slice(out, d);
            }
        }
    }
}

fn expr(out: &mut String, e: &Expr, level: Prec) {
    let open = |out: &mut String, p: Prec| {
        if level > p {
            out.push('(');
        }
    };
    let close = |out: &mut String, p: Prec| {
        if level > p {
            out.push(')');
        }
    };
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            let (word, p) = match op {
                BoolOp::And => (" and ", Prec::And),
                BoolOp::Or => (" or ", Prec::Or),
            };
            open(out, p);
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(word);
                }
                expr(out, v, p.next());
            }
            close(out, p);
        }
        ExprKind::BinOp { left, op, right } => {
            let (sym, p) = binop(*op);
            let right_assoc = *op == Operator::Pow;
            open(out, p);
            expr(out, left, if right_assoc { p.next() } else { p });
            out.push(' ');
            out.push_str(sym);
            out.push(' ');
            expr(out, right, if right_assoc { p } else { p.next() });
            close(out, p);
        }
        ExprKind::UnaryOp { op, operand } => {
            let (sym, p) = match op {
                UnaryOp::Not => ("not ", Prec::Not),
                UnaryOp::Invert => ("~", Prec::Factor),
                UnaryOp::UAdd => ("+", Prec::Factor),
                UnaryOp::USub => ("-", Prec::Factor),
            };
            open(out, p);
            out.push_str(sym);
            expr(out, operand, p);
            close(out, p);
        }
        ExprKind::IfExp { test, body, orelse } => {
            open(out, Prec::Test);
            expr(out, body, Prec::Test.next());
            out.push_str(" if ");
            expr(out, test, Prec::Test.next());
            out.push_str(" else ");
            expr(out, orelse, Prec::Test);
            close(out, Prec::Test);
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(out, k, Prec::Test);
                        out.push_str(": ");
                        expr(out, v, Prec::Test);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, v, Prec::BitOr);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Set { elts } => {
            out.push('{');
            list(out, elts);
            out.push('}');
        }
        ExprKind::List { elts, .. } => {
            out.push('[');
            list(out, elts);
            out.push(']');
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                out.push_str("()");
                return;
            }
            open(out, Prec::Tuple);
            list(out, elts);
            if elts.len() == 1 {
                out.push(',');
            }
            close(out, Prec::Tuple);
        }
        ExprKind::Await { value } => {
            open(out, Prec::Await);
            out.push_str("await ");
            expr(out, value, Prec::Atom);
            close(out, Prec::Await);
        }
        ExprKind::Compare { left, ops, comparators } => {
            open(out, Prec::Cmp);
            expr(out, left, Prec::Cmp.next());
            for (op, c) in ops.iter().zip(comparators) {
                out.push(' ');
                out.push_str(cmpop(*op));
                out.push(' ');
                expr(out, c, Prec::Cmp.next());
            }
            close(out, Prec::Cmp);
        }
        ExprKind::Call { func, args, keywords } => {
            expr(out, func, Prec::Atom);
            out.push('(');
            let mut first = true;
            for a in args {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                expr(out, a, Prec::Test);
            }
            for k in keywords {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &k.arg {
                    Some(name) => {
                        out.push_str(name);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                expr(out, &k.value, Prec::Test);
            }
            out.push(')');
        }
        ExprKind::Constant { value, .. } => constant(out, value),
        ExprKind::Attribute { value, attr, .. } => {
            expr(out, value, Prec::Atom);
            // `1 .real`: a dot right after an int would read as a float.
            if matches!(&value.kind, ExprKind::Constant { value: Constant::Int(_), .. }) {
                out.push(' ');
            }
            out.push('.');
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice: s, .. } => {
            expr(out, value, Prec::Atom);
            out.push('[');
            slice(out, s);
            out.push(']');
        }
        ExprKind::Starred { value, .. } => {
            out.push('*');
            expr(out, value, Prec::BitOr);
        }
        ExprKind::Name { id, .. } => out.push_str(id),
        // Rare in annotations; CPython spells these out in full.
        ExprKind::NamedExpr { .. }
        | ExprKind::Lambda { .. }
        | ExprKind::ListComp { .. }
        | ExprKind::SetComp { .. }
        | ExprKind::DictComp { .. }
        | ExprKind::GeneratorExp { .. }
        | ExprKind::Yield { .. }
        | ExprKind::YieldFrom { .. }
        | ExprKind::FormattedValue { .. }
        | ExprKind::JoinedStr { .. } => out.push_str("..."),
    }
}
