// Engine errors become the Python exceptions a script expects (TrainerError → RuntimeError or
// ValueError, unknown TrainingArguments field → TypeError, ...), so `try/except` in scripts works
// and tracebacks name the right class.
import Foundation
import HPSScript
import HPSSearch
import HPSTraining

enum ScriptErrors {
  static func convert(_ vm: VM, _ error: Error) -> Error {
    switch error {
    case is ScriptError: return error
    case let e as TensorError: return vm.error(e.type, e.message)
    case let e as TrainerError: return vm.error(e.pythonType, e.description)
    case let e as TrainingArgumentsError: return vm.error(e.pythonType, e.description)
    case let e as DataError:
      if case .fileNotFound = e { return vm.error("FileNotFoundError", e.description) }
      return vm.error("ValueError", e.description)
    case let e as ModelError: return vm.error("ValueError", e.description)
    case let e as CheckpointError:
      return vm.error("OSError", e.description)
    case let e as MetricError: return vm.error("ValueError", e.description)
    case let e as SearchError: return vm.error(e.pythonExceptionName, e.description)
    case let e as DistributionProblem: return vm.error("ValueError", e.description)
    default: return vm.error("RuntimeError", "\(error)")
    }
  }
}

/// Runs engine code from a native function, translating its errors into script exceptions.
func bridged<T>(_ vm: VM, _ body: () throws -> T) throws -> T {
  do { return try body() } catch { throw ScriptErrors.convert(vm, error) }
}
