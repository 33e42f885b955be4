// Integer semantics at the 64-bit boundary and exact int/float comparisons, against values
// computed by hand (CPython agrees with each).
import Testing

@Test(arguments: [
  ("print(9223372036854775807 + 1)", "9223372036854775808\n"),
  ("print(-9223372036854775808 - 1)", "-9223372036854775809\n"),
  ("print((-9223372036854775807 - 1) // -1)", "9223372036854775808\n"),
  ("print(2**63 - 1 == 9223372036854775807, type(2**63 - 1).__name__)", "True int\n"),
  ("print(3037000500 * 3037000500)", "9223372037000250000\n"),
  ("print(-(2**127), 2**127 - 1 + 1, (2**127) * 2)", "-170141183460469231731687303715884105728 170141183460469231731687303715884105728 340282366920938463463374607431768211456\n"),
  ("print(2**64 // 2**32, 2**64 % 10, -(2**64) // 10, -(2**64) % 10)", "4294967296 6 -1844674407370955162 4\n"),
  ("print(2**53 + 1 == float(2**53 + 1), 2**53 == float(2**53), 10**20 < 1e20 + 1)", "False True False\n"),
  ("print(1 << 70, (1 << 70) >> 69, -1 >> 100, ~(2**64))", "1180591620717411303424 2 -1 -18446744073709551617\n"),
  ("x = 0\nfor i in range(5000000, 5000010):\n    x += i * i * i\nprint(x)", "1250003375004275002025\n"),
])
func integerBoundary(_ source: String, _ expected: String) {
  let r = runScript(source)
  #expect(r.stdout == expected, "\(source)\n\(r.stderr)")
}
