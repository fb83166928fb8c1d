use super::*;
use crate::table::cpython_data::{key_hash, load, parse_int, Case};
use crate::table::{infallible, EqFns, NativeEq};
use quickcheck::{Arbitrary, Gen, QuickCheck};
use std::collections::BTreeSet;

type IntSet = Set<i64>;

fn add(s: &mut IntSet, hash: i64, key: i64) -> bool {
    infallible(s.add(hash, key, &mut NativeEq))
}

fn keys(s: &IntSet) -> Vec<i64> {
    s.iter().map(|(_, k)| *k).collect()
}

/// Replays a generated op list (`a`dd, `d`iscard, `p`op); returns the pops.
fn replay(s: &mut IntSet, ops: &[&str], case: &str) -> Vec<i64> {
    let mut popped = Vec::new();
    for op in ops {
        let (kind, arg) = op.split_at(1);
        match kind {
            "a" => {
                let (k, h) = key_hash(arg, case);
                add(s, h, k);
            }
            "d" => {
                let (k, h) = key_hash(arg, case);
                infallible(s.discard(h, &k, &mut NativeEq));
            }
            "p" => popped.push(s.pop().expect("pop of a non-empty set").1),
            _ => panic!("case {case}: unknown op {op}"),
        }
    }
    popped
}

fn built(case: &Case, field: &str) -> IntSet {
    let mut s = IntSet::new();
    replay(&mut s, &case.words(field), &case.name);
    s
}

#[test]
fn matches_cpython_iteration_pop_and_frozenset_hash() {
    let cases = load("sets.txt");
    for case in &cases {
        let name = &case.name;
        let mut s = IntSet::new();
        let popped = replay(&mut s, &case.words("ops"), name);
        assert_eq!(popped, case.ints("popped"), "case {name}: pop order");
        assert_eq!(keys(&s), case.ints("iter"), "case {name}: iteration order");
        assert_eq!(keys(&s.copy()), case.ints("copy"), "case {name}: copy order");
        assert_eq!(
            s.copy().frozenset_hash(),
            parse_int(case.field("frozenhash"), name),
            "case {name}: hash"
        );
        let sizeof = [s.python_sizeof(), s.copy().python_sizeof()].map(|n| n as i64);
        assert_eq!(sizeof.to_vec(), case.ints("sizeof"), "case {name}: getsizeof of set and copy");
        let drained: Vec<i64> = std::iter::from_fn(|| s.pop().map(|(_, k)| k)).collect();
        assert_eq!(drained, case.ints("drain"), "case {name}: drain order");
    }
    assert!(cases.len() >= 100);
}

#[test]
fn matches_cpython_set_algebra_orders() {
    let cases = load("set_algebra.txt");
    let cmp = &mut NativeEq;
    for case in &cases {
        let name = &case.name;
        let (a, b) = (built(case, "a"), built(case, "b"));
        let third: IntSet = {
            let mut c = IntSet::new();
            for (h, k) in a.iter().filter(|(h, _)| h % 3 == 0) {
                add(&mut c, h, *k);
            }
            c
        };
        let in_place = |f: &dyn Fn(&mut IntSet)| {
            let mut c = a.copy();
            f(&mut c);
            c
        };
        let results: Vec<(&str, IntSet)> = vec![
            ("or", infallible(a.union(&b, cmp))),
            ("and", infallible(a.intersection(&b, cmp))),
            ("sub", infallible(a.difference(&b, cmp))),
            ("xor", infallible(a.symmetric_difference(&b, cmp))),
            ("union3", infallible(a.union(&b, cmp))),
            ("inter3", infallible(infallible(a.intersection(&b, cmp)).intersection(&b, cmp))),
            ("diff3", {
                let mut r = infallible(a.difference(&b, cmp));
                infallible(r.difference_update(&third, cmp));
                r
            }),
            ("ior", in_place(&|c| infallible(c.merge(&b, &mut NativeEq)))),
            ("iand", in_place(&|c| infallible(c.intersection_update(&b, &mut NativeEq)))),
            ("isub", in_place(&|c| infallible(c.difference_update(&b, &mut NativeEq)))),
            ("ixor", in_place(&|c| infallible(c.symmetric_difference_update(&b, &mut NativeEq)))),
            (
                "update_dict",
                in_place(&|c| {
                    c.reserve_for_update(b.len());
                    for (h, k) in b.iter() {
                        add(c, h, *k);
                    }
                }),
            ),
            (
                "ixor_dict",
                in_place(&|c| {
                    let entries = b.iter().map(|(h, k)| (h, *k));
                    infallible(c.symmetric_difference_update_entries(entries, &mut NativeEq))
                }),
            ),
            ("sub_dict", infallible(a.difference(&b, cmp))),
        ];
        for (field, result) in results {
            assert_eq!(keys(&result), case.ints(field), "case {name}: {field}");
        }
        let equal = a.len() == b.len() && infallible(a.is_subset(&b, cmp));
        let bools = [
            infallible(a.is_subset(&b, cmp)),
            infallible(a.is_superset(&b, cmp)),
            infallible(a.is_disjoint(&b, cmp)),
            equal,
        ];
        let expected: Vec<bool> = case.ints("bools").iter().map(|&x| x == 1).collect();
        assert_eq!(bools.to_vec(), expected, "case {name}: <= >= isdisjoint ==");
    }
    assert!(cases.len() >= 50);
}

