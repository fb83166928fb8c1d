from _support.starry import *
print(public, also)
try:
    hidden
except NameError as e:
    print(e)
from _support.nostar import *
print(visible)
try:
    _underscore
except NameError as e:
    print(e)
