# The interactive prompt `tachyon` runs when standard input is a terminal:
# read a statement (continuing blocks and open brackets with `... `),
# run it in __main__ with expression values echoed (and kept in `_`),
# print a traceback and go on when it fails, stop at end of input.


def __tachyon_repl():
    import sys
    main = sys.modules["__main__"].__dict__
    del main["__tachyon_repl"]
    sys.ps1 = ">>> "
    sys.ps2 = "... "
    print("Python 3.8.18 (tachyon) on linux", file=sys.stderr)
    print('Type "help", "copyright", "credits" or "license" for more information.', file=sys.stderr)

    def incomplete(err):
        msg = err.args[0] if err.args else ""
        return msg.startswith("unexpected EOF") or msg.startswith("EOF while scanning")

    def show_error(skip_own_frame):
        import traceback
        etype, value, tb = sys.exc_info()
        if skip_own_frame and tb is not None:
            tb = tb.tb_next
        traceback.print_exception(etype, value, tb)

    lines = []
    while True:
        try:
            line = input(sys.ps2 if lines else sys.ps1)
        except EOFError:
            sys.stderr.write("\n")
            return
        except KeyboardInterrupt:
            sys.stderr.write("\nKeyboardInterrupt\n")
            lines = []
            continue
        lines.append(line)
        header = lines[0].split("#")[0].rstrip()
        in_block = header.endswith(":") or header.startswith("@")
        # A block ends at an empty line, as at CPython's prompt.
        if in_block and len(lines) > 1 and line.strip():
            continue
        source = "\n".join(lines) + "\n"
        try:
            code = compile(source, "<stdin>", "single")
        except SyntaxError as err:
            if incomplete(err) and line.strip():
                continue
            lines = []
            show_error(False)
            continue
        if in_block and len(lines) == 1:
            continue
        lines = []
        try:
            exec(code, main)
        except SystemExit:
            raise
        except BaseException:
            show_error(True)


__tachyon_repl()
