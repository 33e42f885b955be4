# Ends with an uncaught KeyError raised two calls deep.
inventory = {'apples': 5, 'pears': 2, 'plums': 0}
def restock(items, name, amount):
    items[name] = items.get(name, 0) + amount
    return items[name]
def consume(items, name, amount):
    if items[name] < amount:
        raise ValueError(f'not enough {name}')
    items[name] -= amount
    return items[name]
print(restock(inventory, 'plums', 4), restock(inventory, 'kiwis', 1))
print(consume(inventory, 'apples', 2), consume(inventory, 'plums', 1))
try:
    consume(inventory, 'pears', 10)
except ValueError as e:
    print('ValueError:', e)
for name in sorted(inventory):
    print(f'{name:<8}{inventory[name]:>4}')
total = sum(inventory.values())
print('total', total)
report = {k: v for k, v in inventory.items() if v > 1}
print(report)
def lookup_price(prices, item):
    return prices[item]
def order_total(prices, order):
    total = 0
    for item, qty in order:
        total += lookup_price(prices, item) * qty
    return total
prices = {'apples': 0.5, 'pears': 0.75, 'plums': 1.25}
print(order_total(prices, [('apples', 4), ('plums', 2)]))
print(order_total(prices, []))
print('about to fail')
print(order_total(prices, [('pears', 1), ('mangos', 3)]))
print('never printed')
