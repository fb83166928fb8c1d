//! `_random`: the Mersenne Twister of CPython's `Modules/_randommodule.c`,
//! seeded the same way, so `random.seed(1); random.random()` gives the
//! same numbers as CPython.
//!
//! `_random.Random` is a class that Python code subclasses (`random.Random`);
//! the generator state of an instance lives in a bytearray attribute, so
//! instances need nothing the object layer does not already have.

use super::module_set;
use crate::builtins::add_method;
use crate::number::int::Int;
use crate::number::int_bytes::{self, ByteOrder};
use crate::object::attrmap::AttrMap;
use crate::object::bytes::bytearray_of;
use crate::object::tuple::tuple_of;
use crate::object::{PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// Bytes of a generator state: 624 words and the index of the next one
/// to temper, little-endian (what the instance's bytearray holds).
const STATE_BYTES: usize = (N + 1) * 4;

/// The generator, working in place on its state bytes.
pub struct MersenneTwister<'a> {
    bytes: &'a mut [u8],
}

impl<'a> MersenneTwister<'a> {
    /// A view of `bytes`, if they are a state.
    pub fn over(bytes: &'a mut [u8]) -> Option<MersenneTwister<'a>> {
        (bytes.len() == STATE_BYTES).then_some(MersenneTwister { bytes })
    }

    fn get(&self, i: usize) -> u32 {
        let b = &self.bytes[4 * i..4 * i + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }

    fn set(&mut self, i: usize, w: u32) {
        self.bytes[4 * i..4 * i + 4].copy_from_slice(&w.to_le_bytes());
    }

    fn init_genrand(&mut self, s: u32) {
        self.set(0, s);
        for i in 1..N {
            let prev = self.get(i - 1);
            self.set(i, 1_812_433_253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32));
        }
        self.set(N, N as u32);
    }

    /// `init_by_array`: the seeding of `random.seed(int)`.
    pub fn seed_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        let len = key.len().max(1);
        for _ in 0..N.max(len) {
            let prev = self.get(i - 1) ^ (self.get(i - 1) >> 30);
            let w = (self.get(i) ^ prev.wrapping_mul(1_664_525))
                .wrapping_add(key.get(j).copied().unwrap_or(0))
                .wrapping_add(j as u32);
            self.set(i, w);
            i += 1;
            j += 1;
            if i >= N {
                self.set(0, self.get(N - 1));
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.get(i - 1) ^ (self.get(i - 1) >> 30);
            let w = (self.get(i) ^ prev.wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            self.set(i, w);
            i += 1;
            if i >= N {
                self.set(0, self.get(N - 1));
                i = 1;
            }
        }
        self.set(0, 0x8000_0000);
    }

    pub fn next_u32(&mut self) -> u32 {
        let mut index = self.get(N) as usize;
        if index >= N {
            let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
            for k in 0..N {
                let y = (self.get(k) & UPPER_MASK) | (self.get((k + 1) % N) & LOWER_MASK);
                let w = self.get((k + M) % N) ^ (y >> 1) ^ mag(y);
                self.set(k, w);
            }
            index = 0;
        }
        let mut y = self.get(index);
        self.set(N, index as u32 + 1);
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `genrand_res53`: a float in [0, 1) with 53 random bits.
    pub fn next_f64(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }
}

/// A fresh state seeded by `key`.
pub fn seeded_state(key: &[u32]) -> Vec<u8> {
    let mut bytes = vec![0u8; STATE_BYTES];
    if let Some(mut g) = MersenneTwister::over(&mut bytes) {
        g.seed_by_array(key);
    }
    bytes
}

const STATE_ATTR: &str = "_tachyon_mt_state";

pub fn create(vm: &mut Vm) -> PyResult {
    let module = vm.new_module("_random")?;
    let mark = vm.push_temp(module);
    let result = (|| {
        let object = vm.heap.types().object;
        let cls = vm.heap.new_class(vm.heap.types().type_, "Random", &[object], AttrMap::new())?;
        vm.push_temp(cls);
        let module_name = vm.heap.new_str("_random");
        crate::builtins::set_type_attr(vm, cls, "__module__", module_name);
        let methods: &[(&'static str, NativeFn)] = &[
            ("__init__", init),
            ("seed", seed),
            ("random", random),
            ("getrandbits", getrandbits),
            ("getstate", getstate),
            ("setstate", setstate),
        ];
        for (name, f) in methods {
            add_method(vm, cls, name, *f);
        }
        module_set(vm, module, "Random", cls)
    })();
    vm.truncate_temps(mark);
    result.map(|_| module)
}

/// Runs `f` on the generator of `this`, seeding it from the clock first
/// if it has none.
fn with_generator<T>(
    vm: &mut Vm,
    this: Value,
    f: impl FnOnce(&mut MersenneTwister) -> T,
) -> PyResult<T> {
    let name = vm.heap.intern(STATE_ATTR);
    let stored = vm.heap.attrs_of(this, false).and_then(|a| a.get(name)).and_then(bytearray_of);
    let state = match stored {
        Some(b) if b.data.borrow().len() == STATE_BYTES => b,
        _ => {
            store(vm, this, seeded_state(&entropy_key()))?;
            return with_generator(vm, this, f);
        }
    };
    let mut data = state.data.borrow_mut();
    let mut g = MersenneTwister::over(&mut data).ok_or_else(|| vm.value_error("invalid state"))?;
    Ok(f(&mut g))
}

fn store(vm: &mut Vm, this: Value, state: Vec<u8>) -> PyResult<()> {
    let name = vm.heap.intern(STATE_ATTR);
    let Some(attrs) = vm.heap.attrs_of(this, true) else {
        return Err(vm.type_error("descriptor requires a '_random.Random' object"));
    };
    let data = vm.heap.new_bytearray(state);
    attrs.set(&vm.heap, name, data);
    Ok(())
}

/// A seed from the clock and the process id, for `seed(None)`.
fn entropy_key() -> Vec<u32> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let pid = std::process::id();
    vec![nanos as u32, (nanos >> 32) as u32, (nanos >> 64) as u32, pid]
}

/// The 32-bit words of `|n|`, least significant first (`[0]` for zero).
fn key_of_int(n: &Int) -> Vec<u32> {
    let (_, digits) = n.to_bigint().to_u32_digits();
    if digits.is_empty() {
        vec![0]
    } else {
        digits
    }
}

fn init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if !kwnames.is_empty() {
        return Err(vm.type_error("Random() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(
            vm.type_error(&format!("Random() expected at most 1 argument, got {}", args.len() - 1))
        );
    }
    // CPython 3.8's `random_new` passes its whole argument tuple to the
    // seeding function, which hashes it: `Random(1)` is not `seed(1)`.
    let tuple = vm.heap.new_tuple(&args[1..]);
    let mark = vm.push_temp(tuple);
    let result = seed(vm, &[args[0], tuple], &[]);
    vm.truncate_temps(mark);
    result
}

fn seed(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = crate::builtins::arg_range(vm, "seed", args, kwnames, 1, 2)?;
    let this = args[0];
    let key = match args.get(1) {
        None => entropy_key(),
        Some(v) if v.is_none() => entropy_key(),
        Some(&v) => match vm.as_int(v) {
            Some(n) => key_of_int(&n),
            None => {
                // CPython seeds with the hash as an unsigned machine word.
                let h = vm.hash_value(v)? as u64;
                if h >> 32 == 0 {
                    vec![h as u32]
                } else {
                    vec![h as u32, (h >> 32) as u32]
                }
            }
        },
    };
    store(vm, this, seeded_state(&key))?;
    Ok(Value::NONE)
}

fn random(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::method_no_args(vm, args, kwnames, "random")?;
    with_generator(vm, args[0], |g| g.next_f64()).map(Value::from_f64)
}

fn getrandbits(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let k = crate::builtins::method_one_arg(vm, args, kwnames, "getrandbits")?;
    let k = crate::builtins::functions::index_of(vm, k)?;
    let Some(k) = k.to_i64() else {
        return Err(PyErr::overflow_error(&vm.heap, "Python int too large to convert to C int"));
    };
    if k <= 0 {
        return Err(vm.value_error("number of bits must be greater than zero"));
    }
    let result = with_generator(vm, args[0], |g| {
        if k <= 32 {
            Int::from((g.next_u32() >> (32 - k)) as i64)
        } else {
            let mut bytes = Vec::with_capacity((k as usize).div_ceil(32) * 4);
            let mut left = k;
            while left > 0 {
                let mut r = g.next_u32();
                if left < 32 {
                    r >>= 32 - left;
                }
                bytes.extend_from_slice(&r.to_le_bytes());
                left -= 32;
            }
            int_bytes::from_bytes(&bytes, ByteOrder::Little, false)
        }
    })?;
    Ok(vm.int_value(result))
}

fn getstate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::method_no_args(vm, args, kwnames, "getstate")?;
    let words = with_generator(vm, args[0], |g| (0..=N).map(|i| g.get(i)).collect::<Vec<u32>>())?;
    let items: Vec<Value> = words.iter().map(|w| vm.heap.new_int_i64(*w as i64)).collect();
    Ok(vm.heap.new_tuple(&items))
}

fn setstate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let state = crate::builtins::method_one_arg(vm, args, kwnames, "setstate")?;
    let Some(t) = tuple_of(state) else {
        return Err(vm.type_error("state vector must be a tuple"));
    };
    let items = t.items().to_vec();
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut state = vec![0u8; STATE_BYTES];
    for (i, v) in items.iter().enumerate() {
        let Some(n) = vm.as_int(*v) else {
            return Err(vm.type_error("an integer is required"));
        };
        let n = n.to_i64().unwrap_or(-1);
        if i == N && !(0..=N as i64).contains(&n) {
            return Err(vm.value_error("invalid state"));
        }
        state[4 * i..4 * i + 4].copy_from_slice(&(n as u32).to_le_bytes());
    }
    store(vm, args[0], state)?;
    Ok(Value::NONE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython_seed_1() {
        // python3.8 -c "import random; random.seed(1); print(random.random())"
        let mut state = seeded_state(&[1]);
        let g = MersenneTwister::over(&mut state).map(|mut g| g.next_f64());
        assert_eq!(g, Some(0.13436424411240122));
        assert!(MersenneTwister::over(&mut [0u8; 3]).is_none());
    }
}
