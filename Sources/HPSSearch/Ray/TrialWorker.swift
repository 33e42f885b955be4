// The thread a trial's trainable runs on, and the hand-off between it and the Tuner. Ray runs a
// function trainable on its own thread and blocks it inside `report` while Tune decides; this
// does the same. Every worker of a Tuner posts its events on one `TrialEventBoard`, in arrival
// order, so the Tuner can let one trial run at a time (turns: reproducible, what a script
// trainable needs) or several at once (parallel), and still decide on each report alone.
import Foundation

/// A function trainable: receives the resolved config and a reporter, reports each iteration and
/// may return final metrics. Throwing fails the trial (except the reporter's own interruption).
public typealias TuneTrainable = @Sendable (_ config: TuneValue, _ reporter: TuneReporter) throws -> TuneDict?

/// The lock every worker of one Tuner shares, and which trials have an event waiting, in the
/// order they posted it.
final class TrialEventBoard: @unchecked Sendable {
  let condition = NSCondition()
  /// Guarded by `condition`.
  var arrivals: [Int] = []

  /// The next trial with an event waiting (nil when `deadline` passes first; no deadline waits
  /// as long as it takes).
  func nextArrival(until deadline: Date? = nil) -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while arrivals.isEmpty {
      guard let deadline else {
        condition.wait()
        continue
      }
      if !condition.wait(until: deadline) && arrivals.isEmpty { return nil }
    }
    return arrivals.removeFirst()
  }
}

final class TrialWorker: @unchecked Sendable {
  enum Event {
    case result(TuneDict, TuneCheckpoint?)
    case returned(TuneDict?)
    /// The answer to `.save`: the trainable's checkpoint saver ran (nil without a saver).
    case saved(TuneCheckpoint?)
    case interrupted
    case failed(String)

    var isFinal: Bool {
      switch self {
      case .result, .saved: return false
      default: return true
      }
    }
  }

  enum Command {
    case proceed
    /// Save a checkpoint now (the trainable is blocked in `report`), then wait again.
    case save
    case stop
    case restart(config: TuneValue, checkpoint: TuneCheckpoint?)
  }

  private let board: TrialEventBoard
  private var condition: NSCondition { board.condition }
  // Guarded by the board's condition.
  private var command: Command?
  private var event: Event?
  private(set) var started = false
  private(set) var finished = false

  let trial: TuneTrial
  let trainable: TuneTrainable
  let stackSize: Int

  init(trial: TuneTrial, trainable: @escaping TuneTrainable, stackSize: Int, board: TrialEventBoard) {
    self.trial = trial
    self.trainable = trainable
    self.stackSize = stackSize
    self.board = board
  }

  // MARK: - Controller side

  /// Sends `command` without waiting (starting the thread on first use); the trial's next event
  /// arrives on the board.
  func send(_ command: Command) {
    condition.lock()
    self.command = command
    event = nil
    condition.broadcast()
    condition.unlock()
    if !started {
      started = true
      let thread = Thread { [self] in self.run() }
      thread.stackSize = stackSize
      thread.name = "hps-tune-\(trial.trialID)"
      thread.start()
    }
  }

  /// Takes the event this trial posted (after the board named it, or waiting for it).
  func takeEvent() -> Event {
    condition.lock()
    while event == nil { condition.wait() }
    let e = event!
    event = nil
    board.arrivals.removeAll { $0 == trial.number }
    if e.isFinal { finished = true }
    condition.unlock()
    return e
  }

  /// Sends `command` and waits for this trial's answer (the trial is blocked in `report`).
  func resume(_ command: Command) -> Event {
    send(command)
    return takeEvent()
  }

  // MARK: - Worker side

  /// Posts an event and blocks until the controller answers.
  func post(_ e: Event) -> Command {
    condition.lock()
    event = e
    command = nil
    board.arrivals.append(trial.number)
    condition.broadcast()
    while command == nil { condition.wait() }
    let c = command!
    command = nil
    condition.unlock()
    return c
  }

  private func finish(_ e: Event) {
    condition.lock()
    event = e
    board.arrivals.append(trial.number)
    condition.broadcast()
    condition.unlock()
  }

  private func waitForFirstCommand() -> Command {
    condition.lock()
    while command == nil { condition.wait() }
    let c = command!
    command = nil
    condition.unlock()
    return c
  }

  private func run() {
    var config = trial.config
    var checkpoint: TuneCheckpoint? = nil
    if case .stop = waitForFirstCommand() {
      finish(.interrupted)
      return
    }
    while true {
      let reporter = TuneReporter(worker: self, config: config, checkpoint: checkpoint)
      Thread.current.threadDictionary[TuneReporter.threadKey] = reporter
      defer { Thread.current.threadDictionary[TuneReporter.threadKey] = nil }
      do {
        let final = try trainable(config, reporter)
        if let restart = reporter.restartRequest {
          (config, checkpoint) = restart
          continue
        }
        finish(reporter.stopRequested ? .interrupted : .returned(final))
      } catch {
        if let restart = reporter.restartRequest {
          (config, checkpoint) = restart
          continue
        }
        if reporter.stopRequested {
          finish(.interrupted)
        } else {
          finish(.failed(String(describing: error)))
        }
      }
      return
    }
  }
}

