//! Errors the compiler raises. They become `SyntaxError`s (with the source
//! line and caret) once the driver has the source text at hand.

/// A compile-time error at a source position (1-based line, 0-based byte column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    pub msg: String,
    pub filename: String,
    pub lineno: u32,
    pub col: u32,
}

impl CompileError {
    pub fn syntax(msg: impl Into<String>, filename: &str, lineno: u32, col: u32) -> CompileError {
        CompileError { msg: msg.into(), filename: filename.to_string(), lineno, col }
    }
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({}, line {})", self.msg, self.filename, self.lineno)
    }
}
