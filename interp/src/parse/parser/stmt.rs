//! Statements: `file_input`, `stmt`, `simple_stmt`, the compound statements
//! and their blocks (`suite`).

use super::{bx, PResult, Parser};
use crate::parse::ast::*;
use crate::parse::error::ErrorKind;
use crate::parse::token::{Kw, Op, Tok, Token};

fn stmt(kind: StmtKind, loc: Loc) -> Stmt {
    Stmt { kind, loc }
}

fn body_end(start: Loc, body: &[Stmt]) -> Loc {
    match body.last() {
        Some(last) => Parser::span(&start, &last.loc),
        None => start,
    }
}

fn augassign_op(op: Op) -> Option<Operator> {
    Some(match op {
        Op::PlusEqual => Operator::Add,
        Op::MinEqual => Operator::Sub,
        Op::StarEqual => Operator::Mult,
        Op::AtEqual => Operator::MatMult,
        Op::SlashEqual => Operator::Div,
        Op::PercentEqual => Operator::Mod,
        Op::AmperEqual => Operator::BitAnd,
        Op::VBarEqual => Operator::BitOr,
        Op::CircumflexEqual => Operator::BitXor,
        Op::LeftShiftEqual => Operator::LShift,
        Op::RightShiftEqual => Operator::RShift,
        Op::DoubleStarEqual => Operator::Pow,
        Op::DoubleSlashEqual => Operator::FloorDiv,
        _ => return None,
    })
}

