# File names that are not UTF-8 come back from the OS as str with lone
# surrogates (os.fsdecode, PEP 383) and go back to the same bytes.
import os

d = "_surrogate_paths_tmp"
if os.path.exists(d):
    for n in os.listdir(d.encode()):
        os.remove(os.path.join(d.encode(), n))
    os.rmdir(d)
os.mkdir(d)
raw = os.path.join(d.encode(), b'a\xffb')
with open(raw, 'wb') as f:
    f.write(b'x')
names = os.listdir(d)
print(repr(names), os.listdir(d.encode()))
p = os.path.join(d, names[0])
print(os.path.exists(p), os.stat(p).st_size, repr(os.fsencode(names[0])), repr(os.fsdecode(raw)))
with open(p) as f:
    print(f.read())
os.environ['SURROGATE_TEST'] = 'v\udcff'
print(repr(os.environ['SURROGATE_TEST']), os.environb[b'SURROGATE_TEST'])
os.remove(p)
os.rmdir(d)
print(os.path.exists(p), os.path.exists(d))
