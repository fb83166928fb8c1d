//! The builder of one code unit: instruction emission with forward labels,
//! constant and name tables, slot allocation (locals, cells, frees and
//! temporaries), the line table, and the exception table.
//!
//! Every emitted instruction is tagged with the innermost active handler;
//! the exception table is made from those tags at the end, so code that is
//! emitted while a handler is temporarily popped (a `finally` body copied in
//! front of a `return`) is covered by the right one, as in CPython 3.11.

use crate::bytecode::instr::{ConstIdx, Label, NameIdx, Reg};
use crate::bytecode::{CodeUnit, Const, ExceptionEntry, Instr, LineEntry};

/// A label before it is placed: an index into the unit's label table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelId(pub u32);

/// A registered exception handler: where it starts and the slot that
/// receives the exception.
#[derive(Debug, Clone, Copy)]
struct Handler {
    label: LabelId,
    exc: Reg,
}

#[derive(Debug)]
pub struct UnitBuilder {
    pub code: CodeUnit,
    /// Placed position of each label, `u32::MAX` until placed.
    labels: Vec<u32>,
    handlers: Vec<Handler>,
    /// The active handlers, innermost last.
    handler_stack: Vec<usize>,
    /// The innermost handler of each instruction.
    instr_handler: Vec<Option<usize>>,
    pub current_line: u32,
    /// First free slot above the locals, cells and frees.
    temp_base: Reg,
    /// Next free temporary.
    temp_top: Reg,
    max_slots: Reg,
    /// More slots were asked for than a frame can name.
    pub out_of_registers: bool,
    /// Slots that hold parameters (always bound on entry).
    pub param_slots: u16,
}

impl UnitBuilder {
    pub fn new(code: CodeUnit, fixed_slots: Reg, param_slots: u16) -> UnitBuilder {
        UnitBuilder {
            current_line: code.first_line,
            code,
            labels: Vec::new(),
            handlers: Vec::new(),
            handler_stack: Vec::new(),
            instr_handler: Vec::new(),
            temp_base: fixed_slots,
            temp_top: fixed_slots,
            max_slots: fixed_slots,
            out_of_registers: false,
            param_slots,
        }
    }

    pub fn pc(&self) -> Label {
        self.code.instrs.len() as Label
    }

    pub fn emit(&mut self, instr: Instr) {
        let pc = self.pc();
        if self.code.lines.last().is_none_or(|entry| entry.line != self.current_line) {
            self.code.lines.push(LineEntry { start: pc, line: self.current_line });
        }
        self.code.instrs.push(instr);
        self.instr_handler.push(self.handler_stack.last().copied());
    }

    pub fn new_label(&mut self) -> LabelId {
        self.labels.push(u32::MAX);
        LabelId(self.labels.len() as u32 - 1)
    }

    pub fn place(&mut self, label: LabelId) {
        self.labels[label.0 as usize] = self.pc();
    }

    /// A label operand: the label id, resolved to a pc by [`finish`].
    pub fn target(label: LabelId) -> Label {
        label.0
    }

    pub fn add_const(&mut self, value: Const) -> ConstIdx {
        if let Some(found) = self.code.consts.iter().position(|c| *c == value) {
            return found as ConstIdx;
        }
        self.code.consts.push(value);
        (self.code.consts.len() - 1) as ConstIdx
    }

    pub fn add_name(&mut self, name: &str) -> NameIdx {
        if let Some(found) = self.code.names.iter().position(|n| n == name) {
            return found as NameIdx;
        }
        self.code.names.push(name.to_string());
        (self.code.names.len() - 1) as NameIdx
    }

    pub fn new_cache(&mut self) -> u16 {
        self.code.cache_count += 1;
        self.code.cache_count - 1
    }

    // ---- temporaries: allocated and released in stack order

    pub fn temp(&mut self) -> Reg {
        self.temps(1)
    }

    /// `count` consecutive fresh temporaries; returns the first.
    pub fn temps(&mut self, count: u16) -> Reg {
        let first = self.temp_top;
        match self.temp_top.checked_add(count) {
            Some(top) => self.temp_top = top,
            None => {
                // The compiler reports this when the unit is done; until
                // then the slots handed out are meaningless but harmless.
                self.out_of_registers = true;
                self.temp_top = Reg::MAX;
            }
        }
        self.max_slots = self.max_slots.max(self.temp_top);
        first
    }

    /// The current temporary mark, to release everything above it later.
    pub fn mark(&self) -> Reg {
        self.temp_top
    }

