//! Expressions: each is compiled into a destination slot (`expr_to`) or
//! into whatever slot already holds it (`expr_reg`, which lets a local be
//! an operand without a move).

use super::compiler::{CResult, Compiler, UnitKind};
use super::unit::{LabelId, UnitBuilder};
use crate::bytecode::instr::{AwaitOrigin, BinOp, CmpOp, Conversion, Reg, UnaryOp};
use crate::bytecode::{CodeFlags, Const, Instr};
use crate::parse::ast::{self, Expr, ExprKind, Keyword, Slice};
use num_bigint::BigInt;
use std::rc::Rc;

pub fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

fn cmpop(op: ast::CmpOp) -> CmpOp {
    use ast::CmpOp as C;
    match op {
        C::Eq => CmpOp::Eq,
        C::NotEq => CmpOp::Ne,
        C::Lt => CmpOp::Lt,
        C::LtE => CmpOp::Le,
        C::Gt => CmpOp::Gt,
        C::GtE => CmpOp::Ge,
        C::Is => CmpOp::Is,
        C::IsNot => CmpOp::IsNot,
        C::In => CmpOp::In,
        C::NotIn => CmpOp::NotIn,
    }
}

/// The constant an AST literal stands for, if the code unit can hold it.
pub fn constant(value: &ast::Constant) -> Option<Const> {
    Some(match value {
        ast::Constant::None => Const::None,
        ast::Constant::Bool(b) => Const::Bool(*b),
        ast::Constant::Int(ast::Int::Small(i)) => Const::Int(*i),
        ast::Constant::Int(ast::Int::Big(b)) => Const::BigInt(b.clone()),
        ast::Constant::Float(f) => Const::Float(*f),
        ast::Constant::Complex { imag } => Const::Complex { real: 0.0, imag: *imag },
        ast::Constant::Str(s) => Const::Str(Rc::from(s.as_str())),
        ast::Constant::StrCodePoints(cps) => Const::StrSurrogates(Rc::from(
            crate::unicode::wtf8::from_code_points(cps.iter().copied()),
        )),
        ast::Constant::Bytes(b) => Const::Bytes(Rc::from(b.as_slice())),
        ast::Constant::Ellipsis => Const::Ellipsis,
    })
}

/// The value of `e` if it is a constant the compiler can fold (literals,
/// negated numbers, tuples of those).
pub fn fold(e: &Expr) -> Option<Const> {
    match &e.kind {
        ExprKind::Constant { value, .. } => constant(value),
        ExprKind::UnaryOp { op: ast::UnaryOp::USub, operand } => match fold(operand)? {
            Const::Int(i) => Some(match i.checked_neg() {
                Some(n) => Const::Int(n),
                None => Const::BigInt(-BigInt::from(i)),
            }),
            Const::BigInt(b) => {
                let neg = -b;
                Some(match i64::try_from(&neg) {
                    Ok(small) => Const::Int(small),
                    Err(_) => Const::BigInt(neg),
                })
            }
            Const::Float(f) => Some(Const::Float(-f)),
            Const::Complex { real, imag } => Some(Const::Complex { real: -real, imag: -imag }),
            _ => None,
        },
        ExprKind::Tuple { elts, ctx: ast::ExprContext::Load } => {
            let items: Option<Vec<Const>> = elts.iter().map(fold).collect();
            Some(Const::Tuple(Rc::from(items?)))
        }
        _ => None,
    }
}

/// Does compiling `e` into `dst` write `dst` only as its last step? Then an
/// assignment may target a local slot directly.
pub fn writes_dst_last(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::BoolOp { .. } | ExprKind::IfExp { .. } | ExprKind::NamedExpr { .. } => false,
        ExprKind::Compare { ops, .. } => ops.len() == 1,
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } | ExprKind::Await { .. } => false,
        ExprKind::Dict { keys, .. } => keys.iter().all(Option::is_some),
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } | ExprKind::Set { elts } => {
            !elts.iter().any(|x| matches!(x.kind, ExprKind::Starred { .. }))
        }
        _ => true,
    }
}

impl<'a> Compiler<'a> {
    /// Compiles `e` into some slot: the local itself for a plain local name,
    /// else a new temporary (left allocated for the caller to release).
    pub fn expr_reg(&mut self, e: &'a Expr) -> CResult<Reg> {
        if let ExprKind::Name { id, ctx: ast::ExprContext::Load } = &e.kind {
            if let Some(slot) = self.local_operand(id) {
                return Ok(slot);
            }
        }
        let t = self.cur.unit.temp();
        self.expr_to(e, t)?;
        Ok(t)
    }

