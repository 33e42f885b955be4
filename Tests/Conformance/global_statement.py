# global declarations, module-level state, and name resolution order.
counter = 0
history = []
def bump():
    global counter
    counter += 1
    history.append(counter)
    return counter
for _ in range(3):
    bump()
print(counter, history)
def reset():
    global counter, history
    counter = 0
    history = []
reset()
print(counter, history)
def create_later():
    global created
    created = 'made inside a function'
create_later()
print(created)
total = 100
def uses_local():
    total = 5
    return total
def uses_global():
    return total * 2
print(uses_local(), uses_global(), total)
def modify_list_without_global():
    history.append('mutated')
modify_list_without_global()
print(history)
CONSTANT = 3
def compute(v):
    return v * CONSTANT
print(compute(7))
CONSTANT = 10
print(compute(7))
factory_count = 0
def make():
    global factory_count
    factory_count = factory_count + 1
    return factory_count
print(make(), make(), make())
len_backup = len
def len_shadow_test(items):
    count = 0
    for _ in items:
        count += 1
    return count
print(len_shadow_test('abcd'), len_backup('ab'))
def outer():
    global g
    g = 'set by outer'
    def inner():
        return g
    return inner()
print(outer(), g)
x = 1
def f():
    def g2():
        return x
    return g2()
x = 2
print(f())
state = {'calls': 0}
def tracked():
    state['calls'] += 1
    return state['calls']
print(tracked(), tracked(), state)
def read_then_global():
    global total
    before = total
    total = before + 1
    return before, total
print(read_then_global(), total)
try:
    def broken():
        return undefined_thing_xyz + 1
    broken()
except NameError as e:
    print('NameError:', e)
