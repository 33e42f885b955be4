# Chained and multiple-target assignment; aliasing through chained assignment.
a = b = c = 0
print(a, b, c)
a = 1
print(a, b, c)
x = y = []
x.append('shared')
print(x, y, x is y)
p = q = [1, 2]
p = p + [3]
print(p, q)
i = j = k = 'same'
print(i is j, j is k, i + j + k)
m, n = n2, m2 = 1, 2
print(m, n, n2, m2)
first = second = third = {'count': 0}
first['count'] += 1
second['count'] += 1
print(third)
row = col = 5
row += 1
print(row, col)
matrix = [[0] * 3 for _ in range(3)]
matrix[0][0] = matrix[1][1] = matrix[2][2] = 1
print(matrix)
d = {}
d['a'] = d['b'] = 'both'
print(d)
class Box:
    pass
box = Box()
box.w = box.h = 10
print(box.w, box.h)
left, right = right_copy, left_copy = 'L', 'R'
print(left, right, right_copy, left_copy)
total = count = 0
for value in [3, 5, 7]:
    total += value
    count += 1
print(total, count, total / count)
u = v = w = 2 ** 70
u += 1
print(u, v, w, v is w)
a, b = b, a = 1, 2
print(a, b)
