# posix's remaining calls: readv/writev, preadv/pwritev, pread/pwrite,
# sendfile, copy_file_range, dup2 with inheritable, pipe2, mkfifo/mknod,
# wait3/wait4/waitid, the scheduler calls, extended attributes (where the
# file system has them), openpty/forkpty, posix_spawn/posix_spawnp,
# subprocess's preexec_fn, resource limits; and their argument errors.
# Only what is the same on every machine is printed.
import os
import resource
import shutil
import stat
import subprocess
import sys
import tempfile
from _support.outcome import show

tmp = tempfile.mkdtemp()
home = os.getcwd()
os.chdir(tmp)
path = "data"

# Vector and positioned I/O.
fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC)
print(os.writev(fd, [b"hello ", bytearray(b"vector "), memoryview(b"world")]))
print(os.pwritev(fd, [b"HE", b"LLO"], 0))
os.lseek(fd, 0, 0)
a, b = bytearray(3), bytearray(20)
print(os.readv(fd, [a, b]), bytes(a), bytes(b))
c, d = bytearray(4), bytearray(4)
print(os.preadv(fd, [c, d], 6), c, d)
print(os.pread(fd, 5, 13), os.pwrite(fd, b"W", 13), os.pread(fd, 5, 13))
show("writev not seq", lambda: os.writev(fd, 3))
show("writev not bytes", lambda: os.writev(fd, ["str"]))
show("readv closed", lambda: os.readv(9999, [bytearray(1)]))
os.close(fd)

# sendfile and copy_file_range.
src = os.open(path, os.O_RDONLY)
copy = "copy"
dst = os.open(copy, os.O_WRONLY | os.O_CREAT)
print(os.sendfile(dst, src, 6, 6), os.sendfile(dst, src, None, 5))
os.close(dst)
with open(copy, "rb") as f:
    print(f.read())
dst = os.open(copy, os.O_WRONLY | os.O_TRUNC)
try:
    n = os.copy_file_range(src, dst, 5, 0)
except OSError:
    n = os.write(dst, os.pread(src, 5, 0))
print(n)
os.close(dst)
os.close(src)
show("copy_file_range negative", lambda: os.copy_file_range(0, 1, -1))

# dup2 and pipe2.
r, w = os.pipe2(os.O_CLOEXEC)
print(os.get_inheritable(r), os.get_inheritable(w))
r2, w2 = os.pipe2(os.O_NONBLOCK)
print(os.get_blocking(r2), os.get_inheritable(r2))
show("read empty nonblocking", lambda: os.read(r2, 1))
print(os.dup2(w, w2) == w2, os.get_inheritable(w2))
os.write(w2, b"via dup2")
print(os.read(r, 100))
print(os.dup2(w, w2, inheritable=False) == w2, os.get_inheritable(w2))
for fd in (r, w, r2, w2):
    os.close(fd)
show("dup2 bad", lambda: os.dup2(9999, 9998))

# mkfifo and mknod.
fifo = "fifo"
os.mkfifo(fifo, 0o600)
print(stat.S_ISFIFO(os.stat(fifo).st_mode), oct(stat.S_IMODE(os.stat(fifo).st_mode)))
show("mkfifo exists", lambda: os.mkfifo(fifo))
node = "node"
os.mknod(node, 0o600 | stat.S_IFREG)
print(stat.S_ISREG(os.stat(node).st_mode))
dfd = os.open(tmp, os.O_RDONLY)
os.mkfifo("fifo2", dir_fd=dfd)
os.close(dfd)
print(sorted(os.listdir(tmp)))

# wait3, wait4, waitid.
pid = os.fork()
if pid == 0:
    os._exit(3)
got, status, usage = os.wait4(pid, 0)
print(got == pid, os.WEXITSTATUS(status), type(usage).__name__, len(usage),
      usage.ru_utime >= 0, isinstance(usage.ru_maxrss, int))
pid = os.fork()
if pid == 0:
    os._exit(4)
got, status, usage = os.wait3(0)
print(got == pid, os.WEXITSTATUS(status))
pid = os.fork()
if pid == 0:
    os._exit(5)
info = os.waitid(os.P_PID, pid, os.WEXITED)
print(info.si_pid == pid, info.si_status, info.si_code == os.CLD_EXITED, info.si_signo)
print(type(info).__name__, len(info))
show("waitid none", lambda: os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG))
show("wait4 no child", lambda: os.wait4(-1, 0))

