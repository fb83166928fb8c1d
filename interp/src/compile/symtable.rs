//! Scope analysis: which names are local, global, free or cell in each
//! block, as CPython 3.8's `Python/symtable.c` decides it.
//!
//! Two passes, as there: [`build`] walks the tree and records, per block,
//! how each name is used (flags); `analyze` then resolves every name to a
//! [`Scope`] by passing the names bound in enclosing functions down and the
//! free names of nested blocks up. Blocks are keyed by the address of the AST
//! node that opens them, which is stable while the tree is borrowed.

use super::error::CompileError;
use crate::parse::ast::*;
use std::collections::{HashMap, HashSet};

/// How a name is used within one block (CPython's `DEF_*` flags).
pub mod flags {
    pub const GLOBAL: u16 = 1;
    pub const LOCAL: u16 = 2;
    pub const PARAM: u16 = 4;
    pub const NONLOCAL: u16 = 8;
    pub const USE: u16 = 16;
    pub const FREE_CLASS: u16 = 32;
    pub const IMPORT: u16 = 64;
    pub const ANNOT: u16 = 128;
    pub const COMP_ITER: u16 = 256;
    /// A name bound in the block.
    pub const BOUND: u16 = LOCAL | PARAM | IMPORT;
}

/// Where a name lives, resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Module,
    Class,
    Function,
}

pub type BlockId = usize;

/// One block: a module, class body, function, lambda or comprehension.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    pub name: String,
    /// Names in first-use order with their flags.
    pub symbols: Vec<(String, u16)>,
    index: HashMap<String, usize>,
    /// Resolved scopes, filled by `analyze`.
    pub scopes: HashMap<String, Scope>,
    /// Parameters in declaration order (`co_varnames` starts with these).
    pub params: Vec<String>,
    pub children: Vec<BlockId>,
    pub nested: bool,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub is_comprehension: bool,
    /// A class whose methods use `__class__` or `super()`.
    pub needs_class_closure: bool,
    /// Line of the node that opened the block.
    pub lineno: u32,
    pub col: u32,
    /// Where `yield`/`await` first appear, for error messages in comprehensions.
    comp_yield: Option<(u32, u32, &'static str)>,
    /// Where each `global`/`nonlocal` name was declared, for error positions.
    directives: HashMap<String, (u32, u32)>,
    /// Depth inside a comprehension's iterable expression, where `:=` is illegal.
    comp_iter_expr: u32,
}

impl Block {
    fn new(kind: BlockKind, name: &str, lineno: u32, col: u32) -> Block {
        Block {
            kind,
            name: name.to_string(),
            symbols: Vec::new(),
            index: HashMap::new(),
            scopes: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            nested: false,
            is_generator: false,
            is_coroutine: false,
            is_comprehension: false,
            needs_class_closure: false,
            lineno,
            col,
            comp_yield: None,
            directives: HashMap::new(),
            comp_iter_expr: 0,
        }
    }

    pub fn flags_of(&self, name: &str) -> u16 {
        self.index.get(name).map(|&i| self.symbols[i].1).unwrap_or(0)
    }

    pub fn scope_of(&self, name: &str) -> Option<Scope> {
        self.scopes.get(name).copied()
    }

    fn add_flags(&mut self, name: &str, add: u16) {
        match self.index.get(name) {
            Some(&i) => self.symbols[i].1 |= add,
            None => {
                self.index.insert(name.to_string(), self.symbols.len());
                self.symbols.push((name.to_string(), add));
            }
        }
    }
}

/// The analysed blocks of one module.
#[derive(Debug)]
pub struct SymbolTable {
    pub blocks: Vec<Block>,
    by_node: HashMap<usize, BlockId>,
}

impl SymbolTable {
    /// The block opened by the AST node at `node` (a `Stmt`, `Expr` or the module).
    pub fn block_of<T>(&self, node: &T) -> Option<BlockId> {
        self.by_node.get(&(node as *const T as usize)).copied()
    }
}

/// `__class__` is special: methods that use it (or `super`) get it as a free
/// variable bound by the class block.
const CLASS_CELL: &str = "__class__";

