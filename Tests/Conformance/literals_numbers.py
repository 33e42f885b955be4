# Integer and float literals in every spelling the subset allows, and how they print.
print(0, 1, -1, 42, 1_000_000)
print(0x1F, 0XFF, 0x_dead_beef)
print(0o17, 0O777, 0b1010, 0B1111_0000)
print(123_456_789_012_345_678_901_234_567_890)
print(0.5, .5, 5., 1e3, 1E-3, 1_000.000_1)
print(1.0, 10.0, 100.0, 1e15, 1e16, 1e17, 1.5e300)
print(0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3)
print(1e-4, 1e-5, 0.0001234, 0.00001234)
print(-0.0, 0.0, -1.5, 3.14159)
print(123456789.123456789, 9007199254740993.0)
print(True, False, None)
print(True + True, False * 10, True / 2)
print(type(1), type(1.0), type(True), type(None))

values = [0, 7, -7, 255, 2 ** 31, 2 ** 63, -2 ** 63, 2 ** 64]
for v in values:
    print(v, format(v, 'x'), format(v, 'o'), format(v, 'b')[:20])

floats = [1.0, 2.5, 1e22, 1e23, 5e-324, 1.7976931348623157e308, 0.1 * 3, 100.0 / 3]
for f in floats:
    print(f, repr(f), str(f), float(repr(f)) == f)

print(int('42'), int('-17'), int('  99  '), int('0x1F', 16), int('777', 8), int('1010', 2))
print(int('z', 36), int('Zz', 36), int(3.99), int(-3.99), int(True))
print(float('1.5'), float('-2'), float('  3.25  '), float('1e3'), float(7))
print(float('inf'), float('-inf'), float('nan'))
print(1 == 1.0, 2 ** 53 == 2.0 ** 53, 0.1 + 0.2 == 0.3)
print(10 ** 20, 10.0 ** 20, 10 ** -2)
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2)
print(2 ** 10, 2 ** 0.5, 4 ** 0.5, (-8) ** 2, -8 ** 2)
x = 1_0
y = 0x_10
z = 0o_10
w = 0b_10
print(x, y, z, w, x + y + z + w)
