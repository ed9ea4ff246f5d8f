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

    /// The digest of these bytes, in hexadecimal: read block by block, not copied whole.
    public static func hex(_ data: some Collection<UInt8>) -> String {
        var digest = Digest()
        if data.withContiguousStorageIfAvailable({ digest.add($0) }) == nil {
            // Pieces of a size that blocks do not divide: a block may begin in one and end in the next.
            let size = 65_521
            var piece: [UInt8] = []
            piece.reserveCapacity(size)
            for byte in data {
                piece.append(byte)
                if piece.count == size {
                    piece.withUnsafeBufferPointer { digest.add($0) }
                    piece.removeAll(keepingCapacity: true)
                }
            }
            piece.withUnsafeBufferPointer { digest.add($0) }
        }
        return digest.finish()
    }

    /// The state of a digest: the hash so far, the bytes of a block begun, and the length.
    private struct Digest {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
            (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        var pending: [UInt8] = []
        var length: UInt64 = 0
        var w = [UInt32](repeating: 0, count: 64)

        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
            length += UInt64(bytes.count)
            var from = 0
            if !pending.isEmpty {
                let taken = min(64 - pending.count, bytes.count)
                pending.append(contentsOf: bytes[0..<taken])
                from = taken
                guard pending.count == 64 else { return }
                let block = pending
                block.withUnsafeBufferPointer { compress($0, blocks: 0..<1) }
                pending.removeAll(keepingCapacity: true)
            }
            let whole = (bytes.count - from) / 64
            compress(UnsafeBufferPointer(rebasing: bytes[from...]), blocks: 0..<whole)
            pending.append(contentsOf: bytes[(from + whole * 64)...])
        }

        mutating func finish() -> String {
            let bitLength = length * 8
            var tail = pending
            tail.append(0x80)
            tail.append(contentsOf: repeatElement(0, count: (64 + 56 - tail.count % 64) % 64))
            for shift in stride(from: 56, through: 0, by: -8) {
                tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
            }
            tail.withUnsafeBufferPointer { compress($0, blocks: 0..<($0.count / 64)) }
            return [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7].map { String(format: "%08x", $0) }.joined()
        }

        /// Runs the rounds over these 64-byte blocks of `bytes`.
        mutating func compress(_ bytes: UnsafeBufferPointer<UInt8>, blocks: Range<Int>) {
            var h = self.h
            k.withUnsafeBufferPointer { k in
                w.withUnsafeMutableBufferPointer { w in
                    for block in blocks {
                        let chunk = block * 64
                        for i in 0..<16 {
                            let j = chunk + i * 4
                            w[i] =
                                UInt32(bytes[j]) << 24 | UInt32(bytes[j + 1]) << 16 | UInt32(bytes[j + 2]) << 8
                                | UInt32(bytes[j + 3])
                        }
                        for i in 16..<64 {
                            let s0 = w[i - 15].rotatedRight(7) ^ w[i - 15].rotatedRight(18) ^ (w[i - 15] >> 3)
                            let s1 = w[i - 2].rotatedRight(17) ^ w[i - 2].rotatedRight(19) ^ (w[i - 2] >> 10)
                            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                        }
                        var (a, b, c, d, e, f, g, hh) = h
                        for i in 0..<64 {
                            let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
                            let t1 = hh &+ s1 &+ ((e & f) ^ (~e & g)) &+ k[i] &+ w[i]
                            let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
                            let t2 = s0 &+ ((a & b) ^ (a & c) ^ (b & c))
                            (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
                        }
                        h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
                    }
                }
            }
            self.h = h
        }
    }
}

private extension UInt32 {
    @inline(__always) func rotatedRight(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 - n)) }
}
