// The seed models draw their initial weights from when none is passed explicitly. The Trainer sets
// it (from args.seed) around every `model_init` call, the counterpart of Transformers calling
// set_seed before model_init; being task-local, parallel trials do not see each other's seed.
public enum TrainingSeed {
  @TaskLocal public static var current: UInt64?
}
