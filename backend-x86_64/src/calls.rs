//! Helper calls under the System V ABI: caller-saved registers saved and
//! restored around the call, arguments read from where they survive, GC
//! roots published for helpers that may collect.

// dynasm expands a dynamic register `Rq(r)` to `r.into()`.
#![allow(clippy::useless_conversion)]

use dynasmrt::{dynasm, DynasmLabelApi};
use traces::regalloc::{gc_root_marker, CallSave, GC_ROOT_HEADER};
use traces::{Type, Val};

use crate::enc;
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
                self.e.fstore_rsp(self.e.frame.fpr_save(r), r);
            } else {
                self.e.store_rsp(self.e.frame.gpr_save(r), r);
            }
        }
        if helper.may_collect {
            self.publish_gc_roots(&site);
        }
        let saved = |v: Val| site.save.iter().find(|s| s.0 == v).map(|s| s.2);
        // Float arguments load without touching a gpr (constants come from
        // the pool), so their order against the gprs does not matter.
        let floats = inst.args.iter().filter(|a| trace.ty(**a).is_float());
        for (k, &v) in floats.enumerate() {
            let k = self.file.fpr.arguments[k];
            match saved(v) {
                Some(r) => self.e.fload_rsp(k, self.e.frame.fpr_save(r)),
                None => self.e.load_fpr(k, v),
            }
        }
        let gprs = inst.args.iter().filter(|a| !trace.ty(**a).is_float());
        for (k, &v) in gprs.enumerate() {
            let dst = self.file.gpr.arguments[k];
            match saved(v) {
                Some(r) => self.e.load_rsp(dst, self.e.frame.gpr_save(r)),
                None => self.e.load_gpr(dst, v),
            }
        }
        let addr = self.e.pool.label(&mut self.e.asm, helper.addr as i64);
        dynasm!(self.e.asm ; .arch x64 ; call QWORD [=>addr]);
        match inst.ty {
            Type::Void => {}
            Type::Float => {
                let x = self.e.fdst(i);
                self.e.movapd(x, 0);
                self.e.finish(i, x);
            }
            ty => {
                if ty == Type::Bool {
                    // The C ABI defines only the low byte of a bool result.
                    dynasm!(self.e.asm ; .arch x64 ; movzx eax, al);
                }
                let d = self.e.dst(i);
                self.e.mov_rr(d, RAX);
                self.e.finish(i, d);
            }
        }
        if helper.may_collect {
            let count = 8 * self.gc_root_area as i32;
            enc::store_imm(&mut self.e.asm, STATE, count, 0);
        }
        for &(_, float, r) in &site.restore {
            if float {
                self.e.fload_rsp(r, self.e.frame.fpr_save(r));
            } else {
                self.e.load_rsp(r, self.e.frame.gpr_save(r));
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
        // A marker fits 32 bits (see `gc_root_marker`).
        let marker = gc_root_marker(roots.len(), refs) as i32;
        enc::store_imm(&mut self.e.asm, STATE, 8 * area as i32, marker);
    }
}
