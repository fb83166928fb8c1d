//! astcheck: Tachyon's parser against CPython 3.8's `ast.parse` on the files
//! of the installed `Lib/`.
//!
//! | module | owns |
//! |---|---|
//! | [`files`] | which files: the whole `Lib/` or the fixed CI sample |
//! | [`oracle`] | running python3.8 once over all the files |
//! | [`compare`] | parsing with Tachyon, comparing, the report |
//! | [`fuzz`] | random mutations of the files: no input may panic the parser |

pub mod compare;
pub mod files;
pub mod fuzz;
pub mod oracle;
