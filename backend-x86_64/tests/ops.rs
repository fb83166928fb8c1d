//! Hand-written traces covering every op and every kind of exit, each run by
//! the reference evaluator and as compiled code, which must agree (and take
//! the exit the test expects).

use std::collections::HashSet;
use std::sync::Arc;

use backend_x86_64::compile;
use traces::ops::ALL_OPS;
use traces::testing::{
    bind_standard_helpers, differential, Case, MEMORY_BASE, MEMORY_WORDS, STATE_STORES,
};
use traces::text::parse;
use traces::Trace;

fn run_compiled(trace: &Trace, state: &mut [u64]) -> u32 {
    let code = compile(trace).unwrap_or_else(|e| panic!("{e}"));
    // SAFETY: these traces only touch the test memory and standard helpers.
    unsafe { code.run(state) }
}

fn f(x: f64) -> u64 {
    x.to_bits()
}

/// Runs `text` on each input vector; both must agree and take `exit`.
fn check(text: &str, runs: &[(&[u64], u32)]) {
    let mut trace = parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    bind_standard_helpers(&mut trace);
    traces::verify::verify(&trace).unwrap_or_else(|e| panic!("{e}\n{text}"));
    for (inputs, exit) in runs {
        let memory = (0..MEMORY_WORDS as u64).map(|k| k * 0x0101_0101_0101_0101 + 7).collect();
        let case = Case { trace: trace.clone(), inputs: inputs.to_vec(), memory };
        let mut taken = None;
        let mut run = |t: &Trace, s: &mut [u64]| {
            let e = run_compiled(t, s);
            taken = Some(e);
            e
        };
        match differential(&case, &mut run) {
            Ok(true) => {}
            Ok(false) => panic!("loop did not exit\n{text}"),
            Err(e) => panic!("{e} for inputs {inputs:x?}\n{text}"),
        }
        assert_eq!(taken, Some(*exit), "inputs {inputs:x?}\n{text}");
    }
}

const INT_ARITH: &str = "
%0:int = input 0
%1:int = input 1
%2:int = kint 3
%3:int = kint 5000000000
%4:int = add %0, %1
%5:int = sub %0, %1
%6:int = mul %0, %1
%7:int = neg %0
%8:int = and %0, %1
%9:int = or %0, %1
%10:int = xor %0, %1
%11:int = shl %0, %1
%12:int = sar %0, %1
%13:int = shr %0, %1
%14:int = shl %0, %2
%15:int = sar %0, %2
%16:int = shr %0, %2
%17:int = add %0, %2
%18:int = mul %0, %2
%19:int = sub %0, %3
%20:int = and %0, %3
snap 0: frame pc=1 base=0 [0=%4 1=%5 2=%6 3=%7 4=%8 5=%9 6=%10 7=%11 8=%12 9=%13 10=%14 11=%15 12=%16 13=%17 14=%18 15=%19 16=%20]
%21 = exit snap=0
";

#[test]
fn int_arithmetic() {
    let min = i64::MIN as u64;
    check(
        INT_ARITH,
        &[
            (&[5, 3], 0),
            (&[-7i64 as u64, 65], 0),
            (&[min, -1i64 as u64], 0),
            (&[i64::MAX as u64, 1], 0),
        ],
    );
}

const OVERFLOW: &str = "
%0:int = input 0
%1:int = input 1
%2:int = input 2
snap 0: frame pc=1 base=0 [0=%0 1=%1 2=%2]
%3:int = addov %0, %1 snap=0  # exit 0
snap 1: frame pc=2 base=0 [0=%3 1=%2]
%4:int = subov %3, %2 snap=1  # exit 1
%5:int = kint 1000
%6:int = mulov %4, %5 snap=1  # exit 2
snap 2: frame pc=3 base=0 [0=%6 1=%4 2=%3]
%7 = exit snap=2  # exit 3
";