    /// Compiles `e` with its value left in `dst`.
    pub fn expr_to(&mut self, e: &'a Expr, dst: Reg) -> CResult<()> {
        let outer = self.enter_line(e.loc.lineno);
        let r = self.expr_to_at_line(e, dst);
        self.set_line(outer);
        r
    }

    fn expr_to_at_line(&mut self, e: &'a Expr, dst: Reg) -> CResult<()> {
        let (line, col) = (e.loc.lineno, e.loc.col_offset);
        self.col_offset = col;
        let mark = self.cur.unit.mark();
        match &e.kind {
            ExprKind::Constant { value, .. } => match constant(value) {
                Some(c) => self.load_const(c, dst),
                None => {
                    return Err(self.error(
                        "str literals holding lone surrogates are not supported by tachyon yet",
                        line,
                        col,
                    ))
                }
            },
            // As CPython 3.8's AST optimizer: `__debug__` is a constant of the
            // optimization level, so `-O` also drops `if __debug__:` code.
            ExprKind::Name { id, .. } if id == "__debug__" => {
                self.load_const(Const::Bool(self.optimize == 0), dst)
            }
            ExprKind::Name { id, .. } => self.load_name(id, dst),
            ExprKind::BinOp { left, op, right } => {
                let a = self.expr_reg(left)?;
                let b = self.expr_reg(right)?;
                self.emit(Instr::Binary { op: binop(*op), dst, a, b });
            }
            ExprKind::UnaryOp { op, operand } => {
                if let Some(folded) = fold(e) {
                    self.load_const(folded, dst);
                } else {
                    let src = self.expr_reg(operand)?;
                    let op = match op {
                        ast::UnaryOp::Invert => UnaryOp::Invert,
                        ast::UnaryOp::Not => UnaryOp::Not,
                        ast::UnaryOp::UAdd => UnaryOp::Pos,
                        ast::UnaryOp::USub => UnaryOp::Neg,
                    };
                    self.emit(Instr::Unary { op, dst, src });
                }
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.cur.unit.new_label();
                let (last, rest) = values.split_last().expect("a BoolOp has operands");
                for v in rest {
                    self.expr_to(v, dst)?;
                    let target = UnitBuilder::target(end);
                    self.emit(match op {
                        ast::BoolOp::And => Instr::JumpIfFalse { cond: dst, target },
                        ast::BoolOp::Or => Instr::JumpIfTrue { cond: dst, target },
                    });
                }
                self.expr_to(last, dst)?;
                self.cur.unit.place(end);
            }
            ExprKind::Compare { left, ops, comparators } => {
                self.compare(left, ops, comparators, dst)?
            }
            ExprKind::IfExp { test, body, orelse } => {
                let else_ = self.cur.unit.new_label();
                let end = self.cur.unit.new_label();
                self.jump_if(test, false, else_)?;
                self.expr_to(body, dst)?;
                self.jump(end);
                self.cur.unit.place(else_);
                self.expr_to(orelse, dst)?;
                self.cur.unit.place(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr_to(value, dst)?;
                if let ExprKind::Name { id, .. } = &target.kind {
                    self.store_name(id, dst);
                }
            }
            ExprKind::Call { func, args, keywords } => self.call(func, args, keywords, dst)?,
            ExprKind::Attribute { value, attr, .. } => {
                let obj = self.expr_reg(value)?;
                let name = self.mangle(attr);
                let name = self.cur.unit.add_name(&name);
                let cache = self.cur.unit.new_cache();
                self.emit(Instr::LoadAttr { dst, obj, name, cache });
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.check_subscript(value, slice);
                let obj = self.expr_reg(value)?;
                let key = self.slice_reg(slice)?;
                self.emit(Instr::LoadSubscr { dst, obj, key });
            }
            ExprKind::Tuple { elts, .. } => {
                if let Some(folded) = fold(e) {
                    self.load_const(folded, dst);
                } else {
                    self.sequence(elts, dst, Sequence::Tuple)?;
                }
            }
            ExprKind::List { elts, .. } => self.sequence(elts, dst, Sequence::List)?,
            ExprKind::Set { elts } => self.sequence(elts, dst, Sequence::Set)?,
            ExprKind::Dict { keys, values } => self.dict(keys, values, dst)?,
            ExprKind::JoinedStr { values } => self.joined_str(values, dst)?,
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.formatted_value(value, *conversion, format_spec.as_deref(), dst)?
            }
            ExprKind::Starred { .. } => {
                return Err(self.error("can't use starred expression here", line, col))
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body, dst)?,
            ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::GeneratorExp { .. } => self.comprehension(e, dst)?,
            ExprKind::Yield { value } => {
                self.check_yield_allowed("'yield' outside function", line, col)?;
                let src = match value {
                    Some(v) => self.expr_reg(v)?,
                    None => {
                        let t = self.cur.unit.temp();
                        self.load_const(Const::None, t);
                        t
                    }
                };
                self.emit(Instr::Yield { dst, src });
            }
            ExprKind::YieldFrom { value } => {
                self.check_yield_allowed("'yield' outside function", line, col)?;
                if self.cur.unit.code.flags.contains(CodeFlags::COROUTINE)
                    || self.cur.unit.code.flags.contains(CodeFlags::ASYNC_GENERATOR)
                {
                    return Err(self.error("'yield from' inside async function", line, col));
                }
                let src = self.expr_reg(value)?;
                let iter = self.cur.unit.temp();
                self.emit(Instr::GetYieldFromIter { dst: iter, src });
                self.delegate(iter, dst);
            }
            ExprKind::Await { value } => {
                self.check_await_allowed(line, col)?;
                let src = self.expr_reg(value)?;
                let iter = self.cur.unit.temp();
                self.emit(Instr::GetAwaitable { dst: iter, src, origin: AwaitOrigin::Await });
                self.delegate(iter, dst);
            }
        }
        self.cur.unit.release(mark);
        Ok(())
    }

