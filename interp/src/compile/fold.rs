//! CPython 3.8's AST optimizer (`Python/ast_opt.c`) as far as annotation
//! strings show it: PEP 563 unparses the annotation after constants are
//! folded, so `x: (-1) ** 2` is stored as `'1'`. A subexpression that folds
//! is written as its value's repr; CPython's size limits keep big results
//! unfolded, and an operation that raises is left as written.

use crate::number::tower::{self, Arith, Num};
use crate::number::{Complex, Int};
use crate::parse::ast::{self, Constant, Expr, ExprKind, Operator, Slice, UnaryOp};

/// `ast_opt.c`'s limits on folded results.
const MAX_INT_BITS: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;

/// A folded constant.
#[derive(Clone)]
enum Folded {
    None,
    Bool(bool),
    Num(Num),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Folded>),
    Ellipsis,
}

/// The repr of `e`'s value, if the optimizer would fold `e` into a
/// constant that is not already a literal.
pub fn folded_repr(e: &Expr) -> Option<String> {
    if matches!(e.kind, ExprKind::Constant { .. }) {
        return None;
    }
    fold(e).map(|v| repr(&v))
}

fn fold(e: &Expr) -> Option<Folded> {
    match &e.kind {
        ExprKind::Constant { value, .. } => Some(match value {
            Constant::None => Folded::None,
            Constant::Bool(b) => Folded::Bool(*b),
            Constant::Int(ast::Int::Small(i)) => Folded::Num(Num::Int(Int::from(*i))),
            Constant::Int(ast::Int::Big(b)) => Folded::Num(Num::Int(Int::from(b.clone()))),
            Constant::Float(f) => Folded::Num(Num::Float(*f)),
            Constant::Complex { imag } => Folded::Num(Num::Complex(Complex::new(0.0, *imag))),
            Constant::Str(s) => Folded::Str(s.clone()),
            Constant::StrCodePoints(_) => return None,
            Constant::Bytes(b) => Folded::Bytes(b.clone()),
            Constant::Ellipsis => Folded::Ellipsis,
        }),
        ExprKind::Name { id, .. } if id == "__debug__" => Some(Folded::Bool(true)),
        ExprKind::UnaryOp { op, operand } => unary(*op, fold(operand)?),
        ExprKind::BinOp { left, op, right } => binary(*op, fold(left)?, fold(right)?),
        ExprKind::Tuple { elts, ctx: ast::ExprContext::Load } => {
            elts.iter().map(fold).collect::<Option<Vec<_>>>().map(Folded::Tuple)
        }
        ExprKind::Subscript { value, slice, .. } => match &**slice {
            Slice::Index { value: index } => subscript(fold(value)?, fold(index)?),
            _ => None,
        },
        _ => None,
    }
}

/// A number operand: bools count as ints.
fn number(v: &Folded) -> Option<Num> {
    match v {
        Folded::Num(n) => Some(n.clone()),
        Folded::Bool(b) => Some(Num::Int(Int::from(*b as i64))),
        _ => None,
    }
}

fn int_of(v: &Folded) -> Option<Int> {
    match number(v)? {
        Num::Int(i) => Some(i),
        _ => None,
    }
}

fn truth(v: &Folded) -> bool {
    match v {
        Folded::None => false,
        Folded::Bool(b) => *b,
        Folded::Num(Num::Int(i)) => !i.is_zero(),
        Folded::Num(Num::Float(f)) => *f != 0.0,
        Folded::Num(Num::Complex(c)) => c.re != 0.0 || c.im != 0.0,
        Folded::Str(s) => !s.is_empty(),
        Folded::Bytes(b) => !b.is_empty(),
        Folded::Tuple(t) => !t.is_empty(),
        Folded::Ellipsis => true,
    }
}

fn unary(op: UnaryOp, v: Folded) -> Option<Folded> {
    if op == UnaryOp::Not {
        return Some(Folded::Bool(!truth(&v)));
    }
    let n = number(&v)?;
    Some(Folded::Num(match (op, n) {
        (UnaryOp::USub, Num::Int(i)) => Num::Int(i.neg()),
        (UnaryOp::USub, Num::Float(f)) => Num::Float(-f),
        (UnaryOp::USub, Num::Complex(c)) => Num::Complex(Complex::new(-c.re, -c.im)),
        (UnaryOp::UAdd, n) => n,
        (UnaryOp::Invert, Num::Int(i)) => Num::Int(i.invert()),
        _ => return None,
    }))
}

fn bits(i: &Int) -> u64 {
    i.to_bigint().bits()
}

