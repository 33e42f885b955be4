// A categorical parameter's kernels (Optuna's smoothed one-hot rows): every kernel row starts at
// a = priorWeight / kernelCount for each choice, an observation of choice c adds 1 at c, and
// each row is divided by its sum. An observation's row therefore holds only two numbers — one
// at its own choice, one elsewhere — and the prior's row one, so a row is kept as its observed
// choice and the numbers are tabulated per choice: g(x) at trial 1,000 needs 1,000 small
// integers instead of 1,000 arrays. The numbers are the ones the full rows give (each row's sum
// is taken in choice order, the +1 at its place).
import Foundation

struct CategoricalKernels {
  let choices: Int
  /// Per kernel, the choice its observation holds; −1 for the prior's row (always the last).
  let observed: [Int32]
  /// For a row observing choice c: its entry at c (`hit`) and at every other choice (`miss`).
  let hit: [Double], miss: [Double]
  let logHit: [Double], logMiss: [Double]
  /// The prior row's entry, the same for every choice.
  let prior: Double, logPrior: Double

  /// Rows for `values` (choice indices, clamped into range) plus the prior's row.
  init(values: [Double], choices: Int, priorWeight: Double) {
    let observed = values.map { Int32(min(max(Int($0), 0), choices - 1)) } + [-1]
    self.init(observed: observed, choices: choices, priorWeight: priorWeight)
  }

  /// `observed` ends with the prior's −1; one entry alone is the prior before any observation
  /// (uniform over the choices).
  init(observed: [Int32], choices: Int, priorWeight: Double) {
    self.choices = choices
    self.observed = observed
    let kernelCount = observed.count
    if kernelCount == 1 {
      prior = 1 / Double(choices)
      (hit, miss, logHit, logMiss) = ([], [], [], [])
    } else {
      let a = priorWeight / Double(kernelCount)
      var hit = [Double](repeating: 0, count: choices), miss = hit
      for c in 0..<choices {
        var sum = 0.0
        for j in 0..<choices { sum += j == c ? a + 1 : a }
        (hit[c], miss[c]) = sum > 0 ? ((a + 1) / sum, a / sum) : (a + 1, a)
      }
      var sum = 0.0
      for _ in 0..<choices { sum += a }
      prior = sum > 0 ? a / sum : a
      self.hit = hit
      self.miss = miss
      logHit = hit.map { log($0) }
      logMiss = miss.map { log($0) }
    }
    logPrior = log(prior)
  }

  var kernelCount: Int { observed.count }

  func probability(kernel k: Int, choice c: Int) -> Double {
    let o = Int(observed[k])
    return o < 0 ? prior : (o == c ? hit[o] : miss[o])
  }

  /// Adds each kernel's log probability of `choice` to `acc`.
  func accumulate(choice c: Int, into acc: UnsafeMutablePointer<Double>, count: Int) {
    observed.withUnsafeBufferPointer { observed in
      logHit.withUnsafeBufferPointer { logHit in
        logMiss.withUnsafeBufferPointer { logMiss in
          for k in 0..<count {
            let o = Int(observed[k])
            acc[k] += o < 0 ? logPrior : (o == c ? logHit[o] : logMiss[o])
          }
        }
      }
    }
  }
}
