# 200k f-string builds with three fields, joined, plus an accumulating string.
def main():
    parts = []
    for i in range(200000):
        s = f"{i}:{i * 2}:{i % 7}"
        parts.append(s)
    joined = ",".join(parts)
    acc = ""
    for i in range(200000):
        acc += f"{i % 10}"
    print(len(parts), len(joined), len(acc))


main()
