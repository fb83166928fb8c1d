//! Statements: assignments and their targets, control flow, imports,
//! `assert`, and the bodies of modules.

use super::compiler::{CResult, Compiler, FBlock, FBlockEntry, NameRef, UnitKind};
use super::expr::{binop, writes_dst_last};
use super::symtable::BlockKind;
use super::unit::UnitBuilder;
use crate::bytecode::instr::Reg;
use crate::bytecode::{Const, Instr};
use crate::parse::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use std::rc::Rc;

impl<'a> Compiler<'a> {
    pub fn stmts(&mut self, body: &'a [Stmt]) -> CResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub fn stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        self.set_line(s.loc.lineno);
        let (line, col) = (s.loc.lineno, s.loc.col_offset);
        let mark = self.cur.unit.mark();
        match &s.kind {
            StmtKind::Expr { value } => {
                if self.interactive_top() {
                    // At the prompt even a constant is echoed (`>>> 'a'`).
                    let r = self.expr_reg(value)?;
                    self.emit(Instr::PrintExpr { src: r });
                } else if matches!(value.kind, ExprKind::Constant { .. }) {
                    // A constant expression statement does nothing (docstrings included).
                } else {
                    let t = self.cur.unit.temp();
                    self.expr_to(value, t)?;
                    // CPython drops the value here (POP_TOP); a register
                    // left holding it would keep it alive, and a weak
                    // reference to it, until some later statement reuses
                    // the register (`z.pop()` then `gc.collect()`).
                    self.load_const(Const::None, t);
                }
            }
            StmtKind::Assign { targets, value, .. } => {
                if let [target] = targets.as_slice() {
                    if let Some(slot) = self.direct_local_target(target) {
                        if writes_dst_last(value) {
                            self.expr_to(value, slot)?;
                            self.cur.unit.release(mark);
                            return Ok(());
                        }
                    }
                }
                let t = self.cur.unit.temp();
                self.expr_to(value, t)?;
                for target in targets {
                    self.assign(target, t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.ann_assign(target, annotation, value.as_deref(), *simple)?
            }
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::Pass => {}
            StmtKind::If { test, body, orelse } => {
                let else_ = self.cur.unit.new_label();
                let end = self.cur.unit.new_label();
                self.jump_if(test, false, else_)?;
                self.stmts(body)?;
                if !orelse.is_empty() {
                    self.jump(end);
                }
                self.cur.unit.place(else_);
                self.stmts(orelse)?;
                self.cur.unit.place(end);
            }
            StmtKind::While { test, body, orelse } => self.while_loop(test, body, orelse)?,
            StmtKind::For(f) => self.for_loop(f)?,
            StmtKind::AsyncFor(f) => self.async_for_loop(f, line, col)?,
            StmtKind::Break => self.break_or_continue(true, line, col)?,
            StmtKind::Continue => self.break_or_continue(false, line, col)?,
            StmtKind::Return { value } => self.return_stmt(value.as_deref(), line, col)?,
            StmtKind::Raise { exc, cause } => {
                let exc = match exc {
                    Some(e) => Some(self.expr_reg(e)?),
                    None => None,
                };
                let cause = match cause {
                    Some(c) => Some(self.expr_reg(c)?),
                    None => None,
                };
                self.emit(Instr::Raise { exc, cause });
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.try_stmt(body, handlers, orelse, finalbody)?
            }
            StmtKind::With(w) => self.with_stmt(&w.items, &w.body, false)?,
            StmtKind::AsyncWith(w) => {
                if self.cur.kind != UnitKind::AsyncFunction && !self.top_level_async() {
                    return Err(self.error("'async with' outside async function", line, col));
                }
                self.with_stmt(&w.items, &w.body, true)?
            }
            StmtKind::Assert { test, msg } => self.assert_stmt(test, msg.as_deref())?,
            StmtKind::Import { names } => {
                for alias in names {
                    let t = self.cur.unit.temps(2);
                    self.load_const(Const::None, t + 1);
                    let name = self.cur.unit.add_name(&alias.name);
                    self.emit(Instr::ImportName { dst: t, name, fromlist: t + 1, level: 0 });
                    match &alias.asname {
                        Some(asname) => {
                            for part in alias.name.split('.').skip(1) {
                                let name = self.cur.unit.add_name(part);
                                self.emit(Instr::ImportFrom { dst: t, module: t, name });
                            }
                            self.store_name(asname, t);
                        }
                        None => {
                            let top = alias.name.split('.').next().unwrap_or("");
                            self.store_name(top, t);
                        }
                    }
                    self.cur.unit.release(mark);
                }
            }
            StmtKind::ImportFrom { module, names, level } => {
                let misplaced_future = module.as_deref() == Some("__future__")
                    && *level == 0
                    && self
                        .allowed_future_imports
                        .as_ref()
                        .is_some_and(|ok| !ok.contains(&(s as *const Stmt as usize)));
                if misplaced_future {
                    return Err(self.error(
                        "from __future__ imports must occur at the beginning of the file",
                        s.loc.lineno,
                        s.loc.col_offset,
                    ));
                }
                if module.as_deref() == Some("__future__") && *level == 0 {
                    if let Some(msg) = names.iter().find_map(|a| unknown_future_feature(&a.name)) {
                        return Err(self.error(&msg, s.loc.lineno, s.loc.col_offset));
                    }
                }
                let t = self.cur.unit.temps(2);
                let star = names.len() == 1 && names[0].name == "*";
                let fromlist: Vec<Const> =
                    names.iter().map(|a| Const::Str(Rc::from(a.name.as_str()))).collect();
                self.load_const(Const::Tuple(Rc::from(fromlist)), t + 1);
                let name = self.cur.unit.add_name(module.as_deref().unwrap_or(""));
                self.emit(Instr::ImportName {
                    dst: t,
                    name,
                    fromlist: t + 1,
                    level: *level as u16,
                });
                if star {
                    self.emit(Instr::ImportStar { module: t });
                } else {
                    let item = self.cur.unit.temp();
                    for alias in names {
                        let name = self.cur.unit.add_name(&alias.name);
                        self.emit(Instr::ImportFrom { dst: item, module: t, name });
                        self.store_name(alias.asname.as_ref().unwrap_or(&alias.name), item);
                    }
                }
            }
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => {}
            StmtKind::FunctionDef(def) => self.function_def(s, def, false)?,
            StmtKind::AsyncFunctionDef(def) => self.function_def(s, def, true)?,
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list } => {
                self.class_def(s, name, bases, keywords, body, decorator_list)?
            }
        }
        self.cur.unit.release(mark);
        Ok(())
    }

    fn interactive_top(&self) -> bool {
        self.interactive && self.cur.kind == UnitKind::Module
    }

    /// The slot of a plain local target (`x = ...` in a function).
    fn direct_local_target(&mut self, target: &Expr) -> Option<Reg> {
        if let ExprKind::Name { id, .. } = &target.kind {
            if let (_, NameRef::Fast(slot)) = self.resolve(id) {
                return Some(slot);
            }
        }
        None
    }

    /// Stores the value in `src` into an assignment target.
    pub fn assign(&mut self, target: &'a Expr, src: Reg) -> CResult<()> {
        let (line, col) = (target.loc.lineno, target.loc.col_offset);
        let mark = self.cur.unit.mark();
        match &target.kind {
            ExprKind::Name { id, .. } => self.store_name(id, src),
            ExprKind::Attribute { value, attr, .. } => {
                let obj = self.expr_reg(value)?;
                let name = self.mangle(attr);
                let name = self.cur.unit.add_name(&name);
                let cache = self.cur.unit.new_cache();
                self.emit(Instr::StoreAttr { obj, name, src, cache });
            }
            ExprKind::Subscript { value, slice, .. } => {
                let obj = self.expr_reg(value)?;
                let key = self.slice_reg(slice)?;
                self.emit(Instr::StoreSubscr { obj, key, src });
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                let stars: Vec<usize> = elts
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| matches!(e.kind, ExprKind::Starred { .. }))
                    .map(|(i, _)| i)
                    .collect();
                if stars.len() > 1 {
                    return Err(self.error("two starred expressions in assignment", line, col));
                }
                let count = elts.len() as u16;
                let start = self.cur.unit.temps(count);
                match stars.first() {
                    None => self.emit(Instr::UnpackSequence { src, start, count }),
                    Some(&star) => {
                        let before = star as u16;
                        let after = count - before - 1;
                        if before > 255 {
                            return Err(self.error(
                                "too many expressions in star-unpacking assignment",
                                line,
                                col,
                            ));
                        }
                        self.emit(Instr::UnpackEx { src, start, before, after })
                    }
                }
                for (i, elt) in elts.iter().enumerate() {
                    let inner = match &elt.kind {
                        ExprKind::Starred { value, .. } => value,
                        _ => elt,
                    };
                    self.assign(inner, start + i as Reg)?;
                }
            }
            ExprKind::Starred { .. } => {
                return Err(self.error(
                    "starred assignment target must be in a list or tuple",
                    line,
                    col,
                ))
            }
            _ => return Err(self.error("cannot assign to expression", line, col)),
        }
        self.cur.unit.release(mark);
        Ok(())
    }

