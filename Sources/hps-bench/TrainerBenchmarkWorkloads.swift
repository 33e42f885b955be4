// The two workloads of `hps-bench trainer` (issue 3): their data, hps's run, and the SGEMM bound.
import Foundation
import HPSNumerics
import HPSTraining

struct TrainerWorkload {
  let name: String
  let hidden: [Int]
  let epochs: Int
  let batch: Int
  let learningRate = 1e-3
  let weightDecay = 0.01
  /// Thread counts each peer is run with: its best on this machine (docs/trainer.md).
  let torchThreads: Int
  let numpyThreads: Int

  static let small = TrainerWorkload(name: "small", hidden: [128, 128], epochs: 20, batch: 32, torchThreads: 1, numpyThreads: 1)
  static let large = TrainerWorkload(name: "large", hidden: [512, 512], epochs: 2, batch: 256, torchThreads: 2, numpyThreads: 2)
  static func named(_ name: String) -> TrainerWorkload? { name == "small" ? .small : name == "large" ? .large : nil }

  /// small: digits, stratified 80/20 split (seed 0), standardized on train.
  /// large: 100k train + 10k test × 256 standard normal features, labels = argmax of a fixed random
  /// 256-64-10 tanh teacher network (seeded, so every run and every process builds the same bytes).
  func data() throws -> (train: Dataset, test: Dataset) {
    if name == "small" {
      let ds = try BundledDatasets.load("digits")
      let (train, test) = try ds.trainTestSplit(testSize: 0.2, seed: 0, stratify: true)
      let scaler = FeatureScaler.fit(train)
      return (try scaler.transform(train), try scaler.transform(test))
    }
    let (nTrain, nTest, d, h, k) = (100_000, 10_000, 256, 64, 10)
    var rng = RandomSource(seed: 1234)
    func normals(_ rows: Int, _ cols: Int, scale: Double) -> Matrix {
      var m = Matrix(rows: rows, cols: cols)
      for i in 0..<m.count { m.storage[i] = Float(rng.normal() * scale) }
      return m
    }
    let w1 = normals(d, h, scale: 1 / Double(d).squareRoot()), w2 = normals(h, k, scale: 1 / Double(h).squareRoot())
    func split(_ n: Int) throws -> Dataset {
      let x = normals(n, d, scale: 1)
      var hidden = Matrix(rows: n, cols: h), logits = Matrix(rows: n, cols: k)
      BLAS.gemm(x, w1, into: &hidden)
      for i in 0..<hidden.count { hidden.storage[i] = tanhf(hidden.storage[i]) }
      BLAS.gemm(hidden, w2, into: &logits)
      let labels = (0..<n).map { r -> Int32 in
        var best = 0
        for j in 1..<k where logits[r, j] > logits[r, best] { best = j }
        return Int32(best)
      }
      return try Dataset(features: x, labels: .classes(labels))
    }
    return (try split(nTrain), try split(nTest))
  }

  var layerSizes: (Int) -> [Int] { { features in [features] + hidden + [10] } }

  /// Writes the data for the Python peers (float32 x and labels).
  func writeData(_ train: Dataset, _ test: Dataset, to path: String) throws {
    func labels(_ d: Dataset) -> Tensor { Tensor(shape: [d.count], values: d.classIDs.map { Float($0) }) }
    try Safetensors.write([
      ("x_train", Tensor(shape: [train.count, train.numFeatures], values: train.features.values)),
      ("y_train", labels(train)),
      ("x_test", Tensor(shape: [test.count, test.numFeatures], values: test.features.values)),
      ("y_test", labels(test)),
    ], to: path)
  }

  /// hps's run, in this process: the Trainer with the peers' configuration (constant learning
  /// rate, no clipping, no evaluation or logging during training). Time = train()'s loop only.
  func runHPS(threads: Int) throws -> (samplesPerSecond: Double, samplesPerCPUSecond: Double, testAccuracy: Double, threads: Int) {
    let (train, test) = try data()
    let args = try TrainingArguments([
      "learning_rate": .double(learningRate), "weight_decay": .double(weightDecay),
      "num_train_epochs": .int(epochs), "per_device_train_batch_size": .int(batch),
      "per_device_eval_batch_size": .int(1024), "max_grad_norm": .double(0), "lr_scheduler_type": .string("constant"),
      "logging_strategy": .string("no"), "save_strategy": .string("no"), "eval_strategy": .string("no"),
      "seed": .int(0), "num_threads": .int(threads),
    ])
    let model = try Model(config: .mlp(features: train.numFeatures, labels: 10, hidden: hidden), seed: 0)
    let trainer = try Trainer(model: model, args: args, trainDataset: train,
                              computeMetrics: BuiltinMetrics.computeMetrics(["accuracy"]))
    let cpuBefore = Self.cpuSeconds()
    let out = try trainer.train()
    let cpu = Self.cpuSeconds() - cpuBefore
    let threads = BLAS.threadCount
    let runtime = out.metrics["train_runtime"] ?? .infinity
    let accuracy = try trainer.evaluate(test)["eval_accuracy"] ?? 0
    let samples = Double(train.count * epochs)
    return (samples / runtime, samples / max(cpu, 1e-9), accuracy, threads)
  }

  /// User + system CPU time of this process (all threads), robust to other jobs on the machine.
  static func cpuSeconds() -> Double {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
  }

  /// Samples/second if a training step cost only its GEMMs: the exact sequence of one step
  /// (forward per layer, dW per layer, dX for all but the first) timed back to back, as wall time
  /// and as process CPU time (the latter is steady on a shared machine for 1 thread).
  func sgemmBound(features: Int, threads: Int) -> (wall: Double, cpu: Double) {
    BLAS.threadCount = threads
    let sizes = layerSizes(features)
    var rng = RandomSource(seed: 5)
    func random(_ r: Int, _ c: Int) -> Matrix { Matrix(rows: r, cols: c, values: (0..<(r * c)).map { _ in rng.uniform(-1, 1) }) }
    let acts = sizes.map { random(batch, $0) }
    let weights = (0..<(sizes.count - 1)).map { random(sizes[$0 + 1], sizes[$0]) }
    var outs = (0..<(sizes.count - 1)).map { Matrix(rows: batch, cols: sizes[$0 + 1]) }
    var dws = weights.map { Matrix(rows: $0.rows, cols: $0.cols) }
    var dxs = (0..<(sizes.count - 1)).map { Matrix(rows: batch, cols: sizes[$0]) }
    func step() {
      for l in 0..<weights.count { BLAS.gemm(acts[l], weights[l], into: &outs[l], transB: .transposed) }
      for l in stride(from: weights.count - 1, through: 0, by: -1) {
        BLAS.gemm(acts[l + 1], acts[l], into: &dws[l], transA: .transposed)
        if l > 0 { BLAS.gemm(acts[l + 1], weights[l], into: &dxs[l]) }
      }
    }
    for _ in 0..<20 { step() }
    var times: [Double] = [], cpuTimes: [Double] = []
    let reps = batch >= 256 ? 40 : 400
    for _ in 0..<7 {
      let t0 = DispatchTime.now().uptimeNanoseconds
      let c0 = Self.cpuSeconds()
      for _ in 0..<reps { step() }
      times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9 / Double(reps))
      cpuTimes.append((Self.cpuSeconds() - c0) / Double(reps))
    }
    return (Double(batch) / times.sorted()[times.count / 2], Double(batch) / max(1e-12, cpuTimes.sorted()[cpuTimes.count / 2]))
  }
}
