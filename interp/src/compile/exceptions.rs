//! `try`, `with`, `async for`, and the unwinding that `return`, `break` and
//! `continue` do through them.
//!
//! A handler is entered with the exception in a slot (the exception table
//! says which). `EnterHandler` makes it the exception being handled and
//! saves the previous one; every way out of the handler restores it, the
//! exceptional way through a *cleanup* handler that restores and re-raises.

use super::compiler::{CResult, Compiler, FBlock, UnitKind};
use super::unit::UnitBuilder;
use crate::bytecode::instr::{AwaitOrigin, Reg};
use crate::bytecode::{Const, Instr};
use crate::parse::ast::{ExceptHandler, For, Stmt, WithItem};

impl<'a> Compiler<'a> {
    /// Emits the cleanup of every frame block from the innermost down to
    /// (not including) index `depth`, for a jump out of them. `preserve` is
    /// the slot of a pending return value, kept intact.
    pub fn unwind_to(&mut self, depth: usize, preserve: Option<Reg>) -> CResult<()> {
        let _ = preserve;
        let saved_handlers = self.cur.unit.active_handlers().to_vec();
        let saved_fblocks = self.cur.fblocks.clone();
        for i in (depth..saved_fblocks.len()).rev() {
            let entry = saved_fblocks[i].clone();
            // Code run while leaving block i is covered only by the handlers outside it,
            // and a jump inside it unwinds only the blocks outside it.
            self.cur.unit.set_handlers(saved_handlers[..entry.handler_depth].to_vec());
            self.cur.fblocks.truncate(i);
            match entry.block {
                FBlock::Loop { .. } => {}
                FBlock::Finally { body } => self.stmts(body)?,
                FBlock::Handler { saved, name } => {
                    if let Some(name) = name {
                        self.unbind_handler_name(&name);
                    }
                    self.emit(Instr::ExitHandler { saved });
                }
                FBlock::With { exit, is_async } => self.call_exit_none(exit, is_async),
            }
        }
        self.cur.fblocks = saved_fblocks;
        self.cur.unit.set_handlers(saved_handlers);
        Ok(())
    }

    /// `name = None; del name` after an `except ... as name:` body.
    fn unbind_handler_name(&mut self, name: &str) {
        let t = self.cur.unit.temp();
        self.load_const(Const::None, t);
        self.store_name(name, t);
        self.delete_name(name);
        self.cur.unit.release(t);
    }

    /// `exit(None, None, None)` on the normal way out of a `with`.
    fn call_exit_none(&mut self, exit: Reg, is_async: bool) {
        let run = self.cur.unit.temps(4);
        self.emit(Instr::Move { dst: run, src: exit });
        for i in 1..4 {
            self.load_const(Const::None, run + i);
        }
        self.emit(Instr::Call { dst: run, func: run, argc: 3 });
        if is_async {
            let iter = self.cur.unit.temp();
            self.emit(Instr::GetAwaitable { dst: iter, src: run, origin: AwaitOrigin::AsyncExit });
            self.delegate(iter, run);
        }
        self.cur.unit.release(run);
    }

