//! `AddrMap`: a `HashMap` keyed by the bits of a `Value` (an address or an
//! interned name), hashed by one multiply instead of SipHash: such keys
//! are already unique words, and no Python input chooses them.

pub type AddrMap<V> = traces::hash::WordMap<u64, V>;
