"""The calendar side of `time` for tachyon: struct_time, gmtime,
localtime (UTC: tachyon reads no time-zone database yet), mktime,
strftime, asctime, ctime, after CPython 3.8's Modules/timemodule.c in
the C locale."""

_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


class struct_time(tuple):
    __module__ = "time"
    n_fields = 11
    n_sequence_fields = 9
    n_unnamed_fields = 0

    def __new__(cls, seq, dict=None):
        items = tuple(seq)
        if len(items) < 9:
            raise TypeError("time.struct_time() takes an at least 9-sequence (" + str(len(items)) + "-sequence given)")
        if len(items) > 11:
            raise TypeError("time.struct_time() takes an at most 11-sequence (" + str(len(items)) + "-sequence given)")
        t = tuple.__new__(cls, items[:9])
        t._zone = items[9] if len(items) > 9 else None
        t._gmtoff = items[10] if len(items) > 10 else None
        return t

    def __repr__(self):
        parts = [name + "=" + repr(value) for name, value in zip(_FIELDS, self)]
        return "time.struct_time(" + ", ".join(parts) + ")"

    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: self._zone)
    tm_gmtoff = property(lambda self: self._gmtoff)


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_before_month(y, m):
    days = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)[m - 1]
    return days + (1 if m > 2 and _is_leap(y) else 0)


def _civil_from_days(z):
    # Howard Hinnant's algorithm: days since 1970-01-01 to (y, m, d).
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + 1 if m <= 2 else y), m, d


