//! Parameter lists (`typedargslist`, `varargslist`) and call arguments
//! (`arglist`), with ast.c's checks on their order.

use super::{bx, PResult, Parser};
use crate::parse::ast::*;
use crate::parse::token::{Kw, Op, Tok, Token};

/// One `argument` of an `arglist`, before ast.c's checks.
enum RawArg {
    Positional(Expr),
    /// `test comp_for`: the generator expression and whether it was alone.
    Generator(Expr),
    Keyword(Expr, Expr),
    Star(Expr),
    DoubleStar(Expr),
}

impl Parser<'_> {
    /// A parameter list up to (not including) `close`; `annotated` for
    /// `def` (`tfpdef` with annotations), not for `lambda`.
    pub(super) fn parameters(&mut self, annotated: bool, close: Op) -> PResult<Arguments> {
        let mut a = Arguments::default();
        let mut seen_star = false;
        let mut bare_star: Option<Loc> = None;
        let mut seen_default = false;
        let mut seen_slash = false;
        // ast.c reports argument-order errors at the start of the list.
        let list_start = Parser::token_loc(self.token());
        while !self.at_op(close) {
            if self.at_op(Op::Star) && !seen_star {
                let star = self.bump();
                seen_star = true;
                if self.peek() == Tok::Name {
                    a.vararg = Some(self.param(annotated)?);
                } else {
                    bare_star = Some(Parser::token_loc(&star));
                }
            } else if self.at_op(Op::DoubleStar) {
                let double_star = self.bump();
                if bare_star.is_some() && a.kwonlyargs.is_empty() {
                    bare_star = Some(Parser::token_loc(&double_star));
                }
                a.kwarg = Some(self.param(annotated)?);
                self.eat_op(Op::Comma);
                break;
            } else if self.at_op(Op::Slash) && !seen_star && !seen_slash && !a.args.is_empty() {
                self.bump();
                seen_slash = true;
                a.posonlyargs = std::mem::take(&mut a.args);
            } else {
                let name = *self.token();
                let mut param = self.param(annotated)?;
                let default = if self.eat_op(Op::Equal) { Some(self.test()?) } else { None };
                if seen_star {
                    // CPython 3.8 ends a keyword-only parameter at its name.
                    param.loc.end_lineno = name.end_line;
                    param.loc.end_col_offset = name.end_col;
                    a.kwonlyargs.push(param);
                    a.kw_defaults.push(default);
                } else {
                    match default {
                        Some(d) => {
                            seen_default = true;
                            a.defaults.push(d);
                        }
                        None if seen_default => self
                            .ast_error("non-default argument follows default argument", list_start),
                        None => {}
                    }
                    a.args.push(param);
                }
            }
            if self.at_op(close) {
                break;
            }
            self.expect_op(Op::Comma)?;
        }
        if let Some(loc) = bare_star {
            if a.kwonlyargs.is_empty() {
                self.ast_error("named arguments must follow bare *", loc);
            }
        }
        Ok(a)
    }

    fn param(&mut self, annotated: bool) -> PResult<Arg> {
        let start = self.expect(Tok::Name)?;
        let name = self.identifier(&start);
        let annotation =
            if annotated && self.eat_op(Op::Colon) { Some(bx(self.test()?)) } else { None };
        Ok(Arg { arg: name, annotation, type_comment: None, loc: self.loc_from(&start) })
    }

    /// The rest of a call after its `(` (`lpar`): arguments and the `)`.
    pub(super) fn call_rest(&mut self, func: Expr, start: &Token, lpar: &Token) -> PResult<Expr> {
        let (mut args, keywords, sole_generator) = if self.at_op(Op::RPar) {
            (Vec::new(), Vec::new(), false)
        } else {
            self.arglist(true)?
        };
        self.expect_op(Op::RPar)?;
        if sole_generator {
            // CPython gives `f(x for x in y)`'s generator the call's parentheses.
            args[0].loc = self.loc_from(lpar);
        }
        let loc = self.loc_from(start);
        Ok(Expr { kind: ExprKind::Call { func: bx(func), args, keywords }, loc })
    }

    /// `arglist`, then ast.c's `ast_for_call` checks; `allow_generator` is
    /// false for class bases.
    /// Also says whether the only argument is an unparenthesized generator.
    pub(super) fn arglist(
        &mut self,
        allow_generator: bool,
    ) -> PResult<(Vec<Expr>, Vec<Keyword>, bool)> {
        let mut raw = Vec::new();
        let mut trailing_comma;
        loop {
            raw.push(self.argument()?);
            trailing_comma = false;
            if !self.eat_op(Op::Comma) {
                break;
            }
            trailing_comma = true;
            if self.at_op(Op::RPar) {
                break;
            }
        }
        let alone = raw.len() == 1 && !trailing_comma;
        let raw_kinds: Vec<bool> = raw.iter().map(|a| matches!(a, RawArg::Generator(_))).collect();
        for arg in &raw {
            if let RawArg::Generator(g) = arg {
                if !allow_generator {
                    self.ast_error("invalid syntax", g.loc);
                } else if !alone {
                    self.ast_error("Generator expression must be parenthesized", g.loc);
                }
            }
        }
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut double_stars = 0;
        for arg in raw {
            match arg {
                RawArg::Positional(e) | RawArg::Generator(e) => {
                    if !keywords.is_empty() {
                        let msg = if double_stars > 0 {
                            "positional argument follows keyword argument unpacking"
                        } else {
                            "positional argument follows keyword argument"
                        };
                        self.ast_error(msg, e.loc);
                    }
                    args.push(e);
                }
                RawArg::Star(e) => {
                    if double_stars > 0 {
                        self.ast_error(
                            "iterable argument unpacking follows keyword argument unpacking",
                            e.loc,
                        );
                    }
                    args.push(e);
                }
                RawArg::DoubleStar(value) => {
                    double_stars += 1;
                    keywords.push(Keyword { arg: None, value });
                }
                RawArg::Keyword(key, value) => {
                    let name = match &key.kind {
                        ExprKind::Name { id, .. } => Some(id.clone()),
                        // CPython 3.8 reads the keyword as a NAME token, so
                        // these are forbidden names rather than expressions.
                        ExprKind::Constant {
                            value: value @ (Constant::None | Constant::Bool(_)),
                            ..
                        } => {
                            let spelled = match value {
                                Constant::Bool(true) => "True",
                                Constant::Bool(false) => "False",
                                _ => "None",
                            };
                            self.ast_error(&format!("cannot assign to {spelled}"), key.loc);
                            None
                        }
                        _ => {
                            self.ast_error(
                                "expression cannot contain assignment, perhaps you meant \"==\"?",
                                key.loc,
                            );
                            None
                        }
                    };
                    if let Some(name) = &name {
                        if name == "__debug__" {
                            self.ast_error("cannot assign to __debug__", key.loc);
                        }
                        if keywords.iter().any(|k| k.arg.as_deref() == Some(name.as_str())) {
                            self.ast_error("keyword argument repeated", key.loc);
                        }
                    }
                    keywords.push(Keyword { arg: name, value });
                }
            }
        }
        let sole_generator = alone && matches!(raw_kinds.first(), Some(true));
        Ok((args, keywords, sole_generator))
    }

    /// `argument`: `test [comp_for] | test ':=' test | test '=' test | '**' test | '*' test`.
    fn argument(&mut self) -> PResult<RawArg> {
        let start = *self.token();
        if self.eat_op(Op::Star) {
            let value = self.test()?;
            // CPython ends `*value` where the value's node ends.
            let loc = Parser::span(&Parser::token_loc(&start), &value.loc);
            let kind = ExprKind::Starred { value: bx(value), ctx: ExprContext::Load };
            return Ok(RawArg::Star(Expr { kind, loc }));
        }
        if self.eat_op(Op::DoubleStar) {
            return Ok(RawArg::DoubleStar(self.test()?));
        }
        let first = self.test()?;
        if self.at_kw(Kw::For)
            || (self.at_kw(Kw::Async) && self.peek_at(1) == Tok::Keyword(Kw::For))
        {
            let generators = self.comp_for()?;
            let loc = self.loc_from(&start);
            let kind = ExprKind::GeneratorExp { elt: bx(first), generators };
            return Ok(RawArg::Generator(Expr { kind, loc }));
        }
        if self.eat_op(Op::Equal) {
            let value = self.test()?;
            return Ok(RawArg::Keyword(first, value));
        }
        if self.at_op(Op::ColonEqual) {
            self.bump();
            let value = self.test()?;
            let loc = self.loc_from(&start);
            return Ok(RawArg::Positional(self.named_expr(first, value, loc)));
        }
        Ok(RawArg::Positional(first))
    }
}
