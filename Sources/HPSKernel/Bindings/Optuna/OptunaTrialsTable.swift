// The result of study.trials_dataframe(): hps has no pandas, so a small table object that prints
// like a DataFrame and converts to plain lists, dicts and CSV.
import Foundation
import HPSScript
import HPSSearch

enum OptunaTrialsTable: OptunaDeclarations {
  static let className = "TrialsDataFrame"
  typealias T = Box<TrialsTable>

  static func value(_ table: TrialsTable) -> Value { tableClass.instance(wrapping: Box(table)) }

  private static func cell(_ vm: VM, _ j: HPSSearch.JSONValue) throws -> Value { try EngineValues.script(j, vm: vm) }

  /// pandas-like text: a header row and one right-aligned row per trial, index first.
  static func text(_ table: TrialsTable) -> String {
    func show(_ j: HPSSearch.JSONValue) -> String {
      switch j {
      case .null: return "NaN"
      case .string(let s): return s
      case .bool(let b): return b ? "True" : "False"
      case .double(let d): return d.isFinite ? String(format: "%.6f", d) : pythonRepr(d)
      default: return j.jsonText
      }
    }
    let header = [""] + table.columns
    var body = table.rows.enumerated().map { i, row in [String(i)] + row.map(show) }
    // pandas' default display.max_rows: long tables show their first and last 5 rows.
    let truncated = body.count > 60
    if truncated { body = Array(body.prefix(5)) + [header.map { _ in "..." }] + Array(body.suffix(5)) }
    let all = [header] + body
    let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
    let text = all.map { row in
      row.enumerated().map { c, text in String(repeating: " ", count: widths[c] - text.count) + text }.joined(separator: "  ")
    }.joined(separator: "\n")
    return truncated ? text + "\n\n[\(table.rows.count) rows x \(table.columns.count) columns]" : text
  }

  static let tableClass: NativeClass = {
    let c = className
    return NativeClass(
      name: c, module: "optuna.study",
      doc: "The trials of a study as a table (what trials_dataframe() returns in hps; pandas is not available).",
      subclassable: false, initializer: OptunaNative.notConstructible(c, use: "study.trials_dataframe()"),
      methods: [
        OptunaNative.repr(c) { (_: VM, t: T) in text(t.value) },
        OptunaNative.method(c, "__len__", doc: "Number of rows (trials).") { (_: VM, t: T, _: BoundArguments) in .int(t.value.rows.count) },
        OptunaNative.method(c, "__getitem__", [p("column")], doc: "The values of one column, as a list.") { (vm: VM, t: T, b: BoundArguments) in
          let name = try OptunaValues.string(b["column"], "__getitem__", "column")
          guard let index = t.value.columns.firstIndex(of: name) else {
            throw OptunaErrors.builtin("KeyError", PythonRepr.string(name))
          }
          return Value(try t.value.rows.map { try cell(vm, $0[index]) })
        },
        OptunaNative.method(
          c, "to_dict", [p("orient", "list")],
          doc: "orient='list': {column: [values]}; orient='records': [{column: value}, ...] (one dict per trial)."
        ) { (vm: VM, t: T, b: BoundArguments) in
          let table = t.value
          switch b["orient"].asString {
          case "records"?:
            return Value(try table.rows.map { row in try vm.makeDict(try zip(table.columns, row).map { ($0, try cell(vm, $1)) }) })
          case "list"?:
            return try vm.makeDict(try table.columns.enumerated().map { i, name in (name, Value(try table.rows.map { try cell(vm, $0[i]) })) })
          default:
            throw OptunaErrors.valueError("to_dict() argument 'orient' must be 'list' or 'records'")
          }
        },
        OptunaNative.method(c, "to_records", doc: "One dict per trial.") { (vm: VM, t: T, _: BoundArguments) in
          Value(try t.value.rows.map { row in try vm.makeDict(try zip(t.value.columns, row).map { ($0, try cell(vm, $1)) }) })
        },
        OptunaNative.method(
          c, "to_csv", [p("path_or_buf", Value.none)], doc: "Write the table as CSV to a file, or return the CSV text when no path is given."
        ) { (_: VM, t: T, b: BoundArguments) in
          let csv = t.value.csv()
          guard let path = b["path_or_buf"].asString else { return .str(csv) }
          do {
            try csv.write(toFile: path, atomically: true, encoding: .utf8)
          } catch {
            throw OptunaErrors.builtin("OSError", "cannot write '\(path)': \(error.localizedDescription)")
          }
          return .none
        },
      ],
      properties: [
        OptunaNative.property(c, "columns", doc: "Column names.") { (_: VM, t: T) in Value(t.value.columns.map { Value.str($0) }) },
        OptunaNative.property(c, "shape", doc: "(rows, columns).") { (_: VM, t: T) in .tuple(of: [.int(t.value.rows.count), .int(t.value.columns.count)]) },
      ])
  }()
}
