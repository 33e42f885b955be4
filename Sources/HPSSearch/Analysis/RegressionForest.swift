// A small random-forest regressor (CART trees on bootstrap samples, variance-reduction splits),
// the model behind the fANOVA and mean-decrease-impurity importance evaluators. It mirrors the
// scikit-learn settings Optuna uses: 64 trees, depth ≤ 64, min_samples_split 2, min_samples_leaf 1,
// all features considered at each split, bootstrap on.

/// One regression tree stored as a flat node array (index 0 is the root).
struct RegressionTree: Sendable {
  struct Node: Sendable {
    /// The split feature, or -1 for a leaf.
    var feature: Int
    var threshold: Double
    var left: Int
    var right: Int
    /// Mean target of the node's training samples.
    var value: Double
    /// Reduction of the summed squared error achieved by this node's split.
    var impurityDecrease: Double
  }

  var nodes: [Node] = []

  /// Grows a tree on the samples `indices` (repeats allowed: a bootstrap sample).
  static func fit(x: [[Double]], y: [Double], indices: [Int], maxDepth: Int) -> RegressionTree {
    var tree = RegressionTree()
    let dimension = x.first?.count ?? 0
    // Explicit stack instead of recursion, so a deep tree cannot overflow the native stack.
    var stack: [(samples: [Int], depth: Int, slot: Int)] = [(indices, 0, 0)]
    tree.nodes.append(Node(feature: -1, threshold: 0, left: -1, right: -1, value: 0, impurityDecrease: 0))
    while let (samples, depth, slot) = stack.popLast() {
      let n = Double(samples.count)
      let sum = samples.reduce(0) { $0 + y[$1] }
      let mean = sum / max(n, 1)
      tree.nodes[slot].value = mean
      guard depth < maxDepth, samples.count >= 2 else { continue }
      let sumSquares = samples.reduce(0) { $0 + y[$1] * y[$1] }
      let parentError = sumSquares - sum * sum / n
      guard parentError > 1e-14 * max(1, abs(sumSquares)) else { continue }

      var best: (feature: Int, threshold: Double, error: Double)?
      for feature in 0..<dimension {
        let sorted = samples.sorted { x[$0][feature] < x[$1][feature] }
        var leftSum = 0.0
        var leftSquares = 0.0
        for k in 0..<(sorted.count - 1) {
          let v = y[sorted[k]]
          leftSum += v
          leftSquares += v * v
          let a = x[sorted[k]][feature]
          let b = x[sorted[k + 1]][feature]
          guard a < b else { continue }  // only split between distinct values
          let nl = Double(k + 1)
          let nr = n - nl
          let rightSum = sum - leftSum
          let error = (leftSquares - leftSum * leftSum / nl) + (sumSquares - leftSquares - rightSum * rightSum / nr)
          if best == nil || error < (best?.error ?? .infinity) {
            best = (feature, (a + b) / 2, error)
          }
        }
      }
      guard let split = best, split.error < parentError else { continue }
      let left = samples.filter { x[$0][split.feature] <= split.threshold }
      let right = samples.filter { x[$0][split.feature] > split.threshold }
      guard !left.isEmpty, !right.isEmpty else { continue }
      let leftSlot = tree.nodes.count
      tree.nodes.append(Node(feature: -1, threshold: 0, left: -1, right: -1, value: 0, impurityDecrease: 0))
      tree.nodes.append(Node(feature: -1, threshold: 0, left: -1, right: -1, value: 0, impurityDecrease: 0))
      tree.nodes[slot].feature = split.feature
      tree.nodes[slot].threshold = split.threshold
      tree.nodes[slot].left = leftSlot
      tree.nodes[slot].right = leftSlot + 1
      tree.nodes[slot].impurityDecrease = parentError - split.error
      stack.append((left, depth + 1, leftSlot))
      stack.append((right, depth + 1, leftSlot + 1))
    }
    return tree
  }

  func predict(_ point: [Double]) -> Double {
    var i = 0
    while nodes[i].feature >= 0 {
      i = point[nodes[i].feature] <= nodes[i].threshold ? nodes[i].left : nodes[i].right
    }
    return nodes[i].value
  }

  /// The leaves as boxes inside [lows, highs].
  func leaves(lows: [Double], highs: [Double]) -> [(lo: [Double], hi: [Double], value: Double)] {
    var out: [(lo: [Double], hi: [Double], value: Double)] = []
    var stack: [(node: Int, lo: [Double], hi: [Double])] = [(0, lows, highs)]
    while let (i, lo, hi) = stack.popLast() {
      let node = nodes[i]
      if node.feature < 0 {
        out.append((lo, hi, node.value))
        continue
      }
      let t = min(max(node.threshold, lo[node.feature]), hi[node.feature])
      var leftHi = hi
      leftHi[node.feature] = t
      var rightLo = lo
      rightLo[node.feature] = t
      stack.append((node.left, lo, leftHi))
      stack.append((node.right, rightLo, hi))
    }
    return out
  }

  /// Summed impurity decrease per feature, normalized to sum 1 (scikit-learn's per-tree
  /// `feature_importances_`); zeros for a tree without splits.
  func featureImportances(dimension: Int) -> [Double] {
    var totals = [Double](repeating: 0, count: dimension)
    for node in nodes where node.feature >= 0 { totals[node.feature] += node.impurityDecrease }
    let sum = totals.reduce(0, +)
    return sum > 0 ? totals.map { $0 / sum } : totals
  }
}

/// A bagged ensemble of regression trees.
struct RegressionForest: Sendable {
  var trees: [RegressionTree]

  static func fit(x: [[Double]], y: [Double], nTrees: Int, maxDepth: Int, seed: Int?) -> RegressionForest {
    var rng = SeededRandom(seed: seed)
    let n = y.count
    let trees = (0..<nTrees).map { _ -> RegressionTree in
      let sample = (0..<n).map { _ in rng.nextIndex(n) }
      return RegressionTree.fit(x: x, y: y, indices: sample, maxDepth: maxDepth)
    }
    return RegressionForest(trees: trees)
  }

  func predict(_ point: [Double]) -> Double {
    trees.isEmpty ? 0 : trees.reduce(0) { $0 + $1.predict(point) } / Double(trees.count)
  }
}
