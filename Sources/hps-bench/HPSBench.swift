// `hps-bench`: benchmarks run by hand (release build) that time hps against its peers in one run and
// report ratios. Not part of CI. One subcommand per area, each in its own file.
import ArgumentParser

@main
struct HPSBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hps-bench",
    abstract: "Benchmark hps against CPython, PyTorch/numpy and Optuna/W&B sweeps on this machine.",
    subcommands: [InterpBenchmark.self, TrainerBenchmark.self, SamplerBenchmark.self, SearchBenchmark.self, TPETrace.self])
}
