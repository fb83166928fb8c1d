def a():
    b()

def b():
    raise ValueError("x")

try:
    a()
except ValueError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(lines)