/// Mangles a private name (`__x` inside class `C` becomes `_C__x`), as
/// CPython's `_Py_Mangle` does.
pub fn mangle(class_name: Option<&str>, name: &str) -> String {
    let Some(class_name) = class_name else { return name.to_string() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// Builds and analyses the symbol table of a module.
pub fn build(module: &Mod, filename: &str) -> Result<SymbolTable, CompileError> {
    let mut builder = Builder {
        table: SymbolTable { blocks: Vec::new(), by_node: HashMap::new() },
        stack: Vec::new(),
        class_names: Vec::new(),
        filename: filename.to_string(),
    };
    builder.enter(BlockKind::Module, "top", module as *const Mod as usize, 1, 0);
    match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => builder.stmts(body)?,
        Mod::Expression { body } => builder.expr(body)?,
    }
    builder.leave();
    let mut table = builder.table;
    analyze(&mut table, filename)?;
    Ok(table)
}

struct Builder {
    table: SymbolTable,
    stack: Vec<BlockId>,
    /// Enclosing class names, innermost last, for private-name mangling.
    class_names: Vec<Option<String>>,
    filename: String,
}

impl Builder {
    fn error(&self, msg: String, lineno: u32, col: u32) -> CompileError {
        CompileError::syntax(msg, &self.filename, lineno, col)
    }

    fn enter(&mut self, kind: BlockKind, name: &str, key: usize, lineno: u32, col: u32) {
        let id = self.table.blocks.len();
        let mut block = Block::new(kind, name, lineno, col);
        if let Some(&parent) = self.stack.last() {
            let parent_block = &self.table.blocks[parent];
            block.nested = parent_block.nested || parent_block.kind == BlockKind::Function;
            self.table.blocks[parent].children.push(id);
        }
        self.table.blocks.push(block);
        self.table.by_node.insert(key, id);
        self.stack.push(id);
        if kind == BlockKind::Class {
            self.class_names.push(Some(name.to_string()));
        } else if kind == BlockKind::Function {
            // Functions inside a class still mangle with that class's name.
            let current = self.class_names.last().cloned().flatten();
            self.class_names.push(current);
        } else {
            self.class_names.push(None);
        }
    }

    fn leave(&mut self) {
        self.stack.pop();
        self.class_names.pop();
    }

    fn current(&mut self) -> &mut Block {
        let id = *self.stack.last().expect("a block is always open");
        &mut self.table.blocks[id]
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.class_names.last().and_then(|c| c.as_deref()), name)
    }

    fn add_def(&mut self, name: &str, flag: u16) -> Result<(), CompileError> {
        let name = self.mangled(name);
        let block_id = *self.stack.last().expect("a block is always open");
        let old = self.table.blocks[block_id].flags_of(&name);
        if flag & flags::PARAM != 0 && old & flags::PARAM != 0 {
            let block = &self.table.blocks[block_id];
            return Err(self.error(
                format!("duplicate argument '{name}' in function definition"),
                block.lineno,
                block.col,
            ));
        }
        self.table.blocks[block_id].add_flags(&name, flag);
        if flag & flags::GLOBAL != 0 {
            // CPython's `symtable_add_def` records every `global` in the
            // top block's symbols too, so the module's own uses of the name
            // become explicitly global (`STORE_GLOBAL`, not `STORE_NAME`):
            // observable with `exec(code, globals, locals)`.
            self.table.blocks[0].add_flags(&name, flags::GLOBAL);
        }
        if flag & flags::PARAM != 0 {
            self.table.blocks[block_id].params.push(name.clone());
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), CompileError> {
        for stmt in body {
            self.stmt(stmt)?;
        }
        Ok(())
    }

    fn exprs(&mut self, list: &[Expr]) -> Result<(), CompileError> {
        for e in list {
            self.expr(e)?;
        }
        Ok(())
    }

    fn stmt(&mut self, stmt: &Stmt) -> Result<(), CompileError> {
        let (line, col) = (stmt.loc.lineno, stmt.loc.col_offset);
        match &stmt.kind {
            StmtKind::FunctionDef(def) | StmtKind::AsyncFunctionDef(def) => {
                self.add_def(&def.name, flags::LOCAL)?;
                self.arguments_defaults(&def.args)?;
                self.annotations(&def.args, def.returns.as_deref())?;
                self.exprs(&def.decorator_list)?;
                self.enter(BlockKind::Function, &def.name, stmt as *const Stmt as usize, line, col);
                if matches!(stmt.kind, StmtKind::AsyncFunctionDef(_)) {
                    self.current().is_coroutine = true;
                }
                self.parameters(&def.args)?;
                self.stmts(&def.body)?;
                self.leave();
            }
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list } => {
                self.add_def(name, flags::LOCAL)?;
                self.exprs(bases)?;
                for kw in keywords {
                    self.expr(&kw.value)?;
                }
                self.exprs(decorator_list)?;
                self.enter(BlockKind::Class, name, stmt as *const Stmt as usize, line, col);
                self.stmts(body)?;
                self.leave();
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete { targets } => self.exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.exprs(targets)?;
                self.expr(value)?;
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let ExprKind::Name { id, .. } = &target.kind {
                    let mangled = self.mangled(id);
                    let cur = self.current().flags_of(&mangled);
                    if cur & (flags::GLOBAL | flags::NONLOCAL) != 0 {
                        let which = if cur & flags::GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(self.error(
                            format!("annotated name '{id}' can't be {which}"),
                            line,
                            col,
                        ));
                    }
                    if *simple {
                        self.add_def(id, flags::ANNOT | flags::LOCAL)?;
                    } else if value.is_some() {
                        self.add_def(id, flags::LOCAL)?;
                    }
                } else {
                    self.expr(target)?;
                }
                self.expr(annotation)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.expr(value)?;
            }
            StmtKind::For(f) | StmtKind::AsyncFor(f) => {
                self.expr(&f.target)?;
                self.expr(&f.iter)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With(w) | StmtKind::AsyncWith(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(vars) = &item.optional_vars {
                        self.expr(vars)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.stmts(body)?;
                self.stmts(orelse)?;
                for h in handlers {
                    if let Some(t) = &h.type_ {
                        self.expr(t)?;
                    }
                    if let Some(name) = &h.name {
                        self.add_def(name, flags::LOCAL)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for alias in names {
                    if alias.name == "*" {
                        let block = self.current();
                        if block.kind != BlockKind::Module {
                            let (bl, bc) = (block.lineno, block.col);
                            return Err(self.error(
                                "import * only allowed at module level".into(),
                                bl,
                                bc,
                            ));
                        }
                        continue;
                    }
                    let stored = match &alias.asname {
                        Some(asname) => asname.clone(),
                        None => alias.name.split('.').next().unwrap_or("").to_string(),
                    };
                    self.add_def(&stored, flags::IMPORT)?;
                }
            }
            StmtKind::Global { names } => self.declare(names, flags::GLOBAL, line, col)?,
            StmtKind::Nonlocal { names } => {
                // CPython checks the names first (symtable_visit_stmt) and
                // the module level later (analyze_name).
                self.declare(names, flags::NONLOCAL, line, col)?;
                if self.current().kind == BlockKind::Module {
                    return Err(self.error(
                        "nonlocal declaration not allowed at module level".into(),
                        line,
                        col,
                    ));
                }
            }
            StmtKind::Expr { value } => self.expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    fn declare(
        &mut self,
        names: &[String],
        flag: u16,
        line: u32,
        col: u32,
    ) -> Result<(), CompileError> {
        let which = if flag == flags::GLOBAL { "global" } else { "nonlocal" };
        for name in names {
            let mangled = self.mangled(name);
            let cur = self.current().flags_of(&mangled);
            let problem = if cur & flags::PARAM != 0 {
                Some(format!("name '{name}' is parameter and {which}"))
            } else if cur & flags::ANNOT != 0 {
                Some(format!("annotated name '{name}' can't be {which}"))
            } else if cur & (flags::LOCAL | flags::IMPORT) != 0 {
                Some(format!("name '{name}' is assigned to before {which} declaration"))
            } else if cur & flags::USE != 0 {
                Some(format!("name '{name}' is used prior to {which} declaration"))
            } else if cur & (flags::GLOBAL | flags::NONLOCAL) & !flag != 0 {
                Some(format!("name '{name}' is nonlocal and global"))
            } else {
                None
            };
            if let Some(msg) = problem {
                // CPython reports the clash at the name's first directive.
                let clash = cur & (flags::GLOBAL | flags::NONLOCAL) & !flag != 0;
                let first = self.current().directives.get(&mangled).copied();
                let (line, col) = first.filter(|_| clash).unwrap_or((line, col));
                return Err(self.error(msg, line, col));
            }
            self.add_def(name, flag)?;
            // The first directive for a name is where CPython reports it.
            self.current().directives.entry(mangled).or_insert((line, col));
        }
        Ok(())
    }

    fn arguments_defaults(&mut self, args: &Arguments) -> Result<(), CompileError> {
        self.exprs(&args.defaults)?;
        for d in args.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        Ok(())
    }

    fn annotations(
        &mut self,
        args: &Arguments,
        returns: Option<&Expr>,
    ) -> Result<(), CompileError> {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(args.vararg.iter())
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.iter());
        for arg in all {
            if let Some(a) = &arg.annotation {
                self.expr(a)?;
            }
        }
        if let Some(r) = returns {
            self.expr(r)?;
        }
        Ok(())
    }

    fn parameters(&mut self, args: &Arguments) -> Result<(), CompileError> {
        for arg in args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs) {
            self.add_def(&arg.arg, flags::PARAM)?;
        }
        // CPython orders co_varnames as positional, keyword-only, *args, **kwargs.
        let block = self.current();
        let kwonly: Vec<String> =
            block.params.drain(args.posonlyargs.len() + args.args.len()..).collect();
        block.params.extend(kwonly);
        if let Some(v) = &args.vararg {
            self.add_def(&v.arg, flags::PARAM)?;
        }
        if let Some(k) = &args.kwarg {
            self.add_def(&k.arg, flags::PARAM)?;
        }
        Ok(())
    }

    fn note_yield(&mut self, what: &'static str, line: u32, col: u32) -> Result<(), CompileError> {
        let block = self.current();
        if block.is_comprehension {
            if block.comp_yield.is_none() {
                block.comp_yield = Some((line, col, what));
            }
        } else if block.kind == BlockKind::Function && what == "yield" {
            block.is_generator = true;
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), CompileError> {
        let (line, col) = (e.loc.lineno, e.loc.col_offset);
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.named_expr_target(target)?;
            }
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.arguments_defaults(args)?;
                self.enter(BlockKind::Function, "lambda", e as *const Expr as usize, line, col);
                self.parameters(args)?;
                self.expr(body)?;
                self.leave();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(values)?;
            }
            ExprKind::Set { elts } => self.exprs(elts)?,
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "listcomp", generators, &[elt])?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "setcomp", generators, &[elt])?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "genexpr", generators, &[elt])?
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, "dictcomp", generators, &[key, value])?
            }
            ExprKind::Await { value } => {
                self.note_yield("await", line, col)?;
                self.expr(value)?;
            }
            ExprKind::Yield { value } => {
                self.note_yield("yield", line, col)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            ExprKind::YieldFrom { value } => {
                self.note_yield("yield", line, col)?;
                self.expr(value)?;
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func)?;
                self.exprs(args)?;
                for kw in keywords {
                    self.expr(&kw.value)?;
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value)?;
                if let Some(spec) = format_spec {
                    self.expr(spec)?;
                }
            }
            ExprKind::JoinedStr { values } => self.exprs(values)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.slice(slice)?;
            }
            ExprKind::Starred { value, .. } => self.expr(value)?,
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ExprContext::Load { flags::USE } else { flags::LOCAL };
                self.add_def(id, flag)?;
                // `super()` in a method needs the implicit `__class__` cell.
                if *ctx == ExprContext::Load
                    && id == "super"
                    && self.current().kind == BlockKind::Function
                {
                    self.add_def(CLASS_CELL, flags::USE)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.exprs(elts)?,
        }
        Ok(())
    }

    fn slice(&mut self, slice: &Slice) -> Result<(), CompileError> {
        match slice {
            Slice::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
            }
            Slice::ExtSlice { dims } => {
                for d in dims {
                    self.slice(d)?;
                }
            }
            Slice::Index { value } => self.expr(value)?,
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        node: &Expr,
        name: &str,
        generators: &[Comprehension],
        elements: &[&Expr],
    ) -> Result<(), CompileError> {
        let (line, col) = (node.loc.lineno, node.loc.col_offset);
        let first = &generators[0];
        // The outermost iterable is evaluated in the enclosing block.
        self.current().comp_iter_expr += 1;
        let outer = self.expr(&first.iter);
        self.current().comp_iter_expr -= 1;
        outer?;
        let is_generator = name == "genexpr";
        self.enter(
            BlockKind::Function,
            &format!("<{name}>"),
            node as *const Expr as usize,
            line,
            col,
        );
        self.current().is_comprehension = true;
        if is_generator {
            self.current().is_generator = true;
        }
        if first.is_async {
            self.current().is_coroutine = true;
        }
        self.add_def(".0", flags::PARAM)?;
        self.comp_target(&first.target)?;
        self.exprs(&first.ifs)?;
        for gen in &generators[1..] {
            self.current().comp_iter_expr += 1;
            let r = self.expr(&gen.iter);
            self.current().comp_iter_expr -= 1;
            r?;
            self.comp_target(&gen.target)?;
            self.exprs(&gen.ifs)?;
            if gen.is_async {
                self.current().is_coroutine = true;
            }
        }
        for elt in elements {
            self.expr(elt)?;
        }
        let block = self.current();
        if let Some((_, _, what)) = block.comp_yield {
            let kind = match name {
                "listcomp" => "list comprehension",
                "setcomp" => "set comprehension",
                "dictcomp" => "dict comprehension",
                _ => "generator expression",
            };
            if what == "yield" {
                return Err(self.error(format!("'yield' inside {kind}"), line, col));
            }
            // `[await c for c in cs]` is an asynchronous comprehension, as
            // one with `async for` (CPython sets `ste_coroutine` on await).
            self.current().is_coroutine = true;
        }
        self.leave();
        Ok(())
    }

    fn comp_target(&mut self, target: &Expr) -> Result<(), CompileError> {
        let before = self.current().symbols.len();
        self.expr(target)?;
        // Iteration variables may not be rebound by `:=` inside the comprehension.
        let block = self.current();
        for entry in &mut block.symbols[before..] {
            entry.1 |= flags::COMP_ITER;
        }
        mark_comp_iter_names(block, target);
        Ok(())
    }

    /// PEP 572: a `:=` target inside comprehensions binds in the nearest
    /// enclosing function (or module) block.
    fn named_expr_target(&mut self, target: &Expr) -> Result<(), CompileError> {
        let ExprKind::Name { id, .. } = &target.kind else {
            return self.expr(target);
        };
        let (line, col) = (target.loc.lineno, target.loc.col_offset);
        if self.current().comp_iter_expr > 0 {
            return Err(self
                .error(
                    "assignment expression cannot be used in a comprehension iterable expression"
                        .into(),
                    line,
                    col,
                )
                .caret_one_left());
        }
        if !self.current().is_comprehension {
            return self.expr(target);
        }
        for depth in (0..self.stack.len()).rev() {
            let id_block = self.stack[depth];
            let block = &self.table.blocks[id_block];
            if block.is_comprehension {
                if block.flags_of(id) & flags::COMP_ITER != 0 {
                    return Err(self
                        .error(
                            format!("assignment expression cannot rebind comprehension iteration variable '{id}'"),
                            line,
                            col,
                        )
                        .caret_one_left());
                }
                continue;
            }
            match block.kind {
                // A function that declares the name `global` binds it
                // globally from the comprehension too (CPython's
                // `symtable_extend_namedexpr_scope`).
                BlockKind::Function if block.flags_of(id) & flags::GLOBAL != 0 => {
                    self.current().add_flags(id, flags::GLOBAL);
                    self.mark_global_chain(depth, id);
                    return Ok(());
                }
                BlockKind::Function => {
                    self.table.blocks[id_block].add_flags(id, flags::LOCAL);
                    self.current().add_flags(id, flags::NONLOCAL);
                    self.mark_nonlocal_chain(depth, id);
                    return Ok(());
                }
                BlockKind::Module => {
                    self.table.blocks[id_block].add_flags(id, flags::LOCAL);
                    self.current().add_flags(id, flags::GLOBAL);
                    self.mark_global_chain(depth, id);
                    return Ok(());
                }
                BlockKind::Class => {
                    return Err(self
                        .error(
                            "assignment expression within a comprehension cannot be used in a class body".into(),
                            line,
                            col,
                        )
                        .caret_one_left());
                }
            }
        }
        self.expr(target)
    }

    /// Comprehensions between the binding function and the current one pass
    /// the name through as free.
    fn mark_nonlocal_chain(&mut self, depth: usize, id: &str) {
        for &between in &self.stack[depth + 1..] {
            self.table.blocks[between].add_flags(id, flags::NONLOCAL);
        }
    }

    fn mark_global_chain(&mut self, depth: usize, id: &str) {
        for &between in &self.stack[depth + 1..] {
            self.table.blocks[between].add_flags(id, flags::GLOBAL);
        }
    }
}

