use super::*;
use crate::modules::inflate::{inflate, Wrapper};
use quickcheck::{Arbitrary, Gen, QuickCheck};

/// Text, runs, pseudo-random bytes and a long repetitive stretch: the
/// shapes that take every path (matches, lazy matches, window slides).
fn sample(kind: u8, len: usize) -> Vec<u8> {
    let mut x: u32 = 12345;
    let mut next = move || {
        x = x.wrapping_mul(1103515245).wrapping_add(12345);
        (x >> 16) as u8
    };
    match kind {
        0 => b"the quick brown fox jumps over the lazy dog; "
            .iter()
            .cycle()
            .take(len)
            .enumerate()
            .map(|(i, &b)| if i % 97 == 0 { b'A' + (i % 26) as u8 } else { b })
            .collect(),
        1 => (0..len).map(|_| next()).collect(),
        2 => (0..len).map(|i| (i / 300 % 7) as u8).collect(),
        _ => (0..len).map(|_| b"abcd"[(next() % 4) as usize]).collect(),
    }
}

fn round_trip(data: &[u8], level: i32, wbits: i32, mem: i32, strategy: i32) {
    let mut d = Deflater::new(level, 8, wbits, mem, strategy).unwrap();
    let out = d.run(data, Z_FINISH).unwrap();
    let (wrapper, bits) = match wbits {
        w if w < 0 => (Wrapper::Raw, -w),
        w if w > 15 => (Wrapper::Gzip, w - 16),
        w => (Wrapper::Zlib, w),
    };
    let back = inflate(&out, wrapper, bits.max(9) as u32).unwrap();
    assert!(back.complete);
    assert_eq!(back.output, data, "level {level} wbits {wbits} mem {mem} strategy {strategy}");
}

#[test]
fn round_trips_at_every_level_and_strategy() {
    for kind in 0..4 {
        let data = sample(kind, 70_000);
        for level in -1..=9 {
            for strategy in 0..=4 {
                round_trip(&data, level, 15, 8, strategy);
            }
        }
    }
}

#[test]
fn round_trips_small_windows_and_memory() {
    let data = sample(0, 20_000);
    for wbits in [9, 10, 12, -9, -15, 25, 31] {
        for mem in [1, 2, 5, 9] {
            round_trip(&data, 6, wbits, mem, 0);
            round_trip(&data, 1, wbits, mem, 0);
            round_trip(&data, 0, wbits, mem, 0);
        }
    }
}

