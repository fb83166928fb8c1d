text = """The quick brown fox jumps over the lazy dog.
The dog sleeps; the fox runs!
A fox, a dog, and a cat."""

words = []
for line in text.split("\n"):
    for raw in line.split():
        w = raw.strip(".,;!").lower()
        if w:
            words.append(w)
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(len(words), len(counts), top)
lengths = {}
for w in words:
    lengths.setdefault(len(w), []).append(w)
print(sorted((k, len(v)) for k, v in lengths.items()) if False else sorted([(k, len(v)) for k, v in lengths.items()]))
print(max(words, key=len), min(words), "".join(sorted(set("".join(words))))[:10])
first_letters = {w[0] for w in words}
print(sorted(first_letters))
print({w: i for i, w in enumerate(["a", "b", "a"])})