    /// `yield from`/`await` over the iterator in `iter`, result in `dst`.
    pub fn delegate(&mut self, iter: Reg, dst: Reg) {
        let value = self.cur.unit.temp();
        self.load_const(Const::None, value);
        self.emit(Instr::YieldFrom { dst, iter, value });
    }

    fn check_yield_allowed(&self, msg: &str, line: u32, col: u32) -> CResult<()> {
        match self.cur.kind {
            UnitKind::Function
            | UnitKind::AsyncFunction
            | UnitKind::Lambda
            | UnitKind::Comprehension => Ok(()),
            _ => Err(self.error(msg, line, col)),
        }
    }

    fn check_await_allowed(&mut self, line: u32, col: u32) -> CResult<()> {
        if self.top_level_async() {
            return Ok(());
        }
        match self.cur.kind {
            UnitKind::AsyncFunction => Ok(()),
            UnitKind::Comprehension
                if self
                    .cur
                    .unit
                    .code
                    .flags
                    .intersects(CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR) =>
            {
                Ok(())
            }
            UnitKind::Function | UnitKind::Lambda | UnitKind::Comprehension => {
                Err(self.error("'await' outside async function", line, col))
            }
            _ => Err(self.error("'await' outside function", line, col)),
        }
    }

    fn compare(
        &mut self,
        left: &'a Expr,
        ops: &[ast::CmpOp],
        comparators: &'a [Expr],
        dst: Reg,
    ) -> CResult<()> {
        self.check_compare(left, ops, comparators);
        let mut a = self.expr_reg(left)?;
        if ops.len() == 1 {
            let b = self.expr_reg(&comparators[0])?;
            self.emit(Instr::Compare { op: cmpop(ops[0]), dst, a, b });
            return Ok(());
        }
        let end = self.cur.unit.new_label();
        for (i, (op, right)) in ops.iter().zip(comparators).enumerate() {
            // Each middle operand is evaluated once and kept for the next test.
            let b = self.expr_reg(right)?;
            self.emit(Instr::Compare { op: cmpop(*op), dst, a, b });
            if i + 1 < ops.len() {
                self.emit(Instr::JumpIfFalse { cond: dst, target: UnitBuilder::target(end) });
            }
            a = b;
        }
        self.cur.unit.place(end);
        Ok(())
    }

    /// Jumps to `label` when `e` is `when` by truth testing; falls through otherwise.
    pub fn jump_if(&mut self, e: &'a Expr, when: bool, label: LabelId) -> CResult<()> {
        let outer = self.enter_line(e.loc.lineno);
        let r = self.jump_if_at_line(e, when, label);
        self.set_line(outer);
        r
    }

