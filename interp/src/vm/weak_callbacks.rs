//! Weakref callbacks: the collector only queues the weakrefs whose targets
//! died ([`crate::object::Heap::take_weakref_callbacks`]); the VM calls them
//! afterwards, outside the collector, where running Python code is safe:
//! at the interpreter loop's safepoint after an automatic collection, and
//! after `gc.collect()`.

use super::Vm;

impl Vm {
    /// Calls `callback(ref)` for each weakref whose target a collection
    /// found dead, as CPython does when the target goes; an exception there
    /// is printed as ignored and the others still run.
    pub fn run_weakref_callbacks(&mut self) {
        let pending = self.heap.take_weakref_callbacks();
        if pending.is_empty() {
            return;
        }
        let mark = self.stack.len();
        for &(weakref, callback) in &pending {
            self.push_temp(weakref);
            self.push_temp(callback);
        }
        for (weakref, callback) in pending {
            if let Err(e) = self.call(callback, &[weakref]) {
                self.flush_stdout();
                let text = self.print_exception(e.exception());
                let what = self.repr_of_value(callback).unwrap_or_default();
                self.write_stderr(&format!("Exception ignored in: {what}\n{text}"));
            }
        }
        self.truncate_temps(mark);
    }
}
