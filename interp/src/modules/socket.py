# `_socket` for tachyon: the constants and classes that `socket`, `asyncio`
# and `unittest` need, and connected pairs of Unix stream sockets over the
# native `_pair`, `_send`, `_recv`, ... of this module (socket.rs). Any
# other socket says that tachyon has no network support yet.

AF_UNSPEC = 0
AF_UNIX = 1
AF_INET = 2
AF_INET6 = 10
AF_NETLINK = 16
AF_PACKET = 17
SOCK_STREAM = 1
SOCK_DGRAM = 2
SOCK_RAW = 3
SOCK_RDM = 4
SOCK_SEQPACKET = 5
SOCK_NONBLOCK = 2048
SOCK_CLOEXEC = 524288
SOL_SOCKET = 1
SOL_IP = 0
SOL_TCP = 6
SOL_UDP = 17
SO_DEBUG = 1
SO_REUSEADDR = 2
SO_TYPE = 3
SO_ERROR = 4
SO_BROADCAST = 6
SO_SNDBUF = 7
SO_RCVBUF = 8
SO_KEEPALIVE = 9
SO_LINGER = 13
SO_REUSEPORT = 15
SO_RCVTIMEO = 20
SO_SNDTIMEO = 21
SOMAXCONN = 4096
IPPROTO_IP = 0
IPPROTO_ICMP = 1
IPPROTO_TCP = 6
IPPROTO_UDP = 17
IPPROTO_IPV6 = 41
IPPROTO_RAW = 255
IPV6_V6ONLY = 26
TCP_NODELAY = 1
TCP_MAXSEG = 2
TCP_KEEPIDLE = 4
TCP_KEEPINTVL = 5
TCP_KEEPCNT = 6
MSG_OOB = 1
MSG_PEEK = 2
MSG_DONTROUTE = 4
MSG_CTRUNC = 8
MSG_TRUNC = 32
MSG_DONTWAIT = 64
MSG_EOR = 128
MSG_WAITALL = 256
MSG_NOSIGNAL = 16384
AI_PASSIVE = 1
AI_CANONNAME = 2
AI_NUMERICHOST = 4
AI_V4MAPPED = 8
AI_ALL = 16
AI_ADDRCONFIG = 32
AI_NUMERICSERV = 1024
NI_NUMERICHOST = 1
NI_NUMERICSERV = 2
NI_NOFQDN = 4
NI_NAMEREQD = 8
NI_DGRAM = 16
NI_MAXHOST = 1025
NI_MAXSERV = 32
SHUT_RD = 0
SHUT_WR = 1
SHUT_RDWR = 2
INADDR_ANY = 0
INADDR_LOOPBACK = 2130706433
EAI_NONAME = -2
EAI_AGAIN = -3
has_ipv6 = True

error = OSError


class herror(OSError):
    pass


class gaierror(OSError):
    pass


class timeout(OSError):
    pass


for _cls in (herror, gaierror, timeout):
    _cls.__module__ = "socket"
del _cls

_default_timeout = None


def getdefaulttimeout():
    return _default_timeout


def setdefaulttimeout(timeout):
    global _default_timeout
    if timeout is not None and timeout < 0:
        raise ValueError("Timeout value out of range")
    _default_timeout = None if timeout is None else float(timeout)


def _no_network(*args, **kwargs):
    raise OSError("tachyon has no network support yet")


