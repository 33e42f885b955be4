// The `tune.*` search-space functions, validated. Ray validates few of these (NumPy fails later
// or silently samples a reversed range); here every bad argument fails at construction with the
// function, argument and valid range named. Ray's own messages are kept where Ray has one.
import Foundation

/// Namespace for Ray Tune's search-space primitives: `Tune.uniform(0, 1)` is `tune.uniform(0, 1)`.
public enum Tune {
  // MARK: - Floats

  /// A float uniform on `[lower, upper)`.
  public static func uniform(_ lower: Double, _ upper: Double) throws -> TuneValue {
    try checkFloatRange("tune.uniform", lower, upper)
    return .domain(TuneDomain(.uniform(lower: lower, upper: upper), function: "uniform"))
  }

  /// A uniform float rounded to a multiple of `q`; the upper bound is reachable. With `q == 1`
  /// Ray skips the rounding and returns plain floats (a warning says so).
  public static func quniform(
    _ lower: Double, _ upper: Double, _ q: Double, logger: SearchLogger = SearchLogger.current
  ) throws -> TuneValue {
    let fn = "tune.quniform"
    try checkFloatRange(fn, lower, upper)
    try checkQuantization(fn, lower, upper, q, logger: logger)
    return .domain(TuneDomain(.uniform(lower: lower, upper: upper), q: q, function: "quniform"))
  }

  /// A float whose logarithm is uniform (`exp(U(ln lower, ln upper))`). `base` is accepted for
  /// compatibility; Ray deprecated it because the distribution does not depend on it.
  public static func loguniform(
    _ lower: Double, _ upper: Double, base: Double? = nil, logger: SearchLogger = SearchLogger.current
  ) throws -> TuneValue {
    try checkLog("tune.loguniform", lower, upper, base: base, logger: logger)
    return .domain(TuneDomain(.logUniform(lower: lower, upper: upper), function: "loguniform"))
  }

  /// Log-uniform, then rounded to a multiple of `q` (upper reachable).
  public static func qloguniform(
    _ lower: Double, _ upper: Double, _ q: Double, base: Double? = nil, logger: SearchLogger = SearchLogger.current
  ) throws -> TuneValue {
    let fn = "tune.qloguniform"
    try checkLog(fn, lower, upper, base: base, logger: logger)
    try checkQuantization(fn, lower, upper, q, logger: logger)
    return .domain(TuneDomain(.logUniform(lower: lower, upper: upper), q: q, function: "qloguniform"))
  }

  /// A normal float (unbounded).
  public static func randn(mean: Double = 0.0, sd: Double = 1.0) throws -> TuneValue {
    try checkNormal("tune.randn", mean, sd)
    return .domain(TuneDomain(.normal(mean: mean, sd: sd), function: "randn"))
  }

  /// A normal float rounded to a multiple of `q`.
  public static func qrandn(mean: Double, sd: Double, q: Double) throws -> TuneValue {
    try checkNormal("tune.qrandn", mean, sd)
    guard q > 0, q.isFinite else {
      throw TuneError.invalidDomain(function: "tune.qrandn", message: "q must be a positive number (got q=\(pythonRepr(q)))")
    }
    return .domain(TuneDomain(.normal(mean: mean, sd: sd), q: q, function: "qrandn"))
  }

  // MARK: - Integers

  /// An int in `[lower, upper)`: **upper excluded**, like `np.random.randint`.
  public static func randint(_ lower: Int, _ upper: Int) throws -> TuneValue {
    guard lower < upper else {
      throw TuneError.invalidDomain(
        function: "tune.randint",
        message: "lower must be < upper because upper is excluded (got lower=\(lower), upper=\(upper))")
    }
    try checkSpan("tune.randint", lower, upper)
    return .domain(TuneDomain(.randint(lower: lower, upper: upper), function: "randint"))
  }

