# Ends with an uncaught NotImplementedError from an abstract-style base method.
class Optimizer:
    def __init__(self, lr):
        self.lr = lr
        self.steps = 0
    def update(self, param, grad):
        raise NotImplementedError(f'{type(self).__name__} must implement update')
    def step(self, params, grads):
        self.steps += 1
        return [self.update(p, g) for p, g in zip(params, grads)]
class SGD(Optimizer):
    def update(self, param, grad):
        return param - self.lr * grad
class Momentum(Optimizer):
    def __init__(self, lr, beta=0.9):
        super().__init__(lr)
        self.beta = beta
        self.velocity = {}
    def update(self, param, grad):
        v = self.beta * self.velocity.get('v', 0.0) + grad
        self.velocity['v'] = v
        return param - self.lr * v
params = [1.0, -2.0, 0.5]
grads = [0.1, -0.2, 0.05]
sgd = SGD(0.5)
for _ in range(3):
    params = sgd.step(params, grads)
    print([round(p, 4) for p in params])
m = Momentum(0.1)
p2 = [1.0]
for _ in range(4):
    p2 = m.step(p2, [1.0])
    print(round(p2[0], 6))
print(sgd.steps, m.steps)
class Adam(Optimizer):
    pass
print('stepping an optimizer without update')
Adam(0.01).step(params, grads)
