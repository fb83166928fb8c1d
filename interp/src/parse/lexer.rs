//! The tokenizer: CPython 3.8's `Parser/tokenizer.c` rules for indentation
//! (tabs to multiples of 8, checked against tabs of width 1 for TabError),
//! implicit joining inside brackets, backslash continuation, names, numbers,
//! strings and operators. Errors become an [`Tok::Error`] token so that the
//! parser reports them only when it reaches them, as CPython does.

use super::error::{ErrorKind, SyntaxError};
use super::token::{Kw, Op, Tok, Token, OPERATORS};
use crate::unicode;

/// Deepest bracket nesting (CPython's `MAXLEVEL`).
pub const MAX_BRACKET_DEPTH: usize = 200;
/// Deepest indentation (CPython's `MAXINDENT`).
pub const MAX_INDENT: usize = 100;

/// The tokens of `source` (newlines already normalised to `\n`, ending in
/// `\n`), and the error at the final `Error` token if the lexer failed.
/// `string_input` selects where CPython places errors at the end of the
/// input: a string (`-c`, `compile()`) or a file.
pub fn tokenize(
    source: &str,
    filename: &str,
    first_line: u32,
    string_input: bool,
) -> (Vec<Token>, Option<SyntaxError>) {
    let mut lexer = Lexer {
        src: source.as_bytes(),
        text: source,
        filename,
        string_input,
        pos: 0,
        line: first_line,
        line_start: 0,
        indents: vec![(0, 0)],
        brackets: Vec::new(),
        tokens: Vec::with_capacity(source.len() / 4 + 16),
    };
    match lexer.run() {
        Ok(()) => (lexer.tokens, None),
        Err(err) => {
            let (line, col) = (err.lineno, 0);
            lexer.tokens.push(Token {
                tok: Tok::Error,
                start: lexer.pos,
                end: lexer.pos,
                line,
                col,
                end_line: line,
                end_col: col,
            });
            (lexer.tokens, Some(err))
        }
    }
}

struct Lexer<'a> {
    src: &'a [u8],
    text: &'a str,
    filename: &'a str,
    string_input: bool,
    pos: usize,
    line: u32,
    line_start: usize,
    /// Indentation levels as (columns with tab width 8, columns with tab width 1).
    indents: Vec<(u32, u32)>,
    /// Open brackets: the character and its line.
    brackets: Vec<(u8, u32)>,
    tokens: Vec<Token>,
}

fn is_name_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 0x80
}

