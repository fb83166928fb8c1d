# time.strftime/asctime normalise zero fields and reject others out of range,
# as CPython's checktm() does.
import time

zero = (1,) + (0,) * 8
print(time.strftime("%Y %m %d %j %a %b", zero))
print(time.asctime(zero))
print(time.strftime("%c", (2000, 0, 0, 0, 0, 0, 0, 0, 0)))
for wday in (-1, -7, -8, 6, 7, 13, 100):
    t = (2001, 5, 6, 7, 8, 9, wday, 10, 0)
    try:
        print(wday, time.strftime("%a %A %w %u", t))
    except ValueError as e:
        print(wday, "ValueError:", e)
bad = [
    (2000, 13, 1, 0, 0, 0, 0, 1, 0),
    (2000, -1, 1, 0, 0, 0, 0, 1, 0),
    (2000, 1, 32, 0, 0, 0, 0, 1, 0),
    (2000, 1, -1, 0, 0, 0, 0, 1, 0),
    (2000, 1, 1, 24, 0, 0, 0, 1, 0),
    (2000, 1, 1, -1, 0, 0, 0, 1, 0),
    (2000, 1, 1, 0, 60, 0, 0, 1, 0),
    (2000, 1, 1, 0, 0, 62, 0, 1, 0),
    (2000, 1, 1, 0, 0, 61, 0, 1, 0),
    (2000, 1, 1, 0, 0, 0, 0, 367, 0),
    (2000, 1, 1, 0, 0, 0, 0, 366, 0),
    (2000, 1, 1, 0, 0, 0, 0, -1, 0),
]
for t in bad:
    for f in (lambda: time.strftime("%Y-%m-%d %H:%M:%S %j", t), lambda: time.asctime(t)):
        try:
            print(f())
        except ValueError as e:
            print("ValueError:", e)
