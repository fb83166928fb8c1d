//! Expressions back to source text, as CPython 3.8's `ast_unparse.c` writes
//! them: what `from __future__ import annotations` (PEP 563) stores in
//! `__annotations__` instead of evaluating the annotation.

use crate::bytecode::Const;
use crate::parse::ast::{
    Arg, Arguments, BoolOp, CmpOp, Comprehension, Constant, Expr, ExprKind, Operator, Slice,
    UnaryOp,
};

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
    if let Some(text) = super::fold::folded_repr(e) {
        out.push_str(&text);
        return;
    }
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
    // CPython folds constants in the AST before unparsing: `-(-1)` reads
    // `1`, `x[1, 2]` reads `x[(1, 2)]`.
    if matches!(&e.kind, ExprKind::UnaryOp { op: UnaryOp::USub, .. } | ExprKind::Tuple { .. }) {
        if let Some(c) = super::expr::fold(e) {
            // Not folded (and so bracketed) where a minus sign would bind
            // differently: `(-1) ** 2`, which CPython folds further.
            let negative = match &c {
                Const::Int(i) => *i < 0,
                Const::BigInt(b) => b.sign() == num_bigint::Sign::Minus,
                Const::Float(f) => f.is_sign_negative(),
                _ => false,
            };
            if !negative || level <= Prec::Factor {
                out.push_str(&const_repr(&c));
                return;
            }
        }
    }
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
        ExprKind::NamedExpr { target, value } => {
            open(out, Prec::Tuple);
            expr(out, target, Prec::Atom);
            out.push_str(":=");
            expr(out, value, Prec::Atom);
            close(out, Prec::Tuple);
        }
        ExprKind::Lambda { args, body } => {
            open(out, Prec::Test);
            let positional = args.args.len() + args.posonlyargs.len();
            out.push_str(if positional > 0 { "lambda " } else { "lambda" });
            arguments(out, args);
            out.push_str(": ");
            expr(out, body, Prec::Test);
            close(out, Prec::Test);
        }
        ExprKind::ListComp { elt, generators } => {
            comprehension(out, "[", &[elt], generators, "]");
        }
        ExprKind::SetComp { elt, generators } => {
            comprehension(out, "{", &[elt], generators, "}");
        }
        ExprKind::GeneratorExp { elt, generators } => {
            comprehension(out, "(", &[elt], generators, ")");
        }
        ExprKind::DictComp { key, value, generators } => {
            comprehension(out, "{", &[key, value], generators, "}");
        }
        ExprKind::Yield { value } => match value {
            None => out.push_str("(yield)"),
            Some(v) => {
                out.push_str("(yield ");
                expr(out, v, Prec::Test);
                out.push(')');
            }
        },
        ExprKind::YieldFrom { value } => {
            out.push_str("(yield from ");
            expr(out, value, Prec::Test);
            out.push(')');
        }
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => {
            let mut body = String::new();
            fstring_element(&mut body, e);
            out.push('f');
            out.push_str(&crate::unicode::repr_str(&body));
        }
    }
}

/// The parameters of a lambda (`ast_unparse.c`'s `append_ast_args`).
fn arguments(out: &mut String, args: &Arguments) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    let positional: Vec<&Arg> = args.posonlyargs.iter().chain(&args.args).collect();
    let defaults_from = positional.len() - args.defaults.len().min(positional.len());
    for (i, a) in positional.iter().enumerate() {
        sep(out);
        arg(out, a);
        if i >= defaults_from {
            out.push('=');
            expr(out, &args.defaults[i - defaults_from], Prec::Test);
        }
        if !args.posonlyargs.is_empty() && i + 1 == args.posonlyargs.len() {
            out.push_str(", /");
        }
    }
    if args.vararg.is_some() || !args.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
        if let Some(v) = &args.vararg {
            arg(out, v);
        }
    }
    let kw_from = args.kwonlyargs.len() - args.kw_defaults.len().min(args.kwonlyargs.len());
    for (i, a) in args.kwonlyargs.iter().enumerate() {
        sep(out);
        arg(out, a);
        if let Some(Some(d)) = i.checked_sub(kw_from).and_then(|di| args.kw_defaults.get(di)) {
            out.push('=');
            expr(out, d, Prec::Test);
        }
    }
    if let Some(k) = &args.kwarg {
        sep(out);
        out.push_str("**");
        arg(out, k);
    }
}

