// Transformers' schedule functions (get_scheduler, get_linear_schedule_with_warmup, ...) over the
// engine's LearningRateSchedule. Like Transformers they return a torch LambdaLR bound to an
// optimizer; in hps that object is a specification the Trainer uses for the run.
import Foundation
import HPSScript
import HPSTraining

final class SchedulerSpec {
  enum Kind {
    case schedule(type: SchedulerType, warmup: Int, total: Int, numCycles: Double?, power: Double, lrEnd: Double)
    /// The schedule TrainingArguments describe (Trainer.create_scheduler's default).
    case arguments
  }
  let kind: Kind
  let optimizer: OptimizerSpec
  let optimizerValue: Value

  init(kind: Kind, optimizer: OptimizerSpec, optimizerValue: Value) {
    self.kind = kind
    self.optimizer = optimizer
    self.optimizerValue = optimizerValue
  }

  /// The engine schedule starting from the optimizer's learning rate (torch's base_lrs).
  func schedule(fromArguments a: LearningRateSchedule) -> LearningRateSchedule {
    switch kind {
    case .arguments:
      return LearningRateSchedule(type: a.type, initialLR: optimizer.learningRate, warmupSteps: a.warmupSteps, totalSteps: a.totalSteps,
                                  numCycles: a.numCycles, power: a.power, lrEnd: a.lrEnd)
    case .schedule(let type, let warmup, let total, let cycles, let power, let lrEnd):
      return LearningRateSchedule(type: type, initialLR: optimizer.learningRate, warmupSteps: warmup, totalSteps: total,
                                  numCycles: cycles, power: power, lrEnd: lrEnd)
    }
  }

  var describe: String {
    switch kind {
    case .arguments: return "LambdaLR(from TrainingArguments.lr_scheduler_type)"
    case .schedule(let type, let warmup, let total, _, _, _):
      return "LambdaLR('\(type.rawValue)', num_warmup_steps=\(warmup), num_training_steps=\(total))"
    }
  }
}

extension TorchBindings {
  func makeSchedulerClass() -> NativeClass {
    NativeClass(
      name: "LambdaLR", module: "torch.optim.lr_scheduler",
      doc: "The schedule Transformers' get_*_schedule functions return: a multiplier of the optimizer's learning rate per step. In hps it is built by those functions (a Python lr_lambda is not supported).",
      initializer: NativeFunction("__init__", signature: "(self, optimizer, lr_lambda, last_epoch=-1)") { vm, _, _ in
        throw vm.error("NotImplementedError", "hps's LambdaLR cannot run a Python lr_lambda; use transformers.get_scheduler(name, optimizer, num_warmup_steps, num_training_steps) or one of the get_*_schedule_with_warmup functions")
      },
      methods: [
        NativeFunction("__repr__", Signature([.init("self")])) { vm, a in .str(try payload(a[0], SchedulerSpec.self, vm, "LambdaLR").describe) },
        NativeFunction("get_last_lr", Signature([.init("self")]), doc: "The learning rate of the first step.") { vm, a in
          let spec = try payload(a[0], SchedulerSpec.self, vm, "LambdaLR")
          guard case .schedule(let type, let warmup, let total, let cycles, let power, let lrEnd) = spec.kind else {
            return Value([.float(spec.optimizer.learningRate)])
          }
          let s = LearningRateSchedule(type: type, initialLR: spec.optimizer.learningRate, warmupSteps: warmup, totalSteps: total,
                                       numCycles: cycles, power: power, lrEnd: lrEnd)
          return Value([.float(s.initialLR * s.multiplier(at: 0))])
        },
        NativeFunction("step", Signature([.init("self")]), doc: "Not available: the Trainer steps the schedule.") { vm, _ in
          throw vm.error("NotImplementedError", "hps's Trainer steps the schedule itself; lr_scheduler.step() cannot be called from a script")
        },
      ],
      properties: [
        NativeProperty("optimizer", doc: "The optimizer whose learning rate this schedule scales.") { vm, i in
          try payload(.instance(i), SchedulerSpec.self, vm, "LambdaLR").optimizerValue
        },
        NativeProperty("base_lrs", doc: "[the optimizer's learning rate].") { vm, i in
          Value([.float(try payload(.instance(i), SchedulerSpec.self, vm, "LambdaLR").optimizer.learningRate)])
        },
      ])
  }

