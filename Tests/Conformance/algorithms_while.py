# Classic integer algorithms written with while loops.
def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    p = 2
    while p * p <= limit:
        if is_prime[p]:
            multiple = p * p
            while multiple <= limit:
                is_prime[multiple] = False
                multiple += p
        p += 1
    return [i for i, flag in enumerate(is_prime) if flag]
primes = sieve(200)
print(primes, len(primes))
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(1071, 462), gcd(2 ** 64, 2 ** 32 * 3), [gcd(n, 12) for n in range(1, 13)])
def digits_sum(n):
    total = 0
    while n:
        total += n % 10
        n //= 10
    return total
print(digits_sum(987654321), digits_sum(2 ** 100))
def to_base(n, base):
    chars = '0123456789abcdefghijklmnopqrstuvwxyz'
    if n == 0:
        return '0'
    sign = '-' if n < 0 else ''
    n = abs(n)
    out = ''
    while n:
        out = chars[n % base] + out
        n //= base
    return sign + out
print([to_base(255, b) for b in (2, 8, 16, 36)], to_base(-42, 3), to_base(2 ** 70, 36))
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
print(isqrt(10 ** 30), isqrt(99), isqrt(2 ** 101))
def factorize(n):
    factors = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    if n > 1:
        factors.append(n)
    return factors
print([factorize(n) for n in (84, 97, 1001, 2 ** 10 * 3 ** 3, 600851475143)])
def is_palindrome(n):
    original, rev = n, 0
    while n > 0:
        rev = rev * 10 + n % 10
        n //= 10
    return original == rev
print([n for n in range(100, 200) if is_palindrome(n)])
def binary_search(items, target):
    lo, hi = 0, len(items) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if items[mid] < target:
            lo = mid + 1
        elif items[mid] > target:
            hi = mid - 1
        else:
            return mid
    return -(lo + 1)
print([binary_search(primes, t) for t in (2, 3, 97, 100, 199, 1000)])
def bubble_sort(xs):
    xs = list(xs)
    swapped = True
    passes = 0
    while swapped:
        swapped = False
        passes += 1
        i = 1
        while i < len(xs):
            if xs[i - 1] > xs[i]:
                xs[i - 1], xs[i] = xs[i], xs[i - 1]
                swapped = True
            i += 1
    return xs, passes
print(bubble_sort([5, 1, 4, 2, 8, 0, -3]))
def lcg(seed, count):
    values = []
    while len(values) < count:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        values.append(seed >> 60)
    return values
print(lcg(42, 20))
def pascal(rows):
    row = [1]
    out = []
    while len(out) < rows:
        out.append(row)
        row = [1] + [row[i] + row[i + 1] for i in range(len(row) - 1)] + [1]
    return out
for r in pascal(8):
    print(' '.join(str(v) for v in r).center(40))