/// Ray's `tune.report` for one trial: `report(metrics, checkpoint:)` each iteration.
/// `training_iteration`, `time_total_s`, `time_this_iter_s`, `trial_id` and `done` are filled in
/// unless the metrics set them (Ray's `setdefault`).
public final class TuneReporter: @unchecked Sendable {
  /// The config this run of the trainable uses (after a PBT exploit, the perturbed one).
  public let config: TuneValue
  /// The checkpoint to resume from: set after a PBT exploit (the better trial's state), nil on
  /// a fresh start. Ray's `tune.get_checkpoint()`.
  public let checkpoint: TuneCheckpoint?
  public let trialID: String
  public private(set) var trainingIteration: Int
  private unowned let worker: TrialWorker
  private let startTime = Date()
  private let timeOffset: Double
  private var lastReportTime: Date
  fileprivate var stopRequested = false
  fileprivate var restartRequest: (TuneValue, TuneCheckpoint?)?

  init(worker: TrialWorker, config: TuneValue, checkpoint: TuneCheckpoint?) {
    self.worker = worker
    self.config = config
    self.checkpoint = checkpoint
    self.trialID = worker.trial.trialID
    trainingIteration = checkpoint?.trainingIteration ?? 0
    timeOffset = checkpoint?.timeTotalS ?? 0
    lastReportTime = startTime
  }

  /// Ray's `tune.get_checkpoint()`.
  public func getCheckpoint() -> TuneCheckpoint? { checkpoint }

  /// Saves the trainable's state on demand. Set it once instead of passing a checkpoint with
  /// every report: the Tuner calls it (on the trial's own thread, inside `report`) only when a
  /// scheduler needs the state, e.g. PBT checkpointing a top-quantile trial.
  public var checkpointSaver: (() throws -> TuneCheckpoint)?

  static let threadKey = "hps.tune.reporter"

  /// The reporter of the trial running on this thread (nil outside a trainable). Lets a binding
  /// implement Ray's module-level `tune.report(...)` and `tune.get_checkpoint()` for trainables
  /// written as `def trainable(config)`.
  public static var current: TuneReporter? {
    Thread.current.threadDictionary[threadKey] as? TuneReporter
  }

  /// Reports one iteration's metrics (and optionally the state to checkpoint).
  /// - Throws: `TuneTrialInterrupted` when the scheduler stops the trial or PBT restarts it;
  ///   let it propagate out of the trainable.
  public func report(_ metrics: TuneDict, checkpoint: TuneCheckpoint? = nil) throws {
    if stopRequested { throw TuneTrialInterrupted(reason: .stop) }
    if restartRequest != nil { throw TuneTrialInterrupted(reason: .restart) }
    trainingIteration += 1
    let now = Date()
    var result = metrics
    let total = timeOffset + now.timeIntervalSince(startTime)
    if result["training_iteration"] == nil { result["training_iteration"] = .int(trainingIteration) }
    if result["time_total_s"] == nil { result["time_total_s"] = .float(total) }
    if result["time_this_iter_s"] == nil { result["time_this_iter_s"] = .float(now.timeIntervalSince(lastReportTime)) }
    if result["trial_id"] == nil { result["trial_id"] = .string(trialID) }
    if result["done"] == nil { result["done"] = .bool(false) }
    lastReportTime = now
    if let checkpoint {
      checkpoint.trainingIteration = trainingIteration
      checkpoint.timeTotalS = total
    }
    var event = TrialWorker.Event.result(result, checkpoint)
    while true {
      switch worker.post(event) {
      case .proceed:
        return
      case .save:
        // Ray's "instructing the trial to save": only when a scheduler needs this trial's state.
        let saved = try? checkpointSaver?()
        saved?.trainingIteration = trainingIteration
        saved?.timeTotalS = total
        event = .saved(saved)
      case .stop:
        stopRequested = true
        throw TuneTrialInterrupted(reason: .stop)
      case .restart(let config, let checkpoint):
        restartRequest = (config, checkpoint)
        throw TuneTrialInterrupted(reason: .restart)
      }
    }
  }

  /// `report` with Swift dictionary metrics (keys sorted, so columns are stable).
  public func report(_ metrics: [String: Double], checkpoint: TuneCheckpoint? = nil) throws {
    try report(TuneDict(metrics.keys.sorted().map { ($0, .float(metrics[$0]!)) }), checkpoint: checkpoint)
  }
}
