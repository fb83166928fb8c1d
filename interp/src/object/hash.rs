//! CPython 3.8's hash of strings and bytes: SipHash-2-4 over the object's
//! storage (`Python/pyhash.c`) with the key CPython uses under
//! `PYTHONHASHSEED=0`, so dict and set orders of str keys match
//! `PYTHONHASHSEED=0 python3.8` (default CPython randomises them per run).
//! Numeric hashes belong to `crate::number`.

/// CPython hashes the canonical representation of a str: one byte per code
/// point when all are below 256, two (native endian) below 65536, else four.
pub fn hash_str(s: &str) -> i64 {
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    if max < 128 {
        return hash_bytes(s.as_bytes());
    }
    let bytes: Vec<u8> = if max < 256 {
        s.chars().map(|c| c as u8).collect()
    } else if max < 65536 {
        s.chars().flat_map(|c| (c as u16).to_ne_bytes()).collect()
    } else {
        s.chars().flat_map(|c| (c as u32).to_ne_bytes()).collect()
    };
    hash_bytes(&bytes)
}

/// `_Py_HashBytes`: 0 for empty input, never -1.
pub fn hash_bytes(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    let h = siphash24(0, 0, data) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn siphash24(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f6d6570736575;
    let mut v1 = k1 ^ 0x646f72616e646f6d;
    let mut v2 = k0 ^ 0x6c7967656e657261;
    let mut v3 = k1 ^ 0x7465646279746573;
    let round = |v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64| {
        *v0 = v0.wrapping_add(*v1);
        *v1 = v1.rotate_left(13) ^ *v0;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v3);
        *v3 = v3.rotate_left(16) ^ *v2;
        *v0 = v0.wrapping_add(*v3);
        *v3 = v3.rotate_left(21) ^ *v0;
        *v2 = v2.wrapping_add(*v1);
        *v1 = v1.rotate_left(17) ^ *v2;
        *v2 = v2.rotate_left(32);
    };
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let m = u64::from_le_bytes(chunk.try_into().expect("chunks_exact(8)"));
        v3 ^= m;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= m;
    }
    let mut last = (data.len() as u64) << 56;
    for (i, &b) in chunks.remainder().iter().enumerate() {
        last |= (b as u64) << (8 * i);
    }
    v3 ^= last;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= last;
    v2 ^= 0xff;
    for _ in 0..4 {
        round(&mut v0, &mut v1, &mut v2, &mut v3);
    }
    v0 ^ v1 ^ v2 ^ v3
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    #[test]
    fn matches_python38_with_hashseed_zero() {
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
            .env("PYTHONHASHSEED", "0")
            .env("PYTHONIOENCODING", "utf-8")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("python3.8 runs");
        use std::io::Write;
        child.stdin.take().unwrap().write_all(samples.join("\0").as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), samples.len());
        for (s, line) in samples.iter().zip(lines) {
            assert_eq!(
                format!("{} {}", hash_str(s), hash_bytes(s.as_bytes())),
                line,
                "hash of {s:?}"
            );
        }
    }
}
