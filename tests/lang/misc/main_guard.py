print(__name__)
if __name__ == "__main__":
    print("running as main")
else:
    print("imported")
print(__file__ if False else "file hidden")
import sys
print(type(sys.argv).__name__, sys.argv[0])
print(__builtins__ is not None)
