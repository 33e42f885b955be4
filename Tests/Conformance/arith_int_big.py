# Arbitrary-precision ints: overflow past 64 bits must promote, never wrap or trap.
big = 2 ** 64
print(big, big - 1, big + 1, -big)
print(2 ** 63 - 1, 2 ** 63, -(2 ** 63), -(2 ** 63) - 1)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(9223372036854775807 * 2, 9223372036854775807 * 9223372036854775807)
print(2 ** 100, 2 ** 200)
print(3 ** 100)
print(10 ** 50 + 1)
f = 1
for i in range(1, 31):
    f *= i
print('30! =', f)
print(f // 10 ** 20, f % 10 ** 20)
print(-f // 7, -f % 7, f // -7, f % -7)
print(divmod(2 ** 100, 3 ** 40))
print(divmod(-(2 ** 100), 3 ** 40))
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b, a - b, b - a)
print(a * b)
print(b // a, b % a)
print(a == 123456789012345678901234567890, a < b, b > a, a != b)
print(a / b)
print(2 ** 64 / 2, 2 ** 1000 / 2 ** 999)
print(abs(-a), -(-a), +a)
print(2 ** 64 == 18446744073709551616, hash(2 ** 64) == hash(18446744073709551616))
print(pow(2, 100, 10 ** 9 + 7), pow(3, 10 ** 6, 1000007))
acc = 1
for i in range(70):
    acc = acc * 2 + 1
print(acc, len(str(acc)))
s = 0
for i in range(1, 200):
    s += i ** 9
print(s)
fib = [0, 1]
for i in range(120):
    fib.append(fib[-1] + fib[-2])
print(fib[90], fib[100], fib[-1])
print(int('9' * 40) + 1)
print(str(2 ** 128), len(str(2 ** 128)))
print(max(2 ** 70, 2 ** 69 * 3), min(-2 ** 70, 5))
print(sorted([2 ** 65, -3, 2 ** 64, 7, -2 ** 66]))
print((2 ** 64) & 0xFFFF, (2 ** 64 + 5) | 2, (2 ** 65) >> 3, 1 << 70)
print(float(2 ** 64), float(2 ** 100), int(1e20), int(2.0 ** 70))
print(round(2 ** 70 / 3), 2 ** 70 // 3)
print(-(2 ** 64) // 3, -(2 ** 64) % 3)
print(sum([2 ** 62, 2 ** 62, 2 ** 62, 2 ** 62]))
print(10 ** 30 // 10 ** 29, 10 ** 30 % 999)
