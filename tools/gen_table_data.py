#!/usr/bin/env python3.8
"""Write tests/data/table/*.txt: what CPython 3.8 does with sets, dicts and
list.sort, for the Rust tests of interp::table to match.

Run with CPython 3.8 (the oracle), from the repository root:

    ~/.pyenv/versions/3.8.18/bin/python3.8 tools/gen_table_data.py

Every file is line based: a case starts with `case NAME`, then `field: values`
lines of space-separated integers. Keys are ints, so every hash is printed
beside its key (`key/hash`) and the Rust side needs no hash function.
"""

import os
import random
import sys

if sys.version_info[:2] != (3, 8):
    sys.exit("gen_table_data.py must run under CPython 3.8, not %s" % sys.version)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "table")
rng = random.Random(20261126)


def key_pool(kind):
    """Int keys whose hashes collide in interesting ways."""
    if kind == "small":
        return list(range(-3, 40))
    if kind == "stride":  # same low bits: long probe chains
        return [k * 64 for k in range(-20, 60)] + [k * 1024 + 7 for k in range(30)]
    if kind == "wide":  # big ints, hash = value mod 2**61-1, -1 and -2 share a hash
        m = 2 ** 61 - 1
        return [-1, -2, m, m + 1, 2 * m + 5, -m, 2 ** 62, -(2 ** 62)] + [
            rng.randrange(-2 ** 63, 2 ** 63) for _ in range(60)
        ]
    return list(range(3000))


def kh(k):
    return "%d/%d" % (k, hash(k))


def random_set_ops(pool, n):
    """A sequence of add/discard/pop operations, as text and applied."""
    ops = []
    s = set()
    popped = []
    for _ in range(n):
        r = rng.random()
        if r < 0.6:
            k = rng.choice(pool)
            s.add(k)
            ops.append("a" + kh(k))
        elif r < 0.93:
            k = rng.choice(pool)
            s.discard(k)
            ops.append("d" + kh(k))
        elif s:
            popped.append(s.pop())
            ops.append("p")
    return s, ops, popped


def write_sets(f):
    n_case = 0
    for kind in ["small", "stride", "wide", "many"]:
        for size in [0, 1, 3, 5, 8, 20, 60, 200, 1000]:
            for _ in range(4 if size < 200 else 2):
                s, ops, popped = random_set_ops(key_pool(kind), size)
                f.write("case set%d\n" % n_case)
                f.write("ops: %s\n" % " ".join(ops))
                f.write("popped: %s\n" % " ".join(map(str, popped)))
                f.write("iter: %s\n" % " ".join(map(str, s)))
                f.write("copy: %s\n" % " ".join(map(str, s.copy())))
                f.write("frozenhash: %d\n" % hash(frozenset(s)))
                f.write("sizeof: %d %d\n" % (sys.getsizeof(s), sys.getsizeof(s.copy())))
                drained = []
                while s:
                    drained.append(s.pop())
                f.write("drain: %s\n" % " ".join(map(str, drained)))
                n_case += 1


def write_set_algebra(f):
    n_case = 0
    for kind in ["small", "stride", "wide"]:
        for na, nb in [(0, 5), (5, 0), (4, 4), (10, 3), (3, 10), (30, 30), (60, 8),
                       (200, 10), (10, 200), (100, 100)]:
            for _ in range(3):
                pool = key_pool(kind)
                a, aops, _ = random_set_ops(pool, na)
                b, bops, _ = random_set_ops(pool, nb)
                f.write("case alg%d\n" % n_case)
                f.write("a: %s\n" % " ".join(aops))
                f.write("b: %s\n" % " ".join(bops))
                results = [
                    ("or", a | b), ("and", a & b), ("sub", a - b), ("xor", a ^ b),
                    ("union3", a.union(b, a)), ("inter3", a.intersection(b, b)),
                    ("diff3", a.difference(b, {k for k in a if hash(k) % 3 == 0})),
                ]
                for name, op in [("ior", "__ior__"), ("iand", "__iand__"),
                                 ("isub", "__isub__"), ("ixor", "__ixor__")]:
                    c = a.copy()
                    getattr(c, op)(b)
                    results.append((name, c))
                c = a.copy()
                c.update(dict.fromkeys(b))
                results.append(("update_dict", c))
                c = a.copy()
                c.symmetric_difference_update(dict.fromkeys(b))
                results.append(("ixor_dict", c))
                results.append(("sub_dict", a.difference(dict.fromkeys(b))))
                for name, r in results:
                    f.write("%s: %s\n" % (name, " ".join(map(str, r))))
                f.write("bools: %d %d %d %d\n" % (a <= b, a >= b, a.isdisjoint(b), a == b))
                n_case += 1


