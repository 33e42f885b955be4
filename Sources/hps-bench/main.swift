print("hps-bench: not yet built")
