# getattr/setattr/hasattr, class vs instance attributes, type(), isinstance, methods as values.
class Config:
    debug = False
    level = 1
    def __init__(self, **options):
        for key, value in options.items():
            setattr(self, key, value)
cfg = Config(name='demo', level=5)
print(cfg.name, cfg.level, Config.level, cfg.debug)
print(hasattr(cfg, 'name'), hasattr(cfg, 'missing'), hasattr(Config, 'debug'))
print(getattr(cfg, 'level'), getattr(cfg, 'missing', 'fallback'), getattr(Config, 'level'))
setattr(cfg, 'debug', True)
print(cfg.debug, Config.debug)
for attr in ['name', 'level', 'debug', 'color']:
    print(attr, getattr(cfg, attr, None))
class Plugin:
    def run(self):
        return 'run'
    def stop(self):
        return 'stop'
plugin = Plugin()
for action in ['run', 'stop']:
    method = getattr(plugin, action)
    print(action, method())
print(type(plugin) is Plugin, type(plugin) == Plugin, isinstance(plugin, object))
print(type(1) is int, type(True) is bool, type('') is str, type(None), type(len), type([]), type({}))
print(isinstance(True, int), isinstance(1.0, (int, float)), issubclass(bool, int), issubclass(int, object))
class Node:
    def __init__(self, value, next_node=None):
        self.value = value
        self.next = next_node
head = Node(1, Node(2, Node(3)))
values = []
node = head
while node is not None:
    values.append(node.value)
    node = node.next
print(values)
class Temperature:
    def __init__(self):
        self.celsius = 0
    def set(self, value):
        if not isinstance(value, (int, float)):
            raise TypeError('temperature must be a number')
        self.celsius = value
t = Temperature()
t.set(21.5)
print(t.celsius)
try:
    t.set('hot')
except TypeError as e:
    print('TypeError:', e)
try:
    print(t.fahrenheit)
except AttributeError as e:
    print('AttributeError:', e)
try:
    getattr(t, 'kelvin')
except AttributeError as e:
    print('AttributeError:', e)
class Shared:
    items = []
    def add(self, x):
        self.items.append(x)
s1, s2 = Shared(), Shared()
s1.add(1)
s2.add(2)
print(s1.items, s2.items, Shared.items)
s1.items = ['own']
print(s1.items, s2.items)
class Animal:
    sound = 'generic'
    def speak(self):
        return self.sound
class Cat(Animal):
    sound = 'meow'
c = Cat()
print(c.speak(), Animal().speak())
c.sound = 'purr'
print(c.speak(), Cat().speak())
print(callable(Cat), callable(c), callable(c.speak))
fn = Cat.speak
print(fn(c), fn(Animal()))
obj = Cat()
setattr(obj, 'extra', [1, 2])
obj.extra.append(3)
print(obj.extra, hasattr(Cat, 'extra'))
