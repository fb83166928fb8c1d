# tb.tb_next can be set to another traceback or None (what pytest and
# template engines do to hide frames), never deleted, never to something
# else, never so that the chain loops; the printed traceback follows it.
import sys
import traceback


def raiser():
    raise ValueError("inner")


def middle():
    raiser()


def get_tb():
    try:
        middle()
    except ValueError as e:
        return e, e.__traceback__


exc, tb = get_tb()
print(tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name,
      tb.tb_next.tb_next.tb_frame.f_code.co_name, tb.tb_next.tb_next.tb_next)
try:
    del tb.tb_next
except TypeError as e:
    print("TypeError:", e)
for bad in ("asdf", 1, exc):
    try:
        tb.tb_next = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    tb.tb_next = tb
except ValueError as e:
    print("ValueError:", e)
try:
    tb.tb_next.tb_next = tb
except ValueError as e:
    print("ValueError:", e)

# Drop the middle frame from the chain.
tb.tb_next = tb.tb_next.tb_next
print([f.f_code.co_name for f, _ in traceback.walk_tb(tb)])
tb.tb_next = None
print(tb.tb_next, [f.f_code.co_name for f, _ in traceback.walk_tb(tb)])
_, other = get_tb()
tb.tb_next = other
print(tb.tb_next is other, len(list(traceback.walk_tb(tb))))

# The uncaught exception's printout follows the edited chain.
exc2, tb2 = get_tb()
tb2.tb_next = tb2.tb_next.tb_next
raise exc2.with_traceback(tb2)
