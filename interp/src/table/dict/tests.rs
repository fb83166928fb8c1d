use super::*;
use crate::table::cpython_data::{key_hash, load, parse_int};
use crate::table::{infallible, EqFns, NativeEq};
use quickcheck::{Arbitrary, Gen, QuickCheck};
use std::cell::RefCell;

type IntDict = Dict<i64, i64>;

fn set(d: &mut IntDict, hash: i64, key: i64, value: i64) -> Option<i64> {
    infallible(d.insert(hash, key, value, &mut NativeEq))
}

fn items(d: &IntDict) -> Vec<(i64, i64)> {
    d.iter().map(|(_, k, v)| (*k, *v)).collect()
}

fn format_items(d: &IntDict) -> String {
    items(d).iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(" ")
}

/// `k/h=v` as the generator prints a store.
fn store(word: &str, case: &str) -> (i64, i64, i64) {
    let (kh, v) = word.split_once('=').unwrap_or_else(|| panic!("case {case}: bad store {word}"));
    let (k, h) = key_hash(kh, case);
    (k, h, parse_int(v, case))
}

#[test]
fn matches_cpython_orders_sizes_and_popitem() {
    let cases = load("dicts.txt");
    for case in &cases {
        let name = &case.name;
        let mut d = IntDict::new();
        let mut popped = Vec::new();
        let mut sizes = Vec::new();
        for op in case.words("ops") {
            let (kind, arg) = op.split_at(1);
            match kind {
                "s" => {
                    let (k, h, v) = store(arg, name);
                    set(&mut d, h, k, v);
                }
                "f" => {
                    let (k, h, v) = store(arg, name);
                    infallible(d.insert_if_absent(h, k, v, &mut NativeEq));
                }
                "d" => {
                    let (k, h) = key_hash(arg, name);
                    infallible(d.remove(h, &k, &mut NativeEq));
                }
                "p" => {
                    let (k, v) = d.pop_last().expect("popitem of a non-empty dict");
                    popped.push(format!("{k}={v}"));
                }
                "c" => d.clear(),
                _ => panic!("case {name}: unknown op {op}"),
            }
            sizes.push(d.table_size() as i64);
        }
        assert_eq!(popped.join(" "), case.field("popped"), "case {name}: popitem order");
        assert_eq!(sizes, case.ints("sizes"), "case {name}: table sizes");
        assert_eq!(format_items(&d), case.field("items"), "case {name}: order");
        assert_eq!(
            d.python_sizeof() as i64,
            parse_int(case.field("sizeof"), name),
            "case {name}: getsizeof"
        );
        let copy = d.copy();
        assert_eq!(format_items(&copy), case.field("items"), "case {name}: copy order");
        assert_eq!(
            copy.table_size() as i64,
            parse_int(case.field("copy_size"), name),
            "case {name}: copy size"
        );

        // dict(d): a fresh 8-slot table, then the merge.
        let mut called = IntDict::with_min_size();
        called.reserve_for_merge(d.len());
        for (h, k, v) in d.iter() {
            set(&mut called, h, *k, *v);
        }
        assert_eq!(format_items(&called), case.field("items"), "case {name}: dict(d) order");
        let call_size = parse_int(case.field("dict_call_size"), name);
        assert_eq!(called.table_size() as i64, call_size, "case {name}: dict(d) size");

        let mut u = IntDict::new();
        for word in case.words("update_base") {
            let (k, h) = key_hash(word, name);
            set(&mut u, h, k, 0);
        }
        u.reserve_for_merge(d.len());
        for (h, k, v) in d.iter() {
            set(&mut u, h, *k, *v);
        }
        assert_eq!(format_items(&u), case.field("update"), "case {name}: update order");
        assert_eq!(
            u.table_size() as i64,
            parse_int(case.field("update_size"), name),
            "case {name}: update size"
        );
    }
    assert!(cases.len() >= 100);
}

