/// A text by its UTF-8 bytes, as a key of a table or set. A `String` key is hashed in Unicode's
/// normal form (NFC), which for Vietnamese words and paragraphs costs more than reading them; two
/// spellings of one text (composed, decomposed) are two keys here.
struct Spelling: Hashable {
    let bytes: [UInt8]

    init(bytes: [UInt8]) { self.bytes = bytes }
    init(_ text: String) { bytes = Array(text.utf8) }

    func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
}
