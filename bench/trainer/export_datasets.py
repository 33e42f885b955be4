"""Writes scikit-learn's bundled toy data sets as plain CSV for hps (run once; output is committed).

Usage: python bench/trainer/export_datasets.py OUT_DIR
Each file: a header of feature names plus `target`, then one row per sample; targets are class ids
(classification) or the regression value. Values are the originals (digits 0..16 are integers).
"""
import csv
import sys
from pathlib import Path

from sklearn import datasets


def write(out: Path, name: str, bunch) -> None:
    names = [str(n) for n in bunch.feature_names]
    with open(out / f"{name}.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(names + ["target"])
        for x, y in zip(bunch.data, bunch.target):
            w.writerow([repr(float(v)) if not float(v).is_integer() else str(int(v)) for v in x] +
                       [repr(float(y)) if not float(y).is_integer() else str(int(y))])


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    write(out, "iris", datasets.load_iris())
    write(out, "wine", datasets.load_wine())
    write(out, "breast_cancer", datasets.load_breast_cancer())
    write(out, "digits", datasets.load_digits())
    write(out, "diabetes", datasets.load_diabetes(scaled=False))
    for n, b in [("iris", datasets.load_iris()), ("wine", datasets.load_wine()),
                 ("breast_cancer", datasets.load_breast_cancer()), ("digits", datasets.load_digits())]:
        print(n, list(map(str, b.target_names)))


main()
