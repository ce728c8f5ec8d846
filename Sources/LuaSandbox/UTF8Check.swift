/// Whether bytes are well-formed UTF-8, checked without building a string.
///
/// Every text a rule hands the host passes here, and the standard library's only public validating
/// initializer (`String(validating:as:)`) is generic and costs several times this check. The
/// accepted sequences are exactly those of the Unicode standard's table of well-formed UTF-8 byte
/// sequences (no overlong forms, no surrogates, nothing above U+10FFFF), as for
/// `String(validating:as:)`.
public enum UTF8Check {
    /// True when `bytes` is well-formed UTF-8 (an empty buffer is).
    public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var i = 0
        while i < count {
            // Mostly ASCII (keys, numbers, English text): eight bytes at a time.
            if i + 8 <= count, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let lead = base[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            // The allowed range of the second byte depends on the lead byte; later bytes are 80...BF.
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard i + length <= count else { return false }
            let second = base[i + 1]
            guard second >= low, second <= high else { return false }
            var k = 2
            while k < length {
                guard base[i + k] & 0xC0 == 0x80 else { return false }
                k += 1
            }
            i += length
        }
        return true
    }
}
