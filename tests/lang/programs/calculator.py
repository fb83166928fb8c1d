DIGITS = "0123456789"
class Token:
    __slots__ = ("kind", "value")
    def __init__(self, kind, value):
        self.kind = kind
        self.value = value
    def __repr__(self):
        return f"Token({self.kind}, {self.value!r})"

def tokenize(text):
    tokens = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == " ":
            i += 1
        elif c in DIGITS:
            j = i
            while j < len(text) and text[j] in DIGITS + ".":
                j += 1
            tokens.append(Token("num", float(text[i:j]) if "." in text[i:j] else int(text[i:j])))
            i = j
        elif c in "+-*/()":
            tokens.append(Token("op", c))
            i += 1
        else:
            raise SyntaxError(f"bad character {c!r} at {i}")
    return tokens

class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0
    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None
    def take(self):
        tok = self.peek()
        self.pos += 1
        return tok
    def expr(self):
        value = self.term()
        while (tok := self.peek()) is not None and tok.value in ("+", "-"):
            self.take()
            rhs = self.term()
            value = value + rhs if tok.value == "+" else value - rhs
        return value
    def term(self):
        value = self.factor()
        while (tok := self.peek()) is not None and tok.value in ("*", "/"):
            self.take()
            rhs = self.factor()
            value = value * rhs if tok.value == "*" else value / rhs
        return value
    def factor(self):
        tok = self.take()
        if tok is None:
            raise SyntaxError("unexpected end")
        if tok.value == "(":
            v = self.expr()
            if self.take() is None:
                raise SyntaxError("missing )")
            return v
        if tok.value == "-":
            return -self.factor()
        if tok.kind == "num":
            return tok.value
        raise SyntaxError(f"unexpected {tok!r}")

for src in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4", "-(2 + 3) * 2.5", "2 * (3 + (4 - 1)) / 3", "1 +", "2 $ 3", "8 / (4 - 4)"]:
    try:
        print(src, "=", Parser(tokenize(src)).expr())
    except SyntaxError as e:
        print(src, "-> SyntaxError:", e)
    except ZeroDivisionError as e:
        print(src, "-> ZeroDivisionError:", e)
print(tokenize("3.5*2"))
