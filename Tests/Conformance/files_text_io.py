# open() on text files (write, append, read, readline, iteration), plus \ line continuation.
import os.path
import sys
path = '/tmp/hps_conformance_' + os.path.basename(sys.argv[0]) + '.txt'
f = open(path, 'w')
n = f.write('first line\n')
f.write('second line\n')
f.write('caf\u00e9 \u4e16\u754c\n')
f.close()
print('wrote', n, 'characters first')
f = open(path)
text = f.read()
f.close()
print(repr(text), len(text), text.count('\n'))
f = open(path, 'a')
for i in range(3):
    f.write(f'appended {i}\n')
f.close()
f = open(path, 'r')
print(repr(f.readline()), repr(f.readline()))
rest = f.readlines()
f.close()
print(rest)
f = open(path)
for number, line in enumerate(f, 1):
    print(number, line.rstrip('\n'), len(line))
f.close()
f = open(path)
lines = f.read().splitlines()
f.close()
print(lines, len(lines))
print(os.path.exists(path), os.path.isfile(path), os.path.basename(path).startswith('hps_conformance_'))
total = 1 + \
    2 + \
    3
print('continued total', total)
message = 'a long ' \
    'string continued'
print(message)
if total > 5 and \
        message:
    print('continuation inside a condition')
values = [1,
          2,
          3]
mapping = {'a': 1,
           'b': 2}
print(values, mapping, sum(values) + \
      mapping['b'])
print('append' in dir([]), 'upper' in dir('x'), 'keys' in dir({}))
try:
    import a_module_that_does_not_exist_q
except ImportError as e:
    print('ImportError:', e)
try:
    open('/tmp/definitely/missing/dir/file.txt')
except OSError as e:
    print('OSError raised:', type(e).__name__)
f = open(path, 'w')
f.write('')
f.close()
f = open(path)
print(repr(f.read()), repr(f.readline()))
f.close()
