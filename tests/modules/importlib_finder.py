# needs `re` (_sre): move beside the other module scripts once _sre is merged.
import importlib, importlib.util, sys
m = importlib.import_module("json.decoder")
print(m.__name__, m is sys.modules["json.decoder"], m.JSONDecoder.__name__)
print(importlib.import_module("colorsys").rgb_to_hsv(1, 0, 0))
print(importlib.import_module(".encoder", "json").__name__)
spec = importlib.util.find_spec("textwrap")
print(spec.name, spec.origin.endswith("textwrap.py"))
print(importlib.util.find_spec("no_such_module_x"))
try:
    importlib.import_module("no_such_module_x")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e)
import pkgutil
print(pkgutil.get_loader("json") is not None)
