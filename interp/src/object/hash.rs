//! Which SipHash key `str` and `bytes` hashes use (the algorithm is
//! `crate::number::hash`). `PYTHONHASHSEED=N` selects the key CPython uses
//! for that seed, so dict and set orders of str keys match
//! `PYTHONHASHSEED=N python3.8`; unset, `random` or invalid gives seed 0:
//! deterministic runs (CPython would pick a random key per run, so no
//! program can depend on its orders).

use std::sync::OnceLock;

use crate::number::hash::{hash_bytes, hash_str, SipKey};

/// The key for this process, read from the environment once.
pub fn str_hash_key() -> SipKey {
    static KEY: OnceLock<SipKey> = OnceLock::new();
    *KEY.get_or_init(|| {
        let seed =
            std::env::var("PYTHONHASHSEED").ok().and_then(|s| s.parse::<u32>().ok()).unwrap_or(0);
        SipKey::from_hash_seed(seed)
    })
}

/// `hash(s)` of a str's text.
pub fn str_hash(text: &str) -> i64 {
    hash_str(text, str_hash_key())
}

/// `hash(s)` of a str given as code points (one holding lone surrogates):
/// CPython hashes the str's canonical buffer, one, two or four bytes per
/// code point by the largest one.
pub fn str_hash_code_points(cps: impl Iterator<Item = u32> + Clone) -> i64 {
    let max = cps.clone().max().unwrap_or(0);
    let data: Vec<u8> = if max < 0x100 {
        cps.map(|c| c as u8).collect()
    } else if max < 0x10000 {
        cps.flat_map(|c| (c as u16).to_le_bytes()).collect()
    } else {
        cps.flat_map(|c| c.to_le_bytes()).collect()
    };
    bytes_hash(&data)
}

/// `hash(b)` of bytes.
pub fn bytes_hash(data: &[u8]) -> i64 {
    hash_bytes(data, str_hash_key())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    #[test]
    fn matches_python38_for_the_seed_in_use() {
        let seed =
            std::env::var("PYTHONHASHSEED").ok().and_then(|s| s.parse::<u32>().ok()).unwrap_or(0);
        let samples = [
            "",
            "a",
            "ab",
            "abcdefgh",
            "abcdefghi",
            "hello world, this is long",
            "é",
            "ÿx",
            "€uro",
            "日本語",
            "🐍",
            "a🐍é",
        ];
        let python = crate::pythonpath::find_python38().expect("python3.8 is needed for this test");
        let script = "import sys\nfor line in sys.stdin.read().split('\\x00'):\n    print(hash(line), hash(line.encode()))";
        let mut child = Command::new(python)
            .args(["-c", script])
            .env("PYTHONHASHSEED", seed.to_string())
            .env("PYTHONIOENCODING", "utf-8")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("python3.8 runs");
        use std::io::Write;
        child.stdin.take().expect("piped").write_all(samples.join("\0").as_bytes()).expect("write");
        let out = child.wait_with_output().expect("python3.8 finishes");
        let text = String::from_utf8(out.stdout).expect("utf-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), samples.len());
        for (s, line) in samples.iter().zip(lines) {
            assert_eq!(
                format!("{} {}", str_hash(s), bytes_hash(s.as_bytes())),
                line,
                "hash of {s:?}"
            );
        }
    }
}
