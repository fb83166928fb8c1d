names = ["BaseException", "SystemExit", "KeyboardInterrupt", "GeneratorExit", "Exception",
         "StopIteration", "StopAsyncIteration", "ArithmeticError", "FloatingPointError",
         "OverflowError", "ZeroDivisionError", "AssertionError", "AttributeError",
         "BufferError", "EOFError", "ImportError", "ModuleNotFoundError", "LookupError",
         "IndexError", "KeyError", "MemoryError", "NameError", "UnboundLocalError",
         "OSError", "FileNotFoundError", "PermissionError", "TimeoutError",
         "ReferenceError", "RuntimeError", "NotImplementedError", "RecursionError",
         "SyntaxError", "IndentationError", "TabError", "SystemError", "TypeError",
         "ValueError", "UnicodeError", "UnicodeDecodeError", "UnicodeEncodeError",
         "Warning", "DeprecationWarning", "UserWarning", "RuntimeWarning"]
import builtins
for n in names:
    cls = getattr(builtins, n)
    print(n, cls.__bases__[0].__name__, [c.__name__ for c in cls.__mro__][-2])
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(IOError is OSError, EnvironmentError is OSError)