#[test]
fn growth_matches_cpython_sizes() {
    // {i: i for i in range(n)}: sizes 8, 16, 32, 64 ... switch at 6, 11, 22, 43.
    let mut d = IntDict::new();
    let mut switches = Vec::new();
    for i in 0..100 {
        let before = d.table_size();
        set(&mut d, i, i, i);
        if d.table_size() != before {
            switches.push((i + 1, d.table_size()));
        }
    }
    assert_eq!(switches, [(1, 8), (6, 16), (11, 32), (22, 64), (43, 128), (86, 256)]);
    assert_eq!(IntDict::with_presize(5).table_size(), 0);
    assert_eq!(IntDict::with_presize(6).table_size(), 16);
    assert_eq!(IntDict::with_presize(11).table_size(), 32);
}

#[test]
fn popitem_reuses_positions_and_iteration_by_position_sees_holes() {
    let mut d = IntDict::new();
    for k in 0..5 {
        set(&mut d, k, k, k * 10);
    }
    infallible(d.remove(1, &1, &mut NativeEq));
    assert_eq!(d.next_entry(1).map(|(pos, _, k, _)| (pos, *k)), Some((2, 2)));
    assert_eq!(d.pop_last(), Some((4, 40)));
    assert_eq!(d.positions(), 4);
    // No usable entry is left: the insertion compacts the table first.
    set(&mut d, 9, 9, 90);
    assert_eq!(d.positions(), 4);
    assert_eq!(items(&d), [(0, 0), (2, 20), (3, 30), (9, 90)]);
    assert_eq!(d.next_entry(4), None);
    assert_eq!(d.next_entry(99), None);
}

#[test]
fn equality_errors_propagate_and_identity_skips_eq() {
    let mut d: Dict<i64, &str> = Dict::new();
    // All keys share hash 7; eq fails on key 3.
    let mut cmp = EqFns(
        |a: &i64, b: &i64| a == b,
        |a: &i64, b: &i64| if *a == 3 { Err("boom") } else { Ok(a == b) },
    );
    for k in [1, 2, 3] {
        d.insert(7, k, "x", &mut cmp).unwrap();
    }
    assert_eq!(d.get(7, &2, &mut cmp), Ok(Some(&"x")));
    assert_eq!(d.get(7, &4, &mut cmp), Err("boom"));
    assert_eq!(d.len(), 3);
    // Identical keys are found without calling eq at all.
    let mut never = EqFns(
        |a: &i64, b: &i64| a == b,
        |a: &i64, b: &i64| -> Result<bool, ()> {
            assert_ne!(a, b, "eq called on identical keys");
            Ok(false)
        },
    );
    assert_eq!(d.find(7, &3, &mut never), Ok(Some(2)));
}

/// The pattern the object layer follows when `__eq__` may run Python code
/// that mutates the dict: compare with the table released, then restart
/// if the table was rebuilt or the candidate entry changed.
fn find_reentrant(
    cell: &RefCell<IntDict>,
    hash: i64,
    key: i64,
    mut eq: impl FnMut(i64, i64) -> bool,
) -> Option<usize> {
    'restart: loop {
        let mut probe = cell.borrow().probe(hash);
        loop {
            let step = cell.borrow().probe_next(&mut probe, &key, &NeverIdentical);
            match step {
                ProbeStep::Absent => return None,
                ProbeStep::Found(ix) => return Some(ix),
                ProbeStep::SameHash(ix) => {
                    let (layout, stored) = {
                        let d = cell.borrow();
                        (d.layout(), *d.entry(ix).map(|(_, k, _)| k)?)
                    };
                    let equal = eq(stored, key);
                    let d = cell.borrow();
                    if d.layout() != layout || d.entry(ix).map(|(_, k, _)| *k) != Some(stored) {
                        continue 'restart;
                    }
                    if equal {
                        return Some(ix);
                    }
                }
            }
        }
    }
}

struct NeverIdentical;
impl KeyEq<i64> for NeverIdentical {
    type Error = std::convert::Infallible;
    fn identical(&self, _: &i64, _: &i64) -> bool {
        false
    }
    fn eq(&mut self, a: &i64, b: &i64) -> Result<bool, Self::Error> {
        Ok(a == b)
    }
}