    fn delete(&mut self, target: &'a Expr) -> CResult<()> {
        let mark = self.cur.unit.mark();
        match &target.kind {
            ExprKind::Name { id, .. } => self.delete_name(id),
            ExprKind::Attribute { value, attr, .. } => {
                let obj = self.expr_reg(value)?;
                let name = self.mangle(attr);
                let name = self.cur.unit.add_name(&name);
                self.emit(Instr::DeleteAttr { obj, name });
            }
            ExprKind::Subscript { value, slice, .. } => {
                let obj = self.expr_reg(value)?;
                let key = self.slice_reg(slice)?;
                self.emit(Instr::DeleteSubscr { obj, key });
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                for e in elts {
                    self.delete(e)?;
                }
            }
            _ => {
                return Err(self.error(
                    "cannot delete expression",
                    target.loc.lineno,
                    target.loc.col_offset,
                ))
            }
        }
        self.cur.unit.release(mark);
        Ok(())
    }

    fn aug_assign(&mut self, target: &'a Expr, op: ast::Operator, value: &'a Expr) -> CResult<()> {
        let op = binop(op);
        match &target.kind {
            ExprKind::Name { id, .. } => {
                if let Some(slot) = self.direct_local_target(target) {
                    let (mangled, _) = self.resolve(id);
                    let name = self.cur.unit.add_name(&mangled);
                    self.check_bound(slot, name);
                    let b = self.expr_reg(value)?;
                    self.emit(Instr::InplaceBinary { op, dst: slot, a: slot, b });
                } else {
                    let t = self.cur.unit.temp();
                    self.load_name(id, t);
                    let b = self.expr_reg(value)?;
                    self.emit(Instr::InplaceBinary { op, dst: t, a: t, b });
                    self.store_name(id, t);
                }
            }
            ExprKind::Attribute { value: obj_expr, attr, .. } => {
                let obj = self.expr_reg(obj_expr)?;
                let name = self.mangle(attr);
                let name = self.cur.unit.add_name(&name);
                let t = self.cur.unit.temp();
                let cache = self.cur.unit.new_cache();
                self.emit(Instr::LoadAttr { dst: t, obj, name, cache });
                let b = self.expr_reg(value)?;
                self.emit(Instr::InplaceBinary { op, dst: t, a: t, b });
                let cache = self.cur.unit.new_cache();
                self.emit(Instr::StoreAttr { obj, name, src: t, cache });
            }
            ExprKind::Subscript { value: obj_expr, slice, .. } => {
                let obj = self.expr_reg(obj_expr)?;
                let key = self.slice_reg(slice)?;
                let t = self.cur.unit.temp();
                self.emit(Instr::LoadSubscr { dst: t, obj, key });
                let b = self.expr_reg(value)?;
                self.emit(Instr::InplaceBinary { op, dst: t, a: t, b });
                self.emit(Instr::StoreSubscr { obj, key, src: t });
            }
            _ => {
                return Err(self.error(
                    "illegal expression for augmented assignment",
                    target.loc.lineno,
                    target.loc.col_offset,
                ))
            }
        }
        Ok(())
    }

