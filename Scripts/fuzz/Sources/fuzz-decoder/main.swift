import Foundation
import MyoTwitch

/// Feeds the fuzzer's bytes through the whole engine, in two chunkings, in strict and lenient
/// mode. Any crash, hang or sanitizer report is a bug; thrown `InputError`s are the expected
/// answer to broken input. The first byte picks the chunk size so the fuzzer explores chunking.
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let chunk = size > 0 ? Int(data[0] % 64) + 1 : 1
    for strict in [true, false] {
        let options = DecoderOptions(sampleRateHz: size > 1 && data[1] & 1 == 1 ? 500 : nil, strict: strict)
        let session = AnalysisSession(path: "fuzz", decoderOptions: options)
        do {
            var start = 0
            while start < size {
                let end = min(size, start + chunk)
                _ = try session.consume(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                start = end
            }
            let (_, result, _) = try session.finish()
            precondition(result.events.allSatisfy { $0.start.isFinite && $0.end >= $0.start },
                         "event times must be finite and ordered")
        } catch is InputError {
            // The documented answer to broken input.
        } catch {
            preconditionFailure("unexpected error type: \(error)")
        }
    }
    return 0
}

/// The entry libFuzzer's runtime also looks for by name.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzOne(data, size)
}

/// libFuzzer's driver, linked from the sanitizer runtime; we keep our own `main` (SwiftPM renames
/// and wires an executable's entry point) and hand it the callback.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })
