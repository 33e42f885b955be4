# The dunder methods of the subset: __repr__, __str__, __eq__, __len__, __getitem__, __call__.
class Vector:
    def __init__(self, *components):
        self.components = list(components)
    def __repr__(self):
        return 'Vector(' + ', '.join(repr(c) for c in self.components) + ')'
    def __str__(self):
        return '<' + ', '.join(str(c) for c in self.components) + '>'
    def __eq__(self, other):
        return isinstance(other, Vector) and self.components == other.components
    def __len__(self):
        return len(self.components)
    def __getitem__(self, index):
        return self.components[index]
v = Vector(1, 2.5, -3)
w = Vector(1, 2.5, -3)
print(v, repr(v), str(v), [v], f'{v}', f'{v!r}', '%s %r' % (v, v))
print(len(v), v[0], v[-1], v[1:], v == w, v != w, v == Vector(1), v == 'vector', v is w)
print(bool(Vector()), bool(v))
class Polynomial:
    def __init__(self, coeffs):
        self.coeffs = coeffs
    def __call__(self, x):
        total = 0
        for c in reversed(self.coeffs):
            total = total * x + c
        return total
    def __repr__(self):
        terms = []
        for power, c in enumerate(self.coeffs):
            if c:
                terms.append(f'{c}x^{power}' if power else f'{c}')
        return ' + '.join(reversed(terms)) or '0'
p = Polynomial([1, 0, 2])
print(p, p(0), p(1), p(3), [p(x) for x in range(5)], callable(p))
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __getitem__(self, key):
        r, c = key
        return self.rows[r][c]
    def __len__(self):
        return len(self.rows)
    def __str__(self):
        return '\n'.join(' '.join(f'{v:3}' for v in row) for row in self.rows)
m = Matrix([[1, 2, 3], [4, 5, 6]])
print(m[0, 1], m[1, 2], len(m))
print(m)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents
    def __repr__(self):
        return f'Money({self.cents})'
    def __str__(self):
        return f'${self.cents // 100}.{self.cents % 100:02d}'
a, b = Money(1050), Money(1050)
print(a == b, a != b, a == 1050, a in [Money(1), Money(1050)], [Money(5)].count(Money(5)))
print(str(a), repr(a), [a, b], {'price': a})
class Registry:
    def __init__(self):
        self.data = {}
    def __getitem__(self, key):
        return self.data.get(key, f'<missing {key}>')
    def __len__(self):
        return len(self.data)
    def __call__(self, key, value):
        self.data[key] = value
        return self
reg = Registry()
reg('a', 1)('b', 2)
print(len(reg), reg['a'], reg['zzz'])
class OnlyStr:
    def __str__(self):
        return 'only str'
class OnlyRepr:
    def __repr__(self):
        return 'only repr'
print(OnlyStr(), OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
class Multiplier:
    def __init__(self, factor):
        self.factor = factor
    def __call__(self, *values):
        return [v * self.factor for v in values]
triple = Multiplier(3)
print(triple(1, 2, 3), list(map(Multiplier(2), [5, 6])))
class Sequence:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError('Sequence index out of range')
        return i * i
sq = Sequence(5)
print(len(sq), sq[2], sq[-1], [sq[i] for i in range(len(sq))])
try:
    sq[10]
except IndexError as e:
    print('IndexError:', e)
