assert True
assert 1 == 1, "never"
try:
    assert 1 == 2
except AssertionError as e:
    print("plain", e.args)
try:
    assert False, "message %d" % 5
except AssertionError as e:
    print(e)
try:
    assert [], ["list", "msg"]
except AssertionError as e:
    print(e.args)
x = 5
assert x > 0 and x < 10
