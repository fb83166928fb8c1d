//! Running compiled traces under qemu: the C harness (`harness/harness.c`)
//! cross-compiled with aarch64-linux-gnu-gcc and run by qemu-aarch64, fed
//! batches of cases so that thousands of traces cost a few process starts,
//! and the differential check against the reference evaluator over such a
//! batch (the same comparison as `traces::testing::differential`, split so
//! that every case is evaluated before the batch runs).
//!
//! Without the tools the tests fail under CI (`CI=true`) and are skipped
//! with a loud message elsewhere.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use backend_aarch64::{assemble, Assembly};
use traces::eval::{eval, Env, HelperFn, Outcome, TestMemory};
use traces::testing::{standard_helpers, Case, FLOAT_WORDS, MEMORY_BASE, MEMORY_WORDS};
use traces::Trace;

const CROSS_CC: &str = "aarch64-linux-gnu-gcc";
const QEMU: &str = "qemu-aarch64";

/// The built harness and what it reported about itself.
pub struct Harness {
    binary: PathBuf,
    /// The guest address of the harness's test memory.
    pub memory: u64,
    /// Helper name to guest address.
    pub helpers: HashMap<String, u64>,
}

fn tool_missing(what: &str) -> Option<&'static Harness> {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{what}: the aarch64 tests need it under CI (apt-get install gcc-aarch64-linux-gnu qemu-user)");
    }
    eprintln!("\n!!!!!!!! SKIPPING the aarch64 execution tests: {what} !!!!!!!!\n");
    None
}

fn available(tool: &str) -> bool {
    Command::new(tool).arg("--version").output().is_ok_and(|o| o.status.success())
}

/// The harness, built once per test process; `None` (after a loud message)
/// when the cross compiler or qemu is missing outside CI.
pub fn harness() -> Option<&'static Harness> {
    static HARNESS: OnceLock<Result<Harness, String>> = OnceLock::new();
    match HARNESS.get_or_init(build) {
        Ok(h) => Some(h),
        Err(missing) => tool_missing(missing),
    }
}

/// Builds the harness; `Err` names the missing tool.
fn build() -> Result<Harness, String> {
    if let Some(tool) = [CROSS_CC, QEMU].into_iter().find(|t| !available(t)) {
        return Err(format!("{tool} not found"));
    }
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("harness/harness.c");
    let binary = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("aarch64-harness-{}", std::process::id()));
    let out = Command::new(CROSS_CC)
        .args(["-static", "-O2", "-ffp-contract=off", "-Wall", "-Werror", "-o"])
        .arg(&binary)
        .arg(&source)
        .output()
        .expect("runs the cross compiler");
    assert!(out.status.success(), "harness build: {}", String::from_utf8_lossy(&out.stderr));
    let out = Command::new(QEMU).arg(&binary).arg("info").output().expect("runs qemu");
    assert!(out.status.success(), "harness info: {}", String::from_utf8_lossy(&out.stderr));
    let mut memory = 0;
    let mut helpers = HashMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["memory", addr] => memory = addr.parse().expect("an address"),
            ["helper", name, addr] => {
                helpers.insert(name.to_string(), addr.parse().expect("an address"));
            }
            _ => panic!("harness info: unexpected line {line:?}"),
        }
    }
    Ok(Harness { binary, memory, helpers })
}

/// One run of compiled code: the traces (the first is entered), exits
/// linked between them (from trace, exit, to trace), the initial state and
/// test memory.
pub struct Request {
    pub traces: Vec<Assembly>,
    pub links: Vec<(usize, u32, usize)>,
    pub state: Vec<u64>,
    pub memory: Vec<u64>,
}

impl Request {
    /// One trace, no links.
    pub fn single(assembly: Assembly, state: Vec<u64>, memory: Vec<u64>) -> Request {
        Request { traces: vec![assembly], links: vec![], state, memory }
    }
}

/// What the run left: the exit taken, the state area and the test memory.
#[derive(Clone, Debug)]
pub struct Response {
    pub exit: u32,
    pub state: Vec<u64>,
    pub memory: Vec<u64>,
}

