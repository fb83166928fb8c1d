# operator.methodcaller/attrgetter/itemgetter survive pickle and copy.
import copy
import operator
import pickle


class A:
    def foo(self, *args, **kwds):
        return args[0] + args[1]

    def bar(self, f=42):
        return f


a = A()
a.x = 5
for f in (operator.methodcaller("bar"), operator.methodcaller("foo", 1, 2),
          operator.methodcaller("bar", f=5), operator.attrgetter("x"),
          operator.itemgetter(1)):
    target = [0, 10] if isinstance(f, operator.itemgetter) else a
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        g = pickle.loads(pickle.dumps(f, proto))
        print(proto, repr(g), g(target) == f(target))
    print(repr(copy.copy(f)), copy.deepcopy(f)(target))
name = "".join(["b", "ar"])
print(operator.methodcaller(name)(a))
