//! The SyntaxWarnings CPython 3.8's compiler gives for code that is legal
//! but almost surely a typo (`x is 1`, `f()()` on a literal, `[1, 2] [0]`
//! where a comma is missing, `assert (x, "msg")`). They are collected while
//! compiling and written to stderr in CPython's warnings format.

use super::compiler::Compiler;
use super::expr::fold;
use crate::bytecode::Const;
use crate::parse::ast::{self, Expr, ExprKind, Slice};

/// One warning: the line it is reported at, the column of the expression
/// it is about (where a SyntaxError made of it points) and its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxWarning {
    pub lineno: u32,
    pub col: u32,
    pub message: String,
}

/// `filename:lineno: SyntaxWarning: message` and the stripped source line,
/// as `warnings.formatwarning` writes them.
pub fn format_warning(filename: &str, w: &SyntaxWarning) -> String {
    let mut out = format!("{filename}:{}: SyntaxWarning: {}\n", w.lineno, w.message);
    if let Some(line) = crate::vm::import::source_line(filename, w.lineno) {
        let line = line.trim();
        if !line.is_empty() {
            out += &format!("  {line}\n");
        }
    }
    out
}

/// The type CPython's `infer_type` gives a literal expression, if any.
fn literal_type(e: &Expr) -> Option<&'static str> {
    if let Some(c) = fold(e) {
        return Some(const_type(&c));
    }
    Some(match &e.kind {
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::List { .. } | ExprKind::ListComp { .. } => "list",
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
        ExprKind::Set { .. } | ExprKind::SetComp { .. } => "set",
        ExprKind::GeneratorExp { .. } => "generator",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "str",
        ExprKind::Lambda { .. } => "function",
        _ => return None,
    })
}

fn const_type(c: &Const) -> &'static str {
    match c {
        Const::None => "NoneType",
        Const::Bool(_) => "bool",
        Const::Int(_) | Const::BigInt(_) => "int",
        Const::Float(_) => "float",
        Const::Complex { .. } => "complex",
        Const::Str(_) | Const::StrSurrogates(_) => "str",
        Const::Bytes(_) => "bytes",
        Const::Ellipsis => "ellipsis",
        Const::Tuple(_) => "tuple",
        Const::FrozenSet(_) => "frozenset",
        Const::Code(_) => "code",
    }
}

/// `check_is_arg`: may `e` be an operand of `is` without a warning?
fn is_arg_ok(e: &Expr) -> bool {
    match fold(e) {
        None => true,
        Some(c) => matches!(c, Const::None | Const::Bool(_) | Const::Ellipsis),
    }
}

impl<'a> Compiler<'a> {
    fn warn(&mut self, message: String) {
        let (lineno, col) = (self.cur.unit.current_line, self.col_offset);
        self.warnings.push(SyntaxWarning { lineno, col, message });
    }

    /// `check_compare`: `is` or `is not` with a literal operand.
    pub fn check_compare(&mut self, left: &Expr, ops: &[ast::CmpOp], comparators: &[Expr]) {
        let mut left_ok = is_arg_ok(left);
        for (op, right) in ops.iter().zip(comparators) {
            let right_ok = is_arg_ok(right);
            let message = match op {
                ast::CmpOp::Is => "\"is\" with a literal. Did you mean \"==\"?",
                ast::CmpOp::IsNot => "\"is not\" with a literal. Did you mean \"!=\"?",
                _ => {
                    left_ok = right_ok;
                    continue;
                }
            };
            if !left_ok || !right_ok {
                self.warn(message.to_string());
                return;
            }
            left_ok = right_ok;
        }
    }

    /// `check_caller`: calling a literal.
    pub fn check_caller(&mut self, func: &Expr) {
        let callable_literal = matches!(
            func.kind,
            ExprKind::Constant { .. }
                | ExprKind::Tuple { .. }
                | ExprKind::List { .. }
                | ExprKind::ListComp { .. }
                | ExprKind::Dict { .. }
                | ExprKind::DictComp { .. }
                | ExprKind::Set { .. }
                | ExprKind::SetComp { .. }
                | ExprKind::GeneratorExp { .. }
                | ExprKind::JoinedStr { .. }
                | ExprKind::FormattedValue { .. }
        );
        if let (true, Some(ty)) = (callable_literal, literal_type(func)) {
            self.warn(format!("'{ty}' object is not callable; perhaps you missed a comma?"));
        }
    }

