// A finished trial's model, optimizer state and buffers must be freed when the trial ends, not
// when the search does: every backend once kept each trial's engine trainer alive (≈ 1 MB per
// trial here), so peak memory grew with the number of trials. The child's own peak resident size
// comes from wait4 (one process's figure, whatever else the test run is doing).
#if os(Linux)
import Foundation
import Glibc
import Testing

@Suite("SearchMemory")
struct SearchMemoryTests {
  static let script = """
    import sys
    from datasets import load_dataset
    from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments
    n_trials, backend, folder = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    data = load_dataset("digits", split="train").select(range(300)).train_test_split(test_size=0.2, seed=0)
    trainer = Trainer(
        model_init=lambda trial: AutoModelForSequenceClassification.from_pretrained("mlp-base"),
        args=TrainingArguments(output_dir=folder, eval_strategy="epoch", save_strategy="no", num_train_epochs=1),
        train_dataset=data["train"], eval_dataset=data["test"])
    if backend == "ray":
        from ray import tune
        space = lambda _: {"learning_rate": tune.loguniform(1e-4, 1e-2)}
    elif backend == "wandb":
        space = lambda _: {"method": "random", "metric": {"name": "objective", "goal": "minimize"},
                           "parameters": {"learning_rate": {"distribution": "log_uniform_values", "min": 1e-4, "max": 1e-2}}}
    else:
        space = lambda trial: {"learning_rate": trial.suggest_float("learning_rate", 1e-4, 1e-2, log=True)}
    best = trainer.hyperparameter_search(hp_space=space, n_trials=n_trials, backend=backend)
    print("trials", n_trials, "done")

    """

  /// Peak resident size in kB of `hps run <script> trials backend`, and its exit status.
  static func peakKilobytes(trials: Int, backend: String) throws -> (kilobytes: Int, status: Int32) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hps-memory-\(getpid())-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("search.hps")
    try script.write(to: file, atomically: true, encoding: .utf8)
    let argv = [HPSBinary.url.path, "run", file.path, String(trials), backend, dir.path]
    var cArgs = argv.map { strdup($0) } + [nil]
    defer { for p in cArgs { free(p) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArgs, environ)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    return (usage.ru_maxrss, (status >> 8) & 0xff)
  }

  @Test(arguments: ["optuna", "ray", "wandb"])
  func peakMemoryDoesNotGrowWithTheNumberOfTrials(backend: String) throws {
    let few = try Self.peakKilobytes(trials: 8, backend: backend)
    let many = try Self.peakKilobytes(trials: 64, backend: backend)
    #expect(few.status == 0 && many.status == 0)
    // 56 more trials of a 26k-parameter MLP: ≈ 50 MB more if each one's engine stayed alive.
    #expect(many.kilobytes - few.kilobytes < 15_000, "8 trials: \(few.kilobytes) kB, 64 trials: \(many.kilobytes) kB")
  }
}
#endif
