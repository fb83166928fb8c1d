"""A hand-written JSON serializer and recursive-descent parser, round-tripping
generated documents: string building, character scanning and recursion
without the json module.
"""


def dumps(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        out = ['"']
        for ch in value:
            if ch == '"' or ch == "\\":
                out.append("\\" + ch)
            elif ch == "\n":
                out.append("\\n")
            else:
                out.append(ch)
        out.append('"')
        return "".join(out)
    if isinstance(value, list):
        return "[" + ", ".join(dumps(v) for v in value) + "]"
    return "{" + ", ".join(dumps(k) + ": " + dumps(v) for k, v in value.items()) + "}"


class Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def skip(self):
        text = self.text
        while self.pos < len(text) and text[self.pos] in " \n\t":
            self.pos += 1

    def value(self):
        self.skip()
        ch = self.text[self.pos]
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.array()
        if ch == '"':
            return self.string()
        if self.text.startswith("null", self.pos):
            self.pos += 4
            return None
        if self.text.startswith("true", self.pos):
            self.pos += 4
            return True
        if self.text.startswith("false", self.pos):
            self.pos += 5
            return False
        return self.number()

    def obj(self):
        self.pos += 1
        result = {}
        self.skip()
        if self.text[self.pos] == "}":
            self.pos += 1
            return result
        while True:
            self.skip()
            key = self.string()
            self.skip()
            self.pos += 1  # ':'
            result[key] = self.value()
            self.skip()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "}":
                return result

    def array(self):
        self.pos += 1
        result = []
        self.skip()
        if self.text[self.pos] == "]":
            self.pos += 1
            return result
        while True:
            result.append(self.value())
            self.skip()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "]":
                return result

    def string(self):
        self.pos += 1
        out = []
        text = self.text
        while True:
            ch = text[self.pos]
            self.pos += 1
            if ch == '"':
                return "".join(out)
            if ch == "\\":
                ch = text[self.pos]
                self.pos += 1
                out.append("\n" if ch == "n" else ch)
            else:
                out.append(ch)

    def number(self):
        start = self.pos
        text = self.text
        while self.pos < len(text) and text[self.pos] in "+-0123456789.eE":
            self.pos += 1
        literal = text[start:self.pos]
        if "." in literal or "e" in literal or "E" in literal:
            return float(literal)
        return int(literal)


def make_document(n):
    return {
        "id": n,
        "name": "item \"%d\"" % n,
        "tags": ["t%d" % (n % 7), "t%d" % (n % 11), "line\nbreak"],
        "price": n * 0.25 + 0.1,
        "active": n % 3 == 0,
        "parent": None if n % 5 else n // 5,
        "dims": {"w": n % 13, "h": n % 17, "d": [n % 2, n % 3, {"deep": n * 1.5}]},
    }


def main():
    for start in (0, 5000):
        documents = [make_document(n) for n in range(start, start + 5000)]
        text = dumps(documents)
        parsed = Parser(text).value()
        print("length:", len(text))
        print("round trip equal:", parsed == documents)
        print("total price: %.2f" % sum(d["price"] for d in parsed))
        print(dumps(parsed[123]))


main()
