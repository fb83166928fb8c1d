//! Name lookup: globals with builtins behind them (with an inline cache),
//! the locals mapping of module and class bodies, and the errors for
//! missing names.

use super::code::{CacheEntry, CodeObj};
use super::{PyResult, Vm};
use crate::object::dict::dict_of;
use crate::object::str::str_of;
use crate::object::Gc;
use crate::object::{PyErr, Value};

/// A global cache entry says where the name's binding lives, not what it
/// was: `value` is the globals dict it was found for, `extra` the entry
/// position in the dict that binds it, so storing a new value to a global
/// (a module's loop variable or counter) invalidates no cache. The entry
/// is checked to still hold the name; a name found in the builtins also
/// needs the globals' keys unchanged (so the name is still absent there),
/// kept in `key`, and their `__builtins__` still the interpreter's.
const FROM_BUILTINS: u64 = 1 << 63;
/// The low bits of `extra`: the entry position of the name.
const ENTRY_MASK: u64 = 0xffff_ffff;
/// For a builtin: where `__builtins__` sits in the globals, plus one (0
/// when they have none), in `extra`'s bits 32 to 62.
const DUNDER_BUILTINS_SHIFT: u32 = 32;
const DUNDER_BUILTINS_MASK: u64 = 0x7fff_ffff;

/// The live entry `ix` of `dict` if its key is `key` itself: its value.
fn value_at(dict: Value, ix: u64, key: Value) -> Option<Value> {
    let d = dict_of(dict)?;
    let table = d.table.borrow();
    let (_, k, v) = table.entry(ix as usize)?;
    (*k == key).then_some(*v)
}

impl Vm {
    /// `LoadGlobal`: the globals dict, then builtins, through the site's
    /// cache (see [`FROM_BUILTINS`] for what it holds).
    pub fn load_global(
        &mut self,
        code: Gc<CodeObj>,
        globals: Value,
        name: u16,
        cache: u16,
    ) -> PyResult {
        let key = code.name_value(name);
        let entry = code.cache(cache);
        if entry.key != 0 && entry.value == globals {
            if let Some(v) = self.cached_global(globals, key, entry) {
                return Ok(v);
            }
        }
        if let Some((v, entry)) = self.global_binding(globals, key) {
            code.set_cache(cache, entry);
            return Ok(v);
        }
        let found = match self.dict_get_item(globals, key)? {
            Some(v) => v,
            None => {
                let builtins = self.builtins_of(globals)?;
                if builtins != self.builtins {
                    // The cache does not cover a custom builtins mapping.
                    return match self.mapping_lookup(builtins, key)? {
                        Some(v) => Ok(v),
                        None => Err(self.name_not_defined(key)),
                    };
                }
                if let Some((v, entry)) = self.builtin_binding(globals, key) {
                    code.set_cache(cache, entry);
                    return Ok(v);
                }
                match self.dict_get_item(self.builtins, key)? {
                    Some(v) => v,
                    None => return Err(self.name_not_defined(key)),
                }
            }
        };
        Ok(found)
    }

    /// The value a cache entry made for `globals` leads to, if the binding
    /// it found is still where it was.
    fn cached_global(&self, globals: Value, key: Value, entry: CacheEntry) -> Option<Value> {
        let ix = entry.extra & ENTRY_MASK;
        if entry.extra & FROM_BUILTINS == 0 {
            return value_at(globals, ix, key);
        }
        {
            let g = dict_of(globals)?;
            let table = g.table.borrow();
            if table.keys_version().wrapping_add(1) != entry.key {
                return None;
            }
            let at = (entry.extra >> DUNDER_BUILTINS_SHIFT) & DUNDER_BUILTINS_MASK;
            if at != 0 {
                let (_, k, v) = table.entry(at as usize - 1)?;
                if *k != self.names.dunder_builtins || !self.is_own_builtins(*v) {
                    return None;
                }
            }
        }
        value_at(self.builtins, ix, key)
    }

    /// `key` bound in the globals under that very str: its value and the
    /// cache entry that finds it again.
    fn global_binding(&self, globals: Value, key: Value) -> Option<(Value, CacheEntry)> {
        let ix = dict_of(globals)?.entry_of_str(key)? as u64;
        if ix > ENTRY_MASK {
            return None;
        }
        let v = value_at(globals, ix, key)?;
        Some((v, CacheEntry { key: 1, value: globals, extra: ix }))
    }

