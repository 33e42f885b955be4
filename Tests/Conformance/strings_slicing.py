# Indexing and slicing of strings, lists, tuples and ranges, including steps and bounds.
s = 'abcdefghij'
print(s[0], s[5], s[-1], s[-3])
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-2], s[2:8:3])
print(repr(s[5:2]), repr(s[100:]), s[-100:3], s[3:100])
print(s[-1:-4:-1], s[len(s) - 1::-3])
lst = list(range(10))
print(lst[2:7], lst[::3], lst[::-1], lst[-2:], lst[5:1:-1])
print(lst[1:-1:2], lst[-1:0:-4], lst[100:200])
t = tuple(range(6))
print(t[1:4], t[::-1], t[-2:], t[:0])
r = range(0, 20, 2)
print(r[3], r[-1], list(r[2:5]), list(r[::-1]), len(r[1:8:3]))
word = 'python'
for i in range(len(word)):
    print(i, word[i], word[:i], word[i:], word[-i - 1])
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[1][2], m[-1][-1], m[0][::-1], [row[1] for row in m], m[::-1][0])
text = 'Hello, World'
print(text[text.index(',') + 2:], text[:text.find(',')])
print(''.join(text[i] for i in range(0, len(text), 3)))
a = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
a[2:5] = ['x', 'y']
print(a)
a[::2] = [None] * len(a[::2])
print(a)
a[1:3] = []
print(a)
a[:0] = [-1, -2]
print(a)
del a[::3]
print(a)
b = list('abcdef')
b[-2:] = 'XYZ'
print(b)
b[1:1] = [1, 2, 3]
print(b)
print('slice of empty:', ''[1:2], [][3:], ()[:-1])
nums = list(range(1, 11))
evens = nums[1::2]
odds = nums[::2]
print(evens, odds, list(zip(odds, evens)))
print(nums[len(nums) // 2:], nums[:len(nums) // 2])
s2 = 'abc'
print(s2[-1] + s2[:-1], s2[1:] + s2[0])