#[test]
fn small_int_sets_print_in_cpython_order() {
    let mut s = IntSet::new();
    for k in [3, 1, 2] {
        add(&mut s, k, k);
    }
    assert_eq!(keys(&s), [1, 2, 3]);
    // {100, 8, 0}: 100 & 7 == 4, and 8 collides with 0 and takes slot 1.
    let mut s = IntSet::new();
    for k in [100, 8, 0] {
        add(&mut s, k, k);
    }
    assert_eq!(keys(&s), [8, 0, 100]);
}

#[test]
fn equality_errors_propagate_and_leave_the_set_intact() {
    let mut cmp = EqFns(
        |a: &i64, b: &i64| a == b,
        |a: &i64, _: &i64| if *a == 2 { Err("boom") } else { Ok(false) },
    );
    let mut s = IntSet::new();
    assert_eq!(s.add(9, 1, &mut cmp), Ok(true));
    assert_eq!(s.add(9, 2, &mut cmp), Ok(true));
    assert_eq!(s.add(9, 3, &mut cmp), Err("boom"));
    assert_eq!(s.contains(9, &2, &mut cmp), Ok(true));
    assert_eq!(keys(&s), [1, 2]);
}

#[test]
fn probe_end_insertion_survives_a_changed_table() {
    let mut s = IntSet::new();
    add(&mut s, 0, 0);
    let mut probe = s.probe(0);
    let step = s.probe_next(&mut probe, &100, &NativeEq);
    assert_eq!(step, ProbeStep::SameHash(0));
    let ProbeStep::Absent(unused) = s.probe_next(&mut probe, &100, &NativeEq) else {
        panic!("expected Absent")
    };
    // Someone fills the slot the probe ended at before the insertion.
    add(&mut s, unused as i64, 1);
    s.insert_at_probe_end(&probe, unused, 100);
    assert_eq!(s.len(), 3);
    assert!(infallible(s.contains(0, &100, &mut NativeEq)));
    assert!(infallible(s.contains(unused as i64, &1, &mut NativeEq)));
}

#[derive(Clone, Debug)]
enum Op {
    Add(i64),
    Discard(i64),
    Pop,
    Clear,
    Copy,
}

impl Arbitrary for Op {
    fn arbitrary(g: &mut Gen) -> Self {
        let key = i64::from(u8::arbitrary(g) % 60) - 5;
        match u8::arbitrary(g) % 20 {
            0..=9 => Op::Add(key),
            10..=16 => Op::Discard(key),
            17 => Op::Pop,
            18 => Op::Copy,
            _ => Op::Clear,
        }
    }
}

fn model_hash(k: i64) -> i64 {
    if k == -1 {
        -2
    } else {
        (k % 7) * 64 + (k % 3)
    }
}

