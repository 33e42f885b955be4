# A 5M-iteration arithmetic loop; the sum passes 2**63 after ~3M iterations (big ints from there).
def main():
    total = 0
    for i in range(5000000):
        total += i * i
    print(total)


main()
