# 2M method calls on a small class that updates two attributes.
class Counter:
    def __init__(self):
        self.total = 0
        self.calls = 0

    def add(self, x):
        self.total += x
        self.calls += 1
        return self.total


def main():
    c = Counter()
    i = 0
    while i < 2000000:
        c.add(i % 7)
        i += 1
    print(c.total, c.calls)


main()
