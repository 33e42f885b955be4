import Foundation
import Testing
@testable import HPSSearch

@Suite struct ProgressBarTests {
  @Test func lineShowsShareOfTrialsOrOfTheTimeout() {
    let trials = ProgressBar(nTrials: 10, timeout: 5, write: { _ in })
    #expect(trials.line(count: 4, elapsed: 61) == " 40%|████      | 4/10 [01:01]")
    let timed = ProgressBar(nTrials: nil, timeout: 10, write: { _ in })
    #expect(timed.line(count: 3, elapsed: 5) == " 50%|█████     | 00:05/00:10")
    let open = ProgressBar(nTrials: nil, timeout: nil, write: { _ in })
    #expect(open.line(count: 7, elapsed: 2) == "7it [00:02]")
  }

  @Test func updateRedrawsWithTheBestTrial() throws {
    let out = Locked<[String]>([])
    let bar = ProgressBar(nTrials: 2, timeout: nil, write: { s in out.withLock { $0.append(s) } })
    let study = try Study.create(sampler: RandomSampler(seed: 0), logger: SearchLogger(minimumLevel: .warning) { _ in })
    let t = try study.ask()
    try study.tell(trialNumber: t.number, values: [0.5])
    bar.update(study: study)
    bar.finish()
    let written = out.current
    #expect(written.first == "\rBest trial: 0. Best value: 0.5:  50%|█████     | 1/2 [00:00]")
    #expect(written.last == "\n")
  }
}
