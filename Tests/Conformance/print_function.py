# print(): sep, end, several arguments, no arguments, file=, and how each value prints.
import sys
print()
print('a', 'b', 'c')
print('a', 'b', 'c', sep='')
print('a', 'b', 'c', sep=', ')
print('a', 'b', sep='\n')
print('no newline', end='')
print(' <- continued')
print('custom end', end='!\n')
print(1, 2.5, None, True, [1], (2,), {'k': 'v'}, 'str')
print('x', end=' ')
print('y', end=' ')
print('z')
print(*[1, 2, 3])
print(*'abc', sep='-')
print(*range(5), sep=' | ', end=' END\n')
print('multiple', 'args', 'with', 'none', None, sep=None)
print('sep None end None', end=None)
print('', '', sep='x')
print([], {}, (), '', sep='|')
print('to stdout', file=sys.stdout)
print('to stderr (not compared)', file=sys.stderr)
for i in range(3):
    print(i, end=', ' if i < 2 else '\n')
values = [3.0, 2.5e-8, 1e16, 'text', "quote's", ['nested', ('t',)]]
for v in values:
    print(v)
print(values)
print('%d items' % len(values), f'{len(values)} items', '{} items'.format(len(values)))
print('unicode: caf\u00e9, \u4e16\u754c, \U0001f600')
print('tab\tseparated', 'back\\slash')
print('line1\nline2')
class Shown:
    def __str__(self):
        return 'Shown.__str__'
    def __repr__(self):
        return 'Shown.__repr__'
print(Shown(), [Shown()], (Shown(),), {'s': Shown()})
print(str(Shown()), repr(Shown()))
total = 0
for n in range(1, 6):
    total += n
    print(f'{n:>2}: running total {total:>3}')
print('=' * 30)
print('done', flush=True)
