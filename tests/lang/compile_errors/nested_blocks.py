src = ""
for i in range(21):
    src += "    " * i + "while x%d:\n" % i
src += "    " * 21 + "pass\n"
for n in [19, 20, 21]:
    s = ""
    for i in range(n):
        s += "    " * i + "for i%d in range(1):\n" % i
    s += "    " * n + "pass\n"
    try:
        compile(s, "<n>", "exec") if False else exec(s)
        print(n, "ok")
    except SyntaxError as e:
        print(n, "SyntaxError", e.msg)
