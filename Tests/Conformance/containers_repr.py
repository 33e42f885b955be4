# str() and repr() of containers, nested, with strings needing quotes and escapes.
print([], (), {}, [[]], [()], ((),), [{}])
print([1, 2, 3], (1, 2, 3), (1,), {'a': 1, 'b': 2}, {1, 2, 3})
print(['a', "b", 'it\'s', "say \"x\"", 'both \' and "'])
print(('tab\t', 'nl\n', 'back\\', '\x00', '\x1b[0m'))
print({'key': 'value', 'num': 1.5, 'none': None, 'flag': True, 'list': [1, [2, [3]]]})
print({1: 'one', 2.5: 'two and a half', (1, 2): 'tuple key', None: 'none key', True: 'bool'})
print([1.0, 2.5, 1e16, 1e-5, -0.0])
print([[1, 2], [3, 4]], [(1, 'a'), (2, 'b')], {'outer': {'inner': {'deep': []}}})
print(str([1, 'a']), repr([1, 'a']), str('a'), repr('a'), str(('x',)), repr(('x',)))
print(['\u00e9', '\u4e16', '\U0001f600', '\u200b', '\xa0'])
print(repr('\u00e9\u4e16'), ascii('\u00e9\u4e16'), ascii(['\u00e9']))
print([None, True, False], (None,), {None: None})
nested = [1, [2, [3, [4, [5]]]]]
print(nested, len(nested), nested[1][1][1])
d = {}
d['z'] = 1
d['a'] = 2
d['m'] = [d['z'], d['a']]
print(d, list(d), list(d.values()), list(d.items()))
print(list(range(5)), list('abc'), list((1, 2)), tuple([1, 2]), tuple('ab'))
print(dict([('a', 1), ('b', 2)]), dict(x=1, y=2), dict({'k': 'v'}))
print(list(zip([1, 2], 'ab')), list(enumerate('xy')), list(enumerate('xy', 1)))
print(sorted({'b': 1, 'a': 2}), sorted({3, 1, 2}), sorted('hello'))
print(set(), {1}, set([1, 3, 3]), sorted(set('hello')))
print(repr(()), repr((1,)), repr((1, 2)), repr([]), repr({}), repr(set()))
print(str(None), repr(None), str(True), repr(False))
class Thing:
    def __repr__(self):
        return 'Thing()'
print([Thing(), Thing()], {'t': Thing()}, (Thing(),))
class Named:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f'Named({self.n!r})'
    def __str__(self):
        return f'<{self.n}>'
items = [Named('a'), Named('b')]
print(items, str(items), items[0], str(items[0]), repr(items[0]))
print('%s %r' % (items[0], items[0]), f'{items[0]} {items[0]!r}', '{} {!r}'.format(items[0], items[0]))
big = [i * i for i in range(25)]
print(big)
print({i: str(i) * i for i in range(6)})
print([[i * j for j in range(4)] for i in range(4)])
print(list(reversed([1, 2, 3])), list(map(str, [1, 2])), list(filter(None, [0, 1, '', 'a'])))
