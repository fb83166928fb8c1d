# An exception raised while handling another: the traceback shows both,
# joined by "During handling of the above exception, another exception
# occurred:".
def parse(text):
    try:
        return int(text)
    except ValueError:
        return {}[text]


def main():
    return parse("not a number")


main()