impl Parser<'_> {
    pub(super) fn file_input(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        loop {
            match self.peek() {
                Tok::EndMarker => return Ok(body),
                Tok::Newline => {
                    self.bump();
                }
                _ => self.statement(&mut body)?,
            }
        }
    }

    /// `stmt`: appends one compound statement or the small statements of a line.
    pub(super) fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let s = match self.peek() {
            Tok::Keyword(Kw::If) => self.if_stmt()?,
            Tok::Keyword(Kw::While) => self.while_stmt()?,
            Tok::Keyword(Kw::For) => self.for_stmt(None)?,
            Tok::Keyword(Kw::Try) => self.try_stmt()?,
            Tok::Keyword(Kw::With) => self.with_stmt(None)?,
            Tok::Keyword(Kw::Def) => self.funcdef(Vec::new(), None)?,
            Tok::Keyword(Kw::Class) => self.classdef(Vec::new())?,
            Tok::Keyword(Kw::Async) => self.async_stmt(Vec::new())?,
            Tok::Op(Op::At) => self.decorated()?,
            _ => return self.simple_stmt(out),
        };
        out.push(s);
        Ok(())
    }

    fn simple_stmt(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let s = self.small_stmt()?;
            out.push(s);
            if !self.eat_op(Op::Semi) || self.peek() == Tok::Newline {
                break;
            }
        }
        self.expect(Tok::Newline)?;
        Ok(())
    }

    /// `suite`: a block after a colon.
    fn suite(&mut self) -> PResult<Vec<Stmt>> {
        if self.peek() != Tok::Newline {
            let mut body = Vec::new();
            self.simple_stmt(&mut body)?;
            return Ok(body);
        }
        self.bump();
        if self.peek() != Tok::Indent {
            if matches!(self.peek(), Tok::EndMarker | Tok::Error) {
                return Err(self.unexpected());
            }
            let token = *self.token();
            return Err(self.error_at_token(
                ErrorKind::IndentationError,
                "expected an indented block",
                &token,
            ));
        }
        self.bump();
        let mut body = Vec::new();
        loop {
            self.statement(&mut body)?;
            if self.peek() == Tok::Dedent {
                self.bump();
                return Ok(body);
            }
        }
    }

    fn colon_suite(&mut self) -> PResult<Vec<Stmt>> {
        self.expect_op(Op::Colon)?;
        self.suite()
    }

    fn small_stmt(&mut self) -> PResult<Stmt> {
        let start = *self.token();
        let kind = match start.tok {
            Tok::Keyword(Kw::Pass) => {
                self.bump();
                StmtKind::Pass
            }
            Tok::Keyword(Kw::Break) => {
                self.bump();
                StmtKind::Break
            }
            Tok::Keyword(Kw::Continue) => {
                self.bump();
                StmtKind::Continue
            }
            Tok::Keyword(Kw::Del) => {
                self.bump();
                let (mut targets, _) = self.exprlist()?;
                for target in &mut targets {
                    let loc = target.loc;
                    self.set_context(target, ExprContext::Del, loc);
                }
                StmtKind::Delete { targets }
            }
            Tok::Keyword(Kw::Return) => {
                self.bump();
                let value =
                    if self.at_expr_start() { Some(bx(self.testlist_star_expr()?)) } else { None };
                StmtKind::Return { value }
            }
            Tok::Keyword(Kw::Raise) => {
                self.bump();
                let (mut exc, mut cause) = (None, None);
                if self.at_expr_start() {
                    exc = Some(bx(self.test()?));
                    if self.eat_kw(Kw::From) {
                        cause = Some(bx(self.test()?));
                    }
                }
                StmtKind::Raise { exc, cause }
            }
            Tok::Keyword(kw @ (Kw::Global | Kw::Nonlocal)) => {
                self.bump();
                let mut names = vec![self.expect_name()?];
                while self.eat_op(Op::Comma) {
                    names.push(self.expect_name()?);
                }
                if kw == Kw::Global {
                    StmtKind::Global { names }
                } else {
                    StmtKind::Nonlocal { names }
                }
            }
            Tok::Keyword(Kw::Assert) => {
                self.bump();
                let test = bx(self.test()?);
                let msg = if self.eat_op(Op::Comma) { Some(bx(self.test()?)) } else { None };
                StmtKind::Assert { test, msg }
            }
            Tok::Keyword(Kw::Import) => {
                self.bump();
                let mut names = Vec::new();
                loop {
                    let name = self.dotted_name()?;
                    let asname = if self.eat_kw(Kw::As) { Some(self.expect_name()?) } else { None };
                    names.push(Alias { name, asname });
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                }
                StmtKind::Import { names }
            }
            Tok::Keyword(Kw::From) => self.import_from()?,
            _ => return self.expr_stmt(),
        };
        Ok(stmt(kind, self.loc_from(&start)))
    }

    fn dotted_name(&mut self) -> PResult<String> {
        let mut name = self.expect_name()?;
        while self.eat_op(Op::Dot) {
            name.push('.');
            name.push_str(&self.expect_name()?);
        }
        Ok(name)
    }

    fn import_from(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut level = 0;
        loop {
            if self.eat_op(Op::Dot) {
                level += 1;
            } else if self.eat_op(Op::Ellipsis) {
                level += 3;
            } else {
                break;
            }
        }
        let module =
            if level == 0 || self.peek() == Tok::Name { Some(self.dotted_name()?) } else { None };
        self.expect_kw(Kw::Import)?;
        let mut names = Vec::new();
        if self.eat_op(Op::Star) {
            names.push(Alias { name: "*".into(), asname: None });
        } else {
            let parenthesized = self.eat_op(Op::LPar);
            let names_start = *self.token();
            loop {
                let name = self.expect_name()?;
                let asname = if self.eat_kw(Kw::As) { Some(self.expect_name()?) } else { None };
                names.push(Alias { name, asname });
                if !self.eat_op(Op::Comma) {
                    break;
                }
                if parenthesized && self.at_op(Op::RPar) {
                    break;
                }
                if !parenthesized && self.peek() != Tok::Name {
                    // The grammar allows it; ast.c does not.
                    let at = Parser::token_loc(&names_start);
                    self.ast_error(
                        "trailing comma not allowed without surrounding parentheses",
                        at,
                    );
                    break;
                }
            }
            if parenthesized {
                self.expect_op(Op::RPar)?;
            }
        }
        Ok(StmtKind::ImportFrom { module, names, level })
    }

    fn expr_stmt(&mut self) -> PResult<Stmt> {
        let start = *self.token();
        if self.at_kw(Kw::Yield) {
            let value = self.yield_expr()?;
            return Ok(stmt(StmtKind::Expr { value: bx(value) }, self.loc_from(&start)));
        }
        let mut first = self.testlist_star_expr()?;
        // ast.c reports a bad target at the start of its text, parentheses included.
        let at = Parser::token_loc(&start);
        if let Tok::Op(op) = self.peek() {
            if let Some(operator) = augassign_op(op) {
                self.bump();
                match &first.kind {
                    ExprKind::Name { .. }
                    | ExprKind::Attribute { .. }
                    | ExprKind::Subscript { .. } => {
                        self.set_context(&mut first, ExprContext::Store, at);
                    }
                    _ => self.ast_error("illegal expression for augmented assignment", at),
                }
                let value =
                    if self.at_kw(Kw::Yield) { self.yield_expr()? } else { self.testlist()? };
                let kind =
                    StmtKind::AugAssign { target: bx(first), op: operator, value: bx(value) };
                return Ok(stmt(kind, self.loc_from(&start)));
            }
            if op == Op::Colon {
                self.bump();
                let parenthesized = start.tok == Tok::Op(Op::LPar);
                let simple = matches!(first.kind, ExprKind::Name { .. }) && !parenthesized;
                match &first.kind {
                    ExprKind::Name { .. }
                    | ExprKind::Attribute { .. }
                    | ExprKind::Subscript { .. } => {}
                    ExprKind::List { .. } => {
                        self.ast_error("only single target (not list) can be annotated", at)
                    }
                    ExprKind::Tuple { .. } => {
                        self.ast_error("only single target (not tuple) can be annotated", at)
                    }
                    _ => self.ast_error("illegal target for annotation", at),
                }
                self.set_context(&mut first, ExprContext::Store, at);
                let annotation = bx(self.test()?);
                let value = if self.eat_op(Op::Equal) {
                    Some(bx(if self.at_kw(Kw::Yield) {
                        self.yield_expr()?
                    } else {
                        self.testlist_star_expr()?
                    }))
                } else {
                    None
                };
                let kind = StmtKind::AnnAssign { target: bx(first), annotation, value, simple };
                return Ok(stmt(kind, self.loc_from(&start)));
            }
        }
        if !self.at_op(Op::Equal) {
            return Ok(stmt(StmtKind::Expr { value: bx(first) }, self.loc_from(&start)));
        }
        let mut parts: Vec<(Expr, bool, Loc)> = vec![(first, false, at)];
        while self.eat_op(Op::Equal) {
            let part_at = Parser::token_loc(self.token());
            let is_yield = self.at_kw(Kw::Yield);
            let part = if is_yield { self.yield_expr()? } else { self.testlist_star_expr()? };
            parts.push((part, is_yield, part_at));
        }
        let (value, _, _) = parts.pop().expect("an assignment has a value after '='");
        let mut targets = Vec::with_capacity(parts.len());
        for (mut target, is_yield, loc) in parts {
            if is_yield {
                self.ast_error("assignment to yield expression not possible", loc);
            } else {
                self.set_context(&mut target, ExprContext::Store, loc);
            }
            targets.push(target);
        }
        let kind = StmtKind::Assign { targets, value: bx(value), type_comment: None };
        Ok(stmt(kind, self.loc_from(&start)))
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        // `elif` chains are folded from the end, without recursion.
        let mut branches: Vec<(Token, Expr, Vec<Stmt>)> = Vec::new();
        let start = self.bump();
        let test = self.namedexpr_test()?;
        let body = self.colon_suite()?;
        branches.push((start, test, body));
        while self.at_kw(Kw::Elif) {
            let start = self.bump();
            let test = self.namedexpr_test()?;
            let body = self.colon_suite()?;
            branches.push((start, test, body));
        }
        let mut orelse = if self.eat_kw(Kw::Else) { self.colon_suite()? } else { Vec::new() };
        while let Some((start, test, body)) = branches.pop() {
            let head = Loc {
                lineno: start.line,
                col_offset: start.col,
                end_lineno: start.end_line,
                end_col_offset: start.end_col,
            };
            let loc = body_end(head, if orelse.is_empty() { &body } else { &orelse });
            let s = stmt(StmtKind::If { test: bx(test), body, orelse }, loc);
            orelse = vec![s];
        }
        Ok(orelse.pop().expect("an if statement has a first branch"))
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.bump();
        let test = bx(self.namedexpr_test()?);
        let body = self.colon_suite()?;
        let orelse = if self.eat_kw(Kw::Else) { self.colon_suite()? } else { Vec::new() };
        let loc = self.block_loc(&start, &body, &orelse);
        Ok(stmt(StmtKind::While { test, body, orelse }, loc))
    }

    fn block_loc(&self, start: &Token, body: &[Stmt], orelse: &[Stmt]) -> Loc {
        let head = Loc {
            lineno: start.line,
            col_offset: start.col,
            end_lineno: start.end_line,
            end_col_offset: start.end_col,
        };
        body_end(head, if orelse.is_empty() { body } else { orelse })
    }

    fn for_stmt(&mut self, async_start: Option<Token>) -> PResult<Stmt> {
        let for_token = self.bump();
        let start = async_start.unwrap_or(for_token);
        let target_start = *self.token();
        let (targets, comma) = self.exprlist()?;
        let mut target = self.tuple_or_single(targets, comma, &target_start);
        let loc = target.loc;
        self.set_context(&mut target, ExprContext::Store, loc);
        self.expect_kw(Kw::In)?;
        let iter = self.testlist()?;
        let body = self.colon_suite()?;
        let orelse = if self.eat_kw(Kw::Else) { self.colon_suite()? } else { Vec::new() };
        let loc = self.block_loc(&start, &body, &orelse);
        let f = For { target: bx(target), iter: bx(iter), body, orelse, type_comment: None };
        let kind = if async_start.is_some() { StmtKind::AsyncFor(f) } else { StmtKind::For(f) };
        Ok(stmt(kind, loc))
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.bump();
        let body = self.colon_suite()?;
        let mut handlers = Vec::new();
        while self.at_kw(Kw::Except) {
            let except = self.bump();
            let mut type_ = None;
            let mut name = None;
            if !self.at_op(Op::Colon) {
                type_ = Some(bx(self.test()?));
                if self.eat_kw(Kw::As) {
                    name = Some(self.expect_name()?);
                }
            }
            let body = self.colon_suite()?;
            let head = Loc {
                lineno: except.line,
                col_offset: except.col,
                end_lineno: except.end_line,
                end_col_offset: except.end_col,
            };
            let loc = body_end(head, &body);
            handlers.push(ExceptHandler { type_, name, body, loc });
        }
        let mut orelse = Vec::new();
        if !handlers.is_empty() && self.eat_kw(Kw::Else) {
            orelse = self.colon_suite()?;
        }
        let mut finalbody = Vec::new();
        if self.eat_kw(Kw::Finally) {
            finalbody = self.colon_suite()?;
        } else if handlers.is_empty() {
            return Err(self.unexpected());
        }
        let last: &[Stmt] = if !finalbody.is_empty() {
            &finalbody
        } else if !orelse.is_empty() {
            &orelse
        } else if let Some(handler) = handlers.last() {
            &handler.body
        } else {
            &body
        };
        let loc = self.block_loc(&start, last, &[]);
        Ok(stmt(StmtKind::Try { body, handlers, orelse, finalbody }, loc))
    }

    fn with_stmt(&mut self, async_start: Option<Token>) -> PResult<Stmt> {
        let with_token = self.bump();
        let start = async_start.unwrap_or(with_token);
        let mut items = Vec::new();
        loop {
            let item_start = Parser::token_loc(self.token());
            let context_expr = self.test()?;
            let optional_vars = if self.eat_kw(Kw::As) {
                let mut target = self.expr()?;
                self.set_context(&mut target, ExprContext::Store, item_start);
                Some(bx(target))
            } else {
                None
            };
            items.push(WithItem { context_expr, optional_vars });
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        let body = self.colon_suite()?;
        let loc = self.block_loc(&start, &body, &[]);
        let w = With { items, body, type_comment: None };
        let kind = if async_start.is_some() { StmtKind::AsyncWith(w) } else { StmtKind::With(w) };
        Ok(stmt(kind, loc))
    }

    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.at_op(Op::At) {
            self.bump();
            let start = *self.token();
            let name_token = self.expect(Tok::Name)?;
            let mut e = self.name_expr(&name_token, ExprContext::Load);
            while self.eat_op(Op::Dot) {
                let attr = self.expect_name()?;
                let loc = self.loc_from(&start);
                e = Expr {
                    kind: ExprKind::Attribute { value: bx(e), attr, ctx: ExprContext::Load },
                    loc,
                };
            }
            if self.at_op(Op::LPar) {
                let lpar = self.bump();
                e = self.call_rest(e, &start, &lpar)?;
            }
            self.expect(Tok::Newline)?;
            decorators.push(e);
        }
        match self.peek() {
            Tok::Keyword(Kw::Def) => self.funcdef(decorators, None),
            Tok::Keyword(Kw::Class) => self.classdef(decorators),
            Tok::Keyword(Kw::Async) if self.peek_at(1) == Tok::Keyword(Kw::Def) => {
                self.async_stmt(decorators)
            }
            _ => Err(self.unexpected()),
        }
    }

    fn async_stmt(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let start = self.bump();
        match self.peek() {
            Tok::Keyword(Kw::Def) => self.funcdef(decorators, Some(start)),
            Tok::Keyword(Kw::With) if decorators.is_empty() => self.with_stmt(Some(start)),
            Tok::Keyword(Kw::For) if decorators.is_empty() => self.for_stmt(Some(start)),
            _ => Err(self.unexpected()),
        }
    }

    fn funcdef(&mut self, decorator_list: Vec<Expr>, async_start: Option<Token>) -> PResult<Stmt> {
        let def = self.bump();
        let start = async_start.unwrap_or(def);
        let name = self.expect_name()?;
        self.expect_op(Op::LPar)?;
        let args = self.parameters(true, Op::RPar)?;
        self.expect_op(Op::RPar)?;
        let returns = if self.eat_op(Op::RArrow) { Some(bx(self.test()?)) } else { None };
        let body = self.colon_suite()?;
        let loc = self.block_loc(&start, &body, &[]);
        let f = FunctionDef {
            name,
            args: Box::new(args),
            body,
            decorator_list,
            returns,
            type_comment: None,
        };
        let kind = if async_start.is_some() {
            StmtKind::AsyncFunctionDef(f)
        } else {
            StmtKind::FunctionDef(f)
        };
        Ok(stmt(kind, loc))
    }

    fn classdef(&mut self, decorator_list: Vec<Expr>) -> PResult<Stmt> {
        let start = self.bump();
        let name = self.expect_name()?;
        let (mut bases, mut keywords) = (Vec::new(), Vec::new());
        if self.eat_op(Op::LPar) {
            if !self.at_op(Op::RPar) {
                (bases, keywords, _) = self.arglist(false)?;
            }
            self.expect_op(Op::RPar)?;
        }
        let body = self.colon_suite()?;
        let loc = self.block_loc(&start, &body, &[]);
        Ok(stmt(StmtKind::ClassDef { name, bases, keywords, body, decorator_list }, loc))
    }
}
