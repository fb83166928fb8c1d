# textwrap: wrap/fill/shorten/dedent/indent and TextWrapper's options.
import textwrap

text = ("The quick brown fox jumps over the lazy dog.  Tachyon runs Python programs unchanged, "
        "and compiles hot loops with a tracing JIT; supercalifragilisticexpialidocious words "
        "get broken-up when-needed.\tTabs\tare expanded.")
print(textwrap.wrap(text, width=30))
print(textwrap.fill(text, width=45))
print(textwrap.fill(text, width=25, initial_indent="* ", subsequent_indent="  "))
print(textwrap.fill(text, width=20, break_long_words=False, break_on_hyphens=False))
print(textwrap.fill(text, width=40, fix_sentence_endings=True, max_lines=3, placeholder=" [...]"))
print(textwrap.shorten("Hello  world!  This is a test", width=12), textwrap.shorten("Hi there", 20))
print(textwrap.shorten("Hello world, this is long", width=15, placeholder="..."))
w = textwrap.TextWrapper(width=18, expand_tabs=False, replace_whitespace=False, drop_whitespace=False, tabsize=4)
print(w.wrap("a\tb c   d e f g h i j k l m n o p"))
w = textwrap.TextWrapper(width=10, tabsize=4)
print(w.wrap("x\ty\tz long_word_here and more"))
doc = """
    def f():
        return 1

      # comment
    """
print(repr(textwrap.dedent(doc)))
print(repr(textwrap.dedent("  a\n\t b\n")), repr(textwrap.dedent("   x\n   \n   y")))
print(textwrap.indent("one\n\ntwo\n  three", "> "))
print(textwrap.indent("one\n\ntwo", "+ ", predicate=lambda line: True))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.fill("a" * 25, 10))
try:
    textwrap.wrap("abc", width=0)
except ValueError as e:
    print("ValueError", e)
try:
    textwrap.fill("abc def", width=5, max_lines=1, placeholder=" [long placeholder]")
except ValueError as e:
    print("ValueError", e)
print(textwrap.fill("Ünïcödé wörds wrap by code points, not bytes: ßßßß ÆØÅ", 16))
