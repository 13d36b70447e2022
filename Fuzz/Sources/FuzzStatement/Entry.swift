import FuzzSupport

/// libFuzzer entry: one input, one call.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStatement(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  FuzzOne.statement(UnsafeBufferPointer(start: data, count: size))
  return 0
}

/// SwiftPM links an executable with `main` aliased to `<product>_main`; hand over to libFuzzer's
/// driver there, so the product builds with `-sanitize=fuzzer` without a `main` of its own.
@_cdecl("fuzz_statement_main")
public func fuzzStatementMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var argc = argc
  var argv = argv
  return LLVMFuzzerRunDriver(&argc, &argv, fuzzStatement)
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
