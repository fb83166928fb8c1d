# sysconfig finds the stdlib's _sysconfigdata module (sys.implementation._multiarch),
# so cgitb and pydoc import.
import sys
import sysconfig
import cgitb
import pydoc
print(sysconfig.get_config_var("SOABI"), sysconfig.get_config_var("EXT_SUFFIX"))
print(sys.implementation._multiarch, pydoc.__name__, cgitb.__name__)
