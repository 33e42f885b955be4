# del on names, list items and slices, dict keys, attributes; NameError after deletion.
x = 10
y = 20
del x
try:
    print(x)
except NameError as e:
    print('NameError:', e)
print(y)
a, b = 1, 2
del a, b
print('deleted two names')
lst = list(range(10))
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[2:4]
print(lst)
del lst[::2]
print(lst)
del lst[:]
print(lst, len(lst))
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
try:
    del d['zz']
except KeyError as e:
    print('KeyError:', e)
class Obj:
    def __init__(self):
        self.keep = 1
        self.drop = 2
o = Obj()
del o.drop
print(hasattr(o, 'drop'), hasattr(o, 'keep'), o.keep)
try:
    del o.drop
except AttributeError as e:
    print('AttributeError:', e)
nested = {'outer': {'inner': [1, 2, 3]}}
del nested['outer']['inner'][1]
print(nested)
grid = [[1, 2], [3, 4]]
del grid[0][1], grid[1]
print(grid)
def local_del():
    temp = 'temporary'
    del temp
    try:
        return temp
    except NameError as e:
        return f'NameError: {e}'
print(local_del())
items = ['a', 'b', 'c', 'd', 'e']
while items:
    del items[len(items) // 2]
    print(items)
try:
    del items[0]
except IndexError as e:
    print('IndexError:', e)
counts = {i: i * i for i in range(6)}
for k in list(counts):
    if counts[k] % 2:
        del counts[k]
print(counts)
name = 'rebound'
del name
name = 'again'
print(name)