    fn ann_assign(
        &mut self,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> CResult<()> {
        if let Some(v) = value {
            let t = self.cur.unit.temp();
            self.expr_to(v, t)?;
            self.assign(target, t)?;
        }
        let in_function = self.block_kind() == BlockKind::Function;
        match &target.kind {
            ExprKind::Name { id, .. } if simple && !in_function => {
                // __annotations__[name] = annotation
                let t = self.cur.unit.temps(3);
                self.annotation_to(annotation, t)?;
                let ann = self.cur.unit.add_name("__annotations__");
                self.emit(Instr::LoadName { dst: t + 1, name: ann });
                let mangled = self.mangle(id);
                self.load_const(Const::Str(Rc::from(mangled.as_str())), t + 2);
                self.emit(Instr::StoreSubscr { obj: t + 1, key: t + 2, src: t });
            }
            ExprKind::Attribute { value: obj, .. } if value.is_none() => {
                let _ = self.expr_reg(obj)?;
                if !in_function && !self.future_annotations {
                    let _ = self.expr_reg(annotation)?;
                }
            }
            ExprKind::Subscript { value: obj, slice, .. } if value.is_none() => {
                let _ = self.expr_reg(obj)?;
                let _ = self.slice_reg(slice)?;
                if !in_function && !self.future_annotations {
                    let _ = self.expr_reg(annotation)?;
                }
            }
            _ => {
                if !in_function && !simple && !self.future_annotations {
                    let _ = self.expr_reg(annotation)?;
                }
            }
        }
        Ok(())
    }

    fn while_loop(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult<()> {
        let top = self.cur.unit.new_label();
        let else_ = self.cur.unit.new_label();
        let end = self.cur.unit.new_label();
        self.cur.unit.place(top);
        let live = self.cur.unit.mark();
        self.jump_if(test, false, else_)?;
        self.push_fblock(FBlock::Loop { continue_to: top, break_to: end })?;
        self.stmts(body)?;
        self.cur.fblocks.pop();
        self.set_line(test.loc.lineno);
        self.emit(Instr::Loop { target: UnitBuilder::target(top), live });
        self.cur.unit.place(else_);
        self.stmts(orelse)?;
        self.cur.unit.place(end);
        Ok(())
    }

    fn for_loop(&mut self, f: &'a ast::For) -> CResult<()> {
        let iter = self.cur.unit.temp();
        let src = self.expr_reg(&f.iter)?;
        self.emit(Instr::GetIter { dst: iter, src });
        let top = self.cur.unit.new_label();
        let else_ = self.cur.unit.new_label();
        let end = self.cur.unit.new_label();
        self.cur.unit.place(top);
        let live = self.cur.unit.mark();
        let item = self.cur.unit.temp();
        self.emit(Instr::ForIter { dst: item, iter, exit: UnitBuilder::target(else_) });
        self.assign(&f.target, item)?;
        self.push_fblock(FBlock::Loop { continue_to: top, break_to: end })?;
        self.stmts(&f.body)?;
        self.cur.fblocks.pop();
        self.set_line(f.iter.loc.lineno);
        self.emit(Instr::Loop { target: UnitBuilder::target(top), live });
        self.cur.unit.place(else_);
        self.stmts(&f.orelse)?;
        self.cur.unit.place(end);
        Ok(())
    }

    pub fn push_fblock(&mut self, block: FBlock<'a>) -> CResult<()> {
        // CPython's CO_MAXBLOCKS.
        const MAX_BLOCKS: usize = 20;
        if self.cur.fblocks.len() >= MAX_BLOCKS {
            let line = self.cur.unit.current_line;
            return Err(self.error("too many statically nested blocks", line, 0));
        }
        let handler_depth = self.cur.unit.active_handlers().len();
        self.cur.fblocks.push(FBlockEntry { block, handler_depth });
        Ok(())
    }

    fn break_or_continue(&mut self, is_break: bool, line: u32, col: u32) -> CResult<()> {
        let Some(depth) =
            self.cur.fblocks.iter().rposition(|f| matches!(f.block, FBlock::Loop { .. }))
        else {
            let msg =
                if is_break { "'break' outside loop" } else { "'continue' not properly in loop" };
            return Err(self.error(msg, line, col));
        };
        let FBlock::Loop { continue_to, break_to } = self.cur.fblocks[depth].block else {
            unreachable!("rposition found a loop")
        };
        self.unwind_to(depth + 1, None)?;
        self.jump(if is_break { break_to } else { continue_to });
        Ok(())
    }

    fn return_stmt(&mut self, value: Option<&'a Expr>, line: u32, col: u32) -> CResult<()> {
        if !matches!(self.cur.kind, UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Lambda)
        {
            return Err(self.error("'return' outside function", line, col));
        }
        if value.is_some()
            && self.cur.unit.code.flags.contains(crate::bytecode::CodeFlags::ASYNC_GENERATOR)
        {
            return Err(self.error("'return' with value in async generator", line, col));
        }
        let t = self.cur.unit.temp();
        match value {
            Some(v) => self.expr_to(v, t)?,
            None => self.load_const(Const::None, t),
        }
        self.unwind_to(0, Some(t))?;
        self.emit(Instr::Return { src: t });
        Ok(())
    }

    fn assert_stmt(&mut self, test: &'a Expr, msg: Option<&'a Expr>) -> CResult<()> {
        self.check_assert(test);
        if self.optimize > 0 {
            return Ok(());
        }
        let end = self.cur.unit.new_label();
        self.jump_if(test, true, end)?;
        let t = self.cur.unit.temps(2);
        let name = self.cur.unit.add_name("AssertionError");
        let cache = self.cur.unit.new_cache();
        self.emit(Instr::LoadGlobal { dst: t, name, cache });
        if let Some(m) = msg {
            self.expr_to(m, t + 1)?;
            self.emit(Instr::Call { dst: t, func: t, argc: 1 });
        }
        self.emit(Instr::Raise { exc: Some(t), cause: None });
        self.cur.unit.place(end);
        Ok(())
    }

    /// The statements of a module or class body: the docstring becomes
    /// An annotation's value: evaluated, or under
    /// `from __future__ import annotations` its source text.
    pub(super) fn annotation_to(&mut self, annotation: &'a Expr, dst: Reg) -> CResult<()> {
        if self.future_annotations {
            let text = super::unparse::unparse(annotation);
            self.load_const(Const::Str(Rc::from(text.as_str())), dst);
            return Ok(());
        }
        self.expr_to(annotation, dst)
    }

    /// `__doc__`, and `__annotations__` is created when a body annotates.
    pub fn namespace_body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        let rest = match body.first().and_then(docstring) {
            // `-OO` drops docstrings: the body leaves `__doc__` unset.
            Some(_) if self.optimize >= 2 => &body[1..],
            Some(doc) => {
                self.set_line(body[0].loc.lineno);
                let t = self.cur.unit.temp();
                self.load_const(Const::Str(Rc::from(doc)), t);
                self.store_name("__doc__", t);
                self.cur.unit.release(t);
                &body[1..]
            }
            None => body,
        };
        if has_annotations(body) {
            self.emit(Instr::SetupAnnotations);
        }
        self.stmts(rest)
    }
}

/// The docstring of a body whose first statement is a string literal.
pub fn docstring(first: &Stmt) -> Option<&str> {
    match &first.kind {
        StmtKind::Expr { value } => match &value.kind {
            ExprKind::Constant { value: ast::Constant::Str(s), .. } => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// Does the body (not nested scopes) contain an annotated assignment?
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For(f) | StmtKind::AsyncFor(f) => {
            has_annotations(&f.body) || has_annotations(&f.orelse)
        }
        StmtKind::While { body, orelse, .. } | StmtKind::If { body, orelse, .. } => {
            has_annotations(body) || has_annotations(orelse)
        }
        StmtKind::With(w) | StmtKind::AsyncWith(w) => has_annotations(&w.body),
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            has_annotations(body)
                || handlers.iter().any(|h| has_annotations(&h.body))
                || has_annotations(orelse)
                || has_annotations(finalbody)
        }
        _ => false,
    })
}

/// The features `from __future__ import` knows (CPython 3.8's `future.c`).
const FUTURE_FEATURES: [&str; 10] = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// The SyntaxError message for importing `name` from `__future__`, if it
/// is not a feature.
fn unknown_future_feature(name: &str) -> Option<String> {
    match name {
        _ if FUTURE_FEATURES.contains(&name) => None,
        "braces" => Some("not a chance".to_string()),
        _ => Some(format!("future feature {name} is not defined")),
    }
}
