# _socket's address helpers as CPython: byte-order swaps with their
# errors, inet_aton/inet_ntoa, inet_pton/inet_ntop for IPv4 and IPv6
# (glibc's compressed forms), getaddrinfo for numeric hosts, socketpair.
import socket
import warnings
from _support.outcome import show

warnings.simplefilter("ignore", DeprecationWarning)
for f in ("htons", "ntohs", "htonl", "ntohl"):
    func = getattr(socket, f)
    for x in (0, 1, 0x1234, 0xffff, 70000, 0xffffffff, 2 ** 32, -1, 1.0, "a", True):
        show("%s(%r)" % (f, x), lambda: func(x))

for text in ("1.2.3.4", "127.1", "10.1.2", "0x7f.1", "017.0.0.1", "1", "255.255.255.255",
             "256.1.1.1", "1.2.3.4.5", "", "a.b.c.d", "1.2.3.4 junk", " 1.2.3.4", "4294967296"):
    show("inet_aton(%r)" % text, lambda: socket.inet_aton(text))
show("inet_aton(bytes)", lambda: socket.inet_aton(b"1.2.3.4"))
for packed in (b"\x7f\x00\x00\x01", bytearray(b"\x01\x02\x03\x04"), b"\x01\x02", "abcd"):
    show("inet_ntoa(%r)" % (packed,), lambda: socket.inet_ntoa(packed))

for text in ("1.2.3.4", "127.1", "01.2.3.4", "1.2.3.256", "::", "::1", "1::", "fe80::1:2",
             "2001:db8::8:800:200c:417a", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9",
             "::ffff:1.2.3.4", "::1.2.3.4", "1::2::3", "12345::", "::g", "1:0:0:2:0:0:0:3"):
    for family in (socket.AF_INET, socket.AF_INET6):
        def round_trip():
            packed = socket.inet_pton(family, text)
            return packed, socket.inet_ntop(family, packed)
        show("pton/ntop(%d, %r)" % (family, text), round_trip)
show("inet_pton(bad family)", lambda: socket.inet_pton(99, "1.2.3.4"))
for packed in (bytes(16), bytes(15) + b"\x01", b"\x00" * 10 + b"\xff\xff\x01\x02\x03\x04",
               b"\x00" * 12 + b"\x01\x02\x03\x04", b"\x00\x01" * 8,
               b"\x00\x01\x00\x00\x00\x00\x00\x02\x00\x00\x00\x00\x00\x00\x00\x03"):
    show("inet_ntop6(%r)" % packed, lambda: socket.inet_ntop(socket.AF_INET6, packed))
show("inet_ntop(4, short)", lambda: socket.inet_ntop(socket.AF_INET, b"\x01"))
show("inet_ntop(6, short)", lambda: socket.inet_ntop(socket.AF_INET6, b"\x01"))
show("inet_ntop(bad family)", lambda: socket.inet_ntop(99, b"\x01\x02\x03\x04"))

show("getaddrinfo v4", lambda: socket.getaddrinfo("127.0.0.1", 80))
show("getaddrinfo v4 stream", lambda: socket.getaddrinfo("10.0.0.1", "8080", type=socket.SOCK_STREAM))
show("getaddrinfo v6", lambda: socket.getaddrinfo("::1", None, proto=socket.IPPROTO_UDP))
show("getaddrinfo v6 long", lambda: socket.getaddrinfo("0:0::1", 1, socket.AF_INET6))
show("getaddrinfo family clash", lambda: socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET6))
show("getaddrinfo numeric only", lambda: socket.getaddrinfo("some.host", 80, flags=socket.AI_NUMERICHOST))
show("getaddrinfo service", lambda: socket.getaddrinfo("127.0.0.1", "nosuchservice"))

a, b = socket.socketpair()
a.sendall(b"ping")
print(b.recv(10), a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM)
a.close()
b.close()
