//! The recursive-descent parser: CPython 3.8's `Grammar/Grammar` rule by
//! rule, building the tree the way `Python/ast.c` does, including the checks
//! ast.c makes (assignment targets, argument order, ...).
//!
//! CPython parses a whole file before building its AST, so a grammar error
//! anywhere wins over an ast.c error earlier in the file: ast.c errors are
//! kept as *pending* until the parse ends.
//!
//! Recursion is bounded: brackets by the lexer (200, as CPython), blocks by
//! indentation (100 levels), and everything else that deepens the tree by
//! [`MAX_DEPTH`], beyond which the parse fails with "too many nested
//! parentheses" rather than overflowing the stack.
//!
//! | module | owns |
//! |---|---|
//! | `stmt` | statements, blocks, imports |
//! | `expr` | expressions, comprehensions, subscripts |
//! | `args` | parameter lists and call arguments |
//! | `targets` | assignment/deletion targets (`set_context`) |
//! | `literal` | numbers and (f-)string atoms |

mod args;
mod expr;
mod literal;
mod stmt;
mod targets;

use super::ast::{Expr, Loc, Mod};
use super::error::{ErrorKind, SyntaxError};
use super::lexer;
use super::source::InvalidByte;
use super::token::{Kw, Op, Tok, Token};

/// The deepest expression tree the parser builds (nesting plus chained
/// operators, trailers and unary operators).
pub const MAX_DEPTH: usize = 3000;

pub(super) type PResult<T> = Result<T, Box<SyntaxError>>;

/// What to parse: CPython's `exec`, `eval` and `single` modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Module,
    Expression,
    Interactive,
}

pub struct Parser<'a> {
    src: &'a str,
    filename: &'a str,
    tokens: Vec<Token>,
    lex_error: Option<SyntaxError>,
    pos: usize,
    /// End (line, column) of the last consumed token.
    prev_end: (u32, u32),
    depth: usize,
    /// The line number of the first line (not 1 for an f-string expression).
    first_line: u32,
    /// Columns added to the first line's positions (f-string expressions).
    col_shift: u32,
    string_input: bool,
    /// An `eval` or `single` string without a final newline: CPython's
    /// tokenizer adds none (only `exec` input gets one), so its end is an
    /// unexpected EOF on the last line itself.
    unterminated: bool,
    /// Bytes of a string input that were not UTF-8 (see `source::InvalidByte`).
    invalid_utf8: Vec<InvalidByte>,
    /// The first ast.c-level error, reported if the grammar accepts the input.
    pending: Option<Box<SyntaxError>>,
}

