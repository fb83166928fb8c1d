# datetime (the pure-Python datetime.py in tachyon, C _datetime in CPython): dates, times, deltas, tz, formatting.
import datetime as dt

d = dt.date(2024, 2, 28)
print(d, repr(d), d + dt.timedelta(days=2), d.replace(day=1), d.toordinal(), d.isocalendar())
print(d.weekday(), d.isoweekday(), d.ctime(), d.strftime("%A %d %B %Y %j %U %W"), d.timetuple()[:7])
print(dt.date.fromordinal(738000), dt.date.fromisoformat("2019-12-04"), dt.date(2000, 1, 1) < d)
t = dt.time(13, 5, 9, 250)
print(t, repr(t), t.isoformat("milliseconds"), t.replace(hour=1), t.strftime("%I:%M %p"))
x = dt.datetime(2021, 3, 14, 15, 9, 26, 535897)
print(x, repr(x), x.date(), x.time(), x.timestamp() if False else "-", x.isoformat(sep=" "))
print(x + dt.timedelta(hours=10, minutes=55), x - dt.datetime(2021, 1, 1), x.strftime("%Y-%m-%dT%H:%M:%S.%f"))
print(dt.datetime.strptime("2020-07-04 12:30", "%Y-%m-%d %H:%M"), dt.datetime.fromisoformat("2011-11-04T00:05:23"))
td = dt.timedelta(days=-1, seconds=5, microseconds=-3)
print(td, repr(td), td.total_seconds(), abs(td), td * 3, td / 2, dt.timedelta(hours=1) // dt.timedelta(minutes=7))
print(dt.timedelta(days=1) % dt.timedelta(hours=5), divmod(dt.timedelta(days=1), dt.timedelta(hours=7)))
print(dt.timedelta.max, dt.timedelta.min, dt.timedelta.resolution, str(dt.timedelta(microseconds=1)))
utc = dt.timezone.utc
est = dt.timezone(dt.timedelta(hours=-5), "EST")
a = dt.datetime(2020, 1, 1, 12, tzinfo=utc)
print(a, a.astimezone(est), a.astimezone(est).tzname(), a.utcoffset(), repr(est), str(dt.timezone(dt.timedelta(hours=5, minutes=30))))
print(a == a.astimezone(est), a.timestamp(), dt.datetime.fromtimestamp(0, utc), a.isoformat())
print(dt.datetime.utcfromtimestamp(86400 * 365.25), a.replace(tzinfo=None) - dt.datetime(2019, 12, 31))
print(sorted([dt.date(2020, 5, 1), dt.date(2019, 1, 1), dt.date(2020, 1, 1)]))
print(hash(dt.date(2020, 1, 1)) == hash(dt.date(2020, 1, 1)), {dt.date(2020, 1, 1): 1}[dt.date(2020, 1, 1)])
print(dt.date.max, dt.date.min, dt.datetime.max, dt.MINYEAR, dt.MAXYEAR)
print(format(x, "%d/%m/%y"), "{:%H:%M}".format(x), f"{d:%b %d}")
# Only errors whose messages the pure-Python datetime shares with CPython's
# C `_datetime` (range checks and operand errors are worded differently).
for bad in (lambda: dt.datetime.strptime("x", "%Y"), lambda: dt.date.fromisoformat("2020-13")):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)


class Fixed(dt.tzinfo):
    def utcoffset(self, d):
        return dt.timedelta(hours=2)

    def dst(self, d):
        return dt.timedelta(0)

    def tzname(self, d):
        return "FX"


f = dt.datetime(2022, 6, 1, 8, tzinfo=Fixed())
print(f, f.tzname(), f.astimezone(utc), f.utctimetuple()[:6], f.strftime("%Z %z"))
