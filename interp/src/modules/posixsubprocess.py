# `_posixsubprocess`: fork_exec, whose child (descriptors, cwd, session,
# preexec_fn, exec) is posix._fork_exec, written in Rust.
import posix as _posix


def fork_exec(args, executable_list, close_fds, fds_to_keep, cwd, env,
              p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,
              errpipe_read, errpipe_write, restore_signals, call_setsid, preexec_fn):
    if close_fds and errpipe_write < 3:
        raise ValueError("errpipe_write must be >= 3")
    args = None if args is None else [_posix._fsencode(a) for a in args]
    if args is None:
        args = [executable_list[0]]
    executables = [_posix._fsencode(e) for e in executable_list]
    cwd = None if cwd is None else _posix._fsencode(cwd)
    env = None if env is None else [_posix._fsencode(e) for e in env]
    child = None
    if preexec_fn is not None:
        # As CPython: with a preexec_fn the fork runs os.register_at_fork's
        # hooks, the child's ones before preexec_fn.
        def child():
            _posix._run_hooks(_posix._at_fork["after_in_child"])
            preexec_fn()
        _posix._run_hooks(reversed(_posix._at_fork["before"]))
    try:
        return _posix._fork_exec(args, executables, close_fds, tuple(sorted(fds_to_keep)), cwd,
                                 env, p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,
                                 errpipe_read, errpipe_write, restore_signals, call_setsid, child)
    finally:
        if child is not None:
            _posix._run_hooks(_posix._at_fork["after_in_parent"])
