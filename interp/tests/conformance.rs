//! Runs every conformance script in `tests/` under `tachyon` and compares
//! stdout, stderr and exit status with what CPython 3.8 gave (the expected
//! files beside each script). Each script runs as is, under GC stress, with
//! the JIT tracing every loop (threshold 1), and with both.

use interp::conformance::{collect_scripts, expected, run_script, ScriptRun};
use std::ffi::OsStr;
use std::path::Path;

/// One way of running every script: its name, extra flags and environment.
struct Mode {
    name: &'static str,
    flags: &'static [&'static str],
    env: &'static [(&'static str, &'static str)],
}

const MODES: &[Mode] = &[
    Mode { name: "plain", flags: &[], env: &[] },
    Mode { name: "gc-stress", flags: &[], env: &[("TACHYON_GC_STRESS", "1")] },
    Mode { name: "jit", flags: &["--jit-threshold", "1"], env: &[] },
    Mode {
        name: "jit-gc-stress",
        flags: &["--jit-threshold", "1"],
        env: &[("TACHYON_GC_STRESS", "1")],
    },
];

fn show(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn describe_mismatch(want: &ScriptRun, got: &ScriptRun) -> String {
    let mut out = String::new();
    if want.status != got.status {
        out += &format!("  status: want {} got {}\n", want.status, got.status);
    }
    if want.stdout != got.stdout {
        out += &format!(
            "  stdout want:\n{}\n  stdout got:\n{}\n",
            show(&want.stdout),
            show(&got.stdout)
        );
    }
    if want.stderr != got.stderr {
        out += &format!(
            "  stderr want:\n{}\n  stderr got:\n{}\n",
            show(&want.stderr),
            show(&got.stderr)
        );
    }
    out
}

/// Runs `script` in every mode, adding what differs to `failures`; the
/// number of runs.
fn check_script(tachyon: &OsStr, script: &Path, failures: &mut Vec<String>) -> usize {
    let Some(want) = expected(script) else {
        failures.push(format!("{}: no expected output (run tools' regen)", script.display()));
        return 0;
    };
    let mut ran = 0;
    for Mode { name: mode, flags, env } in MODES {
        ran += 1;
        match run_script(tachyon, flags, script, env) {
            Ok(got) if got == want => {}
            Ok(got) => failures.push(format!(
                "{} [{mode}]\n{}",
                script.display(),
                describe_mismatch(&want, &got)
            )),
            Err(err) => failures.push(format!("{} [{mode}]: {err}", script.display())),
        }
    }
    ran
}

#[test]
fn conformance_scripts_match_cpython() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
    let mut scripts = Vec::new();
    collect_scripts(&root, &mut scripts);
    scripts.sort();
    let filter = std::env::var("TACHYON_CONFORMANCE_FILTER").unwrap_or_default();
    scripts.retain(|s| s.to_string_lossy().contains(&filter));
    let tachyon = env!("CARGO_BIN_EXE_tachyon");
    // Each run is a process of its own: one worker per core keeps them all
    // busy (the scripts are independent; each runs in its own folder).
    let next = std::sync::atomic::AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let results: Vec<(usize, Vec<String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let (mut ran, mut failures) = (0, Vec::new());
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(script) = scripts.get(i) else { break };
                        ran += check_script(OsStr::new(tachyon), script, &mut failures);
                    }
                    (ran, failures)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("a conformance worker panicked")).collect()
    });
    let ran: usize = results.iter().map(|(n, _)| n).sum();
    let mut failures: Vec<String> = results.into_iter().flat_map(|(_, f)| f).collect();
    failures.sort();
    assert!(ran > 0, "no conformance scripts found under {}", root.display());
    assert!(
        failures.is_empty(),
        "{} of {ran} runs failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    println!("{ran} passed, 0 failed");
}
