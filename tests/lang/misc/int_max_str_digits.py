# The int<->str digit limit of CPython 3.8.14+: decimal conversions past
# 4300 digits raise, power-of-two bases are exempt, the sys knobs.
import sys

info = sys.int_info
print(info.bits_per_digit, info.sizeof_digit, info.default_max_str_digits,
      info.str_digits_check_threshold)
print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
for e in ["int('1'*5000)", "str(10**5000)", "len(hex(10**5000))", "repr(10**5000)",
          "'%d' % 10**5000", "'%x' % 10**5000 != ''", "f'{10**5000}'", "int('1'*4300) > 0",
          "int('1'*4301)", "int(b'1'*5000)", "int(bytearray(b'7'*4400))", "len(bin(10**5000))",
          "int('0x'+'1'*5000, 16) > 0", "int('0x'+'1'*5000, 0) > 0", "int('1'*5000, 10)",
          "int('1'*5000, 8) > 0", "int('z'*5000, 36)", "format(10**5000, 'd')",
          "format(10**5000, 'x') != ''", "format(-10**5000, 'n')", "float('1'*5000)",
          "str(-10**4299)[:3]", "str(-10**4300)[:3]", "int(' ' + '1'*4300 + ' ') > 0",
          "int('-' + '1'*4300) < 0", "int('1_' * 2200 + '1') > 0", "int('1_' * 4400 + '1')",
          "sys.set_int_max_str_digits(100)", "sys.set_int_max_str_digits(-1)",
          "sys.set_int_max_str_digits(640)", "str(10**640)", "str(10**639)[:3]",
          "int('9' * 641)", "sys.set_int_max_str_digits(0)", "len(str(10**5000))",
          "len(str(int('5' * 6000)))", "sys.get_int_max_str_digits()",
          "sys.set_int_max_str_digits(maxdigits=5000)", "sys.get_int_max_str_digits()",
          "sys.set_int_max_str_digits()", "sys.set_int_max_str_digits('a')"]:
    try:
        print(e, '->', eval(e))
    except (ValueError, TypeError) as ex:
        print(e, '!!', type(ex).__name__, ex)
