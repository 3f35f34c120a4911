import Foundation

/// The system's reason for a failed file operation ("Permission denied", "Not a directory"),
/// without Foundation's wrapping (`Error Domain=NSCocoaErrorDomain Code=513 …`).
enum SystemReason {
    static func of(_ error: Error) -> String {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        switch ns.code {
        case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "No such file or directory"
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "Permission denied"
        case NSFileWriteOutOfSpaceError: return "No space left on device"
        case NSFileWriteFileExistsError: return "File exists"
        case NSFileWriteVolumeReadOnlyError: return "Read-only file system"
        default: return ns.localizedDescription
        }
    }
}
