# __getattribute__ runs for every lookup; __getattr__ only when it raises
# AttributeError; other exceptions propagate; object.__getattribute__.
class Tracing:
    def __init__(self):
        self.real = 1

    def __getattribute__(self, name):
        if name.startswith("boom"):
            raise KeyError(name)
        if name == "hidden":
            raise AttributeError("hidden is hidden")
        print("getattribute", name)
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        print("getattr", name)
        return "default-" + name


t = Tracing()
print(t.real)
print(t.missing)
print(t.hidden)
try:
    t.boom
except KeyError as e:
    print("KeyError", e)
print(getattr(t, "x", "unused"))
print(hasattr(t, "anything"))


class Strict:
    def __getattr__(self, name):
        if name == "dynamic":
            return 42
        raise AttributeError("%r has no %r" % (type(self).__name__, name))


s = Strict()
print(s.dynamic, getattr(s, "nope", "fallback"), hasattr(s, "nope"))
try:
    s.nope
except AttributeError as e:
    print("AttributeError", e)


class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)

    def __getattr__(self, name):
        return getattr(self._target, name)

    def __setattr__(self, name, value):
        print("proxy set", name)
        setattr(self._target, name, value)

    def __delattr__(self, name):
        print("proxy del", name)
        delattr(self._target, name)


class Target:
    pass


tg = Target()
p = Proxy(tg)
p.color = "red"
print(tg.color, p.color)
del p.color
print(hasattr(tg, "color"))
print(p.__class__.__name__)
