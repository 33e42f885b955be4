# Conversions between types with str(), repr(), int(), float(), bool(), list(), tuple(), dict(), set().
print(str(42), str(-0.5), str([1, 'a']), str((1,)), str({'k': None}), str(True), str(None), str('s'))
print(repr(42), repr('s'), repr("it's"), repr([None, 'x']), repr(1e20), repr(-0.0))
print(int('42'), int(' 7 '), int('-0'), int('+5'), int(3.0), int(True), int(False), int(-2.5))
print(int('101', 2), int('z', 36), int('0x10', 16), int('0x10', 0), int('010', 8), int('0', 0))
print(float('3'), float('-1.5e2'), float('inf'), float('-Infinity'), float('nan'), float(2 ** 60))
print(bool([]), bool([0]), bool(''), bool('False'), bool(0), bool(-0.0), bool(range(0)))
print(list('abc'), list((1, 2)), list({'a': 1, 'b': 2}), list(range(3)), list({3: 'x'}.items()))
print(tuple([1, 2]), tuple('ab'), tuple({'k': 'v'}), tuple(x for x in range(3)))
print(dict([('a', 1), ('b', 2)]), dict(a=1, b=2), dict(zip('xy', (7, 8))), dict([['k', 'v']]))
print(sorted(set([3, 1, 3])), sorted(set('banana')), len(set()), set() == set([]))
print(str(1) + str(2), int('1') + int('2'), float('1') + float('2'), '1' * 3, [1] * 3)
print(chr(65), ord('A'), chr(ord('a') + 1), [ord(c) for c in 'Hi!'], ''.join(chr(c) for c in [80, 121]))
print(format(255, 'x'), format(255, 'b'), format(255, 'o'), format(3.14159, '.2f'), format(1234567, ','))
print(int(format(255, 'b'), 2), int(format(255, 'x'), 16), float(format(2.5, '.3f')))
values = ['12', '3.5', 'abc', '', '  8  ', '1e3', '0x1A', '-7']
for v in values:
    try:
        print(repr(v), '->', int(v))
    except ValueError as e:
        try:
            print(repr(v), '-> float', float(v))
        except ValueError as e2:
            print(repr(v), '-> error:', e2)
print(str(12345)[::-1], int(str(12345)[::-1]), len(str(2 ** 100)))
print(list(map(int, '1 2 3'.split())), [float(x) for x in ['1', '2.5']], list(map(str, [1.0, 2])))
print(bool(1) + bool(1), int(bool('x')), str(bool(0)))
n = 1234.5678
print(int(n), round(n), round(n, 2), str(n), repr(n), f'{n:.1f}', '%.2f' % n, '{:.3}'.format(n))
print(int('-0012'), int('00'), float('-0'), float('0e0'), str(-0.0), str(0.0))
print(type(int('5')), type(float('5')), type(str(5)), type(bool(5)), type(list('5')))
for bad in ['1.5', '', 'ten', '1 2']:
    try:
        int(bad)
    except ValueError as e:
        print('int error:', e)
for bad in ['x', '1.2.3', '']:
    try:
        float(bad)
    except ValueError as e:
        print('float error:', e)
try:
    int('12', 1)
except ValueError as e:
    print('base error:', e)