    fn jump_if_at_line(&mut self, e: &'a Expr, when: bool, label: LabelId) -> CResult<()> {
        match &e.kind {
            ExprKind::UnaryOp { op: ast::UnaryOp::Not, operand } => {
                return self.jump_if(operand, !when, label)
            }
            ExprKind::BoolOp { op, values } => {
                let is_and = *op == ast::BoolOp::And;
                let (last, rest) = values.split_last().expect("a BoolOp has operands");
                if is_and != when {
                    // `a and b` jumping when false (or `a or b` when true):
                    // every operand may jump straight to the label.
                    for v in rest {
                        self.jump_if(v, when, label)?;
                    }
                    self.jump_if(last, when, label)?;
                } else {
                    let skip = self.cur.unit.new_label();
                    for v in rest {
                        self.jump_if(v, !when, skip)?;
                    }
                    self.jump_if(last, when, label)?;
                    self.cur.unit.place(skip);
                }
                return Ok(());
            }
            ExprKind::Constant { value, .. } => {
                let truth = match value {
                    ast::Constant::None => Some(false),
                    ast::Constant::Bool(b) => Some(*b),
                    ast::Constant::Int(ast::Int::Small(i)) => Some(*i != 0),
                    _ => None,
                };
                if let Some(truth) = truth {
                    if truth == when {
                        self.jump(label);
                    }
                    return Ok(());
                }
            }
            _ => {}
        }
        let mark = self.cur.unit.mark();
        let cond = self.expr_reg(e)?;
        let target = UnitBuilder::target(label);
        self.emit(if when {
            Instr::JumpIfTrue { cond, target }
        } else {
            Instr::JumpIfFalse { cond, target }
        });
        self.cur.unit.release(mark);
        Ok(())
    }

    // ---- calls

