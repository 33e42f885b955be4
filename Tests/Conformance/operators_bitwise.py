# Bitwise operators on small, negative and big ints.
vals = [0, 1, 5, 12, 255, -1, -6, 1023]
for a in vals:
    print(a, ~a, a & 0xF, a | 0x10, a ^ 0xFF, a << 3, a >> 1)
print(6 & 3, 6 | 3, 6 ^ 3, ~6)
print(-6 & 3, -6 | 3, -6 ^ 3, -6 >> 1, -1 >> 10, -7 >> 2)
print(1 << 62, 1 << 63, 1 << 64, 1 << 100)
print((1 << 100) >> 99, (1 << 100) & ((1 << 100) - 1), (1 << 100) | 1)
print(-(1 << 70) >> 3, -(1 << 70) & 0xFFFF, ~(1 << 70))
print((2 ** 64 - 1) ^ (2 ** 63), (2 ** 65) ^ -1)
print(True & False, True | False, True ^ True, ~True)
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010)
print(format(0b1100 & 0b1010, '04b'), format(0b1100 | 0b1010, '04b'))
x = 0
for bit in [0, 3, 5, 8]:
    x |= 1 << bit
print(x, format(x, 'b'))
count = 0
y = x
while y:
    count += y & 1
    y >>= 1
print('bits set', count)
mask = 0xFF
mask &= 0x3C
mask ^= 0x0F
mask <<= 2
mask >>= 1
print(mask)
print(1 + 2 << 3, 1 + (2 << 3), 6 & 3 == 2, (6 & 3) == 2)
print(5 | 2 ^ 7 & 3)
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(i) for i in range(17)])
print([i ^ (i >> 1) for i in range(16)])
print(sum(1 << i for i in range(10)))
print(12345678901234567890 & 0xFFFFFFFF, 12345678901234567890 >> 32)
