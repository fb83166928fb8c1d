"""Differential audit of Python 3.8's API surface: tachyon against CPython.

usage: python3.8 tools/audit/api_surface.py [TACHYON] [--only SUBSTR] [--verbose]

Three parts, each run under python3.8 and tachyon and diffed:

1. Names. For every name in `builtins`, every core type (str, bytes, ...)
   and every native module issue #5 lists, the public part of dir()
   (names without a leading underscore, plus dunders on types).
2. Calls. For every public callable of those, the calls that python3.8
   accepts are found by trying arguments drawn from a small pool of values
   (no arguments, one, two, three), keeping a few accepted calls and a few
   rejected ones per callable; each is then run under both interpreters and
   its outcome compared: the repr of the result (iterators read up to 12
   items, mutated receivers shown after the call) or the exception's type
   and message. Callables with effects outside the process (posix, signal,
   ...) are left out of the search; `CURATED` holds hand-written calls
   for those.
3. Grids. The format-spec mini-language, %-formatting and float repr over
   grids of specs and values (`GRIDS`), compared the same way.

Calls run in one tachyon process that prints one outcome per line; if it
crashes or hangs, the case it stopped at is reported as a crash and the
run resumes after it. The report lists each differing case with both
outcomes, then totals.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PYTHON38 = os.path.expanduser("~/.pyenv/versions/3.8.18/bin/python3.8")
TIMEOUT = 60

TYPES = ["str", "bytes", "bytearray", "list", "tuple", "dict", "set", "frozenset",
         "int", "float", "complex", "range", "slice"]

# Module -> whether its callables are searched (pure) or only curated.
MODULES = {
    "sys": True, "math": True, "cmath": True, "time": False, "_random": True,
    "itertools": True, "_collections": True, "_functools": True, "_operator": True,
    "_struct": True, "array": True, "_io": True, "posix": False, "errno": True,
    "_weakref": True, "_thread": True, "_signal": True, "gc": True, "_abc": True,
    "_sre": True, "_json": True, "_heapq": True, "_bisect": True, "binascii": True,
    "_string": True, "_codecs": True, "_locale": True, "atexit": True,
    "_warnings": True, "marshal": True,
}

# Instances a type's methods are called on (each call evaluates it afresh).
SELVES = {
    "str": ["'Ab c\\tdé'", "'ǅx İſ'"],
    "bytes": ["b'Ab c\\tde'"],
    "bytearray": ["bytearray(b'Ab c')"],
    "list": ["[3, 1, 2]"],
    "tuple": ["(1, 'a', 1)"],
    "dict": ["{'a': 1, 2: 'b'}"],
    "set": ["{1, 2}"],
    "frozenset": ["frozenset({1, 'a'})"],
    "int": ["-300", "2**70"],
    "float": ["2.5", "-0.0"],
    "complex": ["(1-2j)"],
    "range": ["range(1, 10, 3)"],
    "slice": ["slice(1, None, 2)"],
}

POOL = ["None", "True", "0", "1", "-3", "8", "2.5", "-0.0", "1e300", "float('nan')",
        "2j", "'abc'", "'A b\\tC'", "''", "'ß'", "b'ab'", "bytearray(b'xy')", "[3, 1]",
        "(1, 2)", "{'a': 1}", "{2}", "frozenset({3})", "range(4)", "len", "str"]
POOL3 = ["None", "0", "1", "-3", "2.5", "'abc'", "b'ab'", "[3, 1]", "(1, 2)", "len"]

# Callables never called in the search: they read stdin, write to stdout,
# depend on identity, or change interpreter state for the rest of the run.
SKIP = {
    "builtins": {"input", "help", "exit", "quit", "breakpoint", "open", "exec", "eval",
                 "compile", "print", "vars", "locals", "globals", "__import__",
                 "__build_class__", "id", "hash", "copyright", "credits", "license",
                 "super", "object", "type", "memoryview", "setattr", "delattr", "iter",
                 "dir"},
    "_random": set(), "itertools": set(), "_collections": set(), "_functools": set(),
    "_operator": set(), "math": set(), "cmath": set(), "_struct": set(), "array": set(),
    "errno": set(), "_json": set(), "_heapq": set(), "_bisect": set(), "binascii": set(),
    "_string": set(), "marshal": set(), "_sre": set(),
    "sys": {"exit", "setrecursionlimit", "settrace", "setprofile", "setswitchinterval",
            "setdlopenflags", "set_asyncgen_hooks", "set_coroutine_origin_tracking_depth",
            "displayhook", "excepthook", "breakpointhook", "addaudithook", "audit",
            "_clear_type_cache", "set_int_max_str_digits", "_debugmallocstats", "getsizeof",
            "getrefcount", "_getframe", "_current_frames", "__displayhook__", "__excepthook__",
            "__breakpointhook__", "__interactivehook__", "getallocatedblocks", "exc_info",
            "call_tracing", "gettrace", "getprofile", "get_asyncgen_hooks",
            "get_coroutine_origin_tracking_depth", "getswitchinterval", "getdlopenflags"},
    "gc": {"disable", "enable", "freeze", "unfreeze", "set_debug", "set_threshold", "collect",
           "get_objects", "get_referrers", "get_referents", "get_count", "get_stats",
           "get_freeze_count", "get_threshold"},
    "_thread": {"start_new_thread", "start_new", "interrupt_main", "exit", "exit_thread",
                "stack_size", "get_ident", "get_native_id", "_count", "_set_sentinel",
                "_excepthook"},
    "_signal": {"signal", "alarm", "setitimer", "pthread_kill", "raise_signal", "set_wakeup_fd",
                "siginterrupt", "pthread_sigmask", "sigwait", "sigwaitinfo", "sigtimedwait",
                "pause", "getitimer", "default_int_handler"},
    "atexit": {"register", "_run_exitfuncs", "_clear"},
    "_codecs": {"register", "register_error"},
    "_locale": {"setlocale", "bindtextdomain", "textdomain", "bind_textdomain_codeset"},
    "_io": {"open", "FileIO", "open_code"},
    "_warnings": {"warn", "warn_explicit", "_filters_mutated"},
    "_weakref": set(), "_abc": set(),
}

# Hand-written calls for modules with effects, and for what the search
# cannot reach (keyword arguments, multi-step use). Each is an expression.
CURATED = [
    "sys.getrecursionlimit()", "sys.maxsize", "sys.version_info[:2]", "sys.intern('ab')",
    "sys.getdefaultencoding()", "sys.getfilesystemencoding()", "sys.byteorder",
    "sys.float_info", "sys.int_info", "sys.hash_info.width", "sys.maxunicode",
    "sys.flags.optimize", "type(sys.getsizeof(1))", "sys.getsizeof(1, 2, 3)",
    "sys.exc_info()", "sys.is_finalizing()", "type(sys.getrefcount(1))",
    "type(sys.getswitchinterval())", "sys.implementation.name != ''",
    "sys.float_repr_style", "sys.platform", "type(sys.thread_info)",
    "time.gmtime(0)", "time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(86400*365))",
    "time.asctime(time.gmtime(0))", "time.mktime(time.localtime(1000)) == 1000",
    "time.strptime('2020-03-04', '%Y-%m-%d')", "type(time.time())", "type(time.monotonic_ns())",
    "type(time.perf_counter())", "time.get_clock_info('monotonic').monotonic",
    "type(time.process_time())", "time.struct_time((2020,1,2,3,4,5,6,7,0))",
    "time.gmtime(1e10).tm_year", "time.sleep(-1)", "time.ctime(0) == time.asctime(time.localtime(0))",
    "posix.getcwd() == posix.getcwd()", "posix.fspath('a')", "posix.fspath(b'a')", "posix.fspath(1)",
    "posix.strerror(2)", "posix.WEXITSTATUS(256)", "posix.WIFEXITED(0)", "posix.major(0x1234)",
    "posix.minor(0x1234)", "posix.makedev(1, 2)", "type(posix.getpid())",
    "posix.stat('/').st_mode & 0o170000", "posix.stat('/nonexistent-x')", "posix.listdir('/nonexistent-x')",
    "sorted(posix.listdir('/proc/self'))[:0]", "posix.access('/', posix.F_OK)",
    "type(posix.environ)", "len(posix.urandom(5))", "posix.urandom(-1)",
    "posix.cpu_count() > 0", "posix.get_terminal_size(999)", "posix.device_encoding(999)",
    "posix.uname().sysname", "posix.umask(posix.umask(0o22))", "posix.close(9999)",
    "posix.open('/nonexistent-x/y', posix.O_RDONLY)", "posix.read(9999, 1)", "posix.isatty(9999)",
    "_io.StringIO('a\\nb').readlines()", "_io.BytesIO(b'ab').read(1)", "_io.StringIO('x', newline='\\r\\n').getvalue()",
    "_io.TextIOWrapper(_io.BytesIO(b'a\\r\\nb'), newline=None).read()",
    "_io.TextIOWrapper(_io.BytesIO(b'\\xe9'), encoding='latin-1').read()",
    "_io.BufferedReader(_io.BytesIO(b'abc')).peek(1)[:1]", "_io.open('/nonexistent-x')",
    "_io.StringIO().write(1)", "_io.BytesIO().write('a')", "_io.StringIO('abc').seek(1, 1)",
    "_io.DEFAULT_BUFFER_SIZE", "_io.StringIO('ab').tell()", "_io.StringIO(newline='x')",
    "gc.isenabled()", "type(gc.collect())", "gc.get_threshold()[0] > 0", "gc.is_tracked([])",
    "gc.is_tracked(1)", "type(gc.get_count())", "gc.get_debug()", "type(gc.get_stats())",
    "gc.get_referents(1)", "gc.freeze()", "gc.get_freeze_count()", "gc.unfreeze()",
    "_weakref.getweakrefcount(1)", "_weakref.ref(1)", "_weakref.proxy(1)", "_weakref.getweakrefs(1)",
    "type(_weakref.ref(len)) is _weakref.ref", "_weakref.ref(len)() is len",
    "_thread.allocate_lock().acquire()", "_thread.allocate_lock().locked()", "type(_thread.get_ident())",
    "_thread.RLock()._is_owned()", "_thread.stack_size()", "_thread.TIMEOUT_MAX > 0",
    "_thread.allocate_lock().release()", "_thread.allocate_lock().acquire(False, 1)",
    "_signal.getsignal(_signal.SIGINT)", "_signal.getsignal(99999)", "_signal.SIGTERM",
    "_signal.NSIG", "_signal.default_int_handler", "_signal.strsignal(2)", "_signal.valid_signals() == set(range(1, 65)) - {32, 33}",
    "_signal.alarm(0)", "_signal.siginterrupt(99999, 1)", "_signal.pthread_sigmask(_signal.SIG_BLOCK, [])",
    "_abc.get_cache_token() is not None", "_abc._get_dump(1)",
    "_sre.MAGIC", "_sre.CODESIZE", "_sre.MAXREPEAT", "_sre.MAXGROUPS", "_sre.getcodesize()",
    "_sre.ascii_iscased(65)", "_sre.unicode_iscased(223)", "_sre.ascii_tolower(65)", "_sre.unicode_tolower(304)",
    "_codecs.encode('é', 'utf-8')", "_codecs.decode(b'\\xff', 'utf-8')", "_codecs.utf_8_decode(b'a\\xc3')",
    "_codecs.utf_8_decode(b'a\\xc3', 'strict', True)", "_codecs.latin_1_encode('é')", "_codecs.ascii_encode('é')",
    "_codecs.escape_decode(b'\\\\x41\\\\n')", "_codecs.unicode_escape_encode('é\\n')",
    "_codecs.raw_unicode_escape_decode(b'\\\\u00e9')", "_codecs.utf_16_encode('a')", "_codecs.utf_16_le_decode(b'a\\x00b')",
    "_codecs.utf_32_decode(b'\\xff\\xfe\\x00\\x00a\\x00\\x00\\x00')", "_codecs.charmap_build('abc')[97]",
    "_codecs.lookup('UTF8').name", "_codecs.lookup('nope')", "_codecs.lookup_error('strict')",
    "_codecs.lookup_error('nope')", "_codecs.utf_7_encode('a+b')", "_codecs.readbuffer_encode('ab')",
    "_codecs.encode('a', 'rot13')", "_codecs.decode(b'6162', 'hex')",
    "_locale.setlocale(_locale.LC_ALL)", "_locale.localeconv()['decimal_point']", "_locale.CHAR_MAX",
    "_locale.nl_langinfo(_locale.CODESET)", "_locale.strcoll('a', 'b')", "_locale.strxfrm('ab')",
    "_locale.setlocale(_locale.LC_ALL, 'no-such-locale')",
    "atexit._ncallbacks()", "atexit.register(1)", "atexit.unregister(len)", "atexit.register(len, 1, a=2) is len",
    "_warnings._defaultaction", "type(_warnings.filters)", "_warnings.warn(1)",
    "_warnings.warn('x', 1)", "_warnings.warn_explicit('m', UserWarning, 'f', 1, registry={'version': 0})",
    "len(_warnings._onceregistry) >= 0",
    "marshal.loads(marshal.dumps((1, 2.5, 'é', b'x', None, [1], {1: 2}, {3}, frozenset(), 1j, 2**80)))",
    "marshal.dumps(1.5, 1)", "marshal.version", "marshal.loads(b'')", "marshal.dumps(len)",
    "_random.Random(5).random()", "_random.Random(2**80).getrandbits(70)", "_random.Random('a')",
    "_random.Random().seed(1.5)", "_random.Random(3).getstate()[-1]", "_random.Random(1).getrandbits(0)",
    "errno.errorcode[2]", "errno.ENOENT", "errno.EAGAIN == errno.EWOULDBLOCK",
    # builtins with keywords or multi-step use
    "sorted([3, 1, 2], key=lambda x: -x, reverse=True)", "sorted([], reverse=None)",
    "min([], default=5)", "max([1, 3], key=lambda x: -x)", "min(1)", "max()", "min([], key=len)",
    "list(iter([1, 2, 3, 0, 4].pop, 0))", "iter(1, 2)", "iter(len)",
    "print('a', 'b', sep='-', end='!\\n', file=None, flush=True)", "print(sep=1)",
    "format(1234567.891, ',.2f')", "format(1, 'x', 2)", "vars(1)", "dir(1)[:3]",
    "divmod(-7, 2)", "divmod(7.5, -2)", "pow(3, -1, 7)", "pow(2, 100, 0)", "pow(0, -1)",
    "round(2.675, 2)", "round(-0.5)", "round(1e300, -300)", "round(12345, -2)", "round(1.5, None)",
    "int('0x1f', 16)", "int('1_000')", "int(' 12 ')", "int('12', base=0)", "int('012', 0)", "int(b'12')",
    "int(x='1')", "float('1_0.5')", "float(' -inf ')", "float('0x1p3')", "complex('1+2j')",
    "complex(' (1-2j) ')", "complex('1+2j', 1)", "complex(1j, 1j)", "str(b'ab', 'ascii')",
    "str(b'\\xff', 'ascii', 'replace')", "str(encoding='ascii')", "bytes('é', 'utf-8')", "bytes(-1)",
    "bytes([256])", "bytearray('a')", "bytes.fromhex('ab cd')", "bytes.fromhex('a')",
    "bytearray.fromhex(' 01 ')", "b'abc'.hex(':', 2)", "b'abc'.hex('', 1)", "bytes(range(3)).hex('-', -1)",
    "int.from_bytes(b'\\x01\\x00', 'little', signed=True)", "(-1).to_bytes(2, 'big', signed=True)",
    "(256).to_bytes(1, 'big')", "(-1).to_bytes(1, 'big')", "int.from_bytes(b'', 'big')",
    "(5).to_bytes(0, 'little')", "(0).to_bytes(0, 'little')", "(10).as_integer_ratio()",
    "(2.5).as_integer_ratio()", "float('inf').as_integer_ratio()", "(0.1).hex()", "float.fromhex('0x1.8p1')",
    "float.fromhex('inf')", "(1e16).is_integer()", "(-5).bit_length()", "True.as_integer_ratio()",
    "dict.fromkeys('ab', 0)", "dict(a=1, **{'b': 2})", "dict([(1, 2), (3,)])", "{'a': 1}.get()",
    "{}.setdefault(1)", "{}.pop(1)", "{}.popitem()", "set().pop()", "[].pop()", "[1].index(2)",
    "(1,).index(2)", "[1, 2, 3].index(3, -1)", "'abc'.index('d')", "b'abc'.index(b'd')",
    "[].remove(1)", "set().remove(1)", "list(range(10))[::-3]", "range(10)[2:8:3]", "range(5).index(7)",
    "slice(1, 10, 3).indices(5)", "slice(None, None, -1).indices(4)", "slice(0, 1, 0).indices(3)",
    "enumerate('ab', start=5).__next__()", "list(zip('ab', range(3)))", "list(map(pow, [2, 3], [3, 2]))",
    "list(filter(None, [0, 1, '', 'a']))", "list(reversed(range(3)))", "reversed(1)",
    "getattr(1, 'nope')", "getattr(1, 'nope', 2)", "hasattr(1, 'real')", "isinstance(1, (str, (int,)))",
    "issubclass(bool, int)", "issubclass(1, int)", "isinstance(1, 1)", "callable(len)", "chr(0x110000)",
    "ord('ab')", "ord(b'a')", "ascii('é\\n\\U0001f600')", "repr('\\x00é\\u2028')", "bin(-5)", "oct(8)", "hex(-255)",
    "abs(-2j)", "sum([0.1] * 10)", "sum([[1], [2]], [])", "sum(['a'], '')", "sum([1], start=2)",
    "any([])", "all([])", "len(range(2**64))", "frozenset([1]) | {2}", "{1} ^ frozenset([1, 2])",
    "'{0!r:>{1}}'.format('a', 5)", "'{a[0]}{b.real}'.format(a=[7], b=2)", "'{:{}}'.format(1, 3)",
    "'{}{1}'.format(1, 2)", "'{'.format()", "'{:d}'.format('a')", "'{0[}'.format(1)",
    "'{!x}'.format(1)", "'{:%}'.format(0.5)", "'{:,}'.format(10**7)", "'{:_x}'.format(2**20)",
    "'%(a)s %(b)r' % {'a': 1, 'b': 'x'}", "'%*.*f' % (8, 2, 3.14159)", "'%c' % 0x110000", "'%d' % '1'",
    "'%s %s' % (1,)", "'%s' % (1, 2)", "'%z' % 1", "'%.3s' % 'abcdef'", "b'%s %b' % (b'a', b'b')",
    "b'%s' % 'a'", "b'%c' % 256", "b'%a' % 'é'", "bytearray(b'%x') % 255",
    "'a'.encode('nope')", "b'\\xff'.decode()", "'é'.encode('ascii')", "'é'.encode('ascii', 'xmlcharrefreplace')",
    "b'\\xff'.decode('utf-8', 'backslashreplace')", "'\\ud800'.encode('utf-8', 'surrogatepass')",
    "'ab'.center(7, 'xy')", "'ab'.ljust(5, '')", "'x'.zfill(-1)", "'-7'.zfill(5)", "'+'.zfill(3)",
    "'a\\tbc\\td'.expandtabs(3)", "'a\\r\\nb\\x0bc\\x1cd\\u2029e'.splitlines(True)", "' a  b '.split(None, 1)",
    "' a  b '.rsplit(None, 1)", "'a,b,,c'.split(',', -1)", "'abc'.split('')", "'aXbXc'.rsplit('X', 1)",
    "'ß'.upper()", "'ß'.casefold()", "'ǅ'.swapcase()", "'ǆ'.title()", "'hello wORLD'.title()",
    "\"they're bill's\".title()", "'İ'.lower()", "'ΣΑΣ'.lower()", "'ﬁ'.upper()", "'ŉ'.capitalize()",
    "'a1_'.isidentifier()", "'1a'.isidentifier()", "'ℕ'.isidentifier()", "'²'.isdigit()", "'²'.isdecimal()",
    "'½'.isnumeric()", "'Ⅷ'.isnumeric()", "' '.isspace()", "'\\x1f'.isspace()", "'\\u00a0'.isprintable()",
    "'aé'.isascii()", "'abc'.translate({97: 'xy', 98: None})", "'abc'.translate({97: 1.5})",
    "str.maketrans('ab', 'cd', 'e')", "str.maketrans({'a': 1})", "str.maketrans('a', 'bc')",
    "str.maketrans({'ab': 1})", "b'abc'.translate(None, b'b')", "bytes.maketrans(b'a', b'b')[97]",
    "b'abc'.translate(b'x')", "'abc'.partition('')", "'abc'.rpartition('b')", "b' a '.strip()",
    "b'xaxbx'.strip(b'x')", "bytearray(b'a b').split()", "b'a\\x0bb'.split()", "b'a b c'.rsplit(None, 1)",
    "'abc'.startswith(('x', 'b'), 1)", "'abc'.endswith(['c'])", "'abc'.count('', 1)", "'aaa'.replace('a', 'b', 2)",
    "'abc'.replace('', '-')", "'abc'.find('c', -1)", "'abc'.rfind('', 5)", "'%s'.join(['a', 1])",
    "b''.join([b'a', bytearray(b'b'), memoryview(b'c')])", "b','.join([1])",
    "bytearray(b'abc').pop(5)", "bytearray().pop()", "bytearray(b'ab').insert(9, 300)", "bytearray(b'a').remove(98)",
    "list.sort([3, 1], key=None, reverse=1)", "[3, 1, 2].sort(lambda x: x)", "[1, 2].copy()",
    "(1).__round__(-1)", "(15).__round__(-1)", "(25).__round__(-1)", "(1.5).__round__()",
    "(2.5).__format__('')", "(1e16).__format__('')", "(1e16).__format__('g')", "complex(1e16, -0.0).__format__('')",
    "int.__new__(bool, 1)", "bool.from_bytes(b'\\x01', 'big')", "int('9' * 5000)[:0] if False else 0",
]

# Grids: each (template, values) pair is tried for every value and spec.
FORMAT_SPECS = ["", "5", "<6", ">6", "^7", "*^7", "=+8", "+", "-", " ", "#", "08", "010.3",
                ",", "_", ".0", ".1", ".3", ".10", "5.2", "x", "#x", "X", "#o", "b", "#b", "c",
                "d", "n", "e", ".2e", "E", "f", ".0f", "#.0f", "F", "g", ".3g", "#g", "G", "%",
                ".1%", ",.2f", "_.3f", "s", "10s", ".2s", "#.3g", "+.2e", "020,.1f", "=", "0<5",
                "#X", ",d", "_b", ",x", ">+10.2f", " .3e"]
FORMAT_VALUES = ["0", "1", "-42", "255", "2**70", "-2**64", "True", "0.0", "-0.0", "1.5",
                 "2.5", "-1234.5678", "1e16", "1.23e-7", "123456789.0", "float('inf')",
                 "float('-inf')", "float('nan')", "1/3", "(1+2j)", "-0.5j", "complex(1e20, -1e-5)",
                 "'abc'", "''", "'é'"]
PERCENT_SPECS = ["%s", "%r", "%a", "%d", "%i", "%u", "%5d", "%-5d", "%05d", "%+d", "% d", "%x",
                 "%#x", "%X", "%#X", "%o", "%#o", "%e", "%.2e", "%E", "%f", "%.0f", "%#.0f", "%10.3f",
                 "%-10.3f", "%g", "%.3g", "%#g", "%G", "%c", "%%", "%.2s", "%5.1s", "%+.1e", "%#8.3g"]
PERCENT_VALUES = ["0", "-42", "255", "2**70", "True", "-0.0", "1.5", "2.5", "-1234.5678", "1e16",
                  "1.23e-7", "float('inf')", "float('nan')", "'abc'", "'é'", "65", "1j", "None",
                  "[1]", "b'x'"]
FLOAT_VALUES = ["0.1", "1e16", "1e-5", "1e-4", "123456789012345678.0", "1e22", "1e23", "5e-324",
                "1.7976931348623157e308", "0.30000000000000004", "2.675", "-0.0", "1/3", "2**53+1.0",
                "1e15", "9999999999999998.0", "0.5", "1.5", "-2.5", "4.35", "0.125"]
ROUND_ARGS = ["None", "0", "1", "2", "3", "-1", "-2", "15", "400", "-400"]

PROBE = r'''
import sys, json, itertools, re
RUNNER_CASES = json.loads(sys.stdin.read())
def norm(text):
    return re.sub(r"0x[0-9a-fA-F]{6,}", "0x?", text)
def show(v):
    if hasattr(v, "__next__") and not isinstance(v, (str, bytes, bytearray, list, tuple, dict, set, frozenset)):
        try:
            return type(v).__name__ + " -> " + repr(list(itertools.islice(v, 12)))
        except BaseException as e:
            return type(v).__name__ + " -> raises %s: %s" % (type(e).__name__, e)
    return repr(v)
def outcome(env, case):
    kind, text = case
    try:
        if kind == "call":
            target, self_expr, args = text
            fn = eval(target, env)
            argv = [eval(a, env) for a in args]
            if self_expr is not None:
                recv = eval(self_expr, env)
                r = fn(recv, *argv)
                return norm(show(r) + (" | self=" + repr(recv) if isinstance(recv, (list, dict, set, bytearray)) else ""))
            return norm(show(fn(*argv)))
        return norm(show(eval(text, env)))
    except RecursionError:
        return "RecursionError"
    except BaseException as e:
        return norm("%s: %s" % (type(e).__name__, e))
env = {}
for m in RUNNER_MODULES:
    try:
        env[m] = __import__(m)
    except BaseException:
        pass
import builtins
env["builtins"] = builtins
for i, case in enumerate(RUNNER_CASES):
    print(json.dumps([i, outcome(env, case)]), flush=True)
'''

SEARCH = r'''
import sys, json, builtins
MODS, TYPES, SELVES, POOL, POOL3, SKIP = json.loads(sys.stdin.read())
KEEP_OK, KEEP_ERR = 8, 4
def public(names, is_type):
    return sorted(n for n in names if not n.startswith("_") or (is_type and n.startswith("__") and n.endswith("__")))
out = {"names": {}, "cases": []}
env = {"builtins": builtins}
for m in MODS:
    env[m] = __import__(m)
def search(target, self_expr, fn):
    ok, err, seen_err, seen_ok = [], [], set(), set()
    combos = [[]] + [[a] for a in POOL] + [[a, b] for a in POOL for b in POOL] + [[a, b, c] for a in POOL3 for b in POOL3 for c in POOL3]
    for args in combos:
        if len(ok) >= KEEP_OK and len(err) >= KEEP_ERR:
            break
        try:
            argv = [eval(a, env) for a in args]
            if self_expr is not None:
                fn(eval(self_expr, env), *argv)
            else:
                fn(*argv)
            # Keep calls of distinct argument types, for variety.
            sig = tuple(type(eval(a, env)).__name__ for a in args)
            if len(ok) < KEEP_OK and sig not in seen_ok:
                seen_ok.add(sig)
                ok.append(args)
        except BaseException as e:
            key = type(e).__name__ + str(e)[:25]
            if len(err) < KEEP_ERR and key not in seen_err:
                seen_err.add(key)
                err.append(args)
    for args in ok + err:
        out["cases"].append(["call", [target, self_expr, args]])
for name in public(dir(builtins), False):
    out["names"]["builtins." + name] = None
    obj = getattr(builtins, name)
    if name in SKIP["builtins"] or not callable(obj) or (isinstance(obj, type) and issubclass(obj, BaseException)):
        continue
    search("builtins." + name, None, obj)
for t in TYPES:
    typ = getattr(builtins, t)
    out["names"]["type " + t] = public(dir(typ), True)
    for meth in public(dir(typ), False):
        fn = getattr(typ, meth)
        if not callable(fn) or isinstance(fn, type):
            continue
        if getattr(fn, "__self__", None) is typ or isinstance(typ.__dict__.get(meth), staticmethod):
            search(t + "." + meth, None, fn)
        else:
            for s in SELVES[t]:
                search(t + "." + meth, s, fn)
for m in MODS:
    mod = env[m]
    out["names"]["module " + m] = public(dir(mod), False)
    if m not in SKIP:
        continue
    for name in public(dir(mod), False):
        fn = getattr(mod, name)
        if name in SKIP[m] or not callable(fn):
            continue
        search(m + "." + name, None, fn)
print(json.dumps(out))
'''

NAMES = r'''
import sys, json, builtins
MODS, TYPES = json.loads(sys.stdin.read())
def public(names, is_type):
    return sorted(n for n in names if not n.startswith("_") or (is_type and n.startswith("__") and n.endswith("__")))
out = {}
for name in public(dir(builtins), False):
    out["builtins." + name] = None
for t in TYPES:
    out["type " + t] = public(dir(getattr(builtins, t)), True)
for m in MODS:
    try:
        out["module " + m] = public(dir(__import__(m)), False)
    except BaseException as e:
        out["module " + m] = "%s: %s" % (type(e).__name__, e)
print(json.dumps(out))
'''


def run(cmd, src, stdin, timeout=TIMEOUT):
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.setdefault("PYTHONPYCACHEPREFIX", os.path.join(ROOT, ".pycache"))
    try:
        res = subprocess.run([cmd, "-c", src], input=stdin.encode(), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env, timeout=timeout)
        return res.returncode, res.stdout.decode(errors="replace"), res.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired as e:
        return "timeout", (e.stdout or b"").decode(errors="replace"), ""


def outcomes(cmd, cases):
    """Outcome of each case under cmd; a crash or hang marks the case it
    stopped at and the run resumes after it."""
    src = "RUNNER_MODULES = %r\n%s" % (list(MODULES), PROBE)
    result = [None] * len(cases)
    start = 0
    while start < len(cases):
        rc, out, err = run(cmd, src, json.dumps(cases[start:]))
        done = start
        for line in out.splitlines():
            try:
                i, o = json.loads(line)
            except ValueError:
                continue
            result[start + i] = o
            done = start + i + 1
        if done < len(cases) and rc != 0:
            tail = err.strip().splitlines()[-1:] or [""]
            result[done] = "CRASH (%s): %s" % (rc, tail[0][:200])
            done += 1
        elif done < len(cases):
            result[done] = "NO OUTPUT"
            done += 1
        start = done
    return result


def grid_cases():
    cases = []
    for v in FORMAT_VALUES:
        for s in FORMAT_SPECS:
            cases.append(["expr", "format(%s, %r)" % (v, s)])
    for v in PERCENT_VALUES:
        for s in PERCENT_SPECS:
            cases.append(["expr", "%r %% (%s,)" % (s, v)])
    for v in FLOAT_VALUES:
        cases.append(["expr", "(repr(%s), str(%s))" % (v, v)])
        for n in ROUND_ARGS:
            cases.append(["expr", "round(%s, %s)" % (v, n)])
    return cases


def label(case):
    kind, text = case
    if kind == "expr":
        return text
    target, self_expr, args = text
    if self_expr is not None:
        args = [self_expr] + args
    return "%s(%s)" % (target, ", ".join(args))


def main(argv):
    tachyon = os.path.join(ROOT, "target/release/tachyon")
    only, verbose = None, False
    while argv:
        a = argv.pop(0)
        if a == "--only":
            only = argv.pop(0)
        elif a == "--verbose":
            verbose = True
        else:
            tachyon = a
    pure = [m for m, searched in MODULES.items() if searched]
    payload = json.dumps([list(MODULES), TYPES, SELVES, POOL, POOL3,
                          {k: sorted(v) for k, v in SKIP.items() if k == "builtins" or k in pure}])
    rc, out, err = run(PYTHON38, SEARCH, payload, timeout=600)
    if rc != 0:
        sys.exit("search failed under python3.8:\n" + err)
    found = json.loads(out)
    cases = found["cases"] + [["expr", c] for c in CURATED] + grid_cases()
    if only:
        cases = [c for c in cases if only in label(c)]
    # Names.
    rc, out, err = run(tachyon, NAMES, json.dumps([list(MODULES), TYPES]))
    got_names = json.loads(out) if rc == 0 else {}
    missing_total = 0
    print("== names (public dir() entries python3.8 has and tachyon lacks)")
    for key, want in found["names"].items():
        if only and only not in key:
            continue
        got = got_names.get(key, "absent")
        if want is None:
            if got == "absent":
                print("  %s: missing" % key)
                missing_total += 1
            continue
        if isinstance(got, str):
            print("  %s: %s" % (key, got))
            missing_total += 1
            continue
        missing = sorted(set(want) - set(got))
        if missing:
            missing_total += len(missing)
            print("  %s: %s" % (key, " ".join(missing)))
    # Calls.
    want = outcomes(PYTHON38, cases)
    got = outcomes(tachyon, cases)
    print("== calls (python3.8 outcome, then tachyon's)")
    differ = 0
    by_target = {}
    for case, w, g in zip(cases, want, got):
        if w == g:
            continue
        differ += 1
        key = label(case).split("(")[0]
        by_target[key] = by_target.get(key, 0) + 1
        print("  %s\n    3.8:     %s\n    tachyon: %s" % (label(case), w[:300], g[:300]))
    print("== totals")
    print("  %d public names missing; %d of %d calls differ" % (missing_total, differ, len(cases)))
    if verbose:
        for key, n in sorted(by_target.items(), key=lambda kv: -kv[1]):
            print("  %4d %s" % (n, key))


if __name__ == "__main__":
    main(sys.argv[1:])