  /// An int in `[lower, upper]` rounded to a multiple of `q`. For `q == 1` Ray skips the
  /// quantizer and the upper bound is **excluded** (as randint); a warning says so.
  public static func qrandint(
    _ lower: Int, _ upper: Int, _ q: Int = 1, logger: SearchLogger = SearchLogger.current
  ) throws -> TuneValue {
    let fn = "tune.qrandint"
    try checkIntQuantization(fn, lower, upper, q, log: false)
    if q == 1 {
      logger.warning(
        "tune.qrandint(\(lower), \(upper), q=1) excludes the upper bound \(upper): Ray Tune skips "
          + "quantization when q == 1, so it samples like tune.randint. Use tune.randint(\(lower), \(upper + 1)) "
          + "to include it explicitly.")
    }
    return .domain(TuneDomain(.randint(lower: lower, upper: upper), q: Double(q), function: "qrandint"))
  }

  /// An int whose logarithm is uniform: `floor(exp(U(ln lower, ln upper)))`, upper excluded.
  public static func lograndint(
    _ lower: Int, _ upper: Int, base: Double? = nil, logger: SearchLogger = SearchLogger.current
  ) throws -> TuneValue {
    try checkLog("tune.lograndint", Double(lower), Double(upper), base: base, logger: logger)
    guard lower < upper else {
      throw TuneError.invalidDomain(
        function: "tune.lograndint",
        message: "lower must be < upper because upper is excluded (got lower=\(lower), upper=\(upper))")
    }
    return .domain(TuneDomain(.logRandint(lower: lower, upper: upper), function: "lograndint"))
  }

  /// Log-uniform int rounded to a multiple of `q` (upper reachable when q > 1).
  public static func qlograndint(
    _ lower: Int, _ upper: Int, _ q: Int, base: Double? = nil, logger: SearchLogger = SearchLogger.current
  ) throws -> TuneValue {
    let fn = "tune.qlograndint"
    try checkLog(fn, Double(lower), Double(upper), base: base, logger: logger)
    try checkIntQuantization(fn, lower, upper, q, log: true)
    if q == 1 {
      logger.warning(
        "tune.qlograndint(\(lower), \(upper), q=1) excludes the upper bound \(upper): Ray Tune skips "
          + "quantization when q == 1, so it samples like tune.lograndint.")
    }
    return .domain(TuneDomain(.logRandint(lower: lower, upper: upper), q: Double(q), function: "qlograndint"))
  }

  // MARK: - Categorical, grid, functions

  /// One of `categories`, uniformly (mixed kinds are kept as they are).
  public static func choice(_ categories: [TuneValue]) throws -> TuneValue {
    guard !categories.isEmpty else {
      throw TuneError.invalidDomain(function: "tune.choice", message: "categories must not be empty (got [])")
    }
    return .domain(TuneDomain(.choice(categories), function: "choice"))
  }

  /// `{"grid_search": values}`: every value becomes its own trial (per sample). Ray accepts an
  /// empty grid and silently runs zero trials; hps rejects it.
  public static func gridSearch(_ values: [TuneValue]) throws -> TuneValue {
    guard !values.isEmpty else {
      throw TuneError.invalidDomain(
        function: "tune.grid_search", message: "values must not be empty (Ray would silently run zero trials)")
    }
    return .dict(["grid_search": .list(values)])
  }

  /// A value computed from the partially resolved config (conditional spaces).
  public static func sampleFrom(_ body: @escaping @Sendable (TuneSpec) throws -> TuneValue) -> TuneValue {
    .domain(TuneDomain(.function(TuneFunction(body)), function: "sample_from"))
  }

  // MARK: - Validation

  static func checkFloatRange(_ fn: String, _ lower: Double, _ upper: Double) throws {
    guard lower.isFinite, upper.isFinite else {
      throw TuneError.invalidDomain(
        function: fn,
        message: "lower and upper must be finite (got lower=\(pythonRepr(lower)), upper=\(pythonRepr(upper)))")
    }
    guard lower <= upper else {
      throw TuneError.invalidDomain(
        function: fn,
        message: "lower must be <= upper (got lower=\(pythonRepr(lower)), upper=\(pythonRepr(upper))); "
          + "Ray would silently sample the reversed interval")
    }
  }

