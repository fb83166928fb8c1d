//! Helper calls under AAPCS64: caller-saved registers saved and restored
//! around the call, arguments read from where they survive, GC roots
//! published for helpers that may collect.

// dynasm expands a dynamic register `X(r)` to `r.into()`.
#![allow(clippy::useless_conversion)]

use dynasmrt::{dynasm, DynasmApi};
use traces::regalloc::{gc_root_marker, CallSave, GC_ROOT_HEADER};
use traces::{Type, Val};

use crate::asm::Width;
use crate::lower::Lowering;
use crate::regs::*;

impl Lowering<'_> {
    pub(crate) fn call(&mut self, i: usize) {
        let trace = self.e.trace;
        let inst = &trace.insts[i];
        let helper = &trace.helpers[inst.helper.unwrap_or(0) as usize];
        let site = self.calls.next().unwrap_or_default();
        for &(_, float, r) in &site.save {
            if float {
                self.e.fstore_sp(self.e.frame.fpr_save(r), r);
            } else {
                self.e.store_sp(self.e.frame.gpr_save(r), r);
            }
        }
        if helper.may_collect {
            self.publish_gc_roots(&site);
        }
        // An argument register may still hold another argument's value:
        // every argument held in a caller-saved register is read back from
        // the save area instead.
        let saved = |v: Val| site.save.iter().find(|s| s.0 == v).map(|s| s.2);
        let floats = inst.args.iter().filter(|a| trace.ty(**a).is_float());
        for (k, &v) in floats.enumerate() {
            let k = self.file.fpr.arguments[k];
            match saved(v) {
                Some(r) => self.e.fload_sp(k, self.e.frame.fpr_save(r)),
                None => self.e.load_fpr(k, v),
            }
        }
        let gprs = inst.args.iter().filter(|a| !trace.ty(**a).is_float());
        for (k, &v) in gprs.enumerate() {
            let dst = self.file.gpr.arguments[k];
            match saved(v) {
                Some(r) => self.e.load_sp(dst, self.e.frame.gpr_save(r)),
                None => self.e.load_gpr(dst, v),
            }
        }
        self.e.mov_imm(SCRATCH_B, helper.addr as i64);
        dynasm!(self.e.asm ; .arch aarch64 ; blr X(SCRATCH_B));
        match inst.ty {
            Type::Void => {}
            Type::Float => {
                let x = self.e.fdst(i);
                self.e.fmov_rr(x, 0);
                self.e.finish(i, x);
            }
            ty => {
                let d = self.e.dst(i);
                if ty == Type::Bool {
                    // AAPCS64 leaves the bits above a bool's byte unspecified.
                    dynasm!(self.e.asm ; .arch aarch64 ; uxtb W(d), w0);
                } else {
                    self.e.mov_rr(d, 0);
                }
                self.e.finish(i, d);
            }
        }
        if helper.may_collect {
            let count = 8 * self.gc_root_area as i64;
            self.e.mov_imm(SCRATCH_B, 0);
            self.e.access(true, Width::X, SCRATCH_B, STATE, count);
        }
        for &(_, float, r) in &site.restore {
            if float {
                self.e.fload_sp(r, self.e.frame.fpr_save(r));
            } else {
                self.e.load_sp(r, self.e.frame.gpr_save(r));
            }
        }
    }

    /// Writes the values live across a collecting call (or passed to it)
    /// into the root area, then marks the trace as inside the call (see
    /// `traces::regalloc::exits`).
    fn publish_gc_roots(&mut self, site: &CallSave) {
        let (roots, refs) = (&site.gc_roots, site.gc_refs);
        let area = self.gc_root_area;
        for &k in &site.gc_root_writes {
            self.e.store_state(area + GC_ROOT_HEADER + k, roots[k]);
        }
        self.e.mov_imm(SCRATCH_B, gc_root_marker(roots.len(), refs) as i64);
        self.e.access(true, Width::X, SCRATCH_B, STATE, 8 * area as i64);
    }
}
