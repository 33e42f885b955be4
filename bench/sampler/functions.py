"""The benchmark functions of `hps-bench sampler`, mirrored in Sources/hps-bench/SamplerFunctions.swift.

Each function has a search space described in plain data so that every peer (Optuna, W&B sweeps)
is driven over exactly the same space: ("float", low, high, log) | ("int", low, high) |
("cat", [choices]).
"""
import math

HARTMANN_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
              [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
HARTMANN_P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
              [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]
HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2]
MIXED_OPT = {"sgd": (-1.5, 0.30), "momentum": (-2.0, 0.12), "adam": (-3.0, 0.0), "rmsprop": (-3.3, 0.05)}


def branin(p):
    x1, x2 = p["x0"], p["x1"]
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def hartmann6(p):
    x = [p[f"x{i}"] for i in range(6)]
    total = 0.0
    for i in range(4):
        inner = sum(HARTMANN_A[i][j] * (x[j] - 1e-4 * HARTMANN_P[i][j]) ** 2 for j in range(6))
        total += HARTMANN_ALPHA[i] * math.exp(-inner)
    return -total


def rosenbrock5(p):
    x = [p[f"x{i}"] for i in range(5)]
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(4))


def styblinski8(p):
    x = [p[f"x{i}"] for i in range(8)]
    return sum(v ** 4 - 16 * v ** 2 + 5 * v for v in x) / 2


def ackley5(p):
    x = [p[f"x{i}"] for i in range(5)]
    n = len(x)
    s1 = sum(v * v for v in x) / n
    s2 = sum(math.cos(2 * math.pi * v) for v in x) / n
    return -20 * math.exp(-0.2 * math.sqrt(s1)) - math.exp(s2) + 20 + math.e


def mixed_ml(p):
    u, v, layers, opt = math.log10(p["lr"]), math.log10(p["wd"]), p["layers"], p["optimizer"]
    u_star, c = MIXED_OPT[opt]
    du = u - u_star + 0.1 * (layers - 4)
    dv = v + 4 - 0.5 * du
    return 0.1 + c + 0.25 * du ** 2 + 0.08 * dv ** 2 + 0.02 * (layers - 4) ** 2 + 2 * max(0.0, du - 1)


def box(n, low, high):
    return {f"x{i}": ("float", low, high, False) for i in range(n)}


FUNCTIONS = {
    "branin": (branin, {"x0": ("float", -5.0, 10.0, False), "x1": ("float", 0.0, 15.0, False)}),
    "hartmann6": (hartmann6, box(6, 0.0, 1.0)),
    "rosenbrock5": (rosenbrock5, box(5, -5.0, 10.0)),
    "styblinski8": (styblinski8, box(8, -5.0, 5.0)),
    "ackley5": (ackley5, box(5, -32.768, 32.768)),
    "mixed_ml": (mixed_ml, {"lr": ("float", 1e-5, 1e-1, True), "wd": ("float", 1e-6, 1e-2, True),
                            "layers": ("int", 1, 8), "optimizer": ("cat", ["sgd", "momentum", "adam", "rmsprop"])}),
}
