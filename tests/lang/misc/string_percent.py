print("%s and %s" % ("a", "b"))
print("%(name)s is %(age)d" % {"name": "Bob", "age": 30})
print("%5s|%-5s|%.2s" % ("ab", "cd", "efgh"))
print("%r %a" % ("q", "é"))
print("%d%%" % 50)
print("%s" % (1,), "%s" % [1, 2], "%s" % ((1, 2),))
try:
    "%s %s" % ("only one",)
except TypeError as e:
    print(e)
try:
    "%d" % "x"
except TypeError as e:
    print(e)
try:
    "%s" % (1, 2)
except TypeError as e:
    print(e)
print("%c%c" % (72, "i"), "%x %X %o" % (255, 255, 8), "%5.1f|%-8.3e|%g" % (3.14159, 1234.5, 0.0001))
class R:
    def __repr__(self): return "R()"
    def __str__(self): return "str-R"
print("%s %r" % (R(), R()))
