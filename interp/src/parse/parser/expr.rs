//! Expressions, from `testlist_star_expr` down to `atom`, with trailers,
//! displays, comprehensions and subscripts. Binary operators are parsed by
//! precedence climbing; chains of unary operators, `not`s and trailers by
//! loops. Every level that deepens the tree is counted by `enter`.

use super::{bx, PResult, Parser};
use crate::parse::ast::*;
use crate::parse::token::{Kw, Op, Tok, Token};

/// Binary operators of `expr` and their precedence (higher binds tighter).
fn binary_op(tok: Tok) -> Option<(Operator, u8)> {
    let Tok::Op(op) = tok else { return None };
    Some(match op {
        Op::VBar => (Operator::BitOr, 1),
        Op::Circumflex => (Operator::BitXor, 2),
        Op::Amper => (Operator::BitAnd, 3),
        Op::LeftShift => (Operator::LShift, 4),
        Op::RightShift => (Operator::RShift, 4),
        Op::Plus => (Operator::Add, 5),
        Op::Minus => (Operator::Sub, 5),
        Op::Star => (Operator::Mult, 6),
        Op::At => (Operator::MatMult, 6),
        Op::Slash => (Operator::Div, 6),
        Op::Percent => (Operator::Mod, 6),
        Op::DoubleSlash => (Operator::FloorDiv, 6),
        _ => return None,
    })
}

fn expr(kind: ExprKind, loc: Loc) -> Expr {
    Expr { kind, loc }
}

/// What follows the first element inside brackets.
enum Listing {
    Elements(Vec<Expr>, bool),
    Comprehension(Expr, Vec<Comprehension>),
}