#[test]
fn overflow_guards_take_their_exits() {
    let max = i64::MAX as u64;
    check(
        OVERFLOW,
        &[
            (&[max, 1, 0], 0),
            (&[-5i64 as u64, 2, max], 1),
            (&[max / 1500, max / 1500, 0], 2),
            (&[20, 22, 2], 3),
        ],
    );
}

const COMPARES: &str = "
%0:int = input 0
%1:int = input 1
%2:int = kint 7
%3:bool = lt %0, %1
%4:bool = le %0, %1
%5:bool = gt %0, %1
%6:bool = ge %0, %1
%7:bool = ult %0, %1
%8:bool = ule %0, %1
%9:bool = ugt %0, %1
%10:bool = uge %0, %1
%11:bool = eq %0, %1
%12:bool = ne %0, %1
%13:bool = lt %0, %2
snap 0: frame pc=1 base=0 [0=%3 1=%4 2=%5 3=%6 4=%7 5=%8 6=%9 7=%10 8=%11 9=%12 10=%13]
%14:bool = ge %0, %2
%15 = guard.false %14 snap=0  # exit 0
%16:bool = ult %1, %0
%17 = guard.true %16 snap=0  # exit 1
%18 = exit snap=0  # exit 2
";

#[test]
fn int_compares_materialized_and_fused() {
    check(
        COMPARES,
        &[
            (&[3, 5], 1),
            (&[9, 2], 0),
            (&[-1i64 as u64, 2], 2),
            (&[4, -1i64 as u64], 1),
            (&[2, 2], 1),
        ],
    );
}

const FLOATS: &str = "
%0:float = input 0
%1:float = input 1
%2:float = kflt 0.25
%3:float = fadd %0, %1
%4:float = fsub %0, %1
%5:float = fmul %0, %1
%6:float = fdiv %0, %1
%7:float = fneg %0
%8:float = fabs %0
%9:float = fsqrt %0
%10:float = fmul %0, %2
%11:bool = flt %0, %1
%12:bool = fle %0, %1
%13:bool = fgt %0, %1
%14:bool = fge %0, %1
%15:bool = feq %0, %1
%16:bool = fne %0, %1
snap 0: frame pc=1 base=0 [0=%3 1=%4 2=%5 3=%6 4=%7 5=%8 6=%9 7=%10 8=%11 9=%12 10=%13 11=%14 12=%15 13=%16]
%17:bool = feq %0, %1
%18 = guard.false %17 snap=0  # exit 0
%19:bool = fne %0, %2
%20 = guard.true %19 snap=0  # exit 1
%21:bool = flt %1, %0
%22 = guard.false %21 snap=0  # exit 2
%23:bool = fge %0, %0
%24 = guard.true %23 snap=0  # exit 3
%25 = exit snap=0  # exit 4
";

#[test]
fn float_ops_and_compares_with_nan() {
    let nan = f(f64::NAN);
    check(
        FLOATS,
        &[
            (&[f(2.0), f(2.0)], 0),
            (&[f(0.25), f(1.0)], 1),
            (&[f(3.0), f(1.0)], 2),
            (&[f(-1.0), f(1.0)], 4),
            (&[nan, f(1.0)], 3),
            (&[f(1.0), nan], 4),
            (&[f(-0.0), f(f64::INFINITY)], 4),
        ],
    );
}

const CONVERSIONS: &str = "
%0:int = input 0
%1:float = input 1
%2:bool = input 2
%3:float = i2f %0
%4:int = f2i %1
%5:word = cast %0
%6:ref = cast %5
%7:int = cast %6
%8:int = cast %2
%9:word = f2w %1
%10:float = w2f %9
%11:float = w2f %0
%12:word = kword 0x7ff8000000000001
%13:ref = kref 0x1000
%14:bool = kbool 1
snap 0: frame pc=1 base=0 [0=%3 1=%4 2=%5 3=%6 4=%7 5=%8 6=%9 7=%10 8=%11 9=%12 10=%13 11=%14 12=%1]
%15:int = f2i.exact %1 snap=0  # exit 0
snap 1: frame pc=2 base=0 [0=%15 1=%3]
%16 = exit snap=1  # exit 1
";

