print("hps: not yet built")
