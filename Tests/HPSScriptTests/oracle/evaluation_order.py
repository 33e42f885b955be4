count = 0
def bump():
    global count
    count += 100
    return 1
count += bump()
print(count)
def outer():
    n = 0
    def b():
        nonlocal n
        n += 100
        return 1
    def run():
        nonlocal n
        n += b()
        return n
    return run()
print(outer())
s = ""
for i in range(5):
    s += f"{i}"
print(s)
