//! Measures the backend on any host: compile time and code bytes per IR
//! instruction on generated traces of about 100 and 5,000 ops (the same
//! traces as the x86-64 backend's bench). Run with
//! `cargo run --release -p backend-aarch64 --example aarch64_bench`.

use std::time::Instant;

use backend_aarch64::{assemble, compile};
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
        assemble(&case.trace).expect("assembles");
    }
    let assembling = start.elapsed();
    let start = Instant::now();
    let file = backend_aarch64::regs::reg_file();
    for case in &cases {
        traces::verify::verify(&case.trace).expect("verifies");
        traces::regalloc::allocate(&case.trace, &file);
    }
    let shared = start.elapsed();
    println!(
        "generated traces of ~{ops} ops: {} traces, {} insts, {:.0} ns/inst compile ({:.0} without loading into code memory, {:.0} of them verifying and allocating), {:.1} code bytes/inst",
        traces_count,
        insts,
        elapsed.as_nanos() as f64 / insts as f64,
        assembling.as_nanos() as f64 / insts as f64,
        shared.as_nanos() as f64 / insts as f64,
        bytes as f64 / insts as f64
    );
}

fn main() {
    compile_figures(100, 2000);
    compile_figures(5000, 20);
}
