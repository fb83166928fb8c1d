print(repr(exit), repr(quit), repr(help), repr(license), type(exit).__name__, type(exit).__module__)
print(repr(copyright))
copyright()
credits()
try:
    exit(3)
except SystemExit as e:
    print('exit', e.code)
try:
    quit()
except SystemExit as e:
    print('quit', e.code)
exit("bye")
