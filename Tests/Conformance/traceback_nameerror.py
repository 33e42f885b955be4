# Ends with an uncaught NameError for a name that does not exist anywhere.
def area(radius):
    return 3.14159 * radius ** 2
def volume(radius, height):
    return area(radius) * height
print(area(1), area(2.5), volume(1, 10))
results = []
for r in range(1, 6):
    results.append(round(volume(r, r), 2))
print(results)
def safe_eval(fn):
    try:
        return fn()
    except NameError as e:
        return f'NameError: {e}'
print(safe_eval(lambda: undefined_variable_abc))
print(safe_eval(lambda: area(3)))
def uses_local_before_assignment():
    try:
        total = total_count_xyz + 1
    except NameError as e:
        return str(e)
    return total
print(uses_local_before_assignment())
scale = 2
def scaled(v):
    return v * scale
print([scaled(v) for v in range(5)])
del scale
try:
    scaled(3)
except NameError as e:
    print('after del:', e)
def final_step():
    return qqq_zzz_never_defined * 2
print('calling final_step')
final_step()
