//! The instruction set, one enum: each variant names the frame slots it
//! reads and writes. Operands are `Reg` (frame slot), `Label` (instruction
//! index), or indices into the code unit's constant and name tables.
//!
//! Conventions shared by several instructions:
//! - a *run* `start, count` is the consecutive slots `start..start + count`;
//! - a call's callee sits in slot `func` and its positional arguments in the
//!   slots right after it, so argument passing is a slice of the value stack;
//! - `cache` operands index the code unit's inline caches for that site.

/// A frame slot.
pub type Reg = u16;
/// An instruction index within one code unit.
pub type Label = u32;
/// An index into [`CodeUnit::names`](super::CodeUnit::names).
pub type NameIdx = u16;
/// An index into [`CodeUnit::consts`](super::CodeUnit::consts).
pub type ConstIdx = u32;
/// An index into the code unit's inline caches.
pub type CacheIdx = u16;

/// Binary arithmetic and bitwise operators (`a OP b` and `a OP= b`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinOp {
    /// Every operator, in declaration order (`ALL[op as usize] == op`).
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::MatMul,
        BinOp::TrueDiv,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::And,
        BinOp::Or,
        BinOp::Xor,
    ];

    /// The operator as Python source writes it (`+`, `//`, ...).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
    Not,
}

/// Comparison operators, including membership and identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
    In,
    NotIn,
    Is,
    IsNot,
}

impl CmpOp {
    /// Every operator, in declaration order (`ALL[op as usize] == op`).
    pub const ALL: [CmpOp; 10] = [
        CmpOp::Lt,
        CmpOp::Le,
        CmpOp::Eq,
        CmpOp::Ne,
        CmpOp::Gt,
        CmpOp::Ge,
        CmpOp::In,
        CmpOp::NotIn,
        CmpOp::Is,
        CmpOp::IsNot,
    ];

    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
        }
    }
}

/// What a `GetAwaitable` awaits, for the message when it is not awaitable
/// (CPython's `format_awaitable_error` looks at the opcode before).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AwaitOrigin {
    /// An `await` expression (or an `async for` step).
    Await,
    /// What `__aenter__` gave, in `async with`.
    AsyncEnter,
    /// What `__aexit__` gave, in `async with`.
    AsyncExit,
}

impl AwaitOrigin {
    pub const ALL: [AwaitOrigin; 3] =
        [AwaitOrigin::Await, AwaitOrigin::AsyncEnter, AwaitOrigin::AsyncExit];
}

/// The conversion of an f-string replacement field (`!s`, `!r`, `!a`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Conversion {
    None,
    Str,
    Repr,
    Ascii,
}

bitflags::bitflags! {
    /// Which optional parts `MakeFunction` finds in its operand run, in
    /// this order: defaults tuple, keyword-only defaults dict, annotations
    /// dict, closure tuple.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub struct FunctionParts: u8 {
        const DEFAULTS = 1;
        const KW_DEFAULTS = 2;
        const ANNOTATIONS = 4;
        const CLOSURE = 8;
    }
}

