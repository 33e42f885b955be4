# Ends with an uncaught user-defined exception carrying a formatted message.
class BudgetExceeded(Exception):
    def __init__(self, spent, limit):
        super().__init__(f'spent {spent} of a {limit} trial budget')
        self.spent = spent
        self.limit = limit
class Budget:
    def __init__(self, limit):
        self.limit = limit
        self.spent = 0
        self.log = []
    def charge(self, label, cost):
        if self.spent + cost > self.limit:
            raise BudgetExceeded(self.spent + cost, self.limit)
        self.spent += cost
        self.log.append((label, cost))
        return self.limit - self.spent
budget = Budget(10)
for label, cost in [('trial-0', 3), ('trial-1', 4), ('trial-2', 5), ('trial-3', 2)]:
    try:
        left = budget.charge(label, cost)
        print(f'{label}: charged {cost}, {left} left')
    except BudgetExceeded as e:
        print(f'{label}: refused ({e}); over by {e.spent - e.limit}')
print(budget.log, budget.spent)
print(isinstance(BudgetExceeded(1, 2), Exception), str(BudgetExceeded(11, 10)))
def run_all(b, costs):
    remaining = []
    for i, c in enumerate(costs):
        remaining.append(b.charge(f'batch-{i}', c))
    return remaining
print(run_all(Budget(100), [10, 20, 30]))
print('final batch overspends')
print(run_all(budget, [1, 5]))
