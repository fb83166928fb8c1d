//! `--trace-dump[=FILE]`: every trace's origin, recorded bytecode, IR and
//! code size when it is compiled; at exit, entry and exit counts, and the
//! aborts and blacklistings.

use std::io::Write;

use crate::vm::Vm;

impl Vm {
    /// Writes the dump, if asked for, at the end of the run.
    pub fn write_trace_dump(&mut self) {
        let Some(target) = self.jit.options.dump.clone() else { return };
        let mut out = String::new();
        for entry in &self.jit.all {
            out.push_str(&format!("==== trace {} at {}\n", entry.id, entry.origin));
            out.push_str("---- bytecode recorded\n");
            out.push_str(&entry.listing);
            out.push_str("---- IR\n");
            out.push_str(&traces::text::print(&entry.trace));
            out.push_str(&format!("---- machine code: {} bytes\n", entry.code.code_size()));
        }
        out.push_str("==== counts\n");
        for entry in &self.jit.all {
            let entered = self.jit.entries_of(entry);
            out.push_str(&format!("trace {}: entered {entered} times\n", entry.id));
            if let Some(end) = entry.linkable_end {
                out.push_str(&format!(
                    "  end (exit {end}): reached {} times\n",
                    entry.passes.get()
                ));
            }
            for (exit, meta) in entry.exits.iter().enumerate() {
                if meta.count.get() > 0 {
                    out.push_str(&format!("  exit {exit}: {} times\n", meta.count.get()));
                }
            }
        }
        for event in &self.jit.events {
            out.push_str(&format!("{event}\n"));
        }
        if target == "-" {
            let _ = std::io::stderr().write_all(out.as_bytes());
        } else if let Err(e) = std::fs::write(&target, out) {
            eprintln!("tachyon: cannot write trace dump to {target}: {e}");
        }
    }
}
