import EdiagModel
import Foundation
import Testing

struct IntegrityTests {
    /// SHA-256 matches the FIPS 180-4 / NIST example vectors, including the two-block padding cases.
    @Test func sha256KnownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(SHA256.hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")
            == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    /// A profile-sized message (5,000 bytes, 78 blocks and a tail) hashes to the reference digest
    /// (Python's hashlib) whole, as `Data`, and fed in pieces of every awkward size.
    @Test func sha256ProfileSizedMessage() {
        let bytes = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let expected = "1e92fd98f113aba0a78e0830ca06e2775912370feab112dfc57bf3258b810595"
        #expect(SHA256.hex(bytes) == expected)
        #expect(SHA256.hex(Data(bytes)) == expected)
        for piece in [1, 7, 63, 64, 65, 130, 4999] {
            var hasher = SHA256()
            var start = 0
            while start < bytes.count {
                hasher.update(bytes[start..<min(start + piece, bytes.count)])
                start += piece
            }
            #expect(hasher.hexDigest() == expected, "pieces of \(piece)")
        }
    }

    /// Feeding the message in pieces gives the same digest as feeding it whole (block boundaries at 55, 56, 64 bytes).
    @Test func sha256IncrementalEqualsWhole() {
        for length in [0, 1, 55, 56, 57, 63, 64, 65, 127, 128, 200] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            var hasher = SHA256()
            hasher.update(bytes.prefix(length / 3))
            hasher.update(bytes.dropFirst(length / 3))
            #expect(hasher.hexDigest() == SHA256.hex(bytes), "length \(length)")
        }
    }

    /// A folder hash ignores listing order and location, and names the file that changed.
    @Test func folderHashNamesChangedFiles() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("ediag-hash-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: dir) }
        try fm.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
        try "a".write(toFile: dir + "/rule.lua", atomically: true, encoding: .utf8)
        try "b".write(toFile: dir + "/data/t.yaml", atomically: true, encoding: .utf8)
        try "ignored".write(toFile: dir + "/.hidden", atomically: true, encoding: .utf8)
        let before = FolderHash.of(directory: dir)
        #expect(before.files.keys.sorted() == ["data/t.yaml", "rule.lua"])
        #expect(before.hash.hasPrefix("sha256:"))
        #expect(FolderHash.of(directory: dir) == before)
        try "c".write(toFile: dir + "/data/t.yaml", atomically: true, encoding: .utf8)
        try "new".write(toFile: dir + "/extra.lua", atomically: true, encoding: .utf8)
        let after = FolderHash.of(directory: dir)
        #expect(after.hash != before.hash)
        let diff = after.differences(from: before)
        #expect(diff.changed == ["data/t.yaml"])
        #expect(diff.added == ["extra.lua"])
        #expect(diff.removed.isEmpty)
    }
}
