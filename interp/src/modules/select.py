# `select` without readiness waiting: `selectors` and `subprocess` import
# it; calling `select()` on descriptors says it is not supported.

error = OSError
PIPE_BUF = 4096


def select(rlist, wlist, xlist, timeout=None):
    if not rlist and not wlist and not xlist:
        if timeout:
            import time
            time.sleep(timeout)
        return ([], [], [])
    raise OSError("select: tachyon cannot wait on file descriptors yet")