#[test]
fn conversions_and_casts() {
    check(
        CONVERSIONS,
        &[
            (&[7, f(2.5), 1], 0),
            (&[-3i64 as u64, f(-42.0), 0], 1),
            (&[i64::MIN as u64, f(f64::NAN), 1], 0),
            (&[1, f(1e300), 0], 0),
            (&[1, f(i64::MIN as f64), 0], 1),
            (&[1, f(-0.0), 0], 1),
        ],
    );
}

const MEMORY: &str = "
%0:word = input 0
%1:int = input 1
%2:int = ld.i64 [%0 + 8]
%3:float = ld.f64 [%0 + %1*8 + 16]
%4:word = ld.word [%0 + %1*4 + 24]
%5:ref = ld.ref [%0 + 32]
%6:int = ld.u8 [%0 + %1*1 + 41]
%7:int = ld.u32 [%0 + %1*2 + 50]
%8:int = kint -1
%9 = st.i64 [%0 + 64], %2
%10 = st.f64 [%0 + %1*8 + 72], %3
%11 = st.word [%0 + 96], %5
%12 = st.u8 [%0 + %1*1 + 104], %8
%13 = st.u32 [%0 + %1*4 + 112], %8
%14:word = kword 0x123456789
%15 = st.word [%0 + 120], %14
%16:word = cast %1
%17:int = ld.i64 [%0 + 72]
snap 0: frame pc=1 base=0 [0=%2 1=%3 2=%4 3=%5 4=%6 5=%7 6=%17]
%18 = exit snap=0
";

#[test]
fn loads_and_stores() {
    check(MEMORY, &[(&[MEMORY_BASE, 0], 0), (&[MEMORY_BASE, 1], 0), (&[MEMORY_BASE, 3], 0)]);
}

const GUARDS: &str = "
%0:word = input 0
%1:bool = input 1
%2:int = input 2
snap 0: frame pc=1 base=0 [0=%0 1=%2] virtual v0 kind=3 [8=%2 16=%0]
%3 = guard.true %1 snap=0  # exit 0
%4 = guard.eq %0, 0x7ff9000000000005 snap=0  # exit 1
%5 = guard.ne %2, 0x5 snap=0  # exit 2
%6 = guard.eq %2, 0x6 snap=0  # exit 3
%7:bool = eq %0, %0
%8 = guard.false %1 snap=0  # exit 4
%9 = exit snap=0  # exit 5
";

#[test]
fn guards_on_bools_and_constants() {
    let w = 0x7ff9000000000005u64;
    check(
        GUARDS,
        &[(&[w, 0, 6], 0), (&[w + 1, 1, 6], 1), (&[w, 1, 5], 2), (&[w, 1, 7], 3), (&[w, 1, 6], 4)],
    );
}

const CALLS: &str = "
helper imix(int, int) -> int @0x0
helper fmix(float, int) -> float @0x0
helper sum6(int, int, int, int, int, int) -> int @0x0
helper mixed(int, float, int, float) -> float @0x0
helper isneg(int) -> bool @0x0
helper touch(int) -> void @0x0
%0:int = input 0
%1:int = input 1
%2:float = input 2
%3:int = add %0, %1
%4:int = sub %0, %1
%5:int = mul %0, %1
%6:float = fadd %2, %2
%7:int = kint 11
%8:int = call @imix(%0, %1)
%9:float = call @fmix(%2, %3)
%10:int = call @sum6(%3, %4, %5, %8, %7, %0)
%11:float = call @mixed(%5, %6, %4, %9)
%12 = call @touch(%10)
%13:bool = call @isneg(%10)
snap 0: frame pc=1 base=0 [0=%0 1=%1 2=%2 3=%3 4=%4 5=%5 6=%6 7=%8 8=%9 9=%10 10=%11 11=%13]
%14 = guard.false %13 snap=0  # exit 0
%15 = exit snap=0  # exit 1
";

