# range objects: arguments, negative steps, len, indexing, membership, slicing, reversed.
print(list(range(5)), list(range(2, 6)), list(range(0, 10, 3)), list(range(10, 0, -2)), list(range(5, 5)))
print(list(range(-5, 5, 2)), list(range(5, -5, -3)), list(range(0, -10, -1)))
r = range(3, 30, 4)
print(r, len(r), r[0], r[-1], r[2], 7 in r, 8 in r, r.index(11), r.count(15))
print(range(10), range(1, 5), range(0, 10, 2), range(5, 0, -1))
print(list(r[1:4]), r[1:4], list(r[::-1]), r[::2])
print(len(range(0)), len(range(10, 0)), len(range(0, 100, 7)), len(range(100, 0, -7)))
print(sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(5), reverse=True))
print(list(reversed(range(1, 8, 2))), tuple(range(4)), set(range(3)) == {0, 1, 2})
print(range(0, 6, 2) == range(0, 5, 2), range(3) == range(0, 3), bool(range(0)), bool(range(1)))
big = range(0, 10 ** 20, 10 ** 18)
print(len(big), big[5], 10 ** 19 in big, big[-1])
for i in range(2, 20, 5):
    print(i, end=',')
print()
print([i for i in range(10) if i in range(3, 7)])
print(list(zip(range(3), range(10, 13))), dict(zip(range(3), 'abc')))
print(list(enumerate(range(5, 8))))
try:
    range(1, 2, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    print(range(3)[5])
except IndexError as e:
    print('IndexError:', e)
n = 5
print([list(range(i)) for i in range(n)])
print([sum(range(i)) for i in range(n)])
steps = [1, 2, -1, -2]
for st in steps:
    print(st, list(range(-3, 4, st)) if st > 0 else list(range(3, -4, st)))
print(list(range(True, 3)), list(range(int(2.0))))
