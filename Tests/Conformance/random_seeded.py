# The random module, seeded: every value must match CPython's Mersenne Twister exactly.
import random
random.seed(42)
print(random.random(), random.random(), random.random())
print([random.randint(1, 6) for _ in range(10)])
print(random.randrange(100), random.randrange(10, 20), random.randrange(0, 100, 5))
items = ['apple', 'banana', 'cherry', 'date', 'elder']
print(random.choice(items), random.choice(items), random.choice('xyz'))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.sample(items, 3), random.sample(range(100), 5))
print(random.choices(items, k=4), random.choices(items, weights=[5, 1, 1, 1, 1], k=4))
print(random.uniform(1, 10), random.uniform(-1, 1))
print(random.gauss(0, 1), random.gauss(10, 2), random.normalvariate(0, 1))
print(random.expovariate(1.5), random.triangular(0, 10, 3), random.betavariate(2, 5))
print(random.gammavariate(2, 1), random.lognormvariate(0, 0.5), random.paretovariate(3), random.weibullvariate(1, 1.5))
print(random.vonmisesvariate(0, 1), random.getrandbits(16), random.getrandbits(100))
random.seed(0)
a = [random.random() for _ in range(3)]
random.seed(0)
b = [random.random() for _ in range(3)]
print(a == b, a)
random.seed('hello')
print(random.random(), random.randint(0, 1000))
random.seed(123456789012345678901234567890)
print(random.random())
random.seed(-5)
print(random.random())
state = random.getstate()
first = [random.random() for _ in range(3)]
random.setstate(state)
second = [random.random() for _ in range(3)]
print(first == second)
rng = random.Random(7)
other = random.Random(7)
print(rng.random() == other.random(), rng.randint(1, 100), other.randint(1, 100))
random.seed(2024)
counts = {}
for _ in range(1000):
    face = random.randint(1, 6)
    counts[face] = counts.get(face, 0) + 1
print(sorted(counts.items()))
random.seed(1)
lr = [10 ** random.uniform(-5, -1) for _ in range(5)]
print(lr)
print([round(random.gauss(0, 1), 6) for _ in range(5)])
random.seed(99)
population = list(range(50))
print(random.sample(population, 10))
random.shuffle(population)
print(population[:10])
print(random.choices(range(3), cum_weights=[1, 2, 10], k=10))
