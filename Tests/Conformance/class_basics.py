# Classes: __init__, instance and class attributes, methods, method objects.
class Dog:
    species = 'canis familiaris'
    count = 0
    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.tricks = []
        Dog.count += 1
    def description(self):
        return f'{self.name} is {self.age} years old'
    def speak(self, sound='Woof'):
        return f'{self.name} says {sound}'
    def add_trick(self, trick):
        self.tricks.append(trick)
        return self
    def birthday(self):
        self.age += 1
rex = Dog('Rex', 3)
fido = Dog('Fido', 5)
print(rex.description(), '|', fido.speak(), '|', rex.speak('Grr'))
print(rex.species, Dog.species, Dog.count, rex.count)
rex.add_trick('sit').add_trick('roll')
print(rex.tricks, fido.tricks)
rex.birthday()
print(rex.age, fido.age)
rex.species = 'robot dog'
print(rex.species, fido.species, Dog.species)
bound = fido.speak
print(bound(), bound('Arf'))
unbound = Dog.description
print(unbound(rex))
class Point:
    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
    def distance_to(self, other):
        return ((self.x - other.x) ** 2 + (self.y - other.y) ** 2) ** 0.5
    def as_tuple(self):
        return (self.x, self.y)
p = Point()
q = Point(3, 4)
print(p.as_tuple(), q.as_tuple(), p.distance_to(q))
p.move(1, 1)
print(p.as_tuple(), p.distance_to(q))
p.label = 'dynamic attribute'
print(p.label)
class Stack:
    def __init__(self):
        self.items = []
    def push(self, item):
        self.items.append(item)
    def pop(self):
        return self.items.pop()
    def peek(self):
        return self.items[-1]
    def is_empty(self):
        return not self.items
    def size(self):
        return len(self.items)
s = Stack()
for ch in 'abc':
    s.push(ch)
print(s.size(), s.peek(), s.pop(), s.size(), s.is_empty())
def balanced(text):
    st = Stack()
    pairs = {')': '(', ']': '[', '}': '{'}
    for ch in text:
        if ch in '([{':
            st.push(ch)
        elif ch in pairs:
            if st.is_empty() or st.pop() != pairs[ch]:
                return False
    return st.is_empty()
print([balanced(t) for t in ['()', '([]{})', '(]', '((', 'a(b)c']])
class Temperature:
    scale = 'C'
    def __init__(self, degrees):
        self.degrees = degrees
    def to_f(self):
        return self.degrees * 9 / 5 + 32
temps = [Temperature(d) for d in (-40, 0, 37, 100)]
print([t.to_f() for t in temps])
class Empty:
    pass
e = Empty()
e.x = 1
print(e.x, isinstance(e, Empty), type(e) is Empty)
class Counter:
    total = 0
    def __init__(self):
        self.mine = 0
    def hit(self):
        self.mine += 1
        Counter.total += 1
a, b = Counter(), Counter()
a.hit(); a.hit(); b.hit()
print(a.mine, b.mine, Counter.total)
print(type(rex), type(Dog), type(p).__name__)
