# f-strings: nested quotes, format specs from expressions, conversions,
# = self-documenting expressions, braces, and errors at run time.
import datetime

width, prec = 10, 3
value = 3.14159
name = "tachyon"
print(f"{value:{width}.{prec}f}|")
print(f"{name!r:>12}|{name!s:<9}|{name!a}")
print(f"{{literal}} {{{name}}}")
print(f"{value=}", f"{width * 2 = }", f"{name=!s:>9}")
print(f"{3+4j}", f"{-0.0}", f"{1e100:.2e}", f"{255:#x}", f"{255:08b}", f"{1234567:,}")
print(f"{[1, 2][1]} {dict(a=1)['a']} {(lambda x: x * 2)(4)}")
d = datetime.date(2020, 5, 17)
print(f"{d:%Y/%m/%d} {d!r}")
print(f"{'nested ' + f'{name.upper()}'}")
print(f"{'a' 'b'}", f"""{
    1 +
    2}""")
print(f"{None!r:>6}|{True:5}|{False!s:^7}|")


class Fmt:
    def __format__(self, spec):
        return "<Fmt spec=%r>" % spec


print(f"{Fmt()}", f"{Fmt():abc}", f"{Fmt()!s:>3}".startswith("<__main__.Fmt object"))
for bad in ("{value:invalid}", "{name:d}", "{width:.2s}"):
    try:
        eval("f" + repr(bad))
    except ValueError as e:
        print("ValueError", e)
try:
    eval("f'{1:{2:{3}}}'")
except SyntaxError as e:
    print("SyntaxError", e.msg)