fn arg(out: &mut String, a: &Arg) {
    out.push_str(&a.arg);
    if let Some(ann) = &a.annotation {
        out.push_str(": ");
        expr(out, ann, Prec::Test);
    }
}

/// `[elt for target in iter if cond ...]` and its set, dict and generator
/// kin (a dict comprehension has two parts before the `for`).
fn comprehension(
    out: &mut String,
    open: &str,
    parts: &[&Expr],
    generators: &[Comprehension],
    close: &str,
) {
    out.push_str(open);
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(": ");
        }
        expr(out, p, Prec::Test);
    }
    for g in generators {
        out.push_str(if g.is_async { " async for " } else { " for " });
        expr(out, &g.target, Prec::Tuple);
        out.push_str(" in ");
        expr(out, &g.iter, Prec::Test.next());
        for cond in &g.ifs {
            out.push_str(" if ");
            expr(out, cond, Prec::Test.next());
        }
    }
    out.push_str(close);
}

/// The text inside an f-string's quotes: literal parts with braces
/// doubled, `{value!conv:spec}` for the replacement fields (a spec is
/// written bare, without quotes or `f`).
fn fstring_element(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::Constant { value: Constant::Str(s), .. } => {
            out.push_str(&s.replace('{', "{{").replace('}', "}}"));
        }
        ExprKind::JoinedStr { values } => {
            for v in values {
                fstring_element(out, v);
            }
        }
        ExprKind::FormattedValue { value, conversion, format_spec } => {
            // Above PR_TEST, so that a lambda's ':' gets parentheses.
            let mut inner = String::new();
            expr(&mut inner, value, Prec::Test.next());
            out.push_str(if inner.starts_with('{') { "{ " } else { "{" });
            out.push_str(&inner);
            if let Some(c) = u32::try_from(*conversion).ok().and_then(char::from_u32) {
                out.push('!');
                out.push(c);
            }
            if let Some(spec) = format_spec {
                out.push(':');
                fstring_element(out, spec);
            }
            out.push('}');
        }
        _ => expr(out, e, Prec::Test),
    }
}

/// `repr()` of a folded constant.
fn const_repr(c: &Const) -> String {
    use crate::number::float_repr::float_repr;
    match c {
        Const::None => "None".into(),
        Const::Bool(b) => if *b { "True" } else { "False" }.into(),
        Const::Int(i) => i.to_string(),
        Const::BigInt(i) => i.to_string(),
        Const::Float(f) => float_repr(*f),
        Const::Complex { real, imag } => crate::number::complex::Complex::new(*real, *imag).repr(),
        Const::Str(s) => crate::unicode::repr_str(s),
        Const::StrSurrogates(text) => {
            let cps: Vec<u32> = crate::unicode::wtf8::code_points(text).collect();
            crate::unicode::repr_code_points(&cps)
        }
        Const::Bytes(b) => crate::unicode::repr_bytes(b),
        Const::Ellipsis => "Ellipsis".into(),
        Const::Tuple(items) => {
            let inner: Vec<String> = items.iter().map(const_repr).collect();
            match inner.len() {
                1 => format!("({},)", inner[0]),
                _ => format!("({})", inner.join(", ")),
            }
        }
        Const::FrozenSet(items) => {
            let inner: Vec<String> = items.iter().map(const_repr).collect();
            format!("frozenset({{{}}})", inner.join(", "))
        }
        Const::Code(code) => format!("<code object {}>", code.qualname),
    }
}
