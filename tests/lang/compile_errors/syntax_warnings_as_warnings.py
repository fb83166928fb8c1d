# compile()'s SyntaxWarnings go through the warnings filters: recorded,
# ignored, or turned into a SyntaxError at the expression.
import warnings

SOURCES = ['x is 1', 'assert(x, "msg")', '[(1, 2) (3, 4)]', '(1)[1.5]',
           'a = 1\nb = [1, 2] [1.5]', 'x is not ()']
for src in SOURCES:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always', SyntaxWarning)
        compile(src, '<t>', 'exec')
    print([(str(x.message), x.filename, x.lineno, x.category.__name__) for x in w])
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('error', SyntaxWarning)
        try:
            compile(src, '<t>', 'exec')
        except SyntaxError as e:
            print('SyntaxError', e.msg, e.lineno, e.offset, e.text)
    print(w)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('ignore', SyntaxWarning)
        compile(src, '<t>', 'exec')
    print(len(w))