#[test]
fn lookup_restarts_when_eq_mutates_the_dict() {
    let cell = RefCell::new(IntDict::new());
    for k in [10, 20, 30] {
        set(&mut cell.borrow_mut(), 5, k, k);
    }
    let mut calls = 0;
    // The first comparison deletes key 10 and adds enough keys to force a resize.
    let found = find_reentrant(&cell, 5, 30, |stored, key| {
        calls += 1;
        if calls == 1 {
            let mut d = cell.borrow_mut();
            infallible(d.remove(5, &10, &mut NativeEq));
            for k in 100..110 {
                set(&mut d, k, k, k);
            }
        }
        stored == key
    });
    let d = cell.borrow();
    assert_eq!(found.and_then(|ix| d.entry(ix)).map(|(_, k, _)| *k), Some(30));
    // 1 comparison before the mutation, then 20 and 30 after the restart.
    assert_eq!(calls, 3);
}

#[derive(Clone, Debug)]
enum Op {
    Set(i64, i64),
    SetDefault(i64, i64),
    Del(i64),
    PopItem,
    Clear,
    Copy,
}

impl Arbitrary for Op {
    fn arbitrary(g: &mut Gen) -> Self {
        let key = i64::from(u8::arbitrary(g) % 40) - 10;
        let value = i64::from(u8::arbitrary(g));
        match u8::arbitrary(g) % 20 {
            0..=8 => Op::Set(key, value),
            9..=10 => Op::SetDefault(key, value),
            11..=16 => Op::Del(key),
            17 => Op::PopItem,
            18 => Op::Copy,
            _ => {
                if bool::arbitrary(g) {
                    Op::Clear
                } else {
                    Op::Del(key)
                }
            }
        }
    }
}

/// Few distinct hashes (and -1's CPython hash), so probe chains collide.
fn model_hash(k: i64) -> i64 {
    if k == -1 {
        -2
    } else {
        k.rem_euclid(5) * 1_000_000_007 - 3
    }
}

fn agrees_with_model(ops: Vec<Op>) -> bool {
    let mut d = IntDict::new();
    let mut model: Vec<(i64, i64)> = Vec::new();
    for op in ops {
        match op {
            Op::Set(k, v) => {
                let old = set(&mut d, model_hash(k), k, v);
                let expected = match model.iter_mut().find(|(mk, _)| *mk == k) {
                    Some(entry) => Some(std::mem::replace(&mut entry.1, v)),
                    None => {
                        model.push((k, v));
                        None
                    }
                };
                if old != expected {
                    return false;
                }
            }
            Op::SetDefault(k, v) => {
                let (ix, added) =
                    infallible(d.insert_if_absent(model_hash(k), k, v, &mut NativeEq));
                let present = model.iter().any(|(mk, _)| *mk == k);
                if !present {
                    model.push((k, v));
                }
                if added == present || d.entry(ix).map(|(_, key, _)| *key) != Some(k) {
                    return false;
                }
            }
            Op::Del(k) => {
                let removed = infallible(d.remove(model_hash(k), &k, &mut NativeEq));
                let pos = model.iter().position(|(mk, _)| *mk == k);
                if removed != pos.map(|p| model.remove(p)) {
                    return false;
                }
            }
            Op::PopItem => {
                if d.pop_last() != model.pop() {
                    return false;
                }
            }
            Op::Clear => {
                d.clear();
                model.clear();
            }
            Op::Copy => d = d.copy(),
        }
        let all_found = model
            .iter()
            .all(|(k, v)| infallible(d.get(model_hash(*k), k, &mut NativeEq)) == Some(v));
        let absent = (-10..30).filter(|k| !model.iter().any(|(mk, _)| mk == k));
        let none_extra =
            absent.clone().all(|k| infallible(d.find(model_hash(k), &k, &mut NativeEq)).is_none());
        if items(&d) != model || d.len() != model.len() || !all_found || !none_extra {
            return false;
        }
    }
    true
}

