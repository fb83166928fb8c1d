# Decorator expressions evaluate top to bottom, apply bottom to top;
# class keyword arguments, bases and body order; default arguments.
log = []


def deco(name):
    log.append("make " + name)

    def apply(f):
        log.append("apply " + name)
        f.tags = getattr(f, "tags", []) + [name]
        return f
    return apply


@deco("outer")
@deco("middle")
@deco("inner")
def func():
    pass


print(log, func.tags)
log.clear()


def base(name):
    log.append("base " + name)
    return type(name, (), {})


class Meta(type):
    def __new__(m, name, bases, ns, **kw):
        log.append("meta new %s %s" % (name, sorted(kw)))
        return super().__new__(m, name, bases, ns)


class C(base("B1"), base("B2"), metaclass=Meta, flag=log.append("kw") or 1):
    log.append("body start")
    x = log.append("x") or 1

    def m(self, arg=log.append("default of m")):
        pass
    log.append("body end")


print(log)
log.clear()


def outer():
    log.append("outer called")

    def inner(v=log.append("inner default")):
        return v
    return inner


outer()()
print(log)
