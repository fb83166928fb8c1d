import datetime as D
from datetime import date, time, datetime, timedelta, timezone, tzinfo
def t(src):
    try:
        r = eval(src)
        print(src, '->', repr(r))
    except BaseException as e:
        print(src, '!!', type(e).__name__, e)
cases = """date(2020, 1)
date('2020', 1, 1)
date(2020.0, 1, 1)
date(0, 1, 1)
date(2020, 13, 1)
date(2020, 2, 30)
date.fromordinal(0)
date.fromordinal('x')
date.fromisoformat('2020-1-1')
date.fromisoformat(20200101)
date.fromtimestamp('x')
date.fromisocalendar(2020, 54, 1)
date.fromisocalendar(2020, 1, 8)
date.fromisocalendar(0, 1, 1)
date(2020,1,1) + 1
date(2020,1,1) - 1
date(2020,1,1) < 1
date(2020,1,1).replace(month=13)
date(2020,1,1).replace(foo=1)
date(2020,1,1).strftime(1)
date(2020,1,1).__format__(1)
date.max + timedelta(1)
date.min - timedelta(1)
time(24)
time(1, 60)
time(1, 1, 60)
time(1, 1, 1, 1000000)
time(fold=2)
time(tzinfo=1)
time('1')
time.fromisoformat('25:00')
time.fromisoformat(1)
time(1) < 1
time(1) + timedelta(1)
datetime(2020, 1, 1, 24)
datetime(2020, 1, 1, tzinfo=1)
datetime(2020)
datetime.fromisoformat('2020-01-01T25:00')
datetime.fromisoformat('x')
datetime.fromisoformat(1)
datetime.fromtimestamp('x')
datetime.fromtimestamp(1e20)
datetime.utcfromtimestamp(1e20)
datetime.combine(1, time())
datetime.combine(date(2020,1,1), 1)
datetime(2020,1,1) - 1
datetime(2020,1,1) + 1
datetime(2020,1,1) < 1
datetime(2020,1,1) < datetime(2020,1,1,tzinfo=timezone.utc)
datetime(2020,1,1) - datetime(2020,1,1,tzinfo=timezone.utc)
datetime(2020,1,1).astimezone(1)
datetime.max + timedelta(1)
datetime.strptime(1, '%Y')
datetime.strptime('2020', 1)
timedelta(days=1e10)
timedelta(days=1000000000)
timedelta('1')
timedelta(1) + 1
timedelta(1) * 'x'
timedelta(1) / 0
timedelta(1) // 0
timedelta(1) % 0
timedelta(1) / 'x'
divmod(timedelta(1), 0)
timedelta(1) < 1
timedelta.max + timedelta(1)
timedelta(1) * 1e20
timezone(1)
timezone(timedelta(days=1))
timezone(timedelta(hours=1), 1)
timezone(timedelta(seconds=0.5))
timezone.utc.utcoffset(1)
timezone.utc.tzname(1)
timezone.utc.dst(1)
timezone.utc.fromutc(1)
timezone.utc.fromutc(datetime(2020,1,1))
tzinfo().utcoffset(None)
tzinfo().tzname(None)
tzinfo().dst(None)
tzinfo().fromutc(1)
tzinfo().fromutc(datetime(2020,1,1))
datetime(2020,1,1).isoformat(1)
datetime(2020,1,1).isoformat(timespec='x')
time(1).isoformat(timespec='x')
datetime(2020,1,1).replace(tzinfo=1)
time(1).replace(hour=25)
time(1).replace(tzinfo=1)
date.fromtimestamp(1e20)
datetime(2020,1,1).isoformat(sep="ab")""".split('\n')
for c in cases:
    t(c)
