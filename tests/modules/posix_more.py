# More of posix for batch jobs: constants, fsync/fdatasync, truncate and
# ftruncate, pread/pwrite, dup, fchmod, chown to oneself, system, device
# numbers, load average, CPU affinity, process groups.
import os
import posix
import stat
import tempfile

print(posix.EX_USAGE, posix.O_PATH, posix.SEEK_HOLE, posix.P_PID, posix.RTLD_NOW,
      posix.ST_RDONLY, posix.WEXITED, posix.SCHED_OTHER, posix.PRIO_USER, posix.F_TLOCK)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "data.bin")
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    print(os.write(fd, b"0123456789"))
    os.fsync(fd)
    os.fdatasync(fd)
    print(os.pread(fd, 4, 3), os.pread(fd, 100, 8), os.pread(fd, 5, 50))
    print(os.pwrite(fd, b"AB", 2), os.pread(fd, 10, 0))
    os.ftruncate(fd, 5)
    print(os.fstat(fd).st_size, os.pread(fd, 10, 0))
    fd2 = os.dup(fd)
    print(fd2 != fd, os.get_inheritable(fd2) if hasattr(os, "get_inheritable") else False)
    os.lseek(fd2, 0, os.SEEK_SET)
    print(os.read(fd2, 3))
    os.close(fd2)
    os.fchmod(fd, 0o600)
    print(oct(stat.S_IMODE(os.stat(path).st_mode)))
    os.fchown(fd, -1, -1)
    os.close(fd)
    os.truncate(path, 2)
    with open(path, "rb") as f:
        print(f.read())
    with open(path, "r+b") as f:
        os.fsync(f)
        os.ftruncate(f.fileno(), 1)
    print(os.path.getsize(path))
    os.chown(path, os.getuid(), os.getgid())
    os.lchown(path, -1, -1)
    for bad in [lambda: os.ftruncate(fd, 1), lambda: os.pread(fd, 1, 0), lambda: os.fsync(fd)]:
        try:
            bad()
        except OSError as e:
            print(type(e).__name__, e.errno)
    try:
        os.truncate(os.path.join(d, "missing"), 0)
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno, os.path.basename(e.filename))
    try:
        os.fsync("x")
    except TypeError as e:
        print("TypeError", e)

print(os.system("exit 3") >> 8, os.system("true"), os.WEXITSTATUS(os.system("exit 7")))
dev = os.makedev(259, 70000)
print(dev, os.major(dev), os.minor(dev), os.makedev(8, 1), os.major(2049), os.minor(2049))
load = os.getloadavg()
print(len(load), all(isinstance(x, float) and x >= 0 for x in load))
cpus = os.sched_getaffinity(0)
print(isinstance(cpus, set), 0 < len(cpus) <= os.cpu_count())
print(os.getpgrp() == os.getpgid(0) == os.getpgid(os.getpid()), os.getsid(0) == os.getsid(os.getpid()) >= 0)
print(len(os.getrandom(8)), os.ctermid(), os.sched_yield())