def write_dicts(f):
    n_case = 0
    for kind in ["small", "stride", "wide", "many"]:
        for size in [0, 1, 4, 6, 12, 40, 150, 600]:
            for _ in range(4 if size < 150 else 2):
                pool = key_pool(kind)
                d = {}
                ops = []
                popped = []
                sizes = []
                for step in range(size):
                    r = rng.random()
                    k = rng.choice(pool)
                    if r < 0.55:
                        v = rng.randrange(1000)
                        d[k] = v
                        ops.append("s%s=%d" % (kh(k), v))
                    elif r < 0.65:
                        v = rng.randrange(1000)
                        d.setdefault(k, v)
                        ops.append("f%s=%d" % (kh(k), v))
                    elif r < 0.9:
                        d.pop(k, None)
                        ops.append("d" + kh(k))
                    elif r < 0.99:
                        if d:
                            popped.append("%d=%d" % d.popitem())
                            ops.append("p")
                    else:
                        d.clear()
                        ops.append("c")
                    if len(sizes) < len(ops):
                        sizes.append(str(keys_size(d)))
                f.write("case dict%d\n" % n_case)
                f.write("ops: %s\n" % " ".join(ops))
                f.write("popped: %s\n" % " ".join(popped))
                f.write("sizes: %s\n" % " ".join(sizes))
                f.write("items: %s\n" % " ".join("%d=%d" % kv for kv in d.items()))
                c = d.copy()
                f.write("copy_size: %d\n" % keys_size(c))
                f.write("sizeof: %d\n" % sys.getsizeof(d))
                f.write("dict_call_size: %d\n" % keys_size(dict(d)))
                u = {k: 0 for k in pool[:3]}
                f.write("update_base: %s\n" % " ".join(map(kh, pool[:3])))
                u.update(d)
                f.write("update: %s\n" % " ".join("%d=%d" % kv for kv in u.items()))
                f.write("update_size: %d\n" % keys_size(u))
                n_case += 1


