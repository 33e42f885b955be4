# for loops over every iterable kind, nested loops, break/continue.
for i in range(3):
    print('range', i)
for ch in 'abc':
    print('char', ch)
for item in [1, 'two', 3.0, None]:
    print('item', item)
for t in (10, 20):
    print('tuple', t)
for k in {'x': 1, 'y': 2}:
    print('key', k)
for k, v in {'x': 1, 'y': 2}.items():
    print('pair', k, v)
for v in sorted({3, 1, 2}):
    print('set', v)
for i, w in enumerate(['a', 'b', 'c'], start=1):
    print(i, w)
for a, b in zip([1, 2, 3], 'xyz'):
    print(a, b)
for a, b, c in zip(range(3), range(10, 13), range(20, 30)):
    print(a + b + c)
for x in reversed(range(5)):
    print('rev', x)
for word in reversed(['one', 'two']):
    print(word)
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > 1:
            break
        print('pair', i, j)
found = None
for n in range(2, 100):
    if n * n > 50:
        found = n
        break
print('found', found)
total = 0
for i in range(10):
    if i % 3 == 0:
        continue
    total += i
print(total)
for _ in range(2):
    pass
print('loop variable after loop:', _)
for i in range(0):
    print('never')
print('i still', i)
data = [[1, 2], [3], [], [4, 5, 6]]
for row in data:
    for cell in row:
        print(cell, end=' ')
    print('|')
letters = list('abcd')
for idx in range(len(letters) - 1, -1, -1):
    print(idx, letters[idx])
for line in 'first\nsecond\nthird'.split('\n'):
    print(line.upper())
squares = []
for n in range(1, 6):
    squares.append(n * n)
print(squares)
matrix = [[1, 2, 3], [4, 5, 6]]
for r, row in enumerate(matrix):
    for c, val in enumerate(row):
        print(f'm[{r}][{c}]={val}', end=' ')
print()
for key in sorted({'b': 1, 'a': 2, 'c': 0}, key=lambda k: -ord(k)):
    print(key)
it = iter([1, 2, 3])
for v in it:
    print('iter', v)
s = 0
for v in map(int, '12345'):
    s += v
print(s)
for v in filter(lambda v: v % 2, range(8)):
    print('odd', v)
