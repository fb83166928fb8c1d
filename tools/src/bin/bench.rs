//! `cargo run --release -p tools --bin bench -- [options]`: compares tachyon
//! with CPython 3.8 on the benchmark suite. See `--help` and the README.

use tools::bench::tool::{main as bench_main, Layout};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(bench_main(&Layout::of_this_build(), &args));
}
