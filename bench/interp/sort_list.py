# List comprehensions over 500k ints and two in-place sorts.
def main():
    n = 500000
    xs = [(i * 7919) % 1000003 for i in range(n)]
    ys = [x for x in xs if x % 3 != 0]
    xs.sort()
    ys.sort(reverse=True)
    print(len(xs), len(ys), xs[0], xs[-1], ys[0], ys[len(ys) // 2])


main()
