import EdiagModel

/// The bytes of a JSON document as they are written: one growing buffer, string literals escaped
/// in place, numbers in `NumberFormat`'s text, indentation copied from a ready run of spaces.
///
/// A diagnosis document is tens of kilobytes of short pieces (keys, names, numbers, indentation),
/// so each piece is a bounds check and a copy, never an allocation.
public struct JSONByteWriter: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    /// A writer whose buffer starts at `capacity` bytes (it grows as needed).
    public init(capacity: Int = 16_384) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// The bytes written so far.
    public consuming func finish() -> [UInt8] {
        [UInt8](UnsafeBufferPointer(start: start, count: count))
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count &+ extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: start, count: count)
        start.deallocate()
        start = bigger
        capacity = newCapacity
    }

    /// One byte, e.g. a bracket or a comma.
    @inline(__always)
    public mutating func byte(_ b: UInt8) {
        reserve(1)
        start[count] = b
        count += 1
    }

    /// Bytes written as they are (they must already be valid JSON text).
    @inline(__always)
    public mutating func raw(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        if let base = bytes.baseAddress { (start + count).update(from: base, count: bytes.count) }
        count += bytes.count
    }

    /// ASCII text known at compile time, written as it is (`null`, `true`, an escape sequence).
    @inline(__always)
    public mutating func raw(_ text: StaticString) {
        let n = text.utf8CodeUnitCount
        reserve(n)
        // Literals are a few bytes: a byte loop is cheaper than calling memcpy.
        for i in 0..<n { start[count + i] = text.utf8Start[i] }
        count += n
    }

    /// A line break and `2 × depth` spaces.
    public mutating func newline(depth: Int) {
        let spaces = 2 * depth
        reserve(spaces + 9)
        start[count] = UInt8(ascii: "\n")
        let target = UnsafeMutableRawPointer(start + count + 1)
        var i = 0
        while i < spaces {  // whole words of spaces; the bytes past the end are overwritten later
            target.storeBytes(of: 0x2020_2020_2020_2020 as UInt64, toByteOffset: i, as: UInt64.self)
            i += 8
        }
        count += spaces + 1
    }

    /// The colon after a key, and in pretty output the space after it.
    @inline(__always)
    public mutating func colon(pretty: Bool) {
        reserve(2)
        start[count] = UInt8(ascii: ":")
        start[count + 1] = UInt8(ascii: " ")
        count += pretty ? 2 : 1
    }

    /// A number as `NumberFormat.plain` writes it after rounding to 10 significant digits; `null`
    /// for NaN and the infinities (JSON has no text for them).
    public mutating func number(_ n: Double) {
        guard n.isFinite else { return raw("null") }
        reserve(NumberFormat.plainByteCapacity)
        count += NumberFormat.writePlain(NumberFormat.significant(n, digits: 10), to: start + count)
    }

    /// A JSON string literal. Bytes of multi-byte UTF-8 sequences pass through unchanged (U+2028
    /// included); only the quote, the backslash and control characters are escaped.
    public mutating func string(_ s: String) {
        if s.utf8.withContiguousStorageIfAvailable({ string($0) }) == nil {
            var copy = s
            copy.withUTF8 { string($0) }
        }
    }

    /// A JSON string literal from UTF-8 bytes (see `string(_:)`).
    ///
    /// Almost no string needs escaping, so the bytes are checked and copied eight at a time; the
    /// first word that holds a byte to escape sends the whole string through the escaping loop.
    public mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        reserve(n + 10)  // quotes, and room for whole-word stores past the end
        start[count] = UInt8(ascii: "\"")
        if let from = bytes.baseAddress, !JSONByteWriter.copyUnlessEscaping(from, n, to: start + count + 1) {
            count += 1
            for byte in bytes { escaped(byte) }
            byte(UInt8(ascii: "\""))
            return
        }
        start[count + 1 + n] = UInt8(ascii: "\"")
        count += n + 2
    }

    /// Copies `n` bytes from `from` to `to` (which has room for `max(n, 8)`) unless one of them needs
    /// escaping; returns whether it copied them.
    @inline(__always)
    private static func copyUnlessEscaping(_ from: UnsafePointer<UInt8>, _ n: Int, to: UnsafeMutablePointer<UInt8>) -> Bool {
        let source = UnsafeRawPointer(from), target = UnsafeMutableRawPointer(to)
        if n >= 16 {
            var i = 0
            while i + 16 <= n {
                let low = source.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let high = source.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                if needsEscaping(low) || needsEscaping(high) { return false }
                target.storeBytes(of: low, toByteOffset: i, as: UInt64.self)
                target.storeBytes(of: high, toByteOffset: i + 8, as: UInt64.self)
                i += 16
            }
            if i < n {  // the last sixteen bytes, overlapping ones already copied
                let low = source.loadUnaligned(fromByteOffset: n - 16, as: UInt64.self)
                let high = source.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
                if needsEscaping(low) || needsEscaping(high) { return false }
                target.storeBytes(of: low, toByteOffset: n - 16, as: UInt64.self)
                target.storeBytes(of: high, toByteOffset: n - 8, as: UInt64.self)
            }
            return true
        }
        if n >= 8 {  // two words, overlapping when n < 16
            let low = source.loadUnaligned(as: UInt64.self), high = source.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            if needsEscaping(low) || needsEscaping(high) { return false }
            target.storeBytes(of: low, as: UInt64.self)
            target.storeBytes(of: high, toByteOffset: n - 8, as: UInt64.self)
            return true
        }
        if n >= 4 {
            let low = source.loadUnaligned(as: UInt32.self), high = source.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            if needsEscaping(UInt64(low) | UInt64(high) << 32) { return false }
            target.storeBytes(of: low, as: UInt32.self)
            target.storeBytes(of: high, toByteOffset: n - 4, as: UInt32.self)
            return true
        }
        for i in 0..<n {
            let b = from[i]
            if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return false }
            to[i] = b
        }
        return true
    }

    /// Whether any of the eight bytes is a control character, a quote or a backslash.
    ///
    /// A byte of y below n (n <= 128) sets its high bit in (y - n·ones) & ~y & highs; the quote and
    /// the backslash are the bytes of x ^ (c·ones) below 1. As c < 0x80, ~(x ^ c·ones) and ~x agree
    /// in the high bits, so one mask serves all three tests. A borrow may mark bytes above a match
    /// but never invents one, so the answer is exact.
    @inline(__always)
    static func needsEscaping(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let below = (x &- 0x20 &* ones) | ((x ^ (0x22 &* ones)) &- ones) | ((x ^ (0x5c &* ones)) &- ones)
        return below & ~x & (0x80 &* ones) != 0
    }

    private mutating func escaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case UInt8(ascii: "\n"): raw("\\n")
        case UInt8(ascii: "\r"): raw("\\r")
        case UInt8(ascii: "\t"): raw("\\t")
        case 0..<0x20:
            raw("\\u00")
            self.byte(JSONByteWriter.hexDigit(byte >> 4))
            self.byte(JSONByteWriter.hexDigit(byte & 0x0f))
        default:
            self.byte(byte)
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
