# Ends with an uncaught IndexError inside a loop.
grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
def neighbours(g, r, c):
    out = []
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if dr == 0 and dc == 0:
                continue
            rr, cc = r + dr, c + dc
            if 0 <= rr < len(g) and 0 <= cc < len(g[0]):
                out.append(g[rr][cc])
    return sorted(out)
for r in range(3):
    for c in range(3):
        print(r, c, neighbours(grid, r, c))
print(grid[-1][-1], grid[0][-3])
try:
    print(grid[3])
except IndexError as e:
    print('IndexError:', e)
try:
    print('abc'[5])
except IndexError as e:
    print('IndexError:', e)
try:
    print((1, 2)[2])
except IndexError as e:
    print('IndexError:', e)
stack = [1, 2]
print(stack.pop(), stack.pop())
try:
    stack.pop()
except IndexError as e:
    print('IndexError:', e)
def diagonal(g):
    return [g[i][i] for i in range(len(g) + 1)]
print('diagonal of a square grid, off by one:')
print(diagonal(grid))
