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


# nl_langinfo's keys (glibc's numbers) and the C locale's answers.
_LANGINFO = {
    "RADIXCHAR": (65536, "."), "THOUSEP": (65537, ""), "CRNCYSTR": (262159, "-"),
    "YESEXPR": (327680, "^[yY]"), "NOEXPR": (327681, "^[nN]"),
    "D_T_FMT": (131112, "%a %b %e %H:%M:%S %Y"), "D_FMT": (131113, "%m/%d/%y"),
    "T_FMT": (131114, "%H:%M:%S"), "T_FMT_AMPM": (131115, "%I:%M:%S %p"),
    "AM_STR": (131110, "AM"), "PM_STR": (131111, "PM"), "ERA": (131116, ""),
    "ERA_D_FMT": (131118, ""), "ALT_DIGITS": (131119, ""), "ERA_D_T_FMT": (131120, ""),
    "ERA_T_FMT": (131121, ""), "_DATE_FMT": (131180, "%a %b %e %H:%M:%S %Z %Y"),
}
for _i, _name in enumerate(("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")):
    _LANGINFO["ABDAY_%d" % (_i + 1)] = (131072 + _i, _name)
for _i, _name in enumerate(("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
                            "Friday", "Saturday")):
    _LANGINFO["DAY_%d" % (_i + 1)] = (131079 + _i, _name)
for _i, _name in enumerate(("January", "February", "March", "April", "May", "June", "July",
                            "August", "September", "October", "November", "December")):
    _LANGINFO["ABMON_%d" % (_i + 1)] = (131086 + _i, _name[:3])
    _LANGINFO["MON_%d" % (_i + 1)] = (131098 + _i, _name)
_LANGINFO_TEXT = {CODESET: "UTF-8"}
for _name, (_key, _text) in _LANGINFO.items():
    globals()[_name] = _key
    _LANGINFO_TEXT[_key] = _text
del _i, _name, _key, _text


def nl_langinfo(key):
    if not isinstance(key, int):
        raise TypeError("an integer is required (got type %s)" % type(key).__name__)
    try:
        return _LANGINFO_TEXT[key]
    except KeyError:
        raise ValueError("unsupported langinfo constant") from None


# Message catalogs: the C locale translates nothing.
def gettext(msg):
    return msg


def dgettext(domain, msg):
    return msg


def dcgettext(domain, msg, category):
    return msg


def textdomain(domain):
    return "messages" if domain is None else domain


def bindtextdomain(domain, dir):
    if not domain:
        raise ValueError("Empty string passed as domain name")
    return dir if dir is not None else "/usr/share/locale"


def bind_textdomain_codeset(domain, codeset):
    return codeset
