//! Parser tree → `_ast` objects → parser tree gives back the same tree,
//! for every script of `tests/lang/`: the two conversions lose nothing
//! (fields, positions, constants, contexts), so `compile(ast.parse(src))`
//! compiles what `compile(src)` compiles.

use super::from_python::mod_from_python;
use super::to_python::mod_to_python;
use crate::parse::{parse_bytes, Mode};
use crate::vm::Vm;
use std::path::Path;

fn round_trip_files(files: &[std::path::PathBuf]) -> usize {
    let mut vm = Vm::new();
    let mut checked = 0;
    for file in files {
        let bytes = std::fs::read(file).expect("readable script");
        let name = file.display().to_string();
        let Ok(tree) = parse_bytes(&bytes, &name, Mode::Module) else { continue };
        let obj = mod_to_python(&mut vm, &tree).expect("converts to objects");
        let mark = vm.push_temp(obj);
        let back = mod_from_python(&mut vm, obj, Mode::Module).expect("converts back");
        vm.truncate_temps(mark);
        assert!(back == tree, "{name}: the round trip changed the tree");
        assert_eq!(super::validate::validate_mod(&back), Ok(()), "{name}");
        checked += 1;
    }
    checked
}

#[test]
fn every_lang_script_survives_the_round_trip() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/lang");
    let mut files = Vec::new();
    crate::conformance::collect_scripts(&root, &mut files);
    files.sort();
    // Deep trees need the interpreter's big stack, as in `tachyon` itself.
    let checked = std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(move || round_trip_files(&files))
        .expect("thread starts")
        .join()
        .expect("round trip");
    assert!(checked > 300, "only {checked} scripts parsed");
}

#[test]
fn eval_and_single_modes_round_trip() {
    let mut vm = Vm::new();
    for (src, mode) in
        [("a if b else {**c, 1: d}", Mode::Expression), ("x = yield", Mode::Interactive)]
    {
        let tree = crate::parse::parse_str(src, "<test>", mode).expect("parses");
        let obj = mod_to_python(&mut vm, &tree).expect("converts");
        assert_eq!(mod_from_python(&mut vm, obj, mode).expect("converts back"), tree);
        let other = if mode == Mode::Expression { Mode::Module } else { Mode::Expression };
        assert!(mod_from_python(&mut vm, obj, other).is_err(), "{src} is not a tree for {other:?}");
    }
}
