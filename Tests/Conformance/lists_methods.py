# list methods and behaviour.
a = [3, 1, 4]
a.append(1)
a.extend([5, 9])
a.insert(0, 2)
a.insert(100, 6)
a.insert(-1, 7)
print(a, len(a))
print(a.index(4), a.index(1), a.index(1, 3), a.count(1), a.count(42))
print(a.pop(), a.pop(0), a.pop(2), a)
a.remove(1)
print(a)
b = a.copy()
b.sort()
print(a, b)
a.sort(reverse=True)
print(a)
a.reverse()
print(a)
words = ['banana', 'Apple', 'cherry', 'date', 'Elder', 'fig']
words.sort()
print(words)
words.sort(key=len)
print(words)
words.sort(key=lambda w: w.lower(), reverse=True)
print(words)
words.sort(key=lambda w: (len(w), w))
print(words)
c = [1, 2, 3]
c.clear()
print(c, len(c))
d = [0] * 5
d[2] = 'x'
print(d)
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print(grid)
alias = [[0] * 2] * 2
alias[0][0] = 9
print(alias)
e = [1, 2] + [3] * 2 + list('ab')
print(e, e * 2 if len(e) < 4 else e[:2] * 2)
stack = []
for i in range(5):
    stack.append(i * i)
while stack:
    print('pop', stack.pop())
queue = list('abc')
while queue:
    print('dequeue', queue.pop(0))
nums = [5, 3, 8, 1, 9, 2]
print(sorted(nums), nums, min(nums), max(nums), sum(nums), len(nums))
print(list(reversed(nums)), nums[::-1] == list(reversed(nums)))
nums.extend(range(3))
print(nums)
nums.extend('xy')
print(nums)
del nums[-2:]
del nums[0]
print(nums)
pairs = [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a')]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: -p[0]))
matrix = [[3, 1], [2, 2], [1, 3]]
matrix.sort(key=lambda r: r[1])
print(matrix)
print([1, 2, 3] * 0, [] * 5, [[]] * 3)
lst = [1, 2, 3, 4, 5, 6]
print([x for x in lst if x % 2 == 0], list(filter(lambda x: x > 3, lst)), list(map(lambda x: x * 10, lst)))
print(lst.index(6), 6 in lst, lst[-1], lst[len(lst) - 1])
try:
    lst.index(42)
except ValueError as err:
    print('ValueError:', err)
try:
    [].pop()
except IndexError as err:
    print('IndexError:', err)
try:
    lst.remove(42)
except ValueError as err:
    print('ValueError:', err)
