// The results of `hps-bench trainer` as a table or as the JSON object issue 3 specifies.
import Foundation

struct TrainerBenchmarkRow {
  var hps: PeerResult?
  var torch: PeerResult?
  var numpy: PeerResult?
  var sgemmBound: Double?

  func ratio(_ peer: PeerResult?) -> Double? {
    guard let h = hps?.samplesPerSecond, let p = peer?.samplesPerSecond, p > 0 else { return nil }
    return h / p
  }

  var fractionOfBound: Double? {
    guard let h = hps?.samplesPerSecond, let b = sgemmBound, b > 0 else { return nil }
    return h / b
  }

  static func number(_ v: Double?, _ digits: Int = 4) -> String {
    guard let v, v.isFinite else { return "null" }
    return String(format: "%.\(digits)f", v)
  }

  static func json(_ rows: [(TrainerWorkload, TrainerBenchmarkRow)]) -> String {
    let parts = rows.map { w, r -> String in
      var fields = [
        ("hps_samples_per_s", number(r.hps?.samplesPerSecond, 1)),
        ("torch_samples_per_s", number(r.torch?.samplesPerSecond, 1)),
        ("numpy_samples_per_s", number(r.numpy?.samplesPerSecond, 1)),
        ("ratio_vs_torch", number(r.ratio(r.torch), 3)),
        ("ratio_vs_numpy", number(r.ratio(r.numpy), 3)),
        ("hps_test_accuracy", number(r.hps?.testAccuracy)),
        ("torch_test_accuracy", number(r.torch?.testAccuracy)),
        ("hps_peak_rss_mb", number(r.hps?.peakRSSMB, 1)),
      ]
      if w.name == "large" {
        fields.append(("sgemm_bound_samples_per_s", number(r.sgemmBound, 1)))
        fields.append(("fraction_of_bound", number(r.fractionOfBound, 3)))
      }
      return "\"\(w.name)\": {" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }
    return "{" + parts.joined(separator: ", ") + "}"
  }

  static func table(_ rows: [(TrainerWorkload, TrainerBenchmarkRow)]) -> String {
    var lines = [String(format: "%-6@ %-14@ %7@ %12@ %9@ %11@", "work" as NSString, "engine" as NSString, "threads" as NSString,
                        "samples/s" as NSString, "test acc" as NSString, "peak RSS MB" as NSString)]
    for (w, r) in rows {
      for (name, result) in [("hps", r.hps), ("PyTorch eager", r.torch), ("numpy", r.numpy)] {
        guard let result else { lines.append("\(w.name.padding(toLength: 6, withPad: " ", startingAt: 0)) \(name): failed"); continue }
        lines.append(String(format: "%-6@ %-14@ %7d %12.0f %8.2f%% %11.0f", w.name as NSString, name as NSString, result.threads,
                            result.samplesPerSecond, 100 * result.testAccuracy, result.peakRSSMB))
      }
      lines.append("       hps / PyTorch = \(number(r.ratio(r.torch), 2))x, hps / numpy = \(number(r.ratio(r.numpy), 2))x; "
                   + "SGEMM bound \(number(r.sgemmBound, 0)) samples/s, hps at \(number(r.fractionOfBound.map { $0 * 100 }, 1))% of it")
    }
    return lines.joined(separator: "\n")
  }
}