  static func checkLog(_ fn: String, _ lower: Double, _ upper: Double, base: Double?, logger: SearchLogger) throws {
    guard lower > 0 else {
      throw TuneError.invalidDomain(
        function: fn,
        message: "LogUniform requires a lower bound greater than 0. Got: \(pythonRepr(lower)). Did you pass a "
          + "variable that has been log-transformed? If so, pass the non-transformed value instead.")
    }
    guard upper > 0, upper.isFinite else {
      throw TuneError.invalidDomain(
        function: fn,
        message: "LogUniform requires a finite upper bound greater than 0. Got: \(pythonRepr(upper)). Did you pass "
          + "a variable that has been log-transformed? If so, pass the non-transformed value instead.")
    }
    try checkFloatRange(fn, lower, upper)
    if let base {
      guard base > 0, base != 1, base.isFinite else {
        throw TuneError.invalidDomain(
          function: fn, message: "base must be a positive number other than 1 (got base=\(pythonRepr(base)))")
      }
      logger.warning(
        "\(fn): the `base` argument is deprecated in Ray Tune and has no effect: a log-uniform "
          + "distribution is the same in every base. Remove it.")
    }
  }

  static func checkQuantization(_ fn: String, _ lower: Double, _ upper: Double, _ q: Double, logger: SearchLogger) throws {
    guard q > 0, q.isFinite else {
      throw TuneError.invalidDomain(function: fn, message: "q must be a positive number (got q=\(pythonRepr(q)))")
    }
    for (name, bound) in [("lower", lower), ("upper", upper)] where !isClose(bound / q, (bound / q).rounded()) {
      throw TuneError.invalidDomain(
        function: fn,
        message: "Your \(name) variable bound \(pythonRepr(bound)) is not divisible by quantization factor \(pythonRepr(q)).")
    }
    if q == 1 {
      logger.warning(
        "\(fn)(\(pythonRepr(lower)), \(pythonRepr(upper)), q=1) does not round: Ray Tune skips quantization "
          + "when q == 1, so values are continuous floats. Use tune.qrandint or a q other than 1 for whole numbers.")
    }
  }

  static func checkIntQuantization(_ fn: String, _ lower: Int, _ upper: Int, _ q: Int, log: Bool) throws {
    guard q >= 1 else { throw TuneError.invalidDomain(function: fn, message: "q must be a positive integer (got q=\(q))") }
    try checkSpan(fn, lower, upper)
    if q == 1 {
      guard lower < upper else {
        throw TuneError.invalidDomain(
          function: fn,
          message: "with q=1 the upper bound is excluded, so lower must be < upper (got lower=\(lower), upper=\(upper))")
      }
      return
    }
    let (lq, uq) = TuneDomain.integerBounds(lower, upper, q: q)
    guard log ? lq <= uq : lq < uq else {
      throw TuneError.invalidDomain(
        function: fn,
        message: "no room between the multiples of q=\(q) inside [\(lower), \(upper)] (rounded bounds \(lq) and \(uq))")
    }
  }

  static func checkSpan(_ fn: String, _ lower: Int, _ upper: Int) throws {
    guard !upper.subtractingReportingOverflow(lower).overflow, lower <= upper else {
      throw TuneError.invalidDomain(function: fn, message: "lower must be <= upper (got lower=\(lower), upper=\(upper))")
    }
  }

  static func checkNormal(_ fn: String, _ mean: Double, _ sd: Double) throws {
    guard mean.isFinite else {
      throw TuneError.invalidDomain(function: fn, message: "mean must be finite (got mean=\(pythonRepr(mean)))")
    }
    guard sd > 0, sd.isFinite else {
      throw TuneError.invalidDomain(function: fn, message: "SD has to be strictly greater than 0 (got sd=\(pythonRepr(sd)))")
    }
  }

  /// Python's `math.isclose` with its default relative tolerance.
  static func isClose(_ a: Double, _ b: Double) -> Bool {
    a == b || abs(a - b) <= 1e-9 * max(abs(a), abs(b))
  }
}
