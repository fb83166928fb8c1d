//! Python's numeric algorithms, independent of the heap: what CPython keeps
//! in `Objects/longobject.c`, `floatobject.c`, `complexobject.c` and
//! `Python/pystrtod.c`, as plain Rust functions on plain values.
//!
//! | module | owns |
//! |---|---|
//! | [`float_repr`] | shortest round-trip `repr`/`str` of a float |

pub mod float_repr;