fn agrees_with_model(ops: Vec<Op>) -> bool {
    let mut s = IntSet::new();
    let mut model = BTreeSet::new();
    for op in ops {
        match op {
            Op::Add(k) => {
                if add(&mut s, model_hash(k), k) != model.insert(k) {
                    return false;
                }
            }
            Op::Discard(k) => {
                let removed = infallible(s.discard(model_hash(k), &k, &mut NativeEq));
                if removed.is_some() != model.remove(&k) {
                    return false;
                }
            }
            Op::Pop => match s.pop() {
                Some((h, k)) => {
                    if !model.remove(&k) || h != model_hash(k) {
                        return false;
                    }
                }
                None => {
                    if !model.is_empty() {
                        return false;
                    }
                }
            },
            Op::Clear => {
                s.clear();
                model.clear();
            }
            Op::Copy => s = s.copy(),
        }
        let contents: BTreeSet<i64> = keys(&s).into_iter().collect();
        let lookups = (-5..55).all(|k| {
            infallible(s.contains(model_hash(k), &k, &mut NativeEq)) == model.contains(&k)
        });
        if contents != model
            || s.len() != model.len()
            || !lookups
            || s.fill() > s.table_size() * 3 / 5 + 1
        {
            return false;
        }
    }
    true
}

#[test]
fn quickcheck_against_model() {
    QuickCheck::new().tests(300).quickcheck(agrees_with_model as fn(Vec<Op>) -> bool);
}

fn algebra_agrees(a: Vec<u8>, b: Vec<u8>) -> bool {
    let build = |v: &[u8]| {
        let mut s = IntSet::new();
        for &k in v {
            add(&mut s, model_hash(i64::from(k % 50)), i64::from(k % 50));
        }
        s
    };
    let (sa, sb) = (build(&a), build(&b));
    let (ma, mb): (BTreeSet<i64>, BTreeSet<i64>) =
        (keys(&sa).into_iter().collect(), keys(&sb).into_iter().collect());
    let as_model = |s: IntSet| keys(&s).into_iter().collect::<BTreeSet<i64>>();
    let cmp = &mut NativeEq;
    as_model(infallible(sa.union(&sb, cmp))) == &ma | &mb
        && as_model(infallible(sa.intersection(&sb, cmp))) == &ma & &mb
        && as_model(infallible(sa.difference(&sb, cmp))) == &ma - &mb
        && as_model(infallible(sa.symmetric_difference(&sb, cmp))) == &ma ^ &mb
        && infallible(sa.is_subset(&sb, cmp)) == ma.is_subset(&mb)
        && infallible(sa.is_disjoint(&sb, cmp)) == ma.is_disjoint(&mb)
}

#[test]
fn quickcheck_algebra_against_model() {
    QuickCheck::new().tests(200).quickcheck(algebra_agrees as fn(Vec<u8>, Vec<u8>) -> bool);
}