fn is_name_continue(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

impl<'a> Lexer<'a> {
    fn peek(&self, ahead: usize) -> u8 {
        self.src.get(self.pos + ahead).copied().unwrap_or(0)
    }

    fn at_end(&self) -> bool {
        self.pos >= self.src.len()
    }

    fn col_of(&self, pos: usize) -> u32 {
        (pos - self.line_start) as u32
    }

    /// An error at byte column `col` of the current line.
    fn error_at(&self, kind: ErrorKind, msg: impl Into<String>, col: u32) -> SyntaxError {
        SyntaxError::at(kind, msg, self.filename, self.text, self.line, col)
    }

    /// An error with the caret under the last character consumed (CPython's
    /// tokenizer points at its reading position).
    fn error_here(&self, msg: impl Into<String>) -> SyntaxError {
        let mut p = self.pos.max(self.line_start + 1) - 1;
        while p > self.line_start && !self.text.is_char_boundary(p) {
            p -= 1;
        }
        self.error_at(ErrorKind::SyntaxError, msg, self.col_of(p))
    }

    /// The position of the newline ending the current line.
    fn line_end(&self) -> usize {
        self.src[self.pos..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(self.src.len(), |n| self.pos + n)
    }

    /// An error at the end of the input: CPython counts the line after the
    /// last, shows the last line and points past its last character.
    /// For a string, it stays on the last line and shows the text from the
    /// line where the unfinished string literal at `literal_start` began.
    fn error_at_eof(&self, msg: &str, literal_start: usize) -> SyntaxError {
        let before_end = &self.text[..self.text.len().saturating_sub(1)];
        let (lineno, text, offset) = if self.string_input {
            let from = self.text[..literal_start].rfind('\n').map_or(0, |n| n + 1);
            let text = &self.text[from..];
            (self.line - 1, text, text.chars().count())
        } else {
            let last = before_end.rfind('\n').map_or(0, |n| n + 1);
            let text = &self.text[last..];
            (self.line, text, text.trim_end_matches('\n').chars().count())
        };
        SyntaxError {
            kind: ErrorKind::SyntaxError,
            msg: msg.into(),
            filename: self.filename.into(),
            lineno,
            offset: Some(offset as u32),
            text: Some(text.to_string()),
        }
    }

    /// A backslash continuing the last line: a file's error is on the line
    /// after it, a string's on the backslash.
    fn backslash_at_eof(&self) -> SyntaxError {
        let before_end = &self.text[..self.text.len().saturating_sub(1)];
        let last = before_end.rfind('\n').map_or(0, |n| n + 1);
        let text = &self.text[last..];
        let (lineno, offset) = if self.string_input {
            (self.line - 1, text.trim_end_matches('\n').chars().count() + 1)
        } else {
            (self.line, 1)
        };
        SyntaxError {
            kind: ErrorKind::SyntaxError,
            msg: "unexpected EOF while parsing".into(),
            filename: self.filename.into(),
            lineno,
            offset: Some(offset as u32),
            text: Some(text.to_string()),
        }
    }

    fn push(&mut self, tok: Tok, start: usize, line: u32, col: u32) {
        let end_col = self.col_of(self.pos);
        self.tokens.push(Token {
            tok,
            start,
            end: self.pos,
            line,
            col,
            end_line: self.line,
            end_col,
        });
    }

    /// An INDENT or DEDENT: empty, at column `col` of the current line.
    fn push_marker(&mut self, tok: Tok, col: u32) {
        let start = self.pos;
        let (line, end_line, end_col) = (self.line, self.line, col);
        self.tokens.push(Token { tok, start, end: start, line, col, end_line, end_col });
    }

    fn newline(&mut self) {
        self.line += 1;
        self.line_start = self.pos;
    }

    fn run(&mut self) -> Result<(), SyntaxError> {
        let mut at_line_start = true;
        // Where a comment ending the line began: CPython's NEWLINE token
        // starts there, which is where "invalid syntax" at it points.
        let mut comment: Option<(usize, u32)> = None;
        loop {
            if at_line_start && self.brackets.is_empty() {
                if self.indentation()? {
                    continue;
                }
                at_line_start = false;
            }
            while matches!(self.peek(0), b' ' | b'\t' | 0x0c) {
                self.pos += 1;
            }
            if self.at_end() {
                return self.finish();
            }
            let start = self.pos;
            let col = self.col_of(start);
            let line = self.line;
            let c = self.src[start];
            match c {
                b'#' => {
                    comment = Some((start, col));
                    while !self.at_end() && self.src[self.pos] != b'\n' {
                        self.pos += 1;
                    }
                }
                b'\n' => {
                    self.pos += 1;
                    let (from, from_col) = comment.take().unwrap_or((start, col));
                    if self.brackets.is_empty() {
                        self.tokens.push(Token {
                            tok: Tok::Newline,
                            start: from,
                            end: start + 1,
                            line,
                            col: from_col,
                            end_line: line,
                            end_col: col + 1,
                        });
                        at_line_start = true;
                    }
                    self.newline();
                }
                b'\\' => {
                    self.pos += 1;
                    if self.at_end() {
                        return Err(self.backslash_at_eof());
                    }
                    if self.src[self.pos] != b'\n' {
                        return Err(self.error_at(
                            ErrorKind::SyntaxError,
                            "unexpected character after line continuation character",
                            self.col_of(self.line_end()),
                        ));
                    }
                    self.pos += 1;
                    self.newline();
                    if self.at_end() {
                        return Err(self.backslash_at_eof());
                    }
                }
                b'0'..=b'9' => self.number(start, line, col).map_err(line_without_newline)?,
                b'.' if self.peek(1).is_ascii_digit() => {
                    self.number(start, line, col).map_err(line_without_newline)?
                }
                b'"' | b'\'' => self.string(start, line, col, start)?,
                c if is_name_start(c) => self.name(start, line, col)?,
                _ => self.operator(start, line, col)?,
            }
        }
    }

    /// Measures the indentation of a new logical line and emits INDENT or
    /// DEDENTs. Returns true for a blank or comment-only line (consumed).
    fn indentation(&mut self) -> Result<bool, SyntaxError> {
        let (mut col, mut altcol) = (0u32, 0u32);
        loop {
            match self.peek(0) {
                b' ' => {
                    col += 1;
                    altcol += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    altcol += 1;
                }
                0x0c => {
                    col = 0;
                    altcol = 0;
                }
                _ => break,
            }
            self.pos += 1;
        }
        match self.peek(0) {
            b'#' | b'\n' => {
                while self.src[self.pos] != b'\n' {
                    self.pos += 1;
                }
                self.pos += 1;
                self.newline();
                return Ok(true);
            }
            _ if self.at_end() => return Ok(false),
            _ => {}
        }
        let here = self.col_of(self.pos);
        // CPython reports indentation errors with its reading position at
        // the end of the line.
        let line_end = self.col_of(self.line_end());
        let tab_error = |lexer: &Self| {
            lexer.error_at(
                ErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation",
                line_end,
            )
        };
        let &(top, alttop) = self.indents.last().expect("indent stack has a base level");
        if col == top {
            if altcol != alttop {
                return Err(tab_error(self));
            }
        } else if col > top {
            if altcol <= alttop {
                return Err(tab_error(self));
            }
            if self.indents.len() > MAX_INDENT {
                return Err(self.error_at(
                    ErrorKind::IndentationError,
                    "too many levels of indentation",
                    line_end,
                ));
            }
            self.indents.push((col, altcol));
            self.push_marker(Tok::Indent, here);
        } else {
            // The whole dedent is checked before any DEDENT is handed out,
            // so a bad one is reported where the parser wanted the next token.
            let keep = self.indents.iter().take_while(|&&(level, _)| level <= col).count().max(1);
            let (top, alttop) = self.indents[keep - 1];
            if col != top {
                return Err(self.error_at(
                    ErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    line_end,
                ));
            }
            if altcol != alttop {
                return Err(tab_error(self));
            }
            for _ in keep..self.indents.len() {
                self.push_marker(Tok::Dedent, here);
            }
            self.indents.truncate(keep);
        }
        Ok(false)
    }

    fn finish(&mut self) -> Result<(), SyntaxError> {
        let start = self.pos;
        let col = self.col_of(start);
        let line = self.line;
        let token = |tok| Token { tok, start, end: start, line, col, end_line: line, end_col: col };
        if !matches!(
            self.tokens.last().map(|t| t.tok),
            None | Some(Tok::Newline | Tok::Indent | Tok::Dedent)
        ) && self.brackets.is_empty()
        {
            self.tokens.push(token(Tok::Newline));
        }
        for _ in 1..self.indents.len() {
            self.tokens.push(token(Tok::Dedent));
        }
        self.tokens.push(token(Tok::EndMarker));
        Ok(())
    }

    fn name(&mut self, start: usize, line: u32, col: u32) -> Result<(), SyntaxError> {
        let mut ascii = true;
        while !self.at_end() && is_name_continue(self.src[self.pos]) {
            ascii &= self.src[self.pos] < 0x80;
            self.pos += 1;
        }
        let word = &self.src[start..self.pos];
        if matches!(self.peek(0), b'"' | b'\'') && word.len() <= 2 && is_string_prefix(word) {
            return self.string(start, line, col, self.pos);
        }
        if !ascii {
            let name = &self.text[start..self.pos];
            let mut chars = name.chars();
            let first = chars.next().expect("a name is not empty");
            if !unicode::is_identifier_start(first) || !chars.all(unicode::is_identifier_continue) {
                return Err(self.error_here("invalid character in identifier"));
            }
        }
        let tok = match Kw::from_name(word) {
            Some(kw) => Tok::Keyword(kw),
            None => Tok::Name,
        };
        self.push(tok, start, line, col);
        Ok(())
    }

    fn digits(&mut self, is_digit: fn(u8) -> bool) {
        while is_digit(self.peek(0)) {
            self.pos += 1;
        }
    }

    /// Digits with single underscores between them; the first digit is at `pos`.
    fn digit_tail(&mut self, is_digit: fn(u8) -> bool, what: &str) -> Result<(), SyntaxError> {
        loop {
            self.digits(is_digit);
            if self.peek(0) != b'_' {
                return Ok(());
            }
            self.pos += 1;
            if !is_digit(self.peek(0)) {
                return Err(self.error_here(format!("invalid {what} literal")));
            }
        }
    }

    fn radix_number(
        &mut self,
        is_digit: fn(u8) -> bool,
        what: &str,
        check_digit: bool,
    ) -> Result<(), SyntaxError> {
        self.pos += 2;
        loop {
            if self.peek(0) == b'_' {
                self.pos += 1;
            }
            let c = self.peek(0);
            if !is_digit(c) {
                // CPython backs up over a bad first digit, not over a later one.
                if check_digit && c.is_ascii_digit() {
                    return Err(
                        self.error_here(format!("invalid digit '{}' in {what} literal", c as char))
                    );
                }
                return Err(self.error_here(format!("invalid {what} literal")));
            }
            self.digits(is_digit);
            if self.peek(0) != b'_' {
                break;
            }
        }
        let c = self.peek(0);
        if check_digit && c.is_ascii_digit() {
            self.pos += 1;
            return Err(self.error_here(format!("invalid digit '{}' in {what} literal", c as char)));
        }
        Ok(())
    }

    fn number(&mut self, start: usize, line: u32, col: u32) -> Result<(), SyntaxError> {
        let decimal: fn(u8) -> bool = |c| c.is_ascii_digit();
        let c = self.src[start];
        if c == b'0' && matches!(self.peek(1), b'x' | b'X') {
            self.radix_number(|c| c.is_ascii_hexdigit(), "hexadecimal", false)?;
        } else if c == b'0' && matches!(self.peek(1), b'o' | b'O') {
            self.radix_number(|c| (b'0'..=b'7').contains(&c), "octal", true)?;
        } else if c == b'0' && matches!(self.peek(1), b'b' | b'B') {
            self.radix_number(|c| c == b'0' || c == b'1', "binary", true)?;
        } else {
            let mut leading_zero_digits = false;
            if c == b'0' {
                // "0", "00", "0_0" are fine; "01" only if a float or imaginary follows.
                loop {
                    while self.peek(0) == b'0' {
                        self.pos += 1;
                    }
                    if self.peek(0) != b'_' {
                        break;
                    }
                    self.pos += 1;
                    if !self.peek(0).is_ascii_digit() {
                        return Err(self.error_here("invalid decimal literal"));
                    }
                }
                if self.peek(0).is_ascii_digit() {
                    leading_zero_digits = true;
                    self.digit_tail(decimal, "decimal")?;
                }
            } else if c != b'.' {
                self.digit_tail(decimal, "decimal")?;
            }
            let mut is_float = false;
            if self.peek(0) == b'.' {
                is_float = true;
                self.pos += 1;
                if self.peek(0).is_ascii_digit() {
                    self.digit_tail(decimal, "decimal")?;
                }
            }
            if matches!(self.peek(0), b'e' | b'E') {
                let e = self.pos;
                self.pos += 1;
                if matches!(self.peek(0), b'+' | b'-') {
                    self.pos += 1;
                    if !self.peek(0).is_ascii_digit() {
                        return Err(self.error_here("invalid decimal literal"));
                    }
                }
                if self.peek(0).is_ascii_digit() {
                    is_float = true;
                    self.digit_tail(decimal, "decimal")?;
                } else {
                    self.pos = e;
                }
            }
            if matches!(self.peek(0), b'j' | b'J') {
                is_float = true;
                self.pos += 1;
            }
            if leading_zero_digits && !is_float {
                return Err(self.error_here(
                    "leading zeros in decimal integer literals are not permitted; \
                     use an 0o prefix for octal integers",
                ));
            }
        }
        self.push(Tok::Number, start, line, col);
        Ok(())
    }

    /// A string literal whose prefix starts at `start` and quote at `quote_at`.
    fn string(
        &mut self,
        start: usize,
        line: u32,
        col: u32,
        quote_at: usize,
    ) -> Result<(), SyntaxError> {
        let quote = self.src[quote_at];
        self.pos = quote_at + 1;
        let triple = self.peek(0) == quote && self.peek(1) == quote;
        if triple {
            self.pos += 2;
        }
        loop {
            if self.at_end() {
                let msg = if triple {
                    "EOF while scanning triple-quoted string literal"
                } else {
                    "EOL while scanning string literal"
                };
                return Err(self.error_at_eof(msg, start));
            }
            let c = self.src[self.pos];
            self.pos += 1;
            match c {
                b'\n' => {
                    if !triple {
                        // CPython's caret is past the line's end: its
                        // tokenizer has read the newline.
                        self.pos -= 1;
                        let msg = "EOL while scanning string literal";
                        return Err(self.error_at(
                            ErrorKind::SyntaxError,
                            msg,
                            self.col_of(self.pos),
                        ));
                    }
                    self.newline();
                }
                b'\\' => {
                    if self.at_end() {
                        continue;
                    }
                    let escaped = self.src[self.pos];
                    self.pos += 1;
                    if escaped == b'\n' {
                        self.newline();
                    }
                }
                c if c == quote => {
                    if !triple {
                        break;
                    }
                    if self.peek(0) == quote && self.peek(1) == quote {
                        self.pos += 2;
                        break;
                    }
                }
                _ => {}
            }
        }
        self.push(Tok::String, start, line, col);
        Ok(())
    }

    fn operator(&mut self, start: usize, line: u32, col: u32) -> Result<(), SyntaxError> {
        let rest = &self.src[start..];
        let Some(&(spelling, op)) = OPERATORS.iter().find(|(s, _)| rest.starts_with(s)) else {
            // CPython's ERRORTOKEN: the parser then reports "invalid syntax" here.
            return Err(self.error_at(ErrorKind::SyntaxError, "invalid syntax", col));
        };
        self.pos += spelling.len();
        match op {
            Op::LPar | Op::LSqb | Op::LBrace => {
                if self.brackets.len() >= MAX_BRACKET_DEPTH {
                    return Err(self.error_here("too many nested parentheses"));
                }
                self.brackets.push((rest[0], line));
            }
            Op::RPar | Op::RSqb | Op::RBrace => {
                let close = rest[0];
                let Some((open, open_line)) = self.brackets.pop() else {
                    return Err(self.error_here(format!("unmatched '{}'", close as char)));
                };
                let expected = match open {
                    b'(' => b')',
                    b'[' => b']',
                    _ => b'}',
                };
                if close != expected {
                    let msg = if open_line != line {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                            close as char, open as char, open_line
                        )
                    } else {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            close as char, open as char
                        )
                    };
                    return Err(self.error_here(msg));
                }
            }
            _ => {}
        }
        self.push(Tok::Op(op), start, line, col);
        Ok(())
    }
}

/// `r`, `u`, `b`, `f` and their two-letter combinations, in any case.
fn is_string_prefix(word: &[u8]) -> bool {
    let lower: Vec<u8> = word.iter().map(|c| c.to_ascii_lowercase()).collect();
    matches!(lower.as_slice(), b"r" | b"u" | b"b" | b"f" | b"br" | b"rb" | b"fr" | b"rf")
}

/// A number literal's error shows its line without the newline, as the
/// text CPython's tokenizer gives its `syntaxerror()`s.
fn line_without_newline(mut e: SyntaxError) -> SyntaxError {
    if let Some(text) = &mut e.text {
        let kept = text.trim_end_matches(['\n', '\r']).len();
        text.truncate(kept);
    }
    e
}
