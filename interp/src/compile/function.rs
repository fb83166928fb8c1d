//! Bodies that become code objects of their own: `def`, `lambda`, `class`
//! and comprehensions, with what the enclosing code evaluates to make them
//! (decorators, defaults, annotations, closures, bases).

use super::compiler::{contains_walrus, CResult, Compiler, UnitKind};
use super::expr::Sequence;
use super::stmt::docstring;
use super::unit::UnitBuilder;
use crate::bytecode::instr::{AwaitOrigin, FunctionParts, Reg};
use crate::bytecode::{CodeFlags, CodeUnit, Const, Instr};
use crate::parse::ast::{Arguments, Expr, ExprKind, FunctionDef, Keyword, Stmt};
use std::rc::Rc;

impl<'a> Compiler<'a> {
    pub fn function_def(
        &mut self,
        s: &'a Stmt,
        def: &'a FunctionDef,
        is_async: bool,
    ) -> CResult<()> {
        let decorators = self.decorators(&def.decorator_list)?;
        let (parts, start) = self.function_parts(&def.args, def.returns.as_deref())?;
        let kind = if is_async { UnitKind::AsyncFunction } else { UnitKind::Function };
        let first_line = def.decorator_list.first().map_or(s.loc.lineno, |d| d.loc.lineno);
        self.enter_unit(s, kind, &def.name, first_line)?;
        self.cur.has_walrus = contains_walrus(&def.body);
        self.set_line(s.loc.lineno);
        set_signature(&mut self.cur.unit.code, &def.args);
        // `-OO` drops docstrings: `__doc__` is None.
        if let Some(doc) = def.body.first().and_then(docstring).filter(|_| self.optimize < 2) {
            self.cur.unit.code.docstring = Some(Rc::from(doc));
        }
        self.stmts(&def.body)?;
        self.implicit_return();
        let code = self.leave_unit();
        let f = self.make_function(code, parts, start)?;
        self.apply_decorators(&decorators, f);
        self.store_name(&def.name, f);
        Ok(())
    }

    pub fn lambda(
        &mut self,
        e: &'a Expr,
        args: &'a Arguments,
        body: &'a Expr,
        dst: Reg,
    ) -> CResult<()> {
        let (parts, start) = self.function_parts(args, None)?;
        self.enter_unit(e, UnitKind::Lambda, "<lambda>", e.loc.lineno)?;
        set_signature(&mut self.cur.unit.code, args);
        let t = self.cur.unit.temp();
        self.expr_to(body, t)?;
        if self.cur.unit.code.flags.contains(CodeFlags::GENERATOR) {
            // A generator lambda returns None; its body is only yields.
            self.load_const(Const::None, t);
        }
        self.emit(Instr::Return { src: t });
        let code = self.leave_unit();
        let f = self.make_function(code, parts, start)?;
        self.emit(Instr::Move { dst, src: f });
        Ok(())
    }

