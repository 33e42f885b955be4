# Decorators on functions and methods, with and without arguments, stacked.
calls = []
def trace(fn):
    def wrapper(*args, **kwargs):
        calls.append(f'enter {args} {sorted(kwargs.items())}')
        result = fn(*args, **kwargs)
        calls.append(f'exit {result!r}')
        return result
    return wrapper
@trace
def add(a, b=0):
    return a + b
print(add(2, 3), add(5, b=1))
print(calls)
def repeat(times):
    def decorate(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return decorate
@repeat(3)
def shout(word):
    return word.upper()
print(shout('hey'))
def bold(fn):
    return lambda *a: '<b>' + fn(*a) + '</b>'
def italic(fn):
    return lambda *a: '<i>' + fn(*a) + '</i>'
@bold
@italic
def text(s):
    return s
print(text('stacked'))
registry = {}
def register(name):
    def deco(fn):
        registry[name] = fn
        return fn
    return deco
@register('double')
def double(x):
    return x * 2
@register('negate')
def negate(x):
    return -x
print(sorted(registry), registry['double'](21), registry['negate'](5), double(4))
def count_calls(fn):
    def wrapper(*args):
        wrapper.calls += 1
        return fn(*args)
    wrapper.calls = 0
    return wrapper
@count_calls
def noop():
    return None
for _ in range(4):
    noop()
print(noop.calls)
def log_method(fn):
    def wrapper(self, *args):
        result = fn(self, *args)
        print(f'{self.name}.{fn.__name__}{args} -> {result}')
        return result
    return wrapper
class Account:
    def __init__(self, name, balance):
        self.name = name
        self.balance = balance
    @log_method
    def deposit(self, amount):
        self.balance += amount
        return self.balance
    @log_method
    def withdraw(self, amount):
        self.balance -= amount
        return self.balance
acct = Account('acct', 100)
acct.deposit(50)
acct.withdraw(30)
print(acct.balance)
def validate(*types):
    def deco(fn):
        def wrapper(*args):
            for a, t in zip(args, types):
                if not isinstance(a, t):
                    raise TypeError(f'expected {t.__name__}, got {type(a).__name__}')
            return fn(*args)
        return wrapper
    return deco
@validate(int, int)
def mul(a, b):
    return a * b
print(mul(6, 7))
try:
    mul(6, '7')
except TypeError as e:
    print('TypeError:', e)
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
def identity(fn):
    return fn
@identity
def plain():
    return 'plain'
print(plain(), plain.__name__)
