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


getaddrinfo = gethostbyname = gethostbyname_ex = gethostbyaddr = _no_network
getnameinfo = getservbyname = getservbyport = getprotobyname = _no_network
inet_aton = inet_ntoa = inet_pton = inet_ntop = _no_network


def htons(x):
    return ((x & 0xff) << 8) | ((x >> 8) & 0xff)


ntohs = htons


def htonl(x):
    return int.from_bytes(x.to_bytes(4, "little"), "big")


ntohl = htonl
