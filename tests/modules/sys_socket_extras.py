# sys._current_frames and sys.__interactivehook__, _socket's constants
# (all of CPython's, generated), its module functions, and faulthandler.
import _socket
import faulthandler
import os
import socket
import sys
import tempfile
from _support.outcome import show


def inner():
    frames = sys._current_frames()
    return len(frames), [f.f_code.co_name for f in frames.values()]


print(inner())
import threading
print(list(sys._current_frames()) == [threading.get_ident()])
print(callable(sys.__interactivehook__))
names = sorted(n for n in dir(_socket) if n.isupper() and type(getattr(_socket, n)) is int)
print(len(names) > 300, names[:5])
for name in ("AF_CAN", "AF_PACKET", "SO_REUSEPORT", "TCP_NODELAY", "IPPROTO_TCP", "MSG_PEEK",
             "SOL_CAN_RAW", "AF_ALG", "NI_NUMERICHOST", "EAI_NONAME", "SOCK_CLOEXEC"):
    print(name, getattr(socket, name))
print(socket.AF_INET, type(socket.AF_INET).__name__)
r, w = os.pipe()
d = socket.dup(r)
socket.close(d)
show("close twice", lambda: socket.close(d))
os.close(r)
os.close(w)
print(socket.if_nametoindex("lo"), socket.if_indextoname(1))
show("if_nametoindex missing", lambda: socket.if_nametoindex("no-such-if"))
show("if_nametoindex int", lambda: socket.if_nametoindex(1))
print(("lo" in [n for i, n in socket.if_nameindex()]))

print(faulthandler.is_enabled())
faulthandler.enable()
print(faulthandler.is_enabled(), faulthandler.disable(), faulthandler.is_enabled())
with tempfile.TemporaryFile() as f:
    def where():
        faulthandler.dump_traceback(f, all_threads=False)
    where()
    f.seek(0)
    print(f.read().decode().replace(__file__, "FILE"))
show("register SIGSEGV", lambda: faulthandler.register(11))
show("dump_traceback_later 0", lambda: faulthandler.dump_traceback_later(0))