    pub fn class_def(
        &mut self,
        s: &'a Stmt,
        name: &'a str,
        bases: &'a [Expr],
        keywords: &'a [Keyword],
        body: &'a [Stmt],
        decorator_list: &'a [Expr],
    ) -> CResult<()> {
        let decorators = self.decorators(decorator_list)?;
        let first_line = decorator_list.first().map_or(s.loc.lineno, |d| d.loc.lineno);
        self.enter_unit(s, UnitKind::Class, name, first_line)?;
        self.set_line(s.loc.lineno);
        let t = self.cur.unit.temp();
        self.load_name("__name__", t);
        self.store_name("__module__", t);
        let qualname = self.cur.unit.code.qualname.clone();
        self.load_const(Const::Str(Rc::from(qualname.as_str())), t);
        self.store_name("__qualname__", t);
        self.cur.unit.release(t);
        self.namespace_body(body)?;
        match self.cur.slots.get(super::compiler::CLASS_CELL_SLOT).copied() {
            Some(cell) if self.table.blocks[self.cur.block].needs_class_closure => {
                self.store_name("__classcell__", cell);
                self.emit(Instr::Return { src: cell });
            }
            _ => self.implicit_return(),
        }
        let code = self.leave_unit();

        let has_star = bases.iter().any(|b| matches!(b.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none());
        let argc = 2 + bases.len() + keywords.len();
        let run = self.cur.unit.temps(1 + argc as u16);
        self.emit(Instr::LoadBuildClass { dst: run });
        let f = self.make_function(code, FunctionParts::empty(), run + 1)?;
        self.emit(Instr::Move { dst: run + 1, src: f });
        self.load_const(Const::Str(Rc::from(name)), run + 2);
        let result = self.cur.unit.temp();
        if has_star {
            // __build_class__(func, name, *bases, **keywords)
            let head = self.cur.unit.temp();
            self.emit(Instr::BuildList { dst: head, start: run + 1, count: 2 });
            let rest = self.cur.unit.temp();
            self.sequence(bases, rest, Sequence::CallArgs(run))?;
            self.emit(Instr::ListExtend { list: head, src: rest });
            self.emit(Instr::ListToTuple { dst: head, src: head });
            let kwargs = self.keywords_dict(keywords, run)?;
            self.emit(Instr::CallEx { dst: result, func: run, args: head, kwargs });
        } else {
            for (i, b) in bases.iter().enumerate() {
                self.expr_to(b, run + 3 + i as Reg)?;
            }
            for (i, k) in keywords.iter().enumerate() {
                self.expr_to(&k.value, run + 3 + (bases.len() + i) as Reg)?;
            }
            if keywords.is_empty() {
                self.emit(Instr::Call { dst: result, func: run, argc: argc as u16 });
            } else {
                let names: Vec<Const> = keywords
                    .iter()
                    .map(|k| Const::Str(Rc::from(k.arg.as_deref().unwrap_or(""))))
                    .collect();
                let kwnames = self.cur.unit.add_const(Const::Tuple(Rc::from(names)));
                self.emit(Instr::CallKw { dst: result, func: run, argc: argc as u16, kwnames });
            }
        }
        self.apply_decorators(&decorators, result);
        self.store_name(name, result);
        Ok(())
    }

    /// Comprehensions are functions called at once with the outermost iterator.
    pub fn comprehension(&mut self, e: &'a Expr, dst: Reg) -> CResult<()> {
        let (name, generators, elts): (&str, _, Vec<&'a Expr>) = match &e.kind {
            ExprKind::ListComp { elt, generators } => ("<listcomp>", generators, vec![&**elt]),
            ExprKind::SetComp { elt, generators } => ("<setcomp>", generators, vec![&**elt]),
            ExprKind::DictComp { key, value, generators } => {
                ("<dictcomp>", generators, vec![&**key, &**value])
            }
            ExprKind::GeneratorExp { elt, generators } => ("<genexpr>", generators, vec![&**elt]),
            _ => return Err(self.error("internal error: not a comprehension", e.loc.lineno, 0)),
        };
        let is_genexpr = name == "<genexpr>";
        let run = self.cur.unit.temps(2);
        let first = &generators[0];
        let src = self.expr_reg(&first.iter)?;
        if first.is_async {
            self.emit(Instr::GetAIter { dst: run + 1, src });
        } else {
            self.emit(Instr::GetIter { dst: run + 1, src });
        }
        self.enter_unit(e, UnitKind::Comprehension, name, e.loc.lineno)?;
        self.cur.unit.code.arg_count = 1;
        let is_async_comp = generators.iter().any(|g| g.is_async)
            || self
                .cur
                .unit
                .code
                .flags
                .intersects(CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR);
        // At the top level under `PyCF_ALLOW_TOP_LEVEL_AWAIT` any
        // asynchronous comprehension (a generator expression too, as
        // CPython 3.8 does) makes the module's code a coroutine's.
        let top_level = is_async_comp
            && self.top_level_await
            && self.outer.last().is_some_and(|p| p.kind == UnitKind::Module);
        if top_level {
            if let Some(module) = self.outer.last_mut() {
                module.unit.code.flags |= CodeFlags::COROUTINE;
            }
        }
        if is_async_comp
            && !is_genexpr
            && !top_level
            && !self.outer.last().is_some_and(|p| p.kind == UnitKind::AsyncFunction)
        {
            // CPython 3.8 raises it from the comprehension's new unit,
            // before any line is set there: line 0, offset 1.
            return Err(self.error(
                "asynchronous comprehension outside of an asynchronous function",
                0,
                0,
            ));
        }
        let acc = self.cur.unit.temp();
        match name {
            "<listcomp>" => self.emit(Instr::BuildList { dst: acc, start: acc, count: 0 }),
            "<setcomp>" => self.emit(Instr::BuildSet { dst: acc, start: acc, count: 0 }),
            "<dictcomp>" => self.emit(Instr::BuildMap { dst: acc, start: acc, count: 0 }),
            _ => {}
        }
        self.comprehension_loop(generators, 0, &elts, name, acc)?;
        if is_genexpr {
            self.implicit_return();
        } else {
            self.emit(Instr::Return { src: acc });
        }
        let code = self.leave_unit();
        let is_coroutine = code.flags.contains(CodeFlags::COROUTINE);
        let f = self.make_function(code, FunctionParts::empty(), run)?;
        self.emit(Instr::Move { dst: run, src: f });
        self.emit(Instr::Call { dst, func: run, argc: 1 });
        if is_coroutine && !is_genexpr {
            let iter = self.cur.unit.temp();
            self.emit(Instr::GetAwaitable { dst: iter, src: dst, origin: AwaitOrigin::Await });
            self.delegate(iter, dst);
        }
        Ok(())
    }

    fn comprehension_loop(
        &mut self,
        generators: &'a [crate::parse::ast::Comprehension],
        index: usize,
        elts: &[&'a Expr],
        name: &str,
        acc: Reg,
    ) -> CResult<()> {
        let gen = &generators[index];
        let mark = self.cur.unit.mark();
        let iter = if index == 0 {
            0
        } else {
            let iter = self.cur.unit.temp();
            let src = self.expr_reg(&gen.iter)?;
            self.emit(if gen.is_async {
                Instr::GetAIter { dst: iter, src }
            } else {
                Instr::GetIter { dst: iter, src }
            });
            iter
        };
        let top = self.cur.unit.new_label();
        let exit = self.cur.unit.new_label();
        self.cur.unit.place(top);
        let live = self.cur.unit.mark();
        let stop_exc = if gen.is_async {
            let (item, exc) = self.async_next(iter, exit);
            self.assign(&gen.target, item)?;
            Some(exc)
        } else {
            let item = self.cur.unit.temp();
            self.emit(Instr::ForIter { dst: item, iter, exit: UnitBuilder::target(exit) });
            self.assign(&gen.target, item)?;
            None
        };
        for cond in &gen.ifs {
            self.jump_if(cond, false, top)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_loop(generators, index + 1, elts, name, acc)?;
        } else {
            let inner = self.cur.unit.mark();
            match name {
                "<listcomp>" => {
                    let item = self.expr_reg(elts[0])?;
                    self.emit(Instr::ListAppend { list: acc, item });
                }
                "<setcomp>" => {
                    let item = self.expr_reg(elts[0])?;
                    self.emit(Instr::SetAdd { set: acc, item });
                }
                "<dictcomp>" => {
                    let key = self.expr_reg(elts[0])?;
                    let value = self.expr_reg(elts[1])?;
                    self.emit(Instr::MapAdd { map: acc, key, value });
                }
                _ => {
                    let src = self.expr_reg(elts[0])?;
                    let sent = self.cur.unit.temp();
                    self.emit(Instr::Yield { dst: sent, src });
                }
            }
            self.cur.unit.release(inner);
        }
        self.emit(Instr::Loop { target: UnitBuilder::target(top), live });
        match stop_exc {
            Some(exc) => self.async_stop(exit, exc),
            None => self.cur.unit.place(exit),
        }
        self.cur.unit.release(mark);
        Ok(())
    }

    /// `return None` at the end of a body.
    pub fn implicit_return(&mut self) {
        let t = self.cur.unit.temp();
        self.load_const(Const::None, t);
        self.emit(Instr::Return { src: t });
        self.cur.unit.release(t);
    }

    fn decorators(&mut self, list: &'a [Expr]) -> CResult<Vec<Reg>> {
        let mut regs = Vec::with_capacity(list.len());
        for d in list {
            let t = self.cur.unit.temp();
            self.expr_to(d, t)?;
            regs.push(t);
        }
        Ok(regs)
    }

    fn apply_decorators(&mut self, decorators: &[Reg], f: Reg) {
        for &d in decorators.iter().rev() {
            let run = self.cur.unit.temps(2);
            self.emit(Instr::Move { dst: run, src: d });
            self.emit(Instr::Move { dst: run + 1, src: f });
            self.emit(Instr::Call { dst: f, func: run, argc: 1 });
            self.cur.unit.release(run);
        }
    }

    /// Evaluates defaults, keyword-only defaults and annotations into a run
    /// of slots (closure slot reserved after them); returns which parts are
    /// present and where the run starts.
    fn function_parts(
        &mut self,
        args: &'a Arguments,
        returns: Option<&'a Expr>,
    ) -> CResult<(FunctionParts, Reg)> {
        let start = self.cur.unit.temps(4);
        let mut parts = FunctionParts::empty();
        let mut next = start;
        if !args.defaults.is_empty() {
            let run = self.cur.unit.temps(args.defaults.len() as u16);
            for (i, d) in args.defaults.iter().enumerate() {
                self.expr_to(d, run + i as Reg)?;
            }
            self.emit(Instr::BuildTuple {
                dst: next,
                start: run,
                count: args.defaults.len() as u16,
            });
            self.cur.unit.release(run);
            parts |= FunctionParts::DEFAULTS;
            next += 1;
        }
        let kw: Vec<(&String, &'a Expr)> = args
            .kwonlyargs
            .iter()
            .zip(&args.kw_defaults)
            .filter_map(|(a, d)| d.as_ref().map(|d| (&a.arg, d)))
            .collect();
        if !kw.is_empty() {
            let run = self.cur.unit.temps(2 * kw.len() as u16);
            for (i, (name, d)) in kw.iter().enumerate() {
                let mangled = self.mangle(name);
                self.load_const(Const::Str(Rc::from(mangled.as_str())), run + 2 * i as Reg);
                self.expr_to(d, run + 2 * i as Reg + 1)?;
            }
            self.emit(Instr::BuildMap { dst: next, start: run, count: kw.len() as u16 });
            self.cur.unit.release(run);
            parts |= FunctionParts::KW_DEFAULTS;
            next += 1;
        }
        // CPython 3.8's order: args, posonlyargs, *args, kwonlyargs, **kwargs, return.
        let mut annotated: Vec<(String, &'a Expr)> = Vec::new();
        for a in args
            .args
            .iter()
            .chain(&args.posonlyargs)
            .chain(args.vararg.iter())
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.iter())
        {
            if let Some(ann) = &a.annotation {
                annotated.push((self.mangle(&a.arg), ann));
            }
        }
        if let Some(r) = returns {
            annotated.push(("return".to_string(), r));
        }
        if !annotated.is_empty() {
            let run = self.cur.unit.temps(2 * annotated.len() as u16);
            for (i, (name, ann)) in annotated.iter().enumerate() {
                self.load_const(Const::Str(Rc::from(name.as_str())), run + 2 * i as Reg);
                self.annotation_to(ann, run + 2 * i as Reg + 1)?;
            }
            self.emit(Instr::BuildMap { dst: next, start: run, count: annotated.len() as u16 });
            self.cur.unit.release(run);
            parts |= FunctionParts::ANNOTATIONS;
        }
        Ok((parts, start))
    }

    /// Emits `MakeFunction` for `code`, adding the closure tuple to the run
    /// at `start` when the code has free variables; returns the slot of the
    /// new function.
    fn make_function(
        &mut self,
        code: CodeUnit,
        mut parts: FunctionParts,
        start: Reg,
    ) -> CResult<Reg> {
        let present = parts.bits().count_ones() as Reg;
        if !code.frees.is_empty() {
            let run = self.cur.unit.temps(code.frees.len() as u16);
            for (i, (name, _)) in code.frees.iter().enumerate() {
                let slot = self.closure_slot(name).ok_or_else(|| {
                    self.error(format!("internal error: no cell for '{name}'"), code.first_line, 0)
                })?;
                self.emit(Instr::Move { dst: run + i as Reg, src: slot });
            }
            self.emit(Instr::BuildTuple {
                dst: start + present,
                start: run,
                count: code.frees.len() as u16,
            });
            parts |= FunctionParts::CLOSURE;
        }
        let idx = self.cur.unit.add_const(Const::Code(Rc::new(code)));
        let f = self.cur.unit.temp();
        self.emit(Instr::MakeFunction { dst: f, code: idx, parts, start });
        Ok(f)
    }
}

/// Parameter counts and `*args`/`**kwargs` flags of a code unit.
fn set_signature(code: &mut CodeUnit, args: &Arguments) {
    code.posonly_count = args.posonlyargs.len() as u16;
    code.arg_count = (args.posonlyargs.len() + args.args.len()) as u16;
    code.kwonly_count = args.kwonlyargs.len() as u16;
    if args.vararg.is_some() {
        code.flags |= CodeFlags::VARARGS;
    }
    if args.kwarg.is_some() {
        code.flags |= CodeFlags::VARKEYWORDS;
    }
}
