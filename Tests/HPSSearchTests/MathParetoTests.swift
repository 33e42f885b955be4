// Hypervolume references produced with optuna 5.0.0's optuna._hypervolume.compute_hypervolume
// (reference point 1.1 in every objective) on the points below (numpy RandomState(0), rounded).
import Foundation
import Testing
@testable import HPSSearch

@Test func hypervolumeMatchesOptunaIn2DTo4D() {
  let cases: [([[Double]], Double)] = [
    ([[0.549, 0.715], [0.603, 0.545], [0.424, 0.646], [0.438, 0.892], [0.964, 0.383], [0.792, 0.529]],
     0.38188500000000014),
    ([[0.568, 0.926, 0.071], [0.087, 0.02, 0.833], [0.778, 0.87, 0.979], [0.799, 0.461, 0.781],
      [0.118, 0.64, 0.143], [0.945, 0.522, 0.415], [0.265, 0.774, 0.456]], 0.6199562240000002),
    ([[0.568, 0.019, 0.618, 0.612], [0.617, 0.944, 0.682, 0.36], [0.437, 0.698, 0.06, 0.667],
      [0.671, 0.21, 0.129, 0.315], [0.364, 0.57, 0.439, 0.988], [0.102, 0.209, 0.161, 0.653]],
     0.5397563105920002),
  ]
  for (points, expected) in cases {
    let reference = [Double](repeating: 1.1, count: points[0].count)
    let hv = Hypervolume.compute(points, reference: reference)
    #expect(abs(hv - expected) < 1e-12, "hv = \(hv)")
  }
}

@Test func hypervolumeContributionsAndGreedySubset() {
  let points: [[Double]] = [[0, 3], [1, 1], [3, 0], [2, 2]]  // [2,2] is dominated by [1,1]
  let c = Hypervolume.contributions(points, reference: [4, 4])
  // [1,1] alone owns [1,3)² minus the square [2,3)² that [2,2] also covers.
  #expect(c == [1, 3, 1, 0])
  #expect(Hypervolume.greedySubset(points, reference: [4, 4], k: 2).sorted() == [0, 1])
}

@Test func nonDominatedRanksAndCrowding() {
  let points: [[Double]] = [[1, 4], [2, 2], [4, 1], [3, 3], [5, 5]]
  #expect(NonDominatedSorting.nonDominatedRanks(points) == [0, 0, 0, 1, 2])
  #expect(NonDominatedSorting.fronts(points) == [[0, 1, 2], [3], [4]])
  let d = NonDominatedSorting.crowdingDistances([[1, 4], [2, 2], [4, 1]])
  #expect(d[0] == .infinity && d[2] == .infinity)
  #expect(abs(d[1] - (3.0 / 3.0 + 3.0 / 3.0)) < 1e-12)
}
