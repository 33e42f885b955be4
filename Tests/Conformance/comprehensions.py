# List, dict and set comprehensions with nested for/if, and generator expressions in calls.
print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0])
print([x if x % 2 else -x for x in range(8)])
print([(i, j) for i in range(3) for j in range(3) if i != j])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print([c.upper() for c in 'hello' if c not in 'aeiou'])
print({x: x ** 3 for x in range(5)})
print({w: len(w) for w in 'alpha beta gamma'.split()})
print({k: v for k, v in zip('abc', [1, 2, 3]) if v != 2})
print(sorted({x % 7 for x in range(50)}))
print(sum(x * x for x in range(100)), max(len(w) for w in ['a', 'abc', 'ab']))
print(any(x > 5 for x in [1, 2, 9]), all(x > 0 for x in [1, 2, -1]))
print(list(x + 1 for x in range(3)), tuple(c for c in 'xyz'), sorted(x % 3 for x in range(7)))
print(min((x - 5) ** 2 for x in range(10)), ''.join(str(d) for d in range(5)))
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for row in matrix for i in range(len(row)) if i == 0])
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v % 2])
flat = [v for row in matrix for v in row]
print(flat, sum(flat))
words = ['apple', 'Banana', 'cherry', 'date']
print([w for w in words if len(w) > 4 if w[0].islower()])
print({w[0].lower(): w for w in words})
print([(w, i) for i, w in enumerate(words) if i % 2 == 0])
print([n for n in range(2, 50) if all(n % d for d in range(2, int(n ** 0.5) + 1))])
pairs = [(a, b, c) for a in range(1, 21) for b in range(a, 21) for c in range(b, 21) if a * a + b * b == c * c]
print(pairs)
print([[0] * n for n in range(4)])
print([x for x in [[], [1], [], [2, 3]] if x])
table = {name: [score for score in scores if score >= 50] for name, scores in [('a', [40, 60, 80]), ('b', [10, 90])]}
print(table)
counts = {ch: 'mississippi'.count(ch) for ch in 'mississippi'}
print(counts)
print([str(i) * i for i in range(1, 5)])
print(dict((k, v) for k, v in [('x', 1), ('y', 2)]))
print(sum(1 for _ in range(1000) if _ % 7 == 0))
print([(lambda v: v * 2)(i) for i in range(3)])
funcs = [lambda v, k=k: v + k for k in range(3)]
print([f(10) for f in funcs])
print(sorted([(len(w), w) for w in words], reverse=True))
print(list(map(lambda p: p[0] * p[1], zip(range(5), range(5, 10)))))