class socket:
    """A socket: one end of a Unix socket pair (tachyon has no networking)."""

    __module__ = "_socket"
    # CPython's _socket.socket has no weakref list: socket.socket adds one
    # in its __slots__, which a __weakref__ here would refuse.
    __slots__ = ("__dict__",)

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            _no_network()
        if not isinstance(fileno, int):
            raise TypeError("an integer is required (got type %s)" % fileno.__class__.__name__)
        if fileno < 0:
            raise ValueError("negative file descriptor")
        self._fd = fileno
        self._family = AF_UNIX if family == -1 else family
        self._type = SOCK_STREAM if type == -1 else type
        self._proto = 0 if proto == -1 else proto
        self._timeout = None
        if _default_timeout is not None:
            self.settimeout(_default_timeout)

    family = property(lambda self: self._family)
    type = property(lambda self: self._type)
    proto = property(lambda self: self._proto)
    timeout = property(lambda self: self._timeout)

    def fileno(self):
        return self._fd

    def detach(self):
        fd, self._fd = self._fd, -1
        return fd

    def close(self):
        fd, self._fd = self._fd, -1
        if fd >= 0:
            _close(fd)

    def __repr__(self):
        return "<socket object, fd=%d, family=%d, type=%d, proto=%d>" % (
            self._fd, self._family, self._type, self._proto)

    def _check(self):
        if self._fd < 0:
            raise OSError(9, "Bad file descriptor")
        return self._fd

    def gettimeout(self):
        return self._timeout

    def settimeout(self, value):
        if value is not None:
            value = float(value)
            if value < 0:
                raise ValueError("Timeout value out of range")
        _set_timeout(self._check(), value)
        self._timeout = value

    def setblocking(self, flag):
        self.settimeout(None if flag else 0.0)

    def getblocking(self):
        return self._timeout != 0.0

    def _io(self, op, *args):
        try:
            return op(self._check(), *args)
        except BlockingIOError:
            if self._timeout:
                raise timeout("timed out") from None
            raise

    def send(self, data, flags=0):
        return self._io(_send, data)

    def sendall(self, data, flags=0):
        view = bytes(data)
        while view:
            view = view[self.send(view):]

    def recv(self, bufsize, flags=0):
        return self._io(_recv, bufsize)

    def recv_into(self, buffer, nbytes=0, flags=0):
        data = self.recv(nbytes or len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def shutdown(self, how):
        _shutdown(self._check(), how)

    def getsockname(self):
        self._check()
        return ""

    def getpeername(self):
        self._check()
        return ""

    def setsockopt(self, *args):
        self._check()

    def getsockopt(self, level, option, buflen=None):
        self._check()
        if level == SOL_SOCKET and option == SO_ERROR:
            return 0
        if level == SOL_SOCKET and option == SO_TYPE:
            return self._type
        raise OSError(92, "Protocol not available")


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    if family != AF_UNIX or type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC) != SOCK_STREAM:
        raise OSError("tachyon makes only AF_UNIX SOCK_STREAM socket pairs")
    a, b = _pair()
    a, b = socket(family, type, proto, a), socket(family, type, proto, b)
    if type & SOCK_NONBLOCK:
        a.setblocking(False)
        b.setblocking(False)
    return a, b


SocketType = socket


def gethostname():
    try:
        with open("/proc/sys/kernel/hostname") as f:
            return f.read().strip()
    except OSError:
        return "localhost"


gethostbyname = gethostbyname_ex = gethostbyaddr = _no_network
getnameinfo = getservbyname = getservbyport = getprotobyname = _no_network


def _int_arg(x, name):
    if isinstance(x, float):
        raise TypeError("integer argument expected, got float")
    if not isinstance(x, int):
        raise TypeError("an integer is required (got type %s)" % type(x).__name__)
    return x


def _swap16(x, name):
    x = _int_arg(x, name)
    if x < 0:
        raise OverflowError(name + ": can't convert negative Python int to C 16-bit unsigned integer")
    if x > 0x7fffffff:
        raise OverflowError("signed integer is greater than maximum")
    if x > 0xffff:
        import warnings
        warnings.warn(name + ": Python int too large to convert to C 16-bit unsigned integer"
                      " (The silent truncation is deprecated)", DeprecationWarning, stacklevel=3)
        x &= 0xffff
    return ((x & 0xff) << 8) | (x >> 8)


def _swap32(x, name):
    if not isinstance(x, int):
        raise TypeError("expected int, %s found" % type(x).__name__)
    if x < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if x > 0xffffffff:
        raise OverflowError("int larger than 32 bits")
    return int.from_bytes(x.to_bytes(4, "little"), "big")


