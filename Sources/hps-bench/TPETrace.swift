// `hps-bench tpe-trace`: TPE's suggestions on one benchmark function as exact bit patterns, plus
// the cost per suggestion at the end of the run. Diffing two traces shows that a speed-up left
// every suggestion unchanged.
import ArgumentParser
import Foundation
import HPSSearch

struct TPETrace: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tpe-trace", abstract: "Print TPE's suggestions as bit patterns and its cost at the last trial.")

  @Option(help: "Function (see `hps-bench sampler`).") var function = "rosenbrock5"
  @Option(help: "Seed of TPESampler.") var seed = 0
  @Option(help: "Trials.") var trials = 1000
  @Option(help: "Repeat the run this many times and report each run's cost (only the first run's trace is printed).") var repeats = 1
  @Flag(help: "Only the cost line.") var costOnly = false

  func run() throws {
    guard let f = try SamplerFunctions.all().first(where: { $0.name == function }) else {
      throw ValidationError("unknown function '\(function)'")
    }
    var costs: [Double] = []
    for r in 0..<max(repeats, 1) {
      let records = try SamplerLoop.run(sampler: TPESampler(seed: seed), space: f.space, nTrials: trials) { [f.evaluate($0)] }
      costs.append(SamplerBenchmark.windowMedian(records.map(\.samplerSeconds)))
      if r == 0 && !costOnly {
        for (i, rec) in records.enumerated() {
          let fields = rec.params.keys.sorted().map { name -> String in
            switch rec.params[name]! {
            case .float(let v): return "\(name)=\(String(v.bitPattern, radix: 16))"
            default: return "\(name)=\(rec.params[name]!)"
            }
          }
          print("\(i) \(fields.joined(separator: " "))")
        }
      }
    }
    let ms = costs.map { String(format: "%.4f", $0 * 1000) }.joined(separator: " ")
    print("cost ms at trial \(trials) (median of the last 21): \(ms)")
  }
}
