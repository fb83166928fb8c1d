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


if _pure is not None and hasattr(_pure, "_check_date_fields"):
    _install(_pure)
raise ImportError("No module named '_datetime' (tachyon runs the pure-Python datetime)")
