# Iteration builtins: iter/next, enumerate, zip, reversed, sorted, map, filter, any, all, len.
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, 'done'), next(it, None))
try:
    next(it)
except StopIteration:
    print('StopIteration raised')
s = iter('ab')
print(next(s), next(s), next(s, '-'))
d = iter({'x': 1, 'y': 2})
print(next(d), next(d))
r = iter(range(3))
print(list(r), list(r))
print(list(enumerate('abc')), list(enumerate('abc', 10)), list(enumerate([])))
print(list(zip('abc', [1, 2, 3])), list(zip('ab', [1, 2, 3])), list(zip()), list(zip([1], [2], [3])))
print(list(zip(*[(1, 'a'), (2, 'b')])), dict(zip(['k1', 'k2'], ['v1', 'v2'])))
print(list(reversed('abc')), list(reversed([1, 2, 3])), list(reversed((4, 5))), list(reversed(range(3))))
print(sorted([3, 1, 2]), sorted('cba'), sorted((2, 1)), sorted({'b': 1, 'a': 2}), sorted([3, 1, 2], reverse=True))
data = [('b', 2), ('a', 2), ('c', 1), ('a', 1)]
print(sorted(data), sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True))
print(list(map(len, ['a', 'bb'])), list(map(pow, [2, 3], [3, 2])), list(map(str.upper, 'ab')))
print(list(filter(str.isdigit, 'a1b2c3')), list(filter(lambda x: x % 2, range(10))), list(filter(None, [0, '', 'x', [], [0]])))
print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any('') , all('abc'), any(x > 3 for x in range(5)))
print(len([1, 2]), len('abc'), len((1,)), len({'a': 1}), len(set('aab')), len(range(10)), len(''))
m = map(lambda v: v * 2, [1, 2, 3])
print(next(m), list(m))
f = filter(None, [0, 1, 2])
print(next(f), list(f))
e = enumerate('xyz')
print(next(e), list(e))
z = zip('ab', 'cd')
print(next(z), list(z))
rv = reversed([1, 2, 3])
print(next(rv), list(rv))
def first_match(items, pred):
    for item in items:
        if pred(item):
            return item
    return None
print(first_match(range(100), lambda v: v * v > 50), first_match([], bool))
print(next((c for c in 'hello' if c in 'aeiou'), None), next((c for c in 'xyz' if c == 'q'), 'none'))
total = 0
for i, (a, b) in enumerate(zip(range(5), range(5, 10))):
    total += i * (a + b)
print(total)
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [list(row) for row in zip(*matrix)])
print(sorted(['B', 'a', 'C'], key=str.lower), sorted([-3, 2, -1], key=abs))
print(max(enumerate([5, 9, 2]), key=lambda p: p[1]), min(zip('abc', [3, 1, 2]), key=lambda p: p[1]))
words = ['one', 'two', 'three']
lengths = list(map(len, words))
print(lengths, dict(zip(words, lengths)), sum(lengths))
