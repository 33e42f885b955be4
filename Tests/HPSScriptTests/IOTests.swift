// Text files through open(), the input() hook, and stdout redirection.
import Foundation
import HPSScript
import Testing

@Test func writeThenReadTextFile() {
  let path = NSTemporaryDirectory() + "hps-io-\(UUID().uuidString).txt"
  let source = """
    with open(\(PythonLiteral(path)), "w") as f:
        f.write("alpha\\n")
        f.writelines(["beta\\n", "gamma"])
    with open(\(PythonLiteral(path))) as f:
        print(f.readline().strip(), f.read().split())
    lines = [line.rstrip() for line in open(\(PythonLiteral(path)))]
    print(lines)
    with open(\(PythonLiteral(path)), "a") as f:
        f.write("\\ndelta")
    print(open(\(PythonLiteral(path))).readlines()[-1])
    try:
        open("/no/such/dir/file.txt")
    except FileNotFoundError as e:
        print("missing", e.errno)
    """
  let r = runScript(source)
  #expect(r.stdout == "alpha ['beta', 'gamma']\n['alpha', 'beta', 'gamma']\ndelta\nmissing 2\n", "\(r.stderr)")
}

@Test func inputUsesTheHook() {
  var lines = ["first", "second"]
  let r = runScript("a = input('> ')\nb = input()\nprint(a + '|' + b)\ninput()\n") { interp in
    interp.readLine = { _ in lines.isEmpty ? nil : lines.removeFirst() }
  }
  #expect(r.stdout == "first|second\n")
  #expect(r.lastErrorLine == "EOFError: EOF when reading a line")
}

@Test func dictSurvivesChurn() {
  let source = """
    d = {}
    for i in range(2000):
        d[i] = i * i
    for i in range(0, 2000, 3):
        del d[i]
    for i in range(0, 2000, 6):
        d[i] = -i
    print(len(d), sum(d.values()), list(d)[:5], d.get(3), 3 in d, d[1999])
    """
  var expected = [Int: Int]()
  var order: [Int] = []
  for i in 0..<2000 { expected[i] = i * i; order.append(i) }
  for i in stride(from: 0, to: 2000, by: 3) { expected[i] = nil; order.removeAll { $0 == i } }
  for i in stride(from: 0, to: 2000, by: 6) { expected[i] = -i; order.append(i) }
  let sum = expected.values.reduce(0, +)
  let head = order.prefix(5).map(String.init).joined(separator: ", ")
  let r = runScript(source)
  #expect(r.stdout == "\(expected.count) \(sum) [\(head)] None False \(1999 * 1999)\n", "\(r.stderr)")
}

/// A Python string literal for a path.
func PythonLiteral(_ s: String) -> String { "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'" }
