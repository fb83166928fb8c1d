//! Helpers of the generators a trace drains for their consumer
//! (`record::drain`): the items pile up on the VM's value stack, where they
//! are rooted, as they do when the interpreter drains a generator
//! (`Vm::gen_drain_onto_stack`), and the consumer takes them from there.

use super::{value, with_vm};
use crate::object::Value;

/// Where the items of a drain start: the value stack's height, a small
/// int (a trace exit inside the drain finds them there).
pub(super) extern "C" fn drain_begin() -> u64 {
    with_vm(|vm| Ok(Value::from_small_int(vm.stack.len() as i64).unwrap_or(Value::NONE)))
}

/// `yield item` in a generator being drained: the item joins the others.
pub(super) extern "C" fn drain_item(item: u64) -> u64 {
    with_vm(|vm| {
        vm.stack.push(value(item));
        Ok(Value::NONE)
    });
    0
}

/// The generator returned: what `consumer` makes of the items from stack
/// height `start` (a boxed small int) up, which leave the stack.
pub(super) extern "C" fn drain_end(consumer: u64, start: u64) -> u64 {
    with_vm(|vm| {
        let start = value(start).as_small_int().map_or(vm.stack.len(), |i| i as usize);
        vm.consume_drained(value(consumer), start)
    })
}
