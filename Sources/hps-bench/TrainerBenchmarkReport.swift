// The results of `hps-bench trainer` as a table or as the JSON object issue 3 specifies.
import Foundation

struct TrainerBenchmarkRow {
  var hps: PeerResult?
  var torch: PeerResult?
  var numpy: PeerResult?
  var sgemmBound: Double? { hps?.boundSamplesPerSecond }

  func ratio(_ peer: PeerResult?) -> Double? {
    guard let h = hps?.samplesPerSecond, let p = peer?.samplesPerSecond, p > 0 else { return nil }
    return h / p
  }

  var fractionOfBound: Double? {
    guard let h = hps?.samplesPerSecond, let b = sgemmBound, b > 0 else { return nil }
    return h / b
  }

  var cpuFractionOfBound: Double? {
    guard let h = hps?.samplesPerCPUSecond, let b = hps?.boundSamplesPerCPUSecond, b > 0 else { return nil }
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
    func pad(_ s: String, _ n: Int, right: Bool = false) -> String {
      s.count >= n ? s : right ? String(repeating: " ", count: n - s.count) + s : s + String(repeating: " ", count: n - s.count)
    }
    func row(_ c: [String]) -> String {
      pad(c[0], 6) + " " + pad(c[1], 14) + " " + pad(c[2], 7, right: true) + " " + pad(c[3], 12, right: true) + " "
        + pad(c[4], 9, right: true) + " " + pad(c[5], 12, right: true) + " " + pad(c[6], 14, right: true)
    }
    var lines = [row(["work", "engine", "threads", "samples/s", "test acc", "peak RSS MB", "samples/CPU-s"])]
    for (w, r) in rows {
      for (name, result) in [("hps", r.hps), ("PyTorch eager", r.torch), ("numpy", r.numpy)] {
        guard let result else { lines.append(row([w.name, name, "-", "failed", "-", "-", "-"])); continue }
        lines.append(row([w.name, name, "\(result.threads)", String(format: "%.0f", result.samplesPerSecond),
                          String(format: "%.2f%%", 100 * result.testAccuracy), String(format: "%.0f", result.peakRSSMB),
                          String(format: "%.0f", result.samplesPerCPUSecond)]))
      }
      lines.append("       hps / PyTorch = \(number(r.ratio(r.torch), 2))x, hps / numpy = \(number(r.ratio(r.numpy), 2))x; "
                   + "SGEMM bound \(number(r.sgemmBound, 0)) samples/s, hps at \(number(r.fractionOfBound.map { $0 * 100 }, 1))% of it"
                   + " (per CPU-second: bound \(number(r.hps?.boundSamplesPerCPUSecond, 0)), hps at \(number(r.cpuFractionOfBound.map { $0 * 100 }, 1))%)")
    }
    return lines.joined(separator: "\n")
  }
}