def keys_size(d):
    """dk_size of a dict's (combined) keys table, read back from getsizeof;
    0 for the shared empty table."""
    total = sys.getsizeof(d)
    if total == sys.getsizeof({}):
        return 0
    for log in range(3, 40):
        size = 1 << log
        ix = 1 if size <= 0xFF else 2 if size <= 0xFFFF else 4 if size <= 0xFFFFFFFF else 8
        if total == sys.getsizeof({}) + 40 + ix * size + (2 * size // 3) * 24:
            return size
    raise ValueError("cannot read the table size of a dict of %d bytes" % total)


class Counted:
    """A sort key whose __lt__ counts calls, and can lie or raise."""
    __slots__ = ("v", "ident")
    calls = 0
    mode = "honest"
    fail_after = -1
    lcg = 1

    def __init__(self, v, ident):
        self.v = v
        self.ident = ident

    def __lt__(self, other):
        Counted.calls += 1
        if Counted.calls == Counted.fail_after:
            raise ValueError("comparison %d fails" % Counted.calls)
        if Counted.mode == "random":
            Counted.lcg = (Counted.lcg * 6364136223846793005 + 1442695040888963407) % 2 ** 64
            return (Counted.lcg >> 33) & 1 == 1
        return self.v < other.v


def sort_input(pattern, n):
    if pattern == "random":
        return [rng.randrange(n * 4 + 1) for _ in range(n)]
    if pattern == "dupes":
        return [rng.randrange(5) for _ in range(n)]
    if pattern == "ascending_runs":
        out = []
        while len(out) < n:
            start = rng.randrange(1000)
            out.extend(range(start, start + rng.randrange(1, 200)))
        return out[:n]
    if pattern == "descending_runs":
        out = []
        while len(out) < n:
            start = rng.randrange(1000)
            out.extend(range(start, start - rng.randrange(1, 200), -1))
        return out[:n]
    if pattern == "sawtooth":
        return [i % 37 for i in range(n)]
    if pattern == "sorted_with_noise":
        out = list(range(n))
        for _ in range(max(1, n // 50)):
            i, j = rng.randrange(n), rng.randrange(n)
            out[i], out[j] = out[j], out[i]
        return out
    raise ValueError(pattern)


def write_sorts(f):
    n_case = 0
    patterns = ["random", "dupes", "ascending_runs", "descending_runs", "sawtooth",
                "sorted_with_noise"]
    for n in [0, 1, 2, 3, 10, 63, 64, 65, 200, 1000, 2500]:
        for pattern in patterns:
            for mode in ["honest", "random"]:
                for reverse in [False, True]:
                    fail_choices = [-1]
                    if n > 1:
                        fail_choices.append(rng.randrange(1, 2 * n + 2))
                    for fail_after in fail_choices:
                        values = sort_input(pattern, n) if n else []
                        items = [Counted(v, i) for i, v in enumerate(values)]
                        Counted.calls = 0
                        Counted.mode = mode
                        Counted.fail_after = fail_after
                        Counted.lcg = 1
                        failed = 0
                        try:
                            items.sort(reverse=reverse)
                        except ValueError:
                            failed = 1
                        f.write("case sort%d\n" % n_case)
                        f.write("params: %d %d %d %d\n" % (
                            mode == "random", reverse, fail_after, failed))
                        f.write("values: %s\n" % " ".join(map(str, values)))
                        f.write("calls: %d\n" % Counted.calls)
                        f.write("order: %s\n" % " ".join(str(x.ident) for x in items))
                        n_case += 1


class EqCounted:
    """A key with a chosen hash whose __eq__ counts calls. Every operation
    makes a fresh object, so CPython's identity shortcut never applies."""
    __slots__ = ("v", "h")
    calls = 0

    def __init__(self, v, h):
        self.v = v
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        EqCounted.calls += 1
        return self.v == other.v


def counted_key():
    v = rng.randrange(40)
    h = [0, 1, 2, 3, 8, 16, 1 << 40, -5][v % 8]
    return v, h


def write_eq_counts(f):
    n_case = 0
    for size in [10, 50, 200, 800]:
        for _ in range(6):
            d, s = {}, set()
            ops, dcalls, scalls = [], [], []
            for _ in range(size):
                v, h = counted_key()
                kind = rng.choice("sssggdp")
                ops.append("%s%d/%d" % (kind, v, h))
                for container, calls in [(d, dcalls), (s, scalls)]:
                    EqCounted.calls = 0
                    key = EqCounted(v, h)
                    if kind == "s":
                        if container is d:
                            d[key] = v
                        else:
                            s.add(key)
                    elif kind == "g":
                        key in container
                    elif kind == "d":
                        if container is d:
                            d.pop(key, None)
                        else:
                            s.discard(key)
                    elif kind == "p" and container:
                        if container is d:
                            d.popitem()
                        else:
                            s.pop()
                    calls.append(str(EqCounted.calls))
            f.write("case eq%d\n" % n_case)
            f.write("ops: %s\n" % " ".join(ops))
            f.write("dict_calls: %s\n" % " ".join(dcalls))
            f.write("set_calls: %s\n" % " ".join(scalls))
            f.write("dict_keys: %s\n" % " ".join(str(k.v) for k in d))
            f.write("set_keys: %s\n" % " ".join(str(k.v) for k in s))
            b_src = [counted_key() for _ in range(size // 2)]
            b = set()
            for v, h in b_src:
                b.add(EqCounted(v, h))
            f.write("b: %s\n" % " ".join("%d/%d" % vh for vh in b_src))
            for name, op in [("or", set.__or__), ("and", set.__and__), ("sub", set.__sub__),
                             ("xor", set.__xor__), ("le", set.__le__),
                             ("isdisjoint", set.isdisjoint)]:
                EqCounted.calls = 0
                r = op(s, b)
                shown = " ".join(str(k.v) for k in r) if isinstance(r, set) else str(int(r))
                f.write("%s: %d %s\n" % (name, EqCounted.calls, shown))
            n_case += 1


MIXED = ["0", "1", "2", "3", "True", "False", "1.0", "2.0", "0.0", "-0.0", "3.0", "8",
         "8.0", "16", "-1", "-1.0", "-2", "1.5", "0.5"]


def write_mixed_keys(f):
    """Equal keys of different types (1, 1.0, True): which one a result keeps."""
    n_case = 0
    for size in [3, 6, 12, 25]:
        for _ in range(8):
            a_src = [rng.choice(MIXED) for _ in range(size)]
            b_src = [rng.choice(MIXED) for _ in range(rng.randrange(1, size + 2))]
            a = set()
            for r in a_src:
                a.add(eval(r))
            b = set()
            for r in b_src:
                b.add(eval(r))
            d = {}
            for i, r in enumerate(a_src + b_src):
                d[eval(r)] = i
            f.write("case mixed%d\n" % n_case)
            f.write("a: %s\n" % " ".join("%s/%d" % (r, hash(eval(r))) for r in a_src))
            f.write("b: %s\n" % " ".join("%s/%d" % (r, hash(eval(r))) for r in b_src))
            for name, r in [("set_a", a), ("or", a | b), ("and", a & b), ("sub", a - b),
                            ("xor", a ^ b), ("iand", set(a).__iand__(b)),
                            ("ixor", set(a).__ixor__(b))]:
                f.write("%s: %s\n" % (name, " ".join(map(repr, r))))
            f.write("dict: %s\n" % " ".join("%r=%d" % kv for kv in d.items()))
            n_case += 1


class Mutating(EqCounted):
    """A key whose __eq__, at call number `trigger`, runs `action`: the
    action changes the table being searched."""
    __slots__ = ()
    __hash__ = EqCounted.__hash__
    calls = 0
    trigger = -1
    action = None

    def __eq__(self, other):
        Mutating.calls += 1
        if Mutating.calls == Mutating.trigger and Mutating.action:
            action, Mutating.action = Mutating.action, None
            action()
        return self.v == other.v


def write_mutation(f):
    for n_case in range(120):
        kind = rng.choice(["dict", "set"])
        keys = [(v, rng.choice([0, 8, 16, 24])) for v in rng.sample(range(50), rng.randrange(3, 12))]
        c = {} if kind == "dict" else set()
        Mutating.trigger, Mutating.action = -1, None
        for v, h in keys:
            if kind == "dict":
                c[Mutating(v, h)] = v
            else:
                c.add(Mutating(v, h))
        op = rng.choice(["get", "insert", "delete"])
        target = rng.choice(keys) if rng.random() < 0.7 else (rng.randrange(50, 60), rng.choice([0, 8]))
        action = rng.choice(["del", "grow", "clear", "none"])
        victim = rng.choice(keys)
        grow = rng.randrange(1, 12)

        def run_action():
            if action == "del":
                if kind == "dict":
                    c.pop(Mutating(*victim), None)
                else:
                    c.discard(Mutating(*victim))
            elif action == "grow":
                for i in range(grow):
                    if kind == "dict":
                        c[Mutating(100 + i, i)] = 0
                    else:
                        c.add(Mutating(100 + i, i))
            elif action == "clear":
                c.clear()

        Mutating.calls = 0
        Mutating.trigger = rng.randrange(1, 4)
        Mutating.action = run_action
        key = Mutating(*target)
        if op == "get":
            result = key in c
        elif op == "insert":
            before = len(c)
            if kind == "dict":
                c[key] = -1
            else:
                c.add(key)
            result = len(c) != before
        elif kind == "dict":
            result = c.pop(key, None) is not None
        else:
            before = len(c)
            c.discard(key)
            result = len(c) != before
        f.write("case mut%d\n" % n_case)
        f.write("setup: %s %s %s %d %s %d/%d %d\n" % (
            kind, op, action, Mutating.trigger, "%d/%d" % target, victim[0], victim[1], grow))
        f.write("keys: %s\n" % " ".join("%d/%d" % k for k in keys))
        f.write("result: %d %d\n" % (result, Mutating.calls))
        f.write("final: %s\n" % " ".join(str(k.v) for k in c))


def write_keyed_sorts(f):
    """sorted(records, key=..., reverse=...): keys are tuples, and ties
    keep the records' order (reversed runs included)."""
    for n_case in range(40):
        n = rng.choice([5, 30, 100, 700])
        records = [(rng.randrange(20), rng.randrange(6)) for _ in range(n)]
        reverse = rng.random() < 0.5
        order = sorted(range(n), key=lambda i: (records[i][1], records[i][0] % 4), reverse=reverse)
        f.write("case keyed%d\n" % n_case)
        f.write("reverse: %d\n" % reverse)
        f.write("records: %s\n" % " ".join("%d,%d" % r for r in records))
        f.write("order: %s\n" % " ".join(map(str, order)))


def write_growth(f):
    """Every point where a growing set or dict changes size (getsizeof),
    up past a set's 50000-entry rule and a dict's 4-byte indices."""
    for name, make, add, keys in [
        ("set_sequential", set, set.add, range(120000)),
        ("set_scattered", set, set.add, [(i * 7919) % 1000003 for i in range(120000)]),
        ("dict_sequential", dict, lambda d, k: d.__setitem__(k, 0), range(120000)),
    ]:
        c = make()
        changes = []
        last = sys.getsizeof(c)
        for n, k in enumerate(keys, 1):
            add(c, k)
            size = sys.getsizeof(c)
            if size != last:
                changes.append("%d:%d" % (n, size))
                last = size
        f.write("case %s\n" % name)
        f.write("changes: %s\n" % " ".join(changes))


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, writer in [("sets.txt", write_sets), ("set_algebra.txt", write_set_algebra),
                         ("dicts.txt", write_dicts), ("sorts.txt", write_sorts),
                         ("eq_counts.txt", write_eq_counts),
                         ("mixed_keys.txt", write_mixed_keys),
                         ("mutation.txt", write_mutation),
                         ("keyed_sorts.txt", write_keyed_sorts),
                         ("growth.txt", write_growth)]:
        with open(os.path.join(OUT, name), "w") as f:
            f.write("# Written by tools/gen_table_data.py under CPython %s; do not edit.\n"
                    % sys.version.split()[0])
            writer(f)


if __name__ == "__main__":
    main()
