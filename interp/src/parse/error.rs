//! `SyntaxError` and its subclasses as the parser raises them, and their
//! printed form, which is CPython 3.8's (`print_error_text` in pythonrun.c).

use std::fmt;

/// Which class of syntax error: the printed name and the Python type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
        }
    }
}

/// A syntax error with what CPython's `SyntaxError` carries: message,
/// filename, line, 1-based column in characters (`offset`) and source line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: ErrorKind,
    pub msg: String,
    pub filename: String,
    pub lineno: u32,
    /// 1-based character column of the caret; `None` prints no caret.
    pub offset: Option<u32>,
    /// The source line, with its newline if it had one; `None` prints no line.
    pub text: Option<String>,
}

impl SyntaxError {
    /// An error at byte column `col` (0-based) of line `lineno` of `source`.
    pub fn at(
        kind: ErrorKind,
        msg: impl Into<String>,
        filename: &str,
        source: &str,
        lineno: u32,
        col: u32,
    ) -> SyntaxError {
        let text = source_line(source, lineno);
        let offset = text.as_ref().map(|line| {
            let col = (col as usize).min(line.len());
            let mut cut = col;
            while !line.is_char_boundary(cut) {
                cut -= 1;
            }
            line[..cut].chars().count() as u32 + 1
        });
        let msg = msg.into();
        // CPython's `SyntaxError.__init__` gives the hint; its subclasses
        // (IndentationError, TabError) keep their message (bpo-31161).
        let hint = text.as_deref().filter(|_| kind == ErrorKind::SyntaxError);
        let msg = hint.and_then(legacy_statement_message).unwrap_or(msg);
        SyntaxError {
            kind,
            msg,
            filename: filename.to_string(),
            lineno,
            offset: offset.or(Some(col + 1)),
            text,
        }
    }
}

/// CPython's hint for a Python 2 `print` or `exec` statement
/// (`_report_missing_parentheses` in Objects/exceptions.c), which replaces
/// the message of any syntax error on a line without `(` that starts, or
/// continues after its first `:`, with one of them.
fn legacy_statement_message(text: &str) -> Option<String> {
    if text.contains('(') {
        return None;
    }
    let check = |rest: &str| -> Option<String> {
        let rest = rest.trim_start();
        if let Some(args) = rest.strip_prefix("print ") {
            let args = args.split(';').next().unwrap_or("");
            let args = args.trim_matches([' ', '\t', '\r', '\n']);
            let end = if args.ends_with(',') { " end=\" \"" } else { "" };
            return Some(format!(
                "Missing parentheses in call to 'print'. Did you mean print({args}{end})?"
            ));
        }
        if rest.starts_with("exec ") {
            return Some("Missing parentheses in call to 'exec'".into());
        }
        None
    };
    check(text).or_else(|| text.find(':').and_then(|colon| check(&text[colon + 1..])))
}

/// Line `lineno` (1-based) of `source` with its line end, if it exists.
pub fn source_line(source: &str, lineno: u32) -> Option<String> {
    let mut rest = source;
    for _ in 1..lineno {
        let nl = rest.find('\n')?;
        rest = &rest[nl + 1..];
    }
    if rest.is_empty() && lineno > 1 {
        return Some(String::new());
    }
    let end = rest.find('\n').map_or(rest.len(), |nl| nl + 1);
    Some(rest[..end].to_string())
}

/// What CPython's `err_programtext` keeps of a source line for an
/// ast.c-level error: it reads the line with `fgets` into a 1000-byte
/// buffer, so of a longer line only the last piece of up to 999 bytes.
pub fn last_fgets_chunk(line: &str) -> String {
    const CHUNK: usize = 999;
    let bytes = line.as_bytes();
    let start = bytes.len().saturating_sub(1) / CHUNK * CHUNK;
    String::from_utf8_lossy(&bytes[start..]).into_owned()
}

impl fmt::Display for SyntaxError {
    /// The lines CPython 3.8 prints for an uncaught syntax error.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "  File \"{}\", line {}", self.filename, self.lineno)?;
        if let Some(text) = &self.text {
            let mut offset = self.offset.map_or(-1, |o| o as i64);
            let mut text: &str = text;
            if offset >= 0 {
                // CPython compares the (character) offset with byte lengths
                // of the UTF-8 text here; so does this, to print the same.
                if offset > 0 && offset == text.len() as i64 && text.ends_with('\n') {
                    offset -= 1;
                }
                // A text of several lines: show the one the offset falls in.
                while let Some(nl) = text.find('\n') {
                    if nl as i64 >= offset {
                        break;
                    }
                    offset -= nl as i64 + 1;
                    text = &text[nl + 1..];
                }
                let trimmed = text.trim_start_matches([' ', '\t', '\x0c']);
                offset -= (text.len() - trimmed.len()) as i64;
                text = trimmed;
            }
            write!(f, "    {text}")?;
            if !text.ends_with('\n') {
                writeln!(f)?;
            }
            if offset != -1 {
                let spaces = if offset > 1 { offset - 1 } else { 0 };
                writeln!(f, "    {}^", " ".repeat(spaces as usize))?;
            }
        }
        write!(f, "{}: {}", self.kind.name(), self.msg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_keep_their_last_fgets_chunk() {
        assert_eq!(last_fgets_chunk("x = 1\n"), "x = 1\n");
        let line = format!("x = {}\n", "1".repeat(5000));
        assert_eq!(last_fgets_chunk(&line), "111111111\n");
        assert_eq!(last_fgets_chunk(&format!("{}\n", "a".repeat(999))), "\n");
        assert_eq!(last_fgets_chunk(&format!("{}\n", "a".repeat(998))).len(), 999);
    }

    #[test]
    fn prints_like_cpython() {
        let err =
            SyntaxError::at(ErrorKind::SyntaxError, "invalid syntax", "x.py", "  x = = 1\n", 1, 6);
        assert_eq!(
            err.to_string(),
            "  File \"x.py\", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax"
        );
    }
}
