# datetime errors and reprs a user sees, as CPython's C _datetime words them
# (the cases that still differ are listed in the stdlib report).
import datetime as dt
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)
cases = [
    lambda: dt.date(2020, 13, 1),
    lambda: dt.date(2020, 2, 30),
    lambda: dt.date(0, 1, 1),
    lambda: dt.date('2020', 1, 1),
    lambda: dt.date(2020.5, 1, 1),
    lambda: dt.time(25),
    lambda: dt.time(1, 60),
    lambda: dt.time(1, 1, 1, 10**6),
    lambda: dt.time(fold=2),
    lambda: dt.datetime(2020, 1, 1, 24),
    lambda: dt.datetime(2020, 1, 1, tzinfo=1),
    lambda: dt.timedelta(1, 2, 3, 4, 5, 6, 7),
    lambda: dt.timedelta(1) / 0,
    lambda: dt.timedelta(1) // 0,
    lambda: dt.datetime.strptime('2020-13-01', '%Y-%m-%d'),
    lambda: dt.datetime.strptime('x', '%Y'),
    lambda: dt.datetime.strptime('2020', '%Y %m'),
    lambda: dt.date.fromisoformat('2020-1-1'),
    lambda: dt.date.fromisoformat(20200101),
    lambda: dt.datetime.fromisoformat('2020-01-01T25:00'),
    lambda: dt.time.fromisoformat('x'),
    lambda: dt.datetime.fromisoformat('garbage'),
    lambda: dt.date(2020, 1, 2),
    lambda: dt.datetime(2020, 1, 2, 3, 4, 5, 6),
    lambda: dt.time(1, 2, 3, 4),
    lambda: dt.timedelta(1, 2, 3),
    lambda: dt.timedelta(-1),
    lambda: dt.timezone(dt.timedelta(hours=2)),
    lambda: dt.timezone.utc,
    lambda: dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc),
    lambda: dt.datetime(2020, 1, 1).replace(month=13),
    lambda: dt.datetime(2020,1,1).isoformat(timespec='x'),
    lambda: str(dt.timedelta(microseconds=-1)),
    lambda: hash(dt.timedelta(1)) == hash(dt.timedelta(1)),
    lambda: dt.date(2020, 1, 1).__reduce__(),
    lambda: dt.MINYEAR,
    lambda: type(dt.date.resolution),
    lambda: dt.datetime.__module__,
]
for c in cases:
    t(c)