def htons(x):
    return _swap16(x, "htons")


def ntohs(x):
    return _swap16(x, "ntohs")


def htonl(x):
    return _swap32(x, "htonl")


def ntohl(x):
    return _swap32(x, "ntohl")


def _str_arg(func, value):
    if not isinstance(value, str):
        raise TypeError("%s() argument 1 must be str, not %s" % (func, type(value).__name__))
    return value


def _classic_ipv4(text):
    """inet_aton's parts: a, a.b, a.b.c or a.b.c.d in decimal, octal or hex."""
    parts = text.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    values = []
    for part in parts:
        base = 10
        digits = part
        if part[:2].lower() == "0x":
            base, digits = 16, part[2:]
        elif part[:1] == "0" and len(part) > 1:
            base, digits = 8, part[1:]
        if base == 16 and digits == "":
            values.append(0)
            continue
        try:
            values.append(int(digits, base) if digits.isalnum() and digits.isascii() else None)
        except ValueError:
            return None
        if values[-1] is None:
            return None
    last_bits = 32 - 8 * (len(values) - 1)
    if any(v > 255 for v in values[:-1]) or values[-1] >= 1 << last_bits:
        return None
    n = values[-1]
    for i, v in enumerate(values[:-1]):
        n |= v << (24 - 8 * i)
    return n.to_bytes(4, "big")


def inet_aton(string):
    packed = _classic_ipv4(_str_arg("inet_aton", string).rstrip(" \t\n").split(" ")[0]) \
        if string.strip() else None
    if packed is None:
        raise OSError("illegal IP address string passed to inet_aton")
    return packed


def _buffer(value):
    if isinstance(value, str) or not hasattr(type(value), "__len__"):
        raise TypeError("a bytes-like object is required, not '%s'" % type(value).__name__)
    return bytes(value)


def inet_ntoa(packed_ip):
    packed = _buffer(packed_ip)
    if len(packed) != 4:
        raise OSError("packed IP wrong length for inet_ntoa")
    return "%d.%d.%d.%d" % tuple(packed)


def _pton4(text):
    parts = text.split(".")
    if len(parts) != 4:
        return None
    out = []
    for p in parts:
        if not (p.isdigit() and p.isascii()) or len(p) > 3 or (len(p) > 1 and p[0] == "0"):
            return None
        if int(p) > 255:
            return None
        out.append(int(p))
    return bytes(out)


def _pton6(text):
    if text.count("::") > 1:
        return None
    head, sep, tail = text.partition("::")

    def words(part, allow_v4):
        if not part:
            return []
        out = []
        pieces = part.split(":")
        for i, piece in enumerate(pieces):
            if allow_v4 and i == len(pieces) - 1 and "." in piece:
                v4 = _pton4(piece)
                if v4 is None:
                    return None
                out += [v4[0] << 8 | v4[1], v4[2] << 8 | v4[3]]
            elif 1 <= len(piece) <= 4 and all(c in "0123456789abcdefABCDEF" for c in piece):
                out.append(int(piece, 16))
            else:
                return None
        return out

    first = words(head, not sep)
    last = words(tail, True) if sep else []
    if first is None or last is None:
        return None
    if sep:
        if len(first) + len(last) > 7:
            return None
        full = first + [0] * (8 - len(first) - len(last)) + last
    else:
        full = first
    if len(full) != 8:
        return None
    return b"".join(w.to_bytes(2, "big") for w in full)


def inet_pton(address_family, ip_string):
    _int_arg(address_family, "inet_pton")
    text = _str_arg("inet_pton", ip_string)
    if address_family == AF_INET:
        packed = _pton4(text)
    elif address_family == AF_INET6:
        packed = _pton6(text)
    else:
        raise OSError(97, "Address family not supported by protocol")
    if packed is None:
        raise OSError("illegal IP address string passed to inet_pton")
    return packed


