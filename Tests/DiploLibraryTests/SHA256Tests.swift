import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore
import Foundation
import Testing

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func matchesTheStandardsVectors(_ input: String, _ digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test func aLongInputSpanningManyBlocks() {
        #expect(
            SHA256.hex(Array(String(repeating: "a", count: 1_000_000).utf8))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Read in pieces (text that is not contiguous bytes), block boundaries anywhere: the same digest.
    @Test func piecesGiveTheSameDigest() {
        let text = String(repeating: "Nguyễn Phú Trọng, a. ", count: 9_000)
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 65_521, 65_540, 131_100, text.utf8.count] {
            let bytes = Array(text.utf8.prefix(length))
            #expect(SHA256.hex(bytes.lazy.map { $0 }) == SHA256.hex(bytes))
            #expect(SHA256.hex(bytes) == SHA256.hex(Data(bytes)))
        }
        #expect(SHA256.hex(text.utf8) == SHA256.hex(Array(text.utf8)))
    }
}
