//! `ast.parse` of a corpus under tachyon and python3.8: every script of
//! `tests/lang/` and sixty modules of CPython 3.8's `Lib/`. For each file
//! both print `ast.dump(tree, include_attributes=True)` (every field and
//! every node's position) and what `compile(tree)` of the Python objects
//! does; the outputs must be identical. Fails (does not skip) without python3.8.

use std::path::{Path, PathBuf};
use std::process::Command;

/// What each interpreter runs: the list of files is the first argument.
const DUMPER: &str = r#"
import ast, sys
for path in open(sys.argv[1]).read().splitlines():
    with open(path, 'rb') as f:
        src = f.read()
    print('==', path)
    try:
        tree = ast.parse(src, path)
    except SyntaxError as e:
        print('SyntaxError', e.lineno)
        continue
    print(ast.dump(tree, include_attributes=True))
    try:
        compile(tree, path, 'exec')
        print('compiled')
    except Exception as e:
        print('compile error', type(e).__name__, e)
"#;

/// Modules of `Lib/`, chosen for the breadth of syntax they use.
const STDLIB: &[&str] = &[
    "argparse",
    "ast",
    "base64",
    "bisect",
    "calendar",
    "collections/__init__",
    "colorsys",
    "configparser",
    "contextlib",
    "copy",
    "csv",
    "dataclasses",
    "datetime",
    "difflib",
    "dis",
    "enum",
    "fnmatch",
    "fractions",
    "functools",
    "genericpath",
    "getopt",
    "gettext",
    "glob",
    "heapq",
    "hmac",
    "inspect",
    "ipaddress",
    "json/decoder",
    "json/encoder",
    "keyword",
    "linecache",
    "locale",
    "logging/__init__",
    "numbers",
    "operator",
    "optparse",
    "os",
    "pathlib",
    "pickle",
    "posixpath",
    "pprint",
    "queue",
    "random",
    "re",
    "reprlib",
    "shlex",
    "shutil",
    "sre_compile",
    "sre_parse",
    "statistics",
    "string",
    "struct",
    "subprocess",
    "tempfile",
    "textwrap",
    "threading",
    "tokenize",
    "traceback",
    "types",
    "typing",
    "warnings",
    "weakref",
    "zipfile",
    "asyncio/base_events",
    "email/_header_value_parser",
];

fn corpus(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    interp::conformance::collect_scripts(&root.join("tests/lang"), &mut files);
    files.sort();
    let lib = interp::pythonpath::find_stdlib().expect("CPython 3.8's Lib/ directory");
    files.extend(STDLIB.iter().map(|m| lib.join(format!("{m}.py"))));
    files
}

/// The `== path` block that first differs, with both versions of its first differing line.
fn first_difference(ours: &str, theirs: &str) -> String {
    let (mut file, mut line_no) = ("", 0);
    for (i, (a, b)) in ours.lines().zip(theirs.lines()).enumerate() {
        if let Some(path) = b.strip_prefix("== ") {
            (file, line_no) = (path, i);
        }
        if a != b {
            let at = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
            let from = at.saturating_sub(200);
            let excerpt = |s: &str| s.get(from..(at + 200).min(s.len())).unwrap_or(s).to_string();
            return format!(
                "{file} (output line {}):\ntachyon:   ...{}\npython3.8: ...{}",
                i - line_no,
                excerpt(a),
                excerpt(b)
            );
        }
    }
    format!("lengths differ: {} vs {} lines", ours.lines().count(), theirs.lines().count())
}

#[test]
fn dumps_and_compiles_as_cpython_does() {
    let root =
        Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root").to_path_buf();
    let python = interp::pythonpath::find_python38().expect("python3.8 (the oracle) is installed");
    let files = corpus(&root);
    assert!(files.len() >= 400, "only {} files", files.len());
    let dir = std::env::temp_dir().join(format!("tachyon_ast_corpus_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let list = dir.join("files.txt");
    let script = dir.join("dumper.py");
    let names: String = files.iter().map(|f| format!("{}\n", f.display())).collect();
    std::fs::write(&list, names).expect("write list");
    std::fs::write(&script, DUMPER).expect("write dumper");
    let run = |exe: &Path| {
        let out = Command::new(exe)
            .arg(&script)
            .arg(&list)
            .current_dir(&root)
            .output()
            .expect("interpreter runs");
        (String::from_utf8_lossy(&out.stdout).into_owned(), out.status.code())
    };
    let (ours, our_status) = run(Path::new(env!("CARGO_BIN_EXE_tachyon")));
    let (theirs, their_status) = run(&python);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(theirs.matches("\n== ").count() + 1, files.len(), "python3.8 dumped every file");
    assert!(
        ours == theirs,
        "ast.dump differs from python3.8's: {}",
        first_difference(&ours, &theirs)
    );
    assert_eq!(our_status, their_status);
}
