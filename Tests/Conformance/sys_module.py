# The sys module: argv, stdout/stderr writes, recursion limit.
import sys
print(len(sys.argv), type(sys.argv).__name__, isinstance(sys.argv[0], str))
sys.stdout.write('written with sys.stdout.write\n')
sys.stdout.write('no newline, ')
sys.stdout.write('then newline\n')
n = sys.stdout.write('abc\n')
print('write returned', n)
print('to stderr', file=sys.stderr)
sys.stderr.write('raw stderr line\n')
print('to stdout explicitly', file=sys.stdout)
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(1500))
sys.setrecursionlimit(old)
def runaway(n):
    return runaway(n + 1)
try:
    runaway(0)
except RecursionError:
    print('RecursionError caught')
print(depth(500))
lines = ['alpha', 'beta', 'gamma']
for line in lines:
    sys.stdout.write(line.upper() + '\n')
print('end of sys test', end='\n')
