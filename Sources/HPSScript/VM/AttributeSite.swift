// Inline caches for `obj.name` sites: per class (and class-dictionary epoch) the instance slot of
// the name, or the class attribute it resolves to. A hit costs a pointer compare and an index.

final class AttributeSite {
  let name: String
  private var cls: TypeObject?
  private var epoch = -1
  private var layoutCount = -1
  /// Instance slot, or -1 when instances do not (yet) use the name.
  private(set) var slot = -1
  /// A property or other data descriptor: always take the generic path.
  private var hasDescriptor = false
  private(set) var classAttribute: Value?
  /// Where a store goes, or -1 for the generic path (properties, script `__setattr__`).
  private var storeSlot = -1

  init(_ name: String) { self.name = name }

  @inline(__always) private func check(_ c: TypeObject) {
    if c !== cls || epoch != typeEpoch || layoutCount != c.slotLayout.names.count { refresh(c) }
  }

  private func refresh(_ c: TypeObject) {
    cls = c
    epoch = typeEpoch
    classAttribute = c.lookup(name)
    hasDescriptor = c.hasDataDescriptor(name)
    slot = hasDescriptor ? -1 : (c.slotLayout.slot(name) ?? -1)
    let customSetattr = c.hasCustomSetattr
    // -2: a plain attribute whose slot is created by the first store.
    storeSlot = hasDescriptor || customSetattr ? -1 : (c.slotLayout.slot(name) ?? -2)
    layoutCount = c.slotLayout.names.count
  }

  /// `i.name`, or nil to take the generic path.
  @inline(__always) func load(_ i: InstanceObject, _ vm: VM) -> Value? {
    check(i.cls)
    if slot >= 0, let v = i.attributes.get(slot: slot) { return v }
    if hasDescriptor { return nil }
    if let ca = classAttribute { return vm.bind(ca, to: .instance(i), cls: i.cls) }
    return nil
  }

  /// `i.name = v`; false means take the generic path.
  @inline(__always) func store(_ i: InstanceObject, _ v: Value) -> Bool {
    check(i.cls)
    if storeSlot == -2 {
      storeSlot = i.cls.slotLayout.slotCreating(name)
      slot = storeSlot
      layoutCount = i.cls.slotLayout.names.count
    }
    if storeSlot < 0 { return false }
    i.attributes.set(slot: storeSlot, v)
    return true
  }

  /// For `i.name(args)`: the instance's own attribute, else the class attribute.
  @inline(__always) func method(_ i: InstanceObject) -> (own: Value?, classAttribute: Value?) {
    check(i.cls)
    if slot >= 0, let v = i.attributes.get(slot: slot) { return (v, nil) }
    if hasDescriptor { return (nil, nil) }
    return (nil, classAttribute)
  }
}

extension VM {
  /// A method call through a site cache; falls back to the generic path.
  @inline(__always) func callSite1(_ site: AttributeSite, _ recv: Value, _ a: Value) throws -> Value {
    if case .instance(let i) = recv {
      let (own, ca) = site.method(i)
      if let own { return try call1(own, a) }
      if let ca, case .function(let fn) = ca { return try call2(.function(fn), recv, a) }
    }
    return try callMethod1(recv, site.name, a)
  }

  @inline(__always) func callSite0(_ site: AttributeSite, _ recv: Value) throws -> Value {
    if case .instance(let i) = recv {
      let (own, ca) = site.method(i)
      if let own { return try call0(own) }
      if let ca, case .function(let fn) = ca { return try call1(.function(fn), recv) }
    }
    return try callMethod0(recv, site.name)
  }

  @inline(__always) func callSite2(_ site: AttributeSite, _ recv: Value, _ a: Value, _ b: Value) throws -> Value {
    if case .instance(let i) = recv {
      let (own, ca) = site.method(i)
      if let own { return try call2(own, a, b) }
      if let ca, case .function(let fn) = ca { return try call3(.function(fn), recv, a, b) }
    }
    return try callMethod2(recv, site.name, a, b)
  }
}
