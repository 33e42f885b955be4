// The best run and Pareto front the ray and wandb backends compute over finished trials.
import HPSSearch
import Testing
@testable import HPSKernel

@Suite struct RunFrontTests {
  typealias E = RunFront.Entry

  @Test func frontKeepsTheNonDominatedRunsInEitherDirection() {
    let entries = [E(number: 0, values: [1, 5], complete: true), E(number: 1, values: [2, 2], complete: true),
                   E(number: 2, values: [3, 3], complete: true), E(number: 3, values: [4, 1], complete: true),
                   E(number: 4, values: [1, 5], complete: true)]
    #expect(RunFront.front(entries, directions: [.minimize, .minimize]).map(\.number) == [0, 1, 3, 4])
    #expect(RunFront.front(entries, directions: [.maximize, .maximize]).map(\.number) == [0, 2, 3, 4])
    #expect(RunFront.front(entries, directions: [.minimize, .maximize]).map(\.number) == [0, 4])
  }

  @Test func completeRunsWinOverStoppedOnesAndNaNIsIgnored() {
    let entries = [E(number: 0, values: [0.1], complete: false), E(number: 1, values: [0.5], complete: true),
                   E(number: 2, values: [.nan], complete: true), E(number: 3, values: [0.3], complete: true)]
    #expect(RunFront.best(entries, direction: .minimize)?.number == 3)
    #expect(RunFront.best(entries, direction: .maximize)?.number == 1)
    #expect(RunFront.best([E(number: 7, values: [0.2], complete: false)], direction: .minimize)?.number == 7)
    #expect(RunFront.best([], direction: .minimize) == nil)
  }
}