    pub fn try_stmt(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> CResult<()> {
        if finalbody.is_empty() {
            return self.try_except(body, handlers, orelse);
        }
        let exc_label = self.cur.unit.new_label();
        let cleanup = self.cur.unit.new_label();
        let end = self.cur.unit.new_label();
        let exc = self.cur.unit.temp();
        let saved = self.cur.unit.temp();
        let inner_exc = self.cur.unit.temp();
        // The fblock first: a `return` or `break` runs the finally body
        // outside this try's own handler (else an exception raised there
        // would run the finally body a second time).
        self.push_fblock(FBlock::Finally { body: finalbody })?;
        self.cur.unit.push_handler(exc_label, exc);
        if handlers.is_empty() {
            self.stmts(body)?;
            self.stmts(orelse)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.cur.fblocks.pop();
        self.cur.unit.pop_handler();
        self.stmts(finalbody)?;
        self.jump(end);

        self.cur.unit.place(exc_label);
        self.emit(Instr::EnterHandler { exc, saved });
        self.cur.unit.push_handler(cleanup, inner_exc);
        self.push_fblock(FBlock::Handler { saved, name: None })?;
        self.stmts(finalbody)?;
        self.cur.fblocks.pop();
        self.cur.unit.pop_handler();
        self.emit(Instr::ExitHandler { saved });
        self.emit(Instr::Reraise { exc });

        self.cur.unit.place(cleanup);
        self.emit(Instr::ExitHandler { saved });
        self.emit(Instr::Reraise { exc: inner_exc });
        self.cur.unit.place(end);
        Ok(())
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult<()> {
        let handler_label = self.cur.unit.new_label();
        let cleanup = self.cur.unit.new_label();
        let end = self.cur.unit.new_label();
        let exc = self.cur.unit.temp();
        let saved = self.cur.unit.temp();
        let inner_exc = self.cur.unit.temp();
        self.cur.unit.push_handler(handler_label, exc);
        self.stmts(body)?;
        self.cur.unit.pop_handler();
        self.stmts(orelse)?;
        self.jump(end);

        self.cur.unit.place(handler_label);
        self.emit(Instr::EnterHandler { exc, saved });
        self.cur.unit.push_handler(cleanup, inner_exc);
        for (i, h) in handlers.iter().enumerate() {
            self.set_line(h.loc.lineno);
            let next = self.cur.unit.new_label();
            match &h.type_ {
                Some(typ) => {
                    let mark = self.cur.unit.mark();
                    let t = self.expr_reg(typ)?;
                    let matched = self.cur.unit.temp();
                    self.emit(Instr::MatchException { dst: matched, exc, typ: t });
                    self.emit(Instr::JumpIfFalse {
                        cond: matched,
                        target: UnitBuilder::target(next),
                    });
                    self.cur.unit.release(mark);
                }
                None if i + 1 < handlers.len() => {
                    // CPython reports it where its compiler last was: the
                    // last statement of the block compiled before.
                    let before = if i == 0 { body } else { &handlers[i - 1].body };
                    let loc = last_compiled(before).unwrap_or(h.loc);
                    let msg = "default 'except:' must be last";
                    return Err(self.error(msg, loc.lineno, loc.col_offset));
                }
                None => {}
            }
            match &h.name {
                Some(name) => {
                    self.store_name(name, exc);
                    // The name is unbound however the body ends.
                    let named_cleanup = self.cur.unit.new_label();
                    let body_exc = self.cur.unit.temp();
                    self.cur.unit.push_handler(named_cleanup, body_exc);
                    self.push_fblock(FBlock::Handler { saved, name: Some(name.clone()) })?;
                    self.stmts(&h.body)?;
                    self.cur.fblocks.pop();
                    self.cur.unit.pop_handler();
                    self.unbind_handler_name(name);
                    self.emit(Instr::ExitHandler { saved });
                    self.jump(end);
                    self.cur.unit.place(named_cleanup);
                    self.unbind_handler_name(name);
                    self.emit(Instr::Move { dst: inner_exc, src: body_exc });
                    self.jump(cleanup);
                    self.cur.unit.release(body_exc);
                }
                None => {
                    self.push_fblock(FBlock::Handler { saved, name: None })?;
                    self.stmts(&h.body)?;
                    self.cur.fblocks.pop();
                    self.emit(Instr::ExitHandler { saved });
                    self.jump(end);
                }
            }
            self.cur.unit.place(next);
        }
        self.cur.unit.pop_handler();
        // No clause matched: the exception goes on.
        self.emit(Instr::ExitHandler { saved });
        self.emit(Instr::Reraise { exc });

        self.cur.unit.place(cleanup);
        self.emit(Instr::ExitHandler { saved });
        self.emit(Instr::Reraise { exc: inner_exc });
        self.cur.unit.place(end);
        Ok(())
    }

    pub fn with_stmt(
        &mut self,
        items: &'a [WithItem],
        body: &'a [Stmt],
        is_async: bool,
    ) -> CResult<()> {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let exc_label = self.cur.unit.new_label();
        let cleanup = self.cur.unit.new_label();
        let suppress = self.cur.unit.new_label();
        let end = self.cur.unit.new_label();
        let mgr = self.expr_reg(&item.context_expr)?;
        let exit = self.cur.unit.temp();
        let value = self.cur.unit.temp();
        if is_async {
            self.emit(Instr::AsyncWithEnter { mgr, exit_dst: exit, value_dst: value });
            let iter = self.cur.unit.temp();
            self.emit(Instr::GetAwaitable {
                dst: iter,
                src: value,
                origin: AwaitOrigin::AsyncEnter,
            });
            self.delegate(iter, value);
        } else {
            self.emit(Instr::WithEnter { mgr, exit_dst: exit, value_dst: value });
        }
        let exc = self.cur.unit.temp();
        let saved = self.cur.unit.temp();
        let inner_exc = self.cur.unit.temp();
        // As for `finally`: leaving by `return` calls __exit__ outside the
        // handler that would call it again.
        self.push_fblock(FBlock::With { exit, is_async })?;
        self.cur.unit.push_handler(exc_label, exc);
        if let Some(vars) = &item.optional_vars {
            self.assign(vars, value)?;
        }
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with_stmt(rest, body, is_async)?;
        }
        self.cur.fblocks.pop();
        self.cur.unit.pop_handler();
        self.call_exit_none(exit, is_async);
        self.jump(end);

        self.cur.unit.place(exc_label);
        self.emit(Instr::EnterHandler { exc, saved });
        self.cur.unit.push_handler(cleanup, inner_exc);
        let result = self.cur.unit.temp();
        self.emit(Instr::WithExceptExit { dst: result, exit, exc });
        if is_async {
            let iter = self.cur.unit.temp();
            self.emit(Instr::GetAwaitable {
                dst: iter,
                src: result,
                origin: AwaitOrigin::AsyncExit,
            });
            self.delegate(iter, result);
        }
        self.emit(Instr::JumpIfTrue { cond: result, target: UnitBuilder::target(suppress) });
        self.cur.unit.pop_handler();
        self.emit(Instr::ExitHandler { saved });
        self.emit(Instr::Reraise { exc });
        self.cur.unit.place(suppress);
        self.emit(Instr::ExitHandler { saved });
        self.jump(end);

        self.cur.unit.place(cleanup);
        self.emit(Instr::ExitHandler { saved });
        self.emit(Instr::Reraise { exc: inner_exc });
        self.cur.unit.place(end);
        Ok(())
    }

    pub fn async_for_loop(&mut self, f: &'a For, line: u32, col: u32) -> CResult<()> {
        if self.cur.kind != UnitKind::AsyncFunction && !self.top_level_async() {
            return Err(self.error("'async for' outside async function", line, col));
        }
        let iter = self.cur.unit.temp();
        let src = self.expr_reg(&f.iter)?;
        self.emit(Instr::GetAIter { dst: iter, src });
        let top = self.cur.unit.new_label();
        let stop = self.cur.unit.new_label();
        let end = self.cur.unit.new_label();
        self.cur.unit.place(top);
        let live = self.cur.unit.mark();
        let (item, exc) = self.async_next(iter, stop);
        self.assign(&f.target, item)?;
        self.push_fblock(FBlock::Loop { continue_to: top, break_to: end })?;
        self.stmts(&f.body)?;
        self.cur.fblocks.pop();
        self.emit(Instr::Loop { target: UnitBuilder::target(top), live });
        self.async_stop(stop, exc);
        self.stmts(&f.orelse)?;
        self.cur.unit.place(end);
        Ok(())
    }

    /// `item = await iter.__anext__()`, with StopAsyncIteration sent to
    /// `stop` (the exception in the returned slot).
    pub fn async_next(&mut self, iter: Reg, stop: super::unit::LabelId) -> (Reg, Reg) {
        let item = self.cur.unit.temp();
        let exc = self.cur.unit.temp();
        let awaitable = self.cur.unit.temp();
        self.cur.unit.push_handler(stop, exc);
        self.emit(Instr::GetANext { dst: awaitable, iter });
        self.delegate(awaitable, item);
        self.cur.unit.pop_handler();
        (item, exc)
    }

    /// The `stop` label of an async loop: ends the loop on
    /// StopAsyncIteration, re-raises anything else.
    pub fn async_stop(&mut self, stop: super::unit::LabelId, exc: Reg) {
        let done = self.cur.unit.new_label();
        self.cur.unit.place(stop);
        let matched = self.cur.unit.temp();
        self.emit(Instr::MatchStopAsyncIteration { dst: matched, exc });
        self.emit(Instr::JumpIfTrue { cond: matched, target: UnitBuilder::target(done) });
        self.emit(Instr::Reraise { exc });
        self.cur.unit.place(done);
    }
}

/// The location of the last statement CPython's compiler visits in
/// `stmts` (descending into nested blocks of the same code object, in its
/// order: a `try`'s handlers come before its `else`).
fn last_compiled(stmts: &[Stmt]) -> Option<crate::parse::ast::Loc> {
    use crate::parse::ast::StmtKind;
    let last = stmts.last()?;
    let inner = match &last.kind {
        StmtKind::If { body, orelse, .. } | StmtKind::While { body, orelse, .. } => {
            last_compiled(orelse).or_else(|| last_compiled(body))
        }
        StmtKind::For(f) | StmtKind::AsyncFor(f) => {
            last_compiled(&f.orelse).or_else(|| last_compiled(&f.body))
        }
        StmtKind::With(w) | StmtKind::AsyncWith(w) => last_compiled(&w.body),
        StmtKind::Try { body, handlers, orelse, finalbody } => last_compiled(finalbody)
            .or_else(|| last_compiled(orelse))
            .or_else(|| handlers.last().and_then(|h| last_compiled(&h.body)))
            .or_else(|| last_compiled(body)),
        _ => None,
    };
    Some(inner.unwrap_or(last.loc))
}
