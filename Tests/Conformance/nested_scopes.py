# Name resolution: local, enclosing, global, builtin; parameters shadowing; functions as closures.
x = 'global x'
def show_scopes():
    x = 'enclosing x'
    def inner():
        return x
    def inner_local():
        x = 'local x'
        return x
    return inner(), inner_local(), x
print(show_scopes(), x)
def shadow_builtin():
    len = lambda seq: 'shadowed len'
    return len([1, 2, 3])
print(shadow_builtin(), len([1, 2, 3]))
def param_shadow(x):
    return x * 2
print(param_shadow(21), x)
def make_adders():
    adders = {}
    for name, amount in [('one', 1), ('ten', 10)]:
        def adder(v, amount=amount):
            return v + amount
        adders[name] = adder
    return adders
ad = make_adders()
print(ad['one'](5), ad['ten'](5))
def counter():
    counts = {'n': 0}
    def inc():
        counts['n'] += 1
        return counts['n']
    return inc
c = counter()
print(c(), c(), c())
def outer(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle
print(outer(1)(10)(100), outer('a')('b')('c'))
def unbound_local():
    try:
        print(y_value)
        y_value = 1
    except UnboundLocalError as e:
        return f'UnboundLocalError: {e}'
print(unbound_local())
def uses_later_global():
    return later_defined()
def later_defined():
    return 'defined after the caller'
print(uses_later_global())
def recursive_inner(n):
    def helper(k):
        return 1 if k <= 1 else k * helper(k - 1)
    return helper(n)
print(recursive_inner(10))
value = 1
def read_value():
    return value
value = 2
print(read_value())
def loop_scope():
    for i in range(3):
        last = i
    return i, last
print(loop_scope())
def conditional_def(flag):
    if flag:
        def f():
            return 'first'
    else:
        def f():
            return 'second'
    return f()
print(conditional_def(True), conditional_def(False))
class Scope:
    attr = 'class attr'
    def method(self):
        return attr_lookup(self)
def attr_lookup(obj):
    return obj.attr
print(Scope().method())
lambdas = [lambda: n for n in range(3)]
print([f() for f in lambdas])
def default_snapshot(v=x):
    return v
x = 'changed global'
print(default_snapshot(), x)
