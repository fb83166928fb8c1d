# Evaluation order: operands left to right, call arguments before the
# call, chained comparisons evaluate the middle once, augmented
# assignment targets evaluated once, dict displays key before value.
log = []


def t(label, value=None):
    log.append(label)
    return label if value is None else value


def show(title):
    print(title, log)
    log.clear()


t("a", 1) + t("b", 2) * t("c", 3)
try:
    t("s1") * t("s2")
except TypeError as e:
    log.append(str(e))
show("arith")
t("f", print)(t("x"), t("y"), sep=t("s", "-"), end=t("e", "\n"))
show("call")
t("1", 1) < t("2", 2) < t("3", 3)
show("chain")
t("5", 5) < t("2", 2) < t("3", 3)
show("chain short-circuit")
d = {t("k1"): t("v1"), t("k2"): t("v2")}
show("dict display")
obj = {"key": [0]}
t("container", obj)[t("index", "key")][t("inner", 0)] += t("rhs", 1)
show("augmented subscript")
print(obj)
x = t("lhs-none", None) or t("or-right", 0) or t("last", "z")
show("or chain")
t("cond", True) and t("then")
show("and")
a = [t("l1"), *[t("star")], t("l2")]
show("list display")
t("target", obj)[t("slot", "new")] = t("value", 5)
show("assignment order")
r = t("c-true", 1) if t("test", True) else t("c-false", 2)
show("conditional expression")
f = lambda p=t("default-evaluated-at-def"): p
show("lambda default")
