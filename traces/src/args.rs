//! An instruction's operands: a small vector that keeps up to
//! [`INLINE_ARGS`] values in place and spills longer lists (helper calls
//! with many arguments, loop jumps) to the heap.
//!
//! Every instruction the recorder and the optimizer build, copy, look up
//! and compare carries one; with a `Vec` each of those steps was a malloc
//! (a third of the JIT's compile time went to the allocator).

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Deref, DerefMut};

use crate::trace::Val;

/// Operands kept without allocating: every op but calls and jumps has at
/// most three.
pub const INLINE_ARGS: usize = 5;

/// The operands of an instruction; reads as a `[Val]`.
#[derive(Clone)]
pub enum Args {
    Inline { len: u8, vals: [Val; INLINE_ARGS] },
    Heap(Vec<Val>),
}

impl Args {
    pub const fn new() -> Args {
        Args::Inline { len: 0, vals: [Val(0); INLINE_ARGS] }
    }

    pub fn push(&mut self, v: Val) {
        match self {
            Args::Inline { len, vals } if (*len as usize) < INLINE_ARGS => {
                vals[*len as usize] = v;
                *len += 1;
            }
            Args::Inline { .. } => {
                let mut heap = Vec::with_capacity(INLINE_ARGS * 2);
                heap.extend_from_slice(self);
                heap.push(v);
                *self = Args::Heap(heap);
            }
            Args::Heap(heap) => heap.push(v),
        }
    }

    pub fn insert(&mut self, at: usize, v: Val) {
        assert!(at <= self.len(), "insertion index {at} past the end");
        self.push(v);
        self[at..].rotate_right(1);
    }
}

impl Default for Args {
    fn default() -> Args {
        Args::new()
    }
}

impl Deref for Args {
    type Target = [Val];
    fn deref(&self) -> &[Val] {
        match self {
            Args::Inline { len, vals } => &vals[..*len as usize],
            Args::Heap(heap) => heap,
        }
    }
}

impl DerefMut for Args {
    fn deref_mut(&mut self) -> &mut [Val] {
        match self {
            Args::Inline { len, vals } => &mut vals[..*len as usize],
            Args::Heap(heap) => heap,
        }
    }
}

impl From<&[Val]> for Args {
    fn from(vals: &[Val]) -> Args {
        if vals.len() <= INLINE_ARGS {
            let mut inline = [Val(0); INLINE_ARGS];
            inline[..vals.len()].copy_from_slice(vals);
            Args::Inline { len: vals.len() as u8, vals: inline }
        } else {
            Args::Heap(vals.to_vec())
        }
    }
}

impl<const N: usize> From<[Val; N]> for Args {
    fn from(vals: [Val; N]) -> Args {
        Args::from(&vals[..])
    }
}

impl From<Vec<Val>> for Args {
    fn from(vals: Vec<Val>) -> Args {
        if vals.len() <= INLINE_ARGS {
            Args::from(&vals[..])
        } else {
            Args::Heap(vals)
        }
    }
}

impl FromIterator<Val> for Args {
    fn from_iter<I: IntoIterator<Item = Val>>(iter: I) -> Args {
        let mut args = Args::new();
        for v in iter {
            args.push(v);
        }
        args
    }
}

impl<'a> IntoIterator for &'a Args {
    type Item = &'a Val;
    type IntoIter = std::slice::Iter<'a, Val>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl PartialEq for Args {
    fn eq(&self, other: &Args) -> bool {
        self[..] == other[..]
    }
}

impl Eq for Args {}

impl Hash for Args {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self[..].hash(state)
    }
}

impl fmt::Debug for Args {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(n: u32) -> Vec<Val> {
        (0..n).map(Val).collect()
    }

    #[test]
    fn pushing_past_the_inline_room_keeps_every_value_in_order() {
        for n in 0..(INLINE_ARGS as u32 * 3) {
            let args: Args = vals(n).into_iter().collect();
            assert_eq!(&args[..], &vals(n)[..]);
            assert_eq!(matches!(args, Args::Inline { .. }), n as usize <= INLINE_ARGS);
        }
    }

    #[test]
    fn insert_shifts_the_tail() {
        for n in 0..(INLINE_ARGS as u32 + 3) {
            for at in 0..=n as usize {
                let mut args = Args::from(vals(n));
                args.insert(at, Val(99));
                let mut want = vals(n);
                want.insert(at, Val(99));
                assert_eq!(&args[..], &want[..]);
            }
        }
    }

    #[test]
    fn equal_values_compare_and_hash_alike_however_stored() {
        use std::collections::hash_map::DefaultHasher;
        let hash = |a: &Args| {
            let mut h = DefaultHasher::new();
            a.hash(&mut h);
            h.finish()
        };
        let inline = Args::from(vals(3));
        let heap = Args::Heap(vals(3));
        assert_eq!(inline, heap);
        assert_eq!(hash(&inline), hash(&heap));
        assert_ne!(inline, Args::from(vals(2)));
    }
}
