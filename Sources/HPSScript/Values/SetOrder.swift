// CPython iterates a set in the order of its hash table, so `print({3, 1, 2})` shows `{1, 2, 3}`.
// hps keeps sets insertion-ordered internally and replays CPython's table layout (open addressing
// with 9 linear probes, then perturbation; growth ×4 at 60% fill) to present the same order.

extension SetObject {
  /// The live elements in the order CPython would iterate them.
  var pythonOrder: [Value] {
    let live = Array(table.live)
    if live.count < 2 { return live.map(\.key) }
    var mask = 7
    var slots = [Int](repeating: -1, count: 8)
    var fill = 0
    func insertClean(_ slots: inout [Int], _ mask: Int, _ hash: Int, _ index: Int) {
      var perturb = UInt(bitPattern: hash)
      var i = Int(UInt(bitPattern: hash) & UInt(mask))
      while true {
        if slots[i] < 0 {
          slots[i] = index
          return
        }
        if i + 9 <= mask {
          for j in 1...9 where slots[i + j] < 0 {
            slots[i + j] = index
            return
          }
        }
        perturb >>= 5
        i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
      }
    }
    for (index, e) in live.enumerated() {
      insertClean(&slots, mask, e.hash, index)
      fill += 1
      if fill * 5 >= mask * 3 {
        let minused = fill > 50000 ? fill * 2 : fill * 4
        var size = 8
        while size <= minused { size <<= 1 }
        let old = slots
        mask = size - 1
        slots = [Int](repeating: -1, count: size)
        for k in old where k >= 0 { insertClean(&slots, mask, live[k].hash, k) }
      }
    }
    return slots.filter { $0 >= 0 }.map { live[$0].key }
  }
}
