for s in ['def f(a=1, b): pass', 'f(x for x in y, 1)', 'def f(*, **k): pass', 'x = 1\nnonlocal x', 'f(**k, *a)', 'return 1']:
    try: compile(s, 'f', 'exec')
    except SyntaxError as e: print(repr(e.msg), e.lineno, e.offset, e.text)
