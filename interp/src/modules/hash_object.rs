//! The Python side of the hash modules (`_md5`, `_sha1`, `_sha256`,
//! `_sha512`, `_sha3`, `_blake2`): classes with update, digest, hexdigest and copy.
//! An object keeps the message so far in a bytearray attribute and hashes
//! it on `digest`, so each algorithm is one pure function of its
//! parameters and the whole message.

use super::module_set;
use crate::builtins::bytes_methods::bytes_like;
use crate::builtins::{add_method, arg_range, method_no_args, method_one_arg, native_in};
use crate::object::attrmap::AttrMap;
use crate::object::bytes::bytearray_of;
use crate::object::types::TypeObj;
use crate::object::{Gc, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

/// One hash algorithm as Python sees it.
pub struct Algorithm {
    pub name: &'static str,
    pub module: &'static str,
    /// 0 for the extendable-output functions, whose digest takes a length.
    pub digest_size: usize,
    pub block_size: usize,
    /// The digest of `message` under `params` (algorithm-specific bytes),
    /// `length` bytes long.
    pub digest: fn(params: &[u8], message: &[u8], length: usize) -> Vec<u8>,
}

const MESSAGE_ATTR: &str = "_tachyon_hash_message";
const PARAMS_ATTR: &str = "_tachyon_hash_params";

fn algorithm_named(name: &str) -> Option<&'static Algorithm> {
    super::md5::ALGORITHMS
        .iter()
        .chain(super::sha1::ALGORITHMS)
        .chain(super::sha256::ALGORITHMS)
        .chain(super::sha3::ALGORITHMS)
        .chain(super::sha512::ALGORITHMS)
        .chain(super::blake2::ALGORITHMS)
        .copied()
        .find(|a| a.name == name)
}

