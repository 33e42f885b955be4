from dataclasses import dataclass, field, asdict
from typing import List, Optional, Dict

@dataclass
class TrainingArguments:
    output_dir: str
    learning_rate: float = 5e-5
    num_train_epochs: int = 3
    tags: List[str] = field(default_factory=list)
    seed: Optional[int] = None

args = TrainingArguments("out", learning_rate=2e-5)
print(args, args.learning_rate, asdict(args))
print(args == TrainingArguments("out", 2e-5), TrainingArguments.__annotations__ is not None)

@dataclass(order=True, frozen=True)
class P:
    x: int
    y: int = 0

print(sorted([P(2), P(1, 5)]), hash(P(1)) == hash(P(1)))
try:
    P(1).x = 3
except AttributeError as e:
    print("frozen", e)
def f(a: int, b: "str" = "x") -> Dict[str, int]:
    return {b: a}
print(f(1))
