# A backslash ending an f-string's literal part (before a field) is kept;
# in a format spec, `{{` opens a nested field rather than a literal brace.
print(eval(r"f'\{6*7}'"))
print(eval(r"f'a\{1}b\{2}'"))
print(eval(r"f'\\{3}'"))
print(eval(r"f'\{{4}}'"))
print(f'{3:{">"}10}|')
for source in ["f'{3:{{>10}'", "f'{3:{{}}>10}'"]:
    try:
        print(eval(source))
    except (SyntaxError, ValueError) as e:
        print(type(e).__name__, e)