fn binary(op: Operator, a: Folded, b: Folded) -> Option<Folded> {
    if let (Some(x), Some(y)) = (number(&a), number(&b)) {
        return numeric(op, &x, &y).map(Folded::Num);
    }
    match (op, a, b) {
        (Operator::Add, Folded::Str(x), Folded::Str(y)) => Some(Folded::Str(x + &y)),
        (Operator::Add, Folded::Bytes(mut x), Folded::Bytes(y)) => {
            x.extend(y);
            Some(Folded::Bytes(x))
        }
        (Operator::Add, Folded::Tuple(mut x), Folded::Tuple(y)) => {
            x.extend(y);
            Some(Folded::Tuple(x))
        }
        (Operator::Mult, seq, n) | (Operator::Mult, n, seq) if int_of(&n).is_some() => {
            let times = int_of(&n)?.to_i64()?.max(0) as usize;
            repeat(seq, times)
        }
        _ => None,
    }
}

fn repeat(seq: Folded, times: usize) -> Option<Folded> {
    match seq {
        Folded::Str(s) if s.chars().count().checked_mul(times)? <= MAX_STR_SIZE => {
            Some(Folded::Str(s.repeat(times)))
        }
        Folded::Bytes(b) if b.len().checked_mul(times)? <= MAX_STR_SIZE => {
            Some(Folded::Bytes(b.repeat(times)))
        }
        Folded::Tuple(t) if t.len().checked_mul(times)? <= MAX_COLLECTION_SIZE => {
            Some(Folded::Tuple(t.iter().cloned().cycle().take(t.len() * times).collect()))
        }
        _ => None,
    }
}

fn numeric(op: Operator, x: &Num, y: &Num) -> Option<Num> {
    let arith = |op| tower::arith(op, x, y).ok();
    match (x, y) {
        // `safe_multiply`, `safe_power`, `safe_lshift`: no huge ints.
        (Num::Int(a), Num::Int(b)) => match op {
            Operator::Mult if !a.is_zero() && !b.is_zero() && bits(a) + bits(b) > MAX_INT_BITS => {
                None
            }
            Operator::Pow
                if !b.is_negative()
                    && bits(a).saturating_mul(b.to_i64().map_or(u64::MAX, |n| n as u64))
                        > MAX_INT_BITS =>
            {
                None
            }
            Operator::LShift => {
                let shift = b.to_i64()?;
                if !a.is_zero()
                    && (shift as u64 > MAX_INT_BITS || bits(a) + shift as u64 > MAX_INT_BITS)
                {
                    return None;
                }
                a.shl(b).ok().map(Num::Int)
            }
            Operator::RShift => a.shr(b).ok().map(Num::Int),
            Operator::BitAnd => Some(Num::Int(a.bitand(b))),
            Operator::BitOr => Some(Num::Int(a.bitor(b))),
            Operator::BitXor => Some(Num::Int(a.bitxor(b))),
            _ => int_or_float(op).and_then(arith),
        },
        _ => int_or_float(op).and_then(arith),
    }
}

fn int_or_float(op: Operator) -> Option<Arith> {
    Some(match op {
        Operator::Add => Arith::Add,
        Operator::Sub => Arith::Sub,
        Operator::Mult => Arith::Mul,
        Operator::Div => Arith::TrueDiv,
        Operator::FloorDiv => Arith::FloorDiv,
        Operator::Mod => Arith::Mod,
        Operator::Pow => Arith::Pow,
        _ => return None,
    })
}

fn subscript(v: Folded, index: Folded) -> Option<Folded> {
    let i = int_of(&index)?.to_i64()?;
    let at = |len: usize| {
        let i = if i < 0 { i + len as i64 } else { i };
        (0..len as i64).contains(&i).then_some(i as usize)
    };
    match v {
        Folded::Str(s) => {
            let chars: Vec<char> = s.chars().collect();
            Some(Folded::Str(chars[at(chars.len())?].to_string()))
        }
        Folded::Bytes(b) => Some(Folded::Num(Num::Int(Int::from(i64::from(b[at(b.len())?]))))),
        Folded::Tuple(t) => Some(t[at(t.len())?].clone()),
        _ => None,
    }
}

fn repr(v: &Folded) -> String {
    match v {
        Folded::None => "None".into(),
        Folded::Bool(b) => if *b { "True" } else { "False" }.into(),
        Folded::Num(n) => n.repr(),
        Folded::Str(s) => crate::unicode::repr_str(s),
        Folded::Bytes(b) => crate::unicode::repr_bytes(b),
        Folded::Ellipsis => "Ellipsis".into(),
        Folded::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
    }
}