#[test]
fn matches_cpython_eq_call_counts() {
    use crate::table::cpython_data::CountingEq;
    type KeySet = Set<(i64, i64)>;
    fn values(s: &Set<(i64, i64)>) -> String {
        s.iter().map(|(_, k)| k.0.to_string()).collect::<Vec<_>>().join(" ")
    }
    for case in &load("eq_counts.txt") {
        let name = &case.name;
        let mut s = KeySet::new();
        let mut calls = Vec::new();
        for op in case.words("ops") {
            let (kind, arg) = op.split_at(1);
            let (v, h) = key_hash(arg, name);
            let cmp = &mut CountingEq::default();
            match kind {
                "s" => drop(infallible(s.add(h, (v, h), cmp))),
                "g" => drop(infallible(s.contains(h, &(v, h), cmp))),
                "d" => drop(infallible(s.discard(h, &(v, h), cmp))),
                "p" => drop(s.pop()),
                _ => panic!("case {name}: unknown op {op}"),
            }
            calls.push(cmp.calls as i64);
        }
        assert_eq!(calls, case.ints("set_calls"), "case {name}: __eq__ calls per operation");
        assert_eq!(values(&s), case.field("set_keys"), "case {name}: order");

        let mut b = KeySet::new();
        for word in case.words("b") {
            let (v, h) = key_hash(word, name);
            infallible(b.add(h, (v, h), &mut CountingEq::default()));
        }
        type SetOp = fn(&KeySet, &KeySet, &mut CountingEq) -> String;
        let ops: [(&str, SetOp); 6] = [
            ("or", |a, b, c| values(&infallible(a.union(b, c)))),
            ("and", |a, b, c| values(&infallible(a.intersection(b, c)))),
            ("sub", |a, b, c| values(&infallible(a.difference(b, c)))),
            ("xor", |a, b, c| values(&infallible(a.symmetric_difference(b, c)))),
            ("le", |a, b, c| u8::from(infallible(a.is_subset(b, c))).to_string()),
            ("isdisjoint", |a, b, c| u8::from(infallible(a.is_disjoint(b, c))).to_string()),
        ];
        for (field, op) in ops {
            let cmp = &mut CountingEq::default();
            let shown = op(&s, &b, cmp);
            assert_eq!(
                format!("{} {shown}", cmp.calls).trim_end(),
                case.field(field),
                "case {name}: {field}"
            );
        }
    }
}

#[test]
fn keeps_cpython_choice_among_equal_keys() {
    use crate::table::cpython_data::{repr_hash, NumericReprEq};
    type ReprSet = Set<String>;
    let shown = |s: &ReprSet| s.iter().map(|(_, k)| k.as_str()).collect::<Vec<_>>().join(" ");
    for case in &load("mixed_keys.txt") {
        let name = &case.name;
        let build = |field: &str| {
            let mut s = ReprSet::new();
            for word in case.words(field) {
                let (repr, hash) = repr_hash(word, name);
                infallible(s.add(hash, repr, &mut NumericReprEq));
            }
            s
        };
        let (a, b) = (build("a"), build("b"));
        let cmp = &mut NumericReprEq;
        let mut iand = a.copy();
        infallible(iand.intersection_update(&b, cmp));
        let mut ixor = a.copy();
        infallible(ixor.symmetric_difference_update(&b, cmp));
        assert_eq!(shown(&a), case.field("set_a"), "case {name}: a");
        let results = [
            ("or", infallible(a.union(&b, cmp))),
            ("and", infallible(a.intersection(&b, cmp))),
            ("sub", infallible(a.difference(&b, cmp))),
            ("xor", infallible(a.symmetric_difference(&b, cmp))),
            ("iand", iand),
            ("ixor", ixor),
        ];
        for (field, result) in results {
            assert_eq!(shown(&result), case.field(field), "case {name}: {field}");
        }
    }
}

#[test]
fn grows_at_cpython_points_past_the_50000_rule() {
    for (field, scattered) in [("set_sequential", false), ("set_scattered", true)] {
        let case = load("growth.txt").into_iter().find(|c| c.name == field).expect("growth case");
        let mut s = IntSet::new();
        let mut changes = Vec::new();
        let mut size = s.python_sizeof();
        for i in 0..120_000i64 {
            let k = if scattered { (i * 7919) % 1_000_003 } else { i };
            add(&mut s, k, k);
            if s.python_sizeof() != size {
                size = s.python_sizeof();
                changes.push(format!("{}:{size}", i + 1));
            }
        }
        assert_eq!(changes.join(" "), case.field("changes"), "{field}");
    }
}

#[test]
fn layout_changes_only_when_slots_move() {
    let mut s = IntSet::new();
    add(&mut s, 1, 1);
    let (layout, mutations) = (s.layout(), s.mutations());
    add(&mut s, 2, 2);
    infallible(s.discard(1, &1, &mut NativeEq));
    assert_eq!(s.layout(), layout, "no rebuild yet");
    assert_eq!(s.mutations(), mutations + 2);
    for k in 3..10 {
        add(&mut s, k, k);
    }
    assert_ne!(s.layout(), layout, "the table was rebuilt");
}
