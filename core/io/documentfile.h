// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/documentcodec.h"

#include <QByteArray>
#include <QString>

namespace neurorack {

/// How a document is encoded in bytes.
enum class Encoding {
    Json, ///< files people read and diff
    Cbor, ///< the compact wire form
};

/// Reads and writes bank, preset and mapping documents as bytes and files: size and
/// nesting limits, JSON or CBOR detected from the first byte, clear messages for
/// malformed input, and atomic saves (a crash never leaves a half-written file).
class DocumentFile
{
public:
    static constexpr qint64 kMaxFileSize = 32LL * 1024 * 1024;
    static constexpr int kMaxNesting = 32;

    /// Parses bytes into a document tree: CBOR when the first byte starts a CBOR map,
    /// JSON otherwise. Checks the size and nesting limits; does not validate content.
    static Result<QCborValue> parse(const QByteArray &bytes);
    static QByteArray serialize(const QCborValue &document, Encoding encoding);
    /// Encoding named by a file's extension: ".cbor" is CBOR, anything else JSON.
    static Encoding encodingForPath(const QString &path);

    /// The whole content of a file, or a message saying why it cannot be read.
    static Result<QByteArray> readFile(const QString &path);
    /// Writes through a temporary file, flushed to disk, then renamed over @p path.
    /// Returns an error message, or an empty string on success.
    static QString writeFileAtomically(const QString &path, const QByteArray &bytes);

    static Result<Bank> bankFromBytes(const QByteArray &bytes);
    static Result<Preset> presetFromBytes(const QByteArray &bytes);
    static Result<Mapping> mappingFromBytes(const QByteArray &bytes);

    static Result<Bank> loadBank(const QString &path);
    static Result<Preset> loadPreset(const QString &path);
    static Result<Mapping> loadMapping(const QString &path);

    /// Saves in the encoding the extension names; an error message or empty on success.
    static QString saveBank(const QString &path, const Bank &bank);
    static QString savePreset(const QString &path, const Preset &preset);
    static QString saveMapping(const QString &path, const Mapping &mapping);
};

} // namespace neurorack
