# 1M iterations, each calling an adder closure and a counter closure with a mutable cell.
def make_adder(k):
    def add(x):
        return x + k
    return add


def make_counter():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    return bump


def main():
    add = make_adder(3)
    bump = make_counter()
    total = 0
    for i in range(1000000):
        total += add(i)
        bump()
    print(total, bump())


main()
