# CPython's tokenizer adds no final newline to `eval` and `single` string
# input: a grammar error at its very last token, or a compound statement
# of `single` input whose suite is on its header line, is an
# "unexpected EOF while parsing"; `exec` input gets a newline.


def show(source, mode):
    try:
        compile(source, "<s>", mode)
        print(mode, repr(source), "ok")
    except SyntaxError as e:
        print(mode, repr(source), e.msg, e.lineno, e.offset, repr(e.text))


for mode in ["eval", "exec", "single"]:
    for source in ["fu''", "a b", "a ''", "a\nb", "1 2", "(a b)", "a b\n", "x = a b",
                   "a b c d", "a +", "a b +", "a b  ", "a b # c", "if 1:\n  a b"]:
        show(source, mode)

for source in ["def f(): pass", "def f(): pass\n", "if x: pass", "if x:\n   f(x)",
               "class T: pass", "class T:\n   pass", "while 1: pass", "with a: pass",
               "try: pass\nfinally: pass", "if x: f(x)\nelse: g(x)", "@d\ndef f(): pass",
               "async def f(): pass", "f()\n# blah\nblah()"]:
    show(source, "single")

# An f-string's expression is parsed as `(expr)` without a newline.
for source in ["f'{lambda x:x}'", "f'{a b}'", "f'{a +}'", "x=1\nf'{lambda x:x}'", "f'{a b c}'"]:
    show(source, "exec")
