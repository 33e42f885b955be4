// Tables as script values (`hps.table(rows)`, and what the optuna module may return for trials):
// an HTML table in notebooks, aligned text in terminals.
import Foundation
import HPSScript

public enum TableValue {
  public static func make(_ table: Table, vm: VM) throws -> Value {
    let v = try vm.callValue(tableClass.value, [])
    guard case .instance(let instance) = v else { throw vm.error("RuntimeError", "Table construction failed") }
    instance.native = TableBox(table)
    return v
  }

  public static func table(from v: Value) -> Table? { NativeClass.payload(v, as: TableBox.self)?.table }

  static func box(_ v: Value, _ vm: VM) throws -> TableBox {
    guard let box = NativeClass.payload(v, as: TableBox.self) else { throw vm.error("TypeError", "this Table is empty; make tables with hps.table(rows)") }
    return box
  }

  static func cellText(_ v: Value, _ vm: VM) throws -> String {
    if case .float(let d) = v { return TickFormat.value(d) }
    if case .str(let s) = v { return s }
    return try vm.repr(v)
  }

  /// `hps.table(rows, columns=None)`: rows are dicts (columns = their keys in first-seen order) or sequences.
  static let function = NativeFunction(
    "table", Signature([.init("rows"), .init("columns", default: Value.none)]),
    doc: "A table of rows (dicts, or lists with columns=[...]): HTML in notebooks, aligned text in terminals."
  ) { vm, a in
    guard let rows = a["rows"].asArray else { throw vm.error("TypeError", "table() rows must be a list, not \(a["rows"].typeName)") }
    var columns: [String] = []
    if !a["columns"].isNone {
      guard let list = a["columns"].asArray else { throw vm.error("TypeError", "table() columns must be a list of str") }
      columns = try list.map { try vm.str($0) }
    }
    var cells: [[String]] = []
    if rows.allSatisfy({ if case .dict = $0 { return true } else { return false } }) {
      let items = try rows.map { try vm.dictItems($0).map { (try vm.str($0.0), $0.1) } }
      if columns.isEmpty { for row in items { for (k, _) in row where !columns.contains(k) { columns.append(k) } } }
      cells = try items.map { row in
        try columns.map { c in try row.first { $0.0 == c }.map { try cellText($0.1, vm) } ?? "" }
      }
    } else {
      for (i, row) in rows.enumerated() {
        guard let values = row.asArray else { throw vm.error("TypeError", "table() row \(i) must be a dict, list or tuple, not \(row.typeName)") }
        if columns.isEmpty { columns = (0..<values.count).map(String.init) }
        guard values.count == columns.count else {
          throw vm.error("ValueError", "table() row \(i) has \(values.count) values for \(columns.count) columns")
        }
        cells.append(try values.map { try cellText($0, vm) })
      }
    }
    return try make(Table(columns: columns, rows: cells), vm: vm)
  }

  static let tableClass = NativeClass(
    name: "Table", module: "hps", doc: "A table shown as HTML in notebooks and aligned text in terminals.", subclassable: false,
    initializer: NativeFunction("__init__", Signature([.init("self")])) { _, _ in .none },
    methods: [
      NativeFunction("to_html", Signature([.init("self")])) { vm, a in .str(try box(a["self"], vm).table.html()) },
      NativeFunction("to_string", Signature([.init("self")])) { vm, a in .str(try box(a["self"], vm).table.text()) },
      NativeFunction("__repr__", Signature([.init("self")])) { vm, a in .str(try box(a["self"], vm).table.text()) },
      NativeFunction("__len__", Signature([.init("self")])) { vm, a in .int(try box(a["self"], vm).table.rows.count) },
    ],
    properties: [NativeProperty("columns") { vm, i in .list(ListObject(try box(.instance(i), vm).table.columns.map { .str($0) })) }])
}
