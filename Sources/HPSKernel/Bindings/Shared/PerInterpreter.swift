// State a module keeps per interpreter (its gate, its logging level, its Ray or W&B state, its
// display router), found from the VM that native code is handed and dropped once that VM is gone.
// Tests run many interpreters at once, so lookups take a lock.
import Foundation
import HPSScript

final class PerInterpreter<Value: AnyObject>: @unchecked Sendable {
  private struct Entry {
    weak var vm: VM?
    let value: Value
  }
  private let lock = NSLock()
  private var entries: [Entry] = []

  /// The value stored for `vm`, if any.
  func existing(for vm: VM) -> Value? {
    lock.lock()
    defer { lock.unlock() }
    return entries.first { $0.vm === vm }?.value
  }

  /// The value for `vm`, made by `make` the first time. `make` runs outside the lock (it may run
  /// script machinery); when two threads race, the value stored first is the one both get.
  func value(for vm: VM, make: () throws -> Value) rethrows -> Value {
    if let value = existing(for: vm) { return value }
    let made = try make()
    lock.lock()
    defer { lock.unlock() }
    entries.removeAll { $0.vm == nil }
    if let value = entries.first(where: { $0.vm === vm })?.value { return value }
    entries.append(Entry(vm: vm, value: made))
    return made
  }
}
