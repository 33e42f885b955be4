"""Shared helpers for the trainer peers: argument parsing, data loading, result printing.

Data comes from a safetensors file written by `hps-bench trainer` (x_train, y_train, x_test,
y_test as float32), so every peer trains on exactly the bytes hps trains on.
"""
import argparse
import json
import resource

import numpy as np
from safetensors.numpy import load_file


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--hidden", default="128,128", help="hidden sizes, comma separated")
    p.add_argument("--epochs", type=int, default=20)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--wd", type=float, default=0.01)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=0)
    return p.parse_args()


def load(path):
    t = load_file(path)
    return (np.ascontiguousarray(t["x_train"], dtype=np.float32), t["y_train"].astype(np.int64),
            np.ascontiguousarray(t["x_test"], dtype=np.float32), t["y_test"].astype(np.int64))


def report(samples_per_s, test_accuracy, threads, train_seconds, cpu_seconds):
    """Prints the one-line JSON result; cpu_seconds is the process CPU time of the training loop."""
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    samples = samples_per_s * train_seconds
    print(json.dumps({"samples_per_s": samples_per_s, "samples_per_cpu_s": samples / max(cpu_seconds, 1e-9),
                      "test_accuracy": test_accuracy,
                      "peak_rss_mb": peak_mb, "threads": threads, "train_seconds": train_seconds}))