impl Parser<'_> {
    pub(super) fn name_expr(&self, token: &Token, ctx: ExprContext) -> Expr {
        let loc = Loc {
            lineno: token.line,
            col_offset: token.col,
            end_lineno: token.end_line,
            end_col_offset: token.end_col,
        };
        expr(ExprKind::Name { id: self.identifier(token), ctx }, loc)
    }

    /// A tuple of `elts` if there was a comma, else the single element;
    /// the tuple spans from `start`, the list's first token, to the last
    /// token consumed (a trailing comma included, as in CPython).
    pub(super) fn tuple_or_single(&self, mut elts: Vec<Expr>, comma: bool, start: &Token) -> Expr {
        if !comma && elts.len() == 1 {
            return elts.pop().expect("one element");
        }
        expr(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.loc_from(start))
    }

    /// Elements separated by commas, each parsed by `element`, while the
    /// next token can start one. Returns them and whether a comma was seen.
    fn comma_list(
        &mut self,
        element: fn(&mut Self) -> PResult<Expr>,
        first: Option<Expr>,
    ) -> PResult<(Vec<Expr>, bool)> {
        let mut elts = Vec::new();
        match first {
            Some(e) => elts.push(e),
            None => elts.push(element(self)?),
        }
        let mut comma = false;
        while self.at_op(Op::Comma) {
            self.bump();
            comma = true;
            if !self.at_expr_start() {
                break;
            }
            elts.push(element(self)?);
        }
        Ok((elts, comma))
    }

    fn test_or_star(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            self.star_expr()
        } else {
            self.test()
        }
    }

    fn expr_or_star(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            self.star_expr()
        } else {
            self.expr()
        }
    }

    fn namedexpr_or_star(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            self.star_expr()
        } else {
            self.namedexpr_test()
        }
    }

    /// `testlist_star_expr`: `(test|star_expr) (',' (test|star_expr))* [',']`.
    pub(super) fn testlist_star_expr(&mut self) -> PResult<Expr> {
        let start = *self.token();
        let (elts, comma) = self.comma_list(Self::test_or_star, None)?;
        Ok(self.tuple_or_single(elts, comma, &start))
    }

    /// `testlist`: `test (',' test)* [',']`.
    pub(super) fn testlist(&mut self) -> PResult<Expr> {
        let start = *self.token();
        let (elts, comma) = self.comma_list(Self::test, None)?;
        Ok(self.tuple_or_single(elts, comma, &start))
    }

    /// `exprlist`: `(expr|star_expr) (',' (expr|star_expr))* [',']`.
    pub(super) fn exprlist(&mut self) -> PResult<(Vec<Expr>, bool)> {
        self.comma_list(Self::expr_or_star, None)
    }

    fn star_expr(&mut self) -> PResult<Expr> {
        let start = self.bump();
        self.enter()?;
        let value = self.expr()?;
        self.leave(1);
        Ok(expr(
            ExprKind::Starred { value: bx(value), ctx: ExprContext::Load },
            self.loc_from(&start),
        ))
    }

    /// `namedexpr_test`: `test [':=' test]`.
    pub(super) fn namedexpr_test(&mut self) -> PResult<Expr> {
        let start = *self.token();
        let target = self.test()?;
        if !self.at_op(Op::ColonEqual) {
            return Ok(target);
        }
        self.bump();
        self.enter()?;
        let value = self.test()?;
        self.leave(1);
        let loc = self.loc_from(&start);
        Ok(self.named_expr(target, value, loc))
    }

    /// `test`: `or_test ['if' or_test 'else' test] | lambdef`.
    pub(super) fn test(&mut self) -> PResult<Expr> {
        self.enter()?;
        let result = self.test_inner();
        self.leave(1);
        result
    }

    fn test_inner(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Lambda) {
            return self.lambdef(false);
        }
        let start = *self.token();
        let body = self.or_test()?;
        if !self.at_kw(Kw::If) {
            return Ok(body);
        }
        self.bump();
        let test = self.or_test()?;
        self.expect_kw(Kw::Else)?;
        let orelse = self.test()?;
        let kind = ExprKind::IfExp { test: bx(test), body: bx(body), orelse: bx(orelse) };
        Ok(expr(kind, self.loc_from(&start)))
    }

    /// `test_nocond`: `or_test | lambdef_nocond`.
    fn test_nocond(&mut self) -> PResult<Expr> {
        self.enter()?;
        let result = if self.at_kw(Kw::Lambda) { self.lambdef(true) } else { self.or_test() };
        self.leave(1);
        result
    }

    fn lambdef(&mut self, nocond: bool) -> PResult<Expr> {
        let start = self.bump();
        let args = self.parameters(false, Op::Colon)?;
        self.expect_op(Op::Colon)?;
        let body = if nocond { self.test_nocond()? } else { self.test()? };
        let kind = ExprKind::Lambda { args: Box::new(args), body: bx(body) };
        Ok(expr(kind, self.loc_from(&start)))
    }

    fn or_test(&mut self) -> PResult<Expr> {
        self.bool_chain(Kw::Or)
    }

    /// `or_test` and `and_test`: one `BoolOp` for the whole chain.
    fn bool_chain(&mut self, kw: Kw) -> PResult<Expr> {
        let start = *self.token();
        let operand =
            |p: &mut Self| if kw == Kw::Or { p.bool_chain(Kw::And) } else { p.not_test() };
        let first = operand(self)?;
        if !self.at_kw(kw) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw(kw) {
            values.push(operand(self)?);
        }
        let op = if kw == Kw::Or { BoolOp::Or } else { BoolOp::And };
        Ok(expr(ExprKind::BoolOp { op, values }, self.loc_from(&start)))
    }

    fn not_test(&mut self) -> PResult<Expr> {
        let mut nots: Vec<Token> = Vec::new();
        while self.at_kw(Kw::Not) {
            self.enter()?;
            nots.push(self.bump());
        }
        let mut e = self.comparison()?;
        self.leave(nots.len());
        while let Some(not) = nots.pop() {
            let loc = self.loc_from(&not);
            e = expr(ExprKind::UnaryOp { op: UnaryOp::Not, operand: bx(e) }, loc);
        }
        Ok(e)
    }

    fn comp_op(&mut self) -> Option<CmpOp> {
        let op = match self.peek() {
            Tok::Op(Op::Less) => CmpOp::Lt,
            Tok::Op(Op::Greater) => CmpOp::Gt,
            Tok::Op(Op::EqEqual) => CmpOp::Eq,
            Tok::Op(Op::GreaterEqual) => CmpOp::GtE,
            Tok::Op(Op::LessEqual) => CmpOp::LtE,
            Tok::Op(Op::NotEqual) => CmpOp::NotEq,
            Tok::Keyword(Kw::In) => CmpOp::In,
            Tok::Keyword(Kw::Not) if self.peek_at(1) == Tok::Keyword(Kw::In) => {
                self.bump();
                CmpOp::NotIn
            }
            Tok::Keyword(Kw::Is) => {
                self.bump();
                return Some(if self.eat_kw(Kw::Not) { CmpOp::IsNot } else { CmpOp::Is });
            }
            _ => return None,
        };
        self.bump();
        Some(op)
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let start = *self.token();
        let left = self.expr()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some(op) = self.comp_op() {
            ops.push(op);
            comparators.push(self.expr()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(expr(ExprKind::Compare { left: bx(left), ops, comparators }, self.loc_from(&start)))
    }

    /// `expr`: the binary operators from `|` to `*`, by precedence climbing.
    pub(super) fn expr(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    fn binary(&mut self, min_prec: u8) -> PResult<Expr> {
        // CPython's BinOp spans its operands' text, parentheses included.
        let start = *self.token();
        let mut left = self.factor()?;
        let mut levels = 0;
        while let Some((op, prec)) = binary_op(self.peek()) {
            if prec < min_prec {
                break;
            }
            self.bump();
            self.enter()?;
            levels += 1;
            let right = self.binary(prec + 1)?;
            let loc = self.loc_from(&start);
            left = expr(ExprKind::BinOp { left: bx(left), op, right: bx(right) }, loc);
        }
        self.leave(levels);
        Ok(left)
    }

    /// `factor`: unary `+`, `-`, `~` (a loop, not recursion), then `power`.
    fn factor(&mut self) -> PResult<Expr> {
        let mut ops: Vec<(UnaryOp, Token)> = Vec::new();
        loop {
            let op = match self.peek() {
                Tok::Op(Op::Plus) => UnaryOp::UAdd,
                Tok::Op(Op::Minus) => UnaryOp::USub,
                Tok::Op(Op::Tilde) => UnaryOp::Invert,
                _ => break,
            };
            self.enter()?;
            ops.push((op, self.bump()));
        }
        let mut e = self.power()?;
        self.leave(ops.len());
        while let Some((op, token)) = ops.pop() {
            let loc = self.loc_from(&token);
            e = expr(ExprKind::UnaryOp { op, operand: bx(e) }, loc);
        }
        Ok(e)
    }

    /// `power`: `atom_expr ['**' factor]`.
    fn power(&mut self) -> PResult<Expr> {
        let start = *self.token();
        let base = self.atom_expr()?;
        if !self.at_op(Op::DoubleStar) {
            return Ok(base);
        }
        self.bump();
        self.enter()?;
        let exponent = self.factor()?;
        self.leave(1);
        let loc = self.loc_from(&start);
        Ok(expr(ExprKind::BinOp { left: bx(base), op: Operator::Pow, right: bx(exponent) }, loc))
    }

    /// `atom_expr`: `['await'] atom trailer*`.
    fn atom_expr(&mut self) -> PResult<Expr> {
        let await_start = *self.token();
        let awaited = self.eat_kw(Kw::Await);
        // Trailers span from the atom; `Await` from the keyword.
        let start = *self.token();
        let mut e = self.atom()?;
        let mut levels = 0;
        loop {
            match self.peek() {
                Tok::Op(Op::LPar) => {
                    self.enter()?;
                    levels += 1;
                    let lpar = self.bump();
                    e = self.call_rest(e, &start, &lpar)?;
                }
                Tok::Op(Op::LSqb) => {
                    self.enter()?;
                    levels += 1;
                    self.bump();
                    let slice = self.subscriptlist()?;
                    self.expect_op(Op::RSqb)?;
                    let loc = self.loc_from(&start);
                    let kind = ExprKind::Subscript {
                        value: bx(e),
                        slice: Box::new(slice),
                        ctx: ExprContext::Load,
                    };
                    e = expr(kind, loc);
                }
                Tok::Op(Op::Dot) => {
                    self.enter()?;
                    levels += 1;
                    self.bump();
                    let attr = self.expect_name()?;
                    let loc = self.loc_from(&start);
                    e = expr(
                        ExprKind::Attribute { value: bx(e), attr, ctx: ExprContext::Load },
                        loc,
                    );
                }
                _ => break,
            }
        }
        self.leave(levels);
        if awaited {
            let loc = self.loc_from(&await_start);
            e = expr(ExprKind::Await { value: bx(e) }, loc);
        }
        Ok(e)
    }

    fn atom(&mut self) -> PResult<Expr> {
        let token = *self.token();
        let constant = |value| ExprKind::Constant { value, kind: None };
        let kind = match token.tok {
            Tok::Name => {
                self.bump();
                return Ok(self.name_expr(&token, ExprContext::Load));
            }
            Tok::Number => {
                self.bump();
                constant(self.number(&token))
            }
            Tok::String => return self.strings(),
            Tok::Keyword(Kw::None) => {
                self.bump();
                constant(Constant::None)
            }
            Tok::Keyword(Kw::True) => {
                self.bump();
                constant(Constant::Bool(true))
            }
            Tok::Keyword(Kw::False) => {
                self.bump();
                constant(Constant::Bool(false))
            }
            Tok::Op(Op::Ellipsis) => {
                self.bump();
                constant(Constant::Ellipsis)
            }
            Tok::Op(Op::LPar) => return self.bracketed(Self::paren_contents),
            Tok::Op(Op::LSqb) => return self.bracketed(Self::list_contents),
            Tok::Op(Op::LBrace) => return self.bracketed(Self::brace_contents),
            _ => return Err(self.unexpected()),
        };
        Ok(expr(kind, self.loc_from(&token)))
    }

    fn bracketed(&mut self, contents: fn(&mut Self, &Token) -> PResult<Expr>) -> PResult<Expr> {
        let open = self.bump();
        self.enter()?;
        let e = contents(self, &open)?;
        self.leave(1);
        Ok(e)
    }

    fn paren_contents(&mut self, open: &Token) -> PResult<Expr> {
        if self.eat_op(Op::RPar) {
            return Ok(expr(
                ExprKind::Tuple { elts: Vec::new(), ctx: ExprContext::Load },
                self.loc_from(open),
            ));
        }
        if self.at_kw(Kw::Yield) {
            let e = self.yield_expr()?;
            self.expect_op(Op::RPar)?;
            return Ok(e);
        }
        let listing = self.testlist_comp()?;
        self.expect_op(Op::RPar)?;
        let loc = self.loc_from(open);
        Ok(match listing {
            Listing::Elements(mut elts, comma) => {
                if !comma && elts.len() == 1 {
                    elts.pop().expect("one element")
                } else {
                    expr(ExprKind::Tuple { elts, ctx: ExprContext::Load }, loc)
                }
            }
            Listing::Comprehension(elt, generators) => {
                expr(ExprKind::GeneratorExp { elt: bx(elt), generators }, loc)
            }
        })
    }

    fn list_contents(&mut self, open: &Token) -> PResult<Expr> {
        if self.eat_op(Op::RSqb) {
            return Ok(expr(
                ExprKind::List { elts: Vec::new(), ctx: ExprContext::Load },
                self.loc_from(open),
            ));
        }
        let listing = self.testlist_comp()?;
        self.expect_op(Op::RSqb)?;
        let loc = self.loc_from(open);
        Ok(match listing {
            Listing::Elements(elts, _) => {
                expr(ExprKind::List { elts, ctx: ExprContext::Load }, loc)
            }
            Listing::Comprehension(elt, generators) => {
                expr(ExprKind::ListComp { elt: bx(elt), generators }, loc)
            }
        })
    }

    /// `testlist_comp`: `(namedexpr_test|star_expr) (comp_for | (',' ...)* [','])`.
    fn testlist_comp(&mut self) -> PResult<Listing> {
        let first = self.namedexpr_or_star()?;
        if self.at_comp_for() {
            self.no_starred_in_comprehension(&first);
            let generators = self.comp_for()?;
            return Ok(Listing::Comprehension(first, generators));
        }
        let (elts, comma) = self.comma_list(Self::namedexpr_or_star, Some(first))?;
        Ok(Listing::Elements(elts, comma))
    }

    fn no_starred_in_comprehension(&mut self, elt: &Expr) {
        if let ExprKind::Starred { .. } = elt.kind {
            self.ast_error("iterable unpacking cannot be used in comprehension", elt.loc);
        }
    }

    fn at_comp_for(&self) -> bool {
        self.at_kw(Kw::For) || (self.at_kw(Kw::Async) && self.peek_at(1) == Tok::Keyword(Kw::For))
    }

    /// `dictorsetmaker` inside braces.
    fn brace_contents(&mut self, open: &Token) -> PResult<Expr> {
        if self.eat_op(Op::RBrace) {
            let kind = ExprKind::Dict { keys: Vec::new(), values: Vec::new() };
            return Ok(expr(kind, self.loc_from(open)));
        }
        let (first_key, first_value) = if self.at_op(Op::DoubleStar) {
            self.bump();
            let value = self.expr()?;
            if self.at_comp_for() {
                let at = Parser::token_loc(open);
                self.ast_error("dict unpacking cannot be used in dict comprehension", at);
            }
            (None, Some(value))
        } else {
            let key = self.test_or_star()?;
            if !matches!(key.kind, ExprKind::Starred { .. }) && self.eat_op(Op::Colon) {
                (Some(key), Some(self.test()?))
            } else {
                (Some(key), None)
            }
        };
        let e = match first_value {
            Some(value) => {
                if self.at_comp_for() {
                    let generators = self.comp_for()?;
                    let key = first_key.unwrap_or_else(|| value.clone());
                    ExprKind::DictComp { key: bx(key), value: bx(value), generators }
                } else {
                    let mut keys = vec![first_key];
                    let mut values = vec![value];
                    while self.eat_op(Op::Comma) {
                        if self.at_op(Op::RBrace) {
                            break;
                        }
                        if self.eat_op(Op::DoubleStar) {
                            keys.push(None);
                            values.push(self.expr()?);
                        } else {
                            keys.push(Some(self.test()?));
                            self.expect_op(Op::Colon)?;
                            values.push(self.test()?);
                        }
                    }
                    ExprKind::Dict { keys, values }
                }
            }
            None => {
                let first = first_key.expect("a set display has a first element");
                if self.at_comp_for() {
                    self.no_starred_in_comprehension(&first);
                    let generators = self.comp_for()?;
                    ExprKind::SetComp { elt: bx(first), generators }
                } else {
                    let (elts, _) = self.comma_list(Self::test_or_star, Some(first))?;
                    ExprKind::Set { elts }
                }
            }
        };
        self.expect_op(Op::RBrace)?;
        Ok(expr(e, self.loc_from(open)))
    }

    /// `comp_for`: one or more `[async] for exprlist in or_test (if test_nocond)*`.
    pub(super) fn comp_for(&mut self) -> PResult<Vec<Comprehension>> {
        let mut generators = Vec::new();
        while self.at_comp_for() {
            let is_async = self.eat_kw(Kw::Async);
            self.expect_kw(Kw::For)?;
            let target_start = *self.token();
            let (targets, comma) = self.exprlist()?;
            let mut target = self.tuple_or_single(targets, comma, &target_start);
            let loc = target.loc;
            self.set_context(&mut target, ExprContext::Store, loc);
            self.expect_kw(Kw::In)?;
            let iter = self.or_test()?;
            let mut ifs = Vec::new();
            while self.eat_kw(Kw::If) {
                ifs.push(self.test_nocond()?);
            }
            generators.push(Comprehension { target, iter, ifs, is_async });
        }
        Ok(generators)
    }

    /// `yield_expr`: `'yield' ['from' test | testlist_star_expr]`.
    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.bump();
        if self.eat_kw(Kw::From) {
            let value = self.test()?;
            return Ok(expr(ExprKind::YieldFrom { value: bx(value) }, self.loc_from(&start)));
        }
        let value = if self.at_expr_start() { Some(bx(self.testlist_star_expr()?)) } else { None };
        Ok(expr(ExprKind::Yield { value }, self.loc_from(&start)))
    }

    /// `subscriptlist` as 3.8's ast.c shapes it: `Index`, `Slice`, or for
    /// several subscripts `Index(Tuple)` unless one is a slice (`ExtSlice`).
    fn subscriptlist(&mut self) -> PResult<Slice> {
        let start = *self.token();
        let first = self.subscript()?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        let mut dims = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RSqb) {
                break;
            }
            dims.push(self.subscript()?);
        }
        if dims.iter().all(|d| matches!(d, Slice::Index { .. })) {
            let elts: Vec<Expr> = dims
                .into_iter()
                .filter_map(|d| match d {
                    Slice::Index { value } => Some(*value),
                    _ => None,
                })
                .collect();
            // The tuple spans the subscripts, a trailing comma included.
            let tuple =
                expr(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.loc_from(&start));
            return Ok(Slice::Index { value: bx(tuple) });
        }
        Ok(Slice::ExtSlice { dims })
    }

    /// `subscript`: `test | [test] ':' [test] [':' [test]]`.
    fn subscript(&mut self) -> PResult<Slice> {
        let bound = |p: &mut Self| -> PResult<Option<Box<Expr>>> {
            if p.at_op(Op::Colon) || p.at_op(Op::Comma) || p.at_op(Op::RSqb) {
                Ok(None)
            } else {
                Ok(Some(bx(p.test()?)))
            }
        };
        let lower = bound(self)?;
        if !self.at_op(Op::Colon) {
            return match lower {
                Some(value) => Ok(Slice::Index { value }),
                None => Err(self.unexpected()),
            };
        }
        self.bump();
        let upper = bound(self)?;
        let step = if self.eat_op(Op::Colon) { bound(self)? } else { None };
        Ok(Slice::Slice { lower, upper, step })
    }
}
