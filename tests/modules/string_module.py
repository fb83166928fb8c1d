# string: constants, capwords, Template, Formatter and its hooks.
import string

print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits, repr(string.whitespace))
print(string.punctuation, len(string.printable))
print(string.capwords("hello   wide  world"), string.capwords("a-b c-d", "-"), string.capwords(" x y "))
t = string.Template("$who likes ${what}; costs $$5")
print(t.substitute(who="tim", what="kung pao"), t.substitute({"who": "ann"}, what="tea"))
print(t.safe_substitute(who="bob"), t.template)
for bad in (lambda: t.substitute(who="x"), lambda: string.Template("$").substitute(),
            lambda: string.Template("${a").substitute(a=1)):
    try:
        bad()
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)


class Percent(string.Template):
    delimiter = "%"
    idpattern = "[a-z]+"


print(Percent("%name is %age").safe_substitute(name="zed"))
f = string.Formatter()
print(f.format("{0} {1!r} {x:>5}", "a", "b", x=3), list(f.parse("a{0}b{x!r:^4}c{{")))
print(f.vformat("{a[0]}-{b.real}", (), {"a": [9], "b": 2 + 3j}))


class Upper(string.Formatter):
    def convert_field(self, value, conversion):
        if conversion == "u":
            return str(value).upper()
        return super().convert_field(value, conversion)

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<%s>" % key
        return super().get_value(key, args, kwargs)

    def format_field(self, value, spec):
        if spec == "stars":
            return "*" * len(str(value))
        return super().format_field(value, spec)


u = Upper()
print(u.format("{name!u} {missing} {0:stars} {1:05.1f}", "abcd", 3.14159, name="sue"))
try:
    f.format("{0} {}", 1, 2)
except ValueError as e:
    print("ValueError", e)
try:
    f.format("{5}", 1)
except IndexError as e:
    print("IndexError", e)
print("{:,} {:_b} {:#x} {:e} {:%} {:g}".format(1234567, 255, 255, 12345.678, 0.25, 1e-7))
print(string.Formatter().format("{:{w}.{p}f}", 3.14159, w=10, p=2))
