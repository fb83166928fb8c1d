//! `astcheck --fuzz N`: N random mutations of every chosen file, each
//! parsed; a panic is reported with the file and the mutation's seed. The
//! parser must answer every input with a tree or a `SyntaxError`.

use interp::parse::{self, Mode};
use std::path::PathBuf;

/// A small deterministic generator (64-bit LCG), so a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

const INSERTS: &[u8] = b"()[]{}:;,.=*@'\"\\\n\t #fbrux0_9+-<>!~%&|^\x0cj";

/// `seed`'s mutation of `source`: a few deletions, insertions and copies.
pub fn mutate(source: &[u8], seed: u64) -> Vec<u8> {
    let mut rng = Lcg(seed);
    let mut text = source.to_vec();
    for _ in 0..1 + rng.next() % 4 {
        let len = text.len().max(1);
        let at = rng.next() % len;
        match rng.next() % 3 {
            0 => {
                let end = (at + 1 + rng.next() % 8).min(text.len());
                text.drain(at.min(text.len())..end);
            }
            1 => text.insert(at.min(text.len()), INSERTS[rng.next() % INSERTS.len()]),
            _ => {
                let end = (at + 1 + rng.next() % 32).min(text.len());
                let copy = text[at.min(text.len())..end].to_vec();
                let to = (rng.next() % len).min(text.len());
                text.splice(to..to, copy);
            }
        }
    }
    text
}

/// Runs the mutations; the descriptions of the inputs that panicked.
pub fn run(files: &[PathBuf], per_file: u64) -> Vec<String> {
    let mut panics = Vec::new();
    for path in files {
        let Ok(source) = std::fs::read(path) else { continue };
        for seed in 0..per_file {
            let mutated = mutate(&source, seed);
            let outcome = std::panic::catch_unwind(|| {
                let _ = parse::parse_bytes(&mutated, "fuzz.py", Mode::Module)
                    .map(|t| parse::dump::dump(&t));
            });
            if outcome.is_err() {
                panics.push(format!("{} seed {seed}", path.display()));
            }
        }
    }
    panics
}

/// Writes `per_file` mutations of each file into `dir` (as `NNNNN_SEED.py`),
/// for `astcheck --lib DIR` to compare with CPython: differential testing of
/// the errors. Returns how many were written.
pub fn write_mutations(
    files: &[PathBuf],
    per_file: u64,
    dir: &std::path::Path,
) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    let mut written = 0;
    for (i, path) in files.iter().enumerate() {
        let Ok(source) = std::fs::read(path) else { continue };
        for seed in 0..per_file {
            std::fs::write(dir.join(format!("{i:05}_{seed}.py")), mutate(&source, seed))?;
            written += 1;
        }
    }
    Ok(written)
}
