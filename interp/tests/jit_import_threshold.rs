//! Loops run while a module is being imported need `IMPORT_THRESHOLD_FACTOR`
//! times more iterations before they are traced: the same loop gets a trace
//! in the program's own code and none in an imported module's body.

use std::process::Command;

#[test]
fn import_time_loops_wait_longer_for_a_trace() {
    let dir = std::env::temp_dir().join(format!("tachyon-jit-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let body = "total = 0\nfor i in range(200):\n    total += i * 3\n";
    std::fs::write(dir.join("imported_once.py"), body).unwrap();
    std::fs::write(
        dir.join("main_program.py"),
        format!("import imported_once\n{body}print(imported_once.total, total)\n"),
    )
    .unwrap();
    let dump = dir.join("dump.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_tachyon"))
        .arg(format!("--trace-dump={}", dump.display()))
        .arg("main_program.py")
        .current_dir(&dir)
        .env_remove("PYTHONPATH")
        .output()
        .expect("tachyon runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "59700 59700\n");
    let text = std::fs::read_to_string(&dump).unwrap();
    let origins: Vec<&str> = text.lines().filter(|l| l.starts_with("==== trace")).collect();
    assert!(origins.iter().any(|l| l.contains("main_program.py")), "{text}");
    assert!(!origins.iter().any(|l| l.contains("imported_once.py")), "{text}");
    std::fs::remove_dir_all(&dir).ok();
}