/// Makes module `module_name` with one class and constructor per algorithm.
pub fn create_module(
    vm: &mut Vm,
    module_name: &str,
    algorithms: &[(&'static Algorithm, NativeFn)],
) -> PyResult {
    let module = vm.new_module(module_name)?;
    let mark = vm.push_temp(module);
    let result = (|| {
        let object = vm.heap.types().object;
        for (algorithm, ctor) in algorithms {
            let cls = vm.heap.new_class(
                vm.heap.types().type_,
                algorithm.name,
                &[object],
                AttrMap::new(),
            )?;
            vm.heap.add_permanent_root(cls);
            let methods: &[(&'static str, NativeFn)] =
                &[("update", update), ("digest", digest), ("hexdigest", hexdigest), ("copy", copy)];
            for (name, f) in methods {
                add_method(vm, cls, name, *f);
            }
            let name = vm.heap.new_str(algorithm.name);
            crate::builtins::set_type_attr(vm, cls, "name", name);
            let block = vm.heap.new_int_i64(algorithm.block_size as i64);
            crate::builtins::set_type_attr(vm, cls, "block_size", block);
            let f = native_in(vm, module, algorithm.name, *ctor);
            module_set(vm, module, algorithm.name, f)?;
            module_set(vm, module, &format!("_{}_type", algorithm.name), cls)?;
        }
        Ok(())
    })();
    vm.truncate_temps(mark);
    result.map(|_| module)
}

/// The constructor of the algorithms without parameters: `name(string=b'')`.
pub fn construct(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    algorithm: &'static Algorithm,
) -> PyResult {
    let bound =
        crate::builtins::str_methods::keyword_args(vm, args, kwnames, algorithm.name, &["string"])?;
    instantiate(vm, algorithm, Vec::new(), algorithm.digest_size, bound[0])
}

/// A new hash object of `algorithm` fed `data` (if given).
pub fn instantiate(
    vm: &mut Vm,
    algorithm: &'static Algorithm,
    params: Vec<u8>,
    digest_size: usize,
    data: Option<Value>,
) -> PyResult {
    let message = match data {
        Some(v) => data_arg(vm, v)?,
        None => Vec::new(),
    };
    let module = vm.import_module(algorithm.module)?;
    let key = vm.heap.intern(&format!("_{}_type", algorithm.name));
    let cls = vm.get_attr(module, key)?;
    let t = Gc::<TypeObj>::from_value(cls).ok_or_else(|| vm.type_error("lost the hash type"))?;
    new_object(vm, t, message, &params, digest_size)
}

fn new_object(
    vm: &mut Vm,
    t: Gc<TypeObj>,
    message: Vec<u8>,
    params: &[u8],
    digest_size: usize,
) -> PyResult {
    let obj = vm.heap.new_instance(t);
    let mark = vm.push_temp(obj);
    let result = (|| {
        let attrs =
            vm.heap.attrs_of(obj, true).ok_or_else(|| vm.type_error("not a hash object"))?;
        let message = vm.heap.new_bytearray(message);
        attrs.set(&vm.heap, vm.heap.intern(MESSAGE_ATTR), message);
        let params = vm.heap.new_bytes(params);
        attrs.set(&vm.heap, vm.heap.intern(PARAMS_ATTR), params);
        let size = vm.heap.new_int_i64(digest_size as i64);
        attrs.set(&vm.heap, vm.heap.intern("digest_size"), size);
        Ok(())
    })();
    vm.truncate_temps(mark);
    result.map(|_| obj)
}

/// The bytes of a hash argument: anything with the buffer protocol, not str.
pub fn data_arg(vm: &Vm, v: Value) -> PyResult<Vec<u8>> {
    if crate::object::str::str_of(v).is_some() {
        return Err(vm.type_error("Unicode-objects must be encoded before hashing"));
    }
    bytes_like(v).ok_or_else(|| vm.type_error("object supporting the buffer API required"))
}

/// What a hash object holds: its algorithm, parameters, size and message.
struct State {
    algorithm: &'static Algorithm,
    params: Vec<u8>,
    digest_size: usize,
    message: Value,
}

fn state(vm: &mut Vm, obj: Value) -> PyResult<State> {
    let name_key = vm.heap.intern("name");
    let name = vm.get_attr(obj, name_key)?;
    let not_hash = || vm.type_error("not a hash object");
    let algorithm = crate::object::str::str_of(name)
        .and_then(|s| s.to_str().ok().and_then(algorithm_named))
        .ok_or_else(not_hash)?;
    let attrs = vm.heap.attrs_of(obj, false).ok_or_else(not_hash)?;
    let get = |key: &str| attrs.get(vm.heap.intern(key));
    let message = get(MESSAGE_ATTR).filter(|m| bytearray_of(*m).is_some()).ok_or_else(not_hash)?;
    let params = get(PARAMS_ATTR).and_then(bytes_like).ok_or_else(not_hash)?;
    let digest_size =
        get("digest_size").and_then(|v| v.as_small_int()).ok_or_else(not_hash)? as usize;
    Ok(State { algorithm, params, digest_size, message })
}

fn update(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let data = method_one_arg(vm, args, kwnames, "update")?;
    let data = data_arg(vm, data)?;
    let st = state(vm, args[0])?;
    if let Some(message) = bytearray_of(st.message) {
        message.data.borrow_mut().extend_from_slice(&data);
    }
    Ok(Value::NONE)
}

fn digest_bytes(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Vec<u8>> {
    let st = state(vm, args[0])?;
    let length = if st.algorithm.digest_size == 0 {
        let length = arg_range(vm, name, &args[1..], kwnames, 1, 1)?[0];
        match length.as_small_int() {
            Some(n) if n < 0 => return Err(vm.value_error("value must be positive")),
            Some(n) if n < (1 << 29) => n as usize,
            Some(_) => return Err(vm.value_error("digest length is too large")),
            None => return Err(vm.type_error("length must be an integer")),
        }
    } else {
        method_no_args(vm, args, kwnames, name)?;
        st.digest_size
    };
    let message = bytearray_of(st.message).map(|m| m.data.borrow().clone()).unwrap_or_default();
    Ok((st.algorithm.digest)(&st.params, &message, length))
}

fn digest(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = digest_bytes(vm, args, kwnames, "digest")?;
    Ok(vm.heap.new_bytes(&d))
}

fn hexdigest(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = digest_bytes(vm, args, kwnames, "hexdigest")?;
    Ok(vm.heap.new_str_from_string(d.iter().map(|b| format!("{b:02x}")).collect()))
}

fn copy(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    arg_range(vm, "copy", &args[1..], kwnames, 0, 0)?;
    let st = state(vm, args[0])?;
    let t = Gc::<TypeObj>::from_value(vm.heap.type_of(args[0]))
        .ok_or_else(|| vm.type_error("not a hash object"))?;
    let message = bytearray_of(st.message).map(|m| m.data.borrow().clone()).unwrap_or_default();
    new_object(vm, t, message, &st.params, st.digest_size)
}

/// `message` padded for the 64-byte-block Merkle-Damgård hashes (MD5,
/// SHA-1, SHA-256): 0x80, zeros, then the bit length in 8 bytes.
pub fn md_padded(message: &[u8], big_endian_length: bool) -> Vec<u8> {
    let bits = (message.len() as u64).wrapping_mul(8);
    let mut out = message.to_vec();
    out.push(0x80);
    while out.len() % 64 != 56 {
        out.push(0);
    }
    out.extend_from_slice(&if big_endian_length { bits.to_be_bytes() } else { bits.to_le_bytes() });
    out
}

#[cfg(test)]
pub fn hex(d: &[u8]) -> String {
    d.iter().map(|b| format!("{b:02x}")).collect()
}
