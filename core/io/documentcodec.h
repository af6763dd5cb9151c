// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"
#include "model/bank.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>

#include <span>

namespace neurorack {

/// The kinds of document Neurorack reads and writes (docs/file-formats.md).
enum class DocumentKind { Bank, Preset, Mapping };

/// Converts banks, presets and mappings to and from the document tree that both the
/// JSON files and the CBOR wire encoding carry. Decoding validates everything and
/// names each offending field; it returns either a whole object or errors.
class DocumentCodec
{
public:
    static constexpr int kBankVersion = 1;
    static constexpr int kPresetVersion = 1;
    static constexpr int kMappingVersion = 1;
    /// More errors than this in one document are summarised in one last line.
    static constexpr int kMaxReportedErrors = 40;

    /// "neurorack.bank", "neurorack.preset", "neurorack.mapping".
    static QString formatName(DocumentKind kind);
    /// The kind a document says it is, from its "format" field.
    static std::optional<DocumentKind> kindOf(const QCborValue &document);

    /// One curve as a CBOR array: numbers, and null for unvoiced (NaN) pitch frames.
    static QCborArray encodeCurve(std::span<const float> values);

    static QCborMap encodeBank(const Bank &bank);
    /// A preset; @p standalone adds format, version and grid (a preset file).
    static QCborMap encodePreset(const Preset &preset, bool standalone = true);
    /// A mapping; @p standalone adds format and version (a mapping file).
    static QCborMap encodeMapping(const Mapping &mapping, bool standalone = true);

    static Result<Bank> decodeBank(const QCborValue &document);
    static Result<Preset> decodePreset(const QCborValue &document);
    static Result<Mapping> decodeMapping(const QCborValue &document);
};

} // namespace neurorack
