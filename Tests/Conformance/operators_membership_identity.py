# in / not in over every container, and identity tests.
nums = [1, 2, 3, 4]
print(3 in nums, 5 in nums, 5 not in nums, 3 not in nums)
print('a' in 'cat', 'at' in 'cat', 'ta' in 'cat', '' in 'cat', 'C' not in 'cat')
t = (1, 'two', 3.0)
print('two' in t, 3 in t, 3.0 in t, '3' in t)
d = {'x': 1, 'y': 2}
print('x' in d, 1 in d, 'z' not in d, 2 in d.values(), 'y' in d.keys())
s = {10, 20, 30}
print(20 in s, 25 in s, 25 not in s)
r = range(0, 100, 7)
print(14 in r, 15 in r, 98 in r, 99 in r)
nested = [[1, 2], [3, 4]]
print([1, 2] in nested, [2, 1] in nested, 1 in nested)
print(1 in [1.0], True in [1], 0 in [False])
a = [1, 2]
b = a
c = list(a)
print(a is b, a is c, a == c, b is not c)
b.append(3)
print(a, c)
x = None
print(x is None, x is not None)
def f():
    return None
print(f() is None)
print(type(1) is int, type('a') is str, type([]) is list, type(1.0) is float)
print(isinstance(1, int), isinstance(True, int), isinstance(1, float), isinstance('a', (int, str)))
class Box:
    def __init__(self, items):
        self.items = items
box = Box([1, 2, 3])
print(2 in box.items, box is box, box is not None)
words = 'the quick brown fox jumps over the lazy dog'.split()
vowels = 'aeiou'
for w in words:
    print(w, sum(1 for ch in w if ch in vowels), [ch for ch in w if ch not in vowels])
print([w for w in words if 'o' in w])
print({k: k in 'hello' for k in 'help'})
print(all(ch in 'abcdefghijklmnopqrstuvwxyz' for ch in 'pangram'))
seen = []
for ch in 'mississippi':
    if ch not in seen:
        seen.append(ch)
print(seen)