#[test]
fn quickcheck_against_ordered_model() {
    QuickCheck::new().tests(300).quickcheck(agrees_with_model as fn(Vec<Op>) -> bool);
}

#[test]
fn large_dicts_use_wide_indices() {
    let mut d = IntDict::new();
    for k in 0..70_000 {
        set(&mut d, k * 7919, k, k);
    }
    assert_eq!(d.table_size(), 131_072);
    assert!((0..70_000)
        .step_by(997)
        .all(|k| infallible(d.get(k * 7919, &k, &mut NativeEq)) == Some(&k)));
    for k in 0..69_990 {
        infallible(d.remove(k * 7919, &k, &mut NativeEq));
    }
    assert_eq!(items(&d), (69_990..70_000).map(|k| (k, k)).collect::<Vec<_>>());
}

#[test]
fn matches_cpython_eq_call_counts() {
    use crate::table::cpython_data::CountingEq;
    for case in &load("eq_counts.txt") {
        let name = &case.name;
        let mut d: Dict<(i64, i64), i64> = Dict::new();
        let mut calls = Vec::new();
        for op in case.words("ops") {
            let (kind, arg) = op.split_at(1);
            let (v, h) = key_hash(arg, name);
            let cmp = &mut CountingEq::default();
            match kind {
                "s" => drop(infallible(d.insert(h, (v, h), v, cmp))),
                "g" => drop(infallible(d.contains(h, &(v, h), cmp))),
                "d" => drop(infallible(d.remove(h, &(v, h), cmp))),
                "p" => drop(d.pop_last()),
                _ => panic!("case {name}: unknown op {op}"),
            }
            calls.push(cmp.calls as i64);
        }
        assert_eq!(calls, case.ints("dict_calls"), "case {name}: __eq__ calls per operation");
        let keys: Vec<i64> = d.iter().map(|(_, k, _)| k.0).collect();
        assert_eq!(keys, case.ints("dict_keys"), "case {name}: order");
    }
}

#[test]
fn keeps_the_first_of_equal_keys_as_cpython() {
    use crate::table::cpython_data::{repr_hash, NumericReprEq};
    for case in &load("mixed_keys.txt") {
        let name = &case.name;
        let mut d: Dict<String, usize> = Dict::new();
        let sources = case.words("a").into_iter().chain(case.words("b"));
        for (i, word) in sources.enumerate() {
            let (repr, hash) = repr_hash(word, name);
            infallible(d.insert(hash, repr, i, &mut NumericReprEq));
        }
        let shown: Vec<String> = d.iter().map(|(_, k, v)| format!("{k}={v}")).collect();
        assert_eq!(shown.join(" "), case.field("dict"), "case {name}");
    }
}

#[test]
fn grows_at_cpython_points_up_to_wide_indices() {
    let case =
        load("growth.txt").into_iter().find(|c| c.name == "dict_sequential").expect("growth case");
    let mut d = IntDict::with_min_size();
    let mut changes = Vec::new();
    let mut size = d.python_sizeof();
    for k in 0..120_000 {
        set(&mut d, k, k, 0);
        if d.python_sizeof() != size {
            size = d.python_sizeof();
            changes.push(format!("{}:{size}", k + 1));
        }
    }
    assert_eq!(changes.join(" "), case.field("changes"));
    assert_eq!(d.table_size(), 262_144);
}

#[test]
fn layout_changes_only_when_positions_do() {
    let mut d = IntDict::new();
    set(&mut d, 1, 1, 1);
    let (layout, mutations) = (d.layout(), d.mutations());
    set(&mut d, 2, 2, 2);
    set(&mut d, 2, 2, 3);
    infallible(d.remove(1, &1, &mut NativeEq));
    assert_eq!(d.layout(), layout, "no rebuild yet");
    assert_eq!(d.mutations(), mutations + 3);
    for k in 3..10 {
        set(&mut d, k, k, k);
    }
    assert_ne!(d.layout(), layout, "the table was rebuilt");
    let layout = d.layout();
    d.clear();
    assert_ne!(d.layout(), layout);
}
