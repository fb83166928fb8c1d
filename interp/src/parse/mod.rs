//! Python 3.8 source to AST, as CPython 3.8's tokenizer, parser and
//! `ast.c` do it, and `ast.dump` of the result.
//!
//! Entry points, by where the source comes from (they differ only in
//! decoding and in where errors at the end of the input are placed, as in
//! CPython): [`parse_bytes`] for a file (`python3.8 FILE.py`, `import`),
//! [`parse_str`] for a str (`compile()`/`exec()` of a str; `-c` with a
//! newline appended, as CPython does), [`parse_bytes_as_string`] for
//! `compile()` of bytes. Trees are at most [`parser::MAX_DEPTH`] deep;
//! code that walks them recursively can run in [`on_big_stack`].
//!
//! | module | owns |
//! |---|---|
//! | [`ast`] | the tree: CPython 3.8's `Python.asdl` as Rust types |
//! | [`source`] | bytes to text: BOM, encoding declaration, newlines |
//! | [`token`] | token kinds, keywords, operators |
//! | [`lexer`] | the tokenizer: indentation, names, numbers, strings, operators |
//! | [`strings`] | escapes of str and bytes literals, f-string splitting |
//! | [`parser`] | the recursive-descent parser and ast.c's checks |
//! | [`error`] | `SyntaxError`/`IndentationError`/`TabError` and their printed form |
//! | [`dump`] | `ast.dump` text of a tree |

pub mod ast;
pub mod dump;
pub mod error;
pub mod lexer;
pub mod parser;
pub mod source;
pub mod strings;
pub mod token;

#[cfg(test)]
mod robustness_tests;

pub use error::{ErrorKind, SyntaxError};
pub use parser::Mode;

/// Stack for the parsing thread: enough for the deepest tree the parser
/// allows ([`parser::MAX_DEPTH`]) in unoptimised builds too.
const PARSER_STACK: usize = 256 << 20;

/// Parses source text given as a string (`-c`, `compile()`, `exec()`):
/// any line ends, final newline optional.
pub fn parse_str(source: &str, filename: &str, mode: Mode) -> Result<ast::Mod, Box<SyntaxError>> {
    if source.contains('\0') {
        // compile() raises ValueError with this text; the caller chooses the type.
        return Err(Box::new(SyntaxError {
            kind: ErrorKind::SyntaxError,
            msg: "source code string cannot contain null bytes".into(),
            filename: filename.into(),
            lineno: 0,
            offset: None,
            text: None,
        }));
    }
    let unterminated = mode != Mode::Module && !source.ends_with(['\n', '\r']);
    let text = source::normalize_newlines(source.to_string());
    on_big_stack(|| {
        let mut parser = parser::Parser::new(&text, filename, 1, 0, true);
        if unterminated {
            parser.set_unterminated();
        }
        parser.parse(mode)
    })
}

/// Parses a source file's bytes: decodes them (PEP 263) first. Errors are
/// placed as for a file (`python3.8 FILE.py`, `import`).
pub fn parse_bytes(bytes: &[u8], filename: &str, mode: Mode) -> Result<ast::Mod, Box<SyntaxError>> {
    let cleaned;
    let bytes = if bytes.contains(&0) {
        cleaned = source::drop_after_nul(bytes);
        &cleaned[..]
    } else {
        bytes
    };
    let text = source::decode(bytes, filename)?;
    parse_text(&text, filename, mode, false)
}

/// Parses source bytes given as a string, as `compile()` and `ast.parse()`
/// of bytes do: decoded by their coding declaration, with errors placed as
/// for a string.
pub fn parse_bytes_as_string(
    bytes: &[u8],
    filename: &str,
    mode: Mode,
) -> Result<ast::Mod, Box<SyntaxError>> {
    if bytes.contains(&0) {
        return parse_str("\0", filename, mode);
    }
    let (text, invalid) = source::decode_string_input(bytes, filename)?;
    on_big_stack(|| {
        let mut parser = parser::Parser::new(&text, filename, 1, 0, true);
        parser.set_invalid_utf8(invalid);
        parser.parse(mode)
    })
}

/// Runs the parser on a thread with a stack sized for [`parser::MAX_DEPTH`],
/// so that no input can overflow the caller's stack.
fn parse_text(
    text: &str,
    filename: &str,
    mode: Mode,
    string_input: bool,
) -> Result<ast::Mod, Box<SyntaxError>> {
    on_big_stack(|| parser::Parser::new(text, filename, 1, 0, string_input).parse(mode))
}

/// Runs `f` on a scoped thread whose stack holds a recursion over the
/// deepest tree the parser builds, even in unoptimised builds. Whatever walks
/// a tree recursively (the dump, a compiler) can use it too.
pub fn on_big_stack<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    std::thread::scope(|scope| {
        let builder = std::thread::Builder::new().stack_size(PARSER_STACK);
        match builder.spawn_scoped(scope, f) {
            Ok(handle) => match handle.join() {
                Ok(result) => result,
                Err(panic) => std::panic::resume_unwind(panic),
            },
            Err(err) => panic!("cannot start a thread for the parser: {err}"),
        }
    })
}
