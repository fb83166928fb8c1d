use super::*;
use crate::table::cpython_data::{key_hash, load, parse_int};

/// A key of the generator's `Mutating` class: value, hash, and an object
/// id (each Python object is distinct; identity is by id).
type Key = (i64, i64, u64);

/// What the VM would be: the table under search, and the `__eq__` state.
struct Ctx {
    dict: Dict<Key, i64>,
    set: Set<Key>,
    next_id: u64,
    calls: i64,
    trigger: i64,
    action: Option<Action>,
}

#[derive(Clone, Copy)]
enum Action {
    Del(i64, i64),
    Grow(i64),
    Clear,
}

/// `__eq__` of keys touched by nested operations: counted, never mutating
/// (the action has fired by then).
struct Counting<'a>(&'a mut i64);

impl KeyEq<Key> for Counting<'_> {
    type Error = std::convert::Infallible;
    fn identical(&self, stored: &Key, key: &Key) -> bool {
        stored.2 == key.2
    }
    fn eq(&mut self, stored: &Key, key: &Key) -> Result<bool, Self::Error> {
        *self.0 += 1;
        Ok(stored.0 == key.0)
    }
}

impl Ctx {
    fn fresh(&mut self, v: i64, h: i64) -> Key {
        self.next_id += 1;
        (v, h, self.next_id)
    }

    fn run(&mut self, action: Action, is_dict: bool) {
        match action {
            Action::Del(v, h) => {
                let key = self.fresh(v, h);
                let cmp = &mut Counting(&mut self.calls);
                if is_dict {
                    crate::table::infallible(self.dict.remove(h, &key, cmp));
                } else {
                    crate::table::infallible(self.set.discard(h, &key, cmp));
                }
            }
            Action::Grow(n) => {
                for i in 0..n {
                    let key = self.fresh(100 + i, i);
                    let cmp = &mut Counting(&mut self.calls);
                    if is_dict {
                        crate::table::infallible(self.dict.insert(i, key, 0, cmp));
                    } else {
                        crate::table::infallible(self.set.add(i, key, cmp));
                    }
                }
            }
            Action::Clear if is_dict => self.dict.clear(),
            Action::Clear => self.set.clear(),
        }
    }
}

fn dict_of(ctx: &Ctx) -> &Dict<Key, i64> {
    &ctx.dict
}

fn set_of(ctx: &Ctx) -> &Set<Key> {
    &ctx.set
}

fn set_of_mut(ctx: &mut Ctx) -> &mut Set<Key> {
    &mut ctx.set
}

fn identical(a: &Key, b: &Key) -> bool {
    a.2 == b.2
}

fn python_eq(is_dict: bool) -> impl FnMut(&mut Ctx, &Key, &Key) -> Result<bool, ()> {
    move |ctx, stored, key| {
        ctx.calls += 1;
        if ctx.calls == ctx.trigger {
            if let Some(action) = ctx.action.take() {
                ctx.run(action, is_dict);
            }
        }
        Ok(stored.0 == key.0)
    }
}

#[test]
fn restarts_as_cpython_when_eq_mutates_the_table() {
    let cases = load("mutation.txt");
    let mut fired = 0;
    for case in &cases {
        let name = &case.name;
        let setup = case.words("setup");
        let is_dict = setup[0] == "dict";
        let mut ctx = Ctx {
            dict: Dict::new(),
            set: Set::new(),
            next_id: 0,
            calls: 0,
            trigger: parse_int(setup[3], name),
            action: None,
        };
        for word in case.words("keys") {
            let (v, h) = key_hash(word, name);
            let key = ctx.fresh(v, h);
            let cmp = &mut Counting(&mut ctx.calls);
            if is_dict {
                crate::table::infallible(ctx.dict.insert(h, key, v, cmp));
            } else {
                crate::table::infallible(ctx.set.add(h, key, cmp));
            }
        }
        ctx.calls = 0;
        let (vv, vh) = key_hash(setup[5], name);
        ctx.action = match setup[2] {
            "del" => Some(Action::Del(vv, vh)),
            "grow" => Some(Action::Grow(parse_int(setup[6], name))),
            "clear" => Some(Action::Clear),
            _ => None,
        };
        let (tv, th) = key_hash(setup[4], name);
        let key = ctx.fresh(tv, th);
        let len = |ctx: &Ctx| if is_dict { ctx.dict.len() } else { ctx.set.len() };
        let before = len(&ctx);
        let result = match (setup[1], is_dict) {
            ("get", true) => dict_find(&mut ctx, dict_of, th, &key, identical, python_eq(true))
                .unwrap()
                .is_some(),
            ("get", false) => {
                set_find(&mut ctx, set_of, th, &key, identical, python_eq(false)).unwrap().is_some()
            }
            ("insert", true) => {
                let found =
                    dict_find(&mut ctx, dict_of, th, &key, identical, python_eq(true)).unwrap();
                match found {
                    Some(ix) => *ctx.dict.value_mut(ix).unwrap() = -1,
                    None => drop(ctx.dict.insert_new(th, key, -1)),
                }
                len(&ctx) != before
            }
            ("insert", false) => {
                set_add(&mut ctx, set_of, set_of_mut, th, key, identical, python_eq(false))
                    .unwrap();
                len(&ctx) != before
            }
            ("delete", true) => {
                let found =
                    dict_find(&mut ctx, dict_of, th, &key, identical, python_eq(true)).unwrap();
                found.and_then(|ix| ctx.dict.remove_at(ix)).is_some()
            }
            ("delete", false) => {
                let found =
                    set_find(&mut ctx, set_of, th, &key, identical, python_eq(false)).unwrap();
                found.and_then(|slot| ctx.set.remove_at(slot));
                len(&ctx) != before
            }
            (op, _) => panic!("case {name}: unknown op {op}"),
        };
        fired += usize::from(ctx.action.is_none() && setup[2] != "none");
        let expected = case.ints("result");
        assert_eq!(
            (i64::from(result), ctx.calls),
            (expected[0], expected[1]),
            "case {name}: result, __eq__ calls"
        );
        let final_keys: Vec<i64> = if is_dict {
            ctx.dict.iter().map(|(_, k, _)| k.0).collect()
        } else {
            ctx.set.iter().map(|(_, k)| k.0).collect()
        };
        assert_eq!(final_keys, case.ints("final"), "case {name}: final order");
    }
    assert!(fired >= 20, "only {fired} cases mutate the table during a search");
}

#[test]
fn errors_from_eq_stop_the_search() {
    let mut ctx =
        Ctx { dict: Dict::new(), set: Set::new(), next_id: 0, calls: 0, trigger: -1, action: None };
    for v in 0..3 {
        let key = ctx.fresh(v, 7);
        crate::table::infallible(ctx.dict.insert(7, key, v, &mut Counting(&mut ctx.calls)));
    }
    let key = ctx.fresh(9, 7);
    let failing = |_: &mut Ctx, _: &Key, _: &Key| -> Result<bool, &str> { Err("raised") };
    assert_eq!(dict_find(&mut ctx, dict_of, 7, &key, identical, failing), Err("raised"));
}
