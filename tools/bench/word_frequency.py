"""Count words in generated text and report the most frequent ones.

Dict- and string-heavy: lower-casing, stripping punctuation, splitting,
counting in a dict, then sorting by count and word.
"""

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "qu",
             "an", "el", "is", "or", "um"]
PUNCTUATION = [".", ",", ";", "!", "?", ""]


def make_text(words, seed):
    state = seed
    parts = []
    for i in range(words):
        state = (state * 69069 + 1) % 4294967296
        length = 1 + (state >> 28) % 3
        word = ""
        s = state
        for _ in range(length):
            word += SYLLABLES[s % len(SYLLABLES)]
            s //= len(SYLLABLES)
        if (state >> 20) % 7 == 0:
            word = word.capitalize()
        parts.append(word + PUNCTUATION[(state >> 24) % len(PUNCTUATION)])
        if i % 17 == 16:
            parts.append("\n")
    return " ".join(parts)


def count_words(text):
    counts = {}
    for line in text.split("\n"):
        for raw in line.split():
            word = raw.strip(".,;!?").lower()
            if word:
                counts[word] = counts.get(word, 0) + 1
    return counts


def main():
    text = make_text(400000, 7)
    counts = count_words(text)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    print("distinct words:", len(counts))
    print("total words:", sum(counts.values()))
    for word, count in ranked[:15]:
        print("%-10s %d" % (word, count))
    lengths = {}
    for word, count in counts.items():
        lengths[len(word)] = lengths.get(len(word), 0) + count
    print(sorted(lengths.items()))


main()
