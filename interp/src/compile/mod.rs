//! The compiler: AST to register bytecode.
//!
//! | module | owns |
//! |---|---|
//! | [`symtable`] | scope analysis: local, global, free and cell names per block |
//! | [`compiler`] | compiler state, code-unit stack, name resolution, frame blocks |
//! | [`unit`] | building one code unit: labels, constants, slots, line and exception tables |
//! | [`expr`] | expressions |
//! | [`fold`] | CPython's AST constant folding, as annotation strings show it |
//! | [`stmt`] | statements, assignment targets, loops, imports |
//! | [`exceptions`] | `try`, `with`, `async for`, unwinding for `return`/`break`/`continue` |
//! | [`function`] | `def`, `lambda`, `class`, comprehensions |
//! | [`definite`] | definite-assignment pass removing needless unbound-local checks |
//! | [`visit`] | small AST walkers |
//! | [`error`] | compile errors |
//! | [`warnings`] | SyntaxWarnings for legal but suspicious code (`x is 1`) |

pub mod compiler;
pub mod definite;
pub mod error;
pub mod exceptions;
pub mod expr;
pub mod fold;
pub mod function;
pub mod stmt;
pub mod symtable;
pub mod unit;
pub mod unparse;
pub mod visit;
pub mod warnings;

pub use error::CompileError;

use crate::bytecode::{CodeUnit, Instr};
use crate::parse::ast::Mod;
use compiler::Compiler;
use std::rc::Rc;

/// Compiles a parsed module (or `eval`/`single` input) to its code unit,
/// writing its SyntaxWarnings to stderr as CPython does while compiling.
pub fn compile(module: &Mod, filename: &str, optimize: u32) -> Result<Rc<CodeUnit>, CompileError> {
    let (code, found) = compile_with_warnings(module, filename, optimize)?;
    if !found.is_empty() {
        let text: String = found.iter().map(|w| warnings::format_warning(filename, w)).collect();
        let mut err = std::io::stderr().lock();
        // Nothing sensible to do when stderr is gone; CPython ignores it too.
        let _ = std::io::Write::write_all(&mut err, text.as_bytes());
    }
    Ok(code)
}

/// [`compile`] without printing: the code unit and the warnings found.
pub fn compile_with_warnings(
    module: &Mod,
    filename: &str,
    optimize: u32,
) -> Result<(Rc<CodeUnit>, Vec<warnings::SyntaxWarning>), CompileError> {
    compile_with_flags(module, filename, optimize, false)
}

/// [`compile_with_warnings`], with `top_level_await` as `compile()`'s
/// `PyCF_ALLOW_TOP_LEVEL_AWAIT` flag: `await`, `async for`, `async with`
/// and asynchronous comprehensions may stand in the module's own code,
/// which then compiles to a coroutine's code when it uses them.
pub fn compile_with_flags(
    module: &Mod,
    filename: &str,
    optimize: u32,
    top_level_await: bool,
) -> Result<(Rc<CodeUnit>, Vec<warnings::SyntaxWarning>), CompileError> {
    let table = symtable::build(module, filename)?;
    let mut c = Compiler::new(table, filename, optimize);
    c.top_level_await = top_level_await;
    match module {
        Mod::Module { body, .. } => {
            if let Some(first) = body.first() {
                c.cur.unit.code.first_line = first.loc.lineno;
            }
            let (annotations, allowed) = future_prefix(body);
            c.future_annotations = annotations;
            c.allowed_future_imports = Some(allowed);
            c.namespace_body(body)?;
            c.implicit_return();
        }
        Mod::Interactive { body } => {
            c.interactive = true;
            c.stmts(body)?;
            c.implicit_return();
        }
        Mod::Expression { body } => {
            let t = c.cur.unit.temp();
            c.expr_to(body, t)?;
            c.emit(Instr::Return { src: t });
        }
    }
    if c.out_of_registers || c.cur.unit.out_of_registers {
        return Err(CompileError::syntax(
            "too many local variables and temporaries in one function for tachyon's frames",
            filename,
            1,
            0,
        ));
    }
    let found = std::mem::take(&mut c.warnings);
    let code = definite::remove_proven_checks(c.cur.unit.finish());
    Ok((Rc::new(code), found))
}

/// Whether the module starts (after its docstring) with
/// `from __future__ import annotations` (PEP 563), and the addresses of
/// the future imports that start it (any other is a SyntaxError).
fn future_prefix(body: &[crate::parse::ast::Stmt]) -> (bool, Vec<usize>) {
    let mut allowed = Vec::new();
    let annotations = future_imports(body, &mut allowed);
    (annotations, allowed)
}

fn future_imports(body: &[crate::parse::ast::Stmt], allowed: &mut Vec<usize>) -> bool {
    use crate::parse::ast::{ExprKind, StmtKind};
    let mut stmts = body.iter().peekable();
    if let Some(first) = stmts.peek() {
        if let StmtKind::Expr { value } = &first.kind {
            if matches!(
                value.kind,
                ExprKind::Constant { value: crate::parse::ast::Constant::Str(_), .. }
            ) {
                stmts.next();
            }
        }
    }
    let mut annotations = false;
    for s in stmts {
        match &s.kind {
            StmtKind::ImportFrom { module: Some(m), names, level: 0 } if m == "__future__" => {
                allowed.push(s as *const _ as usize);
                annotations |= names.iter().any(|a| a.name == "annotations");
            }
            _ => break,
        }
    }
    annotations
}