#[test]
fn helper_calls_keep_live_values() {
    check(CALLS, &[(&[5, 3, f(1.5)], 1), (&[-50i64 as u64, 3, f(-0.5)], 0)]);
}

const LOOP: &str = "
%0:int = input 0
%1:float = input 1
%2:int = input 2
%3:int = kint 0
%4:int = kint 1
%5:float = kflt 0.5
%6 = loop
%7:int = phi %3
%8:int = phi %0
%9:int = phi %2
%10:float = phi %1
%11:int = add %7, %4
%12:float = fmul %10, %5
%13:int = addov %8, %9 snap=0  # exit 0
%14:bool = lt %11, %2
snap 0: frame pc=4 base=0 [0=%7 1=%8 2=%9 3=%10]
%15 = guard.true %14 snap=0  # exit 1
%16 = jump %11, %9, %13, %12
";

#[test]
fn loop_with_swapping_phis() {
    check(
        LOOP,
        &[
            (&[1, f(8.0), 5], 1),
            (&[0, f(1.0), 100], 0),
            (&[3, f(-2.0), 1], 1),
            (&[-4i64 as u64, f(3.0), 2], 1),
        ],
    );
}

/// The loop shape with every phi a loop-invariant or another phi.
const PHI_CYCLE: &str = "
%0:int = input 0
%1:int = input 1
%2:int = input 2
%3:int = kint 1
%4 = loop
%5:int = phi %0
%6:int = phi %1
%7:int = phi %2
%8:int = sub %7, %3
%9:bool = gt %8, %3
snap 0: frame pc=4 base=0 [0=%5 1=%6 2=%8]
%10 = guard.true %9 snap=0  # exit 0
%11 = jump %6, %5, %8
";

#[test]
fn phi_cycles_are_broken() {
    check(PHI_CYCLE, &[(&[10, 20, 5], 0), (&[10, 20, 6], 0), (&[1, 2, 0], 0)]);
}

#[test]
fn state_stores_write_the_state_area() {
    let trace = parse(STATE_STORES).unwrap();
    let mut state = vec![0u64; 10];
    state[0] = 5;
    assert_eq!(run_compiled(&trace, &mut state), 0);
    assert_eq!((state[0], state[8], state[9]), (12, 5, 12), "record, then the two stores");
    check(STATE_STORES, &[(&[5], 0)]);
}

#[test]
fn every_op_is_covered() {
    let texts = [
        INT_ARITH,
        OVERFLOW,
        COMPARES,
        FLOATS,
        CONVERSIONS,
        MEMORY,
        GUARDS,
        CALLS,
        LOOP,
        PHI_CYCLE,
        STATE_STORES,
    ];
    let mut seen = HashSet::new();
    for text in texts {
        for inst in parse(text).unwrap().insts {
            seen.insert(inst.op);
        }
    }
    let missing: Vec<&str> =
        ALL_OPS.iter().filter(|op| !seen.contains(op)).map(|op| op.name()).collect();
    assert!(missing.is_empty(), "ops without a hand-written test: {missing:?}");
}

const PARENT: &str = "
%0:int = input 0
%1:int = kint 1
%2 = loop
%3:int = phi %1
%4:int = add %3, %3
%5:bool = lt %4, %0
snap 0: frame pc=4 base=0 [0=%4 1=%0]
%6 = guard.true %5 snap=0  # exit 0
%7 = jump %4
";

const SIDE: &str = "
%0:int = input 0
%1:int = input 1
%2:int = sub %0, %1
snap 0: frame pc=9 base=0 [0=%2]
%3 = guard.ne %2, 0x0 snap=0  # exit 0
snap 1: frame pc=10 base=0 [0=%2 1=%0]
%4 = exit snap=1  # exit 1
";

