# Ends with an uncaught RecursionError from unbounded recursion.
def countdown(n):
    if n == 0:
        return 'liftoff'
    return countdown(n - 1)
print(countdown(10), countdown(500))
def depth_of(nested):
    if not isinstance(nested, list) or not nested:
        return 0
    return 1 + max(depth_of(x) for x in nested)
value = []
for _ in range(50):
    value = [value, 1]
print(depth_of(value))
def tail_sum(n, acc=0):
    return acc if n == 0 else tail_sum(n - 1, acc + n)
print(tail_sum(100), tail_sum(900))
try:
    tail_sum(100000)
except RecursionError:
    print('caught RecursionError for a deep call')
print(countdown(3))
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(12)])
def walk(tree, path=()):
    if isinstance(tree, dict):
        out = []
        for key in tree:
            out.extend(walk(tree[key], path + (key,)))
        return out
    return [path + (tree,)]
print(walk({'a': {'b': 1, 'c': {'d': 2}}, 'e': 3}))
def forever(n):
    return forever(n + 1) + 1
print('recursing forever')
forever(0)
