//! The abstract syntax tree of Python 3.8, mirroring CPython 3.8's
//! `Parser/Python.asdl` node for node and field for field, so that the
//! compiler can be written from CPython's `compile.c` and `ast.dump` can be
//! reproduced exactly (see [`super::dump`]).
//!
//! Every statement, expression, `arg` and `excepthandler` carries a [`Loc`]:
//! 1-based lines and 0-based columns counted in UTF-8 bytes, as CPython counts
//! them. `type_comment` fields exist because the ASDL has them; the parser,
//! like `ast.parse` without `type_comments=True`, always leaves them `None`.

use num_bigint::BigInt;

/// Where a node starts and ends: `lineno`, `col_offset`, `end_lineno`,
/// `end_col_offset` of CPython 3.8 (lines from 1, columns in UTF-8 bytes from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Loc {
    pub lineno: u32,
    pub col_offset: u32,
    pub end_lineno: u32,
    pub end_col_offset: u32,
}

/// A name as written in the source (after NFKC normalisation, when done).
pub type Identifier = String;

/// `mod`: what a parse produces, by parse mode.
#[derive(Debug, Clone, PartialEq)]
pub enum Mod {
    /// `exec` mode: a file or `-c` string.
    Module { body: Vec<Stmt>, type_ignores: Vec<TypeIgnore> },
    /// `single` mode: one interactive statement.
    Interactive { body: Vec<Stmt> },
    /// `eval` mode: one expression.
    Expression { body: Box<Expr> },
}

/// `type_ignore = TypeIgnore(int lineno, string tag)`; only produced with
/// `type_comments=True`, which this parser does not do, but kept for the dump.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeIgnore {
    pub lineno: u32,
    pub tag: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub loc: Loc,
}

/// The fields shared by `FunctionDef` and `AsyncFunctionDef`.
#[derive(Debug, Clone, PartialEq)]
pub struct FunctionDef {
    pub name: Identifier,
    pub args: Box<Arguments>,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
    pub returns: Option<Box<Expr>>,
    pub type_comment: Option<String>,
}

/// The fields shared by `For` and `AsyncFor`.
#[derive(Debug, Clone, PartialEq)]
pub struct For {
    pub target: Box<Expr>,
    pub iter: Box<Expr>,
    pub body: Vec<Stmt>,
    pub orelse: Vec<Stmt>,
    pub type_comment: Option<String>,
}