    /// `key` bound in the interpreter's builtins under that very str, and
    /// absent from `globals` (a dict, whose `__builtins__`, if any, is the
    /// interpreter's): its value and the cache entry that finds it again.
    fn builtin_binding(&self, globals: Value, key: Value) -> Option<(Value, CacheEntry)> {
        let g = dict_of(globals)?;
        if self.heap.type_obj(globals).is_heap_type() {
            // A dict subclass may answer `__builtins__` from `__missing__`.
            return None;
        }
        let at = match g.entry_of_str(self.names.dunder_builtins) {
            Some(at) => {
                let v = value_at(globals, at as u64, self.names.dunder_builtins)?;
                if !self.is_own_builtins(v) || at as u64 >= DUNDER_BUILTINS_MASK {
                    return None;
                }
                at as u64 + 1
            }
            None => 0,
        };
        let ix = dict_of(self.builtins)?.entry_of_str(key)? as u64;
        if ix > ENTRY_MASK {
            return None;
        }
        let v = value_at(self.builtins, ix, key)?;
        let version = g.table.borrow().keys_version().wrapping_add(1);
        let extra = FROM_BUILTINS | at << DUNDER_BUILTINS_SHIFT | ix;
        Some((v, CacheEntry { key: version, value: globals, extra }))
    }

    /// Whether a `__builtins__` value names the interpreter's builtins.
    fn is_own_builtins(&self, v: Value) -> bool {
        v == self.builtins || (v == self.builtins_module && !v.is_none())
    }

    /// The builtins that code running with `globals` sees: its
    /// `__builtins__` (a module stands for its dict), the interpreter's
    /// when absent.
    pub fn builtins_of(&mut self, globals: Value) -> PyResult {
        let declared = match self.dict_get_str_fast(globals, self.names.dunder_builtins) {
            Some(found) => found,
            None => self.mapping_lookup(globals, self.names.dunder_builtins)?,
        };
        Ok(match declared {
            None => self.builtins,
            Some(b) if b == self.builtins_module => self.builtins,
            Some(b) => match super::function::module_of(b) {
                Some(m) => m.dict,
                None => b,
            },
        })
    }

    /// `LoadBuildClass`: `__build_class__` of the builtins `globals` sees
    /// (a program may replace or remove it, as `exec` with
    /// `{'__builtins__': {}}` does).
    pub fn load_build_class(&mut self, globals: Value) -> PyResult {
        let builtins = self.builtins_of(globals)?;
        let key = self.heap.intern("__build_class__");
        match self.mapping_lookup(builtins, key)? {
            Some(f) => Ok(f),
            None => Err(PyErr::name_error(&self.heap, "__build_class__ not found")),
        }
    }

    /// `LoadName`: locals mapping, globals, builtins.
    pub fn load_name(&mut self, locals: Value, globals: Value, key: Value) -> PyResult {
        if !locals.is_none() {
            if let Some(v) = self.mapping_lookup(locals, key)? {
                return Ok(v);
            }
        }
        if let Some(v) = self.dict_get_item(globals, key)? {
            return Ok(v);
        }
        let builtins = self.builtins_of(globals)?;
        if let Some(v) = self.mapping_lookup(builtins, key)? {
            return Ok(v);
        }
        Err(self.name_not_defined(key))
    }

    /// `mapping[key]` that reports absence instead of raising KeyError.
    pub fn mapping_lookup(&mut self, mapping: Value, key: Value) -> PyResult<Option<Value>> {
        if dict_of(mapping).is_some() && !self.heap.type_obj(mapping).is_heap_type() {
            return self.dict_get_item(mapping, key);
        }
        match self.get_item(mapping, key) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.matches(&self.heap, self.heap.types().key_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `StoreName`: `locals[key] = value`.
    pub fn store_subscr_mapping(
        &mut self,
        locals: Value,
        key: Value,
        value: Value,
    ) -> PyResult<()> {
        if dict_of(locals).is_some() && !self.heap.type_obj(locals).is_heap_type() {
            return self.dict_set_item(locals, key, value);
        }
        self.set_item(locals, key, value)
    }

    /// `DeleteName`: false when the name was not there.
    pub fn delete_from_mapping(&mut self, locals: Value, key: Value) -> PyResult<bool> {
        if dict_of(locals).is_some() && !self.heap.type_obj(locals).is_heap_type() {
            return self.dict_del_item(locals, key);
        }
        match self.del_item(locals, key) {
            Ok(()) => Ok(true),
            Err(e) if e.matches(&self.heap, self.heap.types().key_error) => Ok(false),
            Err(e) => Err(e),
        }
    }

    pub fn name_not_defined(&self, key: Value) -> PyErr {
        let name = str_of(key).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        PyErr::name_error(&self.heap, &format!("name '{name}' is not defined"))
    }

    pub fn unbound_local(&self, key: Value) -> PyErr {
        let name = str_of(key).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        PyErr::unbound_local_error(
            &self.heap,
            &format!("local variable '{name}' referenced before assignment"),
        )
    }

    /// `SetupAnnotations`: `__annotations__ = {}` unless present.
    pub fn setup_annotations(&mut self, locals: Value) -> PyResult<()> {
        let key = self.names.dunder_annotations;
        if self.mapping_lookup(locals, key)?.is_none() {
            let d = self.heap.new_dict();
            self.store_subscr_mapping(locals, key, d)?;
        }
        Ok(())
    }
}