fn mark_comp_iter_names(block: &mut Block, target: &Expr) {
    match &target.kind {
        ExprKind::Name { id, .. } => block.add_flags(id, flags::COMP_ITER),
        ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
            for e in elts {
                mark_comp_iter_names(block, e);
            }
        }
        ExprKind::Starred { value, .. } => mark_comp_iter_names(block, value),
        _ => {}
    }
}

/// The second pass: resolves every name of every block.
fn analyze(table: &mut SymbolTable, filename: &str) -> Result<(), CompileError> {
    let mut free = HashSet::new();
    analyze_block(table, 0, HashSet::new(), &mut free, HashSet::new(), filename)
}

/// CPython's `analyze_block`: `bound` holds the names bound by enclosing
/// functions, `global` the names declared global above; the free names of
/// this block and its children are added to `free`.
fn analyze_block(
    table: &mut SymbolTable,
    id: BlockId,
    mut bound: HashSet<String>,
    free: &mut HashSet<String>,
    mut global: HashSet<String>,
    filename: &str,
) -> Result<(), CompileError> {
    let kind = table.blocks[id].kind;
    let mut local = HashSet::new();
    let mut scopes = HashMap::new();
    let mut new_bound = HashSet::new();
    let mut new_global = HashSet::new();
    if kind == BlockKind::Class {
        // A class namespace is invisible to nested functions.
        new_global.extend(global.iter().cloned());
        new_bound.extend(bound.iter().cloned());
    }
    let symbols = table.blocks[id].symbols.clone();
    for (name, fl) in &symbols {
        let scope = if fl & flags::GLOBAL != 0 {
            global.insert(name.clone());
            bound.remove(name);
            Scope::GlobalExplicit
        } else if fl & flags::NONLOCAL != 0 {
            if !bound.contains(name) {
                let block = &table.blocks[id];
                let (line, col) =
                    block.directives.get(name).copied().unwrap_or((block.lineno, block.col));
                return Err(CompileError::syntax(
                    format!("no binding for nonlocal '{name}' found"),
                    filename,
                    line,
                    col,
                ));
            }
            free.insert(name.clone());
            Scope::Free
        } else if fl & flags::BOUND != 0 {
            local.insert(name.clone());
            global.remove(name);
            Scope::Local
        } else if bound.contains(name) {
            free.insert(name.clone());
            Scope::Free
        } else {
            Scope::GlobalImplicit
        };
        scopes.insert(name.clone(), scope);
    }
    if kind == BlockKind::Class {
        new_bound.insert(CLASS_CELL.to_string());
    } else {
        if kind == BlockKind::Function {
            new_bound.extend(local.iter().cloned());
        }
        new_bound.extend(bound.iter().cloned());
        new_global.extend(global.iter().cloned());
    }
    let mut new_free = HashSet::new();
    for child in table.blocks[id].children.clone() {
        let mut child_free = HashSet::new();
        analyze_block(
            table,
            child,
            new_bound.clone(),
            &mut child_free,
            new_global.clone(),
            filename,
        )?;
        new_free.extend(child_free);
    }
    match kind {
        BlockKind::Function => {
            // Locals that nested blocks use become cells.
            for (name, scope) in scopes.iter_mut() {
                if *scope == Scope::Local && new_free.remove(name) {
                    *scope = Scope::Cell;
                }
            }
        }
        BlockKind::Class => {
            if new_free.remove(CLASS_CELL) {
                table.blocks[id].needs_class_closure = true;
            }
        }
        BlockKind::Module => {}
    }
    // CPython's `update_symbols`: free names of children pass through.
    for name in &new_free {
        if scopes.contains_key(name) {
            let fl = table.blocks[id].flags_of(name);
            if kind == BlockKind::Class && fl & (flags::BOUND | flags::GLOBAL) != 0 {
                table.blocks[id].add_flags(name, flags::FREE_CLASS);
            }
            continue;
        }
        if !bound.contains(name) {
            continue; // a global
        }
        scopes.insert(name.clone(), Scope::Free);
        table.blocks[id].add_flags(name, 0);
    }
    free.extend(new_free);
    table.blocks[id].scopes = scopes;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mangling_follows_cpython() {
        assert_eq!(mangle(Some("C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("_C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("C"), "__x__"), "__x__");
        assert_eq!(mangle(Some("___"), "__x"), "__x");
        assert_eq!(mangle(None, "__x"), "__x");
    }
}
