# Augmented assignment on names, subscripts and attributes; list += mutates in place.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x /= 4; print(x)
x //= 2; print(x)
x %= 2; print(x)
x = 3
x **= 4; print(x)
x &= 0b1010; print(x)
x |= 0b0101; print(x)
x ^= 0b1111; print(x)
x <<= 3; print(x)
x >>= 2; print(x)
s = 'ab'
s += 'cd'
s *= 2
print(s)
a = [1, 2]
b = a
a += [3, 4]
print(a, b, a is b)
a = a + [5]
print(a, b, a is b)
t = (1, 2)
u = t
t += (3,)
print(t, u, t is u)
counts = {'a': 0}
counts['a'] += 1
counts['a'] += 10
counts['b'] = counts.get('b', 0) + 5
print(counts)
grid = [[0, 0], [0, 0]]
grid[1][0] += 7
grid[0][1] -= 2
print(grid)
class Counter:
    def __init__(self):
        self.value = 0
        self.items = []
c = Counter()
c.value += 1
c.value *= 10
c.items += ['x']
c.items += ['y']
print(c.value, c.items)
total = 0.0
for i in range(5):
    total += i / 2
print(total)
big = 1
for i in range(10):
    big *= 1000003
print(big)
lst = [1, 2, 3]
i = 0
lst[i] += 100
i += 1
lst[i] *= 100
lst[-1] **= 3
print(lst)
def bump(seq):
    seq += [99]
    return seq
data = [1]
print(bump(data), data)
n = 17
steps = 0
while n != 1:
    if n % 2:
        n = 3 * n + 1
    else:
        n //= 2
    steps += 1
print(steps)
