/// Samples and records: decoding digital values, placing records in time, handing blocks on.
extension EDFDecoder {
    /// Decodes `count` bytes of one selected signal's run into its column, finishing a sample
    /// split across chunks first and keeping a split one for the next chunk.
    func decode(_ start: UnsafeRawPointer, _ count: Int, into column: Int, scaling: EDFScaling) {
        let width = header!.bytesPerSample
        // The column is moved out while samples are appended, so that appending is to a local
        // array (unique, no per-sample access to the class's storage).
        var out: [Double] = []
        swap(&out, &recordColumns[column])
        defer { swap(&out, &recordColumns[column]) }
        var p = start
        var n = count
        if carryCount > 0 {
            let need = min(width - carryCount, n)
            for k in 0..<need { carry[carryCount + k] = p.load(fromByteOffset: k, as: UInt8.self) }
            carryCount += need
            p += need
            n -= need
            guard carryCount == width else { return }
            out.append(scaling.physical(carry.withUnsafeBytes { Self.digital($0.baseAddress!, width: width) }))
            carryCount = 0
        }
        let whole = n / width
        if width == 2 {
            for k in 0..<whole { out.append(scaling.physical(Self.digital(p + 2 * k, width: 2))) }
        } else {
            for k in 0..<whole { out.append(scaling.physical(Self.digital(p + 3 * k, width: 3))) }
        }
        for k in (whole * width)..<n {
            carry[carryCount] = p.load(fromByteOffset: k, as: UInt8.self)
            carryCount += 1
        }
    }

    /// A stored sample: 16-bit (EDF) or 24-bit (BDF) little-endian two's complement.
    @inline(__always)
    static func digital(_ p: UnsafeRawPointer, width: Int) -> Int32 {
        if width == 2 { return Int32(Int16(littleEndian: p.loadUnaligned(as: Int16.self))) }
        let bits = UInt32(p.load(as: UInt8.self))
            | UInt32(p.load(fromByteOffset: 1, as: UInt8.self)) << 8
            | UInt32(p.load(fromByteOffset: 2, as: UInt8.self)) << 16
        return Int32(bitPattern: bits << 8) >> 8  // sign-extend bit 23
    }

    /// A record is complete: reads its annotations, places it in time (a gap before it when it
    /// does not follow the previous one), and queues its samples.
    func completeRecord(_ sink: (DecoderOutput) throws -> Void) throws {
        guard let header, let plan else { return }
        recordsRead += 1
        let lists = recordAnnotations.map(EDFAnnotationList.init)
        for a in recordAnnotations.indices { recordAnnotations[a].removeAll(keepingCapacity: true) }
        let duration = header.recordDuration
        let rate = plan.layout.sampleRateHz
        // Half a sample: onsets are written in decimal and need not be exact multiples.
        let tolerance = 0.5 / rate
        let onset = lists.first?.recordOnset
        // What the record says besides samples goes out after the samples before it, whatever
        // the chunking: so queued samples are handed on first (only when there is something).
        var notes: [DecoderOutput] = []
        func warn(_ code: String, _ message: String) {
            notes.append(.warning(InputWarning(line: 0, column: 0, code: code, message: message)))
        }
        if origin == nil {
            origin = onset ?? 0
            expectedOnset = origin! + duration
        } else if let onset {
            let jump = onset - expectedOnset
            if jump > tolerance {
                notes.append(.gap(Gap(start: expectedOnset - origin! - 1 / rate, end: onset - origin!, line: 0)))
                if !header.isDiscontinuous {
                    warn("discontinuous", "data record \(recordsRead) starts at \(onset) s, \(jump) s after the previous one ended, although the header (\(EDFHeader.quoted(header.reserved))) declares the recording continuous")
                }
                expectedOnset = onset + duration
            } else if jump < -tolerance {
                warn("time-backwards", "data record \(recordsRead) starts at \(onset) s, before the previous one ended (\(expectedOnset) s); its samples are placed right after the previous record")
                expectedOnset += duration
            } else {
                expectedOnset = onset + duration
            }
        } else {
            if header.isPlus && plan.annotationSignalCount > 0 {
                warn("record-onset-missing", "data record \(recordsRead) has no time-keeping annotation; it is taken to follow the previous record")
            }
            expectedOnset += duration
        }
        for (a, list) in lists.enumerated() {
            if let problem = list.problem {
                warn("malformed-annotation", "data record \(recordsRead), annotation signal \(a + 1): \(problem); the rest of its annotations were skipped")
            }
            for entry in list.entries {
                notes.append(.annotation(RecordingAnnotation(onset: entry.onset - origin!, duration: entry.duration, text: entry.text)))
            }
        }
        if !notes.isEmpty {
            try flush(sink)
            for note in notes { try sink(note) }
        }
        for c in recordColumns.indices {
            pendingColumns[c].append(contentsOf: recordColumns[c])
            recordColumns[c].removeAll(keepingCapacity: true)
        }
        if pendingColumns.first?.count ?? 0 >= Self.blockSamples { try flush(sink) }
    }

    /// Hands on the completed records queued, if any, as one block.
    func flush(_ sink: (DecoderOutput) throws -> Void) throws {
        guard let first = pendingColumns.first, !first.isEmpty else { return }
        let block = SampleBlock(columns: pendingColumns)
        for c in pendingColumns.indices { pendingColumns[c] = [] }
        try sink(.samples(block))
    }
}
