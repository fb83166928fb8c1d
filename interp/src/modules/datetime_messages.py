# `_datetime` for tachyon: there is no C datetime, so `datetime.py` runs in
# pure Python. Its `from _datetime import *` (at the end of the module)
# lands here; this swaps the field checks of the half-made module for ones
# that word their errors as CPython's C `_datetime` does (one message, no
# tuple), then raises ImportError so that `datetime.py` keeps its classes.

import sys

_pure = sys.modules.get("datetime")


def _install(m):
    check_int = m._check_int_field
    days_in_month = m._days_in_month
    tzinfo = m.tzinfo

    def _check_date_fields(year, month, day):
        year = check_int(year)
        month = check_int(month)
        day = check_int(day)
        if not m.MINYEAR <= year <= m.MAXYEAR:
            raise ValueError("year %i is out of range" % year)
        if not 1 <= month <= 12:
            raise ValueError("month must be in 1..12")
        if not 1 <= day <= days_in_month(year, month):
            raise ValueError("day is out of range for month")
        return year, month, day

    def _check_time_fields(hour, minute, second, microsecond, fold):
        hour = check_int(hour)
        minute = check_int(minute)
        second = check_int(second)
        microsecond = check_int(microsecond)
        for value, name, top in ((hour, "hour", 23), (minute, "minute", 59),
                                 (second, "second", 59), (microsecond, "microsecond", 999999)):
            if not 0 <= value <= top:
                raise ValueError("%s must be in 0..%d" % (name, top))
        if fold not in (0, 1):
            raise ValueError("fold must be either 0 or 1")
        return hour, minute, second, microsecond, fold

    def _check_tzinfo_arg(tz):
        if tz is not None and not isinstance(tz, tzinfo):
            raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'"
                            % type(tz).__name__)

    m._check_date_fields = _check_date_fields
    m._check_time_fields = _check_time_fields
    m._check_tzinfo_arg = _check_tzinfo_arg
    _install_messages(m, _check_tzinfo_arg)


def _reworded(func, table):
    """`func` with the messages of `table` ({pure message: C message}) swapped."""
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except (TypeError, ValueError, OverflowError, NotImplementedError) as e:
            text = table.get(str(e))
            if text is None:
                raise
            error = type(e)(text)
        raise error
    wrapper.__name__ = func.__name__
    wrapper.__qualname__ = func.__qualname__
    wrapper.__doc__ = func.__doc__
    return wrapper


def _c_int(value):
    """An argument the C module parses with "i"."""
    if isinstance(value, float):
        raise TypeError("integer argument expected, got float")
    try:
        index = type(value).__index__
    except AttributeError:
        raise TypeError("an integer is required (got type %s)" % type(value).__name__) from None
    return index(value)


def _check_timestamp(t):
    if not isinstance(t, (int, float)):
        raise TypeError("an integer is required (got type %s)" % type(t).__name__)
    if t != t:
        raise ValueError("Invalid value NaN (not a number)")
    if not -2.0 ** 63 <= t < 2.0 ** 63:
        raise OverflowError("timestamp out of range for platform time_t")


