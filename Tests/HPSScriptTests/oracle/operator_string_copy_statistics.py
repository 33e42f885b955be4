from operator import itemgetter, attrgetter, methodcaller, add, mul
import operator, string, copy, statistics
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=itemgetter(1)), itemgetter(0, 1)(rows[0]), operator.abs(-3), add(1, 2), mul(3, 4))
class P:
    def __init__(self, n, inner): self.n, self.inner = n, inner
ps = [P(3, [1]), P(1, [2])]
print([p.n for p in sorted(ps, key=attrgetter("n"))], methodcaller("upper")("x"))
print(string.ascii_lowercase[:5], string.digits, len(string.punctuation), string.capwords("hello world"))
a = [[1, 2], {"k": [3]}]
b = copy.deepcopy(a); b[0].append(9); b[1]["k"].append(8)
c = copy.copy(a); c.append(0)
print(a, b, c)
q = copy.deepcopy(ps[0]); q.inner.append(7); print(ps[0].inner, q.inner, q.n)
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), statistics.median([1, 2, 3, 4]), round(statistics.stdev([1, 2, 3, 4]), 6), statistics.mode([1, 2, 2, 3]), statistics.pvariance([1, 2, 3]))
