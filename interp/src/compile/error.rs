//! Errors the compiler raises. They become `SyntaxError`s (with the source
//! line and caret) once the driver has the source text at hand.

/// A compile-time error at a source position (1-based line, 0-based byte column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    pub msg: String,
    pub filename: String,
    pub lineno: u32,
    pub col: u32,
    /// CPython 3.8 reports some symbol-table errors (those about `:=`) with
    /// the 0-based column as the 1-based offset, one column left of the
    /// node; kept so that the caret lands where CPython's does.
    pub caret_one_left: bool,
}

impl CompileError {
    pub fn syntax(msg: impl Into<String>, filename: &str, lineno: u32, col: u32) -> CompileError {
        CompileError {
            msg: msg.into(),
            filename: filename.to_string(),
            lineno,
            col,
            caret_one_left: false,
        }
    }

    /// An error placed as CPython places its `:=` scope errors.
    pub fn caret_one_left(mut self) -> CompileError {
        self.caret_one_left = true;
        self
    }
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({}, line {})", self.msg, self.filename, self.lineno)
    }
}
