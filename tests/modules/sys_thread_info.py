# sys.thread_info and the shapes of sys's structseqs (only what does not
# depend on the machine: the glibc version of thread_info is left out).
import sys

ti = sys.thread_info
print(type(ti).__name__, len(ti), ti.name, ti.lock, type(ti.version).__name__, ti[0])
print(type(sys.flags).__name__, len(sys.flags), sys.flags.optimize, sys.flags[0])
print(type(sys.float_info).__name__, len(sys.float_info), sys.float_info.mant_dig)
print(type(sys.int_info).__name__, len(sys.int_info), sys.int_info.bits_per_digit)
print(type(sys.hash_info).__name__, len(sys.hash_info), sys.hash_info.modulus)
print(sys._base_executable == sys.executable or sys._base_executable is not None)
