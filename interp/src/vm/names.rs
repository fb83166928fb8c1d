//! Name lookup: globals with builtins behind them (with an inline cache),
//! the locals mapping of module and class bodies, and the errors for
//! missing names.

use super::code::{CacheEntry, CodeObj};
use super::{PyResult, Vm};
use crate::object::dict::dict_of;
use crate::object::str::str_of;
use crate::object::Gc;
use crate::object::{PyErr, Value};

impl Vm {
    /// `LoadGlobal`: the globals dict, then builtins. The cache remembers
    /// the value for the pair of table mutation counters it was found under.
    pub fn load_global(
        &mut self,
        code: Gc<CodeObj>,
        globals: Value,
        name: u16,
        cache: u16,
    ) -> PyResult {
        let key = code.name_value(name);
        let stamp = self.namespace_stamp(globals);
        let entry = code.cache(cache);
        if entry.key == stamp && stamp != 0 && !entry.value.is_empty() {
            return Ok(entry.value);
        }
        let found = match self.dict_get_item(globals, key)? {
            Some(v) => v,
            None => {
                let builtins = self.builtins_of(globals)?;
                if builtins != self.builtins {
                    // The stamp does not cover a custom builtins mapping.
                    return match self.mapping_lookup(builtins, key)? {
                        Some(v) => Ok(v),
                        None => Err(self.name_not_defined(key)),
                    };
                }
                match self.dict_get_item(self.builtins, key)? {
                    Some(v) => v,
                    None => return Err(self.name_not_defined(key)),
                }
            }
        };
        code.set_cache(cache, CacheEntry { key: stamp, value: found, extra: 0 });
        Ok(found)
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

    /// A number that changes whenever the globals or builtins dict changes
    /// (0 when it cannot be computed: no caching then).
    fn namespace_stamp(&self, globals: Value) -> u64 {
        match (dict_of(globals), dict_of(self.builtins)) {
            (Some(g), Some(b)) => {
                let g = g.table.borrow().mutations();
                let b = b.table.borrow().mutations();
                // Both counters only grow; mixing with the dict's address
                // keeps caches of different modules apart.
                (g.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b ^ globals.bits()).max(1)
            }
            _ => 0,
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
