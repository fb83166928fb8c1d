import locale
import _locale
names = ["ABDAY_1", "ABDAY_7", "DAY_1", "DAY_4", "ABMON_1", "ABMON_12", "MON_2", "MON_9",
         "D_T_FMT", "D_FMT", "T_FMT", "T_FMT_AMPM", "AM_STR", "PM_STR", "RADIXCHAR", "THOUSEP",
         "YESEXPR", "NOEXPR", "ERA", "ALT_DIGITS", "CRNCYSTR"]
for name in names:
    print(name, getattr(locale, name), repr(locale.nl_langinfo(getattr(locale, name))))
print(locale.gettext("hello"), locale.dgettext(None, "x"), _locale.dcgettext(None, "y", 5))
print(_locale.textdomain(None), _locale.bind_textdomain_codeset("dom", None))
try:
    locale.nl_langinfo(12345678)
except ValueError as e:
    print("ValueError", e)
