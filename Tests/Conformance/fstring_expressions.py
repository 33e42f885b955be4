# Expressions inside f-strings: calls, conditionals, methods, comprehensions, nesting.
def square(v):
    return v * v
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f'Point({self.x}, {self.y})'
    def __str__(self):
        return f'({self.x}, {self.y})'
p = Point(2, -3)
print(f'{p}', f'{p!r}', f'{p!s}', f'{p.x + p.y}', f'{str(p):>10}|', f'{repr(p):<14}|')
print(f'{square(7)}', f'{square(1.5):.1f}', f'{max(3, 9, 4)}', f'{min([5, 2, 8])}')
for i in range(1, 16):
    print(f'{i}: {"FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else i}')
names = ['ann', 'bob', 'cy']
print(f'{[n.title() for n in names]}', f'{len(names)} names', f'{", ".join(names)}')
print(f'{ {n: len(n) for n in names} }')
print(f'{sum(i * i for i in range(10))}', f'{sorted(names, reverse=True)}')
matrix = [[1, 2], [3, 4]]
print(f'{matrix}', f'{matrix[1][0]}', f'{[r[::-1] for r in matrix]}')
x = 10
print(f'{x if x > 5 else -x}', f'{x > 5 and "big" or "small"}', f'{not x}')
print(f'{"a" "b"}', f'{"it is" if x else "plain"}')
print(f'{x:>{x}}|', f'{x!r:^{x // 2}}|')
msg = 'value'
print(f'{msg}={x}', f'{msg.upper()}={x * 2}', f'{msg[0]}{msg[-1]}')
print(f'{1}{2}{3}', f'{"".join(["x", "y"])}', f'{(lambda v: v + 1)(41)}')
data = {'temp': 21.456, 'unit': 'C'}
print(f"Temperature: {data['temp']:.1f}{data['unit']}")
print(f'{3.0 * 1.1}', f'{0.1 + 0.2}', f'{1 / 3:.5}', f'{2 ** 0.5}')
nested = f'outer {f"inner {x}"} end'
print(nested)
print(f'{"-" * 20}')
for row in range(3):
    print(f'|{"":{row * 2}}{"*" * (5 - row * 2)}{"":{row * 2}}|')
print(f'{type(x)} {type(p).__name__} {isinstance(p, Point)}')
print(f'{12345:>{3 * 3},}|')