#[test]
fn exits_link_to_side_traces_and_back() {
    let parent = compile(&parse(PARENT).unwrap()).unwrap();
    assert_eq!(parent.code()[0], 0x53, "the entry starts with push rbx");
    assert_eq!(parent.code().len(), parent.code_size());
    let side = Arc::new(compile(&parse(SIDE).unwrap()).unwrap());
    let mut state = vec![100u64, 0];
    // SAFETY: neither trace touches memory or calls helpers.
    assert_eq!(unsafe { parent.run(&mut state) }, 0);
    assert_eq!(state[..2], [128, 100]);

    parent.link_exit(0, side.clone()).unwrap();
    let mut state = vec![100u64, 0];
    // SAFETY: as above; the parent's exit record becomes the side trace's input.
    assert_eq!(unsafe { parent.run(&mut state) }, 1, "the side trace's exit");
    assert_eq!(state[..2], [28, 128]);

    parent.unlink_exit(0).unwrap();
    let mut state = vec![100u64, 0];
    // SAFETY: as above.
    assert_eq!(unsafe { parent.run(&mut state) }, 0);
    assert!(parent.link_exit(5, side).is_err());
}

/// What the probe helper saw in the root area: set while a trace runs.
static STATE: std::sync::atomic::AtomicPtr<u64> =
    std::sync::atomic::AtomicPtr::new(std::ptr::null_mut());
static SEEN: std::sync::Mutex<Vec<u64>> = std::sync::Mutex::new(Vec::new());
static ROOT_AREA: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
/// The probe tests share the statics above: one runs at a time.
static PROBE_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

extern "C" fn probe_roots() {
    let state = STATE.load(std::sync::atomic::Ordering::SeqCst);
    let area = ROOT_AREA.load(std::sync::atomic::Ordering::SeqCst);
    // SAFETY: the test points STATE at a live state area with a root area at `area`.
    let (refs, roots) = unsafe {
        let marker = traces::regalloc::read_gc_root_marker(*state.add(area));
        let (n, refs) = marker.expect("inside a collecting call");
        let first = state.add(area + traces::regalloc::GC_ROOT_HEADER);
        (refs, std::slice::from_raw_parts(first, n).to_vec())
    };
    let mut seen = SEEN.lock().unwrap();
    seen.push(refs as u64);
    seen.extend(roots);
}

const COLLECTING_CALL: &str = "
helper probe() -> void collect @0x0
%0:ref = input 0
%1:ref = input 1
%2:ref = input 2
%3:ref = kref 0x1234
%4:word = input 3
%5 = call @probe()
%6:word = cast %0
snap 0: frame pc=1 base=0 [0=%1 1=%6 2=%3 3=%4]
%7 = exit snap=0
";

#[test]
fn collecting_calls_publish_live_refs() {
    let mut trace = parse(COLLECTING_CALL).unwrap();
    trace.bind_helper("probe", probe_roots as *const () as u64);
    let code = compile(&trace).unwrap();
    let area = traces::regalloc::gc_root_area(&trace);
    assert_eq!(code.state_words(), area + traces::regalloc::GC_ROOT_HEADER + 3);
    assert_eq!(code.gc_root_area(), Some(area));
    let _lock = PROBE_LOCK.lock().unwrap();
    ROOT_AREA.store(area, std::sync::atomic::Ordering::SeqCst);
    let mut state = vec![0u64; code.state_words()];
    state[..4].copy_from_slice(&[0x1000, 0x2000, 0x3000, 0x4000]);
    // Left over from an earlier trace: the entry clears it.
    state[area] = 77;
    STATE.store(state.as_mut_ptr(), std::sync::atomic::Ordering::SeqCst);
    // SAFETY: the trace touches no memory; the probe reads the state area.
    let exit = unsafe { code.run(&mut state) };
    assert_eq!(exit, 0);
    let seen = std::mem::take(&mut *SEEN.lock().unwrap());
    // %2 is dead at the call and %3 a constant: the refs %0 and %1 come
    // first, then the word %4.
    assert_eq!(seen[0], 2, "two refs");
    let mut refs = seen[1..3].to_vec();
    refs.sort();
    assert_eq!((refs.as_slice(), &seen[3..]), (&[0x1000, 0x2000][..], &[0x4000][..]));
    assert_eq!(state[area], 0, "the marker is cleared after the call");
    // The record leaves out the constant %3.
    assert_eq!(state[..3], [0x2000, 0x1000, 0x4000]);
}

