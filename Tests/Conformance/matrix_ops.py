# Lists of lists as matrices: multiply, transpose, determinant, identity, pretty printing.
def zeros(r, c):
    return [[0] * c for _ in range(r)]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def transpose(m):
    return [list(row) for row in zip(*m)]
def matmul(a, b):
    bt = transpose(b)
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]
def det(m):
    if len(m) == 1:
        return m[0][0]
    if len(m) == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    total = 0
    for j in range(len(m)):
        minor = [row[:j] + row[j + 1:] for row in m[1:]]
        total += (-1) ** j * m[0][j] * det(minor)
    return total
def show(m, name):
    print(name)
    for row in m:
        print('  ' + ' '.join(f'{v:>6}' for v in row))
a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(a, 'A')
show(transpose(a), 'A^T')
show(matmul(a, b), 'A x B')
show(matmul(b, a), 'B x A')
show(identity(3), 'I')
print(matmul(identity(2), [[5, 6], [7, 8]]) == [[5, 6], [7, 8]])
m3 = [[2, -3, 1], [2, 0, -1], [1, 4, 5]]
print(det(m3), det([[1, 2], [3, 4]]), det(identity(4)), det([[2]]))
def power(m, k):
    result = identity(len(m))
    while k:
        if k & 1:
            result = matmul(result, m)
        m = matmul(m, m)
        k >>= 1
    return result
fib_matrix = power([[1, 1], [1, 0]], 90)
print(fib_matrix[0][1])
floats = [[0.5, 1.5], [2.25, -1.0]]
show(matmul(floats, floats), 'F^2')
print([[round(v, 2) for v in row] for row in matmul(floats, [[1 / 3, 0], [0, 1 / 3]])])
def trace(m):
    return sum(m[i][i] for i in range(len(m)))
print(trace(m3), trace(identity(5)))
flat = [v for row in m3 for v in row]
print(flat, max(flat), min(flat), sum(flat))
col_sums = [sum(col) for col in zip(*m3)]
row_sums = [sum(row) for row in m3]
print(col_sums, row_sums)
grid = zeros(4, 6)
for i in range(4):
    for j in range(6):
        grid[i][j] = (i + 1) * (j + 1)
show(grid, 'times table')
spiral = []
m = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]
while m:
    spiral += m[0]
    m = [list(r) for r in zip(*m[1:])][::-1]
print(spiral)
