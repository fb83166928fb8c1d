"""A stand-in for the pyperf module, for running pyperformance's benchmarks.

The real pyperf spawns worker processes and calibrates how many loops to run
from the time they take, so two interpreters of different speed would do
different work, and the process measured would not be the one doing it. This
module runs each benchmark function in-process a fixed number of times, so the
bench tool can time the whole process and compare outputs:

    PYPERF_SHIM_VALUES  timed values per benchmark (default 3)
    PYPERF_SHIM_LOOPS   loops per value (default 1), times inner_loops
                        where the benchmark's function takes a loop count
    PYPERF_SHIM_VERBOSE if set, each value's time is printed on stderr

stdout gets one deterministic line per benchmark run, never a timing.
"""

import argparse
import os
import sys
import time

__version__ = "2.6.0-tachyon-shim"

perf_counter = time.perf_counter


def python_implementation():
    return sys.implementation.name.lower()


def python_has_jit():
    return False


def _env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value else default


class Runner:
    """pyperf.Runner's interface, running every benchmark in this process."""

    def __init__(self, values=None, processes=None, loops=0, min_time=0.1,
                 metadata=None, show_name=True, program_args=None,
                 add_cmdline_args=None, _argparser=None, warmups=None):
        # The constructor's counts are pyperf's tuning; ours come from the
        # environment, so that every interpreter does the same work.
        self.values = _env_int("PYPERF_SHIM_VALUES", 3)
        self.loops = _env_int("PYPERF_SHIM_LOOPS", 1)
        self.verbose = bool(os.environ.get("PYPERF_SHIM_VERBOSE"))
        self.metadata = dict(metadata or {})
        self.argparser = _argparser or argparse.ArgumentParser()
        self.args = None
        self._add_cmdline_args = add_cmdline_args
        self._program_args = program_args

    def parse_args(self, args=None):
        if self.args is None:
            self.args = self.argparser.parse_args(args)
        return self.args

    def _run(self, name, timed_value):
        self.parse_args()
        for index in range(self.values):
            seconds = timed_value()
            if self.verbose:
                print("%s: value %d: %.6f s" % (name, index + 1, seconds),
                      file=sys.stderr)
        print("%s: %d values x %d loops" % (name, self.values, self.loops))
        sys.stdout.flush()

    def bench_func(self, name, func, *args, inner_loops=None, metadata=None):
        def timed_value():
            start = perf_counter()
            for _ in range(self.loops):
                func(*args)
            return perf_counter() - start
        self._run(name, timed_value)

    def bench_time_func(self, name, time_func, *args, inner_loops=None,
                        metadata=None):
        self._run(name, lambda: time_func(self.loops, *args))

    def bench_async_func(self, name, func, *args, inner_loops=None,
                         metadata=None):
        import asyncio

        def timed_value():
            start = perf_counter()
            for _ in range(self.loops):
                asyncio.run(func(*args))
            return perf_counter() - start
        self._run(name, timed_value)

    def bench_command(self, name, command):
        import subprocess

        def timed_value():
            start = perf_counter()
            for _ in range(self.loops):
                subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            return perf_counter() - start
        self._run(name, timed_value)
