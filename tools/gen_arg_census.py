# Prints the calls of tests/lang/exceptions/arg_errors_census.py: every
# builtin function and every method of the core types called with no
# arguments, five, an unknown keyword and a wrong-typed one (run with
# python3.8; paste the calls into CASES, dropping hash()/id() of Obj()).
import builtins
SKIP_FUNCS = {'print', 'input', 'help', 'exit', 'quit', 'breakpoint', 'open', 'exec', 'eval', 'copyright', 'credits', 'license', 'vars', 'locals', 'globals', 'dir', '__build_class__', '__import__', 'memoryview'}
SAMPLES = [("'abc'", str), ("b'ab'", bytes), ("bytearray(b'ab')", bytearray), ("[3, 1, 2]", list), ("(1, 2)", tuple), ("{1: 2}", dict), ("{1}", set), ("frozenset({1})", frozenset), ("5", int), ("1.5", float), ("1j", complex), ("range(3)", range), ("slice(1, 2)", slice)]
SKIP_METHODS = {'__init__', '__new__', '__setattr__', '__delattr__', '__getattribute__', '__init_subclass__', '__subclasshook__', '__reduce__', '__reduce_ex__', '__sizeof__', '__dir__', '__class__', '__class_getitem__', '__getformat__', '__set_format__', '__alloc__', 'release', '__exit__', '__enter__', '__release_buffer__'}
lines = []
for name in sorted(dir(builtins)):
    f = getattr(builtins, name)
    if name.startswith('_') or name in SKIP_FUNCS or not callable(f):
        continue
    if isinstance(f, type) and issubclass(f, BaseException):
        continue
    lines += ['%s()' % name, '%s(1, 2, 3, 4, 5)' % name, '%s(1, zzz=2)' % name, '%s(Obj())' % name]
for expr, t in SAMPLES:
    for m in sorted(dir(t)):
        if m in SKIP_METHODS or not callable(getattr(t, m)):
            continue
        lines += ['%s.%s(1, 2, 3, 4, 5)' % (expr, m), '%s.%s(zzz=1)' % (expr, m), '%s.%s(Obj())' % (expr, m), '%s.%s()' % (expr, m), '%s.%s()' % (t.__name__, m)]
print('\n'.join(lines))

