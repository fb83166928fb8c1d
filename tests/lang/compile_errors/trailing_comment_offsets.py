# A syntax error at the end of a line that ends in a comment: CPython's
# NEWLINE token starts where the comment does, so the caret points there.
def check(src):
    try:
        compile(src, '<fragment>', 'exec')
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))
    else:
        print(repr(src), 'compiled')


check('a = 1 +  # c\n')
check('a = 1 +# c\n')
check('a = 1 +\t# tab then comment\n')
check('if x  # no colon\n    pass\n')
check('def f(:  # c\n  pass\n')
check('x = [1,  # inside brackets\n  2 +  # c\n')
check('x = (1 +  # c\n)\n')
check('print("a") print("b")  # c\n')
check('a = 1  # fine\nb = 2 *  # c\n')
check('class C:  # c\n  def f(self)  # c\n    pass\n')
check('for x in range(3) # c\n  pass\n')
check('a = 1 +  # c')
check('  # only a comment\nx = 1 + # c\n')