/// A batch whose harness died: the responses before the crash, and why.
pub type Died = (Vec<Response>, String);

fn words(bytes: &[u8]) -> impl Iterator<Item = u64> + '_ {
    bytes.chunks(8).map(|c| {
        let mut w = [0u8; 8];
        w[..c.len()].copy_from_slice(c);
        u64::from_le_bytes(w)
    })
}

impl Harness {
    /// Points `trace`'s helpers at the harness's functions of the same name.
    pub fn bind_helpers(&self, trace: &mut Trace) {
        for h in &mut trace.helpers {
            if let Some(&addr) = self.helpers.get(&h.name) {
                h.addr = addr;
            }
        }
    }

    /// Runs every request in one qemu process. A crash loses the results
    /// from the crashing request on: the error comes with the responses
    /// before it.
    pub fn run(&self, requests: &[Request]) -> Result<Vec<Response>, Died> {
        self.try_run(requests).map_err(|e| (Vec::new(), e))?
    }

    fn try_run(&self, requests: &[Request]) -> Result<Result<Vec<Response>, Died>, String> {
        let mut input = Vec::new();
        let put = |input: &mut Vec<u8>, ws: &[usize]| {
            input.extend(ws.iter().flat_map(|w| (*w as u64).to_le_bytes()))
        };
        for r in requests {
            put(&mut input, &[r.traces.len()]);
            for a in &r.traces {
                put(&mut input, &[a.code.len(), a.table_literal, a.return_offset, a.exits]);
                let mut code = a.code.clone();
                code.resize(a.code.len().div_ceil(8) * 8, 0);
                input.extend(&code);
            }
            put(&mut input, &[r.links.len()]);
            for &(from, exit, to) in &r.links {
                put(&mut input, &[from, exit as usize, to]);
            }
            put(&mut input, &[r.state.len()]);
            assert_eq!(r.memory.len(), MEMORY_WORDS);
            input.extend(r.state.iter().chain(&r.memory).flat_map(|w| w.to_le_bytes()));
        }
        input.extend(0u64.to_le_bytes());
        let mut child = Command::new(QEMU)
            .arg(&self.binary)
            .arg("run")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("qemu: {e}"))?;
        let mut stdin = child.stdin.take().ok_or("no stdin")?;
        let writer = std::thread::spawn(move || stdin.write_all(&input));
        let mut output = Vec::new();
        child
            .stdout
            .take()
            .ok_or("no stdout")?
            .read_to_end(&mut output)
            .map_err(|e| e.to_string())?;
        let status = child.wait().map_err(|e| e.to_string())?;
        let _ = writer.join();
        let mut out = words(&output);
        let mut responses = Vec::new();
        for r in requests {
            let Some(exit) = out.next() else { break };
            let state: Vec<u64> = out.by_ref().take(r.state.len()).collect();
            let memory: Vec<u64> = out.by_ref().take(MEMORY_WORDS).collect();
            responses.push(Response { exit: exit as u32, state, memory });
        }
        if responses.len() < requests.len() || !status.success() {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = e.read_to_string(&mut err);
            }
            let e = format!(
                "the harness died ({status}) in request {} of {}: {err}",
                responses.len(),
                requests.len()
            );
            return Ok(Err((responses, e)));
        }
        Ok(Ok(responses))
    }
}

/// A case made ready to run (helpers and test memory moved to the
/// harness's addresses) and the evaluator's outcome.
pub struct Prepared {
    pub case: Case,
    /// The evaluator's exit, snapshot values and final memory bytes.
    expected: (u32, Vec<u64>, Vec<u8>),
}

