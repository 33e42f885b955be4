# set operations; printed through sorted() because set order is an implementation detail.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(a <= {1, 2, 3, 4, 5}, a < a, a <= a, {1, 2}.issubset(a), a.issuperset({1}), a.isdisjoint({9}))
s = set()
s.add(3)
s.add(1)
s.add(3)
print(sorted(s), len(s))
s.update([5, 6], {7})
print(sorted(s))
s.discard(100)
s.discard(5)
s.remove(6)
print(sorted(s))
try:
    s.remove(42)
except KeyError as e:
    print('KeyError:', e)
print(len(set('mississippi')), sorted(set('mississippi')))
words = 'the cat and the hat and the bat'.split()
unique = set(words)
print(len(words), len(unique), sorted(unique))
seen = set()
dupes = []
for w in words:
    if w in seen:
        dupes.append(w)
    seen.add(w)
print(dupes)
print(sorted({x % 5 for x in range(20)}), sorted({c.upper() for c in 'hello'}))
c = {1, 2, 3}
c |= {4}
c &= {1, 2, 4, 8}
c -= {1}
c ^= {2, 9}
print(sorted(c))
print({1, 2} == {2, 1}, {1} != {1, 2}, set([1, 1, 2]) == {1, 2})
print(1 in {1, 2}, 3 not in {1, 2}, {0} == {False})
p = {1, 2, 3}
q = p.copy()
q.add(4)
print(sorted(p), sorted(q))
x = p.pop()
print(x in {1, 2, 3}, len(p))
p.clear()
print(p, len(p), bool(p))
print({1}, {2}, set([1]))
nums = [5, 3, 5, 1, 3, 9]
print(sorted(set(nums)), len(set(nums)), sum(set(nums)), max(set(nums)))
evens = set(range(0, 10, 2))
odds = set(range(1, 10, 2))
print(sorted(evens | odds), evens & odds, sorted(evens - {0}))
frozen_like = tuple(sorted({3, 1, 2}))
print(frozen_like)