    /// `check_subscripter` and `check_index`: subscripting a literal that
    /// cannot be, or indexing a literal sequence by a literal non-int.
    pub fn check_subscript(&mut self, value: &Expr, slice: &Slice) {
        let not_subscriptable = match &value.kind {
            ExprKind::Constant { .. } => matches!(
                fold(value),
                Some(
                    Const::None
                        | Const::Ellipsis
                        | Const::Int(_)
                        | Const::BigInt(_)
                        | Const::Bool(_)
                        | Const::Float(_)
                        | Const::Complex { .. }
                        | Const::FrozenSet(_)
                )
            ),
            ExprKind::Set { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Lambda { .. } => true,
            _ => false,
        };
        if not_subscriptable {
            if let Some(ty) = literal_type(value) {
                self.warn(format!(
                    "'{ty}' object is not subscriptable; perhaps you missed a comma?"
                ));
            }
            return;
        }
        let Slice::Index { value: index } = slice else { return };
        let Some(index_type) = literal_type(index) else { return };
        if matches!(index_type, "int" | "bool") {
            return;
        }
        let sequence_literal = match &value.kind {
            ExprKind::Constant { .. } => {
                matches!(
                    fold(value),
                    Some(
                        Const::Str(_) | Const::StrSurrogates(_) | Const::Bytes(_) | Const::Tuple(_)
                    )
                )
            }
            ExprKind::Tuple { .. }
            | ExprKind::List { .. }
            | ExprKind::ListComp { .. }
            | ExprKind::JoinedStr { .. }
            | ExprKind::FormattedValue { .. } => true,
            _ => false,
        };
        if let (true, Some(ty)) = (sequence_literal, literal_type(value)) {
            self.warn(format!(
                "{ty} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"
            ));
        }
    }

    /// `assert (test, msg)`: a non-empty tuple is always true.
    pub fn check_assert(&mut self, test: &Expr) {
        if matches!(&test.kind, ExprKind::Tuple { elts, .. } if !elts.is_empty()) {
            self.warn("assertion is always true, perhaps remove parentheses?".to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SyntaxWarning;
    use crate::parse::{parse_str, Mode};

    fn warnings_of(src: &str) -> Vec<SyntaxWarning> {
        let module = parse_str(src, "<test>", Mode::Module).expect("parses");
        crate::compile::compile_with_warnings(&module, "<test>", 0).expect("compiles").1
    }

    fn messages(src: &str) -> Vec<String> {
        warnings_of(src).into_iter().map(|w| w.message).collect()
    }

    #[test]
    fn is_with_a_literal_warns_but_not_with_singletons() {
        assert_eq!(messages("x is 1"), ["\"is\" with a literal. Did you mean \"==\"?"]);
        assert_eq!(messages("x is not -1"), ["\"is not\" with a literal. Did you mean \"!=\"?"]);
        assert!(messages("x is None or x is True or x is ... or x is y").is_empty());
    }

    #[test]
    fn literal_calls_and_subscripts_warn_with_their_types() {
        assert_eq!(
            messages("(1)()"),
            ["'int' object is not callable; perhaps you missed a comma?"]
        );
        assert_eq!(
            messages("[1, 2] [1.5]"),
            ["list indices must be integers or slices, not float; perhaps you missed a comma?"]
        );
        assert_eq!(
            messages("{1}[0]"),
            ["'set' object is not subscriptable; perhaps you missed a comma?"]
        );
        assert!(messages("[1][0]; 'ab'[1:]; f()[x]").is_empty());
    }

    #[test]
    fn warnings_carry_the_line_of_the_expression() {
        let found = warnings_of("a = 1\nassert (a, 'msg')\n");
        assert_eq!(
            found,
            [SyntaxWarning {
                lineno: 2,
                col: 4,
                message: "assertion is always true, perhaps remove parentheses?".into()
            }]
        );
    }
}
