# __text_signature__ of builtins and inspect.signature from it;
# method-wrapper.__objclass__; super.__get__.
import inspect

callables = [len, print, iter, abs, divmod, sorted, sum, min, compile, isinstance,
             int.__add__, (1).__add__, True.__add__, list.append, [].append,
             dict.get, {}.get, str.join, "".join, object.__init__,
             type.__call__, int.to_bytes, float.hex, set.add,
             list.sort, str.__len__, tuple.count, range.index]
for f in callables:
    print(repr(getattr(f, "__text_signature__", "MISSING")), end=" | ")
    try:
        print(inspect.signature(f))
    except ValueError as e:
        print("ValueError", e)
print(len.__self__ is __import__("builtins"), [].append.__self__)
print(inspect.signature(sorted).parameters["key"].kind)
print((1).__add__.__objclass__, [].__len__.__objclass__, "".__eq__.__objclass__)
print(int.__add__.__objclass__, list.append.__objclass__)


class A:
    def f(self):
        return "A.f"


class B(A):
    def f(self):
        return "B.f"


b = B()
unbound = super(B)
bound = unbound.__get__(b)
print(bound.f(), bound.__self__ is b, bound.__thisclass__ is B)
print(unbound.__get__(None, B) is unbound, bound.__get__(A()) is bound)
try:
    unbound.__get__(None)
except TypeError as e:
    print(e)
print(super(B, b).__get__(A()).f())
