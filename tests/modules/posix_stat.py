# stat results, the stat module's tests on them, and the other structseqs.
import os
import posix
import stat

name = "posix_stat_tmp_%d.txt" % os.getpid()
with open(name, "w") as f:
    f.write("x" * 123)
try:
    os.chmod(name, 0o640)
    st = os.stat(name)
    print(type(st).__name__, len(st), st.st_size, st[6] == st.st_size, st[0] == st.st_mode)
    print(oct(stat.S_IMODE(st.st_mode)), stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode), stat.filemode(st.st_mode))
    print(isinstance(st.st_mtime, float), isinstance(st.st_mtime_ns, int), isinstance(st[8], int))
    print(int(st.st_mtime) == st[8], st.st_mtime_ns // 10**9 == st[8], st.st_nlink, st.st_ino == st[1])
    print(st == os.stat(name), st.st_uid == os.getuid(), st.st_blksize > 0)
    print(os.lstat(name) == st, os.stat(name, follow_symlinks=False) == st)
    fd = os.open(name, os.O_RDONLY)
    print(os.fstat(fd) == st, os.isatty(fd))
    os.close(fd)
finally:
    os.remove(name)
d = os.stat(".")
print(stat.S_ISDIR(d.st_mode), stat.filemode(d.st_mode)[0])

s = os.stat_result((1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
print(s)
print(s.st_mode, s.st_size, s.st_atime, s.st_mtime, s.st_ctime, s[7:], s.st_atime_ns)
s = os.stat_result(range(10), {"st_atime": 1.5})
print(s.st_atime, s.st_mtime, tuple(s))
for bad in [(1, 2), tuple(range(20))]:
    try:
        os.stat_result(bad)
    except TypeError as e:
        print("TypeError", e)
t = os.terminal_size((80, 24))
print(t, t.columns, t.lines, t[0], tuple(t), t == (80, 24))
print(os.stat_result.n_sequence_fields, os.stat_result.n_fields, os.stat_result.n_unnamed_fields)
u = os.uname()
print(type(u).__name__, u.sysname, len(u), u[0] == u.sysname)
tm = os.times()
print(type(tm).__name__, len(tm), all(isinstance(x, float) for x in tm))
print(posix.stat is os.stat, os.getpid() == posix.getpid(), os.getppid() > 0)
print(len(os.urandom(16)), os.urandom(0), type(os.cpu_count()))
print(os.strerror(2), os.strerror(13), os.strerror(0), os.strerror(9999))
print(os.WIFEXITED(0), os.WEXITSTATUS(256), os.WIFSIGNALED(9), os.WTERMSIG(9), os.WIFSTOPPED(0x137f), os.WSTOPSIG(0x137f))
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_CREAT, os.O_EXCL, os.O_TRUNC, os.O_APPEND, os.F_OK, os.R_OK, os.W_OK, os.X_OK)
