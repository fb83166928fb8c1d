# With PYTHONHASHSEED=0 (what the conformance harness sets) str and bytes
# hash as in CPython 3.8, so sets and dicts of strings iterate alike.
print(hash("abc"), hash(b"abc"), hash(""), hash("\u00e9t\u00e9"), hash("x" * 100))
print({"apple", "banana", "cherry", "date", "elder", "fig", "grape"})
print(set("the quick brown fox jumps over the lazy dog".split()))
print(frozenset({b"one", b"two", b"three"}), {("a", 1), ("b", 2), ("c", 3)})
words = {}
for w in "to be or not to be that is the question".split():
    words.setdefault(w, set()).add(len(w))
print(words, {w for w in words})