def _ntop6(packed):
    words = [packed[i] << 8 | packed[i + 1] for i in range(0, 16, 2)]
    # glibc: the longest run of two or more zero words becomes "::".
    best_at, best_len, at = -1, 0, None
    for i in range(9):
        if i < 8 and words[i] == 0:
            if at is None:
                at = i
        elif at is not None:
            if i - at > best_len:
                best_at, best_len = at, i - at
            at = None
    if best_len < 2:
        best_at = -1
    out = ""
    i = 0
    while i < 8:
        if i == best_at:
            out += "::" if i == 0 else ":"
            i += best_len
            continue
        if i == 6 and best_at == 0 and (best_len == 6 or (best_len == 5 and words[5] == 0xffff)):
            out += "%d.%d.%d.%d" % tuple(packed[12:])
            break
        out += "%x" % words[i]
        if i < 7:
            out += ":"
        i += 1
    return out


def inet_ntop(address_family, packed_ip):
    _int_arg(address_family, "inet_ntop")
    packed = _buffer(packed_ip)
    if address_family == AF_INET:
        if len(packed) != 4:
            raise ValueError("invalid length of packed IP address string")
        return "%d.%d.%d.%d" % tuple(packed)
    if address_family == AF_INET6:
        if len(packed) != 16:
            raise ValueError("invalid length of packed IP address string")
        return _ntop6(packed)
    raise ValueError("unknown address family %d" % address_family)


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """Numeric hosts only: tachyon has no name resolution."""
    if isinstance(host, bytes):
        host = host.decode("idna")
    if isinstance(port, bytes):
        port = port.decode()
    if port is None:
        port = 0
    elif isinstance(port, str):
        if not port.isdigit():
            raise gaierror(-8, "Servname not supported for ai_socktype")
        port = int(port)
    elif not isinstance(port, int):
        raise OSError("Int or String expected")
    if host is None:
        host = "0.0.0.0" if flags & AI_PASSIVE else "127.0.0.1"
    if _pton4(host) is not None and family in (AF_UNSPEC, AF_INET):
        family, address = AF_INET, (host, port)
    elif ":" in host and _pton6(host) is not None and family in (AF_UNSPEC, AF_INET6):
        family, address = AF_INET6, (_ntop6(_pton6(host)), port, 0, 0)
    elif _pton4(host) is not None or (":" in host and _pton6(host) is not None):
        raise gaierror(-9, "Address family for hostname not supported")
    elif flags & AI_NUMERICHOST:
        raise gaierror(-2, "Name or service not known")
    else:
        return _no_network()
    kinds = [(SOCK_STREAM, IPPROTO_TCP), (SOCK_DGRAM, IPPROTO_UDP), (SOCK_RAW, 0)]
    out = []
    for kind, protocol in kinds:
        if (type and kind != type) or (proto and protocol != proto):
            continue
        out.append((family, kind, protocol, "", address))
    if not out and type:
        raise gaierror(-7, "ai_socktype not supported")
    return out


def close(fd):
    import posix
    posix.close(fd.__index__())


def dup(fd):
    import posix
    return posix.dup(fd.__index__())


def _interfaces():
    import posix
    found = []
    for name in posix.listdir("/sys/class/net"):
        try:
            with open("/sys/class/net/%s/ifindex" % name) as f:
                found.append((int(f.read()), name))
        except (OSError, ValueError):
            pass
    return sorted(found)


def if_nameindex():
    return _interfaces()


def if_nametoindex(oname):
    if not isinstance(oname, (str, bytes)):
        raise TypeError("expected str, bytes or os.PathLike object, not %s" % type(oname).__name__)
    name = oname.decode() if isinstance(oname, bytes) else oname
    for index, found in _interfaces():
        if found == name:
            return index
    raise OSError("no interface with this name")


def if_indextoname(index):
    if not isinstance(index, int):
        raise TypeError("an integer is required (got type %s)" % type(index).__name__)
    for found, name in _interfaces():
        if found == index:
            return name
    raise OSError(6, "No such device or address")
