//! The helpers generated traces call: real `extern "C"` functions, each
//! mirrored by a closure for the evaluator.

use crate::eval::HelperFn;
use crate::trace::{Helper, Trace};
use crate::types::Type;

extern "C" fn imix(a: i64, b: i64) -> i64 {
    a.wrapping_mul(31).wrapping_add(b)
}
extern "C" fn fmix(a: f64, b: i64) -> f64 {
    a * 0.5 + b as f64
}
extern "C" fn sum6(a: i64, b: i64, c: i64, d: i64, e: i64, f: i64) -> i64 {
    a.wrapping_add(b).wrapping_add(c).wrapping_add(d).wrapping_add(e).wrapping_sub(f)
}
extern "C" fn mixed(a: i64, x: f64, b: i64, y: f64) -> f64 {
    (a.wrapping_sub(b)) as f64 * x - y
}
extern "C" fn isneg(a: i64) -> bool {
    a < 0
}
extern "C" fn touch(a: i64) {
    std::hint::black_box(a);
}

pub(super) fn fl(bits: u64) -> f64 {
    f64::from_bits(bits)
}

/// The helpers generated traces call: their signature (bound to the real
/// function's address) and the evaluator's closure.
pub fn standard_helpers() -> Vec<(Helper, fn() -> HelperFn)> {
    let h = |name: &str, addr: u64, args: &[Type], ret: Type| Helper {
        name: name.to_string(),
        addr,
        args: args.to_vec(),
        ret,
        may_raise: false,
        may_collect: false,
        sinks_to: None,
        writes_nothing: false,
    };
    use Type::{Float as F, Int as I};
    vec![
        (h("imix", imix as *const () as u64, &[I, I], I), || {
            Box::new(|a| imix(a[0] as i64, a[1] as i64) as u64)
        }),
        (h("fmix", fmix as *const () as u64, &[F, I], F), || {
            Box::new(|a| fmix(fl(a[0]), a[1] as i64).to_bits())
        }),
        (h("sum6", sum6 as *const () as u64, &[I, I, I, I, I, I], I), || {
            Box::new(|a| {
                let x: Vec<i64> = a.iter().map(|v| *v as i64).collect();
                sum6(x[0], x[1], x[2], x[3], x[4], x[5]) as u64
            })
        }),
        (h("mixed", mixed as *const () as u64, &[I, F, I, F], F), || {
            Box::new(|a| mixed(a[0] as i64, fl(a[1]), a[2] as i64, fl(a[3])).to_bits())
        }),
        (h("isneg", isneg as *const () as u64, &[I], Type::Bool), || {
            Box::new(|a| isneg(a[0] as i64) as u64)
        }),
        // Marked as collecting, so generated code publishes its live refs.
        (
            Helper { may_collect: true, ..h("touch", touch as *const () as u64, &[I], Type::Void) },
            || {
                Box::new(|a| {
                    touch(a[0] as i64);
                    0
                })
            },
        ),
    ]
}

/// Points a text trace's helpers at the standard helpers of the same name.
pub fn bind_standard_helpers(trace: &mut Trace) {
    for (h, _) in standard_helpers() {
        trace.bind_helper(&h.name, h.addr);
    }
}
