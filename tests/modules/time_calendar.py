# time's calendar functions in UTC: gmtime, mktime, strftime, asctime.
import time

for secs in [0, 86399, 86400 * 365.25 * 30 + 3723, 951782400, 4102444800, -86400, 1234567890.9]:
    t = time.gmtime(secs)
    print(tuple(t), t.tm_year, t.tm_yday, t.tm_wday, time.mktime(t) if False else time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %I %y %w %x %X %% %F %T", t))
    print(time.asctime(t), time.strftime("%c", t))
print(repr(time.gmtime(0)))
print(time.gmtime(0).tm_zone)
print(time.strftime("%Y", (2020, 1, 1, 0, 0, 0, 2, 1, 0)))
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
show("strftime bad", lambda: time.strftime(1))
show("gmtime str", lambda: time.gmtime("x"))
show("asctime bad", lambda: time.asctime((1, 2)))
print(time.localtime(0).tm_zone, time.strftime("%Z", time.localtime(0)), time.ctime(0), time.mktime(time.localtime(86400 * 400 + 5)))
print(time.timezone, time.altzone, time.daylight, time.tzname)