/// Two collecting calls: the second publishes a new value where the
/// first left another, and finds the value both publish already there.
const TWO_COLLECTING_CALLS: &str = "
helper probe() -> void collect @0x0
%0:ref = input 0
%1:ref = input 1
%2:word = input 2
%3 = call @probe()
%4:word = cast %1
%5 = call @probe()
snap 0: frame pc=1 base=0 [0=%0 1=%2 2=%4]
%6 = exit snap=0
";

#[test]
fn a_second_collecting_call_sees_every_live_root() {
    let mut trace = parse(TWO_COLLECTING_CALLS).unwrap();
    trace.bind_helper("probe", probe_roots as *const () as u64);
    let code = compile(&trace).unwrap();
    let area = traces::regalloc::gc_root_area(&trace);
    let _lock = PROBE_LOCK.lock().unwrap();
    ROOT_AREA.store(area, std::sync::atomic::Ordering::SeqCst);
    let mut state = vec![0u64; code.state_words()];
    state[..3].copy_from_slice(&[0x1000, 0x2000, 0x3000]);
    STATE.store(state.as_mut_ptr(), std::sync::atomic::Ordering::SeqCst);
    // SAFETY: the trace touches no memory; the probe reads the state area.
    assert_eq!(unsafe { code.run(&mut state) }, 0);
    let seen = std::mem::take(&mut *SEEN.lock().unwrap());
    // First call: refs %0 and %1, word %2. Second: ref %0, words %2, %4.
    let (first, second) = seen.split_at(4);
    assert_eq!(first[0], 2);
    let mut refs = first[1..3].to_vec();
    refs.sort();
    assert_eq!((refs.as_slice(), first[3]), (&[0x1000, 0x2000][..], 0x3000));
    assert_eq!(second[0], 1);
    assert_eq!(second[1], 0x1000);
    let mut words = second[2..].to_vec();
    words.sort();
    assert_eq!(words, [0x2000, 0x3000]);
}

#[test]
fn invalid_traces_are_errors_not_panics() {
    let bad = [
        "%0:int = input 0\n%1:float = fadd %0, %0\n%2 = exit snap=0\nsnap 0: frame pc=0 base=0 []\n",
        "helper h(int, int, int, int, int, int, int) -> int @0x0\n%0:int = input 0\n%1:int = call @h(%0, %0, %0, %0, %0, %0, %0)\n%2 = exit snap=0\nsnap 0: frame pc=0 base=0 []\n",
        "%0:int = input 0\n",
    ];
    for text in bad {
        let err = compile(&parse(text).unwrap()).err().expect(text);
        assert!(err.to_string().contains("invalid trace"), "{err}");
    }
}

