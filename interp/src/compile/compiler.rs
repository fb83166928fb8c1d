//! The compiler's state: the stack of code units being built, the symbol
//! table, name resolution to instructions, and the frame-block stack that
//! `return`, `break` and `continue` unwind through.

use super::error::CompileError;
use super::symtable::{self, BlockId, BlockKind, Scope, SymbolTable};
use super::unit::{LabelId, UnitBuilder};
use crate::bytecode::instr::Reg;
use crate::bytecode::{CodeFlags, CodeUnit, Const, Instr};
use crate::parse::ast::{Expr, ExprKind, Stmt};
use std::collections::HashMap;
use std::rc::Rc;

/// The slots key of a class body's implicit `__class__` cell, which its
/// methods close over; the body itself never names it.
pub const CLASS_CELL_SLOT: &str = "__class__\0cell";

pub type CResult<T> = Result<T, CompileError>;

/// What kind of body a unit is, for qualified names and `return`/`yield` checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

/// A construct that `return`, `break` and `continue` must unwind through.
#[derive(Debug, Clone)]
pub enum FBlock<'a> {
    /// A `for` or `while` loop.
    Loop { continue_to: LabelId, break_to: LabelId },
    /// The body of `try: ... finally:`: unwinding runs the final body.
    Finally { body: &'a [Stmt] },
    /// An `except` (or exception-path `finally`) body: unwinding restores the
    /// exception being handled and unbinds the `as` name.
    Handler { saved: Reg, name: Option<String> },
    /// A `with` body: unwinding calls `exit(None, None, None)`.
    With { exit: Reg, is_async: bool },
}

/// One frame block with the handler depth at its entry: code emitted while
/// unwinding it is covered only by the handlers outside it.
#[derive(Debug, Clone)]
pub struct FBlockEntry<'a> {
    pub block: FBlock<'a>,
    pub handler_depth: usize,
}

/// Where a name lives, for the instruction that reaches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameRef {
    /// A local slot of a function.
    Fast(Reg),
    /// A cell (own or free) in a slot.
    Deref(Reg),
    /// A free variable read from a class body: the namespace first.
    ClassDeref(Reg),
    Global,
    /// Through the locals mapping (module and class bodies).
    Name,
}

/// The state of one code unit being compiled.
pub struct UnitState<'a> {
    pub unit: UnitBuilder,
    pub kind: UnitKind,
    pub block: BlockId,
    pub fblocks: Vec<FBlockEntry<'a>>,
    /// Slot of each local, cell and free variable.
    pub slots: HashMap<String, Reg>,
    /// The class whose name mangles private names here.
    pub private: Option<String>,
    /// The body contains `:=`, so a local read as an operand may change
    /// before the operation runs: operands are copied.
    pub has_walrus: bool,
}

pub struct Compiler<'a> {
    pub table: SymbolTable,
    pub filename: Rc<str>,
    pub cur: UnitState<'a>,
    pub outer: Vec<UnitState<'a>>,
    /// `-O` given: `assert` and `if __debug__` bodies vanish.
    pub optimize: u32,
    /// Compiling interactive input: expression statements print their value.
    pub interactive: bool,
    /// SyntaxWarnings found so far, in source order.
    pub warnings: Vec<super::warnings::SyntaxWarning>,
    /// Column of the expression compiled last (CPython's `u_col_offset`,
    /// which a SyntaxWarning turned error points at).
    pub col_offset: u32,
    /// Some finished unit needed more frame slots than a `Reg` can name.
    pub out_of_registers: bool,
    /// `from __future__ import annotations`: annotations are stored as
    /// their source text, not evaluated.
    pub future_annotations: bool,
    /// In a module: the addresses of the `from __future__` imports that
    /// open it, the only places one may stand.
    pub allowed_future_imports: Option<Vec<usize>>,
    /// `compile()` was given `PyCF_ALLOW_TOP_LEVEL_AWAIT`.
    pub top_level_await: bool,
}

