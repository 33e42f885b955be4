// Built-in metrics (scikit-learn's definitions) and `compute_metrics` functions built from names.
import HPSNumerics

/// What `compute_metrics` receives: raw model outputs (logits) and the true labels.
public struct EvalPrediction: Sendable {
  public let predictions: Matrix
  public let labelIDs: Dataset.Labels

  /// Arg-max class per row.
  public var predictedClasses: [Int32] {
    (0..<predictions.rows).map { r in
      var best = 0
      for j in 1..<max(1, predictions.cols) where predictions[r, j] > predictions[r, best] { best = j }
      return Int32(best)
    }
  }
}

public typealias ComputeMetrics = (EvalPrediction) throws -> Metrics

public enum MetricError: Error, Equatable, CustomStringConvertible {
  case unknownMetric(String, suggestion: String?)
  case invalidAverage(String)
  case wrongTask(metric: String, task: String)

  public var description: String {
    switch self {
    case .unknownMetric(let n, let s): return "unknown metric '\(n)'" + (s.map { "; did you mean '\($0)'?" } ?? "")
    case .invalidAverage(let a): return "average must be 'macro', 'micro' or 'weighted', got '\(a)'"
    case .wrongTask(let m, let t): return "metric '\(m)' needs \(t) labels"
    }
  }
}

public enum BuiltinMetrics {
  public static let names = ["accuracy", "precision", "recall", "f1", "mse", "mae", "r2"]

  public static func accuracy(_ predicted: [Int32], _ truth: [Int32]) -> Double {
    guard !truth.isEmpty else { return 0 }
    return Double(zip(predicted, truth).filter { $0 == $1 }.count) / Double(truth.count)
  }

  /// Precision, recall and F1 with scikit-learn's averaging (zero_division = 0).
  public static func precisionRecallF1(_ predicted: [Int32], _ truth: [Int32], average: String = "macro") throws
    -> (precision: Double, recall: Double, f1: Double)
  {
    let k = Int(max(predicted.max() ?? 0, truth.max() ?? 0)) + 1
    var tp = [Double](repeating: 0, count: k), fp = tp, fn = tp, support = tp
    for (p, t) in zip(predicted, truth) {
      support[Int(t)] += 1
      if p == t { tp[Int(t)] += 1 } else { fp[Int(p)] += 1; fn[Int(t)] += 1 }
    }
    func safe(_ a: Double, _ b: Double) -> Double { b == 0 ? 0 : a / b }
    switch average {
    case "micro":
      let p = safe(tp.reduce(0, +), tp.reduce(0, +) + fp.reduce(0, +))
      let r = safe(tp.reduce(0, +), tp.reduce(0, +) + fn.reduce(0, +))
      return (p, r, safe(2 * p * r, p + r))
    case "macro", "weighted":
      // Labels present in either truth or predictions take part (scikit-learn's behaviour).
      let present = (0..<k).filter { support[$0] > 0 || tp[$0] + fp[$0] > 0 }
      var ps = 0.0, rs = 0.0, fs = 0.0, wsum = 0.0
      for c in present {
        let p = safe(tp[c], tp[c] + fp[c]), r = safe(tp[c], tp[c] + fn[c]), f = safe(2 * p * r, p + r)
        let w = average == "weighted" ? support[c] : 1
        ps += w * p; rs += w * r; fs += w * f; wsum += w
      }
      return (safe(ps, wsum), safe(rs, wsum), safe(fs, wsum))
    default:
      throw MetricError.invalidAverage(average)
    }
  }

  public static func mse(_ predicted: [Float], _ truth: [Float]) -> Double {
    guard !truth.isEmpty else { return 0 }
    return zip(predicted, truth).reduce(0.0) { $0 + Double(($1.0 - $1.1) * ($1.0 - $1.1)) } / Double(truth.count)
  }

  public static func mae(_ predicted: [Float], _ truth: [Float]) -> Double {
    guard !truth.isEmpty else { return 0 }
    return zip(predicted, truth).reduce(0.0) { $0 + Double(abs($1.0 - $1.1)) } / Double(truth.count)
  }

  public static func r2(_ predicted: [Float], _ truth: [Float]) -> Double {
    guard !truth.isEmpty else { return 0 }
    let mean = truth.reduce(0.0) { $0 + Double($1) } / Double(truth.count)
    let ssTot = truth.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) }
    let ssRes = zip(predicted, truth).reduce(0.0) { $0 + Double(($1.0 - $1.1) * ($1.0 - $1.1)) }
    return ssTot == 0 ? 0 : 1 - ssRes / ssTot
  }

  /// A `compute_metrics` function computing the named metrics (e.g. ["accuracy", "f1"]).
  public static func computeMetrics(_ names: [String], average: String = "macro") throws -> ComputeMetrics {
    for n in names where !Self.names.contains(n) {
      throw MetricError.unknownMetric(n, suggestion: closestMatch(n, in: Self.names))
    }
    guard ["macro", "micro", "weighted"].contains(average) else { throw MetricError.invalidAverage(average) }
    return { prediction in
      var out = Metrics()
      switch prediction.labelIDs {
      case .classes(let truth):
        let predicted = prediction.predictedClasses
        var prf: (precision: Double, recall: Double, f1: Double)?
        for n in names {
          switch n {
          case "accuracy": out[n] = accuracy(predicted, truth)
          case "precision", "recall", "f1":
            if prf == nil { prf = try precisionRecallF1(predicted, truth, average: average) }
            out[n] = n == "precision" ? prf?.precision : n == "recall" ? prf?.recall : prf?.f1
          default: throw MetricError.wrongTask(metric: n, task: "regression")
          }
        }
      case .values(let truth):
        let p = prediction.predictions.values, t = truth.values
        for n in names {
          switch n {
          case "mse": out[n] = mse(p, t)
          case "mae": out[n] = mae(p, t)
          case "r2": out[n] = r2(p, t)
          default: throw MetricError.wrongTask(metric: n, task: "class")
          }
        }
      }
      return out
    }
  }
}