/// Found by the random test: the int phi %16 dies early and its slot is
/// reused by the float %22, which the back edge moves into the float phi
/// %17 while the int phi's slot receives %24. Spill slots are shared by both
/// register classes, so the back edge must order the moves of both classes
/// together.
const SLOT_SHARED_ACROSS_CLASSES: &str = "
helper imix(int, int) -> int @0x0
helper fmix(float, int) -> float @0x0
helper sum6(int, int, int, int, int, int) -> int @0x0
%0:ref = input 0
%1:int = input 1
%2:int = input 2
%3:int = input 3
%4:int = input 4
%5:float = input 5
%6:bool = input 6
%7:int = kint 4095
%8:int = and %1, %7
%9:int = and %3, %7
snap 0: frame pc=0 base=0 []
%10:int = mulov %8, %9 snap=0  # exit 0
%11:int = kint 0
%12:int = kint 1
%13:int = kint 3
%14 = loop
%15:int = phi %11
%16:int = phi %1
%17:float = phi %5
%18:bool = phi %6
%19:int = call @imix(%10, %15)
%20:int = call @sum6(%2, %15, %19, %1, %10, %4)
%21:int = call @sum6(%16, %16, %19, %4, %19, %19)
%22:float = call @fmix(%17, %10)
%23:float = call @fmix(%17, %10)
%24:int = add %10, %20
%25:int = add %15, %12
%26:bool = lt %25, %13
snap 1: frame pc=3 base=0 [0=%17 1=%17 2=%23 3=%18 4=%1] frame pc=13 base=8 [0=%4]
%27 = guard.true %26 snap=1  # exit 1
%28 = jump %25, %24, %22, %6
";

#[test]
fn back_edge_orders_moves_of_both_classes_together() {
    let allocation = traces::regalloc::allocate(
        &parse(SLOT_SHARED_ACROSS_CLASSES).unwrap(),
        &backend_x86_64::regs::reg_file(),
    );
    let (int_phi, float_value) = (allocation.locs[16], allocation.locs[22]);
    assert!(matches!(int_phi, traces::regalloc::Loc::Slot(_)) && int_phi == float_value);
    check(SLOT_SHARED_ACROSS_CLASSES, &[(&[0, 5, 7, 11, 13, f(1.5), 1], 1)]);
}

/// A root loop whose odd iterations leave through exit 0.
const ROOT: &str = "
%0:int = input 0
%1:int = input 1
%2:int = input 2
%3:int = kint 1
%4 = loop
%5:int = phi %0
%6:int = phi %2
%7:int = and %5, %3
snap 0: frame pc=1 base=0 [0=%5 1=%1 2=%6]
%8 = guard.eq %7, 0x0 snap=0  # exit 0
%9:int = add %6, %5
%10:int = add %5, %3
%11:bool = lt %10, %1
snap 1: frame pc=9 base=0 [0=%10 1=%1 2=%9]
%12 = guard.true %11 snap=1  # exit 1
%13 = jump %10, %9
";

/// The side trace of the root's exit 0: handles one odd i, then goes back
/// to the root through its exit 1 (linked to the root's entry).
const ODD_SIDE: &str = "
%0:int = input 0
%1:int = input 1
%2:int = input 2
%3:int = kint 3
%4:int = kint 1
%5:int = mul %0, %3
%6:int = add %2, %5
%7:int = add %0, %4
%8:bool = lt %7, %1
snap 0: frame pc=9 base=0 [0=%7 1=%1 2=%6]
%9 = guard.true %8 snap=0  # exit 0
%10 = exit snap=0  # exit 1
";

#[test]
fn side_trace_rejoins_its_root_through_a_linked_exit() {
    let root = Arc::new(compile(&parse(ROOT).unwrap()).unwrap());
    let side = Arc::new(compile(&parse(ODD_SIDE).unwrap()).unwrap());
    root.link_exit(0, side.clone()).unwrap();
    side.link_exit(1, root.clone()).unwrap();
    let (start, n) = (3u64, 100_000u64);
    let mut state = vec![start, n, 0];
    // SAFETY: neither trace touches memory or calls helpers.
    let exit = unsafe { root.run(&mut state) };
    let want: u64 = (start..n).map(|i| if i % 2 == 0 { i } else { 3 * i }).sum();
    assert_eq!(state, [n, n, want]);
    // Whichever trace saw i reach n returned its own loop-end exit.
    assert!(exit == 1 || exit == 0, "{exit}");
    // Break the cycle so both traces are freed.
    side.unlink_exit(1).unwrap();
}
