# itemgetter, attrgetter and methodcaller pickle and copy as in CPython.
import copy
import operator
import pickle


class P:
    def __init__(self):
        self.a = self
        self.b = 2

    def scale(self, k, *, by=1):
        return self.b * k * by


getters = [
    operator.itemgetter(1),
    operator.itemgetter(0, 2),
    operator.attrgetter("b"),
    operator.attrgetter("a.b", "b"),
    operator.methodcaller("scale", 3),
    operator.methodcaller("scale", 3, by=10),
]
p = P()
for g in getters:
    r = g.__reduce__()
    print(type(r[0]).__name__, r[1])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(g, proto))
        assert repr(back) == repr(g), (proto, back)
    twin = copy.copy(g)
    target = p if isinstance(g, (operator.attrgetter, operator.methodcaller)) else [5, 6, 7]
    print(repr(g), g(target), twin(target), copy.deepcopy(g)(target))