impl<'a> Compiler<'a> {
    pub fn new(table: SymbolTable, filename: &str, optimize: u32) -> Compiler<'a> {
        let filename: Rc<str> = Rc::from(filename);
        let code = CodeUnit {
            name: "<module>".into(),
            qualname: "<module>".into(),
            filename: filename.clone(),
            first_line: 1,
            flags: CodeFlags::NAMESPACE,
            ..CodeUnit::default()
        };
        let unit = UnitBuilder::new(code, 0, 0);
        Compiler {
            table,
            filename,
            cur: UnitState {
                unit,
                kind: UnitKind::Module,
                block: 0,
                fblocks: Vec::new(),
                slots: HashMap::new(),
                private: None,
                has_walrus: false,
            },
            outer: Vec::new(),
            optimize,
            interactive: false,
            warnings: Vec::new(),
            col_offset: 0,
            out_of_registers: false,
            future_annotations: false,
            allowed_future_imports: None,
            top_level_await: false,
        }
    }

    pub fn error(&self, msg: impl Into<String>, line: u32, col: u32) -> CompileError {
        CompileError::syntax(msg, &self.filename, line, col)
    }

    pub fn emit(&mut self, instr: Instr) {
        self.cur.unit.emit(instr);
    }

    pub fn set_line(&mut self, line: u32) {
        self.cur.unit.current_line = line;
    }

    /// An expression's instructions carry its own line, and the line of
    /// the enclosing expression comes back after it (CPython 3.8's
    /// `compiler_visit_expr`): a call spanning lines reports the line of
    /// its start. Returns the line to restore.
    pub fn enter_line(&mut self, line: u32) -> u32 {
        std::mem::replace(&mut self.cur.unit.current_line, line)
    }

    pub fn load_const(&mut self, value: Const, dst: Reg) {
        let idx = self.cur.unit.add_const(value);
        self.emit(Instr::LoadConst { dst, idx });
    }

    pub fn jump(&mut self, label: LabelId) {
        self.emit(Instr::Jump { target: UnitBuilder::target(label) });
    }

    /// Whether the unit being compiled may use `await` and the other
    /// asynchronous constructs because it is the module's own code under
    /// `PyCF_ALLOW_TOP_LEVEL_AWAIT`; if so the module's code becomes a
    /// coroutine's (CPython's `IS_TOP_LEVEL_AWAIT`, and CO_COROUTINE from
    /// `compute_code_flags`).
    pub fn top_level_async(&mut self) -> bool {
        let allowed = self.top_level_await && self.cur.kind == UnitKind::Module;
        if allowed {
            self.cur.unit.code.flags |= CodeFlags::COROUTINE;
        }
        allowed
    }

    // ---- units

    /// Starts compiling a nested body opened by AST node `node`.
    pub fn enter_unit<T>(
        &mut self,
        node: &T,
        kind: UnitKind,
        name: &str,
        first_line: u32,
    ) -> CResult<()> {
        let block_id = self
            .table
            .block_of(node)
            .ok_or_else(|| self.error("internal error: no symbol table block", first_line, 0))?;
        let qualname = self.qualname_for(kind, name);
        let block = &self.table.blocks[block_id];
        let mut flags = CodeFlags::empty();
        match block.kind {
            BlockKind::Class => flags |= CodeFlags::NAMESPACE,
            _ => flags |= CodeFlags::FUNCTION,
        }
        if block.nested {
            flags |= CodeFlags::NESTED;
        }
        if block.kind == BlockKind::Function {
            match (block.is_coroutine || kind == UnitKind::AsyncFunction, block.is_generator) {
                (true, true) => flags |= CodeFlags::ASYNC_GENERATOR,
                (true, false) => {
                    if kind == UnitKind::AsyncFunction || block.is_comprehension {
                        flags |= CodeFlags::COROUTINE
                    }
                }
                (false, true) => flags |= CodeFlags::GENERATOR,
                (false, false) => {}
            }
        }
        // Slots: parameters, other locals, cells, frees.
        let mut slots = HashMap::new();
        let mut local_names = Vec::new();
        let mut cells = Vec::new();
        let mut frees = Vec::new();
        let is_function = block.kind == BlockKind::Function;
        if is_function {
            for p in &block.params {
                slots.insert(p.clone(), local_names.len() as Reg);
                local_names.push(p.clone());
            }
            for (name, _) in &block.symbols {
                if slots.contains_key(name) {
                    continue;
                }
                if block.scope_of(name) == Some(Scope::Local) {
                    slots.insert(name.clone(), local_names.len() as Reg);
                    local_names.push(name.clone());
                }
            }
        }
        let mut next = local_names.len() as Reg;
        let mut cell_names: Vec<&String> = block
            .symbols
            .iter()
            .map(|(n, _)| n)
            .filter(|n| block.scope_of(n) == Some(Scope::Cell))
            .collect();
        cell_names.sort();
        for name in cell_names {
            let slot = match slots.get(name) {
                Some(&param_slot) => param_slot,
                None => {
                    next += 1;
                    next - 1
                }
            };
            slots.insert(name.clone(), slot);
            cells.push((name.clone(), slot));
        }
        if block.kind == BlockKind::Class && block.needs_class_closure {
            cells.push(("__class__".to_string(), next));
            // Its own key: a `nonlocal __class__` in the class body names
            // the enclosing cell, not this one (CPython's get_ref_type).
            slots.insert(CLASS_CELL_SLOT.to_string(), next);
            next += 1;
        }
        let mut free_names: Vec<&String> = block
            .symbols
            .iter()
            .map(|(n, _)| n)
            .filter(|n| {
                block.scope_of(n) == Some(Scope::Free)
                    || (block.kind == BlockKind::Class
                        && block.flags_of(n) & symtable::flags::FREE_CLASS != 0)
            })
            .collect();
        free_names.sort();
        for name in free_names {
            frees.push((name.clone(), next));
            // A class's own uses of a FREE_CLASS name go through the namespace.
            if block.scope_of(name) == Some(Scope::Free) {
                slots.insert(name.clone(), next);
            } else {
                slots.insert(format!("{name}\0free"), next);
            }
            next += 1;
        }
        let param_count = block.params.len() as u16;
        let private = if block.kind == BlockKind::Class {
            Some(name.to_string())
        } else {
            self.cur.private.clone()
        };
        let code = CodeUnit {
            name: name.to_string(),
            qualname,
            filename: self.filename.clone(),
            first_line,
            flags,
            local_names,
            cells: cells.clone(),
            frees,
            ..CodeUnit::default()
        };
        let unit = UnitBuilder::new(code, next, param_count);
        let state = UnitState {
            unit,
            kind,
            block: block_id,
            fblocks: Vec::new(),
            slots,
            private,
            has_walrus: false,
        };
        let parent = std::mem::replace(&mut self.cur, state);
        self.outer.push(parent);
        for (_, slot) in cells {
            self.emit(Instr::MakeCell { slot });
        }
        Ok(())
    }

    /// Finishes the current unit and returns to its parent.
    pub fn leave_unit(&mut self) -> CodeUnit {
        let parent = self.outer.pop().expect("leave_unit without enter_unit");
        let done = std::mem::replace(&mut self.cur, parent);
        self.out_of_registers |= done.unit.out_of_registers;
        super::definite::remove_proven_checks(done.unit.finish())
    }

    fn qualname_for(&self, kind: UnitKind, name: &str) -> String {
        let parent = &self.cur;
        if parent.kind == UnitKind::Module {
            return name.to_string();
        }
        if matches!(kind, UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Class) {
            let mangled = symtable::mangle(parent.private.as_deref(), name);
            if self.table.blocks[parent.block].scope_of(&mangled) == Some(Scope::GlobalExplicit) {
                return name.to_string();
            }
        }
        let parent_qual = &parent.unit.code.qualname;
        match parent.kind {
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Lambda => {
                format!("{parent_qual}.<locals>.{name}")
            }
            _ => format!("{parent_qual}.{name}"),
        }
    }

    // ---- names

    pub fn mangle(&self, name: &str) -> String {
        symtable::mangle(self.cur.private.as_deref(), name)
    }

    pub fn resolve(&self, name: &str) -> (String, NameRef) {
        let mangled = self.mangle(name);
        let block = &self.table.blocks[self.cur.block];
        let scope = block.scope_of(&mangled);
        let reference = match (block.kind, scope) {
            (_, Some(Scope::Free | Scope::Cell)) => {
                let slot = self.cur.slots[&mangled];
                if block.kind == BlockKind::Class {
                    NameRef::ClassDeref(slot)
                } else {
                    NameRef::Deref(slot)
                }
            }
            (BlockKind::Function, Some(Scope::Local)) => NameRef::Fast(self.cur.slots[&mangled]),
            (BlockKind::Function, _) | (_, Some(Scope::GlobalExplicit)) => NameRef::Global,
            _ => NameRef::Name,
        };
        (mangled, reference)
    }

    /// Loads variable `name` into `dst`.
    pub fn load_name(&mut self, name: &str, dst: Reg) {
        let (mangled, reference) = self.resolve(name);
        let name_idx = self.cur.unit.add_name(&mangled);
        match reference {
            NameRef::Fast(slot) => {
                self.check_bound(slot, name_idx);
                if slot != dst {
                    self.emit(Instr::Move { dst, src: slot });
                }
            }
            NameRef::Deref(cell) => self.emit(Instr::LoadDeref { dst, cell, name: name_idx }),
            NameRef::ClassDeref(cell) => {
                self.emit(Instr::LoadClassDeref { dst, cell, name: name_idx })
            }
            NameRef::Global => {
                let cache = self.cur.unit.new_cache();
                self.emit(Instr::LoadGlobal { dst, name: name_idx, cache })
            }
            NameRef::Name => self.emit(Instr::LoadName { dst, name: name_idx }),
        }
    }

    pub fn check_bound(&mut self, slot: Reg, name: u16) {
        if slot >= self.cur.unit.param_slots {
            self.emit(Instr::CheckBound { slot, name });
        }
    }

    /// If `name` is a local slot that can be used as an operand directly,
    /// that slot (after its bound check).
    pub fn local_operand(&mut self, name: &str) -> Option<Reg> {
        if self.cur.has_walrus {
            return None;
        }
        let (mangled, reference) = self.resolve(name);
        match reference {
            NameRef::Fast(slot) => {
                let name_idx = self.cur.unit.add_name(&mangled);
                self.check_bound(slot, name_idx);
                Some(slot)
            }
            _ => None,
        }
    }

    /// Stores `src` into variable `name`.
    pub fn store_name(&mut self, name: &str, src: Reg) {
        let (mangled, reference) = self.resolve(name);
        let name_idx = self.cur.unit.add_name(&mangled);
        match reference {
            NameRef::Fast(slot) => {
                if slot != src {
                    self.emit(Instr::Move { dst: slot, src })
                }
            }
            NameRef::Deref(cell) | NameRef::ClassDeref(cell) => {
                self.emit(Instr::StoreDeref { cell, src })
            }
            NameRef::Global => self.emit(Instr::StoreGlobal { name: name_idx, src }),
            NameRef::Name => self.emit(Instr::StoreName { name: name_idx, src }),
        }
    }

    pub fn delete_name(&mut self, name: &str) {
        let (mangled, reference) = self.resolve(name);
        let name_idx = self.cur.unit.add_name(&mangled);
        match reference {
            NameRef::Fast(slot) => self.emit(Instr::DeleteFast { slot, name: name_idx }),
            NameRef::Deref(cell) | NameRef::ClassDeref(cell) => {
                self.emit(Instr::DeleteDeref { cell, name: name_idx })
            }
            NameRef::Global => self.emit(Instr::DeleteGlobal { name: name_idx }),
            NameRef::Name => self.emit(Instr::DeleteName { name: name_idx }),
        }
    }

    /// The slot holding the cell of `name` for building a closure.
    pub fn closure_slot(&self, name: &str) -> Option<Reg> {
        if name == "__class__" {
            if let Some(&cell) = self.cur.slots.get(CLASS_CELL_SLOT) {
                return Some(cell);
            }
        }
        self.cur.slots.get(&format!("{name}\0free")).or_else(|| self.cur.slots.get(name)).copied()
    }

    pub fn block_kind(&self) -> BlockKind {
        self.table.blocks[self.cur.block].kind
    }
}

/// Does the expression tree contain `:=` (outside nested scopes that have
/// their own slots)?
pub fn contains_walrus(body: &[Stmt]) -> bool {
    fn in_expr(e: &Expr) -> bool {
        let mut found = false;
        super::visit::each_subexpr(e, &mut |sub| {
            if matches!(sub.kind, ExprKind::NamedExpr { .. }) {
                found = true;
            }
        });
        found
    }
    let mut found = false;
    super::visit::each_stmt_expr(body, &mut |e| found |= in_expr(e));
    found
}