#[test]
fn empty_input_is_zlibs() {
    assert_eq!(compress(b"", 6).unwrap(), [0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
}

#[test]
fn flushes_end_on_byte_boundaries() {
    let mut d = Deflater::new(6, 8, 15, 8, 0).unwrap();
    let mut out = d.run(b"hello hello hello", Z_NO_FLUSH).unwrap();
    let sync = d.run(&[], Z_SYNC_FLUSH).unwrap();
    assert!(sync.ends_with(&[0, 0, 0xFF, 0xFF]));
    // A second flush with nothing new is a no-op, as in zlib.
    assert!(d.run(&[], Z_SYNC_FLUSH).unwrap().is_empty());
    out.extend(sync);
    out.extend(d.run(b" world", Z_NO_FLUSH).unwrap());
    out.extend(d.run(&[], Z_FULL_FLUSH).unwrap());
    out.extend(d.run(&[], Z_FINISH).unwrap());
    assert!(d.finished());
    let back = inflate(&out, Wrapper::Zlib, 15).unwrap();
    assert_eq!(back.output, b"hello hello hello world");
}

#[test]
fn finished_stream_refuses_more() {
    let mut d = Deflater::new(6, 8, 15, 8, 0).unwrap();
    d.run(b"abc", Z_FINISH).unwrap();
    assert_eq!(d.run(b"x", Z_NO_FLUSH), Err(Status::StreamError));
}

#[test]
fn bad_parameters_are_stream_errors() {
    assert!(Deflater::new(10, 8, 15, 8, 0).is_err());
    assert!(Deflater::new(6, 7, 15, 8, 0).is_err());
    assert!(Deflater::new(6, 8, 7, 8, 0).is_err());
    assert!(Deflater::new(6, 8, -8, 8, 0).is_err());
    assert!(Deflater::new(6, 8, 15, 10, 0).is_err());
    assert!(Deflater::new(6, 8, 15, 8, 5).is_err());
}

#[test]
fn dictionary_sets_the_header_flag() {
    let mut d = Deflater::new(6, 8, 15, 8, 0).unwrap();
    d.set_dictionary(b"hello world").unwrap();
    let out = d.run(b"hello world hello", Z_FINISH).unwrap();
    assert_eq!(out[1] & 0x20, 0x20);
    let mut g = Deflater::new(6, 8, 31, 8, 0).unwrap();
    assert_eq!(g.set_dictionary(b"x"), Err(Status::StreamError));
}

#[derive(Clone, Debug)]
struct Case {
    data: Vec<u8>,
    level: i32,
    strategy: i32,
    wbits: i32,
    mem_level: i32,
}

impl Arbitrary for Case {
    fn arbitrary(g: &mut Gen) -> Case {
        // Small alphabets make matches, plain bytes literals; repeats of a
        // piece with every 7th byte changed make long inputs with long and
        // broken matches (past the window at times).
        let narrow = bool::arbitrary(g);
        let piece: Vec<u8> =
            Vec::<u8>::arbitrary(g).into_iter().map(|b| if narrow { b % 3 } else { b }).collect();
        let repeats = 1 + usize::from(u16::arbitrary(g) % 1000);
        let data = piece
            .repeat(repeats)
            .into_iter()
            .enumerate()
            .map(|(i, b)| if i % 7 == 3 { b.wrapping_add(i as u8) } else { b })
            .collect();
        let level = i32::from(u8::arbitrary(g) % 11) - 1;
        let strategy = i32::from(u8::arbitrary(g) % 5);
        // zlib (9..15), raw (-9..-15) or gzip (25..31) containers.
        let bits = 9 + i32::from(u8::arbitrary(g) % 7);
        let wbits = [bits, -bits, bits + 16][usize::from(u8::arbitrary(g) % 3)];
        let mem_level = 1 + i32::from(u8::arbitrary(g) % 9);
        Case { data, level, strategy, wbits, mem_level }
    }
}

#[test]
fn quickcheck_decompress_of_compress_is_identity() {
    fn prop(case: Case) -> bool {
        let mut d =
            Deflater::new(case.level, 8, case.wbits, case.mem_level, case.strategy).unwrap();
        let out = d.run(&case.data, Z_FINISH).unwrap();
        let wrapper = match case.wbits {
            w if w < 0 => Wrapper::Raw,
            w if w > 15 => Wrapper::Gzip,
            _ => Wrapper::Zlib,
        };
        inflate(&out, wrapper, 15).map(|r| r.complete && r.output == case.data).unwrap_or(false)
    }
    QuickCheck::new().tests(200).quickcheck(prop as fn(Case) -> bool);
}

/// The same streams as CPython 3.8's zlib, byte for byte (needs python3.8).
#[test]
fn matches_cpython_zlib() {
    let python = crate::pythonpath::find_python38().expect("python3.8 is needed for this test");
    let script = r#"
import sys, zlib, hashlib
def sample(kind, n):
    x = 12345
    out = bytearray()
    text = b"the quick brown fox jumps over the lazy dog; "
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0xFFFFFFFF
        r = (x >> 16) & 0xFF
        if kind == 0:
            out.append(ord('A') + i % 26 if i % 97 == 0 else text[i % len(text)])
        elif kind == 1:
            out.append(r)
        elif kind == 2:
            out.append(i // 300 % 7)
        else:
            out.append(b"abcd"[r % 4])
    return bytes(out)
for kind in range(4):
    data = sample(kind, 70000)
    for level in range(-1, 10):
        for strategy in range(5):
            for wbits, mem in ((15, 8), (-10, 2), (31, 9), (9, 1)):
                c = zlib.compressobj(level, zlib.DEFLATED, wbits, mem, strategy)
                out = c.compress(data[:30000]) + c.flush(zlib.Z_SYNC_FLUSH)
                out += c.compress(data[30000:]) + c.flush()
                print(hashlib.sha1(out).hexdigest())
"#;
    let result = std::process::Command::new(python).arg("-c").arg(script).output().unwrap();
    assert!(result.status.success(), "{}", String::from_utf8_lossy(&result.stderr));
    let expected = String::from_utf8(result.stdout).unwrap();
    let mut lines = expected.lines();
    for kind in 0..4 {
        let data = sample(kind, 70_000);
        for level in -1..=9 {
            for strategy in 0..=4 {
                for (wbits, mem) in [(15, 8), (-10, 2), (31, 9), (9, 1)] {
                    let mut d = Deflater::new(level, 8, wbits, mem, strategy).unwrap();
                    let mut out = d.run(&data[..30000], Z_NO_FLUSH).unwrap();
                    out.extend(d.run(&[], Z_SYNC_FLUSH).unwrap());
                    out.extend(d.run(&data[30000..], Z_NO_FLUSH).unwrap());
                    out.extend(d.run(&[], Z_FINISH).unwrap());
                    let want = lines.next().expect("a line per case");
                    assert_eq!(
                        sha1_hex(&out),
                        want,
                        "kind {kind} level {level} strategy {strategy} wbits {wbits} mem {mem}"
                    );
                }
            }
        }
    }
}

fn sha1_hex(data: &[u8]) -> String {
    let digest = (crate::modules::sha1::ALGORITHMS[0].digest)(&[], data, 20);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