  func optimizerSpec(_ v: Value, _ vm: VM) throws -> OptimizerSpec {
    guard let spec = NativeClass.payload(v, as: OptimizerSpec.self) else {
      throw vm.error("TypeError", "optimizer must be a torch.optim optimizer (SGD, Adam, AdamW, Adagrad, RMSprop), got \(v.typeName)")
    }
    return spec
  }

  func scheduler(_ optimizer: Value, _ kind: SchedulerSpec.Kind, _ vm: VM) throws -> Value {
    schedulerClass.instance(wrapping: SchedulerSpec(kind: kind, optimizer: try optimizerSpec(optimizer, vm), optimizerValue: optimizer))
  }

  private func steps(_ a: BoundArguments, _ name: String, _ vm: VM, function: String) throws -> Int {
    guard case .int(let n) = a[name] else {
      if a[name].isNone { throw vm.error("ValueError", "\(function) requires `\(name)`, please provide that argument.") }
      throw vm.error("TypeError", "\(name) must be an int, got \(a[name].typeName)")
    }
    guard n >= 0 else { throw vm.error("ValueError", "\(name) must be >= 0, got \(n)") }
    return n
  }

  private func real(_ a: BoundArguments, _ name: String, _ vm: VM) throws -> Double {
    guard let d = a[name].asDouble else { throw vm.error("TypeError", "\(name) must be a number, got \(a[name].typeName)") }
    return d
  }

  /// The schedule of `type` with Transformers' argument rules; `extra` are the type's own keywords.
  private func schedule(_ type: SchedulerType, optimizer: Value, warmup: Int, total: Int, extra: [(String, Value)], _ vm: VM,
                        function: String) throws -> Value {
    var cycles: Double?, power = 1.0, lrEnd = 1e-7
    for (k, v) in extra {
      switch (type, k) {
      case (.cosine, "num_cycles"), (.cosineWithRestarts, "num_cycles"):
        guard let d = v.asDouble else { throw vm.error("TypeError", "num_cycles must be a number") }
        cycles = d
      case (.polynomial, "power"):
        guard let d = v.asDouble else { throw vm.error("TypeError", "power must be a number") }
        power = d
      case (.polynomial, "lr_end"):
        guard let d = v.asDouble else { throw vm.error("TypeError", "lr_end must be a number") }
        lrEnd = d
      case (.inverseSqrt, "timescale"):
        if !v.isNone && v.asDouble != Double(warmup > 0 ? warmup : 10_000) {
          throw vm.error("NotImplementedError", "hps's inverse_sqrt schedule uses timescale = num_warmup_steps (or 10000); got timescale=\(vm.reprOrType(v))")
        }
      default:
        throw vm.error("TypeError", "\(function)() got an unexpected keyword argument '\(k)'")
      }
    }
    let spec = try optimizerSpec(optimizer, vm)
    if type == .polynomial && spec.learningRate <= lrEnd {
      throw vm.error("ValueError", "lr_end (\(lrEnd)) must be smaller than initial lr (\(spec.learningRate))")
    }
    return try scheduler(optimizer, .schedule(type: type, warmup: warmup, total: total, numCycles: cycles, power: power, lrEnd: lrEnd), vm)
  }

