m = __import__("_support.simple")
print(m.__name__, m.simple.VALUE)
leaf = __import__("_support.simple", fromlist=["VALUE"])
print(leaf.__name__)
