# Comparison operators, chaining and mixed-type equality.
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1, 1 != 1)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 < 2 > 0)
x = 5
print(0 < x < 10, 0 < x < 5, 0 <= x <= 5, x == 5 != 6)
calls = []
def val(n):
    calls.append(n)
    return n
print(val(1) < val(2) < val(3))
print(calls)
calls.clear()
print(val(3) < val(2) < val(1))
print(calls)
print(1 == 1.0, 1 == True, 0 == False, '1' == 1, None == 0, None == None)
print([1, 2] == [1, 2], [1, 2] == (1, 2), (1, 2) == (1, 2), {'a': 1} == {'a': 1})
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99], (1, 'b') < (1, 'c'))
print('apple' < 'banana', 'apple' < 'Apple', 'a' < 'aa', '' < 'a', 'Z' < 'a')
print([] == [], [] < [1], () < (0,), [[1]] == [[1]])
print({1, 2} == {2, 1}, {1: 'a', 2: 'b'} == {2: 'b', 1: 'a'})
print(1.5 > 1, 2 ** 70 > 1.5, -2 ** 70 < -1e10, 0.1 + 0.2 > 0.3)
print(max('apple', 'pear', 'fig'), min('apple', 'pear', 'fig'))
print(max([3, 1], [2, 9]), min((1, 2), (1, 1)))
a = [1, 2, 3]
b = a
c = [1, 2, 3]
print(a == b, a is b, a == c, a is c, a is not c)
print(None is None, None is not None)
n = None
print(n is None, n == None)
print(not 1 < 2, not (1 < 2), (not 1) < 2)
items = [3, 1, 4, 1, 5, 9, 2, 6]
print([i for i in items if 2 <= i < 5])
print(sorted(items), sorted(items, reverse=True))
print(all(a < b for a, b in zip(sorted(items), sorted(items)[1:])))
print(1 if 1 < 2 else 2, 'yes' if 0 else 'no')
print(True > False, True == 1.0, (1 > 0) + (2 > 0))
words = ['pear', 'Apple', 'banana', 'apple', 'Banana']
print(sorted(words))
print(sorted(words, key=str.lower))
print(min(words), max(words))
print((1, 2, 3) < (1, 2, 4) < (1, 3))
print('abc' <= 'abc' < 'abd' != 'abe')
