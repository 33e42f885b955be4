# Build a 200k-key dict with f-string keys, then read it sequentially and strided.
def main():
    n = 200000
    d = {}
    for i in range(n):
        d[f"key{i}"] = i
    total = 0
    for i in range(n):
        total += d[f"key{i}"]
    for i in range(0, n * 7, 7):
        total += d[f"key{i % n}"]
    print(len(d), total)


main()
