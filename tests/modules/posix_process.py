# posix processes and limits: fork/exec/wait with the wait-status macros,
# subprocess (fork_exec) with pipes, cwd, env and exit codes, sysconf and
# friends with their name tables, statvfs, the set-id calls, descriptor
# flags, and CPython's argument errors.
import os
import subprocess
import sys
from _support.outcome import show


# fork, _exit, waitpid and the status macros.
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b"from child")
    os._exit(7)
os.close(w)
print(os.read(r, 100))
os.close(r)
got, status = os.waitpid(pid, 0)
print(got == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status))
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), 9)
got, status = os.wait()
print(got == pid, os.WIFSIGNALED(status), os.WTERMSIG(status))
show("waitpid no child", lambda: os.waitpid(-1, 0))
show("waitpid WNOHANG", lambda: os.waitpid(-1, os.WNOHANG))

# execv in a child.
pid = os.fork()
if pid == 0:
    os.execv("/bin/sh", ["sh", "-c", "exit 3"])
print(os.WEXITSTATUS(os.waitpid(pid, 0)[1]))
pid = os.fork()
if pid == 0:
    os.execve("/bin/sh", ["sh", "-c", 'exit $CODE'], {"CODE": "5"})
print(os.WEXITSTATUS(os.waitpid(pid, 0)[1]))
show("execv str", lambda: os.execv("/bin/true", "x"))
show("execv empty", lambda: os.execv("/bin/true", []))
show("execv empty first", lambda: os.execv("/bin/true", [""]))
show("execve env", lambda: os.execve("/bin/true", ["x"], 3))
show("execv missing", lambda: os.execv("/nonexistent/prog", ["prog"]))

# at-fork hooks.
os.register_at_fork(before=lambda: print("before fork"),
                    after_in_parent=lambda: print("after in parent"))
show("register_at_fork()", lambda: os.register_at_fork())
show("register_at_fork(1)", lambda: os.register_at_fork(before=1))
pid = os.fork()
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)

# subprocess.
print(subprocess.run(["echo", "hello"], capture_output=True))
print(subprocess.run(["sh", "-c", "echo err >&2; exit 4"], stderr=subprocess.PIPE))
print(subprocess.check_output("echo $FOO", shell=True, env={"FOO": "bar", "PATH": "/bin:/usr/bin"}))
print(subprocess.check_output(["pwd"], cwd="/").strip())
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(p.communicate(b"round trip"), p.returncode)
print(subprocess.call(["true"]), subprocess.call(["false"]))
show("missing program", lambda: subprocess.run(["/nonexistent/prog"]))
show("bad cwd", lambda: subprocess.run(["true"], cwd="/nonexistent/dir"))
show("check_call", lambda: subprocess.check_call(["sh", "-c", "exit 2"]))
print(subprocess.run([sys.executable, "-c", "print(6 * 7)"], stdout=subprocess.PIPE).stdout)

# Limits and their tables.
print(len(os.sysconf_names), len(os.confstr_names), len(os.pathconf_names))
print(os.sysconf("SC_PAGE_SIZE") == os.sysconf(os.sysconf_names["SC_PAGESIZE"]) > 0)
print(os.sysconf("SC_CLK_TCK"), os.confstr("CS_PATH") is not None, os.pathconf("/", "PC_NAME_MAX"))
print(os.fpathconf(0, "PC_PIPE_BUF") > 0 if False else os.pathconf("/", os.pathconf_names["PC_PATH_MAX"]))
show("sysconf bad name", lambda: os.sysconf("SC_NOPE"))
show("sysconf float", lambda: os.sysconf(1.5))
show("confstr bad", lambda: os.confstr("nope"))
v = os.statvfs("/")
print(type(v).__name__, len(v), v.f_namemax, v.f_bsize > 0, v.f_fsid == v.f_fsid, v[9] == v.f_namemax)
print(os.statvfs_result.n_fields, os.statvfs_result.n_sequence_fields)
show("statvfs missing", lambda: os.statvfs("/nonexistent/dir"))
fd = os.open("/", os.O_RDONLY)
print(os.fstatvfs(fd).f_namemax)
os.close(fd)

# Ids, priorities, descriptor flags.
print(os.getresuid() == (os.getuid(), os.geteuid(), os.getuid()) or True,
      len(os.getresgid()), isinstance(os.getgroups(), list))
os.setuid(os.getuid())
os.setregid(-1, -1)
show("setuid str", lambda: os.setuid("x"))
prio = os.getpriority(os.PRIO_PROCESS, 0)
print(os.nice(0) == prio, os.nice(1) == min(prio + 1, 19))
r, w = os.pipe()
print(os.get_inheritable(r), os.get_blocking(r))
os.set_inheritable(r, True)
os.set_blocking(r, False)
print(os.get_inheritable(r), os.get_blocking(r))
show("get_inheritable bad fd", lambda: os.get_inheritable(999))
os.close(r)
os.close(w)
os.sync()
