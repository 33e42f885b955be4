# Integer arithmetic with Python's floor division and modulo semantics.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (5, 1), (1, 5), (100, 7), (-100, 7)]
for a, b in pairs:
    print(a, b, '|', a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))

print(2 ** 0, 2 ** 1, 2 ** 10, 3 ** 5, (-2) ** 3, (-2) ** 4)
print(2 ** -1, 2 ** -2, 10 ** -3)
print(abs(-5), abs(5), abs(0), -(-5), +5)
print(1 + 2 * 3, (1 + 2) * 3, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2, -(2 ** 2))
print(17 // 5 * 5 + 17 % 5)
print(10 / 4, 10 // 4, 10 % 4, 10 / 5, type(10 / 5))
print(pow(2, 10), pow(2, 10, 1000), pow(3, 4, 5), pow(-3, 3))
print(pow(7, 2, 13), pow(2, 0, 5))
total = 0
for i in range(1, 101):
    total += i
print('sum 1..100 =', total)
product = 1
for i in range(1, 11):
    product *= i
print('10! =', product)
n = 12345
digits = []
while n > 0:
    digits.append(n % 10)
    n //= 10
print(digits, sum(digits))
print(round(7 / 2), round(5 / 2), round(-5 / 2), round(3.14159, 2), round(1234, -2))
print(max(3, 9, 1), min(3, 9, 1), max([4, 8, 2]), min((4, 8, 2)))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5))
x = 5
x += 3
x -= 1
x *= 4
x //= 3
x %= 5
x **= 3
print(x)
print(int('123') + 1, str(123) + '4')
print(True + 1, False - 1, True * 7)
print(0 == False, 1 == True, 2 == True)
print(7 // 1, -7 // 1, 0 // 3, -0)
print(1000000 * 1000000, 999999999999 + 1)
for base in [2, 3, 7, 10, 16]:
    print(base, [base ** k for k in range(6)])
