import Foundation
import Testing

@testable import HPSSearch

/// A fresh temporary directory per test, removed afterwards.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hps-search-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: dir) }
  return try body(dir)
}

@Suite struct SQLiteStorageTests {
  @Test func testURLParsing() throws {
    #expect(try SQLiteStorage.path(fromURL: "sqlite:///example.db") == "example.db")
    #expect(try SQLiteStorage.path(fromURL: "sqlite:////tmp/x/example.db") == "/tmp/x/example.db")
    #expect(throws: SearchError.self) { try SQLiteStorage.path(fromURL: "redis://localhost") }
    #expect(throws: SearchError.self) { try SQLiteStorage.path(fromURL: "postgresql://u@h/db") }
    #expect(throws: SearchError.self) { try SQLiteStorage.path(fromURL: "sqlite://example.db") }
  }

  @Test func testRoundTrip_everyFieldSurvivesReopen() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("s.db").path
      let original: [FrozenTrial]
      do {
        let storage = try openStorage(url: "sqlite:///" + path)
        let study = try Study.create(studyName: "rt", storage: storage, sampler: RandomSampler(seed: 3), direction: .maximize, logger: .silent)
        try study.setUserAttr("owner", .string("me"))
        try study.optimize(nTrials: 4) { t in
          let lr = try t.suggestFloat("lr", low: 1e-5, high: 1e-1, log: true)
          let n = try t.suggestInt("n", low: 2, high: 64, log: true)
          _ = try t.suggestCategorical("c", choices: [.none, true, 2, 0.5, "s"])
          try t.setUserAttr("note", .array([.int(1), .double(.infinity), .string("é\"")]))
          try t.report(lr, step: 0)
          try t.report(.nan, step: 3)
          return lr * Double(n)
        }
        try study.enqueueTrial(["lr": 0.01])
        original = study.trials
      }
      let reopened = try Study.load(studyName: "rt", storage: try SQLiteStorage(path: path), logger: .silent)
      #expect(reopened.direction == .maximize)
      #expect(reopened.userAttrs["owner"] == .string("me"))
      #expect(reopened.trials == original)
      #expect(reopened.trials.count == 5 && reopened.trials[4].state == .waiting)
      #expect(reopened.trials[0].intermediateValues[3]?.isNaN == true)
    }
  }

  @Test func testInMemoryAndSQLiteAgree() throws {
    try withTemporaryDirectory { dir in
      func run(_ storage: any Storage) throws -> [FrozenTrial] {
        let study = try Study.create(studyName: "same", storage: storage, sampler: RandomSampler(seed: 11), logger: .silent)
        try study.optimize(nTrials: 6) { t in
          let x = try t.suggestFloat("x", low: 0, high: 1, step: 0.125)
          if x > 0.8 { throw TrialPruned() }
          return x
        }
        return study.trials
      }
      let a = try run(InMemoryStorage())
      let b = try run(try SQLiteStorage(path: dir.appendingPathComponent("a.db").path))
      #expect(a.map(\.params) == b.map(\.params))
      #expect(a.map(\.state) == b.map(\.state))
      #expect(a.map(\.values) == b.map(\.values))
    }
  }

  @Test func testDuplicateStudyAndLoadIfExists() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("d.db").path
      _ = try Study.create(studyName: "s", storage: try SQLiteStorage(path: path), logger: .silent)
      #expect(throws: SearchError.duplicatedStudy(name: "s")) {
        try Study.create(studyName: "s", storage: try SQLiteStorage(path: path), logger: .silent)
      }
      #expect(try Study.create(studyName: "s", storage: try SQLiteStorage(path: path), loadIfExists: true, logger: .silent).studyName == "s")
      #expect(throws: SearchError.studyNotFound(name: "nope")) {
        try Study.load(studyName: "nope", storage: try SQLiteStorage(path: path), logger: .silent)
      }
    }
  }

  @Test func testFinishedTrialCannotChange() throws {
    let storage = try SQLiteStorage(path: ":memory:")
    let study = try Study.create(storage: storage, logger: .silent)
    let t = try study.ask()
    try study.tell(t, values: [1])
    #expect(throws: SearchError.self) { try t.report(1, step: 0) }
    #expect(try !storage.setTrialState(trialID: t.trialID, state: .fail, values: nil))
    #expect(study.trials[0].state == .complete)
  }

  // MARK: - Refusing files that are not ours

  func expectRefused(_ path: String) throws {
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    do {
      _ = try SQLiteStorage(path: path)
      Issue.record("opened \(path)")
    } catch let error as SearchError {
      guard case .notAStudyDatabase = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(error.description.contains("left untouched"))
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test func testRefusesNonSQLiteFile() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("notes.db").path
      try Data("these are my notes, not a database\n".utf8).write(to: URL(fileURLWithPath: path))
      try expectRefused(path)
    }
  }

  @Test func testRefusesForeignSQLiteDatabase() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("other.db").path
      do {
        let c = try SQLiteConnection(path: path, create: true)
        try c.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'x');")
      }
      try expectRefused(path)
    }
  }

  @Test func testRefusesCorruptAndNewerFiles() throws {
    try withTemporaryDirectory { dir in
      let corrupt = dir.appendingPathComponent("corrupt.db").path
      var bytes = Data("SQLite format 3\u{0}".utf8)
      bytes.append(Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37) }))
      try bytes.write(to: URL(fileURLWithPath: corrupt))
      try expectRefused(corrupt)

      let newer = dir.appendingPathComponent("newer.db").path
      _ = try SQLiteStorage(path: newer)
      do {
        let c = try SQLiteConnection(path: newer, create: false)
        try c.execute("UPDATE hps_meta SET value = '99' WHERE key = 'version'")
      }
      try expectRefused(newer)
    }
  }

  @Test func testStaleHeartbeatBecomesFail() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("hb.db").path
      let storage = try SQLiteStorage(path: path, heartbeatInterval: 0.05, gracePeriod: 0.1)
      let study = try Study.create(studyName: "hb", storage: storage, logger: .silent)
      let zombie = try study.ask()
      try storage.recordHeartbeat(trialID: zombie.trialID)
      Thread.sleep(forTimeInterval: 0.2)
      let failed = try study.failStaleTrials()
      #expect(failed.map(\.number) == [zombie.number])
      #expect(study.trials[0].state == .fail)
      #expect(try study.failStaleTrials().isEmpty)  // each stale trial is failed once
    }
  }

  @Test func testRetryFailedTrialCallbackReEnqueuesTheSameParams() throws {
    try withTemporaryDirectory { dir in
      let storage = try SQLiteStorage(path: dir.appendingPathComponent("r.db").path, heartbeatInterval: 0.05, gracePeriod: 0.1)
      let study = try Study.create(studyName: "r", storage: storage, sampler: RandomSampler(seed: 1), logger: .silent)
      study.staleTrialCallback = RetryFailedTrialCallback(maxRetry: 1).callback
      let zombie = try study.ask()
      let x = try zombie.suggestFloat("x", low: 0, high: 1)
      try storage.recordHeartbeat(trialID: zombie.trialID)
      Thread.sleep(forTimeInterval: 0.2)
      try study.optimize(nTrials: 1) { t in try t.suggestFloat("x", low: 0, high: 1) }
      let trials = study.trials
      #expect(trials.map(\.state) == [.fail, .complete])
      #expect(trials[1].params["x"] == .float(x))
      #expect(trials[1].systemAttrs["failed_trial"] == .int(0))
      #expect(trials[1].systemAttrs["retry_history"] == .array([.int(0)]))
    }
  }
}

@Suite struct SQLiteThreadTests {
  @Test func testThreadsShareOneSQLiteStorage() throws {
    try withTemporaryDirectory { dir in
      let storage = try SQLiteStorage(path: dir.appendingPathComponent("t.db").path)
      let study = try Study.create(studyName: "t", storage: storage, sampler: RandomSampler(seed: 0), logger: .silent)
      try study.optimize(nTrials: 30, nJobs: 3) { t in
        let x = try t.suggestFloat("x", low: 0, high: 1)
        try t.report(x, step: 0)
        return x
      }
      let trials = study.trials
      #expect(trials.map(\.number) == Array(0..<30))
      #expect(trials.allSatisfy { $0.state == .complete && $0.intermediateValues[0] == $0.value })
      let copy = InMemoryStorage()
      try StudyManagement.copyStudy(from: "t", storage: storage, to: copy)
      #expect(try Study.load(studyName: "t", storage: copy, logger: .silent).trials.map(\.values) == trials.map(\.values))
    }
  }
}
