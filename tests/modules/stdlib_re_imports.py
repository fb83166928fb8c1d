# needs `re` (_sre): move beside the other module scripts once _sre is merged.
# Standard-library modules whose import chain goes through `re`.
import argparse
import dataclasses
import decimal
import fractions
import gettext
import locale
import pprint
import random
import statistics
import string
import textwrap
import threading
import traceback
import typing
import warnings
import sys

parser = argparse.ArgumentParser(prog="tool", description="A small tool.")
parser.add_argument("name")
parser.add_argument("-n", "--count", type=int, default=1, help="how many times")
parser.add_argument("--loud", action="store_true")
args = parser.parse_args(["world", "-n", "3", "--loud"])
print(args.name, args.count, args.loud)
parser.print_help()
print(gettext.gettext("hello"), locale.setlocale(locale.LC_NUMERIC), locale.format_string("%d", 1234))
random.seed(12345)
print(random.random(), random.randint(1, 100), random.choice("abcdef"))
items = list(range(10))
random.shuffle(items)
print(items, round(random.gauss(0, 1), 6))


@dataclasses.dataclass(order=True)
class Point:
    x: int
    y: int = 0


print(Point(1, 2), Point(1) < Point(2), dataclasses.asdict(Point(3, 4)))
print(decimal.Decimal("1.1") + decimal.Decimal("2.2"), decimal.Decimal(1) / decimal.Decimal(7))
print(fractions.Fraction(3, 4) + fractions.Fraction(1, 6), fractions.Fraction("0.125"))
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), statistics.stdev([1, 2, 3, 4]))
pprint.pprint({"b": list(range(30)), "a": {"x": 1}}, width=40)
print(string.Template("$who likes $what").substitute(who="tim", what="pie"), string.ascii_letters)
print(string.Formatter().format("{0}-{name}", 1, name="n"), string.capwords("hello world"))
print(textwrap.fill("The quick brown fox jumps over the lazy dog. " * 3, width=30))
print(textwrap.dedent("    a\n      b\n"), textwrap.shorten("Hello  world, how are you", width=15))
try:
    1 / 0
except ZeroDivisionError:
    print(traceback.format_exc().splitlines()[-1])
print(typing.List[int], typing.Optional[str], typing.get_type_hints(Point))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("careful", DeprecationWarning)
print(len(caught), caught[0].category.__name__, str(caught[0].message))
print(threading.current_thread().name, threading.active_count())
warnings.warn("shown on stderr")
print("done")
