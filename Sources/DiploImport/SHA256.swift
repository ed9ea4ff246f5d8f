import DiploModel
import DiploStore
import Foundation

/// SHA-256 (FIPS 180-4), to recognise a document imported before. Foundation on Linux has no
/// CryptoKit, and this is all Diplo needs of a crypto package.
public enum SHA256 {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    public static func hex(_ data: some Collection<UInt8>) -> String {
        var hasher = Accumulator()
        hasher.update(Array(data))
        return hasher.finalize()
    }

    /// The state of a digest read in pieces: `update` with each, then `finalize` once.
    public struct Accumulator: Sendable {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
            (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        /// Bytes of a block not yet full.
        var pending: [UInt8] = []
        var length: UInt64 = 0

        public init() {}

        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            guard !bytes.isEmpty else { return }
            length += UInt64(bytes.count)
            var rest = bytes[...]
            if !pending.isEmpty {
                let take = min(64 - pending.count, rest.count)
                pending.append(contentsOf: rest.prefix(take))
                rest = rest.dropFirst(take)
                guard pending.count == 64 else { return }
                pending.withUnsafeBytes { compress(UnsafeRawBufferPointer($0)) }
                pending.removeAll(keepingCapacity: true)
            }
            let whole = rest.count / 64 * 64
            if whole > 0 { compress(UnsafeRawBufferPointer(rebasing: rest.prefix(whole))) }
            pending.append(contentsOf: rest.dropFirst(whole))
        }

        public mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

        /// The digest as 64 hexadecimal digits.
        public mutating func finalize() -> String {
            let bitLength = length * 8
            var tail = pending
            tail.append(0x80)
            tail.append(contentsOf: repeatElement(0, count: (64 + 56 - tail.count % 64) % 64))
            for shift in stride(from: 56, through: 0, by: -8) {
                tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
            }
            tail.withUnsafeBytes { compress($0) }
            pending = []
            // Not `String(format:)`: a press release's digest is a fiftieth of reading it that way.
            var hex = ""
            for word in [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7] {
                let digits = String(word, radix: 16)
                hex += String(repeating: "0", count: 8 - digits.count) + digits
            }
            return hex
        }

        /// Runs the compression function over whole 64-byte blocks.
        mutating func compress(_ bytes: UnsafeRawBufferPointer) {
            var w = (
                UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0),
                UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0)
            )
            var state = h
            withUnsafeMutableBytes(of: &w) { raw in
                let w = raw.bindMemory(to: UInt32.self)
                SHA256.k.withUnsafeBufferPointer { k in
                    for chunk in stride(from: 0, to: bytes.count, by: 64) {
                        var (a, b, c, d, e, f, g, hh) = state
                        @inline(__always) func round(_ i: Int, _ word: UInt32) {
                            let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
                            let t1 = hh &+ s1 &+ ((e & f) ^ (~e & g)) &+ k[i] &+ word
                            let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
                            let t2 = s0 &+ ((a & b) ^ (a & c) ^ (b & c))
                            (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
                        }
                        for i in 0..<16 {
                            let word = bytes.loadUnaligned(fromByteOffset: chunk + i * 4, as: UInt32.self).bigEndian
                            w[i] = word
                            round(i, word)
                        }
                        for i in 16..<64 {
                            let w15 = w[(i - 15) & 15]
                            let w2 = w[(i - 2) & 15]
                            let s0 = w15.rotatedRight(7) ^ w15.rotatedRight(18) ^ (w15 >> 3)
                            let s1 = w2.rotatedRight(17) ^ w2.rotatedRight(19) ^ (w2 >> 10)
                            let word = w[i & 15] &+ s0 &+ w[(i - 7) & 15] &+ s1
                            w[i & 15] = word
                            round(i, word)
                        }
                        state = (
                            state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f,
                            state.6 &+ g, state.7 &+ hh
                        )
                    }
                }
            }
            h = state
        }
    }
}

private extension UInt32 {
    @inline(__always) func rotatedRight(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 - n)) }
}
