# dict methods and insertion order.
d = {'b': 2, 'a': 1}
d['c'] = 3
print(d, len(d), d['a'], d.get('z'), d.get('z', 0), d.get('b', 99))
print(list(d.keys()), list(d.values()), list(d.items()))
print('a' in d, 'z' in d, 2 in d)
print(d.setdefault('a', 100), d.setdefault('e', 5), d)
print(d.pop('b'), d.pop('zz', 'default'), d)
print(d.popitem(), d)
d.update({'x': 10, 'a': -1})
d.update(y=20)
d.update([('w', 0)])
print(d)
del d['x']
print(d)
d['a'] = 'replaced'
print(d, list(d))
c = d.copy()
c['new'] = True
print(len(d), len(c))
d.clear()
print(d, bool(d), bool(c))
counts = {}
for ch in 'abracadabra':
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items()), sorted(counts, key=counts.get, reverse=True))
print(max(counts, key=lambda k: counts[k]), min(counts.values()))
groups = {}
for word in 'apple avocado banana blueberry cherry'.split():
    groups.setdefault(word[0], []).append(word)
print(groups)
inverted = {v: k for k, v in {'one': 1, 'two': 2}.items()}
print(inverted)
print(dict(zip('abc', range(3))), dict.fromkeys('xy', 0), dict.fromkeys([1, 2]))
m = {1: 'int', 1.0: 'float', True: 'bool'}
print(m, len(m))
order = {}
order['first'] = 1
order['second'] = 2
order['third'] = 3
del order['second']
order['second'] = 22
print(order)
for key in order:
    print(key, order[key])
for key, value in order.items():
    print(f'{key}={value}')
nested = {'a': {'b': {'c': 1}}}
nested['a']['b']['d'] = 2
print(nested, nested['a']['b'])
keys = list(order)
for k in keys:
    if order[k] > 2:
        del order[k]
print(order)
print(dict(order, extra=1))
try:
    print(order['missing'])
except KeyError as e:
    print('KeyError:', e)
try:
    {}.popitem()
except KeyError as e:
    print('KeyError:', e)
print({1: 'a'} == {1: 'a'}, {1: 'a'} != {1: 'b'}, list({3: 0, 1: 0, 2: 0}))
