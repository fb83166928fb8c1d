import sys
for src in ['1_'*2200+'1', '0'*5000, '1'*4300, '1'*4301+'.0', '1'*4301+'j', '0x'+'1'*5000, '-'+'1'*4301, '1_'*4300+'1']:
    try:
        v = eval(src); print('ok', len(src), type(v).__name__)
    except SyntaxError as e:
        print('SE', e.msg, e.lineno, e.offset, e.text)
sys.set_int_max_str_digits(0)
print(len(str(eval('1'*5000))))
sys.set_int_max_str_digits(5000)
try:
    compile('x = ' + '1'*5001, 'f', 'exec')
except SyntaxError as e:
    print('SE', e.msg, e.lineno, e.offset, e.text)
try:
    exec('if 1:\n  y = ' + '2'*6000 + '\n')
except SyntaxError as e:
    print('SE', e.msg, e.lineno, e.offset, e.text)
sys.set_int_max_str_digits(4300)
# A grammar error later in the source wins over the literal's ast-level error.
try:
    compile('x = ' + '1'*5001 + '\ny = (', 'f', 'exec')
except SyntaxError as e:
    print('SE', e.msg, e.lineno, e.offset, e.text)
