class Weird(Exception):
    def __str__(self):
        return "weird message with\nnewline"

raise Weird()