/// One instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Instr {
    // ---- moves and constants
    /// `dst = consts[idx]`.
    LoadConst {
        dst: Reg,
        idx: ConstIdx,
    },
    /// `dst = src`.
    Move {
        dst: Reg,
        src: Reg,
    },
    /// Raise UnboundLocalError if local `slot` is unbound.
    CheckBound {
        slot: Reg,
        name: NameIdx,
    },
    /// `del local`: unbind `slot`, UnboundLocalError if it was unbound.
    DeleteFast {
        slot: Reg,
        name: NameIdx,
    },

    // ---- globals, class-body names, cells
    /// `dst = globals[name]`, falling back to builtins; NameError if neither.
    LoadGlobal {
        dst: Reg,
        name: NameIdx,
        cache: CacheIdx,
    },
    StoreGlobal {
        name: NameIdx,
        src: Reg,
    },
    DeleteGlobal {
        name: NameIdx,
    },
    /// Name lookup in the frame's locals mapping, then globals, then
    /// builtins (class bodies, `exec` with separate locals).
    LoadName {
        dst: Reg,
        name: NameIdx,
    },
    StoreName {
        name: NameIdx,
        src: Reg,
    },
    DeleteName {
        name: NameIdx,
    },
    /// Replace the value in `slot` by a new cell holding it (unbound stays
    /// empty): run on function entry for each cell variable.
    MakeCell {
        slot: Reg,
    },
    /// `dst = cell.contents` for the cell object held in slot `cell`.
    LoadDeref {
        dst: Reg,
        cell: Reg,
        name: NameIdx,
    },
    StoreDeref {
        cell: Reg,
        src: Reg,
    },
    DeleteDeref {
        cell: Reg,
        name: NameIdx,
    },
    /// Class bodies: the locals mapping first, then the cell.
    LoadClassDeref {
        dst: Reg,
        cell: Reg,
        name: NameIdx,
    },

    // ---- operators
    Binary {
        op: BinOp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// `a OP= b`: tries the in-place method first.
    InplaceBinary {
        op: BinOp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Unary {
        op: UnaryOp,
        dst: Reg,
        src: Reg,
    },
    Compare {
        op: CmpOp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },

    // ---- control flow
    Jump {
        target: Label,
    },
    /// Jump when `cond` is true by Python truth testing.
    JumpIfTrue {
        cond: Reg,
        target: Label,
    },
    JumpIfFalse {
        cond: Reg,
        target: Label,
    },
    /// A backward jump to a loop header: counts iterations for the JIT.
    /// Temporaries from `live` up are dead at the header (the compiler
    /// hands temporaries out in stack order, and those of the enclosing
    /// constructs sit below the mark it took there), so traces need not
    /// carry them around the loop.
    Loop {
        target: Label,
        live: Reg,
    },
    /// `dst = iter(src)`.
    GetIter {
        dst: Reg,
        src: Reg,
    },
    /// `dst = next(iter)`, or jump to `exit` when the iterator is exhausted.
    ForIter {
        dst: Reg,
        iter: Reg,
        exit: Label,
    },
    Return {
        src: Reg,
    },

    // ---- building containers
    BuildTuple {
        dst: Reg,
        start: Reg,
        count: u16,
    },
    BuildList {
        dst: Reg,
        start: Reg,
        count: u16,
    },
    BuildSet {
        dst: Reg,
        start: Reg,
        count: u16,
    },
    /// A dict from `count` key/value pairs laid out `k0, v0, k1, v1, ...`.
    BuildMap {
        dst: Reg,
        start: Reg,
        count: u16,
    },
    /// `slice(start, start+1)` or `slice(start, start+1, start+2)`.
    BuildSlice {
        dst: Reg,
        start: Reg,
        count: u16,
    },
    /// Concatenate `count` strings (f-strings).
    BuildString {
        dst: Reg,
        start: Reg,
        count: u16,
    },
    /// `format(conv(src), spec)` for an f-string field.
    FormatValue {
        dst: Reg,
        src: Reg,
        conv: Conversion,
        spec: Option<Reg>,
    },
    ListAppend {
        list: Reg,
        item: Reg,
    },
    SetAdd {
        set: Reg,
        item: Reg,
    },
    MapAdd {
        map: Reg,
        key: Reg,
        value: Reg,
    },
    /// `list.extend(src)` for starred items.
    ListExtend {
        list: Reg,
        src: Reg,
    },
    /// `f(*src)`: like ListExtend, but a non-iterable is a TypeError naming `func`.
    ArgsExtend {
        list: Reg,
        src: Reg,
        func: Reg,
    },
    SetUpdate {
        set: Reg,
        src: Reg,
    },
    /// `{**src}` in a display.
    DictUpdate {
        dict: Reg,
        src: Reg,
    },
    /// `f(**src)`: like DictUpdate, but duplicate keys are a TypeError naming `func`.
    DictMerge {
        dict: Reg,
        src: Reg,
        func: Reg,
    },
    ListToTuple {
        dst: Reg,
        src: Reg,
    },
    /// Unpack `src` into exactly `count` slots from `start`.
    UnpackSequence {
        src: Reg,
        start: Reg,
        count: u16,
    },
    /// `a, *b, c = src`: `before` slots, a list, then `after` slots.
    UnpackEx {
        src: Reg,
        start: Reg,
        before: u16,
        after: u16,
    },

    // ---- attributes and subscripts
    LoadAttr {
        dst: Reg,
        obj: Reg,
        name: NameIdx,
        cache: CacheIdx,
    },
    StoreAttr {
        obj: Reg,
        name: NameIdx,
        src: Reg,
        cache: CacheIdx,
    },
    DeleteAttr {
        obj: Reg,
        name: NameIdx,
    },
    /// `dst = obj.name` prepared for a call: `dst` gets the function and
    /// `dst + 1` the receiver when the attribute is a plain method (no bound
    /// method is allocated), else `dst` gets the attribute and `dst + 1` is
    /// left empty.
    LoadMethod {
        dst: Reg,
        obj: Reg,
        name: NameIdx,
        cache: CacheIdx,
    },
    LoadSubscr {
        dst: Reg,
        obj: Reg,
        key: Reg,
    },
    StoreSubscr {
        obj: Reg,
        key: Reg,
        src: Reg,
    },
    DeleteSubscr {
        obj: Reg,
        key: Reg,
    },

    // ---- calls
    /// `dst = func(func+1, ..., func+argc)`.
    Call {
        dst: Reg,
        func: Reg,
        argc: u16,
    },
    /// Like `Call`, the last `len(consts[kwnames])` arguments passed by keyword.
    CallKw {
        dst: Reg,
        func: Reg,
        argc: u16,
        kwnames: ConstIdx,
    },
    /// After `LoadMethod` into `base`: the callee at `base`, the receiver (or
    /// nothing) at `base + 1`, `argc` arguments from `base + 2`.
    CallMethod {
        dst: Reg,
        base: Reg,
        argc: u16,
    },
    CallMethodKw {
        dst: Reg,
        base: Reg,
        argc: u16,
        kwnames: ConstIdx,
    },
    /// `dst = func(*args, **kwargs)`: `args` a tuple, `kwargs` a dict.
    CallEx {
        dst: Reg,
        func: Reg,
        args: Reg,
        kwargs: Option<Reg>,
    },

    // ---- functions and classes
    /// A function from the code constant `code`, with the optional parts in
    /// the run from `start` (see [`FunctionParts`]).
    MakeFunction {
        dst: Reg,
        code: ConstIdx,
        parts: FunctionParts,
        start: Reg,
    },
    /// `dst = builtins.__build_class__`.
    LoadBuildClass {
        dst: Reg,
    },
    /// Create `__annotations__` in the locals mapping if missing.
    SetupAnnotations,

    // ---- exceptions
    /// `raise exc from cause`; with no `exc`, re-raise the exception being handled.
    Raise {
        exc: Option<Reg>,
        cause: Option<Reg>,
    },
    /// Re-raise the exception object in `exc`, keeping its traceback.
    Reraise {
        exc: Reg,
    },
    /// Entering a handler: save the exception being handled in `saved`,
    /// then make `exc` the one being handled (`sys.exc_info()`).
    EnterHandler {
        exc: Reg,
        saved: Reg,
    },
    /// Leaving a handler: the exception being handled is `saved` again.
    ExitHandler {
        saved: Reg,
    },
    /// `dst = isinstance(exc, typ)` for an `except typ:` clause, with the
    /// check that `typ` is an exception class or a tuple of them.
    MatchException {
        dst: Reg,
        exc: Reg,
        typ: Reg,
    },

    // ---- with
    /// `exit_dst = type(mgr).__exit__` bound to `mgr`; `value_dst = mgr.__enter__()`.
    WithEnter {
        mgr: Reg,
        exit_dst: Reg,
        value_dst: Reg,
    },
    /// `dst = exit(type(exc), exc, exc.__traceback__)` on the exception path.
    WithExceptExit {
        dst: Reg,
        exit: Reg,
        exc: Reg,
    },
    /// `async with`: `exit_dst` bound `__aexit__`; `value_dst` the awaitable of `__aenter__()`.
    AsyncWithEnter {
        mgr: Reg,
        exit_dst: Reg,
        value_dst: Reg,
    },

    // ---- generators and coroutines
    /// Suspend, yielding `src`; on resume `dst` gets the value sent in.
    Yield {
        dst: Reg,
        src: Reg,
    },
    /// Delegate to the iterator in `iter`, sending `value` (None means `next`).
    /// While the sub-iterator yields, the frame suspends at this instruction
    /// and the value sent in on resume is written back to `value`; when it
    /// returns, `dst` gets its return value.
    YieldFrom {
        dst: Reg,
        iter: Reg,
        value: Reg,
    },
    /// `iter(src)` for `yield from`, passing coroutines through where allowed.
    GetYieldFromIter {
        dst: Reg,
        src: Reg,
    },
    /// `await src`: the iterator that `YieldFrom` drives.
    GetAwaitable {
        dst: Reg,
        src: Reg,
        origin: AwaitOrigin,
    },
    GetAIter {
        dst: Reg,
        src: Reg,
    },
    /// The awaitable of `iter.__anext__()`.
    GetANext {
        dst: Reg,
        iter: Reg,
    },
    /// `async for` ends on StopAsyncIteration: is `exc` one?
    MatchStopAsyncIteration {
        dst: Reg,
        exc: Reg,
    },

    // ---- imports
    /// `dst = __import__(names[name], globals, None, fromlist, level)`.
    ImportName {
        dst: Reg,
        name: NameIdx,
        fromlist: Reg,
        level: u16,
    },
    /// `dst = module.name`, ImportError if missing.
    ImportFrom {
        dst: Reg,
        module: Reg,
        name: NameIdx,
    },
    ImportStar {
        module: Reg,
    },

    // ---- interactive mode
    /// Print `src` through `sys.displayhook`.
    PrintExpr {
        src: Reg,
    },
}

impl Instr {
    /// Calls `f` with every slot this instruction writes (when it completes
    /// normally).
    pub fn for_each_write(&self, mut f: impl FnMut(Reg)) {
        use Instr::*;
        match *self {
            LoadConst { dst, .. }
            | Move { dst, .. }
            | LoadGlobal { dst, .. }
            | LoadName { dst, .. }
            | LoadDeref { dst, .. }
            | LoadClassDeref { dst, .. }
            | Binary { dst, .. }
            | InplaceBinary { dst, .. }
            | Unary { dst, .. }
            | Compare { dst, .. }
            | GetIter { dst, .. }
            | ForIter { dst, .. }
            | BuildTuple { dst, .. }
            | BuildList { dst, .. }
            | BuildSet { dst, .. }
            | BuildMap { dst, .. }
            | BuildSlice { dst, .. }
            | BuildString { dst, .. }
            | FormatValue { dst, .. }
            | ListToTuple { dst, .. }
            | LoadAttr { dst, .. }
            | LoadSubscr { dst, .. }
            | Call { dst, .. }
            | CallKw { dst, .. }
            | CallMethod { dst, .. }
            | CallMethodKw { dst, .. }
            | CallEx { dst, .. }
            | MakeFunction { dst, .. }
            | LoadBuildClass { dst }
            | MatchException { dst, .. }
            | WithExceptExit { dst, .. }
            | Yield { dst, .. }
            | GetYieldFromIter { dst, .. }
            | GetAwaitable { dst, .. }
            | GetAIter { dst, .. }
            | GetANext { dst, .. }
            | MatchStopAsyncIteration { dst, .. }
            | ImportName { dst, .. }
            | ImportFrom { dst, .. } => f(dst),
            MakeCell { slot } => f(slot),
            LoadMethod { dst, .. } => {
                f(dst);
                f(dst + 1);
            }
            UnpackSequence { start, count, .. } => (start..start + count).for_each(f),
            UnpackEx { start, before, after, .. } => {
                (start..start + before + after + 1).for_each(f)
            }
            EnterHandler { saved, .. } => f(saved),
            WithEnter { exit_dst, value_dst, .. } | AsyncWithEnter { exit_dst, value_dst, .. } => {
                f(exit_dst);
                f(value_dst);
            }
            YieldFrom { dst, value, .. } => {
                f(dst);
                f(value);
            }
            CheckBound { .. }
            | DeleteFast { .. }
            | StoreGlobal { .. }
            | DeleteGlobal { .. }
            | StoreName { .. }
            | DeleteName { .. }
            | StoreDeref { .. }
            | DeleteDeref { .. }
            | Jump { .. }
            | JumpIfTrue { .. }
            | JumpIfFalse { .. }
            | Loop { .. }
            | Return { .. }
            | ListAppend { .. }
            | SetAdd { .. }
            | MapAdd { .. }
            | ListExtend { .. }
            | ArgsExtend { .. }
            | SetUpdate { .. }
            | DictUpdate { .. }
            | DictMerge { .. }
            | StoreAttr { .. }
            | DeleteAttr { .. }
            | StoreSubscr { .. }
            | DeleteSubscr { .. }
            | SetupAnnotations
            | Raise { .. }
            | Reraise { .. }
            | ExitHandler { .. }
            | ImportStar { .. }
            | PrintExpr { .. } => {}
        }
    }

    /// The jump target of a branching instruction.
    pub fn branch_target(&self) -> Option<Label> {
        match *self {
            Instr::Jump { target }
            | Instr::JumpIfTrue { target, .. }
            | Instr::JumpIfFalse { target, .. }
            | Instr::Loop { target, .. } => Some(target),
            Instr::ForIter { exit, .. } => Some(exit),
            _ => None,
        }
    }

    pub fn set_branch_target(&mut self, new: Label) {
        match self {
            Instr::Jump { target }
            | Instr::JumpIfTrue { target, .. }
            | Instr::JumpIfFalse { target, .. }
            | Instr::Loop { target, .. } => *target = new,
            Instr::ForIter { exit, .. } => *exit = new,
            _ => {}
        }
    }

    /// Does control never fall through to the next instruction?
    pub fn ends_block(&self) -> bool {
        matches!(
            self,
            Instr::Jump { .. }
                | Instr::Loop { .. }
                | Instr::Return { .. }
                | Instr::Raise { .. }
                | Instr::Reraise { .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instructions_stay_small() {
        // The interpreter loop reads instructions from a dense array; keep
        // them within 12 bytes so that a hot loop's code stays in cache.
        assert!(std::mem::size_of::<Instr>() <= 12, "{}", std::mem::size_of::<Instr>());
    }
}