    fn call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
        dst: Reg,
    ) -> CResult<()> {
        self.check_caller(func);
        let starred = args.iter().any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none())
            || args.len() + keywords.len() > MAX_OPERAND_WINDOW;
        if starred {
            let f = self.cur.unit.temp();
            self.expr_to(func, f)?;
            return self.call_ex(f, args, keywords, dst);
        }
        let kwnames: Vec<Const> =
            keywords.iter().map(|k| Const::Str(Rc::from(k.arg.as_deref().unwrap_or("")))).collect();
        let argc = (args.len() + keywords.len()) as u16;
        if let ExprKind::Attribute { value, attr, ctx: ast::ExprContext::Load } = &func.kind {
            let base = self.cur.unit.temps(2 + argc);
            let obj = self.expr_reg(value)?;
            let name = self.mangle(attr);
            let name = self.cur.unit.add_name(&name);
            let cache = self.cur.unit.new_cache();
            self.emit(Instr::LoadMethod { dst: base, obj, name, cache });
            self.arguments_into(args, keywords, base + 2)?;
            if kwnames.is_empty() {
                self.emit(Instr::CallMethod { dst, base, argc });
            } else {
                let kwnames = self.cur.unit.add_const(Const::Tuple(Rc::from(kwnames)));
                self.emit(Instr::CallMethodKw { dst, base, argc, kwnames });
            }
            return Ok(());
        }
        let base = self.cur.unit.temps(1 + argc);
        self.expr_to(func, base)?;
        self.arguments_into(args, keywords, base + 1)?;
        if kwnames.is_empty() {
            self.emit(Instr::Call { dst, func: base, argc });
        } else {
            let kwnames = self.cur.unit.add_const(Const::Tuple(Rc::from(kwnames)));
            self.emit(Instr::CallKw { dst, func: base, argc, kwnames });
        }
        Ok(())
    }

    fn arguments_into(
        &mut self,
        args: &'a [Expr],
        keywords: &'a [Keyword],
        start: Reg,
    ) -> CResult<()> {
        let mut slot = start;
        for a in args {
            self.expr_to(a, slot)?;
            slot += 1;
        }
        for k in keywords {
            self.expr_to(&k.value, slot)?;
            slot += 1;
        }
        Ok(())
    }

    /// A call with `*args` or `**kwargs`: builds the tuple and dict.
    pub fn call_ex(
        &mut self,
        func: Reg,
        args: &'a [Expr],
        keywords: &'a [Keyword],
        dst: Reg,
    ) -> CResult<()> {
        let positional = self.cur.unit.temp();
        self.sequence(args, positional, Sequence::CallArgs(func))?;
        let kwargs = self.keywords_dict(keywords, func)?;
        self.emit(Instr::CallEx { dst, func, args: positional, kwargs });
        Ok(())
    }

    /// The `**kwargs` dict of a call with keyword arguments, `None` when
    /// there are none; duplicate keys are the callee's TypeError.
    pub fn keywords_dict(&mut self, keywords: &'a [Keyword], func: Reg) -> CResult<Option<Reg>> {
        if keywords.is_empty() {
            return Ok(None);
        }
        let dict = self.cur.unit.temp();
        self.emit(Instr::BuildMap { dst: dict, start: dict, count: 0 });
        for k in keywords {
            let mark = self.cur.unit.mark();
            match &k.arg {
                Some(name) => {
                    let pair = self.cur.unit.temps(2);
                    self.load_const(Const::Str(Rc::from(name.as_str())), pair);
                    self.expr_to(&k.value, pair + 1)?;
                    let single = self.cur.unit.temp();
                    self.emit(Instr::BuildMap { dst: single, start: pair, count: 1 });
                    self.emit(Instr::DictMerge { dict, src: single, func });
                }
                None => {
                    let src = self.expr_reg(&k.value)?;
                    self.emit(Instr::DictMerge { dict, src, func });
                }
            }
            self.cur.unit.release(mark);
        }
        Ok(Some(dict))
    }

    // ---- displays

    pub fn sequence(&mut self, elts: &'a [Expr], dst: Reg, kind: Sequence) -> CResult<()> {
        let has_star = elts.iter().any(|x| matches!(x.kind, ExprKind::Starred { .. }));
        if !has_star && elts.len() <= MAX_OPERAND_WINDOW {
            let start = self.cur.unit.temps(elts.len() as u16);
            for (i, elt) in elts.iter().enumerate() {
                self.expr_to(elt, start + i as Reg)?;
            }
            let count = elts.len() as u16;
            self.emit(match kind {
                Sequence::Tuple | Sequence::CallArgs(_) => Instr::BuildTuple { dst, start, count },
                Sequence::List => Instr::BuildList { dst, start, count },
                Sequence::Set => Instr::BuildSet { dst, start, count },
            });
            return Ok(());
        }
        let acc = self.cur.unit.temp();
        match kind {
            Sequence::Set => self.emit(Instr::BuildSet { dst: acc, start: acc, count: 0 }),
            _ => self.emit(Instr::BuildList { dst: acc, start: acc, count: 0 }),
        }
        for elt in elts {
            let mark = self.cur.unit.mark();
            match &elt.kind {
                ExprKind::Starred { value, .. } => {
                    let src = self.expr_reg(value)?;
                    self.emit(match kind {
                        Sequence::Set => Instr::SetUpdate { set: acc, src },
                        Sequence::CallArgs(func) => Instr::ArgsExtend { list: acc, src, func },
                        _ => Instr::ListExtend { list: acc, src },
                    });
                }
                _ => {
                    let item = self.expr_reg(elt)?;
                    self.emit(match kind {
                        Sequence::Set => Instr::SetAdd { set: acc, item },
                        _ => Instr::ListAppend { list: acc, item },
                    });
                }
            }
            self.cur.unit.release(mark);
        }
        match kind {
            Sequence::Tuple | Sequence::CallArgs(_) => {
                self.emit(Instr::ListToTuple { dst, src: acc })
            }
            _ => self.emit(Instr::Move { dst, src: acc }),
        }
        Ok(())
    }

    fn dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr], dst: Reg) -> CResult<()> {
        if keys.iter().all(Option::is_some) && 2 * keys.len() <= MAX_OPERAND_WINDOW {
            let start = self.cur.unit.temps(2 * keys.len() as u16);
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                self.expr_to(k.as_ref().expect("checked above"), start + 2 * i as Reg)?;
                self.expr_to(v, start + 2 * i as Reg + 1)?;
            }
            self.emit(Instr::BuildMap { dst, start, count: keys.len() as u16 });
            return Ok(());
        }
        let acc = self.cur.unit.temp();
        self.emit(Instr::BuildMap { dst: acc, start: acc, count: 0 });
        for (k, v) in keys.iter().zip(values) {
            let mark = self.cur.unit.mark();
            match k {
                Some(k) => {
                    let key = self.expr_reg(k)?;
                    let value = self.expr_reg(v)?;
                    self.emit(Instr::MapAdd { map: acc, key, value });
                }
                None => {
                    let src = self.expr_reg(v)?;
                    self.emit(Instr::DictUpdate { dict: acc, src });
                }
            }
            self.cur.unit.release(mark);
        }
        self.emit(Instr::Move { dst, src: acc });
        Ok(())
    }

    // ---- f-strings

    fn joined_str(&mut self, values: &'a [Expr], dst: Reg) -> CResult<()> {
        if values.len() == 1 {
            return self.expr_to(&values[0], dst);
        }
        if values.len() > MAX_OPERAND_WINDOW {
            return self.long_joined_str(values, dst);
        }
        let start = self.cur.unit.temps(values.len() as u16);
        for (i, v) in values.iter().enumerate() {
            self.expr_to(v, start + i as Reg)?;
        }
        self.emit(Instr::BuildString { dst, start, count: values.len() as u16 });
        Ok(())
    }

    /// An f-string of more pieces than one window of registers holds
    /// (`f'{x} ' * 300` pasted together): built a window at a time, each
    /// joined onto the text so far.
    fn long_joined_str(&mut self, values: &'a [Expr], dst: Reg) -> CResult<()> {
        let acc = self.cur.unit.temp();
        let mark = self.cur.unit.mark();
        for (n, chunk) in values.chunks(MAX_OPERAND_WINDOW - 1).enumerate() {
            let lead = usize::from(n > 0);
            let start = self.cur.unit.temps((lead + chunk.len()) as u16);
            if n > 0 {
                self.emit(Instr::Move { dst: start, src: acc });
            }
            for (i, v) in chunk.iter().enumerate() {
                self.expr_to(v, start + (lead + i) as Reg)?;
            }
            let count = (lead + chunk.len()) as u16;
            self.emit(Instr::BuildString { dst: acc, start, count });
            self.cur.unit.release(mark);
        }
        self.emit(Instr::Move { dst, src: acc });
        Ok(())
    }

    fn formatted_value(
        &mut self,
        value: &'a Expr,
        conversion: i32,
        format_spec: Option<&'a Expr>,
        dst: Reg,
    ) -> CResult<()> {
        let src = self.expr_reg(value)?;
        let conv = match u8::try_from(conversion).ok().map(char::from) {
            Some('s') => Conversion::Str,
            Some('r') => Conversion::Repr,
            Some('a') => Conversion::Ascii,
            _ => Conversion::None,
        };
        let spec = match format_spec {
            Some(spec) => Some(self.expr_reg(spec)?),
            None => None,
        };
        self.emit(Instr::FormatValue { dst, src, conv, spec });
        Ok(())
    }

    // ---- subscripts

    /// The key of a subscript: the index, a slice object, or a tuple of those.
    pub fn slice_reg(&mut self, slice: &'a Slice) -> CResult<Reg> {
        match slice {
            Slice::Index { value } => self.expr_reg(value),
            Slice::Slice { lower, upper, step } => {
                let count = if step.is_some() { 3 } else { 2 };
                let start = self.cur.unit.temps(count);
                for (i, part) in [lower, upper, step].into_iter().take(count as usize).enumerate() {
                    match part {
                        Some(p) => self.expr_to(p, start + i as Reg)?,
                        None => self.load_const(Const::None, start + i as Reg),
                    }
                }
                let dst = self.cur.unit.temp();
                self.emit(Instr::BuildSlice { dst, start, count });
                Ok(dst)
            }
            Slice::ExtSlice { dims } => {
                let start = self.cur.unit.temps(dims.len() as u16);
                for (i, d) in dims.iter().enumerate() {
                    let mark = self.cur.unit.mark();
                    let r = self.slice_reg(d)?;
                    self.emit(Instr::Move { dst: start + i as Reg, src: r });
                    self.cur.unit.release(mark);
                }
                let dst = self.cur.unit.temp();
                self.emit(Instr::BuildTuple { dst, start, count: dims.len() as u16 });
                Ok(dst)
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sequence {
    Tuple,
    List,
    Set,
    /// The positional arguments of a call to the function in this register.
    CallArgs(Reg),
}

/// The most consecutive slots a display or call puts its operands in;
/// longer ones are built item by item, so that no literal can exhaust a
/// frame's slots.
const MAX_OPERAND_WINDOW: usize = 256;
