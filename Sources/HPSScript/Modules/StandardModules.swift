// The native modules every interpreter can import, declared in one list.

enum StandardModules {
  static func all() -> [NativeModule] {
    [MathModule.module, TimeModule.module, SysModule.module, OSModule.module, OSModule.pathModule,
     RandomModule.module, JSONModule.module]
  }
}
