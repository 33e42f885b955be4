# lambda, map, filter, sorted/min/max with key, and functions as values.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(5), add(1), add(1, 2), (lambda: 'no args')(), (lambda *a, **k: (a, sorted(k)))(1, z=2))
nums = [5, -3, 8, 0, -1, 12]
print(list(map(square, nums)), list(map(abs, nums)), list(map(lambda a, b: a * b, nums, range(6))))
print(list(filter(lambda v: v > 0, nums)), list(filter(None, nums)))
print(sorted(nums, key=abs), sorted(nums, key=lambda v: -v), sorted(nums, key=lambda v: (v % 3, v)))
print(max(nums, key=abs), min(nums, key=lambda v: (v - 4) ** 2))
people = [{'name': 'Ann', 'age': 31}, {'name': 'bob', 'age': 25}, {'name': 'Cy', 'age': 31}]
print([p['name'] for p in sorted(people, key=lambda p: (-p['age'], p['name'].lower()))])
print(max(people, key=lambda p: p['age'])['name'], min(people, key=lambda p: p['name'])['name'])
ops = {'+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b, '/': lambda a, b: a / b}
for sym in ['+', '-', '*', '/']:
    print(7, sym, 2, '=', ops[sym](7, 2))
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(lambda v: v * 2, 10, 1), apply_n(lambda s: s + '!', 3, 'hi'))
pipeline = [str.strip, str.lower, lambda s: s.replace(' ', '_')]
value = '  Hello World  '
for step in pipeline:
    value = step(value)
print(value)
print(list(map(str, range(5))), list(map(int, ['1', '22', '333'])), list(map(len, ['a', 'bb', ''])))
words = ['kiwi', 'fig', 'banana', 'apple']
print(sorted(words, key=len), sorted(words, key=lambda w: w[-1]), sorted(words, key=len, reverse=True))
print(sum(map(lambda w: len(w), words)), any(map(lambda w: w.startswith('b'), words)))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3), curry('x')('y')('z'))
print((lambda n: 'even' if n % 2 == 0 else 'odd')(7))
fns = [abs, str, len, bool, float]
print([f(-3) if f is not len else f('abc') for f in fns])
def tabulate(f, xs):
    return [(x, f(x)) for x in xs]
print(tabulate(lambda x: x ** 3 - x, range(-2, 3)))
pairs = list(zip('abc', [3, 1, 2]))
print(sorted(pairs, key=lambda p: p[1]), dict(sorted(pairs, key=lambda p: p[1])))
print(callable(square), callable(3), callable(print), callable(str))
nested = lambda x: (lambda y: x * y)
print(nested(3)(4))
print(list(map(lambda t: t[0] + t[1], [(1, 2), (3, 4)])))
print(list(reversed(sorted(map(lambda v: v % 5, range(12))))))
