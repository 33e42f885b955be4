# Single inheritance, overriding, super() in __init__ and methods, isinstance/issubclass.
class Animal:
    kingdom = 'animalia'
    def __init__(self, name, legs=4):
        self.name = name
        self.legs = legs
    def speak(self):
        return '...'
    def describe(self):
        return f'{self.name} ({type(self).__name__}) has {self.legs} legs and says {self.speak()}'
class Dog(Animal):
    def speak(self):
        return 'Woof'
class Bird(Animal):
    def __init__(self, name, can_fly=True):
        super().__init__(name, legs=2)
        self.can_fly = can_fly
    def speak(self):
        return 'Tweet'
    def describe(self):
        base = super().describe()
        return base + (' and flies' if self.can_fly else ' but cannot fly')
class Penguin(Bird):
    def __init__(self, name):
        super().__init__(name, can_fly=False)
    def speak(self):
        return 'Squawk (' + super().speak() + '?)'
zoo = [Animal('generic'), Dog('Rex'), Bird('Tweety'), Penguin('Pingu')]
for a in zoo:
    print(a.describe())
print(Penguin('P').kingdom, Penguin.kingdom)
p = zoo[3]
print(isinstance(p, Penguin), isinstance(p, Bird), isinstance(p, Animal), isinstance(p, Dog))
print(issubclass(Penguin, Animal), issubclass(Dog, Bird), issubclass(Bird, Bird), issubclass(Animal, object))
print(isinstance(p, (Dog, Bird)), isinstance(3, (str, Animal)))
class Shape:
    def area(self):
        raise NotImplementedError('subclasses must implement area')
    def __repr__(self):
        return f'{type(self).__name__}(area={self.area():.2f})'
class Rect(Shape):
    def __init__(self, w, h):
        self.w = w
        self.h = h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.141592653589793 * self.r ** 2
shapes = [Rect(2, 3), Square(4), Circle(1)]
print(shapes)
print(sorted(shapes, key=lambda s: s.area()))
print(sum(s.area() for s in shapes))
try:
    Shape().area()
except NotImplementedError as e:
    print('NotImplementedError:', e)
class Base:
    def __init__(self):
        self.log = ['Base']
    def hello(self):
        return 'Base.hello'
class Middle(Base):
    def __init__(self):
        super().__init__()
        self.log.append('Middle')
    def hello(self):
        return 'Middle>' + super().hello()
class Leaf(Middle):
    def __init__(self):
        super().__init__()
        self.log.append('Leaf')
    def hello(self):
        return 'Leaf>' + super().hello()
leaf = Leaf()
print(leaf.log, leaf.hello())
class Counter:
    def __init__(self):
        self.n = 0
    def inc(self):
        self.n += 1
        return self
class LoudCounter(Counter):
    def inc(self):
        super().inc()
        print('count is now', self.n)
        return self
lc = LoudCounter()
lc.inc().inc()
print(lc.n, type(lc).__name__)
class Parent:
    value = 'parent'
    def get(self):
        return self.value
class Child(Parent):
    value = 'child'
print(Parent().get(), Child().get())