def _install_messages(m, check_tzinfo_arg):
    date, time, datetime, timedelta = m.date, m.time, m.datetime, m.timedelta
    tzinfo, timezone = m.tzinfo, m.timezone
    for cls in (date, time, datetime, timedelta, tzinfo, timezone):
        cls.__tachyon_tp_name__ = "datetime." + cls.__name__

    def wrap_new(cls, names):
        original = cls.__new__

        def __new__(klass, *args, **kwargs):
            if not (args and isinstance(args[0], (bytes, str))):
                for pos, name in enumerate(names, 1):
                    if len(args) < pos and name not in kwargs:
                        raise TypeError("function missing required argument '%s' (pos %d)"
                                        % (name, pos))
            return original(klass, *args, **kwargs)
        cls.__new__ = staticmethod(__new__)

    wrap_new(date, ("year", "month", "day"))
    wrap_new(datetime, ("year", "month", "day"))

    def wrap_replace(cls, names):
        original = cls.replace

        def replace(self, *args, **kwargs):
            for key in kwargs:
                if key not in names:
                    raise TypeError("'%s' is an invalid keyword argument for replace()" % key)
            return original(self, *args, **kwargs)
        cls.replace = replace

    date_fields = ("year", "month", "day")
    time_fields = ("hour", "minute", "second", "microsecond", "tzinfo", "fold")
    wrap_replace(date, date_fields)
    wrap_replace(time, time_fields)
    wrap_replace(datetime, date_fields + time_fields)

    def wrap_str_arg(cls, name):
        original = getattr(cls, name)

        def method(self, fmt):
            if not isinstance(fmt, str):
                raise TypeError("%s() argument 1 must be str, not %s" % (name, type(fmt).__name__))
            return original(self, fmt)
        method.__name__ = name
        setattr(cls, name, method)

    for cls in (date, time):
        wrap_str_arg(cls, "strftime")
        wrap_str_arg(cls, "__format__")

    fromordinal = date.fromordinal.__func__

    def date_fromordinal(cls, n):
        n = _c_int(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        return fromordinal(cls, n)
    date.fromordinal = classmethod(date_fromordinal)

    date.fromisocalendar = classmethod(_reworded(date.fromisocalendar.__func__, {
        "Invalid weekday: %d (range is [1, 7])" % d: "Invalid day: %d (range is [1, 7])" % d
        for d in list(range(-10, 1)) + list(range(8, 20))}))

    date_fromtimestamp = date.fromtimestamp.__func__

    def fromtimestamp(cls, t):
        _check_timestamp(t)
        return date_fromtimestamp(cls, t)
    date.fromtimestamp = classmethod(fromtimestamp)
    datetime_fromtimestamp = datetime.fromtimestamp.__func__

    def dt_fromtimestamp(cls, t, tz=None):
        _check_timestamp(t)
        return datetime_fromtimestamp(cls, t, tz)
    datetime.fromtimestamp = classmethod(dt_fromtimestamp)
    utcfromtimestamp = datetime.utcfromtimestamp.__func__

    def dt_utcfromtimestamp(cls, t):
        _check_timestamp(t)
        return utcfromtimestamp(cls, t)
    datetime.utcfromtimestamp = classmethod(dt_utcfromtimestamp)

    def time_fromisoformat(cls, time_string):
        if not isinstance(time_string, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            fields = m._parse_isoformat_time(time_string)
        except Exception:
            fields = None
        if fields is None:
            raise ValueError('Invalid isoformat string: %r' % (time_string,))
        return cls(*fields)
    time.fromisoformat = classmethod(time_fromisoformat)

    combine = datetime.combine.__func__

    def dt_combine(cls, date_, time_, tzinfo=True):
        if not isinstance(date_, date):
            raise TypeError("combine() argument 1 must be datetime.date, not %s"
                            % type(date_).__name__)
        if not isinstance(time_, time):
            raise TypeError("combine() argument 2 must be datetime.time, not %s"
                            % type(time_).__name__)
        return combine(cls, date_, time_, tzinfo)
    datetime.combine = classmethod(dt_combine)

    strptime = datetime.strptime.__func__

    def dt_strptime(cls, date_string, format):
        for pos, arg in enumerate((date_string, format), 1):
            if not isinstance(arg, str):
                raise TypeError("strptime() argument %d must be str, not %s"
                                % (pos, type(arg).__name__))
        return strptime(cls, date_string, format)
    datetime.strptime = classmethod(dt_strptime)

    isoformat = datetime.isoformat

    def dt_isoformat(self, sep="T", timespec="auto"):
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError("isoformat() argument 1 must be a unicode character, not %s"
                            % type(sep).__name__)
        return isoformat(self, sep, timespec)
    datetime.isoformat = dt_isoformat

    astimezone = datetime.astimezone

    def dt_astimezone(self, tz=None):
        check_tzinfo_arg(tz)
        return astimezone(self, tz)
    datetime.astimezone = dt_astimezone

    out_of_range = {"result out of range": "date value out of range"}
    for cls in (date, datetime):
        cls.__add__ = cls.__radd__ = _reworded(cls.__add__, out_of_range)
    date.__sub__ = _reworded(date.__sub__, out_of_range)
    datetime.__sub__ = _reworded(datetime.__sub__, dict(out_of_range, **{
        "cannot mix naive and timezone-aware time":
            "can't subtract offset-naive and offset-aware datetimes"}))
    datetime._cmp = _reworded(datetime._cmp, {
        "cannot compare naive and aware datetimes":
            "can't compare offset-naive and offset-aware datetimes"})
    time._cmp = _reworded(time._cmp, {
        "cannot compare naive and aware times":
            "can't compare offset-naive and offset-aware times"})

    timedelta_new = timedelta.__new__
    components = ("days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks")

    def td_new(cls, *args, **kwargs):
        values = list(zip(components, args)) + list(kwargs.items())
        for name, value in values:
            if not isinstance(value, (int, float)):
                raise TypeError("unsupported type for timedelta %s component: %s"
                                % (name, type(value).__name__))
        try:
            return timedelta_new(cls, *args, **kwargs)
        except OverflowError as e:
            prefix = "timedelta # of days is too large: "
            text = str(e)
            if not text.startswith(prefix):
                raise
            days = int(text[len(prefix):])
            if abs(days) >= 2 ** 31:
                error = OverflowError("Python int too large to convert to C int")
            else:
                error = OverflowError("days=%d; must have magnitude <= 999999999" % days)
        raise error
    timedelta.__new__ = staticmethod(td_new)

    omitted = timezone._Omitted
    timezone_new = timezone.__new__

    def tz_new(cls, offset, name=omitted):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s"
                            % type(offset).__name__)
        if name is not omitted and not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s" % type(name).__name__)
        if not cls._minoffset <= offset <= cls._maxoffset:
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24)"
                             " and timedelta(hours=24), not %r." % (offset,))
        return timezone_new(cls, offset, name)
    timezone.__new__ = staticmethod(tz_new)

    def wrap_dt_arg(cls, name):
        original = getattr(cls, name)

        def method(self, dt):
            if not (dt is None or isinstance(dt, datetime)):
                raise TypeError("%s(dt) argument must be a datetime instance or None, not %s"
                                % (name, type(dt).__name__))
            return original(self, dt)
        method.__name__ = name
        setattr(cls, name, method)

    for name in ("utcoffset", "tzname", "dst"):
        wrap_dt_arg(timezone, name)

    def not_implemented(name):
        def method(self, dt):
            raise NotImplementedError("a tzinfo subclass must implement %s()" % name)
        method.__name__ = name
        return method

    for name in ("utcoffset", "tzname", "dst"):
        setattr(tzinfo, name, not_implemented(name))

    for cls in (tzinfo, timezone):
        cls.fromutc = _reworded(cls.fromutc, {
            "fromutc() requires a datetime argument": "fromutc: argument must be a datetime",
            "fromutc() argument must be a datetime instance or None":
                "fromutc: argument must be a datetime",
            "dt.tzinfo is not self": "fromutc: dt.tzinfo is not self"})


if _pure is not None and hasattr(_pure, "_check_date_fields"):
    _install(_pure)
raise ImportError("No module named '_datetime' (tachyon runs the pure-Python datetime)")
