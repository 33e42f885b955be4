# Closures capture variables (cells), nonlocal rebinds them, each call gets fresh cells.
def make_counter(start=0):
    count = start
    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment
c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c1(), c2(10))
def make_accumulator():
    items = []
    def add(x):
        items.append(x)
        return list(items)
    return add
acc = make_accumulator()
print(acc(1), acc(2), acc('three'))
def outer():
    x = 'outer'
    def middle():
        x = 'middle'
        def inner():
            nonlocal x
            x = 'changed by inner'
            return x
        r = inner()
        return r, x
    result = middle()
    return result, x
print(outer())
def adders():
    fns = []
    for i in range(3):
        def add(v, i=i):
            return v + i
        fns.append(add)
    return fns
print([f(10) for f in adders()])
def late_binding():
    fns = []
    for i in range(3):
        def show():
            return i
        fns.append(show)
    return [f() for f in fns]
print(late_binding())
def compose(f, g):
    def h(x):
        return f(g(x))
    return h
inc = lambda v: v + 1
dbl = lambda v: v * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memoize
def slow_square(n):
    return n * n
print(slow_square(4), slow_square(4), sorted(slow_square.cache.items()))
def bank(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            return 'insufficient'
        balance -= amount
        return balance
    def get():
        return balance
    return deposit, withdraw, get
dep, wd, get = bank(50)
print(dep(25), wd(100), wd(30), get())
def counter_pair():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def dec():
        nonlocal n
        n -= 1
        return n
    return inc, dec
inc1, dec1 = counter_pair()
print(inc1(), inc1(), dec1(), inc1())
def power_factory(exp):
    return lambda base: base ** exp
square, cube = power_factory(2), power_factory(3)
print(square(7), cube(3), [power_factory(e)(2) for e in range(6)])
def fib_gen_like():
    a, b = 0, 1
    def step():
        nonlocal a, b
        a, b = b, a + b
        return a
    return step
nxt = fib_gen_like()
print([nxt() for _ in range(12)])
x = 'global'
def reads_global():
    return x
def shadows():
    x = 'local'
    return x
print(reads_global(), shadows(), x)
def deep():
    level = 0
    def one():
        def two():
            def three():
                return level + 3
            return three()
        return two()
    return one()
print(deep())