    pub fn release(&mut self, mark: Reg) {
        debug_assert!(mark >= self.temp_base && mark <= self.temp_top);
        self.temp_top = mark;
    }

    pub fn is_temp(&self, reg: Reg) -> bool {
        reg >= self.temp_base
    }

    // ---- exception handlers

    /// Registers a handler at `label` receiving the exception in `exc`, and
    /// makes it the innermost one for the instructions emitted next.
    pub fn push_handler(&mut self, label: LabelId, exc: Reg) -> usize {
        self.handlers.push(Handler { label, exc });
        let id = self.handlers.len() - 1;
        self.handler_stack.push(id);
        id
    }

    pub fn pop_handler(&mut self) -> Option<usize> {
        self.handler_stack.pop()
    }

    /// Re-activates a handler popped for a while (after emitting an unwind).
    pub fn restore_handler(&mut self, id: usize) {
        self.handler_stack.push(id);
    }

    /// Replaces the active handler stack (while unwinding frame blocks).
    pub fn set_handlers(&mut self, stack: Vec<usize>) {
        self.handler_stack = stack;
    }

    pub fn active_handlers(&self) -> &[usize] {
        &self.handler_stack
    }

    /// Resolves labels, builds the exception table, and returns the unit.
    pub fn finish(mut self) -> CodeUnit {
        let labels = &self.labels;
        let resolve = |id: Label| -> Label {
            let pc = labels[id as usize];
            debug_assert!(pc != u32::MAX, "label {id} never placed");
            pc
        };
        for instr in &mut self.code.instrs {
            match instr {
                Instr::Jump { target }
                | Instr::JumpIfTrue { target, .. }
                | Instr::JumpIfFalse { target, .. }
                | Instr::Loop { target, .. } => *target = resolve(*target),
                Instr::ForIter { exit, .. } => *exit = resolve(*exit),
                _ => {}
            }
        }
        let mut table: Vec<ExceptionEntry> = Vec::new();
        for (pc, handler) in self.instr_handler.iter().enumerate() {
            let Some(id) = handler else { continue };
            let h = self.handlers[*id];
            let handler_pc = resolve(h.label.0);
            match table.last_mut() {
                Some(last)
                    if last.end == pc as Label
                        && last.handler == handler_pc
                        && last.exc == h.exc =>
                {
                    last.end += 1
                }
                _ => table.push(ExceptionEntry {
                    start: pc as Label,
                    end: pc as Label + 1,
                    handler: handler_pc,
                    exc: h.exc,
                }),
            }
        }
        self.code.exceptions = table;
        self.code.slot_count = self.max_slots;
        self.code
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_resolve_and_handlers_become_ranges() {
        let mut unit = UnitBuilder::new(CodeUnit::default(), 2, 0);
        let handler = unit.new_label();
        let end = unit.new_label();
        let exc = unit.temp();
        unit.push_handler(handler, exc);
        unit.emit(Instr::Move { dst: 0, src: 1 });
        unit.emit(Instr::Jump { target: UnitBuilder::target(end) });
        unit.pop_handler();
        unit.place(handler);
        unit.emit(Instr::Reraise { exc });
        unit.place(end);
        unit.emit(Instr::Return { src: 0 });
        let code = unit.finish();
        assert_eq!(code.instrs[1], Instr::Jump { target: 3 });
        assert_eq!(code.exceptions, vec![ExceptionEntry { start: 0, end: 2, handler: 2, exc: 2 }]);
        assert_eq!(code.slot_count, 3);
    }

    #[test]
    fn constants_and_names_are_shared() {
        let mut unit = UnitBuilder::new(CodeUnit::default(), 0, 0);
        assert_eq!(unit.add_const(Const::Int(1)), 0);
        assert_eq!(unit.add_const(Const::Float(1.0)), 1);
        assert_eq!(unit.add_const(Const::Int(1)), 0);
        assert_eq!(unit.add_name("x"), 0);
        assert_eq!(unit.add_name("x"), 0);
    }
}

#[cfg(test)]
mod slot_limit_tests {
    use super::*;

    #[test]
    fn asking_for_more_slots_than_a_reg_names_is_flagged_not_wrapped() {
        let mut unit = UnitBuilder::new(CodeUnit::default(), 2, 0);
        unit.temps(60_000);
        assert!(!unit.out_of_registers);
        unit.temps(10_000);
        assert!(unit.out_of_registers);
        assert_eq!(unit.mark(), Reg::MAX);
    }
}
