# str.format: automatic and manual numbering, keywords, indexes, attributes, conversions, specs.
print('{} {} {}'.format(1, 'two', 3.0))
print('{0} {1} {0}'.format('a', 'b'))
print('{name} is {age}'.format(name='Ann', age=31))
print('{0[0]} {0[1]} {1[key]}'.format(['x', 'y'], {'key': 'value'}))
class P:
    def __init__(self):
        self.x = 3
        self.y = 4
p = P()
print('({0.x}, {0.y})'.format(p))
print('{!r} {!s} {!a}'.format('hi', 'hi', 'caf\u00e9'))
print('{:>10}|{:<10}|{:^10}|'.format('r', 'l', 'c'))
print('{:*^11}|{:-<6}|{:0>5}'.format('mid', 'x', 42))
print('{:d} {:5d} {:<5d}| {:+d} {: d}'.format(42, 42, 42, 42, 42))
print('{:x} {:X} {:o} {:b} {:#x} {:#o} {:#b}'.format(255, 255, 8, 5, 255, 8, 5))
print('{:,} {:_} {:,.2f} {:_x}'.format(1234567, 1234567, 1234567.891, 0xFFFFFF))
print('{:.3f} {:.0f} {:e} {:.2e} {:g} {:.3g} {:%} {:.1%}'.format(3.14159, 2.5, 12345.678, 0.000123, 1e-5, 1234.5, 0.25, 0.125))
print('{:10.3f}|{:<10.2f}|{:^10.1f}|{:+.2f}'.format(3.14159, 2.71828, 1.41421, 1.0))
print('{:08.3f} {:=+8.2f} {:08d} {:+08d}'.format(-3.14159, 2.5, -42, 42))
print('{:.2}'.format('abcdef'), '{:5.2}|'.format('abcdef'), '{:.5}'.format(3.14159265))
print('{{literal}} {}'.format('x'), '{{}}'.format())
print('{0:{1}}|'.format('pad', 8), '{:{}.{}f}'.format(3.14159, 10, 2))
print('{:>{w}}'.format('dyn', w=6), '{:{fill}^{w}}'.format('c', fill='#', w=7))
rows = [('apple', 3, 1.5), ('banana', 12, 0.25), ('cherry', 100, 12.0)]
for name, qty, price in rows:
    print('{:<10}{:>5}{:>10.2f}{:>12,.2f}'.format(name, qty, price, qty * price))
print('{0}{1}{0}'.format('ab', 'cd'))
print('{} and {}'.format([1, 2], {'a': 1}), '{}'.format(None), '{}'.format(True))
print('{:5}|{:<5}|{:>5}|'.format(True, 7, 'x'))
print('{:c}{:c}{:c}'.format(72, 105, 33))
print('{:n} {:.3n}'.format(1234, 1234.5678))
print('{:z.1f} {:.1f}'.format(-0.04, -0.04))
print('{:#.3g} {:#g} {:.0e} {:#.0f}'.format(1.0, 2.0, 12345, 3.0))
print('{:E} {:F} {:G}'.format(1.5e-10, float('inf'), 1.5e-10))
table = {'x': 1.5, 'y': -2.25}
print(', '.join('{}={:+.1f}'.format(k, v) for k, v in table.items()))
print('{0:>4}{1:>4}{2:>4}'.format(*[1, 22, 333]))
print('{a}-{b}'.format(**{'a': 'A', 'b': 'B'}))
print(format(3.5), format(42, '>6'), format('s', '^5') + '|', format(0.5, '.0%'))
