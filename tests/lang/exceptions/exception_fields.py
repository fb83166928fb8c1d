# Fields of SyntaxError, SystemExit, UnicodeDecodeError, OSError made by
# calling the class, and BaseException.__setstate__.
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: SyntaxError().filename)
t(lambda: SyntaxError('m', ('f', 1, 2, 't')).text)
t(lambda: (SyntaxError('m', ('f', 1, 2, 't')).lineno, SyntaxError('m').msg, SyntaxError().print_file_and_line, SyntaxError('m', ('f', 1, 2, 't')).offset))
t(lambda: SystemExit(3).code)
t(lambda: SystemExit().code)
t(lambda: SystemExit(1, 2).code)
t(lambda: UnicodeDecodeError('utf-8', b'ab', 0, 1, 'x').reason)
t(lambda: (UnicodeDecodeError('utf-8', b'ab', 0, 1, 'x').object, UnicodeDecodeError('utf-8', b'ab', 0, 1, 'x').start, UnicodeDecodeError('utf-8', b'ab', 0, 1, 'x').end, UnicodeDecodeError('utf-8', b'ab', 0, 1, 'x').encoding))
t(lambda: OSError().characters_written)
e = BaseException(1); e.__setstate__({'a': 5}); print(e.a, e.args)
t(lambda: StopIteration(7).value)
t(lambda: KeyError('k').args)
t(lambda: ImportError('m', name='n', path='p').path)
try:
    exec("x = (")
except SyntaxError as e:
    print(e.filename, e.lineno, e.offset, repr(e.text), e.msg)
