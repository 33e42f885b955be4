// `hps-bench interp`: the interpreter against CPython. Each program in bench/interp/ is valid Python
// and hps alike; both run as whole processes (start-up included), best of N, and the table reports
// hps/CPython time ratios and their geometric mean (below 1.0 means hps is faster).
import ArgumentParser
import Foundation

struct InterpBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "interp", abstract: "Time the interpreter against CPython (python3 -I -S).")

  @Flag(help: "Print one JSON object instead of a table.") var json = false
  @Option(help: "Runs per program; the best is kept.") var repeats = 3
  @Option(help: "The CPython to compare with.") var python = "python3"
  @Option(help: "The hps binary (default: the one built beside hps-bench).") var hps: String?
  @Option(help: "Only run benchmarks whose name contains this.") var filter: String?

  func run() throws {
    guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1 (got \(repeats))") }
    guard let pythonPath = BenchSupport.which(python) else {
      throw ValidationError("cannot find '\(python)' on PATH")
    }
    let hpsPath = hps ?? BenchSupport.siblingExecutable("hps").path
    guard FileManager.default.isExecutableFile(atPath: hpsPath) else {
      throw ValidationError("no hps binary at \(hpsPath); build it with: swift build -c release")
    }
    let directory = BenchSupport.packageRoot().appendingPathComponent("bench/interp")
    let programs = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".py") && (filter.map($0.contains) ?? true) }.sorted()
    guard !programs.isEmpty else { throw ValidationError("no benchmark programs in \(directory.path)") }

    var rows: [(name: String, hps: Double, python: Double)] = []
    for file in programs {
      let path = directory.appendingPathComponent(file).path
      let name = String(file.dropLast(3))
      let py = try best(of: repeats, pythonPath, ["-I", "-S", path], name: name, label: "python3")
      let mine = try best(of: repeats, hpsPath, ["run", path], name: name, label: "hps")
      guard py.stdout == mine.stdout else {
        throw ValidationError("\(name): hps printed something different from CPython:\n  python3: \(py.stdout.prefix(200))\n  hps:     \(mine.stdout.prefix(200))")
      }
      rows.append((name, mine.seconds, py.seconds))
      if !json {
        let padded = name.padding(toLength: max(name.count, 14), withPad: " ", startingAt: 0)
        print(padded + String(format: " hps %7.3f s   python3 %7.3f s   ratio %5.2f", mine.seconds, py.seconds, mine.seconds / py.seconds))
      }
    }
    let geomean = BenchSupport.geometricMean(rows.map { $0.hps / $0.python })
    if json {
      let benchmarks: [Any] = rows.map {
        [("name", $0.name), ("hps_s", $0.hps), ("python_s", $0.python), ("ratio", $0.hps / $0.python)] as [(String, Any)]
      }
      print(BenchSupport.json([("benchmarks", benchmarks), ("geomean_ratio", geomean)] as [(String, Any)]))
    } else {
      print(String(format: "geometric mean of hps/CPython time ratios: %.3f (target <= 1.0)", geomean))
    }
  }

  private func best(of n: Int, _ executable: String, _ arguments: [String], name: String, label: String)
    throws -> BenchSupport.ProcessResult
  {
    var best: BenchSupport.ProcessResult?
    for _ in 0..<n {
      let result = try BenchSupport.run(executable, arguments)
      guard result.status == 0 else {
        throw ValidationError("\(name) failed under \(label) (exit \(result.status)):\n\(result.stderr.suffix(800))")
      }
      if best == nil || result.seconds < best?.seconds ?? .infinity { best = result }
    }
    guard let best else { throw ValidationError("\(name): no run completed") }
    return best
  }
}
