# Tuples, packing and unpacking in assignments, loops and calls.
t = 1, 2, 3
print(t, type(t), len(t), t[0], t[-1], t[1:])
single = 5,
print(single, len(single), (5), (5,))
a, b, c = t
print(a, b, c)
a, b = b, a
print(a, b)
x, (y, z) = 1, (2, 3)
print(x, y, z)
[p, q] = [10, 20]
print(p, q)
(m, n), o = [1, 2], 3
print(m, n, o)
for i, (name, score) in enumerate([('ann', 90), ('bob', 85)]):
    print(i, name, score)
for k, v in {'a': 1, 'b': 2}.items():
    print(k, v)
for (u, v), w in [((1, 2), 3), ((4, 5), 6)]:
    print(u + v + w)
def divmod_pair(a, b):
    return a // b, a % b
qq, rr = divmod_pair(17, 5)
print(qq, rr, divmod_pair(17, 5))
def stats(*values):
    return min(values), max(values), sum(values) / len(values)
lo, hi, mean = stats(4, 8, 15, 16, 23, 42)
print(lo, hi, mean)
args = (3, 4)
print(pow(*args), max(*args, 10))
kwargs = {'sep': '-', 'end': '!\n'}
print('a', 'b', 'c', **kwargs)
print((1, 2) + (3,), (1, 2) * 2, (0,) * 3, 2 in (1, 2), (1, 2, 2, 3).count(2), (5, 6, 7).index(7))
print(tuple(), tuple([1, 2]), tuple('hi'), tuple(range(3)), tuple(x * x for x in range(4)))
print((1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 9), max((1, 'b'), (1, 'a')))
nested = ((1, 2), (3, 4))
print(nested[1][0], [sum(p) for p in nested], dict(nested))
points = [(1, 2), (3, 1), (0, 5)]
print(sorted(points), sorted(points, key=lambda pt: pt[1]), max(points, key=lambda pt: pt[0] + pt[1]))
xs, ys = zip(*points)
print(xs, ys)
first, second, third = 'abc'
print(first, second, third)
i, j = 0, 1
for _ in range(10):
    i, j = j, i + j
print(i, j)
coords = {(0, 0): 'origin', (1, 0): 'east'}
print(coords[(0, 0)], coords[1, 0])
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print('ValueError:', e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print('ValueError:', e)
try:
    t[0] = 9
except TypeError as e:
    print('TypeError:', e)
print(hash((1, 2)) == hash((1, 2)), len(((),)), bool(()), bool((0,)))
