# Files and directories through os in a scratch directory that the script
# makes and removes.
import os
import stat

top = "os_files_tmp_%d" % os.getpid()
home = os.getcwd()
os.mkdir(top)
os.chdir(top)
try:
    os.makedirs("a/b/c")
    os.makedirs("a/b/c", exist_ok=True)
    with open("a/one.txt", "w") as f:
        f.write("hello\n")
    with open("a/b/two.bin", "wb") as f:
        f.write(b"\x00\x01\x02")
    print(sorted(os.listdir("a")), sorted(os.listdir(b"a")))
    with os.scandir("a") as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        print(e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(), e.stat().st_size if e.is_file() else "-", os.fspath(e), repr(e))
    for root, dirs, files in os.walk("a"):
        dirs.sort()
        print("walk", root, dirs, sorted(files))
    for root, dirs, files in os.walk("a", topdown=False):
        print("walk up", root, sorted(dirs), sorted(files))

    fd = os.open("raw.dat", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    print(os.write(fd, b"abcdef"), os.write(fd, bytearray(b"gh")))
    os.close(fd)
    fd = os.open("raw.dat", os.O_RDONLY)
    print(os.read(fd, 3), os.lseek(fd, 1, os.SEEK_SET), os.read(fd, 100), os.read(fd, 10))
    print(os.lseek(fd, -2, os.SEEK_END), os.read(fd, 5), stat.S_ISREG(os.fstat(fd).st_mode))
    os.close(fd)
    fd = os.open("raw.dat", os.O_WRONLY | os.O_APPEND)
    os.write(fd, b"!")
    os.close(fd)
    with open("raw.dat", "rb") as f:
        print(f.read())
    try:
        os.open("raw.dat", os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    except FileExistsError as e:
        print("FileExistsError", e, e.errno, e.filename)
    try:
        os.close(fd)
    except OSError as e:
        print(type(e).__name__, e)

    os.utime("raw.dat", (1000000000, 1500000000.25))
    st = os.stat("raw.dat")
    print(st.st_atime, st.st_mtime, st.st_atime_ns, st.st_mtime_ns)
    os.utime("raw.dat", ns=(5, 2 * 10**9 + 7))
    print(os.stat("raw.dat").st_atime_ns, os.stat("raw.dat").st_mtime_ns)
    os.utime("raw.dat")
    print(os.stat("raw.dat").st_mtime > 1600000000)
    r, w = os.pipe()
    print(os.write(w, b"through the pipe"))
    os.close(w)
    print(os.read(r, 100), os.read(r, 100))
    os.close(r)
    os.rename("raw.dat", "renamed.dat")
    os.replace("renamed.dat", "a/replaced.dat")
    print(sorted(os.listdir("a")), os.path.exists("raw.dat"))
    os.remove("a/replaced.dat")
    os.unlink("a/one.txt")
    for bad in [lambda: os.remove("missing.txt"), lambda: os.rmdir("a"), lambda: os.mkdir("a"),
                lambda: os.listdir("missing_dir"), lambda: os.rename("missing", "other"),
                lambda: os.stat("missing"), lambda: os.chdir("missing"), lambda: open("a", "r"),
                lambda: os.rmdir("a/b/two.bin"), lambda: os.listdir("a/b/two.bin")]:
        try:
            bad()
        except OSError as e:
            print(type(e).__name__, e.errno, e.strerror, e.filename, e.filename2, "|", e)
    os.symlink("a/b", "link")
    print(os.path.islink("link"), os.readlink("link"), os.path.isdir("link"), os.lstat("link").st_mode & 0o170000 == stat.S_IFLNK)
    with os.scandir(".") as it:
        for e in sorted(it, key=lambda e: e.name):
            print(e.name, e.path, e.is_dir(), e.is_dir(follow_symlinks=False), e.is_symlink())
    os.remove("link")
    os.remove("a/b/two.bin")
    os.removedirs("a/b/c")
    print(os.listdir("."), os.access(".", os.W_OK), os.access("missing", os.F_OK))
finally:
    os.chdir(home)
    for root, dirs, files in os.walk(top, topdown=False):
        for name in files:
            os.remove(os.path.join(root, name))
        for name in dirs:
            path = os.path.join(root, name)
            if os.path.islink(path):
                os.remove(path)
            else:
                os.rmdir(path)
    os.rmdir(top)
print(os.path.exists(top))
