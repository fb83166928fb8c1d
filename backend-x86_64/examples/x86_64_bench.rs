//! Measures the backend: compile time and code bytes per IR instruction on
//! generated traces of about 100 and 5,000 ops, and a hot loop of int adds
//! against the same loop in Rust. Run with
//! `cargo run --release -p backend-x86_64 --example x86_64_bench` (add
//! `-- --compile-only` to skip the loops, e.g. to profile the compiler).

use std::hint::black_box;
use std::time::Instant;

use backend_x86_64::compile;
use quickcheck::Gen;
use traces::testing::generate;

fn compile_figures(ops: usize, traces_count: usize) {
    let mut g = Gen::from_size_and_seed(ops, 42);
    let cases: Vec<_> = (0..traces_count).map(|_| generate(&mut g, ops)).collect();
    let insts: usize = cases.iter().map(|c| c.trace.insts.len()).sum();
    let mut bytes = 0;
    let start = Instant::now();
    for case in &cases {
        bytes += compile(&case.trace).expect("compiles").code_size();
    }
    let elapsed = start.elapsed();
    let start = Instant::now();
    for case in &cases {
        traces::verify::verify(&case.trace).expect("verifies");
    }
    let verify = start.elapsed();
    println!("  verifier alone: {:.0} ns/inst", verify.as_nanos() as f64 / insts as f64);
    println!(
        "generated traces of ~{ops} ops: {} traces, {} insts, {:.0} ns/inst compile, {:.1} code bytes/inst",
        traces_count,
        insts,
        elapsed.as_nanos() as f64 / insts as f64,
        bytes as f64 / insts as f64
    );
}

const SUM_LOOP: &str = "
%0:int = input 0
%1:int = kint 0
%2:int = kint 1
%3 = loop
%4:int = phi %1
%5:int = phi %1
snap 0: frame pc=3 base=0 [0=%4 1=%5]
%6:int = addov %5, %4 snap=0
snap 1: frame pc=5 base=0 [0=%4 1=%6]
%7:int = addov %4, %2 snap=1
%8:bool = lt %7, %0
snap 2: frame pc=9 base=0 [0=%7 1=%6]
%9 = guard.true %8 snap=2
%10 = jump %7, %6
";

/// The same loop in Rust: overflow-checked adds, as Python ints need.
#[inline(never)]
fn rust_sum(n: i64) -> Option<i64> {
    let (mut i, mut s) = (0i64, 0i64);
    loop {
        s = s.checked_add(i)?;
        i = i.checked_add(1)?;
        if i >= n {
            return Some(s);
        }
    }
}

/// Seconds of one run of `f`, and its result.
fn timed<T>(f: &mut impl FnMut() -> T) -> (f64, T) {
    let t = Instant::now();
    let r = f();
    (t.elapsed().as_secs_f64(), r)
}

/// The best of `runs` timings of `a` and of `b`, run in turns so that load
/// from other processes on the machine hits both alike.
fn best_of_interleaved<A, B>(
    runs: usize,
    mut a: impl FnMut() -> A,
    mut b: impl FnMut() -> B,
) -> ((f64, A), (f64, B)) {
    let mut best_a = timed(&mut a);
    let mut best_b = timed(&mut b);
    for _ in 1..runs {
        let ta = timed(&mut a);
        if ta.0 < best_a.0 {
            best_a = ta;
        }
        let tb = timed(&mut b);
        if tb.0 < best_b.0 {
            best_b = tb;
        }
    }
    (best_a, best_b)
}

fn main() {
    compile_figures(100, 2000);
    compile_figures(5000, 20);
    if std::env::args().any(|a| a == "--compile-only") {
        return;
    }
    sum_loop("both adds checked", SUM_LOOP, 2);
    // As an optimizer that knows `i < n` (as LLVM does for the Rust loop)
    // would leave it: the counter's add needs no overflow check.
    let ranged = SUM_LOOP.replace("addov %4, %2 snap=1", "add %4, %2");
    sum_loop("counter add unchecked", &ranged, 1);
}

fn sum_loop(what: &str, text: &str, loop_exit: u32) {
    let n: i64 = 200_000_000;
    let trace = traces::text::parse(text).expect("parses");
    let code = compile(&trace).expect("compiles");
    let run_jit = || {
        let mut state = vec![n as u64, 0];
        // SAFETY: the trace reads no memory and calls no helper.
        let exit = unsafe { code.run(&mut state) };
        (exit, state[1])
    };
    let ((jit, (exit, sum)), (rust, expect)) =
        best_of_interleaved(9, run_jit, || rust_sum(black_box(n)));
    assert_eq!(exit, loop_exit, "the loop-condition guard");
    assert_eq!(Some(sum as i64), expect);
    println!(
        "sum loop ({what}), {n} iterations: compiled trace {:.3} s ({:.2} ns/iter, {} code bytes), Rust --release {:.3} s; ratio {:.2}x",
        jit,
        jit * 1e9 / n as f64,
        code.code_size(),
        rust,
        jit / rust
    );
}
