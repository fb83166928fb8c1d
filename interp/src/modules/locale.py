# `_locale` for the C locale, the only one tachyon has.

LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
CHAR_MAX = 127
CODESET = 14


class Error(Exception):
    pass


Error.__module__ = "locale"


def setlocale(category, locale=None):
    if not isinstance(category, int):
        raise TypeError("an integer is required (got type %s)" % type(category).__name__)
    if category < 0 or category > LC_ALL:
        raise Error("invalid locale category")
    if locale is None or locale in ("", "C", "POSIX"):
        return "C"
    raise Error("unsupported locale setting")


def localeconv():
    return {
        "int_curr_symbol": "", "currency_symbol": "", "mon_decimal_point": "",
        "mon_thousands_sep": "", "mon_grouping": [], "positive_sign": "",
        "negative_sign": "", "int_frac_digits": CHAR_MAX, "frac_digits": CHAR_MAX,
        "p_cs_precedes": CHAR_MAX, "p_sep_by_space": CHAR_MAX, "n_cs_precedes": CHAR_MAX,
        "n_sep_by_space": CHAR_MAX, "p_sign_posn": CHAR_MAX, "n_sign_posn": CHAR_MAX,
        "decimal_point": ".", "thousands_sep": "", "grouping": [],
    }


def strcoll(a, b):
    if not isinstance(a, str) or not isinstance(b, str):
        raise TypeError("strcoll() argument must be str")
    return (a > b) - (a < b)


def strxfrm(s):
    if not isinstance(s, str):
        raise TypeError("strxfrm() argument must be str, not %s" % type(s).__name__)
    return s


def nl_langinfo(key):
    if key == CODESET:
        return "UTF-8"
    raise ValueError("unsupported langinfo constant")