def _seconds(secs):
    if secs is None:
        import time
        secs = time.time()
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError("Invalid value NaN (not a number)")
        secs = int(secs // 1)
    elif not isinstance(secs, int):
        raise TypeError("an integer is required (got type " + type(secs).__name__ + ")")
    return secs


def gmtime(secs=None):
    return _broken_down(_seconds(secs), "GMT")


def localtime(secs=None):
    return _broken_down(_seconds(secs), "UTC")


def _broken_down(secs, zone):
    days, rest = divmod(secs, 86400)
    y, m, d = _civil_from_days(days)
    hour, rest = divmod(rest, 3600)
    minute, sec = divmod(rest, 60)
    wday = (days + 3) % 7
    yday = _days_before_month(y, m) + d
    return struct_time((y, m, d, hour, minute, sec, wday, yday, 0, zone, 0))


def mktime(t):
    t = _as_tuple(t, "mktime")
    y, m, d, hour, minute, sec = t[:6]
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    days = 365 * (y - 1970) + (y - 1969) // 4 - (y - 1901) // 100 + (y - 1601) // 400
    days += _days_before_month(y, m) + d - 1
    return float(days * 86400 + hour * 3600 + minute * 60 + sec)


def _as_tuple(t, name):
    if t is None:
        return gmtime()
    if not isinstance(t, tuple):
        raise TypeError("Tuple or struct_time argument required")
    if len(t) != 9:
        raise TypeError(name + "(): illegal time tuple argument")
    return t


def _checktm(t):
    # CPython's gettmarg() and checktm(): a zero month, day of month or
    # day of year means the lowest valid one; other values out of range
    # are ValueErrors. The day of week wraps modulo 7 (C's %, so below -1
    # it is out of range).
    y, m, d, hour, minute, sec, wday, yday = t[:8]
    if m == 0:
        m = 1
    elif not 1 <= m <= 12:
        raise ValueError("month out of range")
    if d == 0:
        d = 1
    elif not 1 <= d <= 31:
        raise ValueError("day of month out of range")
    if not 0 <= hour <= 23:
        raise ValueError("hour out of range")
    if not 0 <= minute <= 59:
        raise ValueError("minute out of range")
    if not 0 <= sec <= 61:
        raise ValueError("seconds out of range")
    if wday + 1 < 0 and (wday + 1) % 7 != 0:
        raise ValueError("day of week out of range")
    wday = wday % 7
    if yday == 0:
        yday = 1
    elif not 1 <= yday <= 366:
        raise ValueError("day of year out of range")
    return y, m, d, hour, minute, sec, wday, yday


def asctime(t=None):
    t = _as_tuple(t, "asctime")
    t = _checktm(t) + tuple(t[8:9])
    clock = "%02d:%02d:%02d" % (t[3], t[4], t[5])
    return _DAYS[t[6]][:3] + " " + _MONTHS[t[1] - 1][:3] + " " + ("%2d" % t[2]) + " " + clock + " " + str(t[0])


def ctime(secs=None):
    return asctime(localtime(secs))


def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError("strftime() argument 1 must be str, not " + type(format).__name__)
    t = _as_tuple(t, "strftime")
    y, m, d, hour, minute, sec, wday, yday = _checktm(t)
    out = []
    i = 0
    while i < len(format):
        c = format[i]
        if c != "%" or i + 1 >= len(format):
            out.append(c)
            i += 1
            continue
        f = format[i + 1]
        i += 2
        if f == "Y":
            out.append(str(y))
        elif f == "y":
            out.append("%02d" % (y % 100))
        elif f == "m":
            out.append("%02d" % m)
        elif f == "d":
            out.append("%02d" % d)
        elif f == "e":
            out.append("%2d" % d)
        elif f == "H":
            out.append("%02d" % hour)
        elif f == "I":
            out.append("%02d" % ((hour + 11) % 12 + 1))
        elif f == "M":
            out.append("%02d" % minute)
        elif f == "S":
            out.append("%02d" % sec)
        elif f == "p":
            out.append("AM" if hour < 12 else "PM")
        elif f == "j":
            out.append("%03d" % yday)
        elif f == "a":
            out.append(_DAYS[wday][:3])
        elif f == "A":
            out.append(_DAYS[wday])
        elif f == "b" or f == "h":
            out.append(_MONTHS[m - 1][:3])
        elif f == "B":
            out.append(_MONTHS[m - 1])
        elif f == "U":
            out.append("%02d" % ((yday - 1 + 7 - (wday + 1) % 7) // 7))
        elif f == "W":
            out.append("%02d" % ((yday - 1 + 7 - wday) // 7))
        elif f == "C":
            out.append("%02d" % (y // 100))
        elif f == "w":
            out.append(str((wday + 1) % 7))
        elif f == "u":
            out.append(str(wday + 1))
        elif f == "c":
            out.append(asctime((y, m, d, hour, minute, sec, wday, yday, 0)))
        elif f == "x":
            out.append("%02d/%02d/%02d" % (m, d, y % 100))
        elif f == "X" or f == "T":
            out.append("%02d:%02d:%02d" % (hour, minute, sec))
        elif f == "D":
            out.append("%02d/%02d/%02d" % (m, d, y % 100))
        elif f == "F":
            out.append("%d-%02d-%02d" % (y, m, d))
        elif f == "R":
            out.append("%02d:%02d" % (hour, minute))
        elif f == "Z":
            out.append(getattr(t, "_zone", None) or "UTC")
        elif f == "z":
            out.append("+0000")
        elif f == "n":
            out.append("\n")
        elif f == "t":
            out.append("\t")
        elif f == "%":
            out.append("%")
        else:
            out.append("%" + f)
    return "".join(out)


# What CPython 3.8 reports on Linux, where every clock is clock_gettime's.
_CLOCKS = {
    "time": ("CLOCK_REALTIME", False, True),
    "monotonic": ("CLOCK_MONOTONIC", True, False),
    "perf_counter": ("CLOCK_MONOTONIC", True, False),
    "process_time": ("CLOCK_PROCESS_CPUTIME_ID", True, False),
}


def get_clock_info(name):
    if not isinstance(name, str):
        raise TypeError("get_clock_info() argument 1 must be str, not " + type(name).__name__)
    if name not in _CLOCKS:
        raise ValueError("unknown clock")
    import sys
    clock, monotonic, adjustable = _CLOCKS[name]
    return type(sys.implementation)(
        adjustable=adjustable,
        implementation="clock_gettime(" + clock + ")",
        monotonic=monotonic,
        resolution=1e-09,
    )
