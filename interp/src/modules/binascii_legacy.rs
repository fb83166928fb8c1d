//! The older codecs of `binascii`, byte for byte as CPython 3.8's
//! `Modules/binascii.c`: quoted-printable (`quopri`, email), uuencode
//! (`uu`) and BinHex 4 with its run-length encoding (`binhex`). Pure
//! functions over bytes; `binascii.rs` wraps them.

/// Why a decoder stopped: `binascii.Error` or `binascii.Incomplete`.
#[derive(Debug, PartialEq, Eq)]
pub enum Failure {
    Error(&'static str),
    Incomplete(&'static str),
}

const UPPER_HEX: &[u8; 16] = b"0123456789ABCDEF";
/// Lines of quoted-printable text end before this many characters.
const MAX_QP_LINE: usize = 76;

fn hex_value(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// `a2b_qp(data, header)`: `=XX` escapes, soft line breaks, `_` for space
/// in headers; a malformed `=` is kept as is.
pub fn a2b_qp(data: &[u8], header: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c == b'=' {
            i += 1;
            if i >= data.len() {
                break;
            }
            match data[i] {
                b'\n' | b'\r' => {
                    // A soft line break: skip to past the newline.
                    while i < data.len() && data[i] != b'\n' {
                        i += 1;
                    }
                    if i < data.len() {
                        i += 1;
                    }
                }
                b'=' => {
                    out.push(b'=');
                    i += 1;
                }
                hi => match (hex_value(hi), data.get(i + 1).and_then(|&lo| hex_value(lo))) {
                    (Some(h), Some(l)) => {
                        out.push(h << 4 | l);
                        i += 2;
                    }
                    _ => out.push(b'='),
                },
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// `b2a_qp(data, quotetabs, istext, header)`.
pub fn b2a_qp(data: &[u8], quotetabs: bool, istext: bool, header: bool) -> Vec<u8> {
    // Line ends are all written as the first one is (CRLF or LF).
    let crlf = data.iter().position(|&c| c == b'\n').is_some_and(|p| p > 0 && data[p - 1] == b'\r');
    let newline: &[u8] = if crlf { b"\r\n" } else { b"\n" };
    let mut out = Vec::with_capacity(data.len() * 3 / 2);
    let mut line_len = 0;
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        let last = i + 1 == data.len();
        let next = data.get(i + 1).copied();
        let lone_dot =
            c == b'.' && line_len == 0 && (last || matches!(next, Some(b'\n' | b'\r' | 0)));
        let must_quote = c > 126
            || c == b'='
            || (header && c == b'_')
            || lone_dot
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && last)
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if must_quote {
            if line_len + 3 >= MAX_QP_LINE {
                out.push(b'=');
                out.extend_from_slice(newline);
                line_len = 0;
            }
            out.extend_from_slice(&[
                b'=',
                UPPER_HEX[(c >> 4) as usize],
                UPPER_HEX[(c & 15) as usize],
            ]);
            i += 1;
            line_len += 3;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            line_len = 0;
            // Whitespace before a line end would be lost: quote it.
            if let Some(&ws @ (b' ' | b'\t')) = out.last() {
                out.pop();
                out.extend_from_slice(&[
                    b'=',
                    UPPER_HEX[(ws >> 4) as usize],
                    UPPER_HEX[(ws & 15) as usize],
                ]);
            }
            out.extend_from_slice(newline);
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if !last && next != Some(b'\n') && line_len + 1 >= MAX_QP_LINE {
                out.push(b'=');
                out.extend_from_slice(newline);
                line_len = 0;
            }
            line_len += 1;
            out.push(if header && c == b' ' { b'_' } else { c });
            i += 1;
        }
    }
    out
}

/// `a2b_uu(line)`: one uuencoded line (its first character is the length).
pub fn a2b_uu(line: &[u8]) -> Result<Vec<u8>, Failure> {
    // C reads the string's NUL terminator when it is empty.
    let first = line.first().copied().unwrap_or(0);
    let mut rest = line.get(1..).unwrap_or(&[]).iter();
    let mut remaining = (first.wrapping_sub(b' ') & 0o77) as usize;
    let mut out = Vec::with_capacity(remaining);
    let (mut acc, mut bits) = (0u32, 0u32);
    while remaining > 0 {
        let six = match rest.next() {
            None | Some(b'\n' | b'\r') => 0,
            Some(&c) if !(b' '..=b' ' + 64).contains(&c) => {
                return Err(Failure::Error("Illegal char"))
            }
            Some(&c) => (c - b' ') & 0o77,
        };
        acc = acc << 6 | six as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
            remaining -= 1;
        }
    }
    if rest.any(|&c| !matches!(c, b' ' | b'`' | b'\n' | b'\r')) {
        return Err(Failure::Error("Trailing garbage"));
    }
    Ok(out)
}

/// `b2a_uu(data, backtick)`: one line of at most 45 bytes.
pub fn b2a_uu(data: &[u8], backtick: bool) -> Result<Vec<u8>, Failure> {
    if data.len() > 45 {
        return Err(Failure::Error("At most 45 bytes at once"));
    }
    let encode = |six: u32| if backtick && six == 0 { b'`' } else { six as u8 + b' ' };
    let mut out = vec![encode(data.len() as u32)];
    for chunk in data.chunks(3) {
        let mut group = [0u8; 3];
        group[..chunk.len()].copy_from_slice(chunk);
        let word = u32::from(group[0]) << 16 | u32::from(group[1]) << 8 | u32::from(group[2]);
        for shift in [18, 12, 6, 0] {
            out.push(encode(word >> shift & 0x3f));
        }
    }
    out.push(b'\n');
    Ok(out)
}

/// The 64 characters of BinHex 4's 6-bit encoding.
const HQX_DIGITS: &[u8; 64] = b"!\"#$%&'()*+,-012345689@ABCDEFGHIJKLMNPQRSTUVXYZ[`abcdefhijklmpqr";

/// `b2a_hqx(data)`: 6-bit groups, a runt group padded with zero bits.
pub fn b2a_hqx(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() * 4 / 3 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in data {
        acc = (acc << 8 | u32::from(b)) & 0xffff;
        bits += 8;
        while bits >= 6 {
            bits -= 6;
            out.push(HQX_DIGITS[(acc >> bits & 0x3f) as usize]);
        }
    }
    if bits > 0 {
        out.push(HQX_DIGITS[(acc << (6 - bits) & 0x3f) as usize]);
    }
    out
}

/// `a2b_hqx(text)`: the bytes and whether the closing `:` was seen.
pub fn a2b_hqx(text: &[u8]) -> Result<(Vec<u8>, bool), Failure> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    let mut done = false;
    for &c in text {
        let six = match c {
            b'\n' | b'\r' => continue,
            b':' => {
                done = true;
                break;
            }
            _ => match HQX_DIGITS.iter().position(|&d| d == c) {
                Some(v) => v as u32,
                None => return Err(Failure::Error("Illegal char")),
            },
        };
        acc = acc << 6 | six;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 && !done {
        return Err(Failure::Incomplete("String has incomplete number of bytes"));
    }
    Ok((out, done))
}

/// BinHex's run marker: `0x90 n` repeats the previous byte to `n` in all.
const RUNCHAR: u8 = 0x90;

/// `rlecode_hqx(data)`: runs of more than 3 (at most 255) become
/// `byte 0x90 count`; 0x90 itself is written `0x90 0x00`.
pub fn rlecode_hqx(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c == RUNCHAR {
            out.extend_from_slice(&[RUNCHAR, 0]);
            i += 1;
            continue;
        }
        let run = data[i..].iter().take(255).take_while(|&&b| b == c).count();
        if run > 3 {
            out.extend_from_slice(&[c, RUNCHAR, run as u8]);
            i += run;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// `rledecode_hqx(data)`.
pub fn rledecode_hqx(data: &[u8]) -> Result<Vec<u8>, Failure> {
    let mut input = data.iter().copied();
    let mut out = Vec::with_capacity(data.len() * 2);
    let Some(first) = input.next() else { return Ok(out) };
    let incomplete = Failure::Incomplete("");
    if first == RUNCHAR && input.next().ok_or(incomplete)? != 0 {
        return Err(Failure::Error("Orphaned RLE code at start"));
    }
    out.push(first);
    while let Some(b) = input.next() {
        if b != RUNCHAR {
            out.push(b);
            continue;
        }
        match input.next().ok_or(Failure::Incomplete(""))? {
            0 => out.push(RUNCHAR),
            count => {
                let last = *out.last().unwrap_or(&0);
                out.extend(std::iter::repeat_n(last, count as usize - 1));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_printable_matches_cpython() {
        assert_eq!(b2a_qp(b"caf\xc3\xa9 = ok \n", false, true, false), b"caf=C3=A9 =3D ok=20\n");
        assert_eq!(b2a_qp(b"a b_c", false, true, true), b"a_b=5Fc");
        assert_eq!(a2b_qp(b"caf=C3=A9=\n =3d=zz=", false), b"caf\xc3\xa9 ==zz");
        assert_eq!(a2b_qp(b"a_b", true), b"a b");
        let long = [b'x'; 100];
        let encoded = b2a_qp(&long, false, true, false);
        assert_eq!(&encoded[..77], [&[b'x'; 75][..], b"=\n"].concat());
    }

    #[test]
    fn uu_round_trips_and_errors() {
        assert_eq!(b2a_uu(b"Cat", false).unwrap(), b"#0V%T\n");
        assert_eq!(b2a_uu(b"", true).unwrap(), b"`\n");
        assert_eq!(a2b_uu(b"#0V%T\n").unwrap(), b"Cat");
        assert_eq!(a2b_uu(b"").unwrap(), vec![0; 32]);
        assert_eq!(a2b_uu(b"#0V%T  x"), Err(Failure::Error("Trailing garbage")));
        assert_eq!(b2a_uu(&[0; 46], false), Err(Failure::Error("At most 45 bytes at once")));
    }

    #[test]
    fn binhex_round_trips() {
        let data = b"hello binhex\x90\x90world";
        let encoded = b2a_hqx(&rlecode_hqx(data));
        let (decoded, done) = a2b_hqx(&encoded).unwrap();
        assert!(!done);
        assert_eq!(rledecode_hqx(&decoded).unwrap(), data);
        assert_eq!(rlecode_hqx(b"aaaaab"), b"a\x90\x05b");
        assert_eq!(rledecode_hqx(b"a\x90"), Err(Failure::Incomplete("")));
        assert_eq!(
            a2b_hqx(b"!"),
            Err(Failure::Incomplete("String has incomplete number of bytes"))
        );
    }
}