/// Prepares `case` and the request that runs its code: `Ok(None)` when the
/// evaluator's loop did not exit within its iteration budget (nothing to
/// compare).
pub fn prepare(h: &Harness, case: &Case) -> Result<Option<(Prepared, Request)>, String> {
    let mut case = case.clone();
    h.bind_helpers(&mut case.trace);
    let trace = &case.trace;
    let inputs: Vec<u64> =
        case.inputs.iter().map(|&v| if v == MEMORY_BASE { h.memory } else { v }).collect();
    let bytes = case.memory.iter().flat_map(|w| w.to_le_bytes()).collect();
    let mut memory = TestMemory { base: h.memory, bytes };
    let by_name: HashMap<String, fn() -> HelperFn> =
        standard_helpers().into_iter().map(|(h, f)| (h.name, f)).collect();
    let helpers: HashMap<u64, HelperFn> =
        trace.helpers.iter().filter_map(|t| by_name.get(&t.name).map(|f| (t.addr, f()))).collect();
    let mut env = Env { memory: &mut memory, helpers };
    let outcome =
        eval(trace, &inputs, &mut env, 100_000).map_err(|e| format!("evaluator: {e:?}"))?;
    let Outcome::Exit { exit, values, .. } = outcome else { return Ok(None) };
    let assembly = assemble(trace).map_err(|e| e.to_string())?;
    let mut state = vec![0u64; assembly.state_words.max(inputs.len())];
    state[..inputs.len()].copy_from_slice(&inputs);
    let request = Request::single(assembly, state, case.memory.clone());
    Ok(Some((Prepared { case, expected: (exit, values, memory.bytes) }, request)))
}

fn same_float(got: u64, want: u64) -> bool {
    f64::from_bits(got).is_nan() && f64::from_bits(want).is_nan()
}

impl Prepared {
    /// Compares a run with the evaluator, as `traces::testing::differential`.
    pub fn check(&self, got: &Response) -> Result<(), String> {
        let (exit, values, bytes) = &self.expected;
        let trace = &self.case.trace;
        if got.exit != *exit {
            return Err(format!("exit {}, evaluator says {exit}", got.exit));
        }
        let snap = trace.insts[trace.exits()[*exit as usize]].snap.unwrap_or(0);
        let snapshot = &trace.snapshots[snap as usize];
        let got_values = trace.unpack_record(snapshot, &got.state);
        let vals: Vec<_> = snapshot.values().collect();
        for (k, ((want, &g), v)) in values.iter().zip(&got_values).zip(&vals).enumerate() {
            if g != *want && !(trace.ty(*v).is_float() && same_float(g, *want)) {
                return Err(format!(
                    "exit {exit} entry {k} (%{}): got {g:#x}, want {want:#x}",
                    v.0
                ));
            }
        }
        for (k, (g, want)) in got.memory.iter().zip(words(bytes)).enumerate() {
            if *g != want && !(FLOAT_WORDS.contains(&k) && same_float(*g, want)) {
                return Err(format!("memory word {k}: got {g:#x}, want {want:#x}"));
            }
        }
        Ok(())
    }
}

/// Runs `cases` in one batch; each result is the case's comparison
/// (`Ok(false)`: nothing compared, the evaluator's loop did not exit).
pub fn differential_batch(h: &Harness, cases: &[Case]) -> Vec<Result<bool, String>> {
    let mut prepared = Vec::new();
    let mut requests = Vec::new();
    let mut results: Vec<Result<bool, String>> = Vec::new();
    let mut index = Vec::new();
    for case in cases {
        match prepare(h, case) {
            Ok(Some((p, r))) => {
                index.push(results.len());
                results.push(Ok(true));
                prepared.push(p);
                requests.push(r);
            }
            Ok(None) => results.push(Ok(false)),
            Err(e) => results.push(Err(e)),
        }
    }
    let (responses, died) = match h.run(&requests) {
        Ok(responses) => (responses, None),
        Err((responses, e)) => (responses, Some(e)),
    };
    for ((p, r), k) in prepared.iter().zip(&responses).zip(&index) {
        if let Err(e) = p.check(r) {
            results[*k] = Err(e);
        }
    }
    if let Some(e) = died {
        // The first case without a response crashed; the rest never ran.
        let dead = responses.len();
        if let Some(k) = index.get(dead) {
            results[*k] = Err(e);
        }
        for k in index.iter().skip(dead + 1) {
            results[*k] = Ok(false);
        }
    }
    results
}
