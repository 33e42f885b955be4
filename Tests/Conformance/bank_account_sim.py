# A small simulation with classes, inheritance, custom exceptions and formatted reports.
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f'need {needed:.2f}, have {available:.2f}')
        self.needed = needed
        self.available = available
class Account:
    interest_rate = 0.0
    next_id = 1
    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self.balance = balance
        self.history = []
        self.id = Account.next_id
        Account.next_id += 1
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError('deposit must be positive')
        self.balance += amount
        self.history.append(('deposit', amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        self.history.append(('withdraw', amount))
    def month_end(self):
        interest = round(self.balance * self.interest_rate / 12, 2)
        self.balance += interest
        return interest
    def __repr__(self):
        return f'{type(self).__name__}(#{self.id} {self.owner!r}, {self.balance:.2f})'
    def __str__(self):
        return f'{self.owner}: ${self.balance:,.2f}'
class Savings(Account):
    interest_rate = 0.05
class Checking(Account):
    fee = 1.5
    def withdraw(self, amount):
        super().withdraw(amount + self.fee)
bank = [Savings('Ann', 1000), Checking('Bob', 50), Account('Cy')]
print(bank)
ops = [(0, 'deposit', 250.5), (1, 'withdraw', 20), (1, 'withdraw', 100), (2, 'deposit', -5),
       (2, 'deposit', 10), (0, 'withdraw', 2000), (1, 'deposit', 12.25)]
for idx, op, amount in ops:
    acct = bank[idx]
    try:
        getattr(acct, op)(amount)
        print(f'{op:>8} {amount:>8.2f} -> {acct}')
    except InsufficientFunds as e:
        print(f'{op:>8} {amount:>8.2f} FAILED: {e} (short by {e.needed - e.available:.2f})')
    except ValueError as e:
        print(f'{op:>8} {amount:>8.2f} REJECTED: {e}')
for month in range(1, 4):
    earned = [a.month_end() for a in bank]
    print(f'month {month}: interest {earned}, balances {[round(a.balance, 2) for a in bank]}')
for a in bank:
    print(repr(a), len(a.history), a.history)
total = sum(a.balance for a in bank)
print(f'total deposits: {total:,.2f}')
richest = max(bank, key=lambda a: a.balance)
print('richest:', richest)
print(sorted(bank, key=lambda a: a.balance))
print([isinstance(a, Account) for a in bank], [type(a).__name__ for a in bank])
