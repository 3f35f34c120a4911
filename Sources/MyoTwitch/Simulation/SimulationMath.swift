import Foundation

// Thin wrappers so that the simulator's arithmetic reads as formulas; Foundation's functions are
// correctly rounded on glibc for these uses and give the same bits on every run.
extension Double {
    func log() -> Double { Foundation.log(self) }
    func exp() -> Double { Foundation.exp(self) }
    func sine() -> Double { Foundation.sin(self) }
    func cosine() -> Double { Foundation.cos(self) }
}