# The scheduler.
print(os.sched_yield())
print(os.sched_get_priority_min(os.SCHED_OTHER), os.sched_get_priority_max(os.SCHED_OTHER))
print(os.sched_get_priority_max(os.SCHED_FIFO) > 0)
print(os.sched_getscheduler(0) in (os.SCHED_OTHER, os.SCHED_BATCH, os.SCHED_IDLE))
print(os.sched_getparam(0), os.sched_param(5).sched_priority, os.sched_param(sched_priority=3))
print(isinstance(os.sched_rr_get_interval(0), float))
cpus = os.sched_getaffinity(0)
print(type(cpus).__name__, len(cpus) >= 1)
os.sched_setaffinity(0, cpus)
print(os.sched_getaffinity(0) == cpus)
show("setaffinity negative", lambda: os.sched_setaffinity(0, [-1]))
show("setaffinity str", lambda: os.sched_setaffinity(0, ["a"]))
show("setparam bad", lambda: os.sched_setparam(0, 5))
show("getparam no process", lambda: os.sched_getparam(-5))

# Extended attributes. Whether the temporary directory has them depends
# on the machine, so only agreement with what the calls promise is shown.
try:
    os.setxattr(path, "user.tachyon", b"value")
except OSError as e:
    checks = [e.errno in (1, 95)]
else:
    fd = os.open(path, os.O_RDONLY)
    checks = [os.getxattr(path, "user.tachyon") == b"value",
              "user.tachyon" in os.listxattr(path),
              os.getxattr(fd, b"user.tachyon") == b"value"]
    os.close(fd)
    try:
        os.setxattr(path, "user.tachyon", b"v", os.XATTR_CREATE)
    except FileExistsError:
        checks.append(True)
    os.removexattr(path, "user.tachyon")
    checks.append("user.tachyon" not in os.listxattr(path))
    try:
        os.getxattr(path, "user.missing")
    except OSError as e:
        checks.append(e.errno == 61 and e.filename == path)
print("xattr", all(checks), type(os.listxattr(".")).__name__)
show("getxattr no file", lambda: os.getxattr("missing", "user.x"))
show("setxattr no file", lambda: os.setxattr("missing", "user.x", b"", follow_symlinks=False))

# Pseudo-terminals.
master, slave = os.openpty()
print(os.isatty(slave), os.get_inheritable(master), os.ttyname(slave).startswith("/dev/pts/"))
os.write(slave, b"to master\n")
print(os.read(master, 100).replace(b"\r", b""))
os.close(master)
os.close(slave)
pid, fd = os.forkpty()
if pid == 0:
    os.write(1, b"child on tty: %d\n" % os.isatty(0))
    os._exit(0)
out = b""
while True:
    try:
        chunk = os.read(fd, 100)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
os.waitpid(pid, 0)
os.close(fd)
print(out.replace(b"\r", b""))

# posix_spawn and posix_spawnp.
env = {"PATH": os.environ.get("PATH", "/bin:/usr/bin"), "CODE": "6"}
pid = os.posix_spawn("/bin/sh", ["sh", "-c", "exit $CODE"], env)
print(os.WEXITSTATUS(os.waitpid(pid, 0)[1]))
out_path = "spawned"
actions = [(os.POSIX_SPAWN_OPEN, 1, out_path, os.O_WRONLY | os.O_CREAT, 0o600),
           (os.POSIX_SPAWN_DUP2, 1, 2), (os.POSIX_SPAWN_CLOSE, 0)]
pid = os.posix_spawnp("sh", ["sh", "-c", "echo spawned; echo err >&2"], env,
                      file_actions=actions, setpgroup=0)
print(os.WEXITSTATUS(os.waitpid(pid, 0)[1]))
with open(out_path) as f:
    print(repr(f.read()))
show("spawn missing", lambda: os.posix_spawn("/nonexistent/x", ["x"], env))
show("spawnp missing", lambda: os.posix_spawnp("no-such-program-here", ["x"], env))
show("spawn bad action", lambda: os.posix_spawn("/bin/true", ["true"], env, file_actions=[(9,)]))
show("spawn bad env", lambda: os.posix_spawn("/bin/true", ["true"], None))

# subprocess's preexec_fn runs in the child before exec.
out = subprocess.run(["sh", "-c", "echo $TACHYON_PREEXEC"], stdout=subprocess.PIPE,
                     preexec_fn=lambda: os.environ.__setitem__("TACHYON_PREEXEC", "set"))
print(out.stdout)
print(os.environ.get("TACHYON_PREEXEC"))
out = subprocess.run(["pwd"], stdout=subprocess.PIPE, preexec_fn=lambda: os.chdir(".."))
print(out.stdout.decode().strip() == os.path.dirname(os.path.realpath(tmp)))


def fails():
    raise ValueError("in the child")


show("preexec raises", lambda: subprocess.run(["true"], preexec_fn=fails))

# resource.
usage = resource.getrusage(resource.RUSAGE_SELF)
print(type(usage).__name__, len(usage), usage.ru_utime >= 0, repr(usage)[:30])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
print(resource.getrlimit(resource.RLIMIT_NOFILE) == (soft, hard), resource.RLIM_INFINITY)
print(resource.getpagesize() > 0)
show("getrusage bad", lambda: resource.getrusage(5))
show("getrlimit bad", lambda: resource.getrlimit(99))
show("setrlimit bad", lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (1,)))

os.chdir(home)
shutil.rmtree(tmp)