  /// get_scheduler and the get_*_schedule functions of transformers (and transformers.optimization).
  func makeScheduleFunctions() -> [NativeFunction] {
    let lastEpoch = Signature.Parameter("last_epoch", default: .int(-1))
    func checkLastEpoch(_ a: BoundArguments, _ vm: VM) throws {
      if a["last_epoch"].asInt != -1 { throw vm.error("NotImplementedError", "hps's schedules start at step 0 (last_epoch=-1)") }
    }
    func fixed(_ name: String, _ type: SchedulerType, warmup: Bool, total: Bool, extra: [Signature.Parameter], doc: String) -> NativeFunction {
      var params: [Signature.Parameter] = [.init("optimizer")]
      if warmup { params.append(.init("num_warmup_steps")) }
      if total { params.append(.init("num_training_steps")) }
      return NativeFunction(name, Signature(params + extra + [lastEpoch]), doc: doc) { [unowned self] vm, a in
        try checkLastEpoch(a, vm)
        let w = warmup ? try self.steps(a, "num_warmup_steps", vm, function: name) : 0
        let t = total ? try self.steps(a, "num_training_steps", vm, function: name) : 0
        let values = extra.map { ($0.name, a[$0.name]) }
        return try self.schedule(type, optimizer: a["optimizer"], warmup: w, total: t, extra: values, vm, function: name)
      }
    }
    let getScheduler = NativeFunction(
      "get_scheduler",
      Signature([.init("name"), .init("optimizer"), .init("num_warmup_steps", default: Value.none), .init("num_training_steps", default: Value.none),
                 .init("scheduler_specific_kwargs", default: Value.none)]),
      doc: "The schedule called `name` (\(SchedulerType.allCases.filter { $0 != .reduceLROnPlateau }.map(\.rawValue).joined(separator: ", "))) for `optimizer`; scheduler_specific_kwargs passes num_cycles, power, lr_end."
    ) { [unowned self] vm, a in
      guard let name = a["name"].asString else { throw vm.error("TypeError", "name must be a str") }
      guard let type = SchedulerType(rawValue: name) else {
        throw vm.error("ValueError", "'\(name)' is not a valid SchedulerType, please select one of \(SchedulerType.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))")
      }
      if type == .reduceLROnPlateau {
        throw vm.error("NotImplementedError", "hps applies reduce_lr_on_plateau through TrainingArguments(lr_scheduler_type='reduce_lr_on_plateau')")
      }
      var extra: [(String, Value)] = []
      if !a["scheduler_specific_kwargs"].isNone {
        for (k, v) in try vm.dictItems(a["scheduler_specific_kwargs"]) {
          guard let key = k.asString else { throw vm.error("TypeError", "scheduler_specific_kwargs keys must be str") }
          extra.append((key, v))
        }
      }
      if type == .constant { return try self.schedule(type, optimizer: a["optimizer"], warmup: 0, total: 0, extra: extra, vm, function: name) }
      let warmup = try self.steps(a, "num_warmup_steps", vm, function: name)
      if type == .constantWithWarmup || type == .inverseSqrt {
        return try self.schedule(type, optimizer: a["optimizer"], warmup: warmup, total: 0, extra: extra, vm, function: name)
      }
      let total = try self.steps(a, "num_training_steps", vm, function: name)
      return try self.schedule(type, optimizer: a["optimizer"], warmup: warmup, total: total, extra: extra, vm, function: name)
    }
    return [
      getScheduler,
      fixed("get_constant_schedule", .constant, warmup: false, total: false, extra: [], doc: "A constant learning rate (the optimizer's lr)."),
      fixed("get_constant_schedule_with_warmup", .constantWithWarmup, warmup: true, total: false, extra: [],
            doc: "Linear warmup from 0 over num_warmup_steps, then constant."),
      fixed("get_linear_schedule_with_warmup", .linear, warmup: true, total: true, extra: [],
            doc: "Linear warmup, then linear decay to 0 at num_training_steps."),
      fixed("get_cosine_schedule_with_warmup", .cosine, warmup: true, total: true, extra: [.init("num_cycles", default: .float(0.5))],
            doc: "Linear warmup, then lr·0.5·(1 + cos(π·2·num_cycles·progress)), progress = (step − warmup)/(total − warmup)."),
      fixed("get_cosine_with_hard_restarts_schedule_with_warmup", .cosineWithRestarts, warmup: true, total: true,
            extra: [.init("num_cycles", default: .int(1))], doc: "Linear warmup, then num_cycles cosine decays with hard restarts."),
      fixed("get_polynomial_decay_schedule_with_warmup", .polynomial, warmup: true, total: true,
            extra: [.init("lr_end", default: .float(1e-7)), .init("power", default: .float(1))],
            doc: "Linear warmup, then polynomial decay (power) from the optimizer's lr to lr_end at num_training_steps."),
      fixed("get_inverse_sqrt_schedule", .inverseSqrt, warmup: true, total: false, extra: [.init("timescale", default: Value.none)],
            doc: "Linear warmup, then lr/√((step + shift)/timescale), timescale = num_warmup_steps (or 10000)."),
    ]
  }
}
