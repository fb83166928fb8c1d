# The oracle side of astcheck: run by python3.8, reads file paths (one per
# line) on stdin and writes one record per file, tab-separated:
#   OK <path> <ast.dump of the file>
#   ERR <path> <lineno> <class name> <message>
#   EXC <path> <exception class name>
import ast
import sys

out = sys.stdout
# With the argument "positions", dumps include every node's position.
positions = sys.argv[1:] == ["positions"]
for line in sys.stdin:
    path = line.rstrip("\n")
    try:
        with open(path, "rb") as f:
            source = f.read()
        tree = ast.parse(source, path)
        text = ast.dump(tree, include_attributes=positions)
    except SyntaxError as e:
        msg = str(e.msg).replace("\t", " ").replace("\n", " ")
        out.write("ERR\t%s\t%s\t%s\t%s\n" % (path, e.lineno, type(e).__name__, msg))
        continue
    except Exception as e:
        out.write("EXC\t%s\t%s\n" % (path, type(e).__name__))
        continue
    out.write("OK\t%s\t%s\n" % (path, text))
