# if/elif/else chains, while loops with break/continue, pass, and ; separators.
def grade(score):
    if score >= 90:
        return 'A'
    elif score >= 80:
        return 'B'
    elif score >= 70:
        return 'C'
    elif score >= 60:
        return 'D'
    else:
        return 'F'
print([grade(s) for s in (95, 85, 75, 65, 55, 90, 0)])
n = 0
while True:
    n += 1
    if n % 2 == 0:
        continue
    if n > 9:
        break
    print('odd', n)
print('stopped at', n)
i = 10
while i > 0:
    i -= 3
print(i)
count = 0
while count < 3: count += 1
print(count)
a = 1; b = 2; c = a + b
print(a, b, c)
if a < b: print('single-line if')
if not []:
    pass
else:
    print('unreachable')
x = 15
if x > 10:
    if x > 20:
        print('big')
    else:
        print('medium')
else:
    print('small')
def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz_len(k) for k in range(1, 20)])
def find_first(items, target):
    idx = 0
    while idx < len(items):
        if items[idx] == target:
            return idx
        idx += 1
    return -1
print(find_first([4, 8, 15, 16], 15), find_first([], 1), find_first([1], 2))
lo, hi = 0, 1000
target = 737
guesses = 0
while lo <= hi:
    mid = (lo + hi) // 2
    guesses += 1
    if mid == target:
        break
    elif mid < target:
        lo = mid + 1
    else:
        hi = mid - 1
print('found', mid, 'in', guesses)
value = None
if value is None:
    value = 'default'
print(value)
flag = 0
if flag: print('truthy')
elif flag == 0: print('zero')
t = 0
while t < 5:
    t += 1
    if t == 2:
        continue
    elif t == 4:
        break
    print('t', t)
def sign(v):
    if v > 0: return 1
    if v < 0: return -1
    return 0
print(sign(-5), sign(0), sign(3.5))
x = 3
y = 'odd' if x % 2 else 'even'
print(y)
