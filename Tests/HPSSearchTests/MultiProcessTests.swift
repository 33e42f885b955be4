import Foundation
import Testing

@testable import HPSSearch

/// Real child processes (the `hps-search-worker` executable) sharing one SQLite file.
@Suite(.serialized) struct MultiProcessTests {
  /// The worker binary next to the test bundle in the build products directory.
  static func workerURL() throws -> URL {
    var candidates: [URL] = []
    let arg0 = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
    var dir = arg0.deletingLastPathComponent()
    for _ in 0..<4 {
      candidates.append(dir.appendingPathComponent("hps-search-worker"))
      dir = dir.deletingLastPathComponent()
    }
    candidates.append(Bundle.main.bundleURL.appendingPathComponent("hps-search-worker"))
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("hps-search-worker"))
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
      throw SearchError.storage(message: "hps-search-worker not found near \(arg0.path); build it with `swift build --build-tests`")
    }
    return found
  }

  static func launch(_ args: [String]) throws -> Process {
    let p = Process()
    p.executableURL = try workerURL()
    p.arguments = args
    p.standardOutput = FileHandle.nullDevice
    try p.run()
    return p
  }

  @Test func testConcurrentProcessesEachNumberOnce() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("shared.db").path
      let workers = try (0..<3).map { i in try Self.launch([path, "shared", "12", "--seed", "\(i)", "--sleep-ms", "2"]) }
      for w in workers { w.waitUntilExit() }
      #expect(workers.allSatisfy { $0.terminationStatus == 0 })
      let study = try Study.load(studyName: "shared", storage: try SQLiteStorage(path: path), logger: .silent)
      let trials = study.trials
      #expect(trials.count == 36)
      #expect(trials.map(\.number) == Array(0..<36))
      #expect(trials.allSatisfy { $0.state == .complete && $0.params["x"] != nil })
    }
  }

  @Test func testSigkilledWorkerLosesNoCompleteTrialAndItsTrialFailsOnResume() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("kill.db").path
      let victim = try Self.launch([path, "k", "1000", "--sleep-ms", "400", "--heartbeat", "0.1"])
      // Wait until at least two trials completed and a third is running, then kill mid-trial.
      var completeBeforeKill: [FrozenTrial] = []
      let deadline = Date().addingTimeInterval(20)
      while Date() < deadline {
        Thread.sleep(forTimeInterval: 0.02)
        guard FileManager.default.fileExists(atPath: path),
          let storage = try? SQLiteStorage(path: path), let id = try? storage.studyID(named: "k"),
          let trials = try? storage.trials(studyID: id, states: nil)
        else { continue }
        let complete = trials.filter { $0.state == .complete }
        if complete.count >= 2, trials.contains(where: { $0.state == .running }) {
          completeBeforeKill = complete
          break
        }
      }
      kill(victim.processIdentifier, SIGKILL)
      victim.waitUntilExit()
      #expect(victim.terminationReason == .uncaughtSignal)
      #expect(completeBeforeKill.count >= 2)

      let storage = try SQLiteStorage(path: path, heartbeatInterval: 0.1, gracePeriod: 0.3)
      let study = try Study.load(studyName: "k", storage: storage, logger: .silent)
      let afterKill = study.trials
      let zombies = afterKill.filter { $0.state == .running }
      #expect(zombies.count == 1)
      for t in completeBeforeKill {
        #expect(afterKill.first { $0.number == t.number } == t)
      }
      Thread.sleep(forTimeInterval: 0.4)  // let the zombie's heartbeat go stale
      let resume = try Self.launch([path, "k", "1", "--heartbeat", "0.1"])
      resume.waitUntilExit()
      #expect(resume.terminationStatus == 0)
      let final = study.trials
      for z in zombies { #expect(final.first { $0.number == z.number }?.state == .fail) }
      #expect(!final.contains { $0.state == .running })
      #expect(final.filter { $0.state == .complete }.count >= completeBeforeKill.count + 1)
    }
  }
}
