// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCborValue>

namespace neurorack {

/// Writes a document tree as diff-friendly JSON: keys in the tree's order, objects
/// indented by two spaces, arrays of plain values (curves, tags) on one line, and
/// every number in its shortest exact form (single-precision values as the shortest
/// decimal that reads back as the same float). Reading the output back gives the
/// same tree, so JSON ↔ CBOR round trips are lossless.
class JsonWriter
{
public:
    static QByteArray write(const QCborValue &document);
    /// The shortest JSON text for one number (exported for tests).
    static QByteArray formatNumber(double value);
};

} // namespace neurorack
