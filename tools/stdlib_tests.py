"""Run CPython 3.8's own stdlib test files under tachyon and python3.8 and
tabulate tests run / failures / errors / skips per file.

usage: python3.8 tools/stdlib_tests.py [--tachyon PATH] [--timeout S] [TEST...]
  TESTs are names like test_math (default: the list below). Each file runs as
  `-m unittest test.NAME` under each interpreter, with a per-file timeout.
"""
import argparse
import os
import re
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYTHON38 = os.path.expanduser("~/.pyenv/versions/3.8.18/bin/python3.8")

TESTS = """test_math test_random test_json test_re test_itertools test_collections
test_functools test_operator test_heapq test_bisect test_struct test_array test_string
test_textwrap test_csv test_datetime test_fractions test_statistics test_enum
test_dataclasses test_copy test_bytes test_unicode test_float test_int test_long
test_list test_dict test_set test_tuple test_memoryview test_io test_os""".split()


def run(cmd, name, timeout):
    env = dict(os.environ)
    env.setdefault("PYTHONPYCACHEPREFIX", os.path.join(ROOT, ".pycache"))
    start = time.time()
    try:
        res = subprocess.run([cmd, "-m", "unittest", "test." + name], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, env=env, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return {"status": "timeout", "secs": timeout, "out": (e.output or b"").decode(errors="replace")}
    out = res.stdout.decode(errors="replace")
    r = {"status": "ok" if res.returncode == 0 else "rc=%d" % res.returncode,
         "secs": time.time() - start, "out": out}
    m = re.search(r"^Ran (\d+) tests?", out, re.M)
    r["ran"] = int(m.group(1)) if m else None
    for key in ("failures", "errors", "skipped"):
        m = re.search(r"^(?:FAILED|OK) \(.*?%s=(\d+)" % key, out, re.M)
        r[key] = int(m.group(1)) if m else 0
    return r


def cell(r):
    if r["status"] == "timeout":
        return "timeout"
    if r.get("ran") is None:
        return "crash(%s)" % r["status"]
    return "%d ran, %dF %dE %dS" % (r["ran"], r["failures"], r["errors"], r["skipped"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tachyon", default=os.path.join(ROOT, "target/release/tachyon"))
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--logdir", default=None, help="write each run's output here")
    ap.add_argument("--no-oracle", action="store_true")
    ap.add_argument("tests", nargs="*")
    args = ap.parse_args()
    print("| file | CPython 3.8 | tachyon | tachyon secs |")
    print("|---|---|---|---|")
    for name in args.tests or TESTS:
        want = None if args.no_oracle else run(PYTHON38, name, args.timeout)
        got = run(args.tachyon, name, args.timeout)
        if args.logdir:
            os.makedirs(args.logdir, exist_ok=True)
            with open(os.path.join(args.logdir, name + ".txt"), "w") as f:
                f.write(got["out"])
        print("| %s | %s | %s | %.0f |" % (name, cell(want) if want else "-", cell(got), got["secs"]),
              flush=True)


if __name__ == "__main__":
    main()
