# set, frozenset and dict methods of CPython 3.8.

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

show("union", lambda: {1, 2}.union([3], (4,), "a"[:0]))
show("union none", lambda: {1, 2}.union())
show("intersection", lambda: {1, 2, 3}.intersection([2, 3], {3, 4}))
show("difference", lambda: {1, 2, 3}.difference([2], range(3, 10)))
show("symmetric_difference", lambda: {1, 2, 3}.symmetric_difference([3, 4, 4]))
show("symdiff many", lambda: {1}.symmetric_difference([1], [2]))
show("subset", lambda: ({1}.issubset([1, 2]), {1, 3}.issubset({1}), {1, 2}.issuperset([1]), {1}.issuperset(range(3))))
show("disjoint", lambda: ({1}.isdisjoint([2]), {1, 2}.isdisjoint(iter([5, 2]))))
show("copy", lambda: {1, 2}.copy())
s = {3, 1, 2}
show("pop", lambda: [s.pop(), s.pop(), s.pop()])
show("pop empty", lambda: s.pop())
show("clear", lambda: (lambda t: (t.clear(), t))({1, 2}))
show("intersection_update", lambda: (lambda t: (t.intersection_update([1, 5], {1, 2}), t))({1, 2}))
show("difference_update", lambda: (lambda t: (t.difference_update([1], "x"), t))({1, 2, "x"}))
show("sym_update", lambda: (lambda t: (t.symmetric_difference_update([1, 3, 3]), t))({1, 2}))
show("update", lambda: (lambda t: (t.update([4], {5}), t))({1}))
show("remove missing", lambda: {1}.remove(2))
show("discard missing", lambda: {1}.discard(2))
show("add unhashable", lambda: {1}.add([]))
show("union unhashable", lambda: {1}.union([[]]))
show("union notiter", lambda: {1}.union(5))
show("frozen union", lambda: frozenset([1, 2]).union([3]))
show("frozen inter", lambda: frozenset([1, 2]).intersection({2}))
show("frozen diff", lambda: frozenset("abc").difference("b") == frozenset("ac"))
show("frozen copy", lambda: (lambda f: f.copy() is f)(frozenset([1])))
show("frozen no add", lambda: frozenset().add(1))
show("set of strs", lambda: sorted({"b", "a"}.union(["c"])))
show("pop arg", lambda: {1}.pop(1))
show("copy kw", lambda: {1}.copy(x=1))
show("issubset none", lambda: {1}.issubset())
show("fromkeys", lambda: dict.fromkeys("abc"))
show("fromkeys value", lambda: dict.fromkeys(range(3), []))
show("fromkeys none", lambda: dict.fromkeys())

class D(dict):
    pass

show("fromkeys sub", lambda: (type(D.fromkeys([1])).__name__, D.fromkeys([1], 2)))
show("fromkeys inst", lambda: {}.fromkeys([1]))
