//! Throughput of `interp::table` against `std::collections` for int-like
//! keys (a Python int hashes to itself), in millions of operations per second.
//!
//!     cargo run --release -p interp --example table_bench [N [small]]

use interp::table::dict::Dict;
use interp::table::set::Set;
use interp::table::sort::sort;
use interp::table::{infallible, NativeEq};
use std::collections::{HashMap, HashSet};
use std::hint::black_box;
use std::time::Instant;

fn rate(label: &str, n: usize, f: impl FnOnce() -> u64) {
    let start = Instant::now();
    let check = f();
    let secs = start.elapsed().as_secs_f64();
    println!("{label:<44} {:>8.1} Mops/s  (check {check})", n as f64 / secs / 1e6);
}

/// Keys as a Python program sees them: sequential, and scattered.
fn key_sets(n: usize) -> Vec<(&'static str, Vec<i64>)> {
    let scattered = (0..n as i64)
        .map(|i| (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) as i64 >> 16)
        .collect();
    vec![("sequential", (0..n as i64).collect()), ("scattered", scattered)]
}

/// The VM's commonest case: many lookups in a small dict (globals, kwargs).
fn small_dict_lookups(n: usize) {
    let keys: Vec<i64> = (0..8).map(|i| i * 1_000_003).collect();
    let mut dict = Dict::new();
    let mut map = HashMap::new();
    for &k in &keys {
        infallible(dict.insert(k, k, k, &mut NativeEq));
        map.insert(k, k);
    }
    rate("table::Dict lookup hit, 8-key dict", n, || small_table_lookups(&dict, &keys, n));
    rate("std HashMap lookup hit, 8-key map", n, || small_std_lookups(&map, &keys, n));
}

/// Apart (never inlined) so that `valgrind --tool=cachegrind` can count
/// the instructions of each loop.
#[inline(never)]
fn small_table_lookups(dict: &Dict<i64, i64>, keys: &[i64], n: usize) -> u64 {
    let mut sum = 0u64;
    for i in 0..n {
        let k = keys[i & 7];
        sum += *infallible(dict.get(k, &k, &mut NativeEq)).unwrap_or(&0) as u64;
    }
    black_box(sum)
}

#[inline(never)]
fn small_std_lookups(map: &HashMap<i64, i64>, keys: &[i64], n: usize) -> u64 {
    let mut sum = 0u64;
    for i in 0..n {
        sum += *map.get(&keys[i & 7]).unwrap_or(&0) as u64;
    }
    black_box(sum)
}

/// list.sort's algorithm on a million ints against Rust's own stable sort.
fn sorting(n: usize) {
    for (shape, keys) in key_sets(n) {
        let scrambled: Vec<i64> =
            if shape == "sequential" { keys.iter().map(|k| k ^ 0x5555).collect() } else { keys };
        let mut v = scrambled.clone();
        rate(&format!("table::sort, {n} ints, {shape} xor"), n, || {
            let done: Result<(), ()> = sort(&mut v, false, |a, b| Ok(a < b));
            black_box(done.is_ok() as u64)
        });
        let mut v = scrambled;
        rate(&format!("slice::sort, {n} ints, {shape} xor"), n, || {
            v.sort();
            black_box(v[0] as u64)
        });
    }
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1_000_000);
    println!("{n} keys per run");
    small_dict_lookups(n * 10);
    if std::env::args().nth(2).as_deref() == Some("small") {
        return;
    }
    sorting(n);
    for (shape, keys) in key_sets(n) {
        let mut dict = Dict::new();
        rate(&format!("table::Dict insert, {shape}"), n, || {
            for &k in &keys {
                infallible(dict.insert(k, k, k, &mut NativeEq));
            }
            dict.len() as u64
        });
        rate(&format!("table::Dict lookup hit, {shape}"), n, || {
            let mut sum = 0u64;
            for &k in &keys {
                sum += *infallible(dict.get(k, &k, &mut NativeEq)).unwrap_or(&0) as u64;
            }
            black_box(sum)
        });
        let mut map = HashMap::new();
        rate(&format!("std HashMap insert, {shape}"), n, || {
            for &k in &keys {
                map.insert(k, k);
            }
            map.len() as u64
        });
        rate(&format!("std HashMap lookup hit, {shape}"), n, || {
            let mut sum = 0u64;
            for k in &keys {
                sum += *map.get(k).unwrap_or(&0) as u64;
            }
            black_box(sum)
        });
        let mut set = Set::new();
        rate(&format!("table::Set add, {shape}"), n, || {
            for &k in &keys {
                infallible(set.add(k, k, &mut NativeEq));
            }
            set.len() as u64
        });
        rate(&format!("table::Set contains, {shape}"), n, || {
            let count =
                keys.iter().filter(|&&k| infallible(set.contains(k, &k, &mut NativeEq))).count();
            black_box(count as u64)
        });
        let mut std_set = HashSet::new();
        rate(&format!("std HashSet insert, {shape}"), n, || {
            for &k in &keys {
                std_set.insert(k);
            }
            std_set.len() as u64
        });
        rate(&format!("std HashSet contains, {shape}"), n, || {
            black_box(keys.iter().filter(|k| std_set.contains(k)).count() as u64)
        });
    }
}