impl<'a> Parser<'a> {
    /// A parser over `src` (newlines normalised, ending in `\n`), whose
    /// positions start at line `first_line`.
    /// `string_input`: the source is a string (`-c`, `compile()`), not a
    /// file, which changes where CPython reports an unexpected end.
    pub fn new(
        src: &'a str,
        filename: &'a str,
        first_line: u32,
        depth: usize,
        string_input: bool,
    ) -> Parser<'a> {
        let (tokens, lex_error) = lexer::tokenize(src, filename, first_line, string_input);
        Parser {
            src,
            filename,
            tokens,
            lex_error,
            pos: 0,
            prev_end: (first_line, 0),
            depth,
            first_line,
            col_shift: 0,
            string_input,
            unterminated: false,
            invalid_utf8: Vec::new(),
            pending: None,
        }
    }

    /// Adds `cols` to the columns of the first line's tokens, as CPython
    /// shifts an f-string expression to where it stands in the string.
    pub fn shift_first_line(&mut self, cols: u32) {
        self.col_shift = cols;
        for token in &mut self.tokens {
            if token.line == self.first_line {
                token.col += cols;
            }
            if token.end_line == self.first_line {
                token.end_col += cols;
            }
        }
    }

    /// The input is an `eval` or `single` string that did not end in a newline.
    pub fn set_unterminated(&mut self) {
        self.unterminated = true;
    }

    /// Where a string input had bytes that are not UTF-8.
    pub fn set_invalid_utf8(&mut self, invalid: Vec<InvalidByte>) {
        self.invalid_utf8 = invalid;
    }

    /// The first byte that was not UTF-8 within `start..end` of the text.
    fn invalid_byte_in(&self, start: usize, end: usize) -> Option<InvalidByte> {
        let i = self.invalid_utf8.partition_point(|b| b.at < start);
        self.invalid_utf8.get(i).filter(|b| b.at < end).copied()
    }

    pub fn parse(mut self, mode: Mode) -> Result<Mod, Box<SyntaxError>> {
        let tree = match mode {
            Mode::Module => {
                let body = self.file_input()?;
                Mod::Module { body, type_ignores: Vec::new() }
            }
            Mode::Interactive => {
                let mut body = Vec::new();
                if self.peek() != Tok::Newline {
                    let compound = self.at_compound_statement();
                    self.statement(&mut body)?;
                    // `single` input ends a compound statement with an empty
                    // line: one whose last suite is on its header line
                    // (`if x: pass`) needs a second NEWLINE, which an
                    // unterminated string does not have.
                    let last = self.tokens[self.pos.saturating_sub(1)].tok;
                    if compound && self.unterminated && last == Tok::Newline {
                        return Err(self.unexpected());
                    }
                }
                let end = self.tokens[self.pos.saturating_sub(1)];
                while self.peek() == Tok::Newline {
                    self.bump();
                }
                if !matches!(self.peek(), Tok::EndMarker | Tok::Error) {
                    return Err(self.error_at(
                        ErrorKind::SyntaxError,
                        "multiple statements found while compiling a single statement",
                        end.line,
                        end.col,
                    ));
                }
                self.expect(Tok::EndMarker)?;
                Mod::Interactive { body }
            }
            Mode::Expression => {
                let body = self.testlist()?;
                while self.peek() == Tok::Newline {
                    self.bump();
                }
                self.expect(Tok::EndMarker)?;
                Mod::Expression { body: Box::new(body) }
            }
        };
        match self.pending {
            Some(err) => Err(err),
            None => Ok(tree),
        }
    }

    /// Does a compound statement (`if`, `def`, a decorator, ...) start here?
    fn at_compound_statement(&self) -> bool {
        match self.peek() {
            Tok::Keyword(kw) => matches!(
                kw,
                Kw::If | Kw::While | Kw::For | Kw::Try | Kw::With | Kw::Def | Kw::Class | Kw::Async
            ),
            Tok::Op(op) => op == Op::At,
            _ => false,
        }
    }

    // ---- tokens ----

    fn token(&self) -> &Token {
        &self.tokens[self.pos.min(self.tokens.len() - 1)]
    }

    fn peek(&self) -> Tok {
        self.token().tok
    }

    fn peek_at(&self, ahead: usize) -> Tok {
        self.tokens[(self.pos + ahead).min(self.tokens.len() - 1)].tok
    }

    fn at_op(&self, op: Op) -> bool {
        self.peek() == Tok::Op(op)
    }

    fn at_kw(&self, kw: Kw) -> bool {
        self.peek() == Tok::Keyword(kw)
    }

    fn bump(&mut self) -> Token {
        let token = *self.token();
        if self.pos < self.tokens.len() - 1 {
            self.pos += 1;
        }
        self.prev_end = (token.end_line, token.end_col);
        token
    }

    fn eat_op(&mut self, op: Op) -> bool {
        let hit = self.at_op(op);
        if hit {
            self.bump();
        }
        hit
    }

    fn eat_kw(&mut self, kw: Kw) -> bool {
        let hit = self.at_kw(kw);
        if hit {
            self.bump();
        }
        hit
    }

    fn expect(&mut self, tok: Tok) -> PResult<Token> {
        if self.peek() == tok {
            Ok(self.bump())
        } else {
            Err(self.unexpected())
        }
    }

    fn expect_op(&mut self, op: Op) -> PResult<Token> {
        self.expect(Tok::Op(op))
    }

    fn expect_kw(&mut self, kw: Kw) -> PResult<Token> {
        self.expect(Tok::Keyword(kw))
    }

    fn text(&self, token: &Token) -> &'a str {
        &self.src[token.start..token.end]
    }

    fn expect_name(&mut self) -> PResult<String> {
        let token = self.expect(Tok::Name)?;
        Ok(self.identifier(&token))
    }

    /// A NAME token's identifier, NFKC-normalised as CPython stores it.
    fn identifier(&self, token: &Token) -> String {
        crate::unicode::normalize_identifier(self.text(token)).into_owned()
    }

    /// The location from `start` to the end of the last consumed token.
    fn loc_from(&self, start: &Token) -> Loc {
        Loc {
            lineno: start.line,
            col_offset: start.col,
            end_lineno: self.prev_end.0,
            end_col_offset: self.prev_end.1,
        }
    }

    /// The location of one token.
    fn token_loc(token: &Token) -> Loc {
        Loc {
            lineno: token.line,
            col_offset: token.col,
            end_lineno: token.end_line,
            end_col_offset: token.end_col,
        }
    }

    fn span(start: &Loc, end: &Loc) -> Loc {
        Loc {
            lineno: start.lineno,
            col_offset: start.col_offset,
            end_lineno: end.end_lineno,
            end_col_offset: end.end_col_offset,
        }
    }

    // ---- errors ----

    /// An error at `line` and byte column `col`. Inside an f-string
    /// expression, CPython 3.8 reports the line relative to the `(expr)` text.
    fn error_at(&self, kind: ErrorKind, msg: &str, line: u32, col: u32) -> Box<SyntaxError> {
        let col = if line == self.first_line { col.saturating_sub(self.col_shift) } else { col };
        let source_line = line;
        let line = (line + 1).saturating_sub(self.first_line).max(1);
        let mut err = SyntaxError::at(kind, msg, self.filename, self.src, line, col);
        // The newline the parser added to an unterminated string is not
        // part of its last line's text.
        if self.unterminated && source_line == self.last_line() {
            if let Some(text) = err.text.as_mut() {
                if text.ends_with('\n') {
                    text.pop();
                }
            }
        }
        Box::new(err)
    }

    /// The line number of the source's last line.
    fn last_line(&self) -> u32 {
        self.first_line + self.src.trim_end_matches('\n').matches('\n').count() as u32
    }

    /// The grammar error for the current token, as CPython's parser words it.
    fn unexpected(&self) -> Box<SyntaxError> {
        let token = *self.token();
        let at_end = self.tokens[self.pos..]
            .iter()
            .all(|t| matches!(t.tok, Tok::Newline | Tok::Dedent | Tok::EndMarker));
        if self.unterminated && at_end && matches!(token.tok, Tok::Newline | Tok::EndMarker) {
            let (lineno, last) = match self.src.trim_end_matches('\n') {
                "" => (0, ""),
                text => (text.lines().count() as u32, text.lines().last().unwrap_or("")),
            };
            return Box::new(SyntaxError {
                kind: ErrorKind::SyntaxError,
                msg: "unexpected EOF while parsing".into(),
                filename: self.filename.into(),
                lineno,
                offset: Some(last.chars().count() as u32),
                text: Some(last.into()),
            });
        }
        match token.tok {
            Tok::Error => Box::new(
                self.lex_error.clone().expect("an Error token comes with the lexer's error"),
            ),
            // CPython's offset counts the indentation read, without the
            // usual one past the token's start.
            Tok::Indent => self.error_at(
                ErrorKind::IndentationError,
                "unexpected indent",
                token.line,
                token.col.saturating_sub(1),
            ),
            Tok::Dedent => self.error_at(
                ErrorKind::IndentationError,
                "unexpected unindent",
                token.line,
                token.col,
            ),
            Tok::EndMarker => {
                // CPython points one past the end of the last line: on that
                // line for a string, on an empty line after it for a file.
                let lines = self.src.lines().count() as u32;
                let last = self.src.lines().last().unwrap_or("");
                let (lineno, text) = if self.string_input {
                    (lines, format!("{last}\n"))
                } else {
                    (lines + 1, String::new())
                };
                Box::new(SyntaxError {
                    kind: ErrorKind::SyntaxError,
                    msg: "unexpected EOF while parsing".into(),
                    filename: self.filename.into(),
                    lineno,
                    offset: Some(last.chars().count() as u32 + 1),
                    text: Some(text),
                })
            }
            // Reading past the last token of an unterminated string set
            // CPython's tokenizer to EOF, and a parse failing then is
            // reported as an unexpected EOF, at the token.
            _ if self.unterminated && token.end + 1 == self.src.len() => {
                self.error_at_token(ErrorKind::SyntaxError, "unexpected EOF while parsing", &token)
            }
            _ => self.error_at_token(ErrorKind::SyntaxError, "invalid syntax", &token),
        }
    }

    /// A grammar error at `token`. CPython's parser reports the line its
    /// tokenizer is on: for a multi-line string, its last, with all its lines.
    fn error_at_token(&self, kind: ErrorKind, msg: &str, token: &Token) -> Box<SyntaxError> {
        let mut err = self.error_at(kind, msg, token.line, token.col);
        if token.end_line > token.line && self.first_line == 1 {
            err.lineno = token.end_line;
            err.text = (token.line..=token.end_line)
                .map(|line| super::error::source_line(self.src, line))
                .collect::<Option<String>>();
        }
        err
    }

    /// Records an ast.c-level error at `loc`; the first one is reported if the
    /// grammar accepts the whole input.
    fn ast_error(&mut self, msg: &str, loc: Loc) {
        if self.pending.is_some() {
            return;
        }
        let mut err = self.error_at(ErrorKind::SyntaxError, msg, loc.lineno, loc.col_offset);
        if self.string_input {
            // ast.c reads the line from the file named `filename`: for a
            // string there usually is none, and then no line is shown
            // (the offset stays).
            err.text = std::fs::read_to_string(self.filename)
                .ok()
                .and_then(|file| super::error::source_line(&file, err.lineno));
        }
        err.text = err.text.map(|line| super::error::last_fgets_chunk(&line));
        self.pending = Some(err);
    }

    fn too_deep(&self) -> Box<SyntaxError> {
        let token = self.token();
        self.error_at(ErrorKind::SyntaxError, "too many nested parentheses", token.line, token.col)
    }

    /// Deepens the tree by one level.
    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.too_deep());
        }
        Ok(())
    }

    fn leave(&mut self, levels: usize) {
        self.depth -= levels;
    }

    /// Can the current token start an expression (`test` or `star_expr`)?
    fn at_expr_start(&self) -> bool {
        match self.peek() {
            Tok::Name | Tok::Number | Tok::String => true,
            Tok::Keyword(kw) => {
                matches!(kw, Kw::None | Kw::True | Kw::False | Kw::Not | Kw::Lambda | Kw::Await)
            }
            Tok::Op(op) => matches!(
                op,
                Op::LPar
                    | Op::LSqb
                    | Op::LBrace
                    | Op::Minus
                    | Op::Plus
                    | Op::Tilde
                    | Op::Ellipsis
                    | Op::Star
            ),
            _ => false,
        }
    }
}

/// Boxes an expression.
fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}