/// The fields shared by `With` and `AsyncWith`.
#[derive(Debug, Clone, PartialEq)]
pub struct With {
    pub items: Vec<WithItem>,
    pub body: Vec<Stmt>,
    pub type_comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    FunctionDef(FunctionDef),
    AsyncFunctionDef(FunctionDef),
    ClassDef {
        name: Identifier,
        bases: Vec<Expr>,
        keywords: Vec<Keyword>,
        body: Vec<Stmt>,
        decorator_list: Vec<Expr>,
    },
    Return {
        value: Option<Box<Expr>>,
    },
    Delete {
        targets: Vec<Expr>,
    },
    Assign {
        targets: Vec<Expr>,
        value: Box<Expr>,
        type_comment: Option<String>,
    },
    AugAssign {
        target: Box<Expr>,
        op: Operator,
        value: Box<Expr>,
    },
    /// `simple` is true for a bare name target not in parentheses.
    AnnAssign {
        target: Box<Expr>,
        annotation: Box<Expr>,
        value: Option<Box<Expr>>,
        simple: bool,
    },
    For(For),
    AsyncFor(For),
    While {
        test: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    If {
        test: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    With(With),
    AsyncWith(With),
    Raise {
        exc: Option<Box<Expr>>,
        cause: Option<Box<Expr>>,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    Assert {
        test: Box<Expr>,
        msg: Option<Box<Expr>>,
    },
    Import {
        names: Vec<Alias>,
    },
    /// `level` is the number of leading dots (0 for an absolute import).
    ImportFrom {
        module: Option<Identifier>,
        names: Vec<Alias>,
        level: u32,
    },
    Global {
        names: Vec<Identifier>,
    },
    Nonlocal {
        names: Vec<Identifier>,
    },
    Expr {
        value: Box<Expr>,
    },
    Pass,
    Break,
    Continue,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub loc: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    /// `target := value`; the target is always a `Name` with `Store`.
    NamedExpr {
        target: Box<Expr>,
        value: Box<Expr>,
    },
    BinOp {
        left: Box<Expr>,
        op: Operator,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Lambda {
        args: Box<Arguments>,
        body: Box<Expr>,
    },
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `keys[i]` is `None` for a `**values[i]` entry.
    Dict {
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    Set {
        elts: Vec<Expr>,
    },
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    Await {
        value: Box<Expr>,
    },
    Yield {
        value: Option<Box<Expr>>,
    },
    YieldFrom {
        value: Box<Expr>,
    },
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    /// One `{...}` of an f-string. `conversion` is -1 (none) or the code of
    /// `'s'`, `'r'` or `'a'`; `format_spec` is a `JoinedStr` when present.
    FormattedValue {
        value: Box<Expr>,
        conversion: i32,
        format_spec: Option<Box<Expr>>,
    },
    /// An f-string: `Constant` str parts and `FormattedValue`s.
    JoinedStr {
        values: Vec<Expr>,
    },
    /// `kind` is `Some("u")` for a string whose first part has the `u` prefix.
    Constant {
        value: Constant,
        kind: Option<String>,
    },
    Attribute {
        value: Box<Expr>,
        attr: Identifier,
        ctx: ExprContext,
    },
    Subscript {
        value: Box<Expr>,
        slice: Box<Slice>,
        ctx: ExprContext,
    },
    Starred {
        value: Box<Expr>,
        ctx: ExprContext,
    },
    Name {
        id: Identifier,
        ctx: ExprContext,
    },
    List {
        elts: Vec<Expr>,
        ctx: ExprContext,
    },
    Tuple {
        elts: Vec<Expr>,
        ctx: ExprContext,
    },
}

/// A literal value: what `Constant.value` holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Int(Int),
    Float(f64),
    /// A pure imaginary literal such as `2j`: the imaginary part.
    Complex {
        imag: f64,
    },
    /// A str that UTF-8 can hold.
    Str(String),
    /// A str holding lone surrogates (`"\ud800"` is legal Python), which a
    /// Rust `String` cannot: its code points.
    StrCodePoints(Vec<u32>),
    Bytes(Vec<u8>),
    Ellipsis,
}

/// An int literal: small ones as `i64`, the rest as big ints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Int {
    Small(i64),
    Big(BigInt),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExprContext {
    Load,
    Store,
    Del,
    AugLoad,
    AugStore,
    Param,
}

/// `slice` of 3.8 (not an expression yet: 3.9 changed that).
#[derive(Debug, Clone, PartialEq)]
pub enum Slice {
    Slice { lower: Option<Box<Expr>>, upper: Option<Box<Expr>>, step: Option<Box<Expr>> },
    ExtSlice { dims: Vec<Slice> },
    Index { value: Box<Expr> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

/// One `for ... in ... if ...` clause of a comprehension.
#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

/// `except type as name: body`.
#[derive(Debug, Clone, PartialEq)]
pub struct ExceptHandler {
    pub type_: Option<Box<Expr>>,
    pub name: Option<Identifier>,
    pub body: Vec<Stmt>,
    pub loc: Loc,
}

/// A parameter list. `defaults` belong to the last of `posonlyargs + args`;
/// `kw_defaults[i]` to `kwonlyargs[i]` (`None` when it has none).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Arguments {
    pub posonlyargs: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Arg>,
    pub kwonlyargs: Vec<Arg>,
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Arg>,
    pub defaults: Vec<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    pub arg: Identifier,
    pub annotation: Option<Box<Expr>>,
    pub type_comment: Option<String>,
    pub loc: Loc,
}

/// `arg=value` in a call or class header; `arg` is `None` for `**value`.
/// (3.8's `keyword` has no position.)
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    pub arg: Option<Identifier>,
    pub value: Expr,
}

/// `name as asname` in an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    pub name: Identifier,
    pub asname: Option<Identifier>,
}

/// `context_expr as optional_vars` in a `with`.
#[derive(Debug, Clone, PartialEq)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Box<Expr>>,
}
