# argparse: parse command lines, print help and usage, report bad options.
import argparse
import io
import sys

parser = argparse.ArgumentParser(prog="tool", description="Process some records.",
                                 epilog="Done with the help.")
parser.add_argument("files", nargs="+", help="input files")
parser.add_argument("-n", "--count", type=int, default=3, help="how many (default: %(default)s)")
parser.add_argument("-v", "--verbose", action="count", default=0)
parser.add_argument("--mode", choices=["fast", "slow"], default="fast")
parser.add_argument("--flag", action="store_true")
parser.add_argument("--tag", action="append", dest="tags", metavar="T")
group = parser.add_mutually_exclusive_group()
group.add_argument("--json", action="store_const", const="json", dest="fmt")
group.add_argument("--csv", action="store_const", const="csv", dest="fmt")

ns = parser.parse_args(["a.txt", "b.txt", "-n", "7", "-vv", "--tag", "x", "--tag=y", "--json"])
print(sorted(vars(ns).items()))
ns = parser.parse_args(["--mode", "slow", "c.txt", "--flag"])
print(ns.files, ns.count, ns.mode, ns.flag, ns.tags, ns.fmt, ns.verbose)

parser.print_help()
parser.print_usage()
print(parser.format_usage(), end="")

sub = argparse.ArgumentParser(prog="git")
subs = sub.add_subparsers(dest="cmd")
commit = subs.add_parser("commit", help="record changes")
commit.add_argument("-m", "--message", required=True)
push = subs.add_parser("push")
push.add_argument("remote", nargs="?", default="origin")
print(sub.parse_args(["commit", "-m", "hello"]))
print(sub.parse_args(["push"]))
known, rest = sub.parse_known_args(["push", "up", "--extra"])
print(known, rest)


def run(p, argv):
    old = sys.stderr, sys.stdout
    sys.stderr = sys.stdout = io.StringIO()
    try:
        p.parse_args(argv)
    except SystemExit as e:
        code = e.code
    finally:
        out = sys.stdout.getvalue()
        sys.stderr, sys.stdout = old
    print("exit", code)
    print(out, end="")


run(parser, ["-h"])
run(parser, ["a", "--bogus"])
run(parser, ["a", "-n", "x"])
run(parser, ["a", "--mode", "medium"])
run(parser, [])
run(parser, ["a", "--json", "--csv"])
run(sub, ["commit"])
