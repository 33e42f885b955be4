from collections import defaultdict, Counter, deque, namedtuple, OrderedDict
from functools import reduce, partial, wraps, lru_cache, total_ordering, cmp_to_key
from itertools import count, cycle, islice, chain, product, permutations, combinations, accumulate, groupby, zip_longest, repeat, takewhile, dropwhile, starmap, pairwise, combinations_with_replacement
import itertools, functools
d = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    d[k].append(v)
print(d, d["a"], len(d), "c" in d, sorted(d.items()))
c = Counter("abracadabra")
print(c, c.most_common(2), c["z"], c["a"], sum(c.values()))
c.update("aa"); print(c.most_common(1), list(Counter([1, 1, 2]).elements()))
q = deque([1, 2, 3], maxlen=4)
q.appendleft(0); q.append(4); print(q, q.popleft(), q.pop(), len(q)); q.rotate(1); print(q)
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
x, y = p
print(p, p.x, p[1], x + y, p._asdict(), p._replace(x=5), p == (1, 2), Point._fields)
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 0), partial(pow, 2)(10))
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
def deco(f):
    @wraps(f)
    def w(*a):
        return f(*a)
    return w
@deco
def named(): "doc"
print(named.__name__, named.__doc__)
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __eq__(self, o): return self.v == o.v
print(V(1) <= V(2), V(3) >= V(2), sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
print(list(islice(count(10, 5), 4)), list(islice(cycle("ab"), 5)), list(chain([1], (2, 3))), list(chain.from_iterable([[1], [2]])))
print(list(product("ab", repeat=2)), list(permutations([1, 2, 3], 2)), list(combinations("abcd", 2)), list(accumulate([1, 2, 3, 4])))
print([(k, list(g)) for k, g in groupby("aabbbc")], list(zip_longest("ab", "xyz", fillvalue="-")), list(repeat(7, 3)))
print(list(takewhile(lambda v: v < 3, [1, 2, 5, 1])), list(dropwhile(lambda v: v < 3, [1, 2, 5, 1])), list(starmap(pow, [(2, 3)])), list(pairwise("abc")), list(combinations_with_replacement("ab", 2)))
print(OrderedDict(a=1)["a"], list(itertools.islice(range(10), 2, 8, 3)), functools.reduce(max, [3, 9, 2]))
