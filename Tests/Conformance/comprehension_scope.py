# Comprehension variables stay local; closures in loops bind late; comprehensions see enclosing names.
x = 'outer'
result = [x for x in range(3)]
print(result, x)
total = 0
squares = [i * i for i in range(5)]
print(squares, total)
def make_multipliers():
    return [lambda v: v * i for i in range(4)]
print([m(10) for m in make_multipliers()])
def make_multipliers_bound():
    return [lambda v, i=i: v * i for i in range(4)]
print([m(10) for m in make_multipliers_bound()])
def scale(values, factor):
    return [v * factor for v in values]
print(scale([1, 2, 3], 3))
def nested_names():
    base = 100
    offsets = [1, 2, 3]
    return {o: base + o for o in offsets}
print(nested_names())
class Config:
    names = ['a', 'b']
    upper = [n.upper() for n in ['x', 'y']]
print(Config.names, Config.upper)
funcs = []
for k in range(3):
    funcs.append(lambda: k)
print([f() for f in funcs])
def counter_factory():
    counts = []
    def add(v):
        counts.append(v)
        return len(counts)
    return add, counts
add, counts = counter_factory()
print([add(c) for c in 'abc'], counts)
y = 10
print([y + n for n in range(3)], {n: y * n for n in range(3)})
def shadow():
    y = 'local'
    return [y for _ in range(2)]
print(shadow(), y)
matrix = [[1, 2], [3, 4]]
print([[cell * len(row) for cell in row] for row in matrix])
def gen_sum(n):
    return sum(i for i in range(n) if i % 2)
print(gen_sum(10), gen_sum(101))
acc = []
for i in range(3):
    acc.append([i * j for j in range(3)])
print(acc, i)
